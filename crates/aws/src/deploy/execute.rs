//! The second half of a deployment: run an approved change set, follow the stack's events to
//! its final status, and read the outputs or explain the failure.

use std::collections::HashSet;
use std::time::Instant;

use aws_sdk_cloudformation::primitives::DateTimeFormat;
use serde::Serialize;
use ts_rs::TS;

use crate::connection::AwsConnection;
use crate::deploy::change_set::PreparedDeployment;
use crate::deploy::failure::analyse_failure;
use crate::deploy::protection::set_termination_protection;
use crate::deploy::request::PollSettings;
use crate::error::{Error, Result};
use crate::progress::{DeployProgress, ProgressSink, StackEventRecord};
use crate::redact::scrub;

/// A successful deployment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DeployOutcome {
    /// The stack.
    pub stack_name: String,
    /// Its final status, e.g. `CREATE_COMPLETE`.
    pub final_status: String,
    /// The stack's outputs, in CloudFormation's order.
    pub outputs: Vec<StackOutput>,
    /// The events of this execution, oldest first.
    pub events: Vec<StackEventRecord>,
    /// Whether termination protection was turned on.
    pub termination_protection: bool,
}

/// One output of a stack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StackOutput {
    /// The output's key.
    pub key: String,
    /// Its value.
    pub value: String,
    /// The template's description of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    /// The export name, when other stacks can import it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub export_name: Option<String>,
}

/// Stack statuses that end a successful deployment.
const SUCCESS_STATUSES: [&str; 3] = ["CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE"];

/// Executes an approved change set and follows the stack to its final status, reporting each
/// stack event. A failed deployment returns [`Error::DeploymentFailed`] naming the resource,
/// the reason and the rollback.
pub async fn execute_deployment(
    connection: &AwsConnection,
    prepared: &PreparedDeployment,
    poll: PollSettings,
    progress: &dyn ProgressSink,
) -> Result<DeployOutcome> {
    let stack_name = prepared.stack_name.as_str();
    if prepared.no_changes {
        let (status, _) = stack_status(connection, &prepared.stack_id).await?;
        return Ok(DeployOutcome {
            stack_name: stack_name.to_owned(),
            final_status: status,
            outputs: stack_outputs(connection, &prepared.stack_id).await?,
            events: Vec::new(),
            termination_protection: prepared.termination_protection,
        });
    }

    let mut follower = EventFollower::new(connection, prepared).await?;
    progress.report(&DeployProgress::Executing {
        stack_name: stack_name.to_owned(),
        resource_changes: prepared.changes.len(),
    });
    let executed = connection
        .cloudformation
        .execute_change_set()
        .change_set_name(&prepared.change_set_id)
        .send()
        .await;
    if let Err(error) = executed {
        // CloudFormation refuses before touching anything (a stale change set, missing
        // capabilities); emulators that create resources synchronously also report a
        // resource's failure here.
        let error = Error::from_sdk("ExecuteChangeSet", error);
        follower.poll(progress).await?;
        let (status, _) = stack_status(connection, &prepared.stack_id).await?;
        report_finished(progress, stack_name, &status, false);
        return Err(Error::DeploymentFailed(Box::new(analyse_failure(
            stack_name,
            &status,
            &follower.events,
            Some(format!(
                "CloudFormation did not execute the change set: {error}"
            )),
        ))));
    }

    let started = Instant::now();
    let (status, status_reason) = loop {
        follower.poll(progress).await?;
        let (status, reason) = stack_status(connection, &prepared.stack_id).await?;
        if !status.ends_with("_IN_PROGRESS") {
            // Events can trail the status by a moment; one more look catches the last ones.
            follower.poll(progress).await?;
            break (status, reason);
        }
        poll.pause(started, || {
            format!("stack {stack_name} to finish ({status})")
        })
        .await?;
    };

    let succeeded = SUCCESS_STATUSES.contains(&status.as_str());
    report_finished(progress, stack_name, &status, succeeded);
    if !succeeded {
        return Err(Error::DeploymentFailed(Box::new(analyse_failure(
            stack_name,
            &status,
            &follower.events,
            status_reason,
        ))));
    }
    if prepared.termination_protection {
        set_termination_protection(connection, stack_name, true).await?;
    }
    Ok(DeployOutcome {
        stack_name: stack_name.to_owned(),
        final_status: status,
        outputs: stack_outputs(connection, &prepared.stack_id).await?,
        events: follower.events,
        termination_protection: prepared.termination_protection,
    })
}

fn report_finished(progress: &dyn ProgressSink, stack_name: &str, status: &str, succeeded: bool) {
    progress.report(&DeployProgress::Finished {
        stack_name: stack_name.to_owned(),
        status: status.to_owned(),
        succeeded,
    });
}

/// Reads a stack's outputs.
pub(crate) async fn stack_outputs(
    connection: &AwsConnection,
    stack_name_or_id: &str,
) -> Result<Vec<StackOutput>> {
    let described = connection
        .cloudformation
        .describe_stacks()
        .stack_name(stack_name_or_id)
        .send()
        .await
        .map_err(|error| Error::from_sdk("DescribeStacks", error))?;
    Ok(described
        .stacks()
        .first()
        .map(|stack| {
            stack
                .outputs()
                .iter()
                .map(|output| StackOutput {
                    key: output.output_key().unwrap_or_default().to_owned(),
                    value: output.output_value().unwrap_or_default().to_owned(),
                    description: output.description().map(str::to_owned),
                    export_name: output.export_name().map(str::to_owned),
                })
                .collect()
        })
        .unwrap_or_default())
}

/// The stack's status and status reason, looked up by id so that it keeps working while the
/// stack is being deleted.
pub(crate) async fn stack_status(
    connection: &AwsConnection,
    stack_id: &str,
) -> Result<(String, Option<String>)> {
    let described = connection
        .cloudformation
        .describe_stacks()
        .stack_name(stack_id)
        .send()
        .await
        .map_err(|error| Error::from_sdk("DescribeStacks", error))?;
    let stack = described.stacks().first();
    Ok((
        stack
            .and_then(|stack| stack.stack_status())
            .map_or_else(String::new, |status| status.as_str().to_owned()),
        stack
            .and_then(|stack| stack.stack_status_reason())
            .map(scrub),
    ))
}

/// Follows a stack's events from the moment of execution on, reporting each new one once.
struct EventFollower<'connection> {
    connection: &'connection AwsConnection,
    stack_id: String,
    stack_name: String,
    /// The newest event before execution: the stream of this deployment starts after it.
    baseline: Option<String>,
    seen: HashSet<String>,
    events: Vec<StackEventRecord>,
}

impl<'connection> EventFollower<'connection> {
    async fn new(
        connection: &'connection AwsConnection,
        prepared: &PreparedDeployment,
    ) -> Result<Self> {
        let newest = connection
            .cloudformation
            .describe_stack_events()
            .stack_name(&prepared.stack_id)
            .send()
            .await
            .map_err(|error| Error::from_sdk("DescribeStackEvents", error))?;
        Ok(EventFollower {
            connection,
            stack_id: prepared.stack_id.clone(),
            stack_name: prepared.stack_name.clone(),
            baseline: newest
                .stack_events()
                .first()
                .and_then(|event| event.event_id())
                .map(str::to_owned),
            seen: HashSet::new(),
            events: Vec::new(),
        })
    }

    /// Fetches the events newer than the last seen (pages come newest first) and reports
    /// them oldest first.
    async fn poll(&mut self, progress: &dyn ProgressSink) -> Result<()> {
        let mut fresh = Vec::new();
        let mut next_token: Option<String> = None;
        'pages: loop {
            let page = self
                .connection
                .cloudformation
                .describe_stack_events()
                .stack_name(&self.stack_id)
                .set_next_token(next_token.take())
                .send()
                .await
                .map_err(|error| Error::from_sdk("DescribeStackEvents", error))?;
            for event in page.stack_events() {
                let id = event.event_id().unwrap_or_default();
                if Some(id) == self.baseline.as_deref() || self.seen.contains(id) {
                    break 'pages;
                }
                fresh.push((id.to_owned(), self.record(event)));
            }
            match page.next_token() {
                Some(token) if !token.is_empty() => next_token = Some(token.to_owned()),
                _ => break,
            }
        }
        for (id, record) in fresh.into_iter().rev() {
            self.seen.insert(id);
            progress.report(&DeployProgress::StackEvent(record.clone()));
            self.events.push(record);
        }
        Ok(())
    }

    fn record(&self, event: &aws_sdk_cloudformation::types::StackEvent) -> StackEventRecord {
        StackEventRecord {
            stack_name: self.stack_name.clone(),
            timestamp: event
                .timestamp()
                .and_then(|timestamp| timestamp.fmt(DateTimeFormat::DateTime).ok())
                .unwrap_or_default(),
            logical_id: event.logical_resource_id().unwrap_or_default().to_owned(),
            resource_type: event.resource_type().unwrap_or_default().to_owned(),
            status: event
                .resource_status()
                .map_or_else(String::new, |status| status.as_str().to_owned()),
            reason: event.resource_status_reason().map(scrub),
        }
    }
}
