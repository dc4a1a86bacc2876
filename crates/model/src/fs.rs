//! Reading and writing design files. Saving is atomic: the text goes to a temporary file in the
//! same folder, is flushed to disk, and replaces the old file by a rename, so a crash or a kill
//! during a save leaves either the old file or the new one, never a torn mix.

use std::io::Write;
use std::path::Path;

use crate::format::{leading_comment, load_str, to_json, to_yaml};
use crate::{Design, Error, Result};

/// Reads and checks a design file (YAML, or JSON by content).
pub fn load_file(path: &Path) -> Result<Design> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(load_str(&text, &path.display().to_string())?)
}

/// The canonical text for a design saved at `path`: JSON for `.json` files, YAML otherwise,
/// keeping the comment block at the top of an existing YAML file.
pub fn render_for_path(path: &Path, design: &Design) -> String {
    if path
        .extension()
        .is_some_and(|extension| extension == "json")
    {
        return to_json(design);
    }
    let header = std::fs::read_to_string(path)
        .ok()
        .and_then(|text| leading_comment(&text));
    to_yaml(design, header.as_deref())
}

/// Saves a design atomically in its canonical form.
pub fn save_file(path: &Path, design: &Design) -> Result<()> {
    write_atomic(path, render_for_path(path, design).as_bytes())
}

/// Replaces a file's content atomically: temporary file in the same folder, fsync, rename,
/// then fsync of the folder so that the rename itself survives a power cut.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{file_name}."))
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(write_error)?;
    temporary.write_all(bytes).map_err(write_error)?;
    temporary.as_file().sync_all().map_err(write_error)?;
    if let Ok(metadata) = std::fs::metadata(path) {
        temporary
            .as_file()
            .set_permissions(metadata.permissions())
            .map_err(write_error)?;
    }
    temporary
        .persist(path)
        .map_err(|error| write_error(error.error))?;
    if let Ok(directory) = std::fs::File::open(folder) {
        directory.sync_all().map_err(write_error)?;
    }
    Ok(())
}
