//! Import of what is already deployed in an account: IAM identities and stack templates.

pub mod iam;
mod iam_design;
pub mod stack;

pub use iam::{IamSnapshot, read_iam};
pub use iam_design::design_from_iam;
pub use stack::{DeployedTemplate, fetch_stack_template};

/// Reads the account's IAM and returns it as a design, for `zta import iam`.
pub async fn import_iam(connection: &crate::AwsConnection) -> crate::Result<zta_model::Design> {
    Ok(design_from_iam(&read_iam(connection).await?))
}
