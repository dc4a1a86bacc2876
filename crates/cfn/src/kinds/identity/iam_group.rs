//! IAM groups and the policies the design states.

use zta_model::Identity;

use crate::export::builder::{Builder, Group};
use crate::export::statements::with_stated_policy;
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::IAM::Group";

pub(crate) fn export(b: &mut Builder<'_>, identity: &Identity) {
    let unit = b.unit_of_identity(identity);
    let mut resource = Resource::new(RESOURCE_TYPE);
    if !identity.managed_policies.is_empty() {
        resource = resource.with_property(
            "ManagedPolicyArns",
            Value::list(identity.managed_policies.iter().map(|a| b.design_text(a))),
        );
    }
    resource = with_stated_policy(b, &unit, identity, resource);
    b.put(
        &unit,
        b.logical_id(&identity.id),
        &identity.id,
        Group::Security,
        resource,
    );
}
