//! Reading and writing design files.
//!
//! Saving is atomic: the text goes to a temporary file in the same folder, is flushed to disk,
//! and replaces the old file by a rename, so a crash or a kill during a save leaves either the
//! old file or the new one, never a torn mix. A save respects the file it replaces: it writes
//! through symbolic links to their target, keeps the target's owner, group and mode, gives a new
//! file the mode the umask allows, leaves a read-only file alone unless forced, and removes the
//! temporary files that a killed save of the same file left behind.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use crate::format::{leading_comment, load_str, to_json, to_yaml};
use crate::{Design, Error, Result};

/// Largest design file read. The reference architecture is about 40 KB and a generated design
/// of 5,000 elements about 2 MB; 16 MiB is far beyond any drawn design, and reading stops there
/// so that a design named after an endless file (`/dev/zero`) cannot exhaust memory.
pub const MAX_DESIGN_BYTES: u64 = 16 * 1024 * 1024;

/// Most symbolic links followed to find the file a save replaces, as the kernel's own limit
/// (`ELOOP` after 40), so that a loop of links ends.
const MAX_SYMLINK_HOPS: usize = 40;

/// How old a temporary file of a save must be before a later save removes it even when its
/// process cannot be checked. Saves take milliseconds; ten minutes is certainly abandoned.
const STALE_TEMPORARY_AGE: Duration = Duration::from_secs(600);

/// The suffix of a save's temporary file, `.NAME.PID-N.tmp` beside `NAME`.
const TEMPORARY_SUFFIX: &str = ".tmp";

/// How a save may treat the file it replaces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SaveOptions {
    /// Replace the file even when it is read-only.
    pub force: bool,
}

/// Reads and checks a design file (YAML, or JSON by content).
pub fn load_file(path: &Path) -> Result<Design> {
    let text = read_design_text(path)?;
    Ok(load_str(&text, &path.display().to_string())?)
}

/// Reads a design file's text, at most [`MAX_DESIGN_BYTES`] of it.
pub fn read_design_text(path: &Path) -> Result<String> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(read_error)?;
    let mut text = String::new();
    file.take(MAX_DESIGN_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(read_error)?;
    if text.len() as u64 > MAX_DESIGN_BYTES {
        return Err(read_error(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "the file is larger than {} MiB, the most a design may be",
                MAX_DESIGN_BYTES / (1024 * 1024)
            ),
        )));
    }
    Ok(text)
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
    let header = read_design_text(path)
        .ok()
        .and_then(|text| leading_comment(&text));
    to_yaml(design, header.as_deref())
}

/// Saves a design atomically in its canonical form; a read-only file is refused.
pub fn save_file(path: &Path, design: &Design) -> Result<()> {
    save_file_with(path, design, SaveOptions::default())
}

/// Saves a design atomically in its canonical form, as `options` allow.
pub fn save_file_with(path: &Path, design: &Design, options: SaveOptions) -> Result<()> {
    write_atomic_with(path, render_for_path(path, design).as_bytes(), options)
}

/// Replaces a file's content atomically; a read-only file is refused.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, bytes, SaveOptions::default())
}

/// Replaces a file's content atomically: temporary file in the same folder as the file a
/// symbolic link leads to, with that file's owner, group and mode, fsync, rename, then fsync of
/// the folder so that the rename itself survives a power cut.
pub fn write_atomic_with(path: &Path, bytes: &[u8], options: SaveOptions) -> Result<()> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let target = resolve_links(path).map_err(write_error)?;
    let existing = match std::fs::metadata(&target) {
        Ok(metadata) => Some(metadata),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(write_error(error)),
    };
    if let Some(metadata) = &existing {
        if !metadata.is_file() {
            return Err(write_error(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a regular file; refusing to replace it",
            )));
        }
        if !options.force && is_read_only(&target, metadata) {
            return Err(write_error(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the file is read-only; it was left as it is (the CLI's `--force` replaces it)",
            )));
        }
    }
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    remove_stale_temporaries(&folder, &file_name);

    let temporary = folder.join(temporary_name(&file_name));
    let written = write_temporary(&temporary, bytes, existing.as_ref())
        .and_then(|()| std::fs::rename(&temporary, &target));
    if let Err(error) = written {
        // The temporary file is ours and useless now; failing to remove it changes nothing.
        let _ = std::fs::remove_file(&temporary);
        return Err(write_error(error));
    }
    if let Ok(directory) = File::open(&folder) {
        directory.sync_all().map_err(write_error)?;
    }
    Ok(())
}

/// The file a path names after following symbolic links (a dangling link gives the file it
/// would create), so that a save replaces the target and keeps the link.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_SYMLINK_HOPS {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            Ok(_) => return Ok(current),
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("more than {MAX_SYMLINK_HOPS} symbolic links to follow"),
    ))
}

/// Whether the file may not be written: no write permission at all, or none for this user.
fn is_read_only(path: &Path, metadata: &std::fs::Metadata) -> bool {
    metadata.permissions().readonly() || OpenOptions::new().write(true).open(path).is_err()
}

/// A temporary name beside `file_name` that no other save uses: `.NAME.PID-N.tmp`.
fn temporary_name(file_name: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let unique = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.subsec_nanos().into())
        ^ COUNTER.fetch_add(1, Ordering::Relaxed).rotate_left(32);
    format!(
        ".{file_name}.{}-{unique:x}{TEMPORARY_SUFFIX}",
        std::process::id()
    )
}

/// Writes the temporary file with the replaced file's mode, owner and group, or for a new file
/// the mode the umask leaves of `rw-rw-rw-`, as any program creating a file gives it.
fn write_temporary(
    temporary: &Path,
    bytes: &[u8],
    existing: Option<&std::fs::Metadata>,
) -> io::Result<()> {
    let mut open = OpenOptions::new();
    open.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        open.mode(0o666);
    }
    let mut file = open.open(temporary)?;
    if let Some(metadata) = existing {
        // The umask applies to new files only; an existing file's mode is kept as it was.
        file.set_permissions(metadata.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let own = file.metadata()?;
            if own.uid() != metadata.uid() || own.gid() != metadata.gid() {
                std::os::unix::fs::fchown(&file, Some(metadata.uid()), Some(metadata.gid()))
                    .map_err(|error| {
                        io::Error::new(
                            error.kind(),
                            format!(
                                "cannot keep the file's owner and group ({error}); \
                                 refusing to replace it with a file owned by this user"
                            ),
                        )
                    })?;
            }
        }
    }
    file.write_all(bytes)?;
    file.sync_all()
}

/// Removes the temporary files of earlier saves of `file_name` that were interrupted (a killed
/// process, a power cut): those of a process that no longer runs, or old ones. Failing to remove
/// one is not a reason to fail this save.
fn remove_stale_temporaries(folder: &Path, file_name: &str) {
    let prefix = format!(".{file_name}.");
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(middle) = name
            .to_str()
            .and_then(|name| name.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(TEMPORARY_SUFFIX))
        else {
            continue;
        };
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        if !metadata.is_file() {
            continue;
        }
        let abandoned = middle
            .split_once('-')
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
            .is_some_and(|pid| pid != std::process::id() && !process_runs(pid));
        let old = metadata
            .modified()
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMPORARY_AGE);
        if abandoned || old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether a process runs, where the system says (Linux's `/proc`); elsewhere it is assumed to,
/// and only age makes its temporary files stale.
fn process_runs(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}
