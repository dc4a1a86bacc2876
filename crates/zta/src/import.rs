//! Importing CloudFormation templates into designs, reading nested stacks' templates from the
//! files beside the parent when they are there.
//!
//! **Invariant:** a nested template is read only from inside the parent template's folder tree:
//! a regular file (no device, FIFO or socket), reached without leaving that tree through `..` or
//! a symbolic link, and no larger than the parser's limit. Anything else stops the import with
//! a refusal naming the `TemplateURL`'s line; no other file is ever opened.

use std::cell::RefCell;
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use zta_cfn::parse::MAX_TEMPLATE_BYTES;
use zta_cfn::{ImportOptions, ImportOutcome, NestedTemplate, nested_template_candidates};

use crate::{Error, Result};

/// Imports a CloudFormation template file (YAML or JSON, SAM included) into a design.
///
/// A nested stack whose `TemplateURL` names a file inside the parent template's folder tree
/// (by any suffix of the URL's path) is imported too; otherwise it is carried verbatim.
pub fn import_cloudformation(
    template: &Path,
    design_name: Option<String>,
) -> Result<ImportOutcome> {
    import_cloudformation_asking(template, design_name, &|_| true)
}

/// Imports a template file as [`import_cloudformation`] does, asking `allow` before reading
/// each nested template (the app asks the user, who chose only the parent); a nested stack
/// whose file is not allowed is carried verbatim.
pub fn import_cloudformation_asking(
    template: &Path,
    design_name: Option<String>,
    allow: &dyn Fn(&Path) -> bool,
) -> Result<ImportOutcome> {
    let read_error = |source| Error::Read {
        path: template.to_path_buf(),
        source,
    };
    let text = read_bounded(File::open(template).map_err(read_error)?).map_err(read_error)?;
    import_read_template(template, &text, design_name, allow, None)
}

/// Imports a template file already read into `text`, reading its nested templates from the
/// files beside it as [`import_cloudformation_asking`] does, and keeping the nested templates'
/// texts in `nested_read` when given (a scan points back into them).
pub(crate) fn import_read_template(
    template: &Path,
    text: &str,
    design_name: Option<String>,
    allow: &dyn Fn(&Path) -> bool,
    nested_read: Option<&RefCell<Vec<NestedTemplate>>>,
) -> Result<ImportOutcome> {
    let folder = template
        .canonicalize()
        .map_err(|source| Error::Read {
            path: template.to_path_buf(),
            source,
        })?
        .parent()
        .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
    let load_nested = move |url: &str| {
        for candidate in nested_template_candidates(url) {
            let Some(path) = nested_file(&folder, &candidate)? else {
                continue;
            };
            if !allow(&path) {
                return Ok(None);
            }
            let nested = NestedTemplate {
                origin: path.display().to_string(),
                text: read_nested(&path)?,
            };
            if let Some(kept) = nested_read {
                kept.borrow_mut().push(nested.clone());
            }
            return Ok(Some(nested));
        }
        Ok(None)
    };
    let options = ImportOptions {
        load_nested: Some(&load_nested),
        design_name,
        ..ImportOptions::default()
    };
    Ok(zta_cfn::import_template(
        text,
        &template.display().to_string(),
        &options,
    )?)
}

/// Imports a template held in memory, such as a deployed stack's (`zta import stack`).
/// `origin` names it in errors and in the import report, as a file name would; nested stacks
/// are carried verbatim, since there is no folder to find their templates in.
pub fn import_cloudformation_text(
    text: &str,
    origin: &str,
    design_name: Option<String>,
) -> Result<ImportOutcome> {
    let options = ImportOptions {
        design_name,
        ..ImportOptions::default()
    };
    Ok(zta_cfn::import_template(text, origin, &options)?)
}

/// The file a `TemplateURL` candidate names inside `folder` (already canonical): `None` when
/// there is none (or it is a folder), the reason when the candidate must not be read.
fn nested_file(folder: &Path, candidate: &str) -> std::result::Result<Option<PathBuf>, String> {
    let relative = Path::new(candidate);
    if relative
        .components()
        .any(|part| !matches!(part, Component::Normal(_)))
    {
        return Err(
            "the path leaves the template's folder (`..`, `.` or an absolute path); \
             refusing to read it"
                .to_owned(),
        );
    }
    let path = folder.join(relative);
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let real = path
        .canonicalize()
        .map_err(|error| format!("cannot resolve {}: {error}", path.display()))?;
    if !real.starts_with(folder) {
        return Err(format!(
            "{} leads outside the template's folder {} through a symbolic link; \
             refusing to read it",
            path.display(),
            folder.display()
        ));
    }
    let metadata = std::fs::metadata(&real)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    if metadata.is_dir() {
        return Ok(None);
    }
    if !metadata.is_file() {
        return Err(format!(
            "{} is not a regular file (a device, FIFO or socket); refusing to read it",
            path.display()
        ));
    }
    if metadata.len() > MAX_TEMPLATE_BYTES as u64 {
        return Err(too_large(&path, metadata.len()));
    }
    Ok(Some(real))
}

/// Reads a nested template checked by [`nested_file`]. The file is opened without following a
/// link and without waiting on a FIFO, and checked again once open, so that swapping it for
/// something else after the check gains nothing.
fn read_nested(path: &Path) -> std::result::Result<String, String> {
    let cannot = |error: std::io::Error| format!("cannot read {}: {error}", path.display());
    let file = open_without_following(path).map_err(cannot)?;
    let metadata = file.metadata().map_err(cannot)?;
    if !metadata.is_file() {
        return Err(format!(
            "{} is not a regular file; refusing to read it",
            path.display()
        ));
    }
    read_bounded(file).map_err(|error| match error.kind() {
        std::io::ErrorKind::FileTooLarge => too_large(path, metadata.len()),
        _ => cannot(error),
    })
}

/// Opens a file for reading without following a symbolic link in its last part and without
/// waiting on a FIFO, so that what was checked before opening is what is read.
pub(crate) fn open_without_following(path: &Path) -> std::io::Result<File> {
    let mut open = OpenOptions::new();
    open.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        open.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    open.open(path)
}

/// A file's text, refusing more than the parser would take (a file that grows while read, or
/// an endless one such as `/dev/zero` chosen as the template itself).
pub(crate) fn read_bounded(file: File) -> std::io::Result<String> {
    let mut text = String::new();
    file.take(MAX_TEMPLATE_BYTES as u64 + 1)
        .read_to_string(&mut text)?;
    if text.len() > MAX_TEMPLATE_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "the file is larger than {MAX_TEMPLATE_BYTES} bytes, the most a template may be"
            ),
        ));
    }
    Ok(text)
}

fn too_large(path: &Path, size: u64) -> String {
    format!(
        "{} is {size} bytes, over the limit of {MAX_TEMPLATE_BYTES} bytes; refusing to read it",
        path.display()
    )
}
