//! Network Load Balancers: TLS or TCP listeners and target groups for the flows they forward.

use zta_model::Component;

use crate::export::builder::Builder;
use crate::export::security_groups::flow_ports;
use crate::kinds::edge::acm_certificate::certificate_arn;
use crate::kinds::edge::load_balancing::{
    Placed, forward, forwarded, listener_id, put_load_balancer, target_group, terminate_tls,
};
use crate::template::Resource;
use crate::value::Value;
pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let Some(subnet) = b.subnet_of(c) else { return };
    let subnets = b.segment_refs(&b.spread_subnets(subnet));
    let Placed {
        unit,
        group,
        balancer,
    } = put_load_balancer(
        b,
        c,
        "network",
        subnets,
        &[("deletion_protection.enabled", "true")],
        "NLB access logs cover only TLS listeners and need a region-specific log bucket principal the design does not model; VPC flow logs record this balancer's connections.",
    );
    let targets = forwarded(b, c);
    for (flow, target) in &targets {
        target_group(b, &unit, c, flow, target, true);
    }
    let inbound_ports: Vec<u16> = b
        .flows_to(&c.id)
        .iter()
        .flat_map(|f| flow_ports(f))
        .map(|r| r.from.max(1))
        .collect();
    let port = inbound_ports.first().copied().unwrap_or(443);
    let tls = c.properties.certificate.is_some();
    let mut listener = Resource::new("AWS::ElasticLoadBalancingV2::Listener")
        .with_property("LoadBalancerArn", Value::reference(&balancer))
        .with_property("Port", port)
        .with_property("Protocol", if tls { "TLS" } else { "TCP" });
    if tls {
        let certificate = certificate_arn(b, &unit, c);
        listener = terminate_tls(listener, c, certificate);
    }
    match targets.first() {
        Some((flow, _)) => {
            listener = listener.with_property(
                "DefaultActions",
                Value::list([forward(b.logical_id_for(&flow.id, "TargetGroup"))]),
            );
            b.put(&unit, listener_id(b, c), &c.id, group, listener);
        }
        None => b.warn(format!(
            "NLB `{}` forwards no flow; its listener is not exported",
            c.id
        )),
    }
}

/// An NLB without a certificate listens on TCP, where a TLS policy has no place: the marker
/// keeps the policy the design states for it (and the export says it is not used).
pub(crate) fn drawn(
    b: &mut Builder<'_>,
    c: &Component,
) -> serde_json::Map<String, serde_json::Value> {
    if c.properties.certificate.is_some() {
        return serde_json::Map::new();
    }
    if let Some(policy) = &c.properties.tls_policy {
        b.warn(format!(
            "NLB `{}` has no certificate, so it listens on TCP and its TLS policy {policy} is not used",
            c.id
        ));
    }
    crate::marker::drawn_properties(c, &["tls_policy"])
}
