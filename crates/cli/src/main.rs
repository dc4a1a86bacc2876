//! `zta`: ZTA Designer on the command line, for people at a terminal and for CI pipelines.

mod commands;
mod exit;
mod output;
mod progress;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exporting and validating build and drop many small values; mimalloc does that about a third
/// faster than the system allocator (BENCHMARKS.md, CloudFormation export).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Design, check and ship Zero Trust architectures on AWS.
#[derive(Debug, Parser)]
#[command(
    name = "zta",
    version,
    about,
    after_help = "Exit codes:\n  0  everything is fine\n  1  problems were found (invalid design, a design the export refuses, findings at or above the threshold, unformatted files)\n  2  usage error, or a file could not be read or written"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Load designs, report every integrity problem with file, line and column, and summarise
    /// what each design holds.
    Check(commands::check::Args),
    /// Rewrite designs in canonical form (stable order of keys and elements).
    Fmt(commands::fmt::Args),
    /// Print the JSON Schema of the design file format.
    Schema(commands::schema::Args),
    /// Create a design from something that exists: a CloudFormation template, a deployed
    /// stack, or a live account's IAM.
    Import(commands::import::Args),
    /// Write the compliance report (PDF, JSON or Markdown) for PCI DSS, GDPR and ISO 27001.
    Report(commands::report::Args),
    /// Check a design against every zero-trust rule; exit 1 on findings at or above --fail-on.
    Validate(commands::validate::Args),
    /// Judge CloudFormation templates (files or folders) in CI: findings placed at the logical
    /// id in the template, as text, JSON or SARIF; exit 1 on findings at or above --fail-on.
    Scan(commands::scan::Args),
    /// List the rule catalog (codes, severities, NIST SP 800-207 tenets, CISA ZTMM pillars).
    Rules(commands::rules::Args),
    /// Explain one rule: what it checks, why it matters, an example, what to do instead.
    Rule(commands::rule::Args),
    /// Show what changed for security between two versions of a design.
    Diff(commands::diff::Args),
    /// Export the CloudFormation that implements a design with zero-trust defaults.
    Export(commands::export::Args),
    /// Deploy a design or a CloudFormation template through change sets you review first.
    Deploy(commands::deploy::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check(args) => commands::check::run(&args),
        Command::Fmt(args) => commands::fmt::run(&args),
        Command::Schema(args) => commands::schema::run(&args),
        Command::Import(args) => commands::import::run(&args),
        Command::Report(args) => commands::report::run(&args),
        Command::Validate(args) => commands::validate::run(&args),
        Command::Scan(args) => commands::scan::run(&args),
        Command::Rules(args) => commands::rules::run(&args),
        Command::Rule(args) => commands::rule::run(&args),
        Command::Diff(args) => commands::diff::run(&args),
        Command::Export(args) => commands::export::run(&args),
        Command::Deploy(args) => commands::deploy::run(&args),
    };
    outcome.into()
}
