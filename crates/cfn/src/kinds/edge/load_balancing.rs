//! What ALBs and NLBs share: listeners, target groups, TLS termination; and how a template's load
//! balancers are read back as either kind.

use zta_model::{Component, ComponentKind, Flow, Scheme, Tier, Tls};

use crate::export::builder::{Builder, Group, tags};
use crate::export::security_groups::flow_ports;
use crate::import::eval::Sym;
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::ElasticLoadBalancingV2::LoadBalancer";

/// The modern TLS policy listeners get when the design names none.
pub(crate) const TLS_POLICY: &str = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/// The logical ID of the listener that ECS services behind a load balancer wait for.
pub(crate) fn listener_id(b: &Builder<'_>, balancer: &Component) -> String {
    match balancer.kind {
        ComponentKind::Nlb => b.logical_id_for(&balancer.id, "Listener"),
        _ => b.logical_id_for(&balancer.id, "HttpsListener"),
    }
}

/// The flows a balancer forwards, with a target group each.
/// A load balancer forwards only to targets of its own account; a flow to another account's
/// target keeps its security-group rules and gets no target group, with a warning.
pub(crate) fn forwarded<'d>(
    b: &mut Builder<'d>,
    balancer: &Component,
) -> Vec<(&'d Flow, &'d Component)> {
    let unit = b.unit_of_component(balancer);
    let (own, elsewhere): (Vec<_>, Vec<_>) = b
        .flows_from(&balancer.id)
        .iter()
        .filter_map(|f| b.component(&f.target).map(|t| (*f, t)))
        .filter(|(_, t)| {
            matches!(
                t.kind,
                ComponentKind::EcsService
                    | ComponentKind::Ec2Instance
                    | ComponentKind::AutoScalingGroup
                    | ComponentKind::LambdaFunction
                    | ComponentKind::EksCluster
                    | ComponentKind::Alb
            )
        })
        .partition(|(_, t)| b.unit_of_component(t) == unit);
    for (flow, target) in elsewhere {
        b.warn(format!(
            "flow `{}`: `{}` is in another account than load balancer `{}`, which cannot forward to it; only its security-group rules are exported",
            flow.id, target.id, balancer.id
        ));
    }
    own
}

/// The port a target group sends a flow's traffic to: the flow's port, or where the flow opens a
/// range, the protocol's well-known port when the range holds it, else the range's first port
/// (a target group takes one port, from 1 up).
pub(crate) fn target_port(flow: &Flow, tls: bool) -> u16 {
    let Some(range) = flow_ports(flow).first().copied() else {
        return 443;
    };
    if range.from == range.to {
        return range.from.max(1);
    }
    let well_known = if tls { 443 } else { 80 };
    if (range.from..=range.to).contains(&well_known) {
        well_known
    } else {
        range.from.max(1)
    }
}

pub(crate) fn target_group(
    b: &mut Builder<'_>,
    unit: &str,
    balancer: &Component,
    flow: &Flow,
    target: &Component,
    network: bool,
) {
    // An API's VPC link balancer sits in its target's VPC; a load balancer's targets in its own.
    let Some(vpc) = b.vpc_of(balancer).or_else(|| b.vpc_of(target)) else {
        return;
    };
    let tls = flow.tls != Tls::None;
    let port = target_port(flow, tls);
    let protocol = match (network, tls) {
        (true, true) => "TLS",
        (true, false) => "TCP",
        (false, true) => "HTTPS",
        (false, false) => "HTTP",
    };
    let mut resource = Resource::new("AWS::ElasticLoadBalancingV2::TargetGroup");
    match target.kind {
        ComponentKind::LambdaFunction => {
            resource = resource
                .with_property("TargetType", "lambda")
                .with_property(
                    "Targets",
                    Value::list([Value::map([(
                        "Id",
                        b.component_ref(unit, &target.id, Some("Arn")),
                    )])]),
                );
            let permission = b.logical_id_for(&flow.id, "InvokePermission");
            let function = b.component_ref(unit, &target.id, Some("Arn"));
            b.put(
                unit,
                permission.clone(),
                &flow.id,
                Group::Workload(balancer.segment.clone()),
                Resource::new("AWS::Lambda::Permission")
                    .with_property("FunctionName", function)
                    .with_property("Action", "lambda:InvokeFunction")
                    .with_property("Principal", "elasticloadbalancing.amazonaws.com")
                    .with_property("SourceAccount", Value::reference("AWS::AccountId")),
            );
            resource.depends_on.push(permission);
        }
        ComponentKind::Ec2Instance => {
            resource = resource
                .with_property("TargetType", "instance")
                .with_property("Protocol", protocol)
                .with_property("Port", port)
                .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)))
                .with_property(
                    "Targets",
                    Value::list([Value::map([(
                        "Id",
                        b.component_ref(unit, &target.id, None),
                    )])]),
                );
        }
        // An Auto Scaling group registers its instances itself (`TargetGroupARNs`).
        ComponentKind::AutoScalingGroup => {
            resource = resource
                .with_property("TargetType", "instance")
                .with_property("Protocol", protocol)
                .with_property("Port", port)
                .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)));
        }
        ComponentKind::Alb => {
            resource = resource
                .with_property("TargetType", "alb")
                .with_property("Protocol", "TCP")
                .with_property("Port", port)
                .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)))
                .with_property(
                    "Targets",
                    Value::list([Value::map([
                        ("Id", b.component_ref(unit, &target.id, None)),
                        ("Port", Value::from(port)),
                    ])]),
                );
            resource.depends_on.push(listener_id(b, target));
        }
        _ => {
            resource = resource
                .with_property("TargetType", "ip")
                .with_property("Protocol", protocol)
                .with_property("Port", port)
                .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)));
        }
    }
    if !network && target.kind != ComponentKind::LambdaFunction {
        resource = resource
            .with_property("HealthCheckProtocol", if tls { "HTTPS" } else { "HTTP" })
            .with_property("HealthCheckPath", "/health")
            .with_property("Matcher", Value::map([("HttpCode", Value::string("200"))]));
    }
    resource = resource.with_property("Tags", tags(&flow.id, &Default::default()));
    b.put(
        unit,
        b.logical_id_for(&flow.id, "TargetGroup"),
        &flow.id,
        Group::Workload(balancer.segment.clone()),
        resource,
    );
}

/// Where a component's load balancer stands: the stack, the group and its logical ID.
pub(crate) struct Placed {
    pub(crate) unit: String,
    pub(crate) group: Group,
    pub(crate) balancer: String,
}

/// Writes an application or network load balancer (`kind`) for the component, internet-facing
/// when the design says so, in `subnets`, behind the component's own security group, with the
/// given load balancer attributes; `unlogged` says why its access logs are off (for checkov).
pub(crate) fn put_load_balancer(
    b: &mut Builder<'_>,
    c: &Component,
    kind: &'static str,
    subnets: Vec<Value>,
    attributes: &[(&'static str, &'static str)],
    unlogged: &str,
) -> Placed {
    let placed = Placed {
        unit: b.unit_of_component(c),
        group: b.workload_group(c),
        balancer: b.logical_id(&c.id),
    };
    let resource = Resource::new(RESOURCE_TYPE)
        .with_property("Type", kind)
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
        .with_property(
            "LoadBalancerAttributes",
            Value::list(attributes.iter().map(|&(key, value)| {
                Value::map([("Key", Value::string(key)), ("Value", Value::string(value))])
            })),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    b.put(
        &placed.unit,
        placed.balancer.clone(),
        &c.id,
        placed.group.clone(),
        resource,
    );
    b.skip_checkov(&placed.unit, &placed.balancer, "CKV_AWS_91", unlogged);
    placed
}

/// A listener that terminates TLS with the balancer's certificate and its TLS policy (a modern
/// one unless the design names another).
pub(crate) fn terminate_tls(
    listener: Resource,
    balancer: &Component,
    certificate: Value,
) -> Resource {
    listener
        .with_property(
            "SslPolicy",
            balancer
                .properties
                .tls_policy
                .clone()
                .unwrap_or_else(|| TLS_POLICY.into()),
        )
        .with_property(
            "Certificates",
            Value::list([Value::map([("CertificateArn", certificate)])]),
        )
}

pub(crate) fn forward(target_group: String) -> Value {
    Value::map([
        ("Type", Value::string("forward")),
        ("TargetGroupArn", Value::reference(target_group)),
    ])
}

impl Importer<'_> {
    fn load_balancer(&mut self, key: &ResourceKey) -> Option<Component> {
        let kind = match self.text(key, &["Type"]).as_deref() {
            None | Some("application") => ComponentKind::Alb,
            Some("network") => ComponentKind::Nlb,
            Some(_) => return None,
        };
        let internal = self.text(key, &["Scheme"]).as_deref() == Some("internal");
        let mut subnets = self.property(key.0, &key.1, &["Subnets"]);
        if matches!(subnets, Sym::NoValue) {
            let mappings = self
                .resource(key)
                .property("SubnetMappings")
                .cloned()
                .unwrap_or(Value::null());
            subnets = Sym::List(
                self.list_items(key.0, &mappings)
                    .iter()
                    .filter_map(|mapping| mapping.get("SubnetId"))
                    .map(|subnet| self.eval(key.0, subnet))
                    .collect(),
            );
        }
        let tier = if internal {
            Tier::Private
        } else {
            Tier::Public
        };
        let subnet = if kind == ComponentKind::Alb {
            self.subnet_for_spread(&subnets, tier)
        } else {
            self.subnet_for(&subnets, tier)
        };
        let mut component = self.new_component(key, kind, subnet);
        component.properties.scheme = Some(if internal {
            Scheme::Internal
        } else {
            Scheme::InternetFacing
        });
        let listeners = self.referring(
            "AWS::ElasticLoadBalancingV2::Listener",
            &["LoadBalancerArn"],
            key,
        );
        let mut redirects = Vec::new();
        for listener in &listeners {
            let protocol = self.text(listener, &["Protocol"]).unwrap_or_default();
            if matches!(protocol.as_str(), "HTTPS" | "TLS") {
                component.properties.tls_policy = component
                    .properties
                    .tls_policy
                    .take()
                    .or_else(|| self.text(listener, &["SslPolicy"]));
                let certificates = self.property(listener.0, &listener.1, &["Certificates"]);
                let certificate =
                    self.resource(listener)
                        .property("Certificates")
                        .and_then(|list| {
                            self.list_items(listener.0, list)
                                .first()
                                .and_then(|entry| entry.get("CertificateArn"))
                                .map(|arn| self.eval(listener.0, arn))
                        });
                let certificate = certificate.unwrap_or(certificates);
                component.properties.certificate =
                    component.properties.certificate.take().or_else(|| {
                        self.elements_of(&certificate).into_iter().find(|id| {
                            self.design.component(id).is_some_and(|component| {
                                component.kind == ComponentKind::AcmCertificate
                            })
                        })
                    });
            }
            if protocol == "HTTP" && kind == ComponentKind::Alb {
                let actions = self
                    .resource(listener)
                    .property("DefaultActions")
                    .cloned()
                    .unwrap_or(Value::null());
                let redirect = self
                    .list_items(listener.0, &actions)
                    .iter()
                    .any(|action| action.get("Type").and_then(Value::as_str) == Some("redirect"));
                redirects.push(redirect);
            }
        }
        if kind == ComponentKind::Alb {
            if !redirects.is_empty() {
                component.properties.http_redirect =
                    Some(redirects.iter().all(|redirect| *redirect));
            }
            let attributes = self
                .resource(key)
                .property("LoadBalancerAttributes")
                .cloned()
                .unwrap_or(Value::null());
            component.properties.deletion_protection = self
                .list_items(key.0, &attributes)
                .iter()
                .find(|attribute| {
                    attribute.get("Key").and_then(Value::as_str)
                        == Some("deletion_protection.enabled")
                })
                .and_then(|attribute| attribute.get("Value"))
                .and_then(|value| self.eval(key.0, value).as_text().map(|text| text == "true"));
        }
        Some(component)
    }
}

/// Reads `AWS::ElasticLoadBalancingV2::LoadBalancer` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    im.load_balancer(key)
}
