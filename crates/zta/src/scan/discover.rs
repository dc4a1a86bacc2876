//! Finding and reading the templates a scan is given: files named on the command line are read
//! as named; folders are searched recursively without following symbolic links, and every
//! file found there is read only if it is a regular file no larger than a template may be.
//! What is passed over is listed with its reason, so that nothing is left out silently.

use std::fs::File;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde::Serialize;
use zta_cfn::parse::MAX_TEMPLATE_BYTES;

use crate::import::{open_without_following, read_bounded};
use crate::{Error, Result};

/// A file or folder a scan passed over, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedPath {
    /// The path, as the scan found it.
    pub file: String,
    /// Why it was not scanned.
    pub reason: String,
}

/// A file that may be a template.
pub(super) struct Candidate {
    pub path: PathBuf,
    /// Named on the command line (read whatever it holds) or found in a folder (read only if
    /// it is a regular file that holds a `Resources` section).
    pub named: bool,
}

/// What reading a candidate gave.
pub(super) enum Read {
    /// The template's text.
    Template(String),
    /// Not a template, or not to be read; the reason.
    Skipped(String),
    /// A template that could not be read; the reason.
    Failed(String),
}

/// How deep folders are searched: deeper than any repository layout, and an end to a crafted
/// tree.
const MAX_FOLDER_DEPTH: usize = 32;

/// The candidates under the given paths, in the order given (each folder's files sorted), and
/// what was passed over while searching. Fails only when a given path cannot be read at all.
pub(super) fn candidates(paths: &[PathBuf]) -> Result<(Vec<Candidate>, Vec<SkippedPath>)> {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let read_error = |source| Error::Read {
            path: path.clone(),
            source,
        };
        if std::fs::metadata(path).map_err(read_error)?.is_dir() {
            let mut files = Vec::new();
            search(path, 0, &mut files, &mut skipped).map_err(read_error)?;
            files.sort();
            found.extend(
                files
                    .into_iter()
                    .map(|path| Candidate { path, named: false }),
            );
        } else {
            found.push(Candidate {
                path: path.clone(),
                named: true,
            });
        }
    }
    Ok((found, skipped))
}

/// Collects the files under `folder` whose names say they may be templates. Hidden entries
/// (`.git`, `.aws-sam` build output) and symbolic links are passed over and listed, so that
/// the search stays inside the tree and ends even on a link loop.
fn search(
    folder: &Path,
    depth: usize,
    found: &mut Vec<PathBuf>,
    skipped: &mut Vec<SkippedPath>,
) -> std::io::Result<()> {
    let skip = |skipped: &mut Vec<SkippedPath>, path: &Path, reason: &str| {
        skipped.push(SkippedPath {
            file: path.display().to_string(),
            reason: reason.to_owned(),
        });
    };
    if depth > MAX_FOLDER_DEPTH {
        skip(
            skipped,
            folder,
            &format!("folder nested deeper than {MAX_FOLDER_DEPTH} levels: not searched"),
        );
        return Ok(());
    }
    let mut entries = std::fs::read_dir(folder)?.collect::<std::io::Result<Vec<_>>>()?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let path = entry.path();
        // The entry's own type: a symbolic link is reported as one, not as what it points to.
        let kind = entry.file_type()?;
        // A link is looked through (a stat, not a read) only to tell whether it stands for a
        // folder, which the scan would otherwise have searched; a loop fails that look.
        let leads_to_folder =
            kind.is_symlink() && std::fs::metadata(&path).map_or(true, |target| target.is_dir());
        if !(kind.is_dir() || leads_to_folder || is_template_name(&name)) {
            continue;
        }
        if name.starts_with('.') {
            skip(skipped, &path, "hidden: not searched");
        } else if kind.is_symlink() {
            skip(
                skipped,
                &path,
                "symbolic link: not followed, so that the scan stays inside the folder",
            );
        } else if kind.is_dir() {
            search(&path, depth + 1, found, skipped)?;
        } else if kind.is_file() {
            found.push(path);
        } else {
            skip(
                skipped,
                &path,
                "not a regular file (a device, FIFO or socket): not read",
            );
        }
    }
    Ok(())
}

/// Whether a file name is one templates are written under. Designs (`.zta.yaml`) are not
/// templates; `zta validate` judges them.
fn is_template_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let design = lower.ends_with(".zta.yaml") || lower.ends_with(".zta.json");
    !design
        && [".yaml", ".yml", ".json", ".template"]
            .iter()
            .any(|extension| lower.ends_with(extension))
}

/// Reads a candidate. A named file is read as named and must be a template; a file found in a
/// folder is opened without following a link and read only when it is a regular file of at
/// most [`MAX_TEMPLATE_BYTES`], holds UTF-8 text and has a `Resources` section.
pub(super) fn read(candidate: &Candidate) -> Read {
    let path = &candidate.path;
    if candidate.named {
        // The size of a regular file is checked before reading it, so that a huge file costs
        // nothing; a stream (`/dev/stdin`) is read up to the limit.
        let file = File::open(path);
        let size = file
            .as_ref()
            .ok()
            .and_then(|file| file.metadata().ok())
            .filter(std::fs::Metadata::is_file)
            .map_or(0, |metadata| metadata.len());
        if size > MAX_TEMPLATE_BYTES as u64 {
            return Read::Failed(too_large(size));
        }
        return match file.and_then(read_bounded) {
            Ok(text) => Read::Template(text),
            Err(error) => Read::Failed(format!("cannot read it: {error}")),
        };
    }
    let file = match open_without_following(path) {
        Ok(file) => file,
        Err(error) => return Read::Failed(format!("cannot read it: {error}")),
    };
    let metadata = match file.metadata() {
        Ok(metadata) => metadata,
        Err(error) => return Read::Failed(format!("cannot read it: {error}")),
    };
    if !metadata.is_file() {
        return Read::Skipped("not a regular file (a device, FIFO or socket): not read".into());
    }
    if metadata.len() > MAX_TEMPLATE_BYTES as u64 {
        return Read::Skipped(too_large(metadata.len()));
    }
    match read_bounded(file) {
        Ok(text) if has_resources_section(&text) => Read::Template(text),
        Ok(_) => Read::Skipped("no Resources section: not a CloudFormation template".into()),
        Err(error) if error.kind() == ErrorKind::InvalidData => {
            Read::Skipped("not UTF-8 text: not a CloudFormation template".into())
        }
        Err(error) if error.kind() == ErrorKind::FileTooLarge => {
            Read::Skipped(too_large(metadata.len()))
        }
        Err(error) => Read::Failed(format!("cannot read it: {error}")),
    }
}

fn too_large(size: u64) -> String {
    format!(
        "{size} bytes, over the {MAX_TEMPLATE_BYTES} bytes a template may be: not read \
         (CloudFormation itself takes at most 1 MB)"
    )
}

/// Whether a text has a template's `Resources` section: a top-level YAML key `Resources:`
/// (at the start of a line, quoted or not), or a JSON key `"Resources":` anywhere. Workflows,
/// manifests and Serverless Framework files, whose `Resources` are indented under another key,
/// are not templates.
fn has_resources_section(text: &str) -> bool {
    let yaml_key = text.lines().any(|line| {
        let key = line
            .strip_prefix("Resources")
            .or_else(|| line.strip_prefix("\"Resources\""))
            .or_else(|| line.strip_prefix("'Resources'"));
        key.is_some_and(|rest| rest.trim_start().starts_with(':'))
    });
    yaml_key
        || text
            .match_indices("\"Resources\"")
            .any(|(at, key)| text[at + key.len()..].trim_start().starts_with(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resources_section_is_told_from_a_nested_resources_key() {
        assert!(has_resources_section(
            "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n"
        ));
        assert!(has_resources_section(
            r#"{"AWSTemplateFormatVersion":"2010-09-09","Resources" : {}}"#
        ));
        // A Serverless Framework file holds CloudFormation under `resources:`, indented.
        assert!(!has_resources_section(
            "service: orders\nresources:\n  Resources:\n    Queue:\n      Type: AWS::SQS::Queue\n"
        ));
        assert!(!has_resources_section("name: deploy\non: [push]\n"));
    }
}
