//! Deploying the saved design to AWS: the design's stacks for the signed-in account, each
//! through a change set the user reviews in the window, with CloudFormation's progress streamed
//! over a channel as it happens.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tauri::State;
use tauri::ipc::Channel;
use tokio::sync::oneshot;
use ts_rs::TS;
use zta::AccountPlan;
use zta::cloud::{
    ChangeSetReview, Confirmation, ConnectionOptions, DeployProgress, PreparedDeployment, Session,
    StackManifestOutcome, StackOptions,
};

use crate::commands::file::saved_design_file;
use crate::error::{AppError, Result};
use crate::state::{AppState, lock};

/// Where to deploy, as the deploy dialog asks for it. Empty fields fall back to the AWS SDK's
/// own defaults (the `AWS_PROFILE` and `AWS_REGION` settings and the shared config files).
#[derive(Debug, Deserialize, TS)]
pub struct DeployTarget {
    /// The named profile of the shared AWS config files.
    pub profile: Option<String>,
    /// The region to deploy to.
    pub region: Option<String>,
    /// The stack's name when the design becomes one stack.
    pub stack_name: Option<String>,
}

/// What the shell streams to the dialog while deploying.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeployEvent {
    /// A change set waits for `answer_change_set`.
    Review {
        /// The change set.
        change_set: ChangeSetReview,
    },
    /// CloudFormation's progress.
    Progress {
        /// The event, as zta-aws reports it.
        progress: DeployProgress,
    },
}

/// Asks the user about each change set: the dialog gets it over the channel, and the answer
/// comes back through `answer_change_set`. A dialog that goes away without answering declines.
struct AskInTheWindow<'a> {
    channel: &'a Channel<DeployEvent>,
    pending: &'a std::sync::Mutex<Option<oneshot::Sender<bool>>>,
}

impl Confirmation for AskInTheWindow<'_> {
    async fn confirm(&self, prepared: &PreparedDeployment) -> bool {
        let (answer, answered) = oneshot::channel();
        *lock(self.pending) = Some(answer);
        let review = DeployEvent::Review {
            change_set: prepared.into(),
        };
        if self.channel.send(review).is_err() {
            return false;
        }
        answered.await.unwrap_or(false)
    }
}

/// Signs in with the target's credentials and plans the saved design's deployment there.
async fn connect_and_plan(
    state: &AppState,
    target: &DeployTarget,
) -> Result<(Session, String, zta::DesignDeployment)> {
    let design = saved_design_file(state)?;
    let plan = zta::plan_design_deployment(&design, target.stack_name.as_deref())?;
    let session = zta::cloud::sign_in(&ConnectionOptions {
        profile: target.profile.clone(),
        region: target.region.clone(),
        endpoint_url: None,
    })
    .await?;
    let account_id = session.account_id().await?;
    Ok((session, account_id, plan))
}

/// What deploying the saved design with these credentials would do: the account they belong
/// to, its stacks and the parameters they take, and the stacks that belong elsewhere.
#[tauri::command]
pub async fn plan_deployment(
    state: State<'_, AppState>,
    target: DeployTarget,
) -> Result<AccountPlan> {
    let (session, account_id, plan) = connect_and_plan(&state, &target).await?;
    Ok(plan.plan_for_account(&account_id, session.region()))
}

/// Deploys the saved design with the target's credentials: the stacks that belong in the
/// signed-in account, in order, each after the user approved its change set. `parameters` go
/// to the stacks that declare them; one that no stack declares is refused as a likely typo.
#[tauri::command]
pub async fn deploy_design(
    state: State<'_, AppState>,
    target: DeployTarget,
    parameters: BTreeMap<String, String>,
    on_event: Channel<DeployEvent>,
) -> Result<StackManifestOutcome> {
    let (session, account_id, plan) = connect_and_plan(&state, &target).await?;
    let values: Vec<(String, String)> = parameters.into_iter().collect();
    let manifest = plan.manifest_with_parameters(&account_id, &values)?;
    let forward = |progress: &DeployProgress| {
        // A closed dialog stops listening; the deployment itself carries on to a final state.
        let _ = on_event.send(DeployEvent::Progress {
            progress: progress.clone(),
        });
    };
    let ask = AskInTheWindow {
        channel: &on_event,
        pending: &state.pending_change_set,
    };
    let outcome =
        zta::cloud::deploy_stacks(&session, manifest, &StackOptions::default(), &ask, &forward)
            .await?;
    Ok(outcome)
}

/// The user's answer to the change set under review: execute it, or decline and stop.
#[tauri::command]
pub fn answer_change_set(state: State<'_, AppState>, approve: bool) -> Result<()> {
    let pending = lock(&state.pending_change_set)
        .take()
        .ok_or(AppError::NoChangeSet)?;
    // The deployment may have ended meanwhile (an error elsewhere); then nobody waits.
    let _ = pending.send(approve);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use zta::cloud::StackEventRecord;

    /// The dialog switches on `kind` at both levels and reads the event's fields beside it, as
    /// the generated declarations say; this pins that serde and ts-rs agree on that shape.
    #[test]
    fn progress_reaches_the_ui_tagged_by_kind_with_flat_fields() {
        let event = DeployEvent::Progress {
            progress: DeployProgress::StackEvent(StackEventRecord {
                stack_name: "shop".into(),
                timestamp: "2026-11-29T10:00:00Z".into(),
                logical_id: "Bucket".into(),
                resource_type: "AWS::S3::Bucket".into(),
                status: "CREATE_FAILED".into(),
                reason: None,
            }),
        };
        let json = serde_json::to_value(&event).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "kind": "progress",
                "progress": {
                    "kind": "stack_event",
                    "stack_name": "shop",
                    "timestamp": "2026-11-29T10:00:00Z",
                    "logical_id": "Bucket",
                    "resource_type": "AWS::S3::Bucket",
                    "status": "CREATE_FAILED",
                    "reason": null,
                }
            })
        );
        let finished = serde_json::to_value(DeployProgress::Finished {
            stack_name: "shop".into(),
            status: "CREATE_COMPLETE".into(),
            succeeded: true,
        })
        .unwrap();
        assert_eq!(finished["kind"], "finished");
        assert_eq!(finished["succeeded"], true);
    }
}
