//! `zta schema`: print the JSON Schema of the design format, for editors and other tools.

use crate::exit::Outcome;

/// Arguments of `zta schema`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs the command.
pub fn run(_: &Args) -> Outcome {
    print!("{}", zta::design_json_schema());
    Outcome::Success
}
