//! Progress of a deployment as a stream of events, for any renderer.
//!
//! The deploy code reports through a [`ProgressSink`] and renders nothing itself: the CLI draws
//! the events on a terminal (its `progress.rs`) and the desktop app forwards them over a
//! `tauri::ipc::Channel`, which is why the events serialise to JSON with
//! a `kind` tag (and derive their TypeScript declarations) and this crate knows nothing of Tauri.

use serde::Serialize;
use ts_rs::TS;

/// One thing that happened while deploying.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeployProgress {
    /// The template is being validated by CloudFormation.
    Validating {
        /// The stack being deployed.
        stack_name: String,
        /// The template's size in bytes.
        template_bytes: usize,
    },
    /// The template was over the inline limit and was uploaded to the staging bucket.
    TemplateStaged {
        /// The stack being deployed.
        stack_name: String,
        /// The staging bucket.
        bucket: String,
        /// The object key.
        key: String,
    },
    /// A change set is being created and computed.
    CreatingChangeSet {
        /// The stack being deployed.
        stack_name: String,
        /// `CREATE` for a new stack, `UPDATE` for an existing one.
        change_set_type: String,
    },
    /// The change set is ready for review.
    ChangeSetReady {
        /// The stack being deployed.
        stack_name: String,
        /// How many resources it adds, modifies or removes.
        resource_changes: usize,
    },
    /// The change set is being executed.
    Executing {
        /// The stack being deployed.
        stack_name: String,
        /// How many resources it touches, for a progress bar's length.
        resource_changes: usize,
    },
    /// CloudFormation reported a stack event.
    StackEvent(StackEventRecord),
    /// The stack reached a final status.
    Finished {
        /// The stack.
        stack_name: String,
        /// Its final status, e.g. `CREATE_COMPLETE` or `UPDATE_ROLLBACK_COMPLETE`.
        status: String,
        /// Whether the deployment succeeded.
        succeeded: bool,
    },
    /// A StackSet operation changed status.
    StackSetOperation {
        /// The StackSet.
        stack_set_name: String,
        /// The operation id.
        operation_id: String,
        /// `RUNNING`, `SUCCEEDED`, `FAILED`, `STOPPED`...
        status: String,
    },
}

/// A stack event as CloudFormation reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StackEventRecord {
    /// The stack the event belongs to.
    pub stack_name: String,
    /// When it happened, as RFC 3339.
    pub timestamp: String,
    /// The resource's logical id (the stack's own name for stack-level events).
    pub logical_id: String,
    /// The resource type, e.g. `AWS::S3::Bucket`.
    pub resource_type: String,
    /// The resource's status, e.g. `CREATE_IN_PROGRESS`, `CREATE_FAILED`.
    pub status: String,
    /// CloudFormation's reason, when it gave one.
    pub reason: Option<String>,
}

impl StackEventRecord {
    /// Whether the event is about the stack itself rather than one of its resources.
    pub fn is_stack_event(&self) -> bool {
        self.resource_type == "AWS::CloudFormation::Stack" && self.logical_id == self.stack_name
    }

    /// Whether the event reports a failure.
    pub fn is_failure(&self) -> bool {
        self.status.ends_with("_FAILED")
    }

    /// Whether the event reports a resource reaching a final state (complete or failed).
    pub fn is_settled(&self) -> bool {
        !self.status.ends_with("_IN_PROGRESS")
    }
}

/// Where deploy progress goes. Closures are sinks, so a Tauri command can forward events
/// with `move |event: &DeployProgress| { channel.send(event.clone()).ok(); }`.
pub trait ProgressSink: Send + Sync {
    /// Receives one event, in the order they happen.
    fn report(&self, event: &DeployProgress);
}

impl<F> ProgressSink for F
where
    F: Fn(&DeployProgress) + Send + Sync,
{
    fn report(&self, event: &DeployProgress) {
        self(event);
    }
}

/// Sends every event down a channel, for a renderer running in another task.
impl ProgressSink for tokio::sync::mpsc::UnboundedSender<DeployProgress> {
    fn report(&self, event: &DeployProgress) {
        // A receiver that went away has stopped caring; the deployment goes on regardless.
        let _ = self.send(event.clone());
    }
}

/// A sink that drops every event, for callers that only want the result.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl ProgressSink for NoProgress {
    fn report(&self, _event: &DeployProgress) {}
}

/// One line describing an event, the same in a log, a pipeline and the app's event list.
pub fn describe(event: &DeployProgress) -> String {
    match event {
        DeployProgress::Validating {
            stack_name,
            template_bytes,
        } => format!("{stack_name}: validating the template ({template_bytes} bytes)"),
        DeployProgress::TemplateStaged {
            stack_name,
            bucket,
            key,
        } => format!("{stack_name}: template over the inline limit, staged at s3://{bucket}/{key}"),
        DeployProgress::CreatingChangeSet {
            stack_name,
            change_set_type,
        } => format!("{stack_name}: creating a {change_set_type} change set"),
        DeployProgress::ChangeSetReady {
            stack_name,
            resource_changes,
        } => format!("{stack_name}: change set ready, {resource_changes} resource change(s)"),
        DeployProgress::Executing {
            stack_name,
            resource_changes,
        } => format!("{stack_name}: executing {resource_changes} resource change(s)"),
        DeployProgress::StackEvent(event) => {
            let mut line = format!(
                "{} {} {} {} {}",
                event.timestamp,
                event.stack_name,
                event.logical_id,
                event.resource_type,
                event.status
            );
            if let Some(reason) = &event.reason {
                line.push_str(": ");
                line.push_str(reason);
            }
            line
        }
        DeployProgress::Finished {
            stack_name, status, ..
        } => format!("{stack_name}: {status}"),
        DeployProgress::StackSetOperation {
            stack_set_name,
            operation_id,
            status,
        } => format!("StackSet {stack_set_name}: operation {operation_id} {status}"),
    }
}
