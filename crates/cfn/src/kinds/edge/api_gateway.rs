//! API Gateway: a REST API with a Cognito authorizer when a web ACL guards it (WAF cannot protect
//! HTTP APIs), else an HTTP API with a JWT authorizer; stages with access logs, VPC links and
//! custom domains.

use zta_model::{Auth, Component, ComponentKind, Flow, IdentityKind, Scheme, Tls};

use crate::export::builder::{Builder, Context, Group, tags};
use crate::import::{Importer, ResourceKey};
use crate::kinds::edge::acm_certificate::certificate_arn;
use crate::kinds::edge::load_balancing::{forward, target_group, target_port};
use crate::kinds::edge::waf_web_acl::protected_by_waf;
use crate::policy::{policy_document, service_trust_policy};
use crate::template::{Output, Parameter, Resource};
use crate::value::Value;

/// A resource type of this kind: `AWS::ApiGateway::RestApi`.
pub(crate) const REST_API: &str = "AWS::ApiGateway::RestApi";

/// A resource type of this kind: `AWS::ApiGatewayV2::Api`.
pub(crate) const HTTP_API: &str = "AWS::ApiGatewayV2::Api";

/// How callers of an API authenticate, from the flows into it.
pub(crate) fn api_auth(b: &Builder<'_>, api: &Component) -> (Auth, Option<String>) {
    for flow in b.flows_to(&api.id) {
        if flow.auth != Auth::None {
            return (flow.auth, flow.issuer.clone());
        }
    }
    (Auth::None, None)
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let (auth, issuer) = api_auth(b, c);
    let user_pool_issuer = issuer
        .as_deref()
        .and_then(|i| b.identity(i))
        .is_some_and(|i| i.kind == IdentityKind::CognitoUserPool);
    let guarded = protected_by_waf(b, c) || b.is_internet_facing(c);
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
pub(crate) fn integrations<'d>(b: &Builder<'d>, api: &Component) -> Vec<(&'d Flow, &'d Component)> {
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

pub(crate) fn api_logs(b: &mut Builder<'_>, unit: &str, c: &Component) -> String {
    b.log_group(
        unit,
        b.logical_id_for(&c.id, "AccessLogs"),
        &c.id,
        b.workload_group(c),
        None,
        None,
    )
}

pub(crate) const ACCESS_LOG_FORMAT: &str = r#"{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","path":"$context.path","status":"$context.status","responseLength":"$context.responseLength"}"#;

pub(crate) fn rest_api(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    auth: Auth,
    issuer: Option<String>,
) {
    let group = b.workload_group(c);
    let api = b.logical_id(&c.id);
    let mut resource = Resource::new(REST_API)
        .with_property("Name", Value::sub(format!("${{AWS::StackName}}-{}", c.id)))
        .with_property("Description", &c.name)
        .with_property(
            "EndpointConfiguration",
            Value::map([("Types", Value::list([Value::string("REGIONAL")]))]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    if !c.properties.resource_policy.is_empty() {
        let statements =
            crate::export::statements::statements(b, unit, &c.properties.resource_policy, true);
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

pub(crate) fn custom_domain(b: &mut Builder<'_>, unit: &str, c: &Component, stage: Option<&str>) {
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

pub(crate) fn http_api(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    auth: Auth,
    issuer: Option<String>,
) {
    let group = b.workload_group(c);
    let api = b.logical_id(&c.id);
    b.put(
        unit,
        api.clone(),
        &c.id,
        group.clone(),
        Resource::new(HTTP_API)
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
        && let Some(vpc) = crate::export::security_groups::vpc_link_vpc(b, c)
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

/// Reads `AWS::ApiGateway::RestApi` into a component.
pub(crate) fn import_rest_api(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::ApiGateway);
    let private = im
        .property(key.0, &key.1, &["EndpointConfiguration", "Types"])
        .values()
        .iter()
        .any(|kind| kind.as_text() == Some("PRIVATE"));
    component.properties.scheme = Some(if private {
        Scheme::Internal
    } else {
        Scheme::InternetFacing
    });
    if let Some(policy) = im.resource(key).property("Policy").cloned() {
        component.properties.resource_policy = im.design_statements(key, &policy);
    }
    Some(component)
}

/// Reads `AWS::ApiGatewayV2::Api` into a component.
pub(crate) fn import_http_api(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::ApiGateway);
    component.properties.scheme = Some(Scheme::InternetFacing);
    Some(component)
}
