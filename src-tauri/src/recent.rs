//! The list of recently opened files, kept in the app's config directory.
//!
//! The list doubles as the set of files the UI may reopen without a dialog: a path gets on it
//! only when the user picked it in a dialog or named it on the command line, so the webview can
//! never make the app read a file the user did not choose.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, Result};

/// How many files the list keeps.
const CAPACITY: usize = 10;

/// One entry of the recent files menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecentFile {
    /// The full path, shown as a tooltip and passed back to `open_recent`.
    pub path: String,
    /// The file name, shown in the menu.
    pub name: String,
}

/// The recent files, most recent first, stored as JSON at `store`.
#[derive(Debug)]
pub struct RecentFiles {
    store: PathBuf,
    paths: Vec<PathBuf>,
}

impl RecentFiles {
    /// Reads the list from `store`; a missing or unreadable list starts empty, because losing the
    /// menu of recent files must never stop the app from starting.
    pub fn load(store: PathBuf) -> Self {
        let paths = std::fs::read(&store)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Vec<PathBuf>>(&bytes).ok())
            .unwrap_or_default();
        Self { store, paths }
    }

    /// Puts `path` at the top of the list and writes the list back.
    pub fn remember(&mut self, path: &Path) -> Result<()> {
        self.paths.retain(|known| known != path);
        self.paths.insert(0, path.to_path_buf());
        self.paths.truncate(CAPACITY);
        self.write()
    }

    /// Whether the user chose `path` before (in a dialog or on the command line).
    pub fn contains(&self, path: &Path) -> bool {
        self.paths.iter().any(|known| known == path)
    }

    /// The entries for the menu, leaving out files that no longer exist.
    pub fn entries(&self) -> Vec<RecentFile> {
        self.paths
            .iter()
            .filter(|path| path.exists())
            .map(|path| RecentFile {
                path: path.display().to_string(),
                name: file_name(path),
            })
            .collect()
    }

    fn write(&self) -> Result<()> {
        let context = || format!("saving the recent files to {}", self.store.display());
        if let Some(parent) = self.store.parent() {
            std::fs::create_dir_all(parent).map_err(|error| AppError::io(context(), error))?;
        }
        let json = serde_json::to_vec_pretty(&self.paths).expect("paths serialise to JSON");
        std::fs::write(&self.store, json).map_err(|error| AppError::io(context(), error))
    }
}

/// The last component of a path, for menus and the title bar.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_recent_file_comes_first_and_appears_once() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.zta.yaml");
        let b = dir.path().join("b.zta.yaml");
        std::fs::write(&a, "").unwrap();
        std::fs::write(&b, "").unwrap();
        let store = dir.path().join("config/recent.json");

        let mut recent = RecentFiles::load(store.clone());
        recent.remember(&a).unwrap();
        recent.remember(&b).unwrap();
        recent.remember(&a).unwrap();

        let reloaded = RecentFiles::load(store);
        let names: Vec<String> = reloaded.entries().into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["a.zta.yaml", "b.zta.yaml"]);
        assert!(reloaded.contains(&b));
        assert!(!reloaded.contains(&dir.path().join("elsewhere.zta.yaml")));
    }

    #[test]
    fn the_list_keeps_only_the_latest_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut recent = RecentFiles::load(dir.path().join("recent.json"));
        for index in 0..(CAPACITY + 3) {
            let path = dir.path().join(format!("{index}.zta.yaml"));
            std::fs::write(&path, "").unwrap();
            recent.remember(&path).unwrap();
        }
        assert_eq!(recent.entries().len(), CAPACITY);
        assert!(!recent.contains(&dir.path().join("0.zta.yaml")));
    }

    #[test]
    fn an_unreadable_list_starts_empty() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("recent.json");
        std::fs::write(&store, "not json").unwrap();
        assert!(RecentFiles::load(store).entries().is_empty());
    }
}
