//! IAM users and the policies the design states.

use zta_model::Identity;

use crate::export::builder::{Builder, Group};
use crate::export::statements::{resource_arn, with_managed_policies, with_stated_policy};
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::IAM::User";

pub(crate) fn export(b: &mut Builder<'_>, identity: &Identity) {
    let unit = b.unit_of_identity(identity);
    let mut resource = with_managed_policies(b, identity, Resource::new(RESOURCE_TYPE));
    if !identity.groups.is_empty() {
        resource = resource.with_property(
            "Groups",
            Value::list(
                identity
                    .groups
                    .iter()
                    .map(|g| Value::reference(b.logical_id(g))),
            ),
        );
    }
    if let Some(boundary) = &identity.permissions_boundary {
        resource = resource.with_property("PermissionsBoundary", resource_arn(b, &unit, boundary));
    }
    resource = with_stated_policy(b, &unit, identity, resource);
    b.put(
        &unit,
        b.logical_id(&identity.id),
        &identity.id,
        Group::Security,
        resource,
    );
    if identity.console_access == Some(true) {
        b.manual_step(
            &identity.id,
            &unit,
            "Set the IAM user's console password",
            format!("A password never goes into a template: after deploying, give `{}` a console password that must be changed at first sign-in, and enrol an MFA device.", identity.id),
        )
        .command("aws iam create-login-profile --user-name <user name from the stack's resources> --password '<initial password>' --password-reset-required")
        .console("IAM console > Users > <user> > Security credentials > Console sign-in > Enable console access");
    }
}

/// Reads a user's policies and whether it may sign in to the console.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey, identity: &mut Identity) {
    im.read_iam_policies(key, identity);
    identity.console_access = Some(im.resource(key).property("LoginProfile").is_some());
}
