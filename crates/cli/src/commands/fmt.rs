//! `zta fmt [--check] FILE...`: rewrite designs in canonical form.

use std::path::PathBuf;

use zta::{FormatOptions, FormatOutcome};

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
    /// Rewrite read-only files too (they are left alone otherwise).
    #[arg(long)]
    force: bool,
    /// Rewrite files even though comments below their leading comment block are lost (they
    /// are refused otherwise, naming the comments' lines).
    #[arg(long)]
    drop_comments: bool,
}

/// Runs the command.
pub fn run(args: &Args) -> Outcome {
    let mut outcome = Outcome::Success;
    for file in &args.files {
        let options = FormatOptions {
            check_only: args.check,
            force: args.force,
            drop_comments: args.drop_comments,
        };
        match zta::format_file(file, options) {
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
