//! The edge: load balancers with TLS-only listeners and a modern TLS policy, API Gateway with
//! an authorizer bound to the design's user pool, CloudFront, WAF web ACLs with AWS managed rule
//! groups (on every internet-facing load balancer and API), Shield Advanced protections, and ACM
//! certificates.
//!
//! WAF cannot protect an HTTP API (API Gateway v2), so an API that a web ACL guards — one the
//! design draws or the one every internet-facing API gets by default — is exported as a REST API
//! with a Cognito user-pool authorizer, which validates the same JWTs. It reaches a private ALB
//! through a VPC link to an internal NLB whose target is the ALB (REST VPC links only take
//! NLBs). Other APIs are HTTP APIs with a JWT authorizer.

use zta_model::{Auth, Component, ComponentKind, Flow, IdentityKind, Scheme, Tls};

use super::builder::{Builder, Context, Group, tags};
use super::security_groups::flow_ports;
use super::support::{policy_document, service_trust_policy};
use crate::template::{Output, Parameter, Resource};
use crate::value::Value;

/// The managed rule groups every web ACL gets (after those the design lists): the common rule set
/// (which covers XSS), known bad inputs (Log4j and the like) and SQL injection.
const DEFAULT_RULE_GROUPS: [&str; 3] = [
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
];

/// The modern TLS policy listeners get when the design names none.
const TLS_POLICY: &str = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/// The logical ID of the listener that ECS services behind a load balancer wait for.
pub(crate) fn listener_id(b: &Builder<'_>, balancer: &Component) -> String {
    match balancer.kind {
        ComponentKind::Nlb => b.logical_id_for(&balancer.id, "Listener"),
        _ => b.logical_id_for(&balancer.id, "HttpsListener"),
    }
}

pub(crate) fn generate(b: &mut Builder<'_>) {
    for c in &b.design.components {
        match c.kind {
            ComponentKind::AcmCertificate => certificate(b, c),
            ComponentKind::Alb => alb(b, c),
            ComponentKind::Nlb => nlb(b, c),
            ComponentKind::ApiGateway => api(b, c),
            ComponentKind::Cloudfront => distribution(b, c),
            _ => {}
        }
    }
    for c in &b.design.components {
        match c.kind {
            ComponentKind::WafWebAcl => {
                // The design's rule groups, then any baseline group it leaves out: the common
                // rule set (XSS), known bad inputs (Log4j) and SQL injection protect every ACL.
                let mut groups = c.properties.managed_rule_groups.clone();
                for baseline in DEFAULT_RULE_GROUPS {
                    if !groups.iter().any(|g| g == baseline) {
                        groups.push(baseline.to_owned());
                    }
                }
                web_acl(
                    b,
                    &c.id,
                    &b.unit_of_component(c),
                    &groups,
                    &c.properties.protects,
                );
            }
            ComponentKind::ShieldProtection => shield(b, c),
            _ => {}
        }
    }
    // Every internet-facing ALB or API that no web ACL of the design protects gets one.
    for c in &b.design.components {
        if matches!(c.kind, ComponentKind::Alb | ComponentKind::ApiGateway)
            && internet_facing(b, c)
            && !protected_by_waf(b, c)
        {
            let groups: Vec<String> = DEFAULT_RULE_GROUPS
                .iter()
                .map(|g| (*g).to_owned())
                .collect();
            web_acl(
                b,
                &c.id,
                &b.unit_of_component(c),
                &groups,
                std::slice::from_ref(&c.id),
            );
        }
    }
}

fn protected_by_waf(b: &Builder<'_>, c: &Component) -> bool {
    b.components_of(ComponentKind::WafWebAcl)
        .any(|waf| waf.properties.protects.iter().any(|p| p == &c.id))
}

/// Whether an endpoint faces the internet: as the design says, else when internet actors call it.
pub(crate) fn internet_facing(b: &Builder<'_>, c: &Component) -> bool {
    match c.properties.scheme {
        Some(scheme) => scheme == Scheme::InternetFacing,
        None => {
            c.kind == ComponentKind::ApiGateway
                || b.flows_to(&c.id).iter().any(|f| b.is_from_internet(f))
        }
    }
}

fn certificate(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let domain = c
        .properties
        .domain_name
        .clone()
        .unwrap_or_else(|| format!("{}.example.com", c.id));
    let mut resource = Resource::new("AWS::CertificateManager::Certificate")
        .with_property("DomainName", domain.clone())
        .with_property("ValidationMethod", "DNS")
        .with_property("Tags", tags(&c.id, &c.tags));
    let zone = b
        .components_of(ComponentKind::Route53Zone)
        .filter(|z| b.unit_of_component(z) == unit && b.vpc_of(z).is_none())
        .find(|z| {
            z.properties
                .domain_name
                .as_deref()
                .is_some_and(|zone| domain == zone || domain.ends_with(&format!(".{zone}")))
        });
    if let Some(zone) = zone {
        resource = resource.with_property(
            "DomainValidationOptions",
            Value::list([Value::map([
                ("DomainName", Value::string(&domain)),
                ("HostedZoneId", Value::reference(b.logical_id(&zone.id))),
            ])]),
        );
    } else {
        b.manual_step(
            &c.id,
            &unit,
            "Validate the certificate",
            format!("No hosted zone of the design holds {domain}: add the DNS validation record that ACM shows for certificate `{}` where the domain is served.", c.id),
        );
    }
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Workload(c.segment.clone()),
        resource,
    );
}

/// The certificate ARN for an endpoint: its design certificate, else a parameter.
fn certificate_arn(b: &mut Builder<'_>, unit: &str, c: &Component) -> Value {
    match &c.properties.certificate {
        Some(certificate) => b.component_ref(unit, certificate, None),
        None => b.parameter(
            unit,
            &b.logical_id_for(&c.id, "CertificateArn"),
            Parameter::new("String")
                .with("AllowedPattern", "^arn:aws[a-z-]*:acm:.+$")
                .with("Description", format!("The ACM certificate that `{}` serves TLS with (TLS-only is the zero-trust default).", c.id)),
        ),
    }
}

/// The flows a balancer forwards, with a target group each.
/// A load balancer forwards only to targets of its own account; a flow to another account's
/// target keeps its security-group rules and gets no target group, with a warning.
fn forwarded<'d>(b: &mut Builder<'d>, balancer: &Component) -> Vec<(&'d Flow, &'d Component)> {
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

fn target_group(
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

fn alb(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let group = b.workload_group(c);
    let public = internet_facing(b, c);
    let spanned = b.at_least_two_subnets(&c.id, subnet);
    let subnets = b.segment_refs(&spanned);
    let balancer = b.logical_id(&c.id);
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
    let resource = load_balancer(b, c, "application", public, subnets, &attributes);
    b.put(&unit, balancer.clone(), &c.id, group.clone(), resource);
    b.skip_checkov(
        &unit,
        &balancer,
        "CKV_AWS_91",
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

/// An application or network load balancer (`kind`) in `subnets`, behind the component's own
/// security group, with the given load balancer attributes.
fn load_balancer(
    b: &Builder<'_>,
    c: &Component,
    kind: &'static str,
    public: bool,
    subnets: Vec<Value>,
    attributes: &[(&'static str, &'static str)],
) -> Resource {
    Resource::new("AWS::ElasticLoadBalancingV2::LoadBalancer")
        .with_property("Type", kind)
        .with_property(
            "Scheme",
            if public {
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
        .with_property("Tags", tags(&c.id, &c.tags))
}

/// A listener that terminates TLS with the balancer's certificate and its TLS policy (a modern
/// one unless the design names another).
fn terminate_tls(listener: Resource, balancer: &Component, certificate: Value) -> Resource {
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

fn forward(target_group: String) -> Value {
    Value::map([
        ("Type", Value::string("forward")),
        ("TargetGroupArn", Value::reference(target_group)),
    ])
}

fn nlb(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let group = b.workload_group(c);
    let public = internet_facing(b, c);
    let subnets = b.segment_refs(&b.spread_subnets(subnet));
    let balancer = b.logical_id(&c.id);
    b.put(
        &unit,
        balancer.clone(),
        &c.id,
        group.clone(),
        load_balancer(
            b,
            c,
            "network",
            public,
            subnets,
            &[("deletion_protection.enabled", "true")],
        ),
    );
    b.skip_checkov(
        &unit,
        &balancer,
        "CKV_AWS_91",
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

/// How callers of an API authenticate, from the flows into it.
fn api_auth(b: &Builder<'_>, api: &Component) -> (Auth, Option<String>) {
    for flow in b.flows_to(&api.id) {
        if flow.auth != Auth::None {
            return (flow.auth, flow.issuer.clone());
        }
    }
    (Auth::None, None)
}

fn api(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let (auth, issuer) = api_auth(b, c);
    let user_pool_issuer = issuer
        .as_deref()
        .and_then(|i| b.identity(i))
        .is_some_and(|i| i.kind == IdentityKind::CognitoUserPool);
    let guarded = protected_by_waf(b, c) || internet_facing(b, c);
    if guarded && (auth != Auth::Jwt || user_pool_issuer) {
        rest_api(b, &unit, c, auth, issuer);
    } else {
        if guarded {
            b.warn(format!(
                "API `{}` validates JWTs from an external issuer, which only an HTTP API can do without a Lambda authorizer; WAF cannot protect HTTP APIs, so it is exported as an HTTP API without a web ACL",
                c.id
            ));
        }
        http_api(b, &unit, c, auth, issuer);
    }
}

/// The flows an API integrates with, and where they lead.
fn integrations<'d>(b: &Builder<'d>, api: &Component) -> Vec<(&'d Flow, &'d Component)> {
    b.flows_from(&api.id)
        .iter()
        .filter_map(|f| b.component(&f.target).map(|t| (*f, t)))
        .filter(|(_, t)| {
            matches!(
                t.kind,
                ComponentKind::Alb | ComponentKind::Nlb | ComponentKind::LambdaFunction
            )
        })
        .collect()
}

fn api_logs(b: &mut Builder<'_>, unit: &str, c: &Component) -> String {
    b.log_group(
        unit,
        b.logical_id_for(&c.id, "AccessLogs"),
        &c.id,
        b.workload_group(c),
        None,
        None,
    )
}

const ACCESS_LOG_FORMAT: &str = r#"{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","path":"$context.path","status":"$context.status","responseLength":"$context.responseLength"}"#;

fn rest_api(b: &mut Builder<'_>, unit: &str, c: &Component, auth: Auth, issuer: Option<String>) {
    let group = b.workload_group(c);
    let api = b.logical_id(&c.id);
    let mut resource = Resource::new("AWS::ApiGateway::RestApi")
        .with_property("Name", Value::sub(format!("${{AWS::StackName}}-{}", c.id)))
        .with_property("Description", &c.name)
        .with_property(
            "EndpointConfiguration",
            Value::map([("Types", Value::list([Value::string("REGIONAL")]))]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    if !c.properties.resource_policy.is_empty() {
        let statements =
            super::identities::statements(b, unit, &c.properties.resource_policy, true);
        resource = resource.with_property("Policy", policy_document(statements));
    }
    b.put(unit, api.clone(), &c.id, group.clone(), resource);
    let authorizer = match (auth, &issuer) {
        (Auth::Jwt, Some(pool)) => {
            let owner = b
                .identity(pool)
                .map(|i| b.unit_of_identity(i))
                .unwrap_or_else(|| unit.to_owned());
            let pool_arn = b.reference(unit, &owner, &b.logical_id(pool), Some("Arn"));
            let logical = b.logical_id_for(&c.id, "Authorizer");
            b.put(
                unit,
                logical.clone(),
                &c.id,
                group.clone(),
                Resource::new("AWS::ApiGateway::Authorizer")
                    .with_property("Name", format!("{pool}-jwt"))
                    .with_property("RestApiId", Value::reference(&api))
                    .with_property("Type", "COGNITO_USER_POOLS")
                    .with_property("IdentitySource", "method.request.header.Authorization")
                    .with_property("ProviderARNs", Value::list([pool_arn])),
            );
            Some(logical)
        }
        _ => None,
    };
    let mut methods = Vec::new();
    for (flow, target) in integrations(b, c) {
        let path = b.logical_id_for(&flow.id, "Resource");
        b.put(
            unit,
            path.clone(),
            &flow.id,
            group.clone(),
            Resource::new("AWS::ApiGateway::Resource")
                .with_property("RestApiId", Value::reference(&api))
                .with_property("ParentId", Value::get_att(&api, "RootResourceId"))
                .with_property("PathPart", &target.id),
        );
        let proxy = b.logical_id_for(&flow.id, "ProxyResource");
        b.put(
            unit,
            proxy.clone(),
            &flow.id,
            group.clone(),
            Resource::new("AWS::ApiGateway::Resource")
                .with_property("RestApiId", Value::reference(&api))
                .with_property("ParentId", Value::reference(&path))
                .with_property("PathPart", "{proxy+}"),
        );
        let integration = match target.kind {
            ComponentKind::LambdaFunction => {
                let function = b.component_ref(unit, &target.id, Some("Arn"));
                b.put(
                    unit,
                    b.logical_id_for(&flow.id, "InvokePermission"),
                    &flow.id,
                    group.clone(),
                    Resource::new("AWS::Lambda::Permission")
                        .with_property("FunctionName", function.clone())
                        .with_property("Action", "lambda:InvokeFunction")
                        .with_property("Principal", "apigateway.amazonaws.com")
                        .with_property("SourceArn", Value::sub(format!("arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{api}}}/*"))),
                );
                Value::map([
                    ("Type", Value::string("AWS_PROXY")),
                    ("IntegrationHttpMethod", Value::string("POST")),
                    (
                        "Uri",
                        Value::sub_with(
                            "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Function}/invocations",
                            [("Function", function)],
                        ),
                    ),
                ])
            }
            _ => {
                let link = rest_vpc_link(b, unit, c, flow, target);
                let host = target
                    .properties
                    .certificate
                    .as_deref()
                    .and_then(|cert| b.component(cert))
                    .and_then(|cert| cert.properties.domain_name.clone());
                let uri = match host {
                    Some(host) => Value::string(format!("https://{host}/{{proxy}}")),
                    None => Value::sub_with(
                        "https://${Host}/{proxy}",
                        [("Host", b.component_ref(unit, &target.id, Some("DNSName")))],
                    ),
                };
                Value::map([
                    ("Type", Value::string("HTTP_PROXY")),
                    ("IntegrationHttpMethod", Value::string("ANY")),
                    ("ConnectionType", Value::string("VPC_LINK")),
                    ("ConnectionId", Value::reference(link)),
                    ("Uri", uri),
                    (
                        "RequestParameters",
                        Value::map([(
                            "integration.request.path.proxy",
                            Value::string("method.request.path.proxy"),
                        )]),
                    ),
                ])
            }
        };
        let method = b.logical_id_for(&flow.id, "Method");
        let mut properties = Resource::new("AWS::ApiGateway::Method")
            .with_property("RestApiId", Value::reference(&api))
            .with_property("ResourceId", Value::reference(&proxy))
            .with_property("HttpMethod", "ANY")
            .with_property(
                "RequestParameters",
                Value::map([("method.request.path.proxy", Value::from(true))]),
            )
            .with_property("Integration", integration);
        properties = match (&authorizer, auth) {
            (Some(authorizer), _) => properties
                .with_property("AuthorizationType", "COGNITO_USER_POOLS")
                .with_property("AuthorizerId", Value::reference(authorizer)),
            (None, Auth::Iam) => properties.with_property("AuthorizationType", "AWS_IAM"),
            _ => properties.with_property("AuthorizationType", "NONE"),
        };
        b.put(unit, method.clone(), &flow.id, group.clone(), properties);
        methods.push(method);
    }
    if methods.is_empty() {
        b.warn(format!(
            "API `{}` has no flow to an ALB, NLB or Lambda function to integrate with; it is exported without a deployment",
            c.id
        ));
        return;
    }
    api_gateway_account(b, unit);
    let deployment = b.logical_id_for(&c.id, "Deployment");
    let mut deploy = Resource::new("AWS::ApiGateway::Deployment")
        .with_property("RestApiId", Value::reference(&api));
    deploy.depends_on = methods;
    b.put(unit, deployment.clone(), &c.id, group.clone(), deploy);
    let logs = api_logs(b, unit, c);
    let stage = b.logical_id_for(&c.id, "Stage");
    let mut stage_resource = Resource::new("AWS::ApiGateway::Stage")
        .with_property("RestApiId", Value::reference(&api))
        .with_property("DeploymentId", Value::reference(&deployment))
        .with_property("StageName", stage_name(b, &c.id))
        .with_property("TracingEnabled", true)
        .with_property(
            "AccessLogSetting",
            Value::map([
                ("DestinationArn", Value::get_att(&logs, "Arn")),
                ("Format", Value::string(ACCESS_LOG_FORMAT)),
            ]),
        )
        .with_property(
            "MethodSettings",
            Value::list([Value::map([
                ("ResourcePath", Value::string("/*")),
                ("HttpMethod", Value::string("*")),
                ("LoggingLevel", Value::string("INFO")),
                ("MetricsEnabled", Value::from(true)),
                ("DataTraceEnabled", Value::from(false)),
            ])]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    stage_resource
        .depends_on
        .push(b.design_default_id(API_GATEWAY_ACCOUNT));
    b.put(unit, stage.clone(), &c.id, group.clone(), stage_resource);
    b.skip_checkov(
        unit,
        &stage,
        "CKV_AWS_120",
        "Responses are per signed-in customer; caching them at the stage could serve one customer's data to another.",
    );
    custom_domain(b, unit, c, Some(&stage));
    b.output(
        unit,
        &b.logical_id_for(&c.id, "Url"),
        Output {
            description: Some(Value::string(format!("Invoke URL of `{}`", c.name))),
            ..Output::new(Value::sub(format!(
                "https://${{{api}}}.execute-api.${{AWS::Region}}.${{AWS::URLSuffix}}/{}",
                stage_name(b, &c.id)
            )))
        },
    );
}

/// The name of the stage the export deploys a REST API to: `prod`, or `prod-zta` where the API
/// came from a template whose own `prod` stage is carried (two stages of one API cannot share
/// a name).
fn stage_name(b: &Builder<'_>, api: &str) -> &'static str {
    let api = b.logical_id(api);
    let taken = b
        .design
        .carried_cloudformation
        .get("Resources")
        .and_then(serde_json::Value::as_object)
        .is_some_and(|resources| {
            resources.values().any(|resource| {
                resource["Type"] == "AWS::ApiGateway::Stage"
                    && resource["Properties"]["RestApiId"]["Ref"] == api.as_str()
                    && resource["Properties"]["StageName"] == "prod"
            })
        });
    if taken { "prod-zta" } else { "prod" }
}

/// The account-wide setting that lets API Gateway write execution logs, once per account.
const API_GATEWAY_ACCOUNT: &str = "ApiGatewayAccount";

fn api_gateway_account(b: &mut Builder<'_>, unit: &str) {
    let account = b.design_default_id(API_GATEWAY_ACCOUNT);
    if b.has_resource(unit, &account) {
        return;
    }
    let role = b.design_default_id("ApiGatewayLoggingRole");
    b.put(
        unit,
        role.clone(),
        super::support::DESIGN_ELEMENT,
        Group::Security,
        Resource::new("AWS::IAM::Role")
            .with_property(
                "AssumeRolePolicyDocument",
                service_trust_policy("apigateway.amazonaws.com"),
            )
            .with_property(
                "ManagedPolicyArns",
                Value::list([Value::arn(
                    "iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
                )]),
            ),
    );
    b.put(
        unit,
        account,
        super::support::DESIGN_ELEMENT,
        Group::Security,
        Resource::new("AWS::ApiGateway::Account")
            .with_property("CloudWatchRoleArn", Value::get_att(role, "Arn")),
    );
}

/// A REST API's VPC link to a flow's target: straight to an NLB, or to an internal NLB that
/// forwards to the ALB.
fn rest_vpc_link(
    b: &mut Builder<'_>,
    unit: &str,
    api: &Component,
    flow: &Flow,
    target: &Component,
) -> String {
    let group = b.workload_group(api);
    let link = b.logical_id_for(&flow.id, "VpcLink");
    let nlb = if target.kind == ComponentKind::Nlb {
        b.component_ref(unit, &target.id, None)
    } else {
        let nlb = b.logical_id_for(&flow.id, "LinkNlb");
        let subnets: Vec<Value> = b
            .subnet_of(target)
            .map(|s| b.spread_subnets(s))
            .unwrap_or_default()
            .iter()
            .map(|s| Value::reference(b.logical_id(&s.id)))
            .collect();
        b.put(
            unit,
            nlb.clone(),
            &flow.id,
            group.clone(),
            Resource::new("AWS::ElasticLoadBalancingV2::LoadBalancer")
                .with_property("Type", "network")
                .with_property("Scheme", "internal")
                .with_property("Subnets", Value::list(subnets))
                .with_property(
                    "SecurityGroups",
                    Value::list([Value::get_att(
                        b.logical_id_for(&api.id, "SecurityGroup"),
                        "GroupId",
                    )]),
                )
                .with_property(
                    "LoadBalancerAttributes",
                    Value::list([Value::map([
                        ("Key", Value::string("deletion_protection.enabled")),
                        ("Value", Value::string("true")),
                    ])]),
                ),
        );
        b.skip_checkov(
            unit,
            &nlb,
            "CKV_AWS_91",
            "This internal NLB only carries API Gateway's VPC link to the ALB; the API stage and the WAF log every request.",
        );
        target_group(b, unit, api, flow, target, true);
        let port = target_port(flow, flow.tls != Tls::None);
        b.put(
            unit,
            b.logical_id_for(&flow.id, "LinkListener"),
            &flow.id,
            group.clone(),
            Resource::new("AWS::ElasticLoadBalancingV2::Listener")
                .with_property("LoadBalancerArn", Value::reference(&nlb))
                .with_property("Port", port)
                .with_property("Protocol", "TCP")
                .with_property(
                    "DefaultActions",
                    Value::list([forward(b.logical_id_for(&flow.id, "TargetGroup"))]),
                ),
        );
        Value::reference(nlb)
    };
    b.put(
        unit,
        link.clone(),
        &flow.id,
        group,
        Resource::new("AWS::ApiGateway::VpcLink")
            .with_property(
                "Name",
                Value::sub(format!("${{AWS::StackName}}-{}", flow.id)),
            )
            .with_property("TargetArns", Value::list([nlb])),
    );
    link
}

fn custom_domain(b: &mut Builder<'_>, unit: &str, c: &Component, stage: Option<&str>) {
    let Some(domain) = c.properties.domain_name.clone() else {
        return;
    };
    let group = b.workload_group(c);
    let certificate = certificate_arn(b, unit, c);
    let name = b.logical_id_for(&c.id, "DomainName");
    b.put(
        unit,
        name.clone(),
        &c.id,
        group.clone(),
        Resource::new("AWS::ApiGateway::DomainName")
            .with_property("DomainName", domain.clone())
            .with_property("RegionalCertificateArn", certificate)
            .with_property(
                "EndpointConfiguration",
                Value::map([("Types", Value::list([Value::string("REGIONAL")]))]),
            )
            .with_property("SecurityPolicy", "TLS_1_2"),
    );
    if let Some(stage) = stage {
        let mut mapping = Resource::new("AWS::ApiGateway::BasePathMapping")
            .with_property("DomainName", Value::reference(&name))
            .with_property("RestApiId", Value::reference(b.logical_id(&c.id)))
            .with_property("Stage", stage_name(b, &c.id));
        mapping.depends_on.push(stage.to_owned());
        b.put(
            unit,
            b.logical_id_for(&c.id, "BasePathMapping"),
            &c.id,
            group,
            mapping,
        );
    }
}

fn http_api(b: &mut Builder<'_>, unit: &str, c: &Component, auth: Auth, issuer: Option<String>) {
    let group = b.workload_group(c);
    let api = b.logical_id(&c.id);
    b.put(
        unit,
        api.clone(),
        &c.id,
        group.clone(),
        Resource::new("AWS::ApiGatewayV2::Api")
            .with_property("Name", Value::sub(format!("${{AWS::StackName}}-{}", c.id)))
            .with_property("Description", &c.name)
            .with_property("ProtocolType", "HTTP"),
    );
    let authorizer = match (auth, &issuer) {
        (Auth::Jwt, Some(issuer_id)) => {
            let (issuer_url, audience) = match b.identity(issuer_id) {
                Some(identity) if identity.kind == IdentityKind::CognitoUserPool => {
                    let owner = b.unit_of_identity(identity);
                    let pool = b.reference(unit, &owner, &b.logical_id(issuer_id), None);
                    let client =
                        b.reference(unit, &owner, &b.logical_id_for(issuer_id, "Client"), None);
                    (
                        Value::sub_with(
                            "https://cognito-idp.${AWS::Region}.amazonaws.com/${Pool}",
                            [("Pool", pool)],
                        ),
                        client,
                    )
                }
                Some(identity) => {
                    let audience = b.parameter(
                        unit,
                        &b.logical_id_for(&c.id, "JwtAudience"),
                        Parameter::new("String").with(
                            "Description",
                            format!(
                                "The audience that tokens of `{issuer_id}` carry for API `{}`.",
                                c.id
                            ),
                        ),
                    );
                    (
                        Value::string(identity.issuer.clone().unwrap_or_default()),
                        audience,
                    )
                }
                None => (Value::string(""), Value::string("")),
            };
            let logical = b.logical_id_for(&c.id, "Authorizer");
            b.put(
                unit,
                logical.clone(),
                &c.id,
                group.clone(),
                Resource::new("AWS::ApiGatewayV2::Authorizer")
                    .with_property("ApiId", Value::reference(&api))
                    .with_property("Name", format!("{issuer_id}-jwt"))
                    .with_property("AuthorizerType", "JWT")
                    .with_property(
                        "IdentitySource",
                        Value::list([Value::string("$request.header.Authorization")]),
                    )
                    .with_property(
                        "JwtConfiguration",
                        Value::map([
                            ("Audience", Value::list([audience])),
                            ("Issuer", issuer_url),
                        ]),
                    ),
            );
            Some(logical)
        }
        _ => None,
    };
    let targets = integrations(b, c);
    let link = b.logical_id_for(&c.id, "VpcLink");
    if targets
        .iter()
        .any(|(_, t)| t.kind != ComponentKind::LambdaFunction)
        && let Some(vpc) = super::security_groups::vpc_link_vpc(b, c)
    {
        let subnets: Vec<Value> = b
            .subnets_of(&vpc.id)
            .iter()
            .filter(|s| Context::tier(s) == zta_model::Tier::Private)
            .map(|s| Value::reference(b.logical_id(&s.id)))
            .collect();
        b.put(
            unit,
            link.clone(),
            &c.id,
            group.clone(),
            Resource::new("AWS::ApiGatewayV2::VpcLink")
                .with_property("Name", Value::sub(format!("${{AWS::StackName}}-{}", c.id)))
                .with_property("SubnetIds", Value::list(subnets))
                .with_property(
                    "SecurityGroupIds",
                    Value::list([Value::get_att(
                        b.logical_id_for(&c.id, "SecurityGroup"),
                        "GroupId",
                    )]),
                ),
        );
    }
    for (flow, target) in targets {
        let integration = b.logical_id_for(&flow.id, "Integration");
        let mut resource = Resource::new("AWS::ApiGatewayV2::Integration")
            .with_property("ApiId", Value::reference(&api));
        if target.kind == ComponentKind::LambdaFunction {
            let function = b.component_ref(unit, &target.id, Some("Arn"));
            resource = resource
                .with_property("IntegrationType", "AWS_PROXY")
                .with_property("IntegrationUri", function.clone())
                .with_property("PayloadFormatVersion", "2.0");
            b.put(
                unit,
                b.logical_id_for(&flow.id, "InvokePermission"),
                &flow.id,
                group.clone(),
                Resource::new("AWS::Lambda::Permission")
                    .with_property("FunctionName", function)
                    .with_property("Action", "lambda:InvokeFunction")
                    .with_property("Principal", "apigateway.amazonaws.com")
                    .with_property("SourceArn", Value::sub(format!("arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{api}}}/*"))),
            );
        } else {
            let listener = b.support_ref(
                unit,
                &target.id,
                if target.kind == ComponentKind::Nlb {
                    "Listener"
                } else {
                    "HttpsListener"
                },
                None,
            );
            resource = resource
                .with_property("IntegrationType", "HTTP_PROXY")
                .with_property("IntegrationMethod", "ANY")
                .with_property("ConnectionType", "VPC_LINK")
                .with_property("ConnectionId", Value::reference(&link))
                .with_property("IntegrationUri", listener)
                .with_property("PayloadFormatVersion", "1.0");
            if let Some(host) = target
                .properties
                .certificate
                .as_deref()
                .and_then(|cert| b.component(cert))
                .and_then(|cert| cert.properties.domain_name.clone())
            {
                resource = resource.with_property(
                    "TlsConfig",
                    Value::map([("ServerNameToVerify", Value::string(host))]),
                );
            }
        }
        b.put(unit, integration.clone(), &flow.id, group.clone(), resource);
        let mut route = Resource::new("AWS::ApiGatewayV2::Route")
            .with_property("ApiId", Value::reference(&api))
            .with_property("RouteKey", format!("ANY /{}/{{proxy+}}", target.id))
            .with_property(
                "Target",
                Value::sub(format!("integrations/${{{integration}}}")),
            );
        route = match (&authorizer, auth) {
            (Some(authorizer), _) => route
                .with_property("AuthorizationType", "JWT")
                .with_property("AuthorizerId", Value::reference(authorizer)),
            (None, Auth::Iam) => route.with_property("AuthorizationType", "AWS_IAM"),
            _ => route.with_property("AuthorizationType", "NONE"),
        };
        b.put(
            unit,
            b.logical_id_for(&flow.id, "Route"),
            &flow.id,
            group.clone(),
            route,
        );
    }
    let logs = api_logs(b, unit, c);
    b.put(
        unit,
        b.logical_id_for(&c.id, "Stage"),
        &c.id,
        group,
        Resource::new("AWS::ApiGatewayV2::Stage")
            .with_property("ApiId", Value::reference(&api))
            .with_property("StageName", "$default")
            .with_property("AutoDeploy", true)
            .with_property(
                "AccessLogSettings",
                Value::map([
                    ("DestinationArn", Value::get_att(&logs, "Arn")),
                    ("Format", Value::string(ACCESS_LOG_FORMAT)),
                ]),
            ),
    );
    b.output(
        unit,
        &b.logical_id_for(&c.id, "Url"),
        Output {
            description: Some(Value::string(format!("Endpoint of `{}`", c.name))),
            ..Output::new(Value::get_att(&api, "ApiEndpoint"))
        },
    );
}

fn distribution(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    // An origin is what CloudFront can fetch from and the export writes: a bucket, a load
    // balancer or an instance in a subnet, or an API.
    let origin = b
        .flows_from(&c.id)
        .iter()
        .filter_map(|f| b.component(&f.target))
        .find(|target| match target.kind {
            ComponentKind::S3Bucket | ComponentKind::ApiGateway => true,
            ComponentKind::Alb | ComponentKind::Nlb | ComponentKind::Ec2Instance => {
                b.subnet_of(target).is_some()
            }
            _ => false,
        });
    let Some(origin) = origin else {
        b.warn(format!(
            "CloudFront distribution `{}` has no flow to an origin (a bucket, a load balancer, an instance or an API); not exported",
            c.id
        ));
        return;
    };
    let origin_id = origin.id.clone();
    let origin_value = match origin.kind {
        ComponentKind::S3Bucket => {
            let control = b.logical_id_for(&c.id, "OriginAccessControl");
            b.put(
                &unit,
                control.clone(),
                &c.id,
                b.workload_group(c),
                Resource::new("AWS::CloudFront::OriginAccessControl").with_property(
                    "OriginAccessControlConfig",
                    Value::map([
                        ("Name", Value::sub(format!("${{AWS::StackName}}-{}", c.id))),
                        ("OriginAccessControlOriginType", Value::string("s3")),
                        ("SigningBehavior", Value::string("always")),
                        ("SigningProtocol", Value::string("sigv4")),
                    ]),
                ),
            );
            Value::map([
                ("Id", Value::string(&origin_id)),
                (
                    "DomainName",
                    b.component_ref(&unit, &origin.id, Some("RegionalDomainName")),
                ),
                ("OriginAccessControlId", Value::get_att(&control, "Id")),
                (
                    "S3OriginConfig",
                    Value::map([("OriginAccessIdentity", Value::string(""))]),
                ),
            ])
        }
        kind => Value::map([
            ("Id", Value::string(&origin_id)),
            (
                "DomainName",
                match kind {
                    ComponentKind::ApiGateway => Value::sub_with(
                        "${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}",
                        [("Api", b.component_ref(&unit, &origin.id, None))],
                    ),
                    ComponentKind::Ec2Instance => {
                        b.component_ref(&unit, &origin.id, Some("PublicDnsName"))
                    }
                    _ => b.component_ref(&unit, &origin.id, Some("DNSName")),
                },
            ),
            (
                "CustomOriginConfig",
                Value::map([
                    ("OriginProtocolPolicy", Value::string("https-only")),
                    (
                        "OriginSSLProtocols",
                        Value::list([Value::string("TLSv1.2")]),
                    ),
                ]),
            ),
        ]),
    };
    let certificate = b.parameter(
        &unit,
        &b.logical_id_for(&c.id, "CertificateArn"),
        Parameter::new("String")
            .with("AllowedPattern", "^arn:aws[a-z-]*:acm:us-east-1:.+$")
            .with("Description", format!("The ACM certificate in us-east-1 that distribution `{}` serves (CloudFront takes certificates only from us-east-1).", c.id)),
    );
    let mut config = crate::value::Map::default();
    config.insert("Enabled".into(), Value::from(true));
    config.insert("HttpVersion".into(), Value::string("http2and3"));
    config.insert("Origins".into(), Value::list([origin_value]));
    config.insert(
        "DefaultCacheBehavior".into(),
        Value::map([
            ("TargetOriginId", Value::string(&origin_id)),
            (
                "ViewerProtocolPolicy",
                Value::string(if c.properties.http_redirect == Some(false) {
                    "https-only"
                } else {
                    "redirect-to-https"
                }),
            ),
            (
                "CachePolicyId",
                Value::string("658327ea-f89d-4fab-a63d-7e88639e58f6"),
            ),
        ]),
    );
    if let Some(domain) = &c.properties.domain_name {
        config.insert("Aliases".into(), Value::list([Value::string(domain)]));
    }
    config.insert(
        "ViewerCertificate".into(),
        Value::map([
            ("AcmCertificateArn", certificate),
            (
                "MinimumProtocolVersion",
                Value::string(
                    c.properties
                        .tls_policy
                        .clone()
                        .unwrap_or_else(|| "TLSv1.2_2021".into()),
                ),
            ),
            ("SslSupportMethod", Value::string("sni-only")),
        ]),
    );
    if b.components_of(ComponentKind::WafWebAcl)
        .any(|w| w.properties.protects.iter().any(|p| p == &c.id))
    {
        let acl = b.parameter(
            &unit,
            &b.logical_id_for(&c.id, "WebAclArn"),
            Parameter::new("String").with(
                "Description",
                format!(
                    "The CLOUDFRONT-scope web ACL (created in us-east-1) that protects `{}`.",
                    c.id
                ),
            ),
        );
        config.insert("WebACLId".into(), acl);
    }
    let distribution = b.logical_id(&c.id);
    b.put(
        &unit,
        distribution.clone(),
        &c.id,
        b.workload_group(c),
        Resource::new("AWS::CloudFront::Distribution")
            .with_property("DistributionConfig", Value::from(config))
            .with_property("Tags", tags(&c.id, &c.tags)),
    );
    b.output(
        &unit,
        &b.logical_id_for(&c.id, "DomainName"),
        Output {
            description: Some(Value::string(format!("Domain of `{}`", c.name))),
            ..Output::new(Value::get_att(&distribution, "DomainName"))
        },
    );
}

fn web_acl(b: &mut Builder<'_>, element: &str, unit: &str, groups: &[String], protects: &[String]) {
    let acl = if b
        .component(element)
        .is_some_and(|c| c.kind == ComponentKind::WafWebAcl)
    {
        b.logical_id(element)
    } else {
        b.logical_id_for(element, "WebAcl")
    };
    let metric = |name: &str| {
        Value::map([
            ("SampledRequestsEnabled", Value::from(true)),
            ("CloudWatchMetricsEnabled", Value::from(true)),
            ("MetricName", Value::string(name.to_owned())),
        ])
    };
    let rules: Vec<Value> = groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            Value::map([
                ("Name", Value::string(group)),
                ("Priority", Value::from(u32::try_from(index).unwrap_or(0))),
                // Managed rule groups take OverrideAction, never Action (cfn-lint misses that).
                (
                    "OverrideAction",
                    Value::map([("None", Value::map::<&str>([]))]),
                ),
                (
                    "Statement",
                    Value::map([(
                        "ManagedRuleGroupStatement",
                        Value::map([
                            ("VendorName", Value::string("AWS")),
                            ("Name", Value::string(group)),
                        ]),
                    )]),
                ),
                ("VisibilityConfig", metric(group)),
            ])
        })
        .collect();
    let cloudfront = protects
        .iter()
        .filter_map(|p| b.component(p))
        .any(|p| p.kind == ComponentKind::Cloudfront);
    if cloudfront {
        b.warn(format!(
            "web ACL `{element}` protects a CloudFront distribution: deploy a CLOUDFRONT-scope copy in us-east-1 and pass its ARN to the distribution; this regional one protects the rest"
        ));
    }
    b.put(
        unit,
        acl.clone(),
        element,
        Group::Security,
        Resource::new("AWS::WAFv2::WebACL")
            .with_property("Scope", "REGIONAL")
            .with_property(
                "DefaultAction",
                Value::map([("Allow", Value::map::<&str>([]))]),
            )
            .with_property("Rules", Value::list(rules))
            .with_property("VisibilityConfig", metric(&acl)),
    );
    // WAF logs only to log groups whose name starts with `aws-waf-logs-`.
    let logs = b.log_group(
        unit,
        format!("{acl}Logs"),
        element,
        Group::Security,
        None,
        Some(Value::sub(format!(
            "aws-waf-logs-${{AWS::StackName}}-{}",
            super::ids::slug(element)
        ))),
    );
    b.put(
        unit,
        format!("{acl}Logging"),
        element,
        Group::Security,
        Resource::new("AWS::WAFv2::LoggingConfiguration")
            .with_property("ResourceArn", Value::get_att(&acl, "Arn"))
            // The log group's `Arn` attribute ends in `:*`, which WAF refuses: build the ARN.
            .with_property(
                "LogDestinationConfigs",
                Value::list([Value::sub(format!(
                    "arn:${{AWS::Partition}}:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:${{{logs}}}"
                ))]),
            ),
    );
    for protected in protects {
        let Some(target) = b.component(protected) else {
            continue;
        };
        let target_unit = b.unit_of_component(target);
        if target_unit != unit {
            b.warn(format!("web ACL `{element}` and `{protected}` are in different accounts; a web ACL protects resources of its own account only"));
            continue;
        }
        let resource_arn = match target.kind {
            ComponentKind::Alb => Value::reference(b.logical_id(protected)),
            ComponentKind::ApiGateway
                if b.has_resource(unit, &b.logical_id_for(protected, "Stage")) =>
            {
                if b.units
                    .get(unit)
                    .and_then(|u| u.template.resources.get(&b.logical_id(protected)))
                    .is_some_and(|r| r.resource_type == "AWS::ApiGateway::RestApi")
                {
                    Value::sub(format!(
                        "arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}::/restapis/${{{}}}/stages/${{{}}}",
                        b.logical_id(protected),
                        b.logical_id_for(protected, "Stage")
                    ))
                } else {
                    continue;
                }
            }
            ComponentKind::Cloudfront => continue,
            _ => {
                b.warn(format!(
                    "web ACL `{element}` cannot protect `{protected}` ({})",
                    target.kind.as_str()
                ));
                continue;
            }
        };
        b.put(
            unit,
            format!("{acl}{}Association", b.logical_id(protected)),
            element,
            Group::Workload(target.segment.clone()),
            Resource::new("AWS::WAFv2::WebACLAssociation")
                .with_property("WebACLArn", Value::get_att(&acl, "Arn"))
                .with_property("ResourceArn", resource_arn),
        );
    }
}

fn shield(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    b.manual_step(
        &c.id,
        &unit,
        "Subscribe to Shield Advanced",
        format!("Shield Advanced protections (`{}`) need an active subscription in the account (aws shield create-subscription; a one-year commitment with a monthly fee) before the stack is deployed.", c.id),
    );
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
        b.put(
            &unit,
            b.logical_id_for(&c.id, &id),
            &c.id,
            Group::Security,
            Resource::new("AWS::Shield::Protection")
                .with_property("Name", format!("{}-{}", c.id, protected))
                .with_property("ResourceArn", resource_arn),
        );
    }
}
