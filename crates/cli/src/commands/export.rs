//! `zta export cfn DESIGN -o PATH [--format yaml|json]`: the CloudFormation that implements a
//! design, ready to deploy.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use zta::TemplateFormat;

use crate::exit::Outcome;
use crate::output::report_error;

/// Arguments of `zta export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    target: Target,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Yaml,
    Json,
}

#[derive(Debug, Subcommand)]
enum Target {
    /// Export CloudFormation with zero-trust defaults. A design with one account (and under
    /// CloudFormation's limits) becomes one template at PATH; otherwise PATH is a folder with a
    /// template per stack and manifest.json giving the deploy order.
    Cfn {
        /// The design file.
        design: PathBuf,
        /// Where to write the template (or the folder of templates).
        #[arg(short, long)]
        output: PathBuf,
        /// The template format.
        #[arg(long, value_enum, default_value = "yaml")]
        format: Format,
    },
}

/// Runs the command.
pub fn run(args: &Args) -> Outcome {
    match &args.target {
        Target::Cfn {
            design,
            output,
            format,
        } => {
            let format = match format {
                Format::Yaml => TemplateFormat::Yaml,
                Format::Json => TemplateFormat::Json,
            };
            let exported = match zta::export_cloudformation(design, output, format) {
                Ok(exported) => exported,
                Err(error) => return report_error(&error),
            };
            for (stack, file) in exported.export.stacks.iter().zip(&exported.files) {
                println!(
                    "wrote {} ({} resources, stack {})",
                    file.display(),
                    stack.template.resources.len(),
                    stack.name
                );
            }
            if exported.files.len() > exported.export.stacks.len() {
                println!("wrote {}/manifest.json (deploy order)", output.display());
            }
            for (stack, bytes) in &exported.over_inline_limit {
                println!(
                    "note: stack {stack} is {bytes} bytes, over the 51,200-byte inline limit: upload it to S3 and deploy it by TemplateURL"
                );
            }
            for step in &exported.export.manual_steps {
                println!(
                    "manual step ({}, account {}): {}",
                    step.element,
                    step.account,
                    step.to_text()
                );
            }
            for warning in &exported.export.warnings {
                eprintln!("warning: {warning}");
            }
            // The process exits next and the system takes its memory back at once; freeing the
            // templates one value at a time first would only delay the exit (by 15-20 ms for a
            // 5,000-resource export).
            std::mem::forget(exported);
            Outcome::Success
        }
    }
}
