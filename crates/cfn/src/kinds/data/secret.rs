//! Secrets Manager secrets: a generated value, a KMS key, a rotation schedule, and a resource
//! policy.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, tags};
use crate::export::statements::statements;
use crate::export::support::stateful;
use crate::import::{Importer, ResourceKey};
use crate::policy::policy_document;
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::SecretsManager::Secret";

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
    let days = c.properties.rotation_days.unwrap_or(30).clamp(1, 365);
    let function = b.parameter(
        &unit,
        &b.logical_id_for(&c.id, "RotationFunctionArn"),
        Parameter::new("String")
            .with("AllowedPattern", "^arn:aws[a-z-]*:lambda:.+$")
            .with("Description", format!("The Lambda function that rotates secret `{}` (it knows the issuer of the credential).", c.id)),
    );
    b.put(
        &unit,
        b.logical_id_for(&c.id, "Rotation"),
        &c.id,
        group.clone(),
        Resource::new("AWS::SecretsManager::RotationSchedule")
            .with_property("SecretId", Value::reference(&secret))
            .with_property("RotationLambdaARN", function)
            .with_property(
                "RotationRules",
                Value::map([("AutomaticallyAfterDays", Value::from(days))]),
            ),
    );
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

/// Reads `AWS::SecretsManager::Secret` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::Secret);
    component.encryption_key = im.key_component(key, &["KmsKeyId"]);
    component.properties.rotation_days = im
        .referring("AWS::SecretsManager::RotationSchedule", &["SecretId"], key)
        .first()
        .and_then(|schedule| im.number(schedule, &["RotationRules", "AutomaticallyAfterDays"]));
    component.properties.resource_policy = im.attached_policies(
        "AWS::SecretsManager::ResourcePolicy",
        &["SecretId"],
        key,
        false,
    );
    Some(component)
}
