//! One connection to AWS: the resolved configuration and the service clients built from it.
//!
//! Credentials come from the SDK's standard chain (environment variables, the shared
//! `config` and `credentials` files, profiles including IAM Identity Center ones, web
//! identity, container and instance metadata). This crate never reads, stores or prints them
//! itself; it only names a profile when asked.

use std::fmt;

use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_sdk_sts::config::ProvideCredentials;

use crate::error::{Error, Result};
use crate::redact;

/// What the user chose on the command line or in the app; each `None` falls back to the SDK's
/// standard resolution (environment, then profile).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConnectionOptions {
    /// A profile of the shared config files, instead of `AWS_PROFILE` or `default`.
    pub profile: Option<String>,
    /// A region, instead of `AWS_REGION` or the profile's.
    pub region: Option<String>,
    /// Another endpoint for every service, such as a local emulator.
    pub endpoint_url: Option<String>,
}

/// A resolved AWS configuration with its service clients.
#[derive(Clone)]
pub struct AwsConnection {
    region: String,
    profile: Option<String>,
    endpoint_url: Option<String>,
    pub(crate) cloudformation: aws_sdk_cloudformation::Client,
    pub(crate) iam: aws_sdk_iam::Client,
    pub(crate) s3: aws_sdk_s3::Client,
    pub(crate) sts: aws_sdk_sts::Client,
}

impl AwsConnection {
    /// Resolves the configuration and builds the clients. Credentials are resolved lazily, on
    /// the first call that needs them, so this fails only when no region can be found.
    pub async fn connect(options: &ConnectionOptions) -> Result<Self> {
        let mut loader = aws_config::defaults(BehaviorVersion::latest());
        if let Some(profile) = &options.profile {
            loader = loader.profile_name(profile);
        }
        if let Some(region) = &options.region {
            loader = loader.region(Region::new(region.clone()));
        }
        if let Some(endpoint_url) = &options.endpoint_url {
            loader = loader.endpoint_url(endpoint_url);
        }
        let config = loader.load().await;
        // Resolving the credentials once here lets every message be scrubbed of their exact
        // values, whatever their shape, and lets a session token be kept off plain HTTP.
        let credentials = match config.credentials_provider() {
            Some(provider) => provider.provide_credentials().await.ok(),
            None => None,
        };
        if let Some(credentials) = &credentials {
            redact::remember_secret(credentials.access_key_id());
            redact::remember_secret(credentials.secret_access_key());
            if let Some(token) = credentials.session_token() {
                redact::remember_secret(token);
            }
        }
        if let Some(endpoint) = &options.endpoint_url
            && is_plain_http_beyond_loopback(endpoint)
            && credentials
                .as_ref()
                .is_none_or(|credentials| credentials.session_token().is_some())
        {
            return Err(Error::SessionTokenInClear {
                endpoint: endpoint.clone(),
            });
        }
        Self::from_config(&config, options)
    }

    fn from_config(config: &SdkConfig, options: &ConnectionOptions) -> Result<Self> {
        let region = config.region().ok_or(Error::NoRegion)?.to_string();
        // An emulator on a bare host and port cannot serve virtual-hosted bucket names, so
        // S3 is addressed path-style whenever the endpoint is overridden.
        let s3_config = aws_sdk_s3::config::Builder::from(config)
            .force_path_style(options.endpoint_url.is_some())
            .build();
        Ok(AwsConnection {
            region,
            profile: options.profile.clone(),
            endpoint_url: options.endpoint_url.clone(),
            cloudformation: aws_sdk_cloudformation::Client::new(config),
            iam: aws_sdk_iam::Client::new(config),
            s3: aws_sdk_s3::Client::from_conf(s3_config),
            sts: aws_sdk_sts::Client::new(config),
        })
    }

    /// The region every call goes to.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The profile named by the options, if any.
    pub fn profile(&self) -> Option<&str> {
        self.profile.as_deref()
    }

    /// The endpoint override, if any.
    pub fn endpoint_url(&self) -> Option<&str> {
        self.endpoint_url.as_deref()
    }

    /// The account the credentials belong to, from STS `GetCallerIdentity` (which needs no
    /// permission).
    pub async fn account_id(&self) -> Result<String> {
        let identity = self
            .sts
            .get_caller_identity()
            .send()
            .await
            .map_err(|error| Error::from_sdk("GetCallerIdentity", error))?;
        identity
            .account()
            .map(str::to_owned)
            .ok_or_else(|| Error::Service {
                operation: "GetCallerIdentity",
                code: None,
                message: "the response named no account".to_owned(),
            })
    }
}

/// Whether an endpoint is plain `http://` to a host other than this machine, where a session
/// token in the request headers would cross the network in clear text. Loopback (an emulator
/// such as moto on `127.0.0.1` or `localhost`) never leaves the machine.
fn is_plain_http_beyond_loopback(endpoint: &str) -> bool {
    let Some(rest) = endpoint
        .get(..7)
        .filter(|scheme| scheme.eq_ignore_ascii_case("http://"))
        .map(|_| &endpoint[7..])
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_and_port = authority.rsplit('@').next().unwrap_or_default();
    let host = match host_and_port.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host_and_port.split(':').next().unwrap_or_default(),
    };
    let is_loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|address| address.is_loopback());
    !is_loopback
}

/// Shows where calls go, never the credentials: the SDK's own configuration would print the
/// access key id.
impl fmt::Debug for AwsConnection {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_struct("AwsConnection")
            .field("region", &self.region)
            .field("profile", &self.profile)
            .field("endpoint_url", &self.endpoint_url)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::is_plain_http_beyond_loopback;

    #[test]
    fn only_plain_http_beyond_loopback_is_flagged() {
        for endpoint in [
            "http://10.0.0.5:4566",
            "HTTP://emulator.example.com/",
            "http://user@192.168.1.2",
        ] {
            assert!(is_plain_http_beyond_loopback(endpoint), "{endpoint}");
        }
        for endpoint in [
            "https://cloudformation.eu-west-1.amazonaws.com",
            "http://127.0.0.1:5000",
            "http://localhost:4566/",
            "http://[::1]:5000",
            "http://127.8.9.1",
        ] {
            assert!(!is_plain_http_beyond_loopback(endpoint), "{endpoint}");
        }
    }
}
