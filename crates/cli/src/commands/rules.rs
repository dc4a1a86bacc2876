//! `zta rules`: list the rule catalog with codes, severities, tenets and pillars.

use zta::ListingFormat;

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
    let format = match args.format {
        Format::Text => ListingFormat::Text,
        Format::Json => ListingFormat::Json,
    };
    print!("{}", zta::rule_catalog(format));
    Outcome::Success
}
