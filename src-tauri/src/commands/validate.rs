//! Live validation: the UI sends the design after every change and gets back what is wrong with
//! it: integrity problems (what would stop the file loading) and the zero-trust rules' findings.
//! Validation never fails on a bad design; problems and findings are its answer.

use zta::{Design, DesignValidation};

/// Validates the design the UI holds. Async so that it runs on the worker pool, never on the
/// thread that drives the window.
#[tauri::command]
pub async fn validate_design(design: Design) -> DesignValidation {
    zta::validate_design(&design)
}
