//! Build script: compiles the Tauri configuration and the permission manifest of the app's own
//! commands, so that the window can call only the commands its capability lists.

/// Every command the shell exposes; each gets an `allow-<command>` permission that the
/// capability in `capabilities/main.json` grants explicitly.
const COMMANDS: &[&str] = &[
    "startup_design",
    "new_design",
    "open_design",
    "open_recent",
    "recent_files",
    "save_design",
    "save_design_as",
    "set_dirty",
    "autosave",
    "discard_recovery",
    "validate_design",
    "assess_compliance",
    "import_cloudformation",
    "export_cloudformation",
    "export_report",
    "open_report",
    "plan_deployment",
    "deploy_design",
    "answer_change_set",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("the Tauri configuration is valid");
}
