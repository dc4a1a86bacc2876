//! The options every AWS-facing subcommand shares: `--profile`, `--region`, `--endpoint-url`.

use zta::cloud::ConnectionOptions;

/// Where to reach AWS and as whom. Credentials themselves are never options: they come from
/// the standard chain (environment, shared files, profiles, SSO, instance roles).
#[derive(Debug, Clone, clap::Args)]
pub struct AwsOptions {
    /// The profile of ~/.aws/config to use (instead of AWS_PROFILE or `default`); IAM Identity
    /// Center profiles work after `aws sso login --profile NAME`.
    #[arg(long, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// The region (instead of AWS_REGION or the profile's `region`).
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Another endpoint for every AWS service, such as a local moto_server.
    #[arg(long, value_name = "URL")]
    pub endpoint_url: Option<String>,
}

impl AwsOptions {
    /// The connection options of the library.
    pub fn connection(&self) -> ConnectionOptions {
        ConnectionOptions {
            profile: self.profile.clone(),
            region: self.region.clone(),
            endpoint_url: self.endpoint_url.clone(),
        }
    }
}

/// A tokio runtime for one command; the rest of the CLI is synchronous.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
}

/// `KEY=VALUE`, for `--parameter` and `--tag`.
pub fn key_value(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value)) if !key.is_empty() => Ok((key.to_owned(), value.to_owned())),
        _ => Err(format!("expected KEY=VALUE, got `{text}`")),
    }
}
