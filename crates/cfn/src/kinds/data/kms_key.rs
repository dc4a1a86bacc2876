//! KMS keys: rotation on, a key policy naming the roles that use the key; read back with the
//! statements the design states.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::export::statements::{caller_role, statements};
use crate::export::support::{is_log_archive, stateful};
use crate::import::{Importer, ResourceKey};
use crate::policy::{KeyServices, key_policy};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::KMS::Key";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let users = b.encrypted_with(&c.id).to_vec();
    let mut role_ids: Vec<String> = Vec::new();
    for user in &users {
        if let Some(role) = &user.identity {
            role_ids.push(role.clone());
        }
        for flow in b.flows_to(&user.id) {
            if let Some(role) = caller_role(b, flow) {
                role_ids.push(role.id.clone());
            }
        }
    }
    role_ids.sort();
    role_ids.dedup();
    let roles: Vec<Value> = role_ids.iter().map(|r| b.role_arn(&unit, r)).collect();
    let services = KeyServices {
        logs: users.iter().any(|u| u.kind == ComponentKind::LogGroup),
        cloudtrail: users.iter().any(|u| {
            u.kind == ComponentKind::Cloudtrail
                || (u.kind == ComponentKind::S3Bucket && is_log_archive(b, &u.id))
        }),
        alarms: users.iter().any(|u| u.kind == ComponentKind::SnsTopic),
    };
    let extra = statements(b, &unit, &c.properties.resource_policy, true);
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("Description", &c.name)
        .with_property(
            "EnableKeyRotation",
            c.properties.key_rotation.unwrap_or(true),
        )
        .with_property("PendingWindowInDays", 30_u32)
        .with_property("KeyPolicy", key_policy(roles, services, extra))
        .with_property("Tags", tags(&c.id, &c.tags));
    stateful(&mut resource, "Retain");
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Security, resource);
    b.put(
        &unit,
        b.logical_id_for(&c.id, "Alias"),
        &c.id,
        Group::Security,
        Resource::new("AWS::KMS::Alias")
            .with_property(
                "AliasName",
                Value::sub(format!("alias/${{AWS::StackName}}-{}", c.id)),
            )
            .with_property("TargetKeyId", Value::reference(b.logical_id(&c.id))),
    );
}

/// Reads `AWS::KMS::Key` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::KmsKey);
    component.properties.key_rotation = Some(im.flag(key, &["EnableKeyRotation"]).unwrap_or(false));
    if let Some(policy) = im.resource(key).property("KeyPolicy").cloned() {
        component.properties.resource_policy = im.design_statements(key, &policy);
    }
    Some(component)
}
