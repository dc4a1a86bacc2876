//! Encryption rules: TLS on every flow that carries non-public data, modern TLS, KMS at rest
//! for every store and instance volume, key rotation, and certificates for HTTPS endpoints.

pub(crate) mod carried_encryption_off;
pub(crate) mod cleartext_regulated_data;
pub(crate) mod cleartext_sensitive_data;
pub(crate) mod data_store_unencrypted;
pub(crate) mod database_tls_not_enforced;
pub(crate) mod eks_secrets_without_cmk;
pub(crate) mod https_endpoint_without_certificate;
pub(crate) mod instance_volume_unencrypted;
pub(crate) mod key_rotation_off;
pub(crate) mod obsolete_tls;
pub(crate) mod sensitive_store_without_cmk;
pub(crate) mod weak_tls_policy;
