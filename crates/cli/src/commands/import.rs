//! `zta import cfn TEMPLATE -o DESIGN`: bring an existing CloudFormation template onto the canvas.

use std::path::PathBuf;

use clap::Subcommand;

use crate::exit::Outcome;
use crate::output::report_error;

/// Arguments of `zta import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    source: Source,
}

#[derive(Debug, Subcommand)]
enum Source {
    /// Import a CloudFormation or SAM template (YAML or JSON). Resources the design cannot
    /// express are carried verbatim and written back by the export; the report says which.
    Cfn {
        /// The template file.
        template: PathBuf,
        /// Where to write the design (`NAME.zta.yaml`).
        #[arg(short, long)]
        output: PathBuf,
        /// The design's name (the template's file name by default).
        #[arg(long)]
        name: Option<String>,
    },
}

/// Runs the command.
pub fn run(args: &Args) -> Outcome {
    match &args.source {
        Source::Cfn {
            template,
            output,
            name,
        } => {
            let outcome = match zta::import_cloudformation(template, name.clone()) {
                Ok(outcome) => outcome,
                Err(error) => return report_error(&error),
            };
            if let Err(error) = zta::save_design(output, &outcome.design) {
                return report_error(&error);
            }
            println!("{}", outcome.report);
            println!("wrote {}", output.display());
            Outcome::Success
        }
    }
}
