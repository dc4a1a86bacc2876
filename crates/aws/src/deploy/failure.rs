//! What went wrong in a failed deployment: the resource that failed first, CloudFormation's
//! reason, and where the rollback left the stack.

use std::fmt;

use serde::Serialize;

use crate::progress::StackEventRecord;

/// A deployment that ran and failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeployFailure {
    /// The stack.
    pub stack_name: String,
    /// The stack's status at the end, e.g. `ROLLBACK_COMPLETE`.
    pub final_status: String,
    /// The resource whose failure caused the others, when CloudFormation reported one.
    pub failed_resource: Option<FailedResource>,
    /// A reason for the stack as a whole, when there is no resource to blame (for example
    /// when CloudFormation refused to execute the change set).
    pub stack_reason: Option<String>,
    /// Where the rollback left the stack.
    pub rollback: RollbackState,
}

/// The resource that failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedResource {
    /// Its logical id in the template.
    pub logical_id: String,
    /// Its type.
    pub resource_type: String,
    /// Its failure status, e.g. `CREATE_FAILED`.
    pub status: String,
    /// CloudFormation's (or the resource provider's) reason.
    pub reason: String,
}

/// Where the rollback left the stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RollbackState {
    /// An update was rolled back: the stack runs its previous template again.
    RolledBack,
    /// A new stack was rolled back: its resources are gone, and the empty stack must be
    /// deleted before the name can be deployed again.
    NewStackRolledBack,
    /// The rollback itself failed: some resources may be left in a broken state.
    RollbackFailed,
    /// Rollback was disabled: the failed resources are left as they are for inspection.
    NotRolledBack,
    /// Nothing had started, so there was nothing to roll back.
    NothingToRollBack,
}

impl RollbackState {
    /// The rollback state a final stack status implies.
    pub fn from_status(status: &str) -> Self {
        match status {
            "UPDATE_ROLLBACK_COMPLETE" => RollbackState::RolledBack,
            "ROLLBACK_COMPLETE" => RollbackState::NewStackRolledBack,
            "ROLLBACK_FAILED" | "UPDATE_ROLLBACK_FAILED" => RollbackState::RollbackFailed,
            "CREATE_FAILED" | "UPDATE_FAILED" => RollbackState::NotRolledBack,
            _ => RollbackState::NothingToRollBack,
        }
    }

    /// What the rollback means for the user.
    pub fn explain(self) -> &'static str {
        match self {
            RollbackState::RolledBack => {
                "the update was rolled back; the stack runs its previous template again"
            }
            RollbackState::NewStackRolledBack => {
                "the new stack was rolled back and holds no resources; delete it \
                 (zta deploy --delete-failed-stack) before deploying it again"
            }
            RollbackState::RollbackFailed => {
                "the rollback failed too; some resources may be left half-changed: look at the \
                 stack's events, fix them, then continue the rollback"
            }
            RollbackState::NotRolledBack => {
                "rollback was disabled; the failed resources are left as they are"
            }
            RollbackState::NothingToRollBack => "nothing was changed, so nothing was rolled back",
        }
    }
}

impl fmt::Display for DeployFailure {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "deployment of stack {} failed ({})",
            self.stack_name, self.final_status
        )?;
        if let Some(resource) = &self.failed_resource {
            write!(
                formatter,
                "; resource {} ({}) {}: {}",
                resource.logical_id, resource.resource_type, resource.status, resource.reason
            )?;
        }
        if let Some(reason) = &self.stack_reason {
            write!(formatter, "; {reason}")?;
        }
        write!(formatter, "; {}", self.rollback.explain())
    }
}

/// CloudFormation marks the resources it gave up on, after the first failure, with these
/// reasons; they are consequences, not causes.
const CONSEQUENTIAL_REASONS: [&str; 3] = [
    "Resource creation cancelled",
    "Resource update cancelled",
    "The following resource(s) failed to",
];

/// Finds the cause of a failed deployment in the events of its execution (oldest first):
/// the earliest failed resource whose reason is not a consequence of another's failure.
pub fn analyse_failure(
    stack_name: &str,
    final_status: &str,
    events: &[StackEventRecord],
    stack_reason: Option<String>,
) -> DeployFailure {
    let failed_resources: Vec<&StackEventRecord> = events
        .iter()
        .filter(|event| event.is_failure() && !event.is_stack_event())
        .collect();
    let is_consequence = |event: &&StackEventRecord| {
        event.reason.as_deref().is_some_and(|reason| {
            CONSEQUENTIAL_REASONS
                .iter()
                .any(|consequence| reason.contains(consequence))
        })
    };
    let cause = failed_resources
        .iter()
        .find(|event| !is_consequence(event))
        .or_else(|| failed_resources.first());
    DeployFailure {
        stack_name: stack_name.to_owned(),
        final_status: final_status.to_owned(),
        failed_resource: cause.map(|event| FailedResource {
            logical_id: event.logical_id.clone(),
            resource_type: event.resource_type.clone(),
            status: event.status.clone(),
            reason: event
                .reason
                .clone()
                .unwrap_or_else(|| "no reason given".to_owned()),
        }),
        stack_reason,
        rollback: RollbackState::from_status(final_status),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(
        logical_id: &str,
        resource_type: &str,
        status: &str,
        reason: &str,
    ) -> StackEventRecord {
        StackEventRecord {
            stack_name: "web".to_owned(),
            timestamp: "2026-11-29T03:00:00Z".to_owned(),
            logical_id: logical_id.to_owned(),
            resource_type: resource_type.to_owned(),
            status: status.to_owned(),
            reason: (!reason.is_empty()).then(|| reason.to_owned()),
        }
    }

    /// The events of a real failed creation, in the shape and wording CloudFormation uses:
    /// the bucket fails, the queue is cancelled, the stack rolls back.
    #[test]
    fn blames_the_first_resource_that_failed_not_the_cancelled_ones() {
        let events = [
            event(
                "web",
                "AWS::CloudFormation::Stack",
                "CREATE_IN_PROGRESS",
                "User Initiated",
            ),
            event("Queue", "AWS::SQS::Queue", "CREATE_IN_PROGRESS", ""),
            event("Bucket", "AWS::S3::Bucket", "CREATE_IN_PROGRESS", ""),
            event(
                "Bucket",
                "AWS::S3::Bucket",
                "CREATE_FAILED",
                "taken-bucket already exists",
            ),
            event(
                "Queue",
                "AWS::SQS::Queue",
                "CREATE_FAILED",
                "Resource creation cancelled",
            ),
            event(
                "web",
                "AWS::CloudFormation::Stack",
                "ROLLBACK_IN_PROGRESS",
                "The following resource(s) failed to create: [Bucket, Queue].",
            ),
            event("web", "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", ""),
        ];
        let failure = analyse_failure("web", "ROLLBACK_COMPLETE", &events, None);
        let resource = failure.failed_resource.clone().unwrap();
        assert_eq!(resource.logical_id, "Bucket");
        assert_eq!(resource.reason, "taken-bucket already exists");
        assert_eq!(failure.rollback, RollbackState::NewStackRolledBack);
        let message = failure.to_string();
        assert!(
            message.contains("resource Bucket (AWS::S3::Bucket) CREATE_FAILED"),
            "{message}"
        );
        assert!(message.contains("--delete-failed-stack"), "{message}");
    }

    #[test]
    fn an_update_failure_reports_the_rollback() {
        let events = [event(
            "Db",
            "AWS::RDS::DBInstance",
            "UPDATE_FAILED",
            "bad class",
        )];
        let failure = analyse_failure("web", "UPDATE_ROLLBACK_COMPLETE", &events, None);
        assert_eq!(failure.rollback, RollbackState::RolledBack);
        assert!(failure.to_string().contains("previous template"));
    }
}
