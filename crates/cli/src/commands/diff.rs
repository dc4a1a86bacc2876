//! `zta diff OLD NEW`: what changed for security between two versions of a design (findings
//! added and resolved, internet paths opened and closed, exposure changes), for pull requests.

use std::path::PathBuf;

use zta::ListingFormat;

use crate::commands::validate::{Threshold, use_color};
use crate::exit::Outcome;
use crate::output::report_error;

/// Output formats of `zta diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Sections for a reviewer.
    Text,
    /// The diff as JSON.
    Json,
}

/// Arguments of `zta diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The earlier version of the design.
    old: PathBuf,
    /// The later version of the design.
    new: PathBuf,
    /// How to print the diff.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit 1 when the new version adds a finding at or above this severity.
    #[arg(long, value_enum)]
    fail_on: Option<Threshold>,
}

/// Runs the command.
pub fn run(args: &Args) -> Outcome {
    let diff = match zta::diff_files(&args.old, &args.new) {
        Ok(diff) => diff,
        Err(error) => return report_error(&error),
    };
    let format = match args.format {
        Format::Text => ListingFormat::Text,
        Format::Json => ListingFormat::Json,
    };
    print!("{}", zta::render_diff(&diff, format, use_color()));
    let failed = args
        .fail_on
        .zip(diff.worst_added())
        .is_some_and(|(threshold, worst)| worst >= threshold.severity());
    if failed {
        Outcome::ProblemsFound
    } else {
        Outcome::Success
    }
}
