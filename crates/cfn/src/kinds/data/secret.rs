//! Secrets Manager secrets: a generated value, a KMS key, a rotation schedule, and a resource
//! policy.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::export::statements::statements;
use crate::export::support::stateful;
use crate::import::{Importer, ResourceKey};
use crate::policy::policy_document;
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::SecretsManager::Secret";

/// The rotation period of a secret whose design states none.
const DEFAULT_ROTATION_DAYS: u32 = 30;

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let key = b.key_arn(&unit, c);
    let secret = b.logical_id(&c.id);
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("Description", &c.name)
        .with_property("KmsKeyId", key)
        .with_property(
            "GenerateSecretString",
            Value::map([
                ("PasswordLength", Value::from(32_u32)),
                ("ExcludePunctuation", Value::from(true)),
            ]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    stateful(&mut resource, "Retain");
    b.put(&unit, secret.clone(), &c.id, group.clone(), resource);
    // `rotation_days: 0` means the secret does not rotate (ZT-DATA-004 flags it): no schedule
    // is written. Otherwise the design's period is written as stated (the model refuses
    // periods Secrets Manager does not accept), and an unstated one gets 30 days.
    match c.properties.rotation_days.unwrap_or(DEFAULT_ROTATION_DAYS) {
        0 => {}
        days => rotation_schedule(b, &unit, c, &group, &secret, days),
    }
    if !c.properties.resource_policy.is_empty() {
        let statements = statements(b, &unit, &c.properties.resource_policy, true);
        b.put(
            &unit,
            b.logical_id_for(&c.id, "Policy"),
            &c.id,
            group,
            Resource::new("AWS::SecretsManager::ResourcePolicy")
                .with_property("SecretId", Value::reference(&secret))
                .with_property("BlockPublicPolicy", true)
                .with_property("ResourcePolicy", policy_document(statements)),
        );
    }
}

/// A rotation every `days` days by the Lambda function a parameter names
/// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-secretsmanager-rotationschedule.html>).
fn rotation_schedule(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    group: &Group,
    secret: &str,
    days: u32,
) {
    let function = b.parameter(
        unit,
        &b.logical_id_for(&c.id, "RotationFunctionArn"),
        Parameter::new("String")
            .with("AllowedPattern", "^arn:aws[a-z-]*:lambda:.+$")
            .with("Description", format!("The Lambda function that rotates secret `{}` (it knows the issuer of the credential).", c.id)),
    );
    b.put(
        unit,
        b.logical_id_for(&c.id, "Rotation"),
        &c.id,
        group.clone(),
        Resource::new("AWS::SecretsManager::RotationSchedule")
            .with_property("SecretId", Value::reference(secret.to_owned()))
            .with_property("RotationLambdaARN", function)
            .with_property(
                "RotationRules",
                Value::map([("AutomaticallyAfterDays", Value::from(days))]),
            ),
    );
}

/// Reads `AWS::SecretsManager::Secret` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::Secret);
    component.encryption_key = im.key_component(key, &["KmsKeyId"]);
    // A secret no rotation schedule names does not rotate, which the design says as 0.
    component.properties.rotation_days = match im
        .referring("AWS::SecretsManager::RotationSchedule", &["SecretId"], key)
        .first()
    {
        Some(schedule) => im.number(schedule, &["RotationRules", "AutomaticallyAfterDays"]),
        None => Some(0),
    };
    component.properties.resource_policy = im.attached_policies(
        "AWS::SecretsManager::ResourcePolicy",
        &["SecretId"],
        key,
        false,
    );
    Some(component)
}
