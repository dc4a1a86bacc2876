//! Route 53 hosted zones: private ones associated with their VPC; a public one gets a manual
//! step for query logging, which only us-east-1 can receive.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::import::{Importer, ResourceKey};
use crate::template::{Output, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Route53::HostedZone";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let name = c
        .properties
        .domain_name
        .clone()
        .unwrap_or_else(|| format!("{}.example.com", c.id));
    let mut zone = Resource::new(RESOURCE_TYPE)
        .with_property("Name", name.clone())
        .with_property("HostedZoneTags", tags(&c.id, &c.tags));
    if let Some(vpc) = b.vpc_of(c) {
        zone = zone.with_property(
            "VPCs",
            Value::list([Value::map([
                ("VPCId", Value::reference(b.logical_id(&vpc.id))),
                ("VPCRegion", Value::reference("AWS::Region")),
            ])]),
        );
    } else {
        // A public zone logs the queries it answers; Route 53 writes them only to us-east-1.
        b.manual_step(
            &c.id,
            &unit,
            "Turn on DNS query logging",
            format!(
                "Route 53 writes query logs of public zone `{name}` only to a log group in us-east-1, which a stack in another region cannot create; create one named /aws/route53/{name} there and turn query logging on."
            ),
        )
        .command(format!("aws logs create-log-group --region us-east-1 --log-group-name /aws/route53/{name}"))
        .command(format!("aws route53 create-query-logging-config --hosted-zone-id <hosted zone id from the stack> --cloud-watch-logs-log-group-arn arn:aws:logs:us-east-1:<account id>:log-group:/aws/route53/{name}"));
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Network, zone);
    b.output(
        &unit,
        &b.logical_id_for(&c.id, "NameServers"),
        Output {
            description: Some(Value::string(format!("Name servers of {name}"))),
            ..Output::new(Value::intrinsic(
                crate::value::Function::Join,
                Value::list([
                    Value::string(","),
                    Value::get_att(b.logical_id(&c.id), "NameServers"),
                ]),
            ))
        },
    );
}

/// Reads `AWS::Route53::HostedZone` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::Route53Zone);
    component.properties.domain_name = im.text(key, &["Name"]);
    Some(component)
}
