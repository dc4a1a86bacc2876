//! EFS file systems: encrypted with the design's key, backed up, mounted through a mount target
//! in each zone of the tier the file system is drawn in (behind the security group its flows
//! open), and with a file system policy that refuses mounts without TLS and, unless the design
//! turns IAM authorization off, every client that does not mount with an IAM identity allowed to.
//! Access points are folded into the file system on import: they narrow what a client sees,
//! which the design does not model.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-efs-filesystem.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-efs-mounttarget.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-efs-accesspoint.html>;
//! IAM authorization and TLS: <https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html>.

use zta_model::{Auth, Component, ComponentKind, Effect, PolicyStatement, Tier};

use crate::export::builder::{Builder, tags};
use crate::export::support::stateful;
use crate::import::eval::Sym;
use crate::import::{Disposition, Importer, ResourceKey};
use crate::policy::{policy_document, sid};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::EFS::FileSystem";

/// The resource type of a mount target: the file system's network interface in one subnet.
const MOUNT_TARGET: &str = "AWS::EFS::MountTarget";

/// The resource type of an access point.
const ACCESS_POINT: &str = "AWS::EFS::AccessPoint";

/// The statement id of the grant that lets any client mount through a mount target, written
/// when the design turns IAM authorization off.
const MOUNT_WITHOUT_IAM: &str = "MountWithoutIam";

/// What an NFS client needs to mount a file system and write to it.
const CLIENT_ACTIONS: [&str; 2] = [
    "elasticfilesystem:ClientMount",
    "elasticfilesystem:ClientWrite",
];

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let p = &c.properties;
    let group = b.workload_group(c);
    let system = b.logical_id(&c.id);
    // The statements name no resource: a file system policy applies to its file system, and
    // naming the file system's ARN would make it depend on itself.
    let mut statements = Vec::new();
    if p.encrypted_in_transit != Some(false) {
        statements.push(Value::map([
            ("Sid", Value::string(sid::DENY_INSECURE_TRANSPORT)),
            ("Effect", Value::string("Deny")),
            ("Principal", Value::map([("AWS", Value::string("*"))])),
            ("Action", Value::string("*")),
            (
                "Condition",
                Value::map([(
                    "Bool",
                    Value::map([("aws:SecureTransport", Value::string("false"))]),
                )]),
            ),
        ]));
    }
    if p.iam_auth == Some(false) {
        // With a file system policy in place EFS refuses clients the policy does not allow, so
        // a file system that does not ask for IAM has to allow everyone who reaches a mount
        // target (the security group decides who does).
        statements.push(Value::map([
            ("Sid", Value::string(MOUNT_WITHOUT_IAM)),
            ("Effect", Value::string("Allow")),
            ("Principal", Value::map([("AWS", Value::string("*"))])),
            (
                "Action",
                Value::list(CLIENT_ACTIONS.iter().map(|a| Value::string(*a))),
            ),
            (
                "Condition",
                Value::map([(
                    "Bool",
                    Value::map([(
                        "elasticfilesystem:AccessedViaMountTarget",
                        Value::string("true"),
                    )]),
                )]),
            ),
        ]));
    }
    statements.extend(crate::export::statements::statements(
        b,
        &unit,
        &p.resource_policy,
        true,
    ));
    let encrypted = p.encrypted_at_rest != Some(false);
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("Encrypted", encrypted)
        .with_property("PerformanceMode", "generalPurpose")
        .with_property("ThroughputMode", "elastic")
        .with_property(
            "BackupPolicy",
            Value::map([("Status", Value::string("ENABLED"))]),
        )
        .with_property("FileSystemTags", tags(&c.id, &c.tags));
    if encrypted {
        resource = resource.with_property("KmsKeyId", b.key_arn(&unit, c));
    }
    if !statements.is_empty() {
        resource = resource.with_property("FileSystemPolicy", policy_document(statements));
    }
    stateful(&mut resource, "Retain");
    b.put(&unit, system.clone(), &c.id, group.clone(), resource);
    let security_group = Value::get_att(b.logical_id_for(&c.id, "SecurityGroup"), "GroupId");
    for (index, zone) in b.spread_subnets(subnet).into_iter().enumerate() {
        let target = Resource::new(MOUNT_TARGET)
            .with_property("FileSystemId", Value::reference(&system))
            .with_property("SubnetId", Value::reference(b.logical_id(&zone.id)))
            .with_property("SecurityGroups", Value::list([security_group.clone()]));
        b.put(
            &unit,
            b.logical_id_for(&c.id, &format!("MountTarget{}", index + 1)),
            &c.id,
            group.clone(),
            target,
        );
    }
    // Callers drawn with `auth: iam` mount with their role (`mount -t efs -o tls,iam`); the
    // role needs the client actions on this file system.
    let callers: Vec<String> = b
        .flows_to(&c.id)
        .iter()
        .filter(|flow| flow.auth == Auth::Iam)
        .filter_map(|flow| crate::export::statements::caller_role(b, flow))
        .map(|identity| identity.id.clone())
        .collect();
    for identity in callers {
        let role_unit = b
            .identity(&identity)
            .map(|role| b.unit_of_identity(role))
            .unwrap_or_else(|| unit.clone());
        let target = b.reference(&role_unit, &unit, &system, Some("Arn"));
        b.role_statement(&identity, "MountFileSystem", &CLIENT_ACTIONS, target);
    }
}

/// What the design states about a file system that its resources cannot show: that it asks
/// for IAM authorization when it writes no file system policy at all (no TLS requirement and no
/// statements), which a template cannot tell from a file system that lets everyone mount.
pub(crate) fn drawn(c: &Component) -> serde_json::Map<String, serde_json::Value> {
    let p = &c.properties;
    if p.encrypted_in_transit == Some(false) && p.resource_policy.is_empty() {
        crate::marker::drawn_properties(c, &["iam_auth"])
    } else {
        serde_json::Map::new()
    }
}

/// Whether a statement refuses every request made without TLS.
fn refuses_plain_transport(statement: &PolicyStatement) -> bool {
    statement.effect == Effect::Deny
        && statement.conditions.values().any(|keys| {
            keys.iter().any(|(key, values)| {
                key.eq_ignore_ascii_case("aws:SecureTransport")
                    && values.iter().any(|value| value == "false")
            })
        })
}

/// Whether a statement lets anyone mount, with or without an IAM identity.
fn allows_anyone(statement: &PolicyStatement) -> bool {
    statement.effect == Effect::Allow && statement.principals.iter().any(|p| p == "*")
}

/// Reads `AWS::EFS::FileSystem` into a component, with its mount targets and access points.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let targets = im.referring(MOUNT_TARGET, &["FileSystemId"], key);
    let subnets = targets
        .first()
        .map(|target| im.property(target.0, &target.1, &["SubnetId"]))
        .unwrap_or(Sym::NoValue);
    let subnet = im.subnet_for(&subnets, Tier::Private);
    let mut component = im.new_component(key, ComponentKind::EfsFileSystem, subnet);
    let p = &mut component.properties;
    p.encrypted_at_rest = Some(im.flag(key, &["Encrypted"]).unwrap_or(false));
    let document = im.resource(key).property("FileSystemPolicy").cloned();
    let statements = document
        .as_ref()
        .map(|document| im.statements(key.0, document))
        .unwrap_or_default();
    p.encrypted_in_transit = Some(statements.iter().any(refuses_plain_transport));
    // Without a file system policy EFS lets every client that reaches a mount target in;
    // with one, only those it allows.
    p.iam_auth = Some(document.is_some() && !statements.iter().any(allows_anyone));
    p.resource_policy = statements
        .into_iter()
        .filter(|statement| {
            let generated = statement.sid.as_deref().is_some_and(|sid| {
                crate::policy::is_generated_sid(sid) || sid == MOUNT_WITHOUT_IAM
            });
            !(generated && im.designer_element(key).is_some())
        })
        .collect();
    component.encryption_key = im.key_component(key, &["KmsKeyId"]);
    let element = component.id.clone();
    for target in targets {
        im.mark(
            target,
            Disposition::Absorbed {
                element: Some(element.clone()),
                how: "a mount target of the file system, in one of its subnets".to_owned(),
            },
        );
    }
    for point in im.referring(ACCESS_POINT, &["FileSystemId"], key) {
        im.mark(
            point,
            Disposition::Absorbed {
                element: Some(element.clone()),
                how: "an access point of the file system: the design does not model the path and POSIX user it fixes".to_owned(),
            },
        );
    }
    Some(component)
}
