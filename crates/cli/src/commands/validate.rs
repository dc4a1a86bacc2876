//! `zta validate FILE`: check a design against every zero-trust rule and print the findings as
//! text, JSON or SARIF; exit 1 when an open finding is at or above `--fail-on`.

use std::io::IsTerminal;
use std::path::PathBuf;

use zta::{Severity, ValidationFormat};

use crate::exit::Outcome;
use crate::output::report_error;

/// Output formats of `zta validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Findings grouped by severity, coloured on a terminal.
    Text,
    /// The stable JSON contract: `{design, summary, findings}`.
    Json,
    /// SARIF 2.1.0 for code-scanning services.
    Sarif,
}

/// The lowest severity that fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Threshold {
    /// Fail on critical findings only.
    Critical,
    /// Fail on high or critical findings.
    High,
    /// Fail on medium findings or worse.
    Medium,
    /// Fail on any finding but informational ones.
    Low,
}

impl Threshold {
    /// The severity the threshold stands for.
    pub fn severity(self) -> Severity {
        match self {
            Threshold::Critical => Severity::Critical,
            Threshold::High => Severity::High,
            Threshold::Medium => Severity::Medium,
            Threshold::Low => Severity::Low,
        }
    }
}

/// Arguments of `zta validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The design file (`.zta.yaml`, or JSON).
    file: PathBuf,
    /// How to print the findings.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit 1 when an open (unsuppressed) finding is at or above this severity.
    #[arg(long, value_enum, default_value = "high")]
    fail_on: Threshold,
}

/// Whether standard output takes colour: a terminal, and `NO_COLOR` unset.
pub fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Runs the command.
pub fn run(args: &Args) -> Outcome {
    let validation = match zta::validate_file(&args.file) {
        Ok(validation) => validation,
        Err(error) => return report_error(&error),
    };
    let format = match args.format {
        Format::Text => ValidationFormat::Text,
        Format::Json => ValidationFormat::Json,
        Format::Sarif => ValidationFormat::Sarif,
    };
    print!("{}", validation.render(format, use_color()));
    if validation.report.fails_at(args.fail_on.severity()) {
        Outcome::ProblemsFound
    } else {
        Outcome::Success
    }
}
