//! What a deployment is asked to do, and how patiently it waits.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// The largest template CloudFormation accepts inline in a request body.
pub const INLINE_TEMPLATE_LIMIT: usize = 51_200;

/// The largest template CloudFormation accepts from S3.
pub const S3_TEMPLATE_LIMIT: usize = 1_048_576;

/// One stack to deploy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeployRequest {
    /// The stack's name.
    pub stack_name: String,
    /// The template, as JSON or YAML text.
    pub template_body: String,
    /// Parameter values; parameters not given keep their previous value on an update and
    /// their default on a create.
    pub parameters: BTreeMap<String, String>,
    /// Values offered for parameters, used only where the template declares the parameter
    /// and [`DeployRequest::parameters`] does not set it: how a deploy plan hands one
    /// stack's outputs to the stacks after it.
    pub offered_parameters: BTreeMap<String, String>,
    /// Tags for the stack (CloudFormation passes them on to the resources).
    pub tags: BTreeMap<String, String>,
    /// The S3 bucket for templates over [`INLINE_TEMPLATE_LIMIT`]; `None` means
    /// `zta-cfn-staging-<account>-<region>`, created when absent.
    pub staging_bucket: Option<String>,
    /// Turn on termination protection once the stack is deployed.
    pub termination_protection: bool,
}

impl DeployRequest {
    /// A request with no parameters, tags or options.
    pub fn new(stack_name: impl Into<String>, template_body: impl Into<String>) -> Self {
        DeployRequest {
            stack_name: stack_name.into(),
            template_body: template_body.into(),
            parameters: BTreeMap::new(),
            offered_parameters: BTreeMap::new(),
            tags: BTreeMap::new(),
            staging_bucket: None,
            termination_protection: false,
        }
    }
}

/// How often to ask AWS for news and how long to wait in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollSettings {
    /// The pause between two polls.
    pub interval: Duration,
    /// The longest wait for one change set or one stack operation.
    pub timeout: Duration,
}

impl PollSettings {
    /// Waits one interval before the next poll, or fails with a timeout naming `what` (what
    /// was being waited for) when the wait that began at `started` has lasted too long.
    pub(crate) async fn pause(
        &self,
        started: Instant,
        what: impl FnOnce() -> String,
    ) -> crate::Result<()> {
        if started.elapsed() >= self.timeout {
            return Err(crate::Error::Timeout {
                what: what(),
                seconds: self.timeout.as_secs(),
            });
        }
        tokio::time::sleep(self.interval).await;
        Ok(())
    }
}

impl Default for PollSettings {
    /// Five seconds between polls, which keeps well under CloudFormation's API throttling,
    /// and two hours in all, longer than any resource CloudFormation itself waits for
    /// except custom resources.
    fn default() -> Self {
        PollSettings {
            interval: Duration::from_secs(5),
            timeout: Duration::from_secs(2 * 60 * 60),
        }
    }
}
