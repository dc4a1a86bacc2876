use zta_model::Component;

use crate::export::builder::{Builder, Group};
use crate::policy::{inline_policy, policy_document, service_trust_policy};
use crate::template::Resource;
use crate::value::Value;
/// A role created for a component that the design gives none, trusted by `service`.
pub(crate) fn own_role(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    service: &str,
    managed: Vec<Value>,
    statements: Vec<Value>,
) -> String {
    let role = b.logical_id_for(&c.id, "Role");
    let mut resource = Resource::new("AWS::IAM::Role")
        .with_property("AssumeRolePolicyDocument", service_trust_policy(service));
    if !managed.is_empty() {
        resource = resource.with_property("ManagedPolicyArns", Value::list(managed));
    }
    if !statements.is_empty() {
        resource = resource.with_property(
            "Policies",
            inline_policy("component", policy_document(statements)),
        );
    }
    b.put(unit, role.clone(), &c.id, Group::Security, resource);
    role
}

pub(crate) fn own_role_named(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    role: &str,
    service: &str,
    managed: Vec<Value>,
) -> String {
    let logical = b.logical_id_for(&c.id, role);
    b.put(
        unit,
        logical.clone(),
        &c.id,
        Group::Security,
        Resource::new("AWS::IAM::Role")
            .with_property("AssumeRolePolicyDocument", service_trust_policy(service))
            .with_property("ManagedPolicyArns", Value::list(managed)),
    );
    logical
}
