//! `zta check FILE...`: load each design, report its integrity problems, summarise it.

use std::path::PathBuf;

use crate::exit::Outcome;
use crate::output::report_error;

/// Arguments of `zta check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Design files (`.zta.yaml`, or JSON).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print the summaries as JSON, one object per file.
    #[arg(long)]
    json: bool,
}

/// Runs the command.
pub fn run(args: &Args) -> Outcome {
    let mut outcome = Outcome::Success;
    for file in &args.files {
        match zta::check_file(file) {
            Ok(summary) if args.json => {
                let json = serde_json::json!({ "file": file, "summary": summary });
                println!("{json}");
            }
            Ok(summary) => println!("{}: ok\n{summary}", file.display()),
            Err(error) => outcome = outcome.max(report_error(&error)),
        }
    }
    outcome
}
