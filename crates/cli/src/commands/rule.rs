//! `zta rule CODE`: explain one rule, from its documentation.

use crate::exit::Outcome;

/// Arguments of `zta rule`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The rule's code (e.g. `ZT-NET-003`) or name (e.g. `ssh-or-rdp-from-outside`).
    code: String,
}

/// Runs the command; an unknown code is a usage error.
pub fn run(args: &Args) -> Outcome {
    match zta::explain_rule(&args.code) {
        Ok(text) => {
            print!("{text}");
            Outcome::Success
        }
        Err(error) => {
            eprintln!("error: {error}");
            Outcome::Failure
        }
    }
}
