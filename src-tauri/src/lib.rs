//! ZTA Designer's desktop shell: a Tauri window around the React UI in `ui/`, and the commands
//! that UI calls. The commands are thin: each calls the `zta` crate, which holds the logic the
//! CLI shares.
//!
//! **Boundary:** files reach the app only through dialogs shown from Rust, the command line, or
//! the recent list those fill; the webview holds no file-system or dialog permission.

mod commands;
mod error;
// The TypeScript of the shell's types is written and checked by its test only.
#[cfg(test)]
mod generated;
mod recent;
mod recovery;
mod state;

use std::path::PathBuf;

use tauri::{Manager, WindowEvent};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

pub use error::{AppError, ErrorPayload};

use crate::recent::RecentFiles;
use crate::recovery::Recovery;
use crate::state::{AppState, lock};

/// Starts the app, opening `startup_file` when one was given on the command line.
pub fn run(startup_file: Option<PathBuf>) {
    let startup_file = startup_file.map(|path| std::path::absolute(&path).unwrap_or(path));
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            let config_dir = app.path().app_config_dir()?;
            let data_dir = app.path().app_data_dir()?;
            app.manage(AppState::new(
                startup_file.clone(),
                RecentFiles::load(config_dir.join("recent-files.json")),
                Recovery::new(data_dir.join("recovery")),
            ));
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                let dirty = *lock(&window.state::<AppState>().dirty);
                if dirty {
                    api.prevent_close();
                    confirm_close(window.clone());
                }
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::file::startup_design,
            commands::file::new_design,
            commands::file::bundled_examples,
            commands::file::open_design,
            commands::file::open_recent,
            commands::file::recent_files,
            commands::file::save_design,
            commands::file::save_design_as,
            commands::file::set_dirty,
            commands::file::autosave,
            commands::file::discard_recovery,
            commands::validate::validate_design,
            commands::compliance::assess_compliance,
            commands::cloudformation::import_cloudformation,
            commands::cloudformation::export_cloudformation,
            commands::report::export_report,
            commands::report::open_report,
            commands::deploy::plan_deployment,
            commands::deploy::deploy_design,
            commands::deploy::answer_change_set,
        ])
        .run(tauri::generate_context!())
        .expect("the Tauri runtime starts");
}

/// Asks before closing a window with unsaved changes; the native dialog works even when the
/// webview is busy. Discarding also removes the recovery copy, since the user chose to lose it.
fn confirm_close(window: tauri::Window) {
    window
        .dialog()
        .message("The design has changes that are not saved. Close anyway and discard them?")
        .title("Unsaved changes")
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            "Discard and close".into(),
            "Keep editing".into(),
        ))
        .show(move |discard| {
            if discard {
                let state = window.state::<AppState>();
                // A failure to remove the copy only means it is offered again at the next start.
                let _ = state.recovery.discard();
                *lock(&state.dirty) = false;
                let _ = window.destroy();
            }
        });
}
