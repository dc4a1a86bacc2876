//! The first half of a deployment: validate, stage when large, create the change set and say
//! what it would change.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use aws_sdk_cloudformation::types::{Capability, ChangeSetStatus, Parameter, Tag};
use serde::Serialize;
use ts_rs::TS;

use crate::connection::AwsConnection;
use crate::deploy::request::{
    DeployRequest, INLINE_TEMPLATE_LIMIT, PollSettings, S3_TEMPLATE_LIMIT,
};
use crate::deploy::stack_state::{StackState, change_set_type_for, stack_state};
use crate::deploy::staging::{StagedTemplate, stage_template};
use crate::error::{Error, Result};
use crate::progress::{DeployProgress, ProgressSink};

/// A change set waiting for approval, with everything needed to show it and to run it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreparedDeployment {
    /// The stack.
    pub stack_name: String,
    /// The stack's id (its ARN).
    pub stack_id: String,
    /// The change set's id (its ARN).
    pub change_set_id: String,
    /// `CREATE` for a new stack, `UPDATE` for an existing one.
    pub change_set_type: String,
    /// What the change set would do, resource by resource.
    pub changes: Vec<ResourceChange>,
    /// The capabilities the template needs and that executing it acknowledges, such as
    /// `CAPABILITY_NAMED_IAM` for templates that create named IAM resources.
    pub capabilities: Vec<String>,
    /// The parameter values sent (values taken over from the previous deployment are listed
    /// as `(previous value)`).
    pub parameters: Vec<(String, String)>,
    /// Where the template was staged, when it was over the inline limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staged_template: Option<String>,
    /// Whether to turn on termination protection after a successful execution.
    pub termination_protection: bool,
    /// Whether CloudFormation found nothing to change; the empty change set is already
    /// deleted and there is nothing to execute.
    pub no_changes: bool,
}

/// One resource's change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResourceChange {
    /// Add, modify, remove...
    pub action: ChangeAction,
    /// The resource's logical id in the template.
    pub logical_id: String,
    /// Its physical id, for resources that exist.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub physical_id: Option<String>,
    /// Its type, e.g. `AWS::RDS::DBInstance`.
    pub resource_type: String,
    /// Whether a modification replaces the resource (a new physical resource, the old one
    /// deleted: data in it is lost unless it is retained or snapshotted).
    pub replacement: Replacement,
    /// The properties whose change drives the modification.
    pub changed_properties: Vec<String>,
}

/// What happens to a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeAction {
    /// A new resource.
    Add,
    /// An existing resource changes (see [`Replacement`]).
    Modify,
    /// The resource is deleted.
    Remove,
    /// An existing resource is imported.
    Import,
    /// CloudFormation decides at execution time.
    Dynamic,
}

/// Whether a modification replaces the resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Replacement {
    /// Not a modification, or modified in place.
    Never,
    /// Replaced depending on values known only at execution time.
    Conditional,
    /// Replaced.
    Always,
}

impl ResourceChange {
    /// A warning for changes that destroy a resource: replacements and removals.
    pub fn warning(&self) -> Option<String> {
        let subject = format!("{} ({})", self.logical_id, self.resource_type);
        let cause = if self.changed_properties.is_empty() {
            String::new()
        } else {
            format!(" because {} changed", self.changed_properties.join(", "))
        };
        match (self.action, self.replacement) {
            (ChangeAction::Remove, _) => Some(format!(
                "{subject} will be DELETED; its data is lost unless its DeletionPolicy retains it"
            )),
            (_, Replacement::Always) => Some(format!(
                "{subject} will be REPLACED{cause}: a new resource is created and the old one deleted"
            )),
            (_, Replacement::Conditional) => Some(format!(
                "{subject} MAY BE REPLACED{cause}, depending on values known only at execution"
            )),
            _ => None,
        }
    }

    /// One line for a listing: `+ Add  Bucket  AWS::S3::Bucket`.
    pub fn describe(&self) -> String {
        let (sign, verb) = match (self.action, self.replacement) {
            (ChangeAction::Add, _) => ("+", "add"),
            (ChangeAction::Remove, _) => ("-", "remove"),
            (ChangeAction::Modify, Replacement::Always) => ("!", "replace"),
            (ChangeAction::Modify, Replacement::Conditional) => ("!", "modify, may replace"),
            (ChangeAction::Modify, Replacement::Never) => ("~", "modify"),
            (ChangeAction::Import, _) => ("<", "import"),
            (ChangeAction::Dynamic, _) => ("?", "decided at execution"),
        };
        format!(
            "{sign} {verb:<22} {:<32} {}",
            self.logical_id, self.resource_type
        )
    }
}

impl PreparedDeployment {
    /// Whether executing would change anything.
    pub fn has_changes(&self) -> bool {
        !self.no_changes
    }

    /// Warnings for every replacement and removal, in the change set's order.
    pub fn warnings(&self) -> Vec<String> {
        self.changes
            .iter()
            .filter_map(ResourceChange::warning)
            .collect()
    }
}

/// Validates the template with CloudFormation, stages it in S3 when over the inline limit,
/// creates a change set (`CREATE` or `UPDATE` as the stack exists) and describes it. Nothing
/// is changed in the stack until [`crate::deploy::execute_deployment`] runs it.
pub async fn prepare_deployment(
    connection: &AwsConnection,
    request: &DeployRequest,
    poll: PollSettings,
    progress: &dyn ProgressSink,
) -> Result<PreparedDeployment> {
    let stack_name = request.stack_name.as_str();
    let template_bytes = request.template_body.len();
    if template_bytes > S3_TEMPLATE_LIMIT {
        return Err(Error::TemplateTooLarge {
            stack_name: stack_name.to_owned(),
            bytes: template_bytes,
        });
    }
    progress.report(&DeployProgress::Validating {
        stack_name: stack_name.to_owned(),
        template_bytes,
    });
    let staged = if template_bytes > INLINE_TEMPLATE_LIMIT {
        let staged = stage_template(
            connection,
            stack_name,
            &request.template_body,
            request.staging_bucket.as_deref(),
        )
        .await?;
        progress.report(&DeployProgress::TemplateStaged {
            stack_name: stack_name.to_owned(),
            bucket: staged.bucket.clone(),
            key: staged.key.clone(),
        });
        Some(staged)
    } else {
        None
    };

    let validation = validate_template(connection, request, staged.as_ref()).await?;
    let state = stack_state(connection, stack_name).await?;
    let change_set_type = change_set_type_for(stack_name, &state)?;
    let parameters = parameters_to_send(request, &validation.declared_parameters, &state);

    progress.report(&DeployProgress::CreatingChangeSet {
        stack_name: stack_name.to_owned(),
        change_set_type: change_set_type.as_str().to_owned(),
    });
    let mut create = connection
        .cloudformation
        .create_change_set()
        .stack_name(stack_name)
        .change_set_name(change_set_name())
        .change_set_type(change_set_type.clone())
        .description("Deployed by ZTA Designer")
        .set_capabilities(Some(validation.capabilities.clone()))
        .set_parameters(Some(parameters.iter().map(to_parameter).collect()));
    create = match &staged {
        Some(staged) => create.template_url(&staged.url),
        None => create.template_body(&request.template_body),
    };
    for (key, value) in &request.tags {
        create = create.tags(Tag::builder().key(key).value(value).build());
    }
    let created = create
        .send()
        .await
        .map_err(|error| Error::from_sdk("CreateChangeSet", error))?;
    let change_set_id = created.id().unwrap_or_default().to_owned();
    let stack_id = created.stack_id().unwrap_or(stack_name).to_owned();

    let outcome = wait_for_change_set(connection, stack_name, &change_set_id, poll).await?;
    let no_changes = match outcome {
        ChangeSetOutcome::Ready => false,
        ChangeSetOutcome::NothingToChange => {
            // An empty change set can never be executed; leaving it would only clutter the
            // stack's change set list.
            connection
                .cloudformation
                .delete_change_set()
                .change_set_name(&change_set_id)
                .send()
                .await
                .map_err(|error| Error::from_sdk("DeleteChangeSet", error))?;
            true
        }
    };
    let changes = if no_changes {
        Vec::new()
    } else {
        describe_changes(connection, &change_set_id).await?
    };
    progress.report(&DeployProgress::ChangeSetReady {
        stack_name: stack_name.to_owned(),
        resource_changes: changes.len(),
    });
    Ok(PreparedDeployment {
        stack_name: stack_name.to_owned(),
        stack_id,
        change_set_id,
        change_set_type: change_set_type.as_str().to_owned(),
        changes,
        capabilities: validation
            .capabilities
            .iter()
            .map(|capability| capability.as_str().to_owned())
            .collect(),
        parameters: parameters
            .into_iter()
            .map(|(key, value)| (key, value.unwrap_or_else(|| "(previous value)".to_owned())))
            .collect(),
        staged_template: staged.map(|staged| staged.url),
        termination_protection: request.termination_protection,
        no_changes,
    })
}

/// Deletes a change set that was not approved. The stack itself is left alone, even a new
/// one in `REVIEW_IN_PROGRESS`, which holds no resources and is reused by the next deploy.
pub async fn discard_deployment(
    connection: &AwsConnection,
    prepared: &PreparedDeployment,
) -> Result<()> {
    if prepared.no_changes {
        return Ok(());
    }
    connection
        .cloudformation
        .delete_change_set()
        .change_set_name(&prepared.change_set_id)
        .send()
        .await
        .map_err(|error| Error::from_sdk("DeleteChangeSet", error))?;
    Ok(())
}

struct TemplateValidation {
    capabilities: Vec<Capability>,
    declared_parameters: Vec<String>,
}

async fn validate_template(
    connection: &AwsConnection,
    request: &DeployRequest,
    staged: Option<&StagedTemplate>,
) -> Result<TemplateValidation> {
    let mut validate = connection.cloudformation.validate_template();
    validate = match staged {
        Some(staged) => validate.template_url(&staged.url),
        None => validate.template_body(&request.template_body),
    };
    let validation = validate.send().await.map_err(|error| {
        match Error::from_sdk("ValidateTemplate", error) {
            Error::Service {
                code: Some(code),
                message,
                ..
            } if code == "ValidationError" => Error::InvalidTemplate {
                stack_name: request.stack_name.clone(),
                reason: message,
            },
            other => other,
        }
    })?;
    Ok(TemplateValidation {
        capabilities: validation.capabilities().to_vec(),
        declared_parameters: validation
            .parameters()
            .iter()
            .filter_map(|parameter| parameter.parameter_key().map(str::to_owned))
            .collect(),
    })
}

/// The parameters to send: the given ones, the offered ones the template declares, and on an
/// update every other declared parameter the stack already has, kept at its previous value
/// (`None`).
fn parameters_to_send(
    request: &DeployRequest,
    declared: &[String],
    state: &StackState,
) -> Vec<(String, Option<String>)> {
    let mut parameters: Vec<(String, Option<String>)> = request
        .parameters
        .iter()
        .map(|(key, value)| (key.clone(), Some(value.clone())))
        .collect();
    for key in declared {
        if !request.parameters.contains_key(key)
            && let Some(value) = request.offered_parameters.get(key)
        {
            parameters.push((key.clone(), Some(value.clone())));
        }
    }
    if let StackState::Present {
        parameters: previous,
        status,
        ..
    } = state
        && status != "REVIEW_IN_PROGRESS"
    {
        for key in declared {
            let already_set = parameters.iter().any(|(name, _)| name == key);
            if !already_set && previous.contains(key) {
                parameters.push((key.clone(), None));
            }
        }
    }
    parameters
}

fn to_parameter((key, value): &(String, Option<String>)) -> Parameter {
    let parameter = Parameter::builder().parameter_key(key);
    match value {
        Some(value) => parameter.parameter_value(value).build(),
        None => parameter.use_previous_value(true).build(),
    }
}

/// A change set name unique per second, which is as often as a person can approve one.
fn change_set_name() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    format!("zta-{seconds}")
}

enum ChangeSetOutcome {
    Ready,
    NothingToChange,
}

async fn wait_for_change_set(
    connection: &AwsConnection,
    stack_name: &str,
    change_set_id: &str,
    poll: PollSettings,
) -> Result<ChangeSetOutcome> {
    let started = Instant::now();
    loop {
        let described = connection
            .cloudformation
            .describe_change_set()
            .change_set_name(change_set_id)
            .send()
            .await
            .map_err(|error| Error::from_sdk("DescribeChangeSet", error))?;
        match described.status() {
            Some(ChangeSetStatus::CreateComplete) => return Ok(ChangeSetOutcome::Ready),
            Some(ChangeSetStatus::Failed) => {
                let reason = described.status_reason().unwrap_or("no reason given");
                // CloudFormation reports "nothing to do" as a failed change set, in one of
                // these two wordings.
                if reason.contains("didn't contain changes")
                    || reason.contains("No updates are to be performed")
                {
                    return Ok(ChangeSetOutcome::NothingToChange);
                }
                return Err(Error::ChangeSetFailed {
                    stack_name: stack_name.to_owned(),
                    reason: crate::redact::scrub(reason),
                });
            }
            _ => {}
        }
        poll.pause(started, || format!("the change set of stack {stack_name}"))
            .await?;
    }
}

async fn describe_changes(
    connection: &AwsConnection,
    change_set_id: &str,
) -> Result<Vec<ResourceChange>> {
    let mut changes = Vec::new();
    let mut next_token: Option<String> = None;
    loop {
        let page = connection
            .cloudformation
            .describe_change_set()
            .change_set_name(change_set_id)
            .set_next_token(next_token.take())
            .send()
            .await
            .map_err(|error| Error::from_sdk("DescribeChangeSet", error))?;
        changes.extend(
            page.changes()
                .iter()
                .filter_map(|change| change.resource_change())
                .map(resource_change),
        );
        match page.next_token() {
            Some(token) if !token.is_empty() => next_token = Some(token.to_owned()),
            _ => return Ok(changes),
        }
    }
}

fn resource_change(change: &aws_sdk_cloudformation::types::ResourceChange) -> ResourceChange {
    use aws_sdk_cloudformation::types::{ChangeAction as Action, Replacement as Replaces};
    let action = match change.action() {
        Some(Action::Add) => ChangeAction::Add,
        Some(Action::Remove) => ChangeAction::Remove,
        Some(Action::Import) => ChangeAction::Import,
        Some(Action::Dynamic) => ChangeAction::Dynamic,
        _ => ChangeAction::Modify,
    };
    let replacement = match change.replacement() {
        Some(Replaces::True) => Replacement::Always,
        Some(Replaces::Conditional) => Replacement::Conditional,
        _ => Replacement::Never,
    };
    let mut changed_properties: Vec<String> = change
        .details()
        .iter()
        .filter_map(|detail| detail.target())
        .filter_map(|target| target.name())
        .map(str::to_owned)
        .collect();
    changed_properties.dedup();
    ResourceChange {
        action,
        logical_id: change.logical_resource_id().unwrap_or_default().to_owned(),
        physical_id: change.physical_resource_id().map(str::to_owned),
        resource_type: change.resource_type().unwrap_or_default().to_owned(),
        replacement,
        changed_properties,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(action: ChangeAction, replacement: Replacement) -> ResourceChange {
        ResourceChange {
            action,
            logical_id: "OrdersDb".to_owned(),
            physical_id: None,
            resource_type: "AWS::RDS::DBInstance".to_owned(),
            replacement,
            changed_properties: vec!["DBInstanceIdentifier".to_owned()],
        }
    }

    #[test]
    fn replacements_and_removals_warn() {
        let replaced = change(ChangeAction::Modify, Replacement::Always)
            .warning()
            .unwrap();
        assert!(replaced.contains("OrdersDb (AWS::RDS::DBInstance) will be REPLACED"));
        assert!(replaced.contains("because DBInstanceIdentifier changed"));
        let maybe = change(ChangeAction::Modify, Replacement::Conditional)
            .warning()
            .unwrap();
        assert!(maybe.contains("MAY BE REPLACED"));
        let removed = change(ChangeAction::Remove, Replacement::Never)
            .warning()
            .unwrap();
        assert!(removed.contains("will be DELETED"));
        assert_eq!(
            change(ChangeAction::Modify, Replacement::Never).warning(),
            None
        );
        assert_eq!(
            change(ChangeAction::Add, Replacement::Never).warning(),
            None
        );
    }

    #[test]
    fn listing_marks_the_kind_of_change() {
        assert!(
            change(ChangeAction::Add, Replacement::Never)
                .describe()
                .starts_with("+ add")
        );
        assert!(
            change(ChangeAction::Modify, Replacement::Always)
                .describe()
                .starts_with("! replace")
        );
        assert!(
            change(ChangeAction::Remove, Replacement::Never)
                .describe()
                .starts_with("- remove")
        );
    }
}
