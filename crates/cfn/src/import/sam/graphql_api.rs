//! SAM's `AWS::Serverless::GraphQLApi`, expanded to the AppSync resources SAM writes.

use super::copy::{copy, copy_map};
use crate::template::Resource;
use crate::value::{Map, Value, ValueKind};

/// A SAM GraphQL API as SAM expands it
/// (<https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-graphqlapi.html>):
/// the API with its authentication, logging (SAM logs every field, without verbose content,
/// through a role it generates, unless `Logging: false`) and tracing, its schema, its API keys,
/// and its DynamoDB and Lambda data sources.
pub(super) fn graphql_api(
    logical_id: &str,
    sam: &Resource,
) -> indexmap::IndexMap<String, Resource> {
    let mut out = indexmap::IndexMap::new();
    let mut api = Resource::new("AWS::AppSync::GraphQLApi")
        .with_property("Name", Value::from(logical_id.to_owned()));
    api.mark = sam.mark;
    api.condition = sam.condition.clone();
    copy(
        sam,
        &mut api,
        &[("Name", "Name"), ("XrayEnabled", "XrayEnabled")],
    );
    let provider = |auth: &Map| {
        let mut provider = Resource::new("provider");
        for (sam_name, name) in [
            ("Type", "AuthenticationType"),
            ("UserPool", "UserPoolConfig"),
            ("OpenIDConnect", "OpenIDConnectConfig"),
            ("LambdaAuthorizer", "LambdaAuthorizerConfig"),
        ] {
            if let Some(value) = auth.get(sam_name) {
                provider.properties.insert(name.into(), value.clone());
            }
        }
        provider.properties
    };
    if let Some(auth) = sam.property("Auth").and_then(Value::as_map) {
        api.properties.extend(provider(auth));
        let additional: Vec<Value> = auth
            .get("Additional")
            .and_then(Value::as_list)
            .unwrap_or_default()
            .iter()
            .filter_map(Value::as_map)
            .map(|entry| Value::new(ValueKind::Map(provider(entry))))
            .collect();
        if !additional.is_empty() {
            api.properties.insert(
                "AdditionalAuthenticationProviders".into(),
                Value::list(additional),
            );
        }
    }
    match sam.property("Logging") {
        Some(logging) if logging.as_map().is_some() => {
            api.properties.insert("LogConfig".into(), logging.clone());
        }
        Some(logging) if logging.as_bool() == Some(false) => {}
        _ => {
            let role_id = format!("{logical_id}CloudWatchRole");
            let role = Resource::new("AWS::IAM::Role")
                .with_property(
                    "AssumeRolePolicyDocument",
                    crate::policy::service_trust_policy("appsync.amazonaws.com"),
                )
                .with_property(
                    "ManagedPolicyArns",
                    Value::list([Value::arn(
                        "iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs",
                    )]),
                );
            out.insert(role_id.clone(), role);
            api.properties.insert(
                "LogConfig".into(),
                Value::map([
                    ("CloudWatchLogsRoleArn", Value::get_att(role_id, "Arn")),
                    ("FieldLogLevel", Value::from("ALL")),
                    ("ExcludeVerboseContent", Value::from(true)),
                ]),
            );
        }
    }
    out.insert(logical_id.to_owned(), api);
    let api_id = Value::get_att(logical_id.to_owned(), "ApiId");
    let mut schema =
        Resource::new("AWS::AppSync::GraphQLSchema").with_property("ApiId", api_id.clone());
    copy(
        sam,
        &mut schema,
        &[
            ("SchemaInline", "Definition"),
            ("SchemaUri", "DefinitionS3Location"),
        ],
    );
    out.insert(format!("{logical_id}Schema"), schema);
    for (name, _) in sam
        .property("ApiKeys")
        .and_then(Value::as_map)
        .cloned()
        .unwrap_or_default()
    {
        out.insert(
            format!("{logical_id}{}", name.as_str()),
            Resource::new("AWS::AppSync::ApiKey").with_property("ApiId", api_id.clone()),
        );
    }
    let sources = sam
        .property("DataSources")
        .and_then(Value::as_map)
        .cloned()
        .unwrap_or_default();
    for (group, kind, config, names) in [
        (
            "DynamoDb",
            "AMAZON_DYNAMODB",
            "DynamoDBConfig",
            &[("TableName", "TableName"), ("Region", "AwsRegion")][..],
        ),
        (
            "Lambda",
            "AWS_LAMBDA",
            "LambdaConfig",
            &[("FunctionArn", "LambdaFunctionArn")][..],
        ),
    ] {
        let entries = sources
            .get(group)
            .and_then(Value::as_map)
            .cloned()
            .unwrap_or_default();
        for (name, entry) in entries {
            let Some(entry) = entry.as_map() else {
                continue;
            };
            let mut settings = Resource::new("settings");
            for (sam_name, cfn_name) in names {
                if let Some(value) = entry.get(sam_name) {
                    settings
                        .properties
                        .insert((*cfn_name).to_owned().into(), value.clone());
                }
            }
            let mut source = Resource::new("AWS::AppSync::DataSource")
                .with_property("ApiId", api_id.clone())
                .with_property("Name", Value::from(name.as_str().to_owned()))
                .with_property("Type", kind)
                .with_property(config, Value::new(ValueKind::Map(settings.properties)));
            copy_map(entry, &mut source, &["ServiceRoleArn"]);
            out.insert(format!("{logical_id}{}DataSource", name.as_str()), source);
        }
    }
    out
}
