//! Live validation: the UI sends the design after every change and gets back what is wrong with
//! it: integrity problems (what would stop the file loading) and the zero-trust rules' findings.
//! Validation never fails on a bad design; problems and findings are its answer.

use serde::Serialize;
use ts_rs::TS;
use zta::model::Design;

/// An integrity problem, as the UI shows it.
#[derive(Debug, Serialize, TS)]
pub struct Problem {
    /// Where in the document, e.g. `components[3].segment`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// The obvious fix, when there is one.
    pub help: Option<String>,
}

/// What validating a design found.
#[derive(Debug, Serialize, TS)]
pub struct Validation {
    /// Problems that would stop the file from loading (dangling references and the like).
    pub problems: Vec<Problem>,
    /// The rules' findings, in the stable JSON shape of `zta validate --format json`.
    pub findings: Vec<zta::rules::Finding>,
}

/// Validates the design the UI holds. Async so that it runs on the worker pool, never on the
/// thread that drives the window.
#[tauri::command]
pub async fn validate_design(design: Design) -> Validation {
    let problems = zta::design_problems(&design)
        .into_iter()
        .map(|problem| Problem {
            path: problem.path,
            message: problem.message,
            help: problem.help,
        })
        .collect();
    let findings = zta::rules::validate(&design).findings;
    Validation { problems, findings }
}
