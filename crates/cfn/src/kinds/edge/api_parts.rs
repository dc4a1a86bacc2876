//! What both forms of an API Gateway API (`api_gateway`'s REST API and `http_api`) write: how
//! their callers authenticate, the flows they integrate with, the permission to invoke a
//! function, and access logs.

use zta_model::{Auth, Component, ComponentKind, Flow};

use crate::export::builder::Builder;
use crate::template::{Output, Resource};
use crate::value::Value;

/// How callers of an API authenticate, from the flows into it.
pub(crate) fn api_auth(b: &Builder<'_>, api: &Component) -> (Auth, Option<String>) {
    for flow in b.flows_to(&api.id) {
        if flow.auth != Auth::None {
            return (flow.auth, flow.issuer.clone());
        }
    }
    (Auth::None, None)
}

/// The permission for API Gateway to call a function a flow of the API integrates with.
pub(crate) fn invoke_permission(
    b: &mut Builder<'_>,
    unit: &str,
    api: &Component,
    flow: &Flow,
    function: Value,
) {
    let logical = b.logical_id(&api.id);
    b.put(
        unit,
        b.logical_id_for(&flow.id, "InvokePermission"),
        &flow.id,
        b.workload_group(api),
        Resource::new("AWS::Lambda::Permission")
            .with_property("FunctionName", function)
            .with_property("Action", "lambda:InvokeFunction")
            .with_property("Principal", "apigateway.amazonaws.com")
            .with_property(
                "SourceArn",
                Value::sub(format!(
                    "arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{logical}}}/*"
                )),
            ),
    );
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

/// The log group of an API's access logs.
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

/// The fields of an access log entry.
const ACCESS_LOG_FORMAT: &str = r#"{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","path":"$context.path","status":"$context.status","responseLength":"$context.responseLength"}"#;

/// A stage's access log setting (`AccessLogSetting` of a REST stage, `AccessLogSettings` of an
/// HTTP one), with the log group it writes to.
pub(crate) fn access_logs(b: &mut Builder<'_>, unit: &str, api: &Component) -> Value {
    let logs = api_logs(b, unit, api);
    Value::map([
        ("DestinationArn", Value::get_att(&logs, "Arn")),
        ("Format", Value::string(ACCESS_LOG_FORMAT)),
    ])
}

/// Writes a part of an API (its authorizer, its stage) and returns the part's logical ID.
pub(crate) fn put_part(
    b: &mut Builder<'_>,
    unit: &str,
    api: &Component,
    part: &str,
    resource: Resource,
) -> String {
    let logical = b.logical_id_for(&api.id, part);
    b.put(
        unit,
        logical.clone(),
        &api.id,
        b.workload_group(api),
        resource,
    );
    logical
}

/// The output that gives the address callers reach an API at.
pub(crate) fn url_output(
    b: &mut Builder<'_>,
    unit: &str,
    api: &Component,
    description: String,
    address: Value,
) {
    b.output(
        unit,
        &b.logical_id_for(&api.id, "Url"),
        Output {
            description: Some(Value::string(description)),
            ..Output::new(address)
        },
    );
}
