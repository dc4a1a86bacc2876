//! API Gateway: a REST API with a Cognito authorizer when a web ACL guards it (WAF cannot protect
//! HTTP APIs) and a private REST API when the design draws it internal, else an HTTP API with a
//! JWT authorizer (`http_api`); stages with access logs, VPC links and custom domains.

use zta_model::{Auth, Component, ComponentKind, Flow, IdentityKind, Scheme, Tls};

use crate::export::builder::{Builder, Group, tags};
use crate::import::{Importer, ResourceKey};
use crate::kinds::edge::acm_certificate::certificate_arn;
use crate::kinds::edge::api_parts::{
    access_logs, api_auth, integrations, invoke_permission, put_part, url_output,
};
use crate::kinds::edge::http_api;
use crate::kinds::edge::load_balancing::{forward, target_group, target_port};
use crate::kinds::edge::waf_web_acl::protected_by_waf;
use crate::policy::{policy_document, service_trust_policy};
use crate::template::Resource;
use crate::value::Value;

/// A resource type of this kind: `AWS::ApiGateway::RestApi`.
pub(crate) const REST_API: &str = "AWS::ApiGateway::RestApi";

/// A REST API's custom domain, and the mapping that serves a stage of the API under it.
const DOMAIN_NAME: &str = "AWS::ApiGateway::DomainName";
const BASE_PATH_MAPPING: &str = "AWS::ApiGateway::BasePathMapping";

/// What an API is exported as: a REST API (private when the design draws it internal, which
/// only a REST API can be) or an HTTP API.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Rest { private: bool },
    Http,
}

/// A REST API when the design draws it internal, or when a web ACL guards it (WAF cannot
/// protect HTTP APIs) and its callers' tokens are ones a REST API can check; else an HTTP API.
pub(crate) fn shape(b: &Builder<'_>, c: &Component) -> Shape {
    if c.properties.scheme == Some(Scheme::Internal) {
        return Shape::Rest { private: true };
    }
    let guarded = protected_by_waf(b, c) || b.is_internet_facing(c);
    if guarded && rest_checks_tokens(b, c) {
        Shape::Rest { private: false }
    } else {
        Shape::Http
    }
}

/// Whether a REST API can check the tokens of the API's callers: any but JWTs from an issuer
/// other than a Cognito user pool, which would need a Lambda authorizer.
fn rest_checks_tokens(b: &Builder<'_>, c: &Component) -> bool {
    let (auth, issuer) = api_auth(b, c);
    auth != Auth::Jwt || user_pool(b, issuer.as_deref())
}

fn user_pool(b: &Builder<'_>, issuer: Option<&str>) -> bool {
    issuer
        .and_then(|i| b.identity(i))
        .is_some_and(|i| i.kind == IdentityKind::CognitoUserPool)
}

/// Whether the export writes the API's custom domain: a public REST API's, once it has a stage.
fn writes_custom_domain(b: &Builder<'_>, c: &Component) -> bool {
    c.properties.domain_name.is_some()
        && shape(b, c) == (Shape::Rest { private: false })
        && !integrations(b, c).is_empty()
}

/// The certificate and domain the design states for an API where the export writes no custom
/// domain for it, which the marker keeps.
pub(crate) fn drawn(b: &Builder<'_>, c: &Component) -> serde_json::Map<String, serde_json::Value> {
    if writes_custom_domain(b, c) {
        return serde_json::Map::new();
    }
    crate::marker::drawn_properties(c, &["certificate", "domain_name"])
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let (auth, issuer) = api_auth(b, c);
    let shape = shape(b, c);
    if !rest_checks_tokens(b, c) && shape != Shape::Http {
        b.warn(format!(
            "API `{}` is internal, which only a REST API can be, and validates JWTs from an external issuer, which a REST API cannot check without a Lambda authorizer: it is exported as a private REST API whose methods check no token",
            c.id
        ));
    } else if shape == Shape::Http && (protected_by_waf(b, c) || b.is_internet_facing(c)) {
        b.warn(format!(
            "API `{}` validates JWTs from an external issuer, which only an HTTP API can do without a Lambda authorizer; WAF cannot protect HTTP APIs, so it is exported as an HTTP API without a web ACL",
            c.id
        ));
    }
    if c.properties.domain_name.is_some() && shape == (Shape::Rest { private: true }) {
        b.warn(format!(
            "API `{}` is private: its custom domain {} is not exported (a private custom domain needs a VPC endpoint the design does not draw); callers use the execute-api endpoint",
            c.id,
            c.properties.domain_name.as_deref().unwrap_or_default()
        ));
    }
    match shape {
        Shape::Rest { private } => rest_api(b, &unit, c, auth, issuer, private),
        Shape::Http => http_api::export(b, &unit, c, auth, issuer),
    }
}

/// The statement that lets a private API be invoked from the design's VPCs that call it (or,
/// when no caller sits in a VPC, from every VPC of the API's account); a private API without a
/// resource policy cannot be deployed. With no VPC at all, the statement admits no one.
/// <https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html#apigateway-resource-policies-source-vpc-example>
fn invoke_from_design_vpcs(b: &mut Builder<'_>, unit: &str, c: &Component) -> Value {
    let mut vpcs: Vec<String> = b
        .flows_to(&c.id)
        .iter()
        .filter_map(|flow| b.component(&flow.source))
        .filter_map(|source| b.vpc_of(source))
        .map(|vpc| vpc.id.clone())
        .collect();
    if vpcs.is_empty() {
        vpcs = b
            .design
            .segments
            .iter()
            .filter(|s| s.kind == zta_model::SegmentKind::Vpc && b.unit_of_segment(&s.id) == unit)
            .map(|s| s.id.clone())
            .collect();
    }
    vpcs.sort();
    vpcs.dedup();
    let resource = Value::string("execute-api:/*");
    let base = [
        (
            "Sid",
            Value::string(crate::policy::sid::INVOKE_FROM_DESIGN_VPCS),
        ),
        ("Principal", Value::string("*")),
        ("Action", Value::string("execute-api:Invoke")),
        ("Resource", resource),
    ];
    if vpcs.is_empty() {
        b.warn(format!(
            "API `{}` is internal but no VPC of the design can reach it: its resource policy admits no one",
            c.id
        ));
        return Value::map(base.into_iter().chain([("Effect", Value::string("Deny"))]));
    }
    let references: Vec<Value> = vpcs
        .iter()
        .map(|vpc| {
            let owner = b.unit_of_segment(vpc);
            b.reference(unit, &owner, &b.logical_id(vpc), None)
        })
        .collect();
    Value::map(base.into_iter().chain([
        ("Effect", Value::string("Allow")),
        (
            "Condition",
            Value::map([(
                "StringEquals",
                Value::map([("aws:SourceVpc", Value::list(references))]),
            )]),
        ),
    ]))
}

pub(crate) fn rest_api(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    auth: Auth,
    issuer: Option<String>,
    private: bool,
) {
    let group = b.workload_group(c);
    let api = b.logical_id(&c.id);
    let endpoint = if private { "PRIVATE" } else { "REGIONAL" };
    let mut resource = Resource::new(REST_API)
        .with_property("Name", Value::sub(format!("${{AWS::StackName}}-{}", c.id)))
        .with_property("Description", &c.name)
        .with_property(
            "EndpointConfiguration",
            Value::map([("Types", Value::list([Value::string(endpoint)]))]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    let mut statements =
        crate::export::statements::statements(b, unit, &c.properties.resource_policy, true);
    if private {
        statements.push(invoke_from_design_vpcs(b, unit, c));
    }
    if !statements.is_empty() {
        resource = resource.with_property("Policy", policy_document(statements));
    }
    b.put(unit, api.clone(), &c.id, group.clone(), resource);
    let authorizer = match (auth, &issuer) {
        (Auth::Jwt, Some(pool)) if user_pool(b, Some(pool)) => {
            let owner = b
                .identity(pool)
                .map(|i| b.unit_of_identity(i))
                .unwrap_or_else(|| unit.to_owned());
            let pool_arn = b.reference(unit, &owner, &b.logical_id(pool), Some("Arn"));
            Some(put_part(
                b,
                unit,
                c,
                "Authorizer",
                Resource::new("AWS::ApiGateway::Authorizer")
                    .with_property("Name", format!("{pool}-jwt"))
                    .with_property("RestApiId", Value::reference(&api))
                    .with_property("Type", "COGNITO_USER_POOLS")
                    .with_property("IdentitySource", "method.request.header.Authorization")
                    .with_property("ProviderARNs", Value::list([pool_arn])),
            ))
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
                invoke_permission(b, unit, c, flow, function.clone());
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
    let access_logs = access_logs(b, unit, c);
    let mut stage_resource = Resource::new("AWS::ApiGateway::Stage")
        .with_property("RestApiId", Value::reference(&api))
        .with_property("DeploymentId", Value::reference(&deployment))
        .with_property("StageName", stage_name(b, &c.id))
        .with_property("TracingEnabled", true)
        .with_property("AccessLogSetting", access_logs)
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
    let stage = put_part(b, unit, c, "Stage", stage_resource);
    b.skip_checkov(
        unit,
        &stage,
        "CKV_AWS_120",
        "Responses are per signed-in customer; caching them at the stage could serve one customer's data to another.",
    );
    if writes_custom_domain(b, c) {
        custom_domain(b, unit, c, &stage);
    }
    let address = Value::sub(format!(
        "https://${{{api}}}.execute-api.${{AWS::Region}}.${{AWS::URLSuffix}}/{}",
        stage_name(b, &c.id)
    ));
    url_output(b, unit, c, format!("Invoke URL of `{}`", c.name), address);
}

/// The name of the stage the export deploys a REST API to: `prod`, or `prod-zta` where the API
/// came from a template whose own `prod` stage is carried (two stages of one API cannot share
/// a name).
pub(crate) fn stage_name(b: &Builder<'_>, api: &str) -> &'static str {
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
pub(crate) const API_GATEWAY_ACCOUNT: &str = "ApiGatewayAccount";

pub(crate) fn api_gateway_account(b: &mut Builder<'_>, unit: &str) {
    let account = b.design_default_id(API_GATEWAY_ACCOUNT);
    if b.has_resource(unit, &account) {
        return;
    }
    let role = b.design_default_id("ApiGatewayLoggingRole");
    b.put(
        unit,
        role.clone(),
        crate::marker::DESIGN_ELEMENT,
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
        crate::marker::DESIGN_ELEMENT,
        Group::Security,
        Resource::new("AWS::ApiGateway::Account")
            .with_property("CloudWatchRoleArn", Value::get_att(role, "Arn")),
    );
}

/// A REST API's VPC link to a flow's target: straight to an NLB, or to an internal NLB that
/// forwards to the ALB.
pub(crate) fn rest_vpc_link(
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

pub(crate) fn custom_domain(b: &mut Builder<'_>, unit: &str, c: &Component, stage: &str) {
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
        Resource::new(DOMAIN_NAME)
            .with_property("DomainName", domain.clone())
            .with_property("RegionalCertificateArn", certificate)
            .with_property(
                "EndpointConfiguration",
                Value::map([("Types", Value::list([Value::string("REGIONAL")]))]),
            )
            .with_property("SecurityPolicy", "TLS_1_2"),
    );
    let mut mapping = Resource::new(BASE_PATH_MAPPING)
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

/// Reads `AWS::ApiGateway::RestApi` into a component: internal when its endpoint is private,
/// with its resource policy and the custom domain a base path mapping serves it under.
pub(crate) fn import_rest_api(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let private = im
        .property(key.0, &key.1, &["EndpointConfiguration", "Types"])
        .values()
        .iter()
        .any(|kind| kind.as_text() == Some("PRIVATE"));
    let mut component = im.account_component(key, ComponentKind::ApiGateway);
    component.properties.scheme = Some(if private {
        Scheme::Internal
    } else {
        Scheme::InternetFacing
    });
    if let Some(policy) = im.resource(key).property("Policy").cloned() {
        component.properties.resource_policy = im.design_statements(key, &policy);
    }
    let domains = im
        .referring(BASE_PATH_MAPPING, &["RestApiId"], key)
        .into_iter()
        .flat_map(|mapping| {
            im.property(mapping.0, &mapping.1, &["DomainName"])
                .resources()
        })
        .filter(|domain| im.resource(domain).resource_type == DOMAIN_NAME)
        .min();
    if let Some(domain) = domains {
        component.properties.domain_name = im.text(&domain, &["DomainName"]);
        component.properties.certificate = ["RegionalCertificateArn", "CertificateArn"]
            .iter()
            .find_map(|name| im.element_of(&im.property(domain.0, &domain.1, &[name])));
    }
    Some(component)
}
