//! Working with AWS, the same for `zta deploy`/`zta import` and the app's deploy dialog: signing
//! in, deploying stacks through change sets the caller confirms, StackSets, and importing what
//! is deployed (a stack's template, an account's IAM). The AWS calls themselves are zta-aws's;
//! this module is the use cases, and the plain data they take and give.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;
use zta_aws::AwsConnection;
use zta_aws::deploy::{DeleteStack, StackState};
use zta_model::Design;

pub use zta_aws::deploy::{
    ChangeAction, Confirmation, DeployOutcome, DeployRequest, ManifestStack, PreparedDeployment,
    Replacement, ResourceChange, StackManifest, StackManifestOutcome, StackOutput,
    StackSetInstanceStatus, StackSetOutcome, StackSetPlan, StackSetRequest, StackSetTarget,
    plan_stack_set,
};
pub use zta_aws::progress::describe as describe_progress;
pub use zta_aws::{ConnectionOptions, DeployProgress, ProgressSink, StackEventRecord};

use crate::{ImportOutcome, Result};

/// A resolved AWS configuration for one account and region. Credentials are resolved on the
/// first call that needs them, never stored here, and never leave the SDK.
#[derive(Clone)]
pub struct Session {
    connection: AwsConnection,
}

impl Session {
    /// The region every call of the session goes to.
    pub fn region(&self) -> &str {
        self.connection.region()
    }

    /// The account the credentials belong to (STS GetCallerIdentity).
    pub async fn account_id(&self) -> Result<String> {
        Ok(self.connection.account_id().await?)
    }
}

/// Resolves where to reach AWS and as whom (profile, region, endpoint; the standard credential
/// chain for the rest). It fails only when no region can be found; nothing is sent yet.
pub async fn sign_in(options: &ConnectionOptions) -> Result<Session> {
    Ok(Session {
        connection: AwsConnection::connect(options).await?,
    })
}

/// A change set as a person reviews it before it runs, in the terminal or in the deploy
/// dialog: what it would do, what it acknowledges, and the changes that destroy something.
/// It leaves out the ids and the parameter values sent, which the review does not need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChangeSetReview {
    /// The stack it changes.
    pub stack_name: String,
    /// `CREATE` or `UPDATE`.
    pub change_set_type: String,
    /// What it would do to each resource.
    pub changes: Vec<ResourceChange>,
    /// The capabilities it acknowledges, such as `CAPABILITY_NAMED_IAM`.
    pub capabilities: Vec<String>,
    /// Replacements and removals worth a second look.
    pub warnings: Vec<String>,
}

impl From<&PreparedDeployment> for ChangeSetReview {
    fn from(prepared: &PreparedDeployment) -> Self {
        ChangeSetReview {
            stack_name: prepared.stack_name.clone(),
            change_set_type: prepared.change_set_type.clone(),
            changes: prepared.changes.clone(),
            capabilities: prepared.capabilities.clone(),
            warnings: prepared.warnings(),
        }
    }
}

/// What every stack of a deployment gets besides its template and parameters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StackOptions {
    /// Tags for every stack.
    pub tags: BTreeMap<String, String>,
    /// The S3 bucket for templates over CloudFormation's inline limit; by default one named
    /// after the account and region, created with all public access blocked.
    pub staging_bucket: Option<String>,
    /// Turn on termination protection once a stack is deployed.
    pub termination_protection: bool,
}

/// The manifest of one template deployed as one stack (`zta deploy TEMPLATE --stack-name`).
pub fn template_manifest(
    stack_name: &str,
    template: String,
    parameters: &[(String, String)],
) -> StackManifest {
    let mut request = DeployRequest::new(stack_name, template);
    request.parameters = parameters.iter().cloned().collect();
    StackManifest {
        stacks: vec![ManifestStack {
            request,
            parameters_from_outputs: BTreeMap::new(),
        }],
    }
}

/// Deploys the manifest's stacks in order, each through a change set that `confirmation`
/// approves first, with CloudFormation's progress to `progress`. It stops at the first failure
/// (the error) or the first declined change set (recorded in the outcome), since later stacks
/// depend on earlier ones.
pub async fn deploy_stacks(
    session: &Session,
    mut manifest: StackManifest,
    options: &StackOptions,
    confirmation: &impl Confirmation,
    progress: &dyn ProgressSink,
) -> Result<StackManifestOutcome> {
    for stack in &mut manifest.stacks {
        let request = &mut stack.request;
        request.tags.extend(options.tags.clone());
        request.staging_bucket = options.staging_bucket.clone();
        request.termination_protection = options.termination_protection;
    }
    Ok(zta_aws::deploy::deploy_manifest(
        &session.connection,
        &manifest,
        confirmation,
        Default::default(),
        progress,
    )
    .await?)
}

/// Deletes the stack `stack_name` if its creation failed (`ROLLBACK_COMPLETE`, a state from
/// which CloudFormation can only delete it), so that the next deployment can create it anew.
/// Returns whether it deleted it; no other stack is ever deleted.
pub async fn delete_failed_stack(session: &Session, stack_name: &str) -> Result<bool> {
    let failed = matches!(
        zta_aws::deploy::stack_state(&session.connection, stack_name).await?,
        StackState::Present { status, .. } if status == "ROLLBACK_COMPLETE"
    );
    if failed {
        zta_aws::deploy::delete_stack(
            &session.connection,
            stack_name,
            DeleteStack::explicitly_requested(),
            Default::default(),
        )
        .await?;
    }
    Ok(failed)
}

/// Deploys one template through a StackSet to the request's accounts and regions.
pub async fn deploy_stack_set(
    session: &Session,
    request: &StackSetRequest,
    progress: &dyn ProgressSink,
) -> Result<StackSetOutcome> {
    Ok(zta_aws::deploy::deploy_stack_set(
        &session.connection,
        request,
        Default::default(),
        progress,
    )
    .await?)
}

/// Imports a deployed stack: its template as submitted (before transforms) goes through the
/// same importer as a template file. The design is named `name`, else after the stack.
pub async fn import_stack(
    session: &Session,
    stack_name: &str,
    name: Option<String>,
) -> Result<ImportOutcome> {
    let fetched = zta_aws::import::fetch_stack_template(&session.connection, stack_name).await?;
    let origin = format!("stack {stack_name}");
    let name = name.or_else(|| Some(stack_name.to_owned()));
    crate::import_cloudformation_text(&fetched.body, &origin, name)
}

/// Imports the IAM of the signed-in account as a design (roles with their trust policies,
/// users, groups, and the flows their policies allow), named `name` when given. Only
/// read-only IAM and STS calls are made; access key secrets are never read.
pub async fn import_account_iam(session: &Session, name: Option<String>) -> Result<Design> {
    let mut design = zta_aws::import::import_iam(&session.connection).await?;
    if let Some(name) = name {
        design.name = name;
    }
    Ok(design)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_becomes_one_stack_with_its_parameters() {
        let parameters = [("Env".to_owned(), "prod".to_owned())];
        let manifest = template_manifest("shop", "Resources: {}".to_owned(), &parameters);
        assert_eq!(manifest.stacks.len(), 1);
        let request = &manifest.stacks[0].request;
        assert_eq!(request.stack_name, "shop");
        assert_eq!(request.parameters["Env"], "prod");
        assert!(manifest.stacks[0].parameters_from_outputs.is_empty());
    }

    /// The review keeps what a person decides on, with a warning for each replacement and
    /// removal, and drops the ids and the parameter values sent.
    #[test]
    fn a_review_warns_of_what_a_change_set_destroys() {
        let change = |logical_id: &str, action, replacement| ResourceChange {
            action,
            logical_id: logical_id.to_owned(),
            physical_id: None,
            resource_type: "AWS::RDS::DBInstance".to_owned(),
            replacement,
            changed_properties: vec!["Engine".to_owned()],
        };
        let prepared = PreparedDeployment {
            stack_name: "shop".to_owned(),
            stack_id: "arn:stack".to_owned(),
            change_set_id: "arn:change-set".to_owned(),
            change_set_type: "UPDATE".to_owned(),
            changes: vec![
                change("Db", ChangeAction::Modify, Replacement::Always),
                change("Old", ChangeAction::Remove, Replacement::Never),
                change("Tag", ChangeAction::Modify, Replacement::Never),
            ],
            capabilities: vec!["CAPABILITY_NAMED_IAM".to_owned()],
            parameters: vec![("Secret".to_owned(), "hunter2".to_owned())],
            staged_template: None,
            termination_protection: false,
            no_changes: false,
        };
        let review = ChangeSetReview::from(&prepared);
        assert_eq!(review.changes.len(), 3);
        assert_eq!(review.warnings.len(), 2, "{:?}", review.warnings);
        assert!(review.warnings[0].contains("REPLACED"));
        let json = serde_json::to_string(&review).unwrap();
        assert!(
            !json.contains("hunter2") && !json.contains("arn:"),
            "{json}"
        );
    }
}
