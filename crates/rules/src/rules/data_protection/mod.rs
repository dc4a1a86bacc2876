//! Data-protection rules: no public buckets, Macie where personal data sits in S3, Secrets
//! Manager with rotation instead of credentials in flows, VPC-endpoint-only buckets, backups,
//! no cardholder data in logs, and explicit cross-account sharing.

pub(crate) mod backups_off;
pub(crate) mod bucket_not_endpoint_only;
pub(crate) mod bucket_public_access_block_off;
pub(crate) mod cardholder_data_in_logs;
pub(crate) mod cardholder_data_to_unlisted_provider;
pub(crate) mod carried_plaintext_secret;
pub(crate) mod carried_secret_key_output;
pub(crate) mod cross_account_access_not_explicit;
pub(crate) mod db_password_not_managed;
pub(crate) mod macie_missing;
pub(crate) mod personal_data_outside_eea;
pub(crate) mod secret_rotation_off;
pub(crate) mod sensitive_store_single_az;
pub(crate) mod static_credentials_in_flows;
