//! Session Manager preferences: encrypted, logged sessions.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group};
use crate::import::{Importer, ResourceKey};
use crate::policy::sid;
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from: a document of the `Session` type.
pub(crate) const RESOURCE_TYPE: &str = "AWS::SSM::Document";
const DOCUMENT_TYPE: &str = "DocumentType";
const SESSION: &str = "Session";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    // The preferences document has a fixed name, so an account holds one.
    let first = b
        .components_of(ComponentKind::SessionManager)
        .find(|other| b.unit_of_component(other) == unit)
        .map(|first| first.id.clone());
    if let Some(first) = first.filter(|first| *first != c.id) {
        b.warn(format!(
            "Session Manager `{}` shares the preferences of `{first}`: an account has one preferences document",
            c.id
        ));
        return;
    }
    let logs = b.log_group(
        &unit,
        b.logical_id_for(&c.id, "LogGroup"),
        &c.id,
        Group::Security,
        None,
        None,
    );
    let content = Value::map([
        ("schemaVersion", Value::string("1.0")),
        (
            "description",
            Value::string("Session Manager preferences: sessions logged to an encrypted log group"),
        ),
        ("sessionType", Value::string("Standard_Stream")),
        (
            "inputs",
            Value::map([
                ("cloudWatchLogGroupName", Value::reference(&logs)),
                ("cloudWatchEncryptionEnabled", Value::from(true)),
                ("cloudWatchStreamingEnabled", Value::from(true)),
                ("s3EncryptionEnabled", Value::from(true)),
                ("runAsEnabled", Value::from(false)),
                ("idleSessionTimeout", Value::string("20")),
            ]),
        ),
    ]);
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Security,
        Resource::new(RESOURCE_TYPE)
            .with_property("Name", "SSM-SessionManagerRunShell")
            .with_property(DOCUMENT_TYPE, SESSION)
            .with_property("UpdateMethod", "NewVersion")
            .with_property("Content", content),
    );
    b.manual_step(
        &c.id,
        &unit,
        "Let Session Manager preferences be managed by the stack",
        format!("The preferences document SSM-SessionManagerRunShell exists once anyone opened Session Manager's preferences in account `{unit}`; delete it before deploying so that the stack can own it."),
    )
    .command("aws ssm delete-document --name SSM-SessionManagerRunShell");
    // Instances write their session transcripts to the log group, through roles of the same
    // account (a role elsewhere cannot name the group, nor write to it).
    let roles: Vec<String> = b
        .components_of(ComponentKind::Ec2Instance)
        .chain(b.components_of(ComponentKind::AutoScalingGroup))
        .filter(|i| b.unit_of_component(i) == unit && i.properties.ssm_managed != Some(false))
        .filter_map(|i| i.identity.as_deref())
        .filter(|role| {
            b.identity(role)
                .is_some_and(|role| b.unit_of_identity(role) == unit)
        })
        .map(str::to_owned)
        .collect();
    for role in roles {
        b.role_statement(
            &role,
            sid::SESSION_TRANSCRIPTS,
            &["logs:CreateLogStream", "logs:PutLogEvents"],
            Value::get_att(&logs, "Arn"),
        );
    }
}

/// Reads a Session Manager preferences document into a component of the account; documents of
/// other types are not components.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    if im.property(key.0, &key.1, &[DOCUMENT_TYPE]).as_text() != Some(SESSION) {
        return None;
    }
    Some(im.account_component(key, ComponentKind::SessionManager))
}
