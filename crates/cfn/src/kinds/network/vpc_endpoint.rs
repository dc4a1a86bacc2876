//! VPC endpoints (interface and gateway) with endpoint policies.

use zta_model::{Component, EndpointType, Tier};

use crate::export::builder::{Builder, Context, Group};
use crate::policy::policy_document;
use crate::template::Resource;
use crate::value::Value;
pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let (Some(vpc), Some(subnet)) = (b.vpc_of(c), b.subnet_of(c)) else {
        return;
    };
    let service = c.properties.service.clone().unwrap_or_else(|| "s3".into());
    let gateway = c.properties.endpoint_type == Some(EndpointType::Gateway)
        || (c.properties.endpoint_type.is_none() && matches!(service.as_str(), "s3" | "dynamodb"));
    let mut resource = Resource::new("AWS::EC2::VPCEndpoint")
        .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)))
        .with_property(
            "ServiceName",
            Value::sub(format!("com.amazonaws.${{AWS::Region}}.{service}")),
        );
    if gateway {
        let tables: Vec<Value> = b
            .subnets_of(&vpc.id)
            .iter()
            .filter(|s| Context::tier(s) != Tier::Public)
            .map(|s| Value::reference(b.logical_id_for(&s.id, "RouteTable")))
            .collect();
        resource = resource
            .with_property("VpcEndpointType", "Gateway")
            .with_property("RouteTableIds", Value::list(tables));
    } else {
        let subnets = b.segment_refs(&b.spread_subnets(subnet));
        resource = resource
            .with_property("VpcEndpointType", "Interface")
            .with_property("PrivateDnsEnabled", true)
            .with_property("SubnetIds", Value::list(subnets))
            .with_property(
                "SecurityGroupIds",
                Value::list([Value::get_att(
                    b.logical_id_for(&c.id, "SecurityGroup"),
                    "GroupId",
                )]),
            );
    }
    if !c.properties.resource_policy.is_empty() {
        let statements =
            crate::export::statements::statements(b, &unit, &c.properties.resource_policy, true);
        resource = resource.with_property("PolicyDocument", policy_document(statements));
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Network, resource);
}
