//! Lifecycle rules: services and versions at or past their end of support.

pub(crate) mod app_mesh_end_of_support;
pub(crate) mod deprecated_lambda_runtime;
pub(crate) mod eks_version_end_of_support;
