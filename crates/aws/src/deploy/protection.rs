//! Termination protection, and the one way this crate deletes a stack: when explicitly asked.

use std::time::Instant;

use crate::connection::AwsConnection;
use crate::deploy::execute::stack_status;
use crate::deploy::request::PollSettings;
use crate::deploy::stack_state::{StackState, stack_state};
use crate::error::{Error, Result};

/// Turns termination protection on or off. With it on, CloudFormation refuses to delete the
/// stack until someone turns it off again.
pub async fn set_termination_protection(
    connection: &AwsConnection,
    stack_name: &str,
    enabled: bool,
) -> Result<()> {
    connection
        .cloudformation
        .update_termination_protection()
        .stack_name(stack_name)
        .enable_termination_protection(enabled)
        .send()
        .await
        .map_err(|error| Error::from_sdk("UpdateTerminationProtection", error))?;
    Ok(())
}

/// Proof that a person asked for a stack to be deleted. Its only constructor says so, which
/// keeps deletion out of every path that was not written to ask (a flag such as
/// `--delete-failed-stack`, a confirmed button).
#[derive(Debug)]
pub struct DeleteStack {
    _asked: (),
}

impl DeleteStack {
    /// The user asked, by an explicit flag or a confirmed dialog, for the stack to be deleted.
    pub fn explicitly_requested() -> Self {
        DeleteStack { _asked: () }
    }
}

/// Deletes a stack and waits for `DELETE_COMPLETE`. Refuses a stack with termination
/// protection on, naming how to turn it off, rather than turning it off itself.
pub async fn delete_stack(
    connection: &AwsConnection,
    stack_name: &str,
    _request: DeleteStack,
    poll: PollSettings,
) -> Result<()> {
    let stack_id = match stack_state(connection, stack_name).await? {
        StackState::Absent => {
            return Err(Error::StackNotFound {
                stack_name: stack_name.to_owned(),
            });
        }
        StackState::Present {
            termination_protection: true,
            status,
            ..
        } => {
            return Err(Error::StackNotDeployable {
                stack_name: stack_name.to_owned(),
                status,
                advice: "termination protection is on; turn it off deliberately first \
                         (aws cloudformation update-termination-protection \
                         --no-enable-termination-protection)"
                    .to_owned(),
            });
        }
        StackState::Present { stack_id, .. } => stack_id,
    };
    connection
        .cloudformation
        .delete_stack()
        .stack_name(&stack_id)
        .send()
        .await
        .map_err(|error| Error::from_sdk("DeleteStack", error))?;
    let started = Instant::now();
    loop {
        let (status, reason) = stack_status(connection, &stack_id).await?;
        match status.as_str() {
            "DELETE_COMPLETE" | "" => return Ok(()),
            "DELETE_FAILED" => {
                return Err(Error::StackNotDeployable {
                    stack_name: stack_name.to_owned(),
                    status,
                    advice: reason.unwrap_or_else(|| "the deletion failed".to_owned()),
                });
            }
            _ => {}
        }
        poll.pause(started, || format!("stack {stack_name} to be deleted"))
            .await?;
    }
}
