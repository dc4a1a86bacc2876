//! Crash recovery: an autosaved copy of unsaved work, kept in the app's data directory, and the
//! path of the file it belongs to. The copy is removed when the work is saved or discarded, so
//! its presence at start-up means the last session ended without saving.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use zta::Design;

use crate::error::{AppError, Result};

/// Where the autosaved copy lives.
#[derive(Debug, Clone)]
pub struct Recovery {
    dir: PathBuf,
}

/// What the app needs to know about the file an autosave belongs to.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Origin {
    /// The file the design was opened from or last saved to, if any.
    path: Option<PathBuf>,
}

/// An autosaved design found at start-up.
#[derive(Debug)]
pub struct Recovered {
    /// The design as it was when last autosaved.
    pub design: Design,
    /// The file it belongs to, if it had been saved before.
    pub origin: Option<PathBuf>,
}

impl Recovery {
    /// Recovery files under `dir` (created when first needed).
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    fn design_path(&self) -> PathBuf {
        self.dir.join("autosave.zta.yaml")
    }

    fn origin_path(&self) -> PathBuf {
        self.dir.join("autosave-origin.json")
    }

    /// Writes the autosaved copy atomically, remembering which file it belongs to.
    pub fn store(&self, design: &Design, origin: Option<&Path>) -> Result<()> {
        std::fs::create_dir_all(&self.dir)
            .map_err(|error| AppError::io(format!("creating {}", self.dir.display()), error))?;
        zta::save_design(&self.design_path(), design)?;
        let origin = Origin {
            path: origin.map(Path::to_path_buf),
        };
        let json = serde_json::to_vec(&origin).expect("a path serialises to JSON");
        std::fs::write(self.origin_path(), json).map_err(|error| {
            AppError::io(format!("writing {}", self.origin_path().display()), error)
        })
    }

    /// The autosaved copy, if the last session left one that still loads.
    pub fn take(&self) -> Option<Recovered> {
        let design = zta::load_design(&self.design_path()).ok()?;
        let origin = std::fs::read(self.origin_path())
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Origin>(&bytes).ok())
            .unwrap_or_default();
        Some(Recovered {
            design,
            origin: origin.path,
        })
    }

    /// Removes the autosaved copy; nothing to remove is not an error.
    pub fn discard(&self) -> Result<()> {
        for path in [self.design_path(), self.origin_path()] {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => {
                    return Err(AppError::io(format!("removing {}", path.display()), error));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_autosave_survives_until_it_is_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let recovery = Recovery::new(dir.path().join("recovery"));
        assert!(recovery.take().is_none());

        let design = Design::new("Payments");
        let origin = dir.path().join("payments.zta.yaml");
        recovery.store(&design, Some(&origin)).unwrap();

        let recovered = recovery.take().expect("the autosave is found");
        assert_eq!(recovered.design, design);
        assert_eq!(recovered.origin.as_deref(), Some(origin.as_path()));

        recovery.discard().unwrap();
        assert!(recovery.take().is_none());
        recovery.discard().unwrap();
    }
}
