//! The errors of AWS access, with messages that name what failed and never carry a credential.

use aws_sdk_cloudformation::config::http::HttpResponse;
use aws_sdk_cloudformation::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};

use crate::deploy::DeployFailure;
use crate::redact::scrub;

/// Everything that can go wrong while talking to AWS.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The endpoint is plain HTTP beyond this machine and the credentials carry a session
    /// token (or could not be resolved to tell), which would cross the network in clear text.
    #[error(
        "refusing to send AWS credentials with a session token in clear text to {endpoint}: use \
         https://, or plain http:// only to an emulator on this machine (localhost, 127.0.0.1, ::1)"
    )]
    SessionTokenInClear {
        /// The endpoint given.
        endpoint: String,
    },

    /// Neither the options, the environment nor the profile named a region.
    #[error(
        "no AWS region is configured: pass --region, set AWS_REGION, or set `region` in the profile"
    )]
    NoRegion,

    /// An AWS API call failed; the message is the service's, scrubbed of credentials.
    #[error("AWS {operation} failed: {message}")]
    Service {
        /// The API operation, e.g. `CreateChangeSet`.
        operation: &'static str,
        /// The service's error code, e.g. `ValidationError`, when it sent one.
        code: Option<String>,
        /// What went wrong, scrubbed of credentials.
        message: String,
    },

    /// CloudFormation rejected the template.
    #[error("CloudFormation rejected the template of stack {stack_name}: {reason}")]
    InvalidTemplate {
        /// The stack the template was meant for.
        stack_name: String,
        /// The service's reason.
        reason: String,
    },

    /// The template is over the 1 MB limit that even an S3-staged template must meet.
    #[error(
        "the template of stack {stack_name} is {bytes} bytes; CloudFormation accepts at most \
         1,048,576 bytes even from S3, so split the design into several stacks"
    )]
    TemplateTooLarge {
        /// The stack the template was meant for.
        stack_name: String,
        /// The template's size.
        bytes: usize,
    },

    /// The change set could not be created.
    #[error("the change set for stack {stack_name} failed: {reason}")]
    ChangeSetFailed {
        /// The stack.
        stack_name: String,
        /// CloudFormation's status reason.
        reason: String,
    },

    /// The stack is in a state from which it cannot be deployed to.
    #[error("stack {stack_name} is {status}: {advice}")]
    StackNotDeployable {
        /// The stack.
        stack_name: String,
        /// Its current status.
        status: String,
        /// What the user can do about it.
        advice: String,
    },

    /// A deployed stack's template, as fetched, is larger than any template CloudFormation
    /// stores: the answer did not come from CloudFormation, or not whole, and is not imported.
    #[error(
        "the template fetched for stack {stack_name} is {bytes} bytes, over the limit of {limit} \
         bytes (CloudFormation stores at most 1,048,576); refusing to import it"
    )]
    DeployedTemplateTooLarge {
        /// The stack whose template was fetched.
        stack_name: String,
        /// The size of the template received.
        bytes: usize,
        /// The limit, `MAX_DEPLOYED_TEMPLATE_BYTES`.
        limit: usize,
    },

    /// The stack does not exist.
    #[error("stack {stack_name} does not exist in this account and region")]
    StackNotFound {
        /// The stack that was looked for.
        stack_name: String,
    },

    /// The deployment ran and failed; the failure names the resource, the reason and the
    /// rollback.
    #[error("{0}")]
    DeploymentFailed(Box<DeployFailure>),

    /// A StackSet operation ended without succeeding everywhere.
    #[error("StackSet {stack_set_name} operation {operation_id} ended {status}: {details}")]
    StackSetOperationFailed {
        /// The StackSet.
        stack_set_name: String,
        /// The operation.
        operation_id: String,
        /// Its final status.
        status: String,
        /// The accounts and regions that failed, with their reasons.
        details: String,
    },

    /// A deploy plan refers to an output that no earlier stack produced.
    #[error(
        "stack {stack_name} takes parameter {parameter} from output {output} of stack \
         {source_stack}, which {problem}"
    )]
    MissingOutput {
        /// The stack that needs the value.
        stack_name: String,
        /// Its parameter.
        parameter: String,
        /// The stack that should have produced it.
        source_stack: String,
        /// The output key.
        output: String,
        /// Why it is not available.
        problem: String,
    },

    /// Waiting for AWS took longer than allowed.
    #[error("gave up after {seconds} s waiting for {what}")]
    Timeout {
        /// What was being waited for.
        what: String,
        /// How long was waited.
        seconds: u64,
    },

    /// IAM returned a policy document that is not JSON.
    #[error("the policy document {policy} of {owner} is not valid JSON: {reason}")]
    PolicyDocument {
        /// The identity or policy that holds the document.
        owner: String,
        /// The policy's name.
        policy: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// The result of AWS access.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Turns an SDK error into [`Error::Service`], keeping the service's code and message and
    /// scrubbing the message of credentials.
    pub(crate) fn from_sdk<E>(operation: &'static str, error: SdkError<E, HttpResponse>) -> Self
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
    {
        let code = error.code().map(str::to_owned);
        let message = match (error.code(), error.message(), &error) {
            (Some(code), Some(message), _) => format!("{code}: {message}"),
            (Some(code), None, _) => code.to_owned(),
            // A response the SDK could not read as an AWS error (a proxy's page, an emulator's
            // crash): its status says more than the parser's complaint and the raw body.
            (None, _, SdkError::ServiceError(context)) => format!(
                "the service answered HTTP {} with a body that is not an AWS error",
                context.raw().status().as_u16()
            ),
            // Transport and credential errors have no service code; their context chain says
            // what happened (connection refused, no credentials found, expired SSO token).
            _ => DisplayErrorContext(&error).to_string(),
        };
        Error::Service {
            operation,
            code,
            message: scrub(&message),
        }
    }

    /// The service's error code, when this is a service error.
    pub fn service_code(&self) -> Option<&str> {
        match self {
            Error::Service { code, .. } => code.as_deref(),
            _ => None,
        }
    }
}
