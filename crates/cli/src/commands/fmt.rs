//! `zta fmt [--check] FILE...`: rewrite designs in canonical form.

use std::path::PathBuf;

use zta::FormatOutcome;

use crate::exit::Outcome;
use crate::output::report_error;

/// Arguments of `zta fmt`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Design files to format in place.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Change nothing; exit 1 when a file is not in canonical form.
    #[arg(long)]
    check: bool,
}

/// Runs the command.
pub fn run(args: &Args) -> Outcome {
    let mut outcome = Outcome::Success;
    for file in &args.files {
        match zta::format_file(file, args.check) {
            Ok(FormatOutcome::Unchanged) => {}
            Ok(FormatOutcome::Changed) if args.check => {
                println!("{}: not formatted", file.display());
                outcome = outcome.max(Outcome::ProblemsFound);
            }
            Ok(FormatOutcome::Changed) => println!("{}: formatted", file.display()),
            Err(error) => outcome = outcome.max(report_error(&error)),
        }
    }
    outcome
}
