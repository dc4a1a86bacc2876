//! ZT-IAM-030: a carried resource policy allows anyone.

use serde_json::Value;
use zta_model::Design;

use crate::carried::settings::{Setting, resolve, settings};
use crate::carried::{self, CarriedResource};
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags resource policies in the design's `carried_cloudformation` (bucket, access point,
    /// queue, topic, key, repository, secret, log, event bus, search domain, file system, API,
    /// backup vault, stream, table and role trust policies, whether written as objects or as
    /// JSON text) with an allow statement for anyone: principal `*`, `{AWS: "*"}` or a
    /// `NotPrincipal`, without a condition that narrows who may call (`aws:PrincipalOrgID`,
    /// `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceVpce` and the like). Lambda and layer
    /// permissions granted to `*` without a source account, source ARN or organization are
    /// flagged too. A policy computed at deployment is not judged.
    ///
    /// ## Why it matters
    /// A statement for anyone opens the resource to every AWS account and often to anonymous
    /// requests, whatever the network says; in carried CloudFormation it is drawn nowhere, so
    /// only its policy shows it.
    ///
    /// ## Example
    /// ```yaml
    /// carried_cloudformation:
    ///   Resources:
    ///     QueuePolicy:
    ///       Type: AWS::SQS::QueuePolicy
    ///       Properties:
    ///         Queues: [https://sqs.eu-west-1.amazonaws.com/111122223333/orders]
    ///         PolicyDocument:
    ///           Statement: [{Effect: Allow, Principal: {AWS: '*'}, Action: 'sqs:*', Resource: '*'}]
    /// ```
    ///
    /// ## What to do instead
    /// Name the principals, or narrow the statement with conditions on the caller's
    /// organization, account, source ARN or VPC endpoint.
    code: "ZT-IAM-030",
    name: "carried-public-principal",
    title: "Carried resource policy allows anyone",
    family: LeastPrivilege,
    severity: Critical,
    tenets: [T6],
    pillar: Data,
    check: check,
}

/// The policy document of each resource type that has one (AWS CloudFormation resource
/// reference of each type).
const POLICY_DOCUMENTS: &[(&str, &str)] = &[
    ("AWS::S3::BucketPolicy", "PolicyDocument"),
    ("AWS::S3::AccessPoint", "Policy"),
    ("AWS::S3Express::BucketPolicy", "PolicyDocument"),
    ("AWS::SQS::QueuePolicy", "PolicyDocument"),
    ("AWS::SQS::QueueInlinePolicy", "PolicyDocument"),
    ("AWS::SNS::TopicPolicy", "PolicyDocument"),
    ("AWS::SNS::TopicInlinePolicy", "PolicyDocument"),
    ("AWS::KMS::Key", "KeyPolicy"),
    ("AWS::ECR::Repository", "RepositoryPolicyText"),
    ("AWS::ECR::RegistryPolicy", "PolicyText"),
    ("AWS::SecretsManager::ResourcePolicy", "ResourcePolicy"),
    ("AWS::Logs::ResourcePolicy", "PolicyDocument"),
    ("AWS::Logs::Destination", "DestinationPolicy"),
    ("AWS::Events::EventBusPolicy", "Statement"),
    ("AWS::OpenSearchService::Domain", "AccessPolicies"),
    ("AWS::Elasticsearch::Domain", "AccessPolicies"),
    ("AWS::EFS::FileSystem", "FileSystemPolicy"),
    ("AWS::ApiGateway::RestApi", "Policy"),
    ("AWS::Backup::BackupVault", "AccessPolicy"),
    ("AWS::Kinesis::ResourcePolicy", "ResourcePolicy"),
    ("AWS::DynamoDB::Table", "ResourcePolicy.PolicyDocument"),
    ("AWS::CodeArtifact::Domain", "PermissionsPolicyDocument"),
    ("AWS::CodeArtifact::Repository", "PermissionsPolicyDocument"),
    ("AWS::EventSchemas::RegistryPolicy", "Policy"),
    ("AWS::MediaStore::Container", "Policy"),
    ("AWS::IAM::Role", "AssumeRolePolicyDocument"),
];

/// Permissions that name one principal, and the properties that narrow who it may be.
const PERMISSIONS: &[(&str, &[&str])] = &[
    (
        "AWS::Lambda::Permission",
        &[
            "SourceArn",
            "SourceAccount",
            "PrincipalOrgID",
            "FunctionUrlAuthType",
        ],
    ),
    ("AWS::Lambda::LayerVersionPermission", &["OrganizationId"]),
];

/// Condition keys that narrow who may call, compared in lower case (IAM global condition
/// context keys, and the service keys that name the calling account).
const NARROWING_KEYS: &[&str] = &[
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:sourceaccount",
    "aws:sourcearn",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:sourceowner",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:sourceip",
    "aws:vpcsourceip",
    "aws:userid",
    "aws:username",
    "kms:calleraccount",
    "kms:viaservice",
];

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for resource in carried::resources(cx.design) {
        if let Some((_, path)) = POLICY_DOCUMENTS
            .iter()
            .find(|(resource_type, _)| *resource_type == resource.resource_type)
        {
            judge_document(cx.design, out, &resource, path);
        } else if let Some((_, narrowing)) = PERMISSIONS
            .iter()
            .find(|(resource_type, _)| *resource_type == resource.resource_type)
        {
            judge_permission(cx.design, out, &resource, narrowing);
        }
    }
}

fn judge_document(design: &Design, out: &mut Emitter, resource: &CarriedResource<'_>, path: &str) {
    let subject = carried::subject("Resources", resource.logical_id);
    let mut judged = false;
    let mut open = Vec::new();
    for setting in settings(design, resource.properties, path) {
        let Setting::Known(document) = setting else {
            continue;
        };
        // Some services take the policy as JSON text (`AccessPolicies`, `ResourcePolicy` of
        // Logs); a text that is not JSON is computed at deployment (`Fn::Sub`) or invalid.
        let parsed;
        let document = match document {
            Value::String(text) => match serde_json::from_str::<Value>(text) {
                Ok(value) => {
                    parsed = value;
                    &parsed
                }
                Err(_) => continue,
            },
            other => other,
        };
        judged = true;
        // An event bus policy's `Statement` property is one statement.
        let statements = match document.get("Statement") {
            Some(statements) => carried::one_or_many(Some(statements)),
            None if path == "Statement" => vec![document],
            None => Vec::new(),
        };
        for statement in statements {
            for candidate in resolve(design, statement, 0) {
                if let Setting::Known(statement) = candidate
                    && let Some(actions) = open_statement(design, statement)
                {
                    open.push(actions);
                }
            }
        }
    }
    if judged {
        out.evaluate(&subject);
    }
    if !open.is_empty() {
        out.report_carried(
            format!(
                "Carried resource `{}` ({}) allows anyone (`*`) to {}",
                resource.logical_id,
                resource.resource_type,
                open.join("; ")
            ),
            &subject,
            format!(
                "Name the principals in the policy of `{}`, or narrow it with a condition such as `aws:PrincipalOrgID`, `aws:SourceArn` or `aws:SourceVpce`.",
                resource.logical_id
            ),
        );
    }
}

/// The actions an allow statement grants to anyone without a narrowing condition, if it does.
fn open_statement(design: &Design, statement: &Value) -> Option<String> {
    let effect = statement.get("Effect").and_then(Value::as_str);
    if effect.is_some_and(|effect| !effect.eq_ignore_ascii_case("Allow")) {
        return None;
    }
    let anyone = statement.get("NotPrincipal").is_some()
        || statement
            .get("Principal")
            .is_some_and(|principal| names_anyone(design, principal));
    if !anyone || narrowed(statement.get("Condition")) {
        return None;
    }
    let actions: Vec<String> = carried::one_or_many(
        statement
            .get("Action")
            .or_else(|| statement.get("NotAction")),
    )
    .into_iter()
    .filter_map(carried::spelled)
    .collect();
    Some(if actions.is_empty() {
        "act".to_owned()
    } else {
        actions.join(", ")
    })
}

/// Whether a principal is anyone: `*`, or `*` under `AWS` (IAM: "AWS JSON policy elements:
/// Principal", anonymous users).
fn names_anyone(design: &Design, principal: &Value) -> bool {
    resolve(design, principal, 0)
        .into_iter()
        .any(|setting| match setting {
            Setting::Known(Value::String(text)) => text == "*",
            Setting::Known(Value::Object(map)) => map
                .get("AWS")
                .into_iter()
                .flat_map(|value| carried::one_or_many(Some(value)))
                .any(|value| value.as_str() == Some("*")),
            _ => false,
        })
}

/// Whether a statement's conditions narrow who may call.
fn narrowed(condition: Option<&Value>) -> bool {
    condition
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|operators| operators.values())
        .filter_map(Value::as_object)
        .flat_map(|tests| tests.keys())
        .any(|key| NARROWING_KEYS.contains(&key.to_ascii_lowercase().as_str()))
}

fn judge_permission(
    design: &Design,
    out: &mut Emitter,
    resource: &CarriedResource<'_>,
    narrowing: &[&str],
) {
    let subject = carried::subject("Resources", resource.logical_id);
    let principals = settings(design, resource.properties, "Principal");
    if principals
        .iter()
        .all(|setting| matches!(setting, Setting::Unknown))
    {
        return;
    }
    out.evaluate(&subject);
    let anyone = principals
        .iter()
        .any(|setting| matches!(setting, Setting::Known(Value::String(text)) if text == "*"));
    let narrowed = narrowing.iter().any(|name| {
        resource
            .properties
            .is_some_and(|properties| properties.contains_key(*name))
    });
    if anyone && !narrowed {
        let action = resource
            .properties
            .and_then(|properties| properties.get("Action"))
            .and_then(carried::spelled)
            .unwrap_or_else(|| "use it".to_owned());
        out.report_carried(
            format!(
                "Carried resource `{}` ({}) allows anyone (`*`) to {action}",
                resource.logical_id, resource.resource_type
            ),
            &subject,
            format!(
                "Name the principal of `{}`, or set {} to narrow who may call.",
                resource.logical_id,
                narrowing.join(" or ")
            ),
        );
    }
}
