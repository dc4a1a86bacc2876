//! The exit codes every subcommand shares, as documented in `zta --help`.

use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Everything is fine.
    Success,
    /// The command ran and found problems.
    ProblemsFound,
    /// Usage error or I/O failure.
    Failure,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::ProblemsFound => ExitCode::from(1),
            Outcome::Failure => ExitCode::from(2),
        }
    }
}
