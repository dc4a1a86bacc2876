//! `zta scan TEMPLATE...`: judge existing CloudFormation in CI. Each template (folders are
//! searched recursively, nested stacks followed inside them) is imported in memory and
//! validated; findings point at the logical id in the template. Exit 1 when an open finding is
//! at or above `--fail-on`, 2 when a template could not be scanned or a path not read.

use std::path::PathBuf;

use zta::ScanFormat;

use crate::commands::validate::{Format, Threshold};
use crate::exit::Outcome;
use crate::output::report_error;

/// Arguments of `zta scan`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Template files (YAML or JSON, SAM included) or folders to search for them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// How to print the findings.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit 1 when an open finding is at or above this severity.
    #[arg(long, value_enum, default_value = "high")]
    fail_on: Threshold,
}

/// Runs the command.
pub fn run(args: &Args) -> Outcome {
    let scan = match zta::scan(&args.paths) {
        Ok(scan) => scan,
        Err(error) => return report_error(&error),
    };
    let format = match args.format {
        Format::Text => ScanFormat::Text,
        Format::Json => ScanFormat::Json,
        Format::Sarif => ScanFormat::Sarif,
    };
    print!("{}", scan.render(format));
    if !scan.failures.is_empty() {
        for failure in &scan.failures {
            eprintln!("error: {failure}");
        }
        return Outcome::Failure;
    }
    if scan.fails_at(args.fail_on.severity()) {
        Outcome::ProblemsFound
    } else {
        Outcome::Success
    }
}
