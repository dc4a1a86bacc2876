//! API Gateway's HTTP APIs: the form an API takes when no web ACL guards it (or its callers'
//! tokens come from an issuer only an HTTP API can check), with a JWT authorizer, a VPC link to
//! the load balancers it integrates with, and a stage with access logs; and how one is read
//! back. The kind's other form, and which one an API takes, is `api_gateway`.
//! <https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api.html>

use zta_model::{Auth, Component, ComponentKind, IdentityKind, Scheme};

use crate::export::builder::{Builder, Context};
use crate::import::{Importer, ResourceKey};
use crate::kinds::edge::api_parts::{
    access_logs, integrations, invoke_permission, put_part, url_output,
};
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// A resource type of this kind: `AWS::ApiGatewayV2::Api`.
pub(crate) const HTTP_API: &str = "AWS::ApiGatewayV2::Api";

pub(crate) fn export(
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
            Some(put_part(
                b,
                unit,
                c,
                "Authorizer",
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
            ))
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
            invoke_permission(b, unit, c, flow, function);
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
    let access_logs = access_logs(b, unit, c);
    put_part(
        b,
        unit,
        c,
        "Stage",
        Resource::new("AWS::ApiGatewayV2::Stage")
            .with_property("ApiId", Value::reference(&api))
            .with_property("StageName", "$default")
            .with_property("AutoDeploy", true)
            .with_property("AccessLogSettings", access_logs),
    );
    let address = Value::get_att(&api, "ApiEndpoint");
    url_output(b, unit, c, format!("Endpoint of `{}`", c.name), address);
}

/// Reads `AWS::ApiGatewayV2::Api` into a component: HTTP and WebSocket APIs have no private
/// endpoint.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::ApiGateway);
    component.properties.scheme = Some(Scheme::InternetFacing);
    Some(component)
}
