//! The shell's state for one window: which file the design belongs to, whether it has unsaved
//! changes, and where the recent files and the recovery copy are kept.

use std::path::PathBuf;
use std::sync::Mutex;

use tokio::sync::oneshot;

use crate::recent::RecentFiles;
use crate::recovery::Recovery;

/// Everything the commands share, behind one lock each.
pub struct AppState {
    /// The file named on the command line, opened once at start-up.
    pub startup_file: Mutex<Option<PathBuf>>,
    /// The file the design was opened from or last saved to.
    pub current_file: Mutex<Option<PathBuf>>,
    /// Whether the UI reports unsaved changes (the close prompt reads it).
    pub dirty: Mutex<bool>,
    /// The recent files, which are also the files the UI may reopen without a dialog.
    pub recent: Mutex<RecentFiles>,
    /// The autosaved copy of unsaved work.
    pub recovery: Recovery,
    /// The report written last, the only file `open_report` opens.
    pub last_report: Mutex<Option<PathBuf>>,
    /// Where the answer to the change set under review goes, while a deployment waits for it.
    pub pending_change_set: Mutex<Option<oneshot::Sender<bool>>>,
}

impl AppState {
    /// The state of a fresh window.
    pub fn new(startup_file: Option<PathBuf>, recent: RecentFiles, recovery: Recovery) -> Self {
        Self {
            startup_file: Mutex::new(startup_file),
            current_file: Mutex::new(None),
            dirty: Mutex::new(false),
            recent: Mutex::new(recent),
            recovery,
            last_report: Mutex::new(None),
            pending_change_set: Mutex::new(None),
        }
    }
}

/// Locks a mutex, recovering the data if a panicking command poisoned it: the state is plain
/// values that stay consistent between statements, so the last written value is still right.
pub fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
