//! Least-privilege rules: no wildcards, no administrator rights on workloads, a role per
//! service, and blast radius kept to what each identity uses.

pub(crate) mod admin_on_workload;
pub(crate) mod carried_admin_identity;
pub(crate) mod carried_public_principal;
pub(crate) mod exposed_workload_assumes_into_cardholder;
pub(crate) mod open_resource_policy;
pub(crate) mod privilege_escalation;
pub(crate) mod service_wildcard_action;
pub(crate) mod shared_workload_role;
pub(crate) mod trust_anyone;
pub(crate) mod unused_data_access;
pub(crate) mod wildcard_action;
pub(crate) mod wildcard_resource_write;
pub(crate) mod workload_can_assume_admin;
