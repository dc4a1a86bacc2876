//! `zta rules`: list the rule catalog with codes, severities, tenets and pillars.

use crate::exit::Outcome;

/// Output formats of `zta rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for people.
    Text,
    /// One object per rule: code, name, title, family, severity, tenets, pillar, summary.
    Json,
}

/// Arguments of `zta rules`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How to print the catalog.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// Runs the command.
pub fn run(args: &Args) -> Outcome {
    match args.format {
        Format::Text => print!("{}", zta::rules::render::rules_text()),
        Format::Json => print!("{}", zta::rules::render::rules_json()),
    }
    Outcome::Success
}
