//! Classic Load Balancers, the previous generation of Elastic Load Balancing, which real
//! templates still deploy in front of EC2 instances and Auto Scaling groups. A drawn one exports
//! as drawn rather than as an ALB: one HTTPS listener with the design's certificate and a TLS 1.2
//! negotiation policy, access logs to a bucket the deployer names, its own security group, and
//! its instances registered; the rules then judge it like the other load balancers (and say that
//! no WAF can guard it).
//! Shape: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancing-loadbalancer.html>.

use zta_model::{Component, ComponentKind, Flow, Scheme, Tier, Tls};

use crate::export::builder::{Builder, tags};
use crate::import::{Importer, ResourceKey};
use crate::kinds::edge::acm_certificate::certificate_arn;
use crate::kinds::edge::load_balancing::target_port;
use crate::template::{Output, Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::ElasticLoadBalancing::LoadBalancer";

/// The TLS 1.2-only predefined policy listeners get when the design names none: Classic Load
/// Balancers take none of the TLS 1.3 policies of ALBs and NLBs
/// (<https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html>).
pub(crate) const TLS_POLICY: &str = "ELBSecurityPolicy-TLS-1-2-2017-01";

/// The policy AWS applies to an HTTPS or SSL listener that names none
/// (<https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-options.html>):
/// it still accepts TLS 1.0.
pub(crate) const DEFAULT_POLICY: &str = "ELBSecurityPolicy-2016-08";

/// The policy type that carries a listener's TLS negotiation settings.
const NEGOTIATION: &str = "SSLNegotiationPolicyType";

/// The attribute of a negotiation policy that names a predefined policy.
const REFERENCE: &str = "Reference-Security-Policy";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let Some(subnet) = b.subnet_of(c) else { return };
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let logical = b.logical_id(&c.id);
    let subnets = b.segment_refs(&b.spread_subnets(subnet));
    let targets = registered(b, c);
    // A Classic Load Balancer sends every listener's traffic to each registered instance on one
    // port: that of the first flow it forwards.
    let instance_tls = targets
        .first()
        .is_none_or(|(flow, _)| flow.tls != Tls::None);
    let instance_port = targets
        .first()
        .map_or(443, |(flow, _)| target_port(flow, instance_tls));
    let certificate = certificate_arn(b, &unit, c);
    let policy_name = "TlsNegotiation";
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property(
            "Scheme",
            if b.is_internet_facing(c) {
                "internet-facing"
            } else {
                "internal"
            },
        )
        .with_property("Subnets", Value::list(subnets))
        .with_property(
            "SecurityGroups",
            Value::list([Value::get_att(
                b.logical_id_for(&c.id, "SecurityGroup"),
                "GroupId",
            )]),
        )
        .with_property("CrossZone", true)
        .with_property(
            "ConnectionDrainingPolicy",
            Value::map([
                ("Enabled", Value::from(true)),
                ("Timeout", Value::from(60_u32)),
            ]),
        )
        .with_property(
            "Listeners",
            Value::list([Value::map([
                ("LoadBalancerPort", Value::string("443")),
                ("Protocol", Value::string("HTTPS")),
                ("InstancePort", Value::string(instance_port.to_string())),
                (
                    "InstanceProtocol",
                    Value::string(if instance_tls { "HTTPS" } else { "HTTP" }),
                ),
                ("SSLCertificateId", certificate),
                ("PolicyNames", Value::list([Value::string(policy_name)])),
            ])]),
        )
        .with_property(
            "Policies",
            Value::list([Value::map([
                ("PolicyName", Value::string(policy_name)),
                ("PolicyType", Value::string(NEGOTIATION)),
                (
                    "Attributes",
                    Value::list([Value::map([
                        ("Name", Value::string(REFERENCE)),
                        (
                            "Value",
                            Value::string(
                                c.properties
                                    .tls_policy
                                    .clone()
                                    .unwrap_or_else(|| TLS_POLICY.to_owned()),
                            ),
                        ),
                    ])]),
                ),
            ])]),
        )
        .with_property(
            "HealthCheck",
            Value::map([
                ("Target", Value::string(format!("TCP:{instance_port}"))),
                ("HealthyThreshold", Value::string("3")),
                ("UnhealthyThreshold", Value::string("5")),
                ("Interval", Value::string("30")),
                ("Timeout", Value::string("5")),
            ]),
        );
    let instances: Vec<Value> = targets
        .iter()
        .filter(|(_, target)| target.kind == ComponentKind::Ec2Instance)
        .map(|(_, target)| b.component_ref(&unit, &target.id, None))
        .collect();
    if !instances.is_empty() {
        resource = resource.with_property("Instances", Value::list(instances));
    }
    if c.properties.logging == Some(false) {
        b.skip_checkov(
            &unit,
            &logical,
            "CKV_AWS_92",
            "The design states this load balancer's access logs off; ZT-MON-011 reports it.",
        );
    } else {
        let bucket = b.parameter(
            &unit,
            &b.logical_id_for(&c.id, "AccessLogBucket"),
            Parameter::new("String")
                .with("AllowedPattern", "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
                .with("Description", format!("The S3 bucket that `{}` writes its access logs to; its policy must let Elastic Load Balancing write them.", c.id)),
        );
        resource = resource.with_property(
            "AccessLoggingPolicy",
            Value::map([
                ("Enabled", Value::from(true)),
                ("S3BucketName", bucket),
                ("EmitInterval", Value::from(5_u32)),
            ]),
        );
        b.manual_step(
            &c.id,
            &unit,
            "Let Elastic Load Balancing write the access logs",
            format!("Before the stack is created, give the bucket named in the access-log parameter of `{}` the bucket policy that lets Elastic Load Balancing of this region write to it (the region's ELB account, or the log-delivery service principal in newer regions); the load balancer checks it on creation.", c.id),
        )
        .console("Elastic Load Balancing documentation > Classic Load Balancers > Enable access logs > Step 2: Attach a policy to your S3 bucket");
    }
    resource = resource.with_property("Tags", tags(&c.id, &c.tags));
    b.put(&unit, logical.clone(), &c.id, group, resource);
    b.output(
        &unit,
        &b.logical_id_for(&c.id, "DnsName"),
        Output {
            description: Some(Value::string(format!("DNS name of `{}`", c.name))),
            ..Output::new(Value::get_att(&logical, "DNSName"))
        },
    );
}

/// The flows a Classic Load Balancer forwards to what it can register: EC2 instances (listed on
/// the balancer) and Auto Scaling groups (which name the balancer), of its own account. Others
/// keep their security-group rules only, with a warning.
pub(crate) fn registered<'d>(
    b: &mut Builder<'d>,
    balancer: &Component,
) -> Vec<(&'d Flow, &'d Component)> {
    let unit = b.unit_of_component(balancer);
    let mut found = Vec::new();
    let mut refused = Vec::new();
    for flow in b.flows_from(&balancer.id) {
        let Some(target) = b.component(&flow.target) else {
            continue;
        };
        if target.kind.runs_ec2_instances() && b.unit_of_component(target) == unit {
            found.push((*flow, target));
        } else if target.kind.is_workload() {
            refused.push((flow.id.clone(), target.id.clone()));
        }
    }
    for (flow, target) in refused {
        b.warn(format!(
            "flow `{flow}`: Classic Load Balancer `{}` registers only EC2 instances and Auto Scaling groups of its own account, so `{target}` is not registered; only its security-group rules are exported",
            balancer.id
        ));
    }
    found
}

/// Reads `AWS::ElasticLoadBalancing::LoadBalancer` into a component: its scheme, the TLS policy
/// and certificate of its HTTPS or SSL listener, and whether it writes access logs.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let internal = im.text(key, &["Scheme"]).as_deref() == Some("internal");
    let subnets = im.property(key.0, &key.1, &["Subnets"]);
    let subnet = im.subnet_for_spread(
        &subnets,
        if internal {
            Tier::Private
        } else {
            Tier::Public
        },
    );
    let mut component = im.new_component(key, ComponentKind::ClassicLoadBalancer, subnet);
    component.properties.scheme = Some(if internal {
        Scheme::Internal
    } else {
        Scheme::InternetFacing
    });
    let listeners = im
        .resource(key)
        .property("Listeners")
        .cloned()
        .unwrap_or(Value::null());
    for listener in im.list_items(key.0, &listeners) {
        let protocol = listener
            .get("Protocol")
            .map(|protocol| im.eval(key.0, protocol).describe().to_ascii_uppercase());
        if !matches!(protocol.as_deref(), Some("HTTPS" | "SSL")) {
            continue;
        }
        if component.properties.tls_policy.is_none() {
            component.properties.tls_policy = listener_policy(im, key, listener);
        }
        if component.properties.certificate.is_none()
            && let Some(certificate) = listener.get("SSLCertificateId")
        {
            let certificate = im.eval(key.0, certificate);
            component.properties.certificate =
                im.elements_of(&certificate).into_iter().find(|id| {
                    im.design
                        .component(id)
                        .is_some_and(|component| component.kind == ComponentKind::AcmCertificate)
                });
        }
    }
    component.properties.logging = if im.present(key, &["AccessLoggingPolicy"]) {
        im.flag(key, &["AccessLoggingPolicy", "Enabled"])
    } else {
        Some(false)
    };
    // A policy whose `Enabled` is a parameter does not tell whether the balancer logs.
    if component.properties.logging.is_none() {
        component.not_known.push("logging".to_owned());
    }
    Some(component)
}

/// The predefined TLS policy a listener negotiates with: the one its negotiation policy names,
/// AWS's default when it names no policy, and none (not known) when its policy lists protocols
/// and ciphers itself or is given where the template cannot tell.
fn listener_policy(im: &Importer<'_>, key: &ResourceKey, listener: &Value) -> Option<String> {
    let names: Vec<String> = listener
        .get("PolicyNames")
        .map(|names| {
            im.list_items(key.0, names)
                .iter()
                .filter_map(|name| im.eval(key.0, name).as_text().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    if names.is_empty() {
        return Some(DEFAULT_POLICY.to_owned());
    }
    let policies = im
        .resource(key)
        .property("Policies")
        .cloned()
        .unwrap_or(Value::null());
    let text = |value: Option<&Value>| value.map(|value| im.eval(key.0, value).describe());
    im.list_items(key.0, &policies)
        .into_iter()
        .filter(|policy| {
            text(policy.get("PolicyType")).as_deref() == Some(NEGOTIATION)
                && text(policy.get("PolicyName")).is_some_and(|name| names.contains(&name))
        })
        .find_map(|policy| {
            let attributes = policy.get("Attributes")?;
            im.list_items(key.0, attributes)
                .into_iter()
                .find(|attribute| text(attribute.get("Name")).as_deref() == Some(REFERENCE))
                .and_then(|attribute| attribute.get("Value"))
                .and_then(|value| im.eval(key.0, value).as_text().map(str::to_owned))
        })
}
