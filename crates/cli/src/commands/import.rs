//! `zta import`: create a design from something that exists: a CloudFormation template file
//! (`cfn`), a deployed stack's template (`stack`), or a live account's IAM (`iam`).

use std::path::{Path, PathBuf};

use clap::Subcommand;

use zta::cloud::Session;

use crate::commands::aws_options::{AwsOptions, runtime};
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
    /// Import a deployed stack: its template as submitted (GetTemplate, before transforms)
    /// goes through the same importer as `zta import cfn`.
    Stack {
        /// The stack's name or id.
        stack_name: String,
        /// Where to write the design (`NAME.zta.yaml`).
        #[arg(short, long)]
        output: PathBuf,
        /// The design's name (the stack's name by default).
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        aws: AwsOptions,
    },
    /// Import the IAM of a live account: roles with their trust policies, inline and attached
    /// managed policy documents, users (console access, access key dates, MFA devices) and
    /// groups, with flows inferred from what the policies allow, so that `zta validate` judges
    /// the real account. Only read-only IAM and STS calls are made; access key secrets are
    /// never read.
    Iam {
        /// Where to write the design (`NAME.zta.yaml`).
        #[arg(short, long)]
        output: PathBuf,
        /// The design's name (`iam-<account id>` by default).
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        aws: AwsOptions,
    },
}

/// Runs the command.
pub fn run(args: &Args) -> Outcome {
    match &args.source {
        Source::Cfn {
            template,
            output,
            name,
        } => write_import(zta::import_cloudformation(template, name.clone()), output),
        Source::Stack {
            stack_name,
            output,
            name,
            aws,
        } => import_stack(stack_name, output, name.clone(), aws),
        Source::Iam { output, name, aws } => import_account_iam(output, name.clone(), aws),
    }
}

fn import_stack(
    stack_name: &str,
    output: &Path,
    name: Option<String>,
    aws: &AwsOptions,
) -> Outcome {
    match with_session(aws, async |session| {
        zta::cloud::import_stack(&session, stack_name, name).await
    }) {
        Ok(imported) => write_import(Ok(imported), output),
        Err(outcome) => outcome,
    }
}

/// Saves an imported design to `output` and prints the import report, or reports the error.
fn write_import(imported: zta::Result<zta::ImportOutcome>, output: &Path) -> Outcome {
    let outcome = match imported {
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

fn import_account_iam(output: &Path, name: Option<String>, aws: &AwsOptions) -> Outcome {
    let design = match with_session(aws, async |session| {
        zta::cloud::import_account_iam(&session, name).await
    }) {
        Ok(design) => design,
        Err(outcome) => return outcome,
    };
    if let Err(error) = zta::save_design(output, &design) {
        return report_error(&error);
    }
    println!(
        "imported {} identities and {} flows; run `zta validate {}` to judge them",
        design.identities.len(),
        design.flows.len(),
        output.display()
    );
    println!("wrote {}", output.display());
    Outcome::Success
}

/// Signs in with the command's options and runs `call` on a runtime of its own, turning an
/// error into a message on standard error and exit code 2.
fn with_session<T>(
    aws: &AwsOptions,
    call: impl AsyncFnOnce(Session) -> zta::Result<T>,
) -> Result<T, Outcome> {
    let runtime = runtime().map_err(|error| {
        eprintln!("error: cannot start the async runtime: {error}");
        Outcome::Failure
    })?;
    runtime
        .block_on(async {
            let session = zta::cloud::sign_in(&aws.connection()).await?;
            call(session).await
        })
        .map_err(|error| {
            eprintln!("error: {error}");
            Outcome::Failure
        })
}
