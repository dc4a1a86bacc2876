//! IAM groups and the policies the design states.

use zta_model::Identity;

use crate::export::builder::{Builder, Group};
use crate::export::statements::{with_managed_policies, with_stated_policy};
use crate::template::Resource;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::IAM::Group";

pub(crate) fn export(b: &mut Builder<'_>, identity: &Identity) {
    let unit = b.unit_of_identity(identity);
    let mut resource = with_managed_policies(b, identity, Resource::new(RESOURCE_TYPE));
    resource = with_stated_policy(b, &unit, identity, resource);
    b.put(
        &unit,
        b.logical_id(&identity.id),
        &identity.id,
        Group::Security,
        resource,
    );
}
