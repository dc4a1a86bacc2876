//! `zta deploy FILE --stack-name NAME`: deploy a design (exported on the fly) or a
//! CloudFormation template through change sets that are shown and confirmed before anything
//! changes, with the stack's events as progress.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use zta::cloud::{
    ChangeSetReview, Confirmation, PreparedDeployment, Session, StackManifest, StackOptions,
    StackSetRequest, StackSetTarget,
};
use zta::{DesignDeployment, ParameterProblem};

use crate::commands::aws_options::{AwsOptions, key_value, runtime};
use crate::commands::parameters::{self, ParameterArg, parameter_arg};
use crate::exit::Outcome;
use crate::output::report_error;
use crate::progress::TerminalProgress;

const ABOUT: &str = "Deploy a design or a CloudFormation template through change sets";

const LONG_ABOUT: &str = "\
Deploy a design or a CloudFormation template through change sets.

FILE is a design (NAME.zta.yaml, .zta.yml or .zta.json), which is exported first exactly as
`zta export cfn` would, or a CloudFormation template (JSON or YAML). A design that exports to
several stacks deploys them in the manifest's order, each stack's outputs passed to the
parameters of the stacks after it; only the stacks of the credentials' account are deployed,
and the others are listed so that you can run again with that account's --profile.

What happens, for each stack, in order:
  1. CloudFormation validates the template (ValidateTemplate).
  2. A template over 51,200 bytes is uploaded to an S3 staging bucket (--staging-bucket, by
     default zta-cfn-staging-<account>-<region>, created with all public access blocked) and
     deployed from there.
  3. A change set is created: CREATE when the stack does not exist, UPDATE when it does.
  4. The changes are listed (+ add, ~ modify, ! replace, - remove) with a warning for every
     replacement and removal.
  5. Nothing changes until you confirm, or pass --yes. Then the change set runs and the
     stack's events are shown as they arrive (a progress bar on a terminal, one line per
     event otherwise), followed by the stack's outputs.
  6. On failure, the resource that failed, CloudFormation's reason and the state of the
     rollback are printed, and the exit code is 1.
A stack is never deleted, except a stack whose creation failed when you pass
--delete-failed-stack.";

const AFTER_HELP: &str = "\
Credentials:
  The standard AWS credential chain: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
  AWS_SESSION_TOKEN; then ~/.aws/credentials and ~/.aws/config with the profile from
  --profile or AWS_PROFILE (else `default`), including IAM Identity Center profiles after
  `aws sso login`; then web identity, container and instance roles. zta never stores,
  prints or logs credentials, and scrubs anything shaped like a key from error messages.

Region:
  --region, else AWS_REGION or AWS_DEFAULT_REGION, else the profile's `region`.

What is sent to AWS:
  The template, the parameter values and tags given here, and the stack or StackSet name,
  to CloudFormation (and to S3 for templates over 51,200 bytes) in the chosen account and
  region. Nothing else is sent.";

/// Arguments of `zta deploy`.
#[derive(Debug, clap::Args)]
#[command(about = ABOUT, long_about = LONG_ABOUT, after_long_help = AFTER_HELP)]
pub struct Args {
    /// The design (`NAME.zta.yaml`) or CloudFormation template (JSON or YAML).
    file: PathBuf,
    /// The stack to create or update. Required for a template; for a design that exports to
    /// one stack it replaces the export's name, and a multi-stack export keeps its names.
    #[arg(long, value_name = "NAME")]
    stack_name: Option<String>,
    /// A template parameter; repeat for several. `KEY` alone takes the value of the
    /// environment variable KEY, so that a secret does not show in the process list.
    #[arg(short = 'p', long = "parameter", value_name = "KEY=VALUE|KEY", value_parser = parameter_arg)]
    parameters: Vec<ParameterArg>,
    /// A file of parameter values: `KEY=VALUE` lines, or the AWS CLI's JSON list of
    /// ParameterKey/ParameterValue; --parameter values override it.
    #[arg(long, value_name = "FILE")]
    parameters_file: Option<PathBuf>,
    /// A stack tag; repeat for several.
    #[arg(long = "tag", value_name = "KEY=VALUE", value_parser = key_value)]
    tags: Vec<(String, String)>,
    /// Execute without asking, for pipelines.
    #[arg(short, long)]
    yes: bool,
    /// Turn on termination protection once the stack is deployed.
    #[arg(long)]
    termination_protection: bool,
    /// The S3 bucket for templates over 51,200 bytes.
    #[arg(long, value_name = "BUCKET")]
    staging_bucket: Option<String>,
    /// Deploy through this CloudFormation StackSet to --accounts in --regions.
    #[arg(long, value_name = "NAME", conflicts_with = "stack_name", requires_all = ["accounts", "regions"])]
    stack_set: Option<String>,
    /// With --stack-set: the target account ids.
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    accounts: Vec<String>,
    /// With --stack-set: the target regions.
    #[arg(long, value_delimiter = ',', value_name = "REGION,...")]
    regions: Vec<String>,
    /// Delete the stack first if its creation failed (ROLLBACK_COMPLETE); no other stack is
    /// ever deleted.
    #[arg(long)]
    delete_failed_stack: bool,
    /// Print the change set and the outcome as JSON on standard output.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    aws: AwsOptions,
}

/// What `zta deploy` was given: a template, or a design and the stacks it exports to.
enum Source {
    Template(String),
    Design(DesignDeployment),
}

/// Runs the command.
pub fn run(args: &Args) -> Outcome {
    let parameters = match parameters::resolve(args.parameters_file.as_deref(), &args.parameters) {
        Ok(parameters) => parameters,
        Err(error) => {
            eprintln!("error: {error}");
            return Outcome::Failure;
        }
    };
    let parameters = parameters.as_slice();
    let source = if zta::is_design_file(&args.file) {
        match zta::plan_design_deployment(&args.file, args.stack_name.as_deref()) {
            Ok(plan) => Source::Design(plan),
            Err(error) => return report_error(&error),
        }
    } else {
        if args.stack_name.is_none() && args.stack_set.is_none() {
            eprintln!(
                "error: deploying a template needs --stack-name (or --stack-set); a design \
                 (NAME.zta.yaml) names its own stacks"
            );
            return Outcome::Failure;
        }
        match std::fs::read_to_string(&args.file) {
            Ok(template) => Source::Template(template),
            Err(error) => {
                eprintln!("error: cannot read {}: {error}", args.file.display());
                return Outcome::Failure;
            }
        }
    };
    let runtime = match runtime() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return Outcome::Failure;
        }
    };
    let result = runtime.block_on(async {
        let session = zta::cloud::sign_in(&args.aws.connection()).await?;
        match (&args.stack_set, source) {
            (Some(stack_set), Source::Template(template)) => {
                deploy_set(args, parameters, &session, stack_set, template).await
            }
            (Some(stack_set), Source::Design(mut plan)) => {
                if plan.stacks.len() != 1 {
                    eprintln!(
                        "error: design {} exports to {} stacks; --stack-set deploys one \
                         template, so export the design (zta export cfn) and deploy each \
                         account's template to its StackSet",
                        plan.design,
                        plan.stacks.len()
                    );
                    return Ok(Outcome::Failure);
                }
                let template = plan.stacks.remove(0).stack.request.template_body;
                deploy_set(args, parameters, &session, stack_set, template).await
            }
            (None, Source::Template(template)) => {
                let stack_name = args.stack_name.clone().unwrap_or_default();
                let manifest = zta::cloud::template_manifest(&stack_name, template, parameters);
                deploy_stacks(args, &session, manifest).await
            }
            (None, Source::Design(plan)) => deploy_design(args, parameters, &session, &plan).await,
        }
    });
    match result {
        Ok(outcome) => outcome,
        Err(error) if error.is_deployment_failure() => {
            eprintln!("error: {error}");
            Outcome::ProblemsFound
        }
        Err(error) => {
            eprintln!("error: {error}");
            Outcome::Failure
        }
    }
}

/// Deploys the design's stacks that belong in the credentials' account, after saying which
/// belong elsewhere; each parameter given on the command line goes to the stacks that declare
/// it, and one that no stack declares is refused as a likely typo.
async fn deploy_design(
    args: &Args,
    parameters: &[(String, String)],
    session: &Session,
    plan: &DesignDeployment,
) -> zta::Result<Outcome> {
    let account_id = session.account_id().await?;
    for planned in plan.stacks_elsewhere(&account_id) {
        eprintln!(
            "skipping stack {}: the design places it in account {}, and these credentials \
             are for account {account_id}; run again with a --profile for that account",
            planned.stack.request.stack_name,
            planned.account_id.as_deref().unwrap_or_default(),
        );
    }
    if plan.manifest_for_account(&account_id).stacks.is_empty() {
        eprintln!(
            "error: design {} has no stack for account {account_id}",
            plan.design
        );
        return Ok(Outcome::Failure);
    }
    let manifest = match plan.manifest_with_parameters(&account_id, parameters) {
        Ok(manifest) => manifest,
        Err(ParameterProblem::Undeclared(undeclared)) => {
            eprintln!(
                "error: no stack of design {} for account {account_id} declares the parameter(s) {}",
                plan.design,
                undeclared.join(", ")
            );
            return Ok(Outcome::Failure);
        }
        Err(ParameterProblem::Missing(missing)) => {
            for (stack, parameter) in &missing {
                eprintln!(
                    "error: stack {stack} needs a value for parameter {parameter}: pass --parameter {parameter}=VALUE"
                );
            }
            return Ok(Outcome::Failure);
        }
    };
    let outcome = deploy_stacks(args, session, manifest).await?;
    for step in &plan.manual_steps {
        println!(
            "manual step ({}, account {}): {}",
            step.element,
            step.account,
            step.to_text()
        );
    }
    Ok(outcome)
}

/// Deploys the manifest's stacks in order, each through a change set shown and confirmed
/// first, and prints what each stack ended with.
async fn deploy_stacks(
    args: &Args,
    session: &Session,
    manifest: StackManifest,
) -> zta::Result<Outcome> {
    if args.delete_failed_stack {
        for stack in &manifest.stacks {
            let name = &stack.request.stack_name;
            if zta::cloud::delete_failed_stack(session, name).await? {
                eprintln!("deleted stack {name}, whose creation failed (--delete-failed-stack)");
            }
        }
    }
    let options = StackOptions {
        tags: args.tags.iter().cloned().collect(),
        staging_bucket: args.staging_bucket.clone(),
        termination_protection: args.termination_protection,
    };
    let progress = TerminalProgress::stderr();
    let confirmation = Prompt {
        yes: args.yes,
        json: args.json,
    };
    let outcome =
        zta::cloud::deploy_stacks(session, manifest, &options, &confirmation, &progress).await?;
    if args.json {
        println!("{}", serde_json::to_string(&outcome).unwrap_or_default());
    } else {
        for deployed in &outcome.deployed {
            println!("stack {}: {}", deployed.stack_name, deployed.final_status);
            for output in &deployed.outputs {
                println!("  {} = {}", output.key, output.value);
            }
            if deployed.termination_protection {
                println!("  termination protection: on");
            }
        }
    }
    match &outcome.declined_at {
        Some(stack_name) => {
            eprintln!(
                "stack {stack_name}: not executed; its change set was deleted and the stack \
                 left as it was, and no later stack was deployed"
            );
            Ok(Outcome::Failure)
        }
        None => Ok(Outcome::Success),
    }
}

/// Shows each change set and asks before it runs; `--yes` approves without asking.
struct Prompt {
    yes: bool,
    json: bool,
}

impl Confirmation for Prompt {
    async fn confirm(&self, prepared: &PreparedDeployment) -> bool {
        show_change_set(prepared, self.json);
        confirmed(self.yes, "Execute this change set?")
    }
}

async fn deploy_set(
    args: &Args,
    parameters: &[(String, String)],
    session: &Session,
    stack_set_name: &str,
    template: String,
) -> zta::Result<Outcome> {
    let request = StackSetRequest {
        stack_set_name: stack_set_name.to_owned(),
        template_body: template,
        parameters: parameters.iter().cloned().collect(),
        targets: args
            .accounts
            .iter()
            .map(|account| StackSetTarget {
                account_id: account.clone(),
                regions: args.regions.clone(),
            })
            .collect(),
        administration_role_arn: None,
        execution_role_name: None,
        staging_bucket: args.staging_bucket.clone(),
    };
    let plan = zta::cloud::plan_stack_set(&request);
    for line in plan.describe() {
        println!("{line}");
    }
    if !confirmed(
        args.yes,
        "Deploy the StackSet to these accounts and regions?",
    ) {
        return Ok(Outcome::Failure);
    }
    let progress = TerminalProgress::stderr();
    let outcome = zta::cloud::deploy_stack_set(session, &request, &progress).await?;
    if args.json {
        println!("{}", serde_json::to_string(&outcome).unwrap_or_default());
    } else {
        for instance in &outcome.instances {
            let note = if instance.planned {
                ""
            } else {
                " (not in the plan; left in place)"
            };
            println!(
                "{} {}: {}{note}",
                instance.account_id, instance.region, instance.status
            );
        }
    }
    Ok(Outcome::Success)
}

fn show_change_set(prepared: &PreparedDeployment, json: bool) {
    if json {
        println!("{}", serde_json::to_string(prepared).unwrap_or_default());
        return;
    }
    let review = ChangeSetReview::from(prepared);
    println!(
        "{} change set for stack {}:",
        review.change_set_type, review.stack_name
    );
    for change in &review.changes {
        println!("  {}", change.describe());
    }
    for warning in &review.warnings {
        println!("warning: {warning}");
    }
    if !review.capabilities.is_empty() {
        println!(
            "executing acknowledges: {} (the template creates IAM resources)",
            review.capabilities.join(", ")
        );
    }
}

/// Asks on the terminal; without one, only `--yes` approves, so a pipeline never hangs.
fn confirmed(yes: bool, question: &str) -> bool {
    if yes {
        return true;
    }
    if !std::io::stdin().is_terminal() {
        eprintln!("not executed: standard input is not a terminal; pass --yes to approve");
        return false;
    }
    eprint!("{question} [y/N] ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        return false;
    }
    matches!(answer.trim(), "y" | "Y" | "yes")
}
