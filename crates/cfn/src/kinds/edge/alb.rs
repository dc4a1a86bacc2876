//! Application Load Balancers: TLS-only listeners with a modern policy, invalid headers dropped,
//! and target groups for the flows they forward.

use zta_model::Component;

use crate::export::builder::Builder;
use crate::kinds::edge::acm_certificate::certificate_arn;
use crate::kinds::edge::load_balancing::{
    Placed, forward, forwarded, listener_id, put_load_balancer, target_group, terminate_tls,
};
use crate::template::{Output, Resource};
use crate::value::Value;
pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let Some(subnet) = b.subnet_of(c) else { return };
    let Some(spanned) = b.two_zone_subnets(c, subnet) else {
        return;
    };
    let subnets = b.segment_refs(&spanned);
    let attributes = [
        (
            "deletion_protection.enabled",
            if c.properties.deletion_protection == Some(false) {
                "false"
            } else {
                "true"
            },
        ),
        ("routing.http.drop_invalid_header_fields.enabled", "true"),
        ("routing.http.desync_mitigation_mode", "strictest"),
    ];
    let Placed {
        unit,
        group,
        balancer,
    } = put_load_balancer(
        b,
        c,
        "application",
        subnets,
        &attributes,
        "Requests are logged by the WAF web ACL on this load balancer (full request logging to CloudWatch Logs); ELB access logs would need a region-specific log bucket principal the design does not model.",
    );
    let targets = forwarded(b, c);
    for (flow, target) in &targets {
        target_group(b, &unit, c, flow, target, false);
    }
    let certificate = certificate_arn(b, &unit, c);
    let default_action = match targets.first() {
        Some((flow, _)) => forward(b.logical_id_for(&flow.id, "TargetGroup")),
        None => Value::map([
            ("Type", Value::string("fixed-response")),
            (
                "FixedResponseConfig",
                Value::map([
                    ("StatusCode", Value::string("404")),
                    ("ContentType", Value::string("text/plain")),
                ]),
            ),
        ]),
    };
    let listener = listener_id(b, c);
    b.put(
        &unit,
        listener.clone(),
        &c.id,
        group.clone(),
        terminate_tls(
            Resource::new("AWS::ElasticLoadBalancingV2::Listener")
                .with_property("LoadBalancerArn", Value::reference(&balancer))
                .with_property("Port", 443_u32)
                .with_property("Protocol", "HTTPS"),
            c,
            certificate,
        )
        .with_property("DefaultActions", Value::list([default_action])),
    );
    for (index, (flow, target)) in targets.iter().enumerate().skip(1) {
        b.put(
            &unit,
            b.logical_id_for(&flow.id, "ListenerRule"),
            &flow.id,
            group.clone(),
            Resource::new("AWS::ElasticLoadBalancingV2::ListenerRule")
                .with_property("ListenerArn", Value::reference(&listener))
                .with_property("Priority", u32::try_from(index * 10).unwrap_or(10))
                .with_property(
                    "Conditions",
                    Value::list([Value::map([
                        ("Field", Value::string("path-pattern")),
                        (
                            "PathPatternConfig",
                            Value::map([(
                                "Values",
                                Value::list([Value::string(format!("/{}/*", target.id))]),
                            )]),
                        ),
                    ])]),
                )
                .with_property(
                    "Actions",
                    Value::list([forward(b.logical_id_for(&flow.id, "TargetGroup"))]),
                ),
        );
    }
    if c.properties.http_redirect == Some(true) {
        b.put(
            &unit,
            b.logical_id_for(&c.id, "HttpRedirectListener"),
            &c.id,
            group,
            Resource::new("AWS::ElasticLoadBalancingV2::Listener")
                .with_property("LoadBalancerArn", Value::reference(&balancer))
                .with_property("Port", 80_u32)
                .with_property("Protocol", "HTTP")
                .with_property(
                    "DefaultActions",
                    Value::list([Value::map([
                        ("Type", Value::string("redirect")),
                        (
                            "RedirectConfig",
                            Value::map([
                                ("Protocol", Value::string("HTTPS")),
                                ("Port", Value::string("443")),
                                ("StatusCode", Value::string("HTTP_301")),
                            ]),
                        ),
                    ])]),
                ),
        );
    }
    b.output(
        &unit,
        &b.logical_id_for(&c.id, "DnsName"),
        Output {
            description: Some(Value::string(format!("DNS name of `{}`", c.name))),
            ..Output::new(Value::get_att(&balancer, "DNSName"))
        },
    );
}
