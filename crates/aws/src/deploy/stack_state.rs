//! Where a stack stands before a deployment: absent, deployable, or in a state that needs a
//! person's decision first.

use crate::connection::AwsConnection;
use crate::error::{Error, Result};

/// A stack's existence and status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StackState {
    /// No stack of that name exists.
    Absent,
    /// The stack exists with this status, e.g. `CREATE_COMPLETE` or `REVIEW_IN_PROGRESS`.
    Present {
        /// The stack's id (its ARN).
        stack_id: String,
        /// Its status.
        status: String,
        /// Whether termination protection is on.
        termination_protection: bool,
        /// The names of the parameters it was deployed with.
        parameters: Vec<String>,
    },
}

/// Looks the stack up. CloudFormation answers a missing stack with a `ValidationError`
/// saying it "does not exist", which is the one error this turns into [`StackState::Absent`].
pub async fn stack_state(connection: &AwsConnection, stack_name: &str) -> Result<StackState> {
    let response = connection
        .cloudformation
        .describe_stacks()
        .stack_name(stack_name)
        .send()
        .await;
    match response {
        Ok(output) => {
            Ok(output
                .stacks()
                .first()
                .map_or(StackState::Absent, |stack| StackState::Present {
                    stack_id: stack.stack_id().unwrap_or(stack_name).to_owned(),
                    status: stack
                        .stack_status()
                        .map_or_else(String::new, |status| status.as_str().to_owned()),
                    termination_protection: stack.enable_termination_protection().unwrap_or(false),
                    parameters: stack
                        .parameters()
                        .iter()
                        .filter_map(|parameter| parameter.parameter_key().map(str::to_owned))
                        .collect(),
                }))
        }
        Err(error) => {
            let error = Error::from_sdk("DescribeStacks", error);
            match &error {
                Error::Service { code, message, .. }
                    if code.as_deref() == Some("ValidationError")
                        && message.contains("does not exist") =>
                {
                    Ok(StackState::Absent)
                }
                _ => Err(error),
            }
        }
    }
}

/// Whether the next change set creates or updates the stack, or why neither is possible.
pub(crate) fn change_set_type_for(
    stack_name: &str,
    state: &StackState,
) -> Result<aws_sdk_cloudformation::types::ChangeSetType> {
    use aws_sdk_cloudformation::types::ChangeSetType;
    let status = match state {
        StackState::Absent => return Ok(ChangeSetType::Create),
        StackState::Present { status, .. } => status.as_str(),
    };
    let refuse = |advice: &str| {
        Err(Error::StackNotDeployable {
            stack_name: stack_name.to_owned(),
            status: status.to_owned(),
            advice: advice.to_owned(),
        })
    };
    match status {
        // A stack that only ever had a CREATE change set, never executed, is still empty.
        "REVIEW_IN_PROGRESS" => Ok(ChangeSetType::Create),
        "ROLLBACK_COMPLETE" | "ROLLBACK_FAILED" | "CREATE_FAILED" => refuse(
            "its creation failed and was rolled back, and CloudFormation cannot update it; \
             delete it explicitly (zta deploy --delete-failed-stack) and deploy again",
        ),
        "DELETE_FAILED" => {
            refuse("a deletion failed part-way; finish or retry the deletion in the console first")
        }
        "UPDATE_ROLLBACK_FAILED" => refuse(
            "an update failed and so did its rollback; continue the rollback \
             (aws cloudformation continue-update-rollback) before deploying again",
        ),
        status if status.ends_with("_IN_PROGRESS") => {
            refuse("another operation is running on it; wait for it to finish")
        }
        _ => Ok(ChangeSetType::Update),
    }
}

#[cfg(test)]
mod tests {
    use aws_sdk_cloudformation::types::ChangeSetType;

    use super::*;

    fn present(status: &str) -> StackState {
        StackState::Present {
            stack_id: "arn".to_owned(),
            status: status.to_owned(),
            termination_protection: false,
            parameters: Vec::new(),
        }
    }

    #[test]
    fn chooses_create_or_update_from_the_status() {
        assert_eq!(
            change_set_type_for("web", &StackState::Absent).unwrap(),
            ChangeSetType::Create
        );
        assert_eq!(
            change_set_type_for("web", &present("REVIEW_IN_PROGRESS")).unwrap(),
            ChangeSetType::Create
        );
        assert_eq!(
            change_set_type_for("web", &present("UPDATE_ROLLBACK_COMPLETE")).unwrap(),
            ChangeSetType::Update
        );
    }

    #[test]
    fn refuses_failed_and_busy_stacks_with_advice() {
        let error = change_set_type_for("web", &present("ROLLBACK_COMPLETE")).unwrap_err();
        assert!(
            error.to_string().contains("--delete-failed-stack"),
            "{error}"
        );
        let error = change_set_type_for("web", &present("UPDATE_IN_PROGRESS")).unwrap_err();
        assert!(error.to_string().contains("wait for it"), "{error}");
    }
}
