//! Shield Advanced protections of the resources the design names.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group};
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Shield::Protection";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    b.manual_step(
        &c.id,
        &unit,
        "Subscribe to Shield Advanced",
        format!("Shield Advanced protections (`{}`) need an active subscription in the account (a one-year commitment with a monthly fee) before the stack is deployed.", c.id),
    )
    .command("aws shield create-subscription")
    .console("AWS WAF & Shield console > AWS Shield > Getting started > Subscribe to Shield Advanced");
    let mut first = true;
    for protected in &c.properties.protects {
        let Some(target) = b.component(protected) else {
            continue;
        };
        let target_unit = b.unit_of_component(target);
        let id = b.logical_id(protected);
        let arn = match target.kind {
            ComponentKind::Route53Zone => b.reference(&unit, &target_unit, &id, None),
            ComponentKind::Alb | ComponentKind::Nlb => b.reference(&unit, &target_unit, &id, None),
            ComponentKind::Cloudfront => b.reference(&unit, &target_unit, &id, None),
            ComponentKind::NatGateway => b.reference(
                &unit,
                &target_unit,
                &b.logical_id_for(protected, "Eip"),
                Some("AllocationId"),
            ),
            _ => {
                b.warn(format!(
                    "Shield Advanced cannot protect `{protected}` ({})",
                    target.kind.as_str()
                ));
                continue;
            }
        };
        let resource_arn = match target.kind {
            ComponentKind::Route53Zone => Value::sub_with(
                "arn:${AWS::Partition}:route53:::hostedzone/${Target}",
                [("Target", arn)],
            ),
            ComponentKind::Cloudfront => Value::sub_with(
                "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Target}",
                [("Target", arn)],
            ),
            ComponentKind::NatGateway => Value::sub_with(
                "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:eip-allocation/${Target}",
                [("Target", arn)],
            ),
            _ => arn,
        };
        // The first protection stands for the element (it carries its name and marker); the
        // others are its parts, and an import gathers them all back into the one element.
        let logical_id = if first {
            b.logical_id(&c.id)
        } else {
            b.logical_id_for(&c.id, &id)
        };
        first = false;
        b.put(
            &unit,
            logical_id,
            &c.id,
            Group::Security,
            Resource::new(RESOURCE_TYPE)
                .with_property("Name", format!("{}-{}", c.id, protected))
                .with_property("ResourceArn", resource_arn),
        );
    }
}

/// Reads `AWS::Shield::Protection` into a component, with what the other protections an export
/// wrote for the same element protect.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::ShieldProtection);
    let element = im.designer_element(key);
    let protections: Vec<ResourceKey> = im
        .resources_of_type(RESOURCE_TYPE)
        .into_iter()
        .filter(|other| {
            other == key || (element.is_some() && im.designer_element(other) == element)
        })
        .collect();
    for protection in protections {
        let arn = im.property(protection.0, &protection.1, &["ResourceArn"]);
        for protected in im.elements_in_arn(protection.0, &arn) {
            if !component.properties.protects.contains(&protected) {
                component.properties.protects.push(protected);
            }
        }
    }
    Some(component)
}
