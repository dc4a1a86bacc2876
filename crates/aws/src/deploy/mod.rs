//! Deployment of CloudFormation templates: always through a change set that a person (or
//! `--yes`) approves, with progress streamed as stack events.
//!
//! The flow is split in two so that the approval sits between the halves:
//! [`prepare_deployment`] validates the template, stages it in S3 when it is over the inline
//! limit, creates the change set and describes it; [`execute_deployment`] runs an approved
//! change set and follows the stack to its final status. [`discard_deployment`] throws an
//! unapproved change set away. Stacks are never deleted here except by [`delete_stack`], which
//! takes an explicit [`DeleteStack`] token so that no code path can do it by accident.

mod change_set;
mod execute;
mod failure;
mod multi_stack;
mod protection;
mod request;
mod stack_set;
mod stack_state;
mod staging;

pub use change_set::{
    ChangeAction, PreparedDeployment, Replacement, ResourceChange, discard_deployment,
    prepare_deployment,
};
pub use execute::{DeployOutcome, StackOutput, execute_deployment};
pub use failure::{DeployFailure, FailedResource, RollbackState, analyse_failure};
pub use multi_stack::{
    ApproveAll, Confirmation, ManifestStack, ParameterValue, StackManifest, StackManifestOutcome,
    deploy_manifest, resolve_parameters,
};
pub use protection::{DeleteStack, delete_stack, set_termination_protection};
pub use request::{DeployRequest, INLINE_TEMPLATE_LIMIT, PollSettings, S3_TEMPLATE_LIMIT};
pub use stack_set::{
    StackSetInstanceStatus, StackSetOutcome, StackSetPlan, StackSetRequest, StackSetTarget,
    deploy_stack_set, plan_stack_set,
};
pub use stack_state::{StackState, stack_state};
pub use staging::{StagedTemplate, stage_template};
