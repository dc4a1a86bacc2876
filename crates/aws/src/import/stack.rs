//! Fetching a deployed stack's template, for the CloudFormation importer.

use aws_sdk_cloudformation::types::TemplateStage;

use crate::connection::AwsConnection;
use crate::error::{Error, Result};

/// A deployed stack's template as CloudFormation stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeployedTemplate {
    /// The stack.
    pub stack_name: String,
    /// The template text, JSON or YAML as it was submitted.
    pub body: String,
}

/// Fetches the template a stack was deployed with, as submitted (`Original` stage: macros
/// and transforms not yet expanded, so it reads like the author's file).
pub async fn fetch_stack_template(
    connection: &AwsConnection,
    stack_name: &str,
) -> Result<DeployedTemplate> {
    let fetched = connection
        .cloudformation
        .get_template()
        .stack_name(stack_name)
        .template_stage(TemplateStage::Original)
        .send()
        .await
        .map_err(|error| match Error::from_sdk("GetTemplate", error) {
            Error::Service { message, .. } if message.contains("does not exist") => {
                Error::StackNotFound {
                    stack_name: stack_name.to_owned(),
                }
            }
            other => other,
        })?;
    let body = fetched
        .template_body()
        .ok_or_else(|| Error::Service {
            operation: "GetTemplate",
            code: None,
            message: format!("stack {stack_name} returned no template"),
        })?
        .to_owned();
    Ok(DeployedTemplate {
        stack_name: stack_name.to_owned(),
        body,
    })
}
