//! DynamoDB tables: KMS encryption, point-in-time recovery, deletion protection.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, tags};
use crate::export::support::stateful;
use crate::import::{Importer, ResourceKey};
use crate::kinds::data::s3_bucket::always_encrypted;
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::DynamoDB::Table";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let p = &c.properties;
    let mut sse = crate::value::Map::default();
    sse.insert("SSEEnabled".into(), Value::from(true));
    if p.encrypted_at_rest != Some(false) {
        sse.insert("SSEType".into(), Value::string("KMS"));
        sse.insert("KMSMasterKeyId".into(), b.key_arn(&unit, c));
    }
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("BillingMode", "PAY_PER_REQUEST")
        .with_property(
            "AttributeDefinitions",
            Value::list([Value::map([
                ("AttributeName", Value::string("pk")),
                ("AttributeType", Value::string("S")),
            ])]),
        )
        .with_property(
            "KeySchema",
            Value::list([Value::map([
                ("AttributeName", Value::string("pk")),
                ("KeyType", Value::string("HASH")),
            ])]),
        )
        .with_property("SSESpecification", Value::from(sse))
        .with_property(
            "PointInTimeRecoverySpecification",
            Value::map([(
                "PointInTimeRecoveryEnabled",
                Value::from(p.point_in_time_recovery != Some(false)),
            )]),
        )
        .with_property(
            "DeletionProtectionEnabled",
            p.deletion_protection != Some(false),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    stateful(&mut resource, "Retain");
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        b.workload_group(c),
        resource,
    );
    let table = b.logical_id(&c.id);
    b.manual_step(
        &c.id,
        &unit,
        "Confirm the table's key schema",
        format!("The design does not model item keys: table `{}` is exported with a string partition key `pk`; change it before the first deployment if the application uses another.", c.id),
    )
    .template(format!("Resources > {table} > Properties > KeySchema and AttributeDefinitions"));
}

/// What the marker keeps of a table: `encrypted_at_rest: false`, which DynamoDB cannot be.
pub(crate) fn drawn(
    b: &mut Builder<'_>,
    c: &Component,
) -> serde_json::Map<String, serde_json::Value> {
    let unencrypted = always_encrypted(b, c, "DynamoDB");
    crate::marker::drawn_properties(c, &Vec::from_iter(unencrypted))
}

/// Reads `AWS::DynamoDB::Table` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::DynamodbTable);
    // DynamoDB always encrypts at rest; SSESpecification only chooses a KMS key.
    component.properties.encrypted_at_rest = Some(true);
    component.encryption_key = im.key_component(key, &["SSESpecification", "KMSMasterKeyId"]);
    component.properties.point_in_time_recovery = Some(
        im.flag(
            key,
            &[
                "PointInTimeRecoverySpecification",
                "PointInTimeRecoveryEnabled",
            ],
        )
        .unwrap_or(false),
    );
    component.properties.deletion_protection = im.flag(key, &["DeletionProtectionEnabled"]);
    Some(component)
}
