//! Identity rules: who signs in and how (MFA, federation, sessions, authentication of calls).

pub(crate) mod active_access_keys;
pub(crate) mod carried_access_key;
pub(crate) mod cross_account_trust_unscoped;
pub(crate) mod customer_pool_mfa_optional;
pub(crate) mod database_iam_auth_off;
pub(crate) mod human_role_without_mfa;
pub(crate) mod human_sign_in_without_mfa;
pub(crate) mod iam_user_for_person;
pub(crate) mod identity_pool_classic_flow;
pub(crate) mod identity_pool_guest_role;
pub(crate) mod identity_pool_trust_unscoped;
pub(crate) mod inactive_iam_user;
pub(crate) mod long_lived_tokens;
pub(crate) mod long_sessions;
pub(crate) mod permission_set_without_admin_account;
pub(crate) mod privileged_access_not_federated;
pub(crate) mod privileged_sign_in_without_mfa;
pub(crate) mod service_trust_without_source;
pub(crate) mod unauthenticated_data_store_access;
pub(crate) mod unauthenticated_regulated_call;
pub(crate) mod unauthenticated_workload_call;
pub(crate) mod web_identity_trust_without_audience;
