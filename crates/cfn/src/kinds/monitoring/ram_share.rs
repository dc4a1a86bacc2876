//! RAM resource shares of the design's shared resources.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::import::{Importer, ResourceKey};
use crate::kinds::account_id::{account_id, account_named};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::RAM::ResourceShare";
/// The share's properties naming what it shares and with whom.
const RESOURCE_ARNS: &str = "ResourceArns";
const PRINCIPALS: &str = "Principals";

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
    let principals: Vec<Value> = c
        .properties
        .share_with
        .iter()
        .map(|account| account_id(b, &unit, account))
        .collect();
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Network,
        Resource::new(RESOURCE_TYPE)
            .with_property("Name", &c.name)
            .with_property("AllowExternalPrincipals", false)
            .with_property(RESOURCE_ARNS, Value::list(arns))
            .with_property(PRINCIPALS, Value::list(principals))
            .with_property("Tags", tags(&c.id, &c.tags)),
    );
}

/// Reads `AWS::RAM::ResourceShare` into a component: the design's elements it shares (named
/// in ARNs built with `Fn::Sub`, or referred to) and the design's accounts it shares with.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::RamShare);
    let resource = im.resource(key).clone();
    let listed = |name: &str| {
        resource
            .property(name)
            .map(|list| im.list_items(key.0, list))
            .unwrap_or_default()
    };
    let mut shares: Vec<String> = Vec::new();
    for arn in listed(RESOURCE_ARNS) {
        for element in im.elements_in_arn(key.0, &im.eval(key.0, arn)) {
            if !shares.contains(&element) {
                shares.push(element);
            }
        }
    }
    component.properties.shares = shares;
    component.properties.share_with = listed(PRINCIPALS)
        .into_iter()
        .filter_map(|principal| account_named(im, key.0, principal))
        .collect();
    Some(component)
}
