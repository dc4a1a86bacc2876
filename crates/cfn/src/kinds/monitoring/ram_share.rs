//! RAM resource shares of the design's shared resources.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::import::{Importer, ResourceKey};
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::RAM::ResourceShare";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let mut arns = Vec::new();
    for shared in &c.properties.shares {
        let Some(target) = b.component(shared) else {
            continue;
        };
        let id = b.logical_id(shared);
        let arn = match target.kind {
            ComponentKind::TransitGateway => Value::sub(format!(
                "arn:${{AWS::Partition}}:ec2:${{AWS::Region}}:${{AWS::AccountId}}:transit-gateway/${{{id}}}"
            )),
            ComponentKind::Route53Zone => Value::sub(format!(
                "arn:${{AWS::Partition}}:route53:::hostedzone/${{{id}}}"
            )),
            ComponentKind::NetworkFirewall => Value::reference(b.logical_id_for(shared, "Policy")),
            _ => {
                b.warn(format!(
                    "RAM share `{}` cannot share `{shared}` ({}); left out",
                    c.id,
                    target.kind.as_str()
                ));
                continue;
            }
        };
        arns.push(arn);
    }
    let mut principals = Vec::new();
    for account in &c.properties.share_with {
        let value = match b.segment(account).and_then(|s| s.account_id.clone()) {
            Some(id) => Value::string(id),
            None => b.parameter(
                &unit,
                &b.logical_id_for(account, "AccountId"),
                Parameter::new("String")
                    .with("AllowedPattern", "^[0-9]{12}$")
                    .with("Description", format!("The account id of `{account}`.")),
            ),
        };
        principals.push(value);
    }
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Network,
        Resource::new(RESOURCE_TYPE)
            .with_property("Name", &c.name)
            .with_property("AllowExternalPrincipals", false)
            .with_property("ResourceArns", Value::list(arns))
            .with_property("Principals", Value::list(principals))
            .with_property("Tags", tags(&c.id, &c.tags)),
    );
}

/// Reads `AWS::RAM::ResourceShare` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::RamShare);
    component.properties.shares = im.elements_of(&im.property(key.0, &key.1, &["ResourceArns"]));
    Some(component)
}
