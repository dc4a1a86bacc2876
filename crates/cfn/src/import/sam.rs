//! The SAM transform (`AWS::Serverless-2016-10-31`), done the way SAM does it for the parts that
//! matter to a design: a function becomes a Lambda function with its execution role, an `Api`
//! event becomes the implicit `ServerlessRestApi` with a method (with no authorizer unless one is
//! named: a public, unauthenticated API) and an invoke permission, an HTTP API and its functions'
//! `HttpApi` events become an API Gateway v2 API with its stage, authorizers, routes and
//! integrations (`http_api`), queue and stream events become event source mappings, a function URL becomes the URL with its public permission, a state
//! machine becomes a Step Functions state machine with its role and schedule rules, a GraphQL
//! API becomes an AppSync API with its schema, keys and data sources (`graphql_api`), a simple
//! table becomes a DynamoDB table, and the policy templates a function or state machine names
//! become the statements SAM writes for them
//! (<https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-templates.html>).
//! The rest of the import then reads the result as it reads any template.

mod copy;
mod graphql_api;
mod http_api;

use std::sync::LazyLock;

use copy::{copy, copy_map};
use graphql_api::graphql_api;
use http_api::{
    HttpApiAuthorizers, IMPLICIT_HTTP_API, http_api, http_api_authorizers, http_api_event,
};

use crate::json_value::{from_json_value, to_json_value};
use crate::template::{Resource, Template};
use crate::value::{Map, Value};

const IMPLICIT_API: &str = "ServerlessRestApi";

/// The SAM policy templates as aws-sam-translator defines them: each one's parameter names and
/// statements, generated into `data/` by `tools/sam/generate_policy_templates.py`.
static POLICY_TEMPLATES: LazyLock<serde_json::Value> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/sam-policy-templates.json"))
        .expect("the generated SAM policy templates are JSON")
});

/// The statements of a policy template entry (`{DynamoDBCrudPolicy: {TableName: !Ref T}}`),
/// with every `Ref` to one of the template's parameters replaced by the value the function
/// gives it, as the SAM transform does. `None` when the entry names no known template; an error
/// names the parameters the entry leaves out, which SAM refuses too.
fn policy_template(policy: &Value) -> Option<Result<Value, String>> {
    let entry = policy.as_map().filter(|entry| entry.len() == 1)?;
    let (name, arguments) = entry.get_index(0)?;
    let template = POLICY_TEMPLATES["templates"].get(name.as_str())?;
    let parameters: Vec<&str> = template["parameters"]
        .as_array()
        .map(|names| names.iter().filter_map(serde_json::Value::as_str).collect())
        .unwrap_or_default();
    let mut values = serde_json::Map::new();
    let mut missing = Vec::new();
    for parameter in parameters {
        match arguments.get(parameter) {
            Some(value) => {
                values.insert(parameter.to_owned(), to_json_value(value));
            }
            None => missing.push(parameter),
        }
    }
    if !missing.is_empty() {
        return Some(Err(format!(
            "policy template {} lacks its parameter {}",
            name.as_str(),
            missing.join(", ")
        )));
    }
    let mut statement = template["statement"].clone();
    substitute_parameters(&mut statement, &values);
    Some(Ok(from_json_value(&statement)))
}

/// Replaces each `{"Ref": P}` whose `P` is a template parameter with the value given for it.
fn substitute_parameters(
    value: &mut serde_json::Value,
    values: &serde_json::Map<String, serde_json::Value>,
) {
    match value {
        serde_json::Value::Object(object) => {
            let reference = (object.len() == 1)
                .then(|| object.get("Ref").and_then(serde_json::Value::as_str))
                .flatten()
                .and_then(|parameter| values.get(parameter));
            if let Some(replacement) = reference {
                *value = replacement.clone();
            } else {
                object
                    .values_mut()
                    .for_each(|inner| substitute_parameters(inner, values));
            }
        }
        serde_json::Value::Array(items) => items
            .iter_mut()
            .for_each(|inner| substitute_parameters(inner, values)),
        _ => {}
    }
}

/// Expands the template's SAM resources in place; returns what it did, for the report.
pub(crate) fn expand(template: &mut Template, origin: &str) -> Vec<String> {
    let mut notes = Vec::new();
    let mut expanded = indexmap::IndexMap::default();
    let resources = std::mem::take(&mut template.resources);
    let mut implicit_api_needed = false;
    let mut implicit_http_api_needed = false;
    let http_apis = http_api_authorizers(&resources);
    for (logical_id, resource) in resources {
        match resource.resource_type.as_str() {
            "AWS::Serverless::Function" => {
                let mut events = Events {
                    implicit_api_needed: &mut implicit_api_needed,
                    implicit_http_api_needed: &mut implicit_http_api_needed,
                    http_apis: &http_apis,
                };
                let generated = function(&logical_id, &resource, &mut events, &mut notes);
                notes.push(format!(
                    "{origin}: SAM function {logical_id} expanded to {}",
                    generated.keys().cloned().collect::<Vec<_>>().join(", ")
                ));
                expanded.extend(generated);
            }
            "AWS::Serverless::StateMachine" => {
                let generated = state_machine(&logical_id, &resource, &mut notes);
                notes.push(format!(
                    "{origin}: SAM state machine {logical_id} expanded to {}",
                    generated.keys().cloned().collect::<Vec<_>>().join(", ")
                ));
                expanded.extend(generated);
            }
            "AWS::Serverless::GraphQLApi" => {
                let generated = graphql_api(&logical_id, &resource);
                notes.push(format!(
                    "{origin}: SAM GraphQL API {logical_id} expanded to {}",
                    generated.keys().cloned().collect::<Vec<_>>().join(", ")
                ));
                expanded.extend(generated);
            }
            "AWS::Serverless::SimpleTable" => {
                expanded.insert(logical_id.clone(), simple_table(&resource));
                notes.push(format!(
                    "{origin}: SAM simple table {logical_id} expanded to a DynamoDB table"
                ));
            }
            "AWS::Serverless::HttpApi" => {
                let generated = http_api(&logical_id, &resource);
                notes.push(format!(
                    "{origin}: SAM HTTP API {logical_id} expanded to {}",
                    generated.keys().cloned().collect::<Vec<_>>().join(", ")
                ));
                expanded.extend(generated);
            }
            "AWS::Serverless::Api" => {
                let mut api = Resource::new("AWS::ApiGateway::RestApi");
                copy(&resource, &mut api, &[("Name", "Name")]);
                api.mark = resource.mark;
                expanded.insert(logical_id.clone(), api);
                notes.push(format!(
                    "{origin}: SAM API {logical_id} expanded to a REST API"
                ));
            }
            _ => {
                expanded.insert(logical_id, resource);
            }
        }
    }
    if implicit_api_needed && !expanded.contains_key(IMPLICIT_API) {
        let api = Resource::new("AWS::ApiGateway::RestApi")
            .with_property("Name", Value::reference("AWS::StackName"));
        expanded.insert(IMPLICIT_API.to_owned(), api);
        notes.push(format!(
            "{origin}: SAM implicit API {IMPLICIT_API} created for the functions' Api events"
        ));
    }
    if implicit_http_api_needed && !expanded.contains_key(IMPLICIT_HTTP_API) {
        let api = Resource::new("AWS::Serverless::HttpApi");
        expanded.extend(http_api(IMPLICIT_HTTP_API, &api));
        notes.push(format!(
            "{origin}: SAM implicit HTTP API {IMPLICIT_HTTP_API} created for the functions' HttpApi events"
        ));
    }
    template.resources = expanded;
    notes
}

/// What a function's events need to know of the rest of the template.
struct Events<'a> {
    implicit_api_needed: &'a mut bool,
    implicit_http_api_needed: &'a mut bool,
    http_apis: &'a HttpApiAuthorizers,
}

fn function(
    logical_id: &str,
    sam: &Resource,
    events_context: &mut Events<'_>,
    notes: &mut Vec<String>,
) -> indexmap::IndexMap<String, Resource> {
    let mut out = indexmap::IndexMap::new();
    let mut lambda = Resource::new("AWS::Lambda::Function");
    lambda.mark = sam.mark;
    lambda.condition = sam.condition.clone();
    lambda.depends_on = sam.depends_on.clone();
    copy(
        sam,
        &mut lambda,
        &[
            ("FunctionName", "FunctionName"),
            ("Description", "Description"),
            ("Handler", "Handler"),
            ("Runtime", "Runtime"),
            ("MemorySize", "MemorySize"),
            ("Timeout", "Timeout"),
            ("Environment", "Environment"),
            ("VpcConfig", "VpcConfig"),
            ("Layers", "Layers"),
            ("KmsKeyArn", "KmsKeyArn"),
            ("Architectures", "Architectures"),
            (
                "ReservedConcurrentExecutions",
                "ReservedConcurrentExecutions",
            ),
        ],
    );
    let code = match (sam.property("InlineCode"), sam.property("CodeUri")) {
        (Some(inline), _) => Value::map([("ZipFile", inline.clone())]),
        (None, Some(uri)) => match uri.as_str().and_then(|uri| uri.strip_prefix("s3://")) {
            Some(location) => {
                let (bucket, key) = location.split_once('/').unwrap_or((location, ""));
                Value::map([
                    ("S3Bucket", Value::string(bucket.to_owned())),
                    ("S3Key", Value::string(key.to_owned())),
                ])
            }
            None => Value::map([("S3Bucket", Value::from("")), ("S3Key", uri.clone())]),
        },
        (None, None) => Value::map([("ZipFile", Value::from(""))]),
    };
    lambda.properties.insert("Code".into(), code);
    let role = match sam.property("Role") {
        Some(role) => role.clone(),
        None => {
            let mut managed = vec![Value::arn(
                "iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            )];
            if sam.property("VpcConfig").is_some() {
                managed.push(Value::arn(
                    "iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
                ));
            }
            let role_id = format!("{logical_id}Role");
            let role = execution_role(
                &format!("SAM function {logical_id}"),
                &role_id,
                sam,
                "lambda.amazonaws.com",
                managed,
                notes,
            );
            out.insert(role_id.clone(), role);
            Value::get_att(role_id, "Arn")
        }
    };
    lambda.properties.insert("Role".into(), role);
    out.insert(logical_id.to_owned(), lambda);
    if let Some(config) = sam.property("FunctionUrlConfig").and_then(Value::as_map) {
        out.extend(function_url(logical_id, config));
    }
    let events = sam
        .property("Events")
        .and_then(Value::as_map)
        .cloned()
        .unwrap_or_default();
    for (event_name, event) in events {
        let properties = event
            .get("Properties")
            .and_then(Value::as_map)
            .cloned()
            .unwrap_or_default();
        match event.get("Type").and_then(Value::as_str) {
            Some("Api") => {
                let api = match properties.get("RestApiId") {
                    Some(api) => api.clone(),
                    None => {
                        *events_context.implicit_api_needed = true;
                        Value::reference(IMPLICIT_API)
                    }
                };
                out.extend(api_event(logical_id, &event_name, &properties, api));
            }
            Some("HttpApi") => {
                let api = match properties.get("ApiId") {
                    Some(api) => api.clone(),
                    None => {
                        *events_context.implicit_http_api_needed = true;
                        Value::reference(IMPLICIT_HTTP_API)
                    }
                };
                out.extend(http_api_event(
                    logical_id,
                    &event_name,
                    &properties,
                    api,
                    events_context.http_apis,
                ));
            }
            Some(kind @ ("SQS" | "Kinesis" | "DynamoDB" | "MSK")) => {
                let mut mapping = Resource::new("AWS::Lambda::EventSourceMapping")
                    .with_property("FunctionName", Value::reference(logical_id.to_owned()));
                let source_key = if kind == "SQS" { "Queue" } else { "Stream" };
                if let Some(source) = properties.get(source_key) {
                    mapping
                        .properties
                        .insert("EventSourceArn".into(), source.clone());
                }
                copy_map(
                    &properties,
                    &mut mapping,
                    &["BatchSize", "StartingPosition", "Enabled"],
                );
                out.insert(format!("{logical_id}{event_name}"), mapping);
            }
            other => notes.push(format!(
                "SAM function {logical_id}: event {event_name} of type {} is not expanded",
                other.unwrap_or("(none)")
            )),
        }
    }
    out
}

/// A function's `FunctionUrlConfig` as SAM expands it: the URL, and for `AuthType: NONE` the
/// permission that lets anyone call it
/// (<https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-functionurlconfig>).
fn function_url(function: &str, config: &Map) -> indexmap::IndexMap<String, Resource> {
    let mut out = indexmap::IndexMap::new();
    let mut url = Resource::new("AWS::Lambda::Url")
        .with_property("TargetFunctionArn", Value::reference(function.to_owned()));
    copy_map(config, &mut url, &["AuthType", "Cors", "InvokeMode"]);
    out.insert(format!("{function}Url"), url);
    if config.get("AuthType").and_then(Value::as_str) == Some("NONE") {
        let permission = Resource::new("AWS::Lambda::Permission")
            .with_property("Action", "lambda:InvokeFunctionUrl")
            .with_property("FunctionName", Value::reference(function.to_owned()))
            .with_property("FunctionUrlAuthType", "NONE")
            .with_property("Principal", "*");
        out.insert(format!("{function}UrlPublicPermissions"), permission);
    }
    out
}

/// The role SAM generates for a function or state machine that names none: trusted by
/// `service`, with the `managed` policies SAM always attaches, and the resource's `Policies`
/// (managed policy names, policy documents and policy templates) on top. `owner` names the
/// resource in the notes.
fn execution_role(
    owner: &str,
    role_id: &str,
    sam: &Resource,
    service: &str,
    mut managed: Vec<Value>,
    notes: &mut Vec<String>,
) -> Resource {
    let mut inline = Vec::new();
    for (index, policy) in sam
        .property("Policies")
        .map(|policies| match policies.as_list() {
            Some(items) => items.to_vec(),
            None => vec![policies.clone()],
        })
        .unwrap_or_default()
        .into_iter()
        .enumerate()
    {
        if let Some(name) = policy.as_str() {
            managed.push(Value::arn(format!("iam::aws:policy/{name}")));
        } else if policy.get("Statement").is_some() {
            inline.push(Value::map([
                ("PolicyName", Value::from(format!("{role_id}Policy{index}"))),
                ("PolicyDocument", policy.clone()),
            ]));
        } else {
            match policy_template(&policy) {
                Some(Ok(statement)) => inline.push(Value::map([
                    ("PolicyName", Value::from(format!("{role_id}Policy{index}"))),
                    (
                        "PolicyDocument",
                        Value::map([
                            ("Version", Value::from("2012-10-17")),
                            ("Statement", statement),
                        ]),
                    ),
                ])),
                Some(Err(reason)) => notes.push(format!("{owner}: {reason}; the role lacks it")),
                None => {
                    let named = policy
                        .as_map()
                        .filter(|entry| entry.len() == 1)
                        .and_then(|entry| entry.get_index(0))
                        .map_or_else(
                            || format!("policy {}", index + 1),
                            |(name, _)| format!("policy {}", name.as_str()),
                        );
                    notes.push(format!(
                        "{owner}: {named} is no policy template SAM knows; the role lacks it"
                    ));
                }
            }
        }
    }
    let mut role = Resource::new("AWS::IAM::Role").with_property(
        "AssumeRolePolicyDocument",
        Value::map([
            ("Version", Value::from("2012-10-17")),
            (
                "Statement",
                Value::list([Value::map([
                    ("Effect", Value::from("Allow")),
                    (
                        "Principal",
                        Value::map([("Service", Value::list([Value::from(service.to_owned())]))]),
                    ),
                    ("Action", Value::list([Value::from("sts:AssumeRole")])),
                ])]),
            ),
        ]),
    );
    if !managed.is_empty() {
        role.properties
            .insert("ManagedPolicyArns".into(), Value::list(managed));
    }
    if !inline.is_empty() {
        role.properties
            .insert("Policies".into(), Value::list(inline));
    }
    role.mark = sam.mark;
    role
}

/// A SAM state machine as SAM expands it
/// (<https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html>):
/// the state machine with its definition, logging and tracing, the role SAM generates when it
/// names none (its `Policies`, policy templates included), and for each schedule or EventBridge
/// event a rule that starts executions through a role of its own.
fn state_machine(
    logical_id: &str,
    sam: &Resource,
    notes: &mut Vec<String>,
) -> indexmap::IndexMap<String, Resource> {
    let mut out = indexmap::IndexMap::new();
    let mut machine = Resource::new("AWS::StepFunctions::StateMachine");
    machine.mark = sam.mark;
    machine.condition = sam.condition.clone();
    machine.depends_on = sam.depends_on.clone();
    copy(
        sam,
        &mut machine,
        &[
            ("Name", "StateMachineName"),
            ("Type", "StateMachineType"),
            ("Definition", "Definition"),
            ("DefinitionSubstitutions", "DefinitionSubstitutions"),
            ("Logging", "LoggingConfiguration"),
            ("Tracing", "TracingConfiguration"),
        ],
    );
    match sam.property("DefinitionUri") {
        Some(uri) if uri.as_map().is_some() => {
            machine
                .properties
                .insert("DefinitionS3Location".into(), uri.clone());
        }
        Some(uri) => match uri.as_str().and_then(|uri| uri.strip_prefix("s3://")) {
            Some(location) => {
                let (bucket, key) = location.split_once('/').unwrap_or((location, ""));
                machine.properties.insert(
                    "DefinitionS3Location".into(),
                    Value::map([
                        ("Bucket", Value::string(bucket.to_owned())),
                        ("Key", Value::string(key.to_owned())),
                    ]),
                );
            }
            None => notes.push(format!(
                "SAM state machine {logical_id}: DefinitionUri {} is a local file, which the import does not read; the tasks it calls give no flows",
                uri.as_str().unwrap_or("(not a string)")
            )),
        },
        None => {}
    }
    let role = match sam.property("Role") {
        Some(role) => role.clone(),
        None => {
            let role_id = format!("{logical_id}Role");
            let role = execution_role(
                &format!("SAM state machine {logical_id}"),
                &role_id,
                sam,
                "states.amazonaws.com",
                Vec::new(),
                notes,
            );
            out.insert(role_id.clone(), role);
            Value::get_att(role_id, "Arn")
        }
    };
    machine.properties.insert("RoleArn".into(), role);
    out.insert(logical_id.to_owned(), machine);
    let events = sam
        .property("Events")
        .and_then(Value::as_map)
        .cloned()
        .unwrap_or_default();
    for (event_name, event) in events {
        let properties = event
            .get("Properties")
            .and_then(Value::as_map)
            .cloned()
            .unwrap_or_default();
        match event.get("Type").and_then(Value::as_str) {
            Some("Schedule" | "CloudWatchEvent" | "EventBridgeRule") => {
                out.extend(start_execution_rule(logical_id, &event_name, &properties));
            }
            other => notes.push(format!(
                "SAM state machine {logical_id}: event {event_name} of type {} is not expanded",
                other.unwrap_or("(none)")
            )),
        }
    }
    out
}

/// The EventBridge rule a state machine's schedule or event pattern becomes, with the role
/// EventBridge assumes to start executions.
fn start_execution_rule(
    machine: &str,
    event_name: &str,
    properties: &Map,
) -> indexmap::IndexMap<String, Resource> {
    let role_id = format!("{machine}{event_name}Role");
    let role = Resource::new("AWS::IAM::Role")
        .with_property(
            "AssumeRolePolicyDocument",
            Value::map([
                ("Version", Value::from("2012-10-17")),
                (
                    "Statement",
                    Value::list([Value::map([
                        ("Effect", Value::from("Allow")),
                        (
                            "Principal",
                            Value::map([(
                                "Service",
                                Value::list([Value::from("events.amazonaws.com")]),
                            )]),
                        ),
                        ("Action", Value::list([Value::from("sts:AssumeRole")])),
                    ])]),
                ),
            ]),
        )
        .with_property(
            "Policies",
            Value::list([Value::map([
                (
                    "PolicyName",
                    Value::from(format!("{role_id}StartExecutionPolicy")),
                ),
                (
                    "PolicyDocument",
                    Value::map([
                        ("Version", Value::from("2012-10-17")),
                        (
                            "Statement",
                            Value::list([Value::map([
                                ("Effect", Value::from("Allow")),
                                ("Action", Value::from("states:StartExecution")),
                                ("Resource", Value::reference(machine.to_owned())),
                            ])]),
                        ),
                    ]),
                ),
            ])]),
        );
    let mut rule = Resource::new("AWS::Events::Rule").with_property(
        "Targets",
        Value::list([Value::map([
            ("Arn", Value::reference(machine.to_owned())),
            (
                "Id",
                Value::from(format!("{machine}{event_name}StepFunctionsTarget")),
            ),
            ("RoleArn", Value::get_att(role_id.clone(), "Arn")),
        ])]),
    );
    copy_map(
        properties,
        &mut rule,
        &[
            "Schedule",
            "Pattern",
            "EventBusName",
            "State",
            "Description",
        ],
    );
    // SAM's `Schedule` and `Pattern` are the rule's `ScheduleExpression` and `EventPattern`.
    for (sam_name, name) in [
        ("Schedule", "ScheduleExpression"),
        ("Pattern", "EventPattern"),
    ] {
        if let Some(value) = rule.properties.shift_remove(sam_name) {
            rule.properties.insert(name.into(), value);
        }
    }
    let mut out = indexmap::IndexMap::new();
    out.insert(format!("{machine}{event_name}"), rule);
    out.insert(role_id, role);
    out
}

/// The method and invoke permission an `Api` event stands for.
fn api_event(
    function: &str,
    event_name: &str,
    properties: &Map,
    api: Value,
) -> Vec<(String, Resource)> {
    let authorizer = properties
        .get("Auth")
        .and_then(|auth| auth.get("Authorizer"))
        .and_then(Value::as_str)
        .filter(|name| *name != "NONE");
    let (authorization_type, authorizer_id) = match authorizer {
        Some("AWS_IAM") => ("AWS_IAM", None),
        Some(name) => ("CUSTOM", Some(Value::reference(name.to_owned()))),
        None => ("NONE", None),
    };
    let http_method = properties
        .get("Method")
        .and_then(Value::as_str)
        .map_or_else(|| "ANY".to_owned(), |method| method.to_ascii_uppercase());
    let mut method = Resource::new("AWS::ApiGateway::Method")
        .with_property("RestApiId", api.clone())
        .with_property("ResourceId", Value::intrinsic(
            crate::value::Function::GetAtt,
            Value::list([Value::string(api.as_ref_target().unwrap_or(IMPLICIT_API).to_owned()), Value::from("RootResourceId")]),
        ))
        .with_property("HttpMethod", http_method)
        .with_property("AuthorizationType", authorization_type)
        .with_property(
            "Integration",
            Value::map([
                ("Type", Value::from("AWS_PROXY")),
                ("IntegrationHttpMethod", Value::from("POST")),
                (
                    "Uri",
                    Value::sub(format!(
                        "arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/${{{function}.Arn}}/invocations"
                    )),
                ),
            ]),
        );
    if let Some(authorizer_id) = authorizer_id {
        method
            .properties
            .insert("AuthorizerId".into(), authorizer_id);
    }
    if let Some(path) = properties.get("Path") {
        method.metadata = Some(Value::map([("SamPath", path.clone())]));
    }
    let permission = Resource::new("AWS::Lambda::Permission")
        .with_property("Action", "lambda:InvokeFunction")
        .with_property("FunctionName", Value::reference(function.to_owned()))
        .with_property("Principal", "apigateway.amazonaws.com");
    vec![
        (format!("{function}{event_name}Method"), method),
        (format!("{function}{event_name}Permission"), permission),
    ]
}

fn simple_table(sam: &Resource) -> Resource {
    let (key_name, key_type) = sam
        .property("PrimaryKey")
        .map(|key| {
            (
                key.get("Name")
                    .cloned()
                    .unwrap_or_else(|| Value::from("id")),
                match key.get("Type").and_then(Value::as_str) {
                    Some("Number") => "N",
                    Some("Binary") => "B",
                    _ => "S",
                },
            )
        })
        .unwrap_or_else(|| (Value::from("id"), "S"));
    let mut table = Resource::new("AWS::DynamoDB::Table")
        .with_property(
            "AttributeDefinitions",
            Value::list([Value::map([
                ("AttributeName", key_name.clone()),
                ("AttributeType", Value::from(key_type)),
            ])]),
        )
        .with_property(
            "KeySchema",
            Value::list([Value::map([
                ("AttributeName", key_name),
                ("KeyType", Value::from("HASH")),
            ])]),
        )
        .with_property("BillingMode", "PAY_PER_REQUEST");
    if let Some(name) = sam.property("TableName") {
        table.properties.insert("TableName".into(), name.clone());
    }
    if let Some(sse) = sam.property("SSESpecification") {
        table
            .properties
            .insert("SSESpecification".into(), sse.clone());
    }
    table.mark = sam.mark;
    table
}
