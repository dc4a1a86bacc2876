//! File commands: new, open (through a dialog, from the recent list, or from the command line),
//! save, save as, and the recovery copy. Paths come only from dialogs the user answered, the
//! command line, or the recent list those filled; the webview never names a path of its own.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;
use zta::Design;

use crate::error::{AppError, Result};
use crate::recent::{RecentFile, file_name};
use crate::state::{AppState, lock};

/// A design the UI should show, with the name of its file.
#[derive(Debug, Serialize, TS)]
pub struct OpenedDesign {
    /// The file name for the title bar, or none for a design never saved.
    pub file_name: Option<String>,
    /// The design, in the JSON form of the file format.
    #[ts(type = "RawDesign")]
    pub design: Design,
    /// Whether this is an autosaved copy recovered after a crash (so it is unsaved work).
    pub recovered: bool,
}

const DESIGN_FILTER: (&str, &[&str]) = ("ZTA design", &["yaml", "yml", "json"]);

fn open_path(state: &AppState, path: &Path) -> Result<OpenedDesign> {
    let design = zta::load_design(path)?;
    *lock(&state.current_file) = Some(path.to_path_buf());
    lock(&state.recent).remember(path)?;
    Ok(OpenedDesign {
        file_name: Some(file_name(path)),
        design,
        recovered: false,
    })
}

fn save_to(state: &AppState, path: &Path, design: &Design) -> Result<String> {
    zta::save_design(path, design)?;
    *lock(&state.current_file) = Some(path.to_path_buf());
    *lock(&state.dirty) = false;
    lock(&state.recent).remember(path)?;
    state.recovery.discard()?;
    Ok(file_name(path))
}

/// The design to show at start-up: the file named on the command line, else the autosaved copy
/// an unclean exit left behind, else nothing (the UI starts blank).
#[tauri::command]
pub fn startup_design(state: State<'_, AppState>) -> Result<Option<OpenedDesign>> {
    if let Some(path) = lock(&state.startup_file).take() {
        return open_path(&state, &path).map(Some);
    }
    let Some(recovered) = state.recovery.take() else {
        return Ok(None);
    };
    *lock(&state.current_file) = recovered.origin.clone();
    Ok(Some(OpenedDesign {
        file_name: recovered.origin.as_deref().map(file_name),
        design: recovered.design,
        recovered: true,
    }))
}

/// A bundled example the File menu offers as the start of a new design.
#[derive(Debug, Serialize, TS)]
pub struct ExampleInfo {
    /// The name `new_design` takes.
    pub name: String,
    /// The design's own name, for the menu.
    pub title: String,
}

/// The bundled examples, in the order the File menu lists them.
#[tauri::command]
pub fn bundled_examples() -> Result<Vec<ExampleInfo>> {
    zta::example_names()
        .map(|name| {
            let design = zta::example_design(name)
                .ok_or_else(|| AppError::UnknownExample(name.to_string()))??;
            Ok(ExampleInfo {
                name: name.to_string(),
                title: design.name,
            })
        })
        .collect()
}

/// A new design: blank, or a copy of a bundled example (see `bundled_examples`).
#[tauri::command]
pub fn new_design(state: State<'_, AppState>, example: Option<String>) -> Result<Design> {
    let design = match example.as_deref() {
        None => Design::new("Untitled design"),
        Some(name) => zta::example_design(name)
            .ok_or_else(|| AppError::UnknownExample(name.to_string()))??,
    };
    *lock(&state.current_file) = None;
    Ok(design)
}

/// Asks the user for a design file and opens it; `None` when they cancel.
#[tauri::command]
pub async fn open_design(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<OpenedDesign>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Open design")
        .add_filter(DESIGN_FILTER.0, DESIGN_FILTER.1)
        .blocking_pick_file();
    let Some(path) = picked.and_then(|file| file.into_path().ok()) else {
        return Ok(None);
    };
    open_path(&state, &path).map(Some)
}

/// Opens a file from the recent list; any other path is refused. Async, like the saves below,
/// so that reading a large design never stalls the thread that drives the window.
#[tauri::command]
pub async fn open_recent(state: State<'_, AppState>, path: String) -> Result<OpenedDesign> {
    let path = PathBuf::from(path);
    if !lock(&state.recent).contains(&path) {
        return Err(AppError::NotRecent(path.display().to_string()));
    }
    open_path(&state, &path)
}

/// The recent files, most recent first.
#[tauri::command]
pub fn recent_files(state: State<'_, AppState>) -> Vec<RecentFile> {
    lock(&state.recent).entries()
}

/// Saves to the file the design came from; fails with `no_file` when it has none yet.
#[tauri::command]
pub async fn save_design(state: State<'_, AppState>, design: Design) -> Result<String> {
    let path = lock(&state.current_file).clone().ok_or(AppError::NoFile)?;
    save_to(&state, &path, &design)
}

/// Asks where to save, then saves there; `None` when the user cancels.
#[tauri::command]
pub async fn save_design_as(
    app: AppHandle,
    state: State<'_, AppState>,
    design: Design,
) -> Result<Option<String>> {
    let suggested = lock(&state.current_file)
        .as_deref()
        .map(file_name)
        .unwrap_or_else(|| format!("{}.zta.yaml", slug(&design.name)));
    let picked = app
        .dialog()
        .file()
        .set_title("Save design as")
        .set_file_name(suggested)
        .add_filter(DESIGN_FILTER.0, DESIGN_FILTER.1)
        .blocking_save_file();
    let Some(path) = picked.and_then(|file| file.into_path().ok()) else {
        return Ok(None);
    };
    save_to(&state, &path, &design).map(Some)
}

/// Records whether there are unsaved changes, and shows it in the window title.
#[tauri::command]
pub fn set_dirty(
    app: AppHandle,
    state: State<'_, AppState>,
    dirty: bool,
    file_name: Option<String>,
) -> Result<()> {
    *lock(&state.dirty) = dirty;
    if let Some(window) = app.get_webview_window("main") {
        let name = file_name.unwrap_or_else(|| "Untitled".to_string());
        let marker = if dirty { "● " } else { "" };
        window.set_title(&format!("{marker}{name} — ZTA Designer"))?;
    }
    Ok(())
}

/// Keeps a copy of unsaved work for recovery after a crash. Async: a save ends with fsync, which
/// on the window's thread froze the window and held back validation answers for tens of
/// milliseconds every time the autosave ran.
#[tauri::command]
pub async fn autosave(state: State<'_, AppState>, design: Design) -> Result<()> {
    let origin = lock(&state.current_file).clone();
    state.recovery.store(&design, origin.as_deref())
}

/// Removes the recovery copy (the work was saved, or deliberately thrown away).
#[tauri::command]
pub async fn discard_recovery(state: State<'_, AppState>) -> Result<()> {
    state.recovery.discard()
}

/// The design's file, for the commands that read it (export, report, deploy): it must exist and
/// hold what the window shows, which the UI ensures by saving first.
pub fn saved_design_file(state: &AppState) -> Result<PathBuf> {
    let path = lock(&state.current_file).clone().ok_or(AppError::Unsaved)?;
    if *lock(&state.dirty) {
        return Err(AppError::Unsaved);
    }
    Ok(path)
}

/// A design file's name without its directory and its `.zta.yaml` (or `.yaml`, `.json`) ending,
/// for the names suggested to save exports under.
pub fn stem(path: &Path) -> String {
    let name = file_name(path);
    let lower = name.to_ascii_lowercase();
    [
        ".zta.yaml",
        ".zta.yml",
        ".zta.json",
        ".yaml",
        ".yml",
        ".json",
    ]
    .iter()
    .find(|suffix| lower.ends_with(*suffix))
    .map_or(name.clone(), |suffix| {
        name[..name.len() - suffix.len()].to_string()
    })
}

/// A file name made from a design name: lowercase words joined by dashes.
fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "design".to_string()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{slug, stem};

    #[test]
    fn exports_are_named_after_the_design_file() {
        assert_eq!(stem(Path::new("/work/shop.zta.yaml")), "shop");
        assert_eq!(stem(Path::new("Shop.ZTA.JSON")), "Shop");
        assert_eq!(stem(Path::new("legacy.yml")), "legacy");
        assert_eq!(stem(Path::new("notes")), "notes");
    }

    #[test]
    fn file_names_are_made_from_design_names() {
        assert_eq!(slug("AWS Zero Trust reference"), "aws-zero-trust-reference");
        assert_eq!(slug("  "), "design");
    }
}
