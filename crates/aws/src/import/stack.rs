//! Fetching a deployed stack's template, for the CloudFormation importer.

use aws_sdk_cloudformation::types::TemplateStage;

use crate::connection::AwsConnection;
use crate::error::{Error, Result};

/// Largest deployed template imported, in bytes: twice CloudFormation's own limit of 1,048,576
/// bytes for a template staged in S3, a margin for how the service encodes the text it returns.
/// An endpoint that is not CloudFormation (one given with `--endpoint-url`) can answer anything,
/// and a larger answer is refused before the importer parses it and resolves its functions.
pub const MAX_DEPLOYED_TEMPLATE_BYTES: usize = 2 * 1024 * 1024;

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
    let body = fetched.template_body().ok_or_else(|| Error::Service {
        operation: "GetTemplate",
        code: None,
        message: format!("stack {stack_name} returned no template"),
    })?;
    Ok(DeployedTemplate {
        stack_name: stack_name.to_owned(),
        body: within_cap(stack_name, body)?.to_owned(),
    })
}

/// The fetched template, when it is within [`MAX_DEPLOYED_TEMPLATE_BYTES`].
fn within_cap<'a>(stack_name: &str, body: &'a str) -> Result<&'a str> {
    if body.len() > MAX_DEPLOYED_TEMPLATE_BYTES {
        return Err(Error::DeployedTemplateTooLarge {
            stack_name: stack_name.to_owned(),
            bytes: body.len(),
            limit: MAX_DEPLOYED_TEMPLATE_BYTES,
        });
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_over_the_cap_is_refused_and_one_at_it_is_kept() {
        let at_cap = "#".repeat(MAX_DEPLOYED_TEMPLATE_BYTES);
        assert_eq!(within_cap("web", &at_cap).unwrap().len(), at_cap.len());
        let over = format!("{at_cap} ");
        let error = within_cap("web", &over).unwrap_err();
        assert!(
            matches!(error, Error::DeployedTemplateTooLarge { bytes, .. } if bytes == over.len()),
            "{error}"
        );
        assert!(error.to_string().contains("stack web"), "{error}");
    }
}
