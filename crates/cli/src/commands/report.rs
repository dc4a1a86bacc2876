//! `zta report FILE -o PATH`: the compliance report an auditor reads, as PDF, JSON or Markdown.

use std::path::PathBuf;

use zta::{Framework, Paper, ReportFormat, ReportRequest};

use crate::exit::Outcome;
use crate::output::report_error;

/// Arguments of `zta report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The design file.
    file: PathBuf,
    /// The frameworks to assess, comma-separated: `pci-dss`, `gdpr`, `iso27001`.
    #[arg(long, value_delimiter = ',', default_value = "pci-dss,gdpr,iso27001")]
    framework: Vec<String>,
    /// `pdf`, `json` (the report model) or `md`.
    #[arg(long, default_value = "pdf")]
    format: String,
    /// Page size of the PDF: `a4` or `letter`.
    #[arg(long, default_value = "a4")]
    paper: String,
    /// Where to write the report.
    #[arg(short, long)]
    output: PathBuf,
    /// Open the report with the desktop's default application once written.
    #[arg(long)]
    open: bool,
}

/// Runs the command.
pub fn run(args: &Args) -> Outcome {
    let frameworks: Result<Vec<Framework>, _> = args
        .framework
        .iter()
        .map(|name| name.parse::<Framework>())
        .collect();
    let (frameworks, format, paper) = match (
        frameworks,
        args.format.parse::<ReportFormat>(),
        args.paper.parse::<Paper>(),
    ) {
        (Ok(frameworks), Ok(format), Ok(paper)) => (frameworks, format, paper),
        (Err(error), _, _) => return usage(&error.to_string()),
        (_, Err(error), _) => return usage(&error.to_string()),
        (_, _, Err(error)) => return usage(&error.to_string()),
    };
    let request = ReportRequest {
        frameworks,
        format,
        paper,
    };
    if let Err(error) = zta::write_report(&args.file, &request, &args.output) {
        return report_error(&error);
    }
    println!("wrote {}", args.output.display());
    if args.open
        && let Err(error) = open::that(&args.output)
    {
        eprintln!("error: cannot open {}: {error}", args.output.display());
        return Outcome::Failure;
    }
    Outcome::Success
}

fn usage(message: &str) -> Outcome {
    eprintln!("error: {message}");
    Outcome::Failure
}
