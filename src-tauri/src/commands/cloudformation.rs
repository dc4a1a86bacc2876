//! CloudFormation in and out: importing a template the user picks into a new design, and
//! exporting the saved design to templates where the user chooses.

use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons};
use ts_rs::TS;
use zta::Design;
use zta::ManualStep;

use crate::commands::file::{saved_design_file, stem};
use crate::error::Result;
use crate::recent::file_name;
use crate::state::AppState;

/// A design imported from a template, with the import's account of what became what.
#[derive(Debug, Serialize, TS)]
pub struct ImportedDesign {
    /// The new design; it has no file until the user saves it.
    #[ts(type = "RawDesign")]
    pub design: Design,
    /// One sentence: how many resources were mapped, absorbed and carried.
    pub summary: String,
    /// The full import report, resource by resource.
    pub report: String,
}

/// What an export wrote.
#[derive(Debug, Serialize, TS)]
pub struct CloudFormationExported {
    /// The file or folder written, by name.
    pub location: String,
    /// The files written, by name, templates first and then the manifest.
    pub files: Vec<String>,
    /// The stacks, in deployment order.
    pub stacks: Vec<String>,
    /// What the exporter wants the user to know.
    pub warnings: Vec<String>,
    /// What CloudFormation cannot do and a person must, each with its command or console path.
    pub manual_steps: Vec<ManualStep>,
    /// Stacks whose template must go through S3 to be deployed (over the inline limit).
    pub over_inline_limit: Vec<String>,
}

/// Asks for a CloudFormation or SAM template and imports it; `None` when the user cancels.
/// The design it makes starts without a file, so saving asks where to put it.
#[tauri::command]
pub async fn import_cloudformation(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<ImportedDesign>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Import CloudFormation template")
        .add_filter(
            "CloudFormation template",
            &["yaml", "yml", "json", "template"],
        )
        .blocking_pick_file();
    let Some(path) = picked.and_then(|file| file.into_path().ok()) else {
        return Ok(None);
    };
    // The user chose the parent template only; reading a nested stack's file beside it is
    // asked first, and a nested stack not read is carried verbatim.
    let ask = |nested: &std::path::Path| {
        app.dialog()
            .message(format!(
                "The template's nested stack refers to {}. Read that file too, to import the \
                 nested stack's resources? Otherwise the nested stack is carried unread.",
                nested.display()
            ))
            .title("Read a nested template?")
            .buttons(MessageDialogButtons::OkCancelCustom(
                "Read it".to_owned(),
                "Carry it unread".to_owned(),
            ))
            .blocking_show()
    };
    let outcome = zta::import_cloudformation_asking(&path, None, &ask)?;
    *crate::state::lock(&state.current_file) = None;
    let report = outcome.report.to_string();
    let summary = report.lines().next().unwrap_or_default().to_string();
    Ok(Some(ImportedDesign {
        design: outcome.design,
        summary,
        report,
    }))
}

/// Exports the saved design to CloudFormation. A design that becomes one stack is written as one
/// template file; several stacks go into a new folder with a manifest of the deploy order, so
/// the dialog suggests a file or a folder name accordingly. `None` when the user cancels.
#[tauri::command]
pub async fn export_cloudformation(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<CloudFormationExported>> {
    let design = saved_design_file(&state)?;
    let stacks = zta::plan_design_deployment(&design, None)?.stacks.len();
    let dialog = app.dialog().file();
    let dialog = if stacks == 1 {
        dialog
            .set_title("Export CloudFormation template")
            .set_file_name(format!("{}.cfn.yaml", stem(&design)))
            .add_filter("CloudFormation template", &["yaml"])
    } else {
        dialog
            .set_title(format!(
                "Export CloudFormation: a new folder for the {stacks} stacks"
            ))
            .set_file_name(format!("{}-cloudformation", stem(&design)))
    };
    let Some(output) = dialog
        .blocking_save_file()
        .and_then(|file| file.into_path().ok())
    else {
        return Ok(None);
    };
    let written = zta::export_cloudformation(&design, &output, zta::TemplateFormat::Yaml)?;
    Ok(Some(CloudFormationExported {
        location: file_name(&output),
        files: written.files.iter().map(|path| file_name(path)).collect(),
        stacks: written
            .export
            .stacks
            .iter()
            .map(|stack| stack.name.clone())
            .collect(),
        warnings: written.export.warnings.clone(),
        manual_steps: written.export.manual_steps.clone(),
        over_inline_limit: written
            .over_inline_limit
            .iter()
            .map(|(stack, bytes)| format!("{stack} ({bytes} bytes)"))
            .collect(),
    }))
}
