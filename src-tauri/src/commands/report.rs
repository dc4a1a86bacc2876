//! The PDF compliance report: written from the saved design where the user chooses, and opened
//! in the desktop's viewer on request.

use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;
use zta::{Framework, Paper, ReportFormat, ReportRequest};

use crate::commands::file::{saved_design_file, stem};
use crate::error::{AppError, Result};
use crate::recent::file_name;
use crate::state::{AppState, lock};

/// What writing the report produced.
#[derive(Debug, Serialize, TS)]
pub struct ReportExported {
    /// The report's file name.
    pub file_name: String,
    /// Its size in bytes.
    pub bytes: usize,
}

/// Writes the compliance report (PCI DSS, GDPR and ISO/IEC 27001, A4) of the saved design to a
/// PDF file the user chooses; `None` when they cancel.
#[tauri::command]
pub async fn export_report(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<ReportExported>> {
    let design = saved_design_file(&state)?;
    let picked = app
        .dialog()
        .file()
        .set_title("Export compliance report")
        .set_file_name(format!("{}-report.pdf", stem(&design)))
        .add_filter("PDF document", &["pdf"])
        .blocking_save_file();
    let Some(output) = picked.and_then(|file| file.into_path().ok()) else {
        return Ok(None);
    };
    let request = ReportRequest {
        frameworks: Framework::ASSESSABLE.to_vec(),
        format: ReportFormat::Pdf,
        paper: Paper::A4,
    };
    let bytes = zta::write_report(&design, &request, &output)?;
    let exported = ReportExported {
        file_name: file_name(&output),
        bytes,
    };
    *lock(&state.last_report) = Some(output);
    Ok(Some(exported))
}

/// Opens the report written last with the desktop's default PDF viewer. Only that file can be
/// opened this way: the webview names no path.
#[tauri::command]
pub fn open_report(state: State<'_, AppState>) -> Result<()> {
    let path = lock(&state.last_report).clone().ok_or(AppError::NoReport)?;
    open::that_detached(&path)
        .map_err(|error| AppError::io(format!("opening {}", path.display()), error))
}
