//! SAM's `AWS::Serverless::HttpApi` and the functions' `HttpApi` events, expanded to the API
//! Gateway v2 resources SAM writes.

use super::copy::copy;
use crate::template::Resource;
use crate::value::{Map, Value, ValueKind};

/// The HTTP API SAM creates for functions' `HttpApi` events that name no `ApiId`.
pub(super) const IMPLICIT_HTTP_API: &str = "ServerlessHttpApi";

/// Per SAM HTTP API: its default authorizer, and the names of its Lambda (not JWT) authorizers.
pub(super) type HttpApiAuthorizers =
    std::collections::HashMap<String, (Option<String>, Vec<String>)>;

pub(super) fn http_api_authorizers<S>(
    resources: &indexmap::IndexMap<String, Resource, S>,
) -> HttpApiAuthorizers {
    resources
        .iter()
        .filter(|(_, resource)| resource.resource_type == "AWS::Serverless::HttpApi")
        .map(|(logical_id, resource)| {
            let auth = resource.property("Auth");
            let default = auth
                .and_then(|auth| auth.get("DefaultAuthorizer"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            let lambda = auth
                .and_then(|auth| auth.get("Authorizers"))
                .and_then(Value::as_map)
                .map(|authorizers| {
                    authorizers
                        .iter()
                        .filter(|(_, authorizer)| authorizer.get("FunctionArn").is_some())
                        .map(|(name, _)| name.as_str().to_owned())
                        .collect()
                })
                .unwrap_or_default();
            (logical_id.clone(), (default, lambda))
        })
        .collect()
}

/// A SAM HTTP API as SAM expands it
/// (<https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-httpapi.html>):
/// the API, its default stage with the access log settings given, and its authorizers (JWT, or
/// Lambda when the authorizer names a function).
pub(super) fn http_api(logical_id: &str, sam: &Resource) -> indexmap::IndexMap<String, Resource> {
    let mut out = indexmap::IndexMap::new();
    let mut api = Resource::new("AWS::ApiGatewayV2::Api")
        .with_property("Name", Value::reference("AWS::StackName"))
        .with_property("ProtocolType", "HTTP");
    api.mark = sam.mark;
    api.condition = sam.condition.clone();
    copy(
        sam,
        &mut api,
        &[
            ("Name", "Name"),
            ("Description", "Description"),
            ("CorsConfiguration", "CorsConfiguration"),
            ("DisableExecuteApiEndpoint", "DisableExecuteApiEndpoint"),
        ],
    );
    out.insert(logical_id.to_owned(), api);
    let mut stage = Resource::new("AWS::ApiGatewayV2::Stage")
        .with_property("ApiId", Value::reference(logical_id.to_owned()))
        .with_property("StageName", "$default")
        .with_property("AutoDeploy", true);
    copy(
        sam,
        &mut stage,
        &[
            ("StageName", "StageName"),
            ("AccessLogSettings", "AccessLogSettings"),
            ("DefaultRouteSettings", "DefaultRouteSettings"),
        ],
    );
    out.insert(format!("{logical_id}ApiGatewayDefaultStage"), stage);
    let authorizers = sam
        .property("Auth")
        .and_then(|auth| auth.get("Authorizers"))
        .and_then(Value::as_map)
        .cloned()
        .unwrap_or_default();
    for (name, authorizer) in authorizers {
        let mut resource = Resource::new("AWS::ApiGatewayV2::Authorizer")
            .with_property("ApiId", Value::reference(logical_id.to_owned()))
            .with_property("Name", Value::from(name.as_str().to_owned()));
        if let Some(function) = authorizer.get("FunctionArn") {
            resource = resource
                .with_property("AuthorizerType", "REQUEST")
                .with_property("AuthorizerPayloadFormatVersion", "2.0")
                .with_property(
                    "AuthorizerUri",
                    Value::join(
                        "",
                        [
                            Value::sub(
                                "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/",
                            ),
                            function.clone(),
                            Value::from("/invocations"),
                        ],
                    ),
                );
        } else {
            let jwt = authorizer.get("JwtConfiguration");
            let mut configuration = Map::default();
            for (sam_name, name) in [("audience", "Audience"), ("issuer", "Issuer")] {
                if let Some(value) = jwt.and_then(|jwt| jwt.get(sam_name)) {
                    configuration.insert(name.into(), value.clone());
                }
            }
            resource = resource
                .with_property("AuthorizerType", "JWT")
                .with_property(
                    "JwtConfiguration",
                    Value::new(ValueKind::Map(configuration)),
                )
                .with_property(
                    "IdentitySource",
                    Value::list([authorizer
                        .get("IdentitySource")
                        .cloned()
                        .unwrap_or_else(|| Value::from("$request.header.Authorization"))]),
                );
        }
        out.insert(format!("{logical_id}{}Authorizer", name.as_str()), resource);
    }
    out
}

/// A function's `HttpApi` event as SAM expands it: a Lambda proxy integration, the route
/// (`METHOD path`, or `$default`) with the event's authorizer or the API's default one, and the
/// permission for API Gateway to invoke the function.
pub(super) fn http_api_event(
    function: &str,
    event_name: &str,
    properties: &Map,
    api: Value,
    http_apis: &HttpApiAuthorizers,
) -> Vec<(String, Resource)> {
    let api_logical = api.as_ref_target().map(str::to_owned);
    let known = api_logical
        .as_deref()
        .and_then(|api| http_apis.get(api))
        .cloned()
        .unwrap_or_default();
    let authorizer = properties
        .get("Auth")
        .and_then(|auth| auth.get("Authorizer"))
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or(known.0);
    let integration = format!("{function}{event_name}Integration");
    let route_key = match (properties.get("Method"), properties.get("Path")) {
        (Some(method), Some(path)) => Value::from(format!(
            "{} {}",
            method.as_str().unwrap_or("ANY").to_ascii_uppercase(),
            path.as_str().unwrap_or("/")
        )),
        _ => Value::from("$default"),
    };
    let mut route = Resource::new("AWS::ApiGatewayV2::Route")
        .with_property("ApiId", api.clone())
        .with_property("RouteKey", route_key)
        .with_property(
            "Target",
            Value::sub(format!("integrations/${{{integration}}}")),
        );
    route = match authorizer.as_deref() {
        None | Some("NONE") => route.with_property("AuthorizationType", "NONE"),
        Some("AWS_IAM") => route.with_property("AuthorizationType", "AWS_IAM"),
        Some(name) => {
            let kind = if known.1.iter().any(|lambda| lambda == name) {
                "CUSTOM"
            } else {
                "JWT"
            };
            let id = format!(
                "{}{name}Authorizer",
                api_logical.as_deref().unwrap_or_default()
            );
            route
                .with_property("AuthorizationType", kind)
                .with_property("AuthorizerId", Value::reference(id))
        }
    };
    let integration_resource = Resource::new("AWS::ApiGatewayV2::Integration")
        .with_property("ApiId", api)
        .with_property("IntegrationType", "AWS_PROXY")
        .with_property("PayloadFormatVersion", "2.0")
        .with_property("IntegrationUri", Value::get_att(function.to_owned(), "Arn"));
    let permission = Resource::new("AWS::Lambda::Permission")
        .with_property("Action", "lambda:InvokeFunction")
        .with_property("FunctionName", Value::reference(function.to_owned()))
        .with_property("Principal", "apigateway.amazonaws.com");
    vec![
        (integration, integration_resource),
        (format!("{function}{event_name}Route"), route),
        (format!("{function}{event_name}Permission"), permission),
    ]
}
