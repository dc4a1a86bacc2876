//! AppSync GraphQL APIs: public (`GLOBAL`) unless the design draws them internal (`PRIVATE`),
//! authenticating their callers as the flows into them say (IAM, a Cognito user pool, an API
//! key), logging resolver errors through a role of their own, traced, with the schema from the
//! artifact bucket and a data source (with its own role) for each function and table the design
//! draws them calling; and how one is read back, its data sources as flows.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-appsync-graphqlapi.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-appsync-datasource.html>.

use zta_model::{Auth, Component, ComponentKind, IdentityKind, Scheme};

use crate::export::builder::{Builder, tags};
use crate::export::roles::own_role_named;
use crate::import::eval::Sym;
use crate::import::{Disposition, Importer, ResourceKey};
use crate::kinds::edge::api_parts::api_auth;
use crate::policy::{allow_statement, inline_policy, policy_document, service_trust_policy};
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::AppSync::GraphQLApi";

/// A data source of an API: what its resolvers call.
pub(crate) const DATA_SOURCE: &str = "AWS::AppSync::DataSource";

/// The parts of an API that the design does not draw, read into the API.
const PARTS: [(&str, &str); 5] = [
    ("AWS::AppSync::GraphQLSchema", "the API's schema"),
    ("AWS::AppSync::ApiKey", "an API key of the API"),
    ("AWS::AppSync::Resolver", "a resolver of the API"),
    (
        "AWS::AppSync::FunctionConfiguration",
        "a pipeline function of the API",
    ),
    ("AWS::AppSync::ApiCache", "the API's cache"),
];

/// The managed policy that lets AppSync write an API's logs.
const PUSH_LOGS: &str = "arn:aws:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let api = b.logical_id(&c.id);
    let (auth, issuer) = api_auth(b, c);
    let pool = issuer
        .as_deref()
        .and_then(|id| b.identity(id))
        .filter(|identity| identity.kind == IdentityKind::CognitoUserPool)
        .cloned();
    let authentication = match (auth, &pool) {
        (Auth::Iam, _) => "AWS_IAM",
        (Auth::ApiKey, _) => "API_KEY",
        (Auth::Jwt, Some(_)) => "AMAZON_COGNITO_USER_POOLS",
        (Auth::None, _) if b.flows_to(&c.id).is_empty() => "AWS_IAM",
        (other, _) => {
            let drawn = match other {
                Auth::None => "no authentication",
                Auth::Jwt => "JWTs from an issuer that is no user pool of the design",
                Auth::Mtls => "mutual TLS",
                _ => "a password",
            };
            b.warn(format!(
                "AppSync API `{}` is drawn with {drawn}, which the export cannot give an AppSync API: it is exported with AWS_IAM, so callers must sign their requests",
                c.id
            ));
            "AWS_IAM"
        }
    };
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("Name", Value::sub(format!("${{AWS::StackName}}-{}", c.id)))
        .with_property("AuthenticationType", authentication)
        .with_property("XrayEnabled", true)
        .with_property(
            "Visibility",
            if c.properties.scheme == Some(Scheme::Internal) {
                "PRIVATE"
            } else {
                "GLOBAL"
            },
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    if let (Auth::Jwt, Some(pool)) = (auth, &pool) {
        let owner = b.unit_of_identity(pool);
        resource = resource.with_property(
            "UserPoolConfig",
            Value::map([
                (
                    "UserPoolId",
                    b.reference(&unit, &owner, &b.logical_id(&pool.id), None),
                ),
                ("AwsRegion", Value::reference("AWS::Region")),
                ("DefaultAction", Value::string("ALLOW")),
            ]),
        );
    }
    if c.properties.logging != Some(false) {
        let role = own_role_named(
            b,
            &unit,
            c,
            "LogsRole",
            "appsync.amazonaws.com",
            vec![crate::policy::portable_arn(PUSH_LOGS)],
        );
        resource = resource.with_property(
            "LogConfig",
            Value::map([
                ("CloudWatchLogsRoleArn", Value::get_att(role, "Arn")),
                // Errors with their request, without the resolvers' data: the log says who
                // failed to do what, and keeps personal data out of the logs.
                ("FieldLogLevel", Value::string("ERROR")),
                ("ExcludeVerboseContent", Value::from(true)),
            ]),
        );
    }
    b.put(&unit, api.clone(), &c.id, group.clone(), resource);
    let bucket = b.parameter(
        &unit,
        "SchemaBucket",
        Parameter::new("String").with(
            "Description",
            "The S3 bucket holding the GraphQL APIs' schemas (KEY: <API id>.graphql).",
        ),
    );
    b.put(
        &unit,
        b.logical_id_for(&c.id, "Schema"),
        &c.id,
        group.clone(),
        Resource::new("AWS::AppSync::GraphQLSchema")
            .with_property("ApiId", Value::get_att(&api, "ApiId"))
            .with_property(
                "DefinitionS3Location",
                Value::sub_with(
                    format!("s3://${{Bucket}}/{}.graphql", c.id),
                    [("Bucket", bucket)],
                ),
            ),
    );
    if authentication == "API_KEY" {
        b.put(
            &unit,
            b.logical_id_for(&c.id, "ApiKey"),
            &c.id,
            group.clone(),
            Resource::new("AWS::AppSync::ApiKey")
                .with_property("ApiId", Value::get_att(&api, "ApiId")),
        );
    }
    data_sources(b, &unit, c, &api);
}

/// A data source, with a role of its own, for each function and table a flow of the API calls.
fn data_sources(b: &mut Builder<'_>, unit: &str, c: &Component, api: &str) {
    let calls: Vec<(zta_model::Flow, Component)> = b
        .flows_from(&c.id)
        .iter()
        .filter_map(|flow| {
            b.component(&flow.target)
                .map(|t| ((*flow).clone(), t.clone()))
        })
        .filter(|(_, target)| {
            matches!(
                target.kind,
                ComponentKind::LambdaFunction | ComponentKind::DynamodbTable
            )
        })
        .collect();
    for (flow, target) in calls {
        let (kind, default_actions) = match target.kind {
            ComponentKind::LambdaFunction => ("AWS_LAMBDA", vec!["lambda:InvokeFunction"]),
            _ => (
                "AMAZON_DYNAMODB",
                vec!["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
            ),
        };
        let actions: Vec<String> = if flow.actions.is_empty() {
            default_actions.into_iter().map(str::to_owned).collect()
        } else {
            flow.actions.clone()
        };
        let arns = crate::export::statements::target_arns(b, unit, &target, &actions);
        let role = b.logical_id_for(&flow.id, "DataSourceRole");
        b.put(
            unit,
            role.clone(),
            &flow.id,
            crate::export::builder::Group::Security,
            Resource::new("AWS::IAM::Role")
                .with_property(
                    "AssumeRolePolicyDocument",
                    service_trust_policy("appsync.amazonaws.com"),
                )
                .with_property(
                    "Policies",
                    inline_policy(
                        "data-source",
                        policy_document(vec![allow_statement("DataSource", &actions, arns)]),
                    ),
                ),
        );
        let target_unit = b.unit_of_component(&target);
        let config = match target.kind {
            ComponentKind::LambdaFunction => (
                "LambdaConfig",
                Value::map([(
                    "LambdaFunctionArn",
                    b.reference(unit, &target_unit, &b.logical_id(&target.id), Some("Arn")),
                )]),
            ),
            _ => (
                "DynamoDBConfig",
                Value::map([
                    (
                        "TableName",
                        b.reference(unit, &target_unit, &b.logical_id(&target.id), None),
                    ),
                    ("AwsRegion", Value::reference("AWS::Region")),
                ]),
            ),
        };
        let name: String = flow
            .id
            .chars()
            .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '_' })
            .collect();
        b.put(
            unit,
            b.logical_id_for(&flow.id, "DataSource"),
            &flow.id,
            b.workload_group(c),
            Resource::new(DATA_SOURCE)
                .with_property("ApiId", Value::get_att(api.to_owned(), "ApiId"))
                .with_property("Name", name)
                .with_property("Type", kind)
                .with_property(config.0, config.1)
                .with_property("ServiceRoleArn", Value::get_att(role, "Arn")),
        );
    }
}

/// Reads `AWS::AppSync::GraphQLApi` into a component: `GLOBAL` is internet-facing, `PRIVATE`
/// internal; logging is on when a log level other than `NONE` is set. Its schema, keys,
/// resolvers and functions are read into it; its data sources and the ways callers
/// authenticate become flows (`import::flows::edge`).
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::AppsyncApi);
    component.properties.scheme = match im.property(key.0, &key.1, &["Visibility"]) {
        Sym::NoValue => Some(Scheme::InternetFacing),
        Sym::Text(visibility) => Some(if visibility == "PRIVATE" {
            Scheme::Internal
        } else {
            Scheme::InternetFacing
        }),
        _ => None,
    };
    component.properties.logging = match im.property(key.0, &key.1, &["LogConfig", "FieldLogLevel"])
    {
        Sym::NoValue => Some(false),
        Sym::Text(level) => Some(level != "NONE"),
        // A level given by a parameter is not known from the template: not judged.
        _ => {
            component.not_known.push("logging".to_owned());
            None
        }
    };
    let element = component.id.clone();
    for (resource_type, how) in PARTS {
        for part in im.referring(resource_type, &["ApiId"], key) {
            im.mark(
                part,
                Disposition::Absorbed {
                    element: Some(element.clone()),
                    how: how.to_owned(),
                },
            );
        }
    }
    Some(component)
}
