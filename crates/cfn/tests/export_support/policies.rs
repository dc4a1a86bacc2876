//! The IAM policy documents of a template (identity policies of roles, users, groups, managed
//! policies and permission sets), with intrinsic functions resolved to plausible values so that
//! parliament can check actions against resource ARNs.

use zta_cfn::{Function, Template, Value, ValueKind};

const ACCOUNT: &str = "111122223333";
const REGION: &str = "eu-west-1";

/// Every identity policy document, named `<stack>-<resource>-<n>`.
pub fn identity_policies(stack: &str, template: &Template) -> Vec<(String, serde_json::Value)> {
    let mut found = Vec::new();
    for (logical, resource) in &template.resources {
        let mut documents: Vec<&Value> = Vec::new();
        match resource.resource_type.as_str() {
            "AWS::IAM::Role" | "AWS::IAM::User" | "AWS::IAM::Group" => {
                for policy in resource
                    .property("Policies")
                    .and_then(Value::as_list)
                    .unwrap_or_default()
                {
                    documents.extend(policy.get("PolicyDocument"));
                }
            }
            "AWS::IAM::ManagedPolicy" | "AWS::IAM::Policy" | "AWS::IAM::RolePolicy" => {
                documents.extend(resource.property("PolicyDocument"));
            }
            "AWS::SSO::PermissionSet" => documents.extend(resource.property("InlinePolicy")),
            _ => {}
        }
        for (index, document) in documents.into_iter().enumerate() {
            found.push((
                format!("{stack}-{logical}-{index}"),
                resolve(template, document),
            ));
        }
    }
    found
}

fn arn_of(template: &Template, logical: &str, attribute: Option<&str>) -> String {
    let name = logical.to_lowercase();
    let kind = template
        .resources
        .get(logical)
        .map(|r| r.resource_type.as_str())
        .unwrap_or("");
    match (kind, attribute) {
        (_, Some("DbiResourceId")) => format!("db-{name}"),
        ("AWS::S3::Bucket", None) => name,
        ("AWS::S3::Bucket", _) => format!("arn:aws:s3:::{name}"),
        ("AWS::DynamoDB::Table", _) => format!("arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{name}"),
        ("AWS::Logs::LogGroup", Some(_)) => {
            format!("arn:aws:logs:{REGION}:{ACCOUNT}:log-group:{name}:*")
        }
        ("AWS::SQS::Queue", Some(_)) => format!("arn:aws:sqs:{REGION}:{ACCOUNT}:{name}"),
        ("AWS::KMS::Key", Some(_)) => format!("arn:aws:kms:{REGION}:{ACCOUNT}:key/{name}"),
        ("AWS::ECR::Repository", Some(_)) => {
            format!("arn:aws:ecr:{REGION}:{ACCOUNT}:repository/{name}")
        }
        ("AWS::Lambda::Function", Some(_)) => {
            format!("arn:aws:lambda:{REGION}:{ACCOUNT}:function:{name}")
        }
        ("AWS::EKS::Cluster", Some(_)) => format!("arn:aws:eks:{REGION}:{ACCOUNT}:cluster/{name}"),
        ("AWS::CloudTrail::Trail", Some(_)) => {
            format!("arn:aws:cloudtrail:{REGION}:{ACCOUNT}:trail/{name}")
        }
        ("AWS::IAM::Role", Some(_)) => format!("arn:aws:iam::{ACCOUNT}:role/{name}"),
        ("AWS::Cognito::UserPool", Some(_)) => {
            format!("arn:aws:cognito-idp:{REGION}:{ACCOUNT}:userpool/{name}")
        }
        ("AWS::SNS::Topic", None) => format!("arn:aws:sns:{REGION}:{ACCOUNT}:{name}"),
        ("AWS::SecretsManager::Secret", None) => {
            format!("arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:{name}")
        }
        ("AWS::ElasticLoadBalancingV2::LoadBalancer", None) => {
            format!("arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:loadbalancer/app/{name}/1")
        }
        ("AWS::ECS::Service", None) => {
            format!("arn:aws:ecs:{REGION}:{ACCOUNT}:service/cluster/{name}")
        }
        _ => name,
    }
}

fn substitute(
    template: &Template,
    text: &str,
    variables: &serde_json::Map<String, serde_json::Value>,
) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find('}').unwrap_or(after.len());
        let name = &after[..end];
        let value = match name {
            "AWS::Partition" => "aws".to_owned(),
            "AWS::Region" => REGION.to_owned(),
            "AWS::AccountId" => ACCOUNT.to_owned(),
            "AWS::URLSuffix" => "amazonaws.com".to_owned(),
            "AWS::StackName" => "stack".to_owned(),
            _ => match variables.get(name) {
                Some(serde_json::Value::String(text)) => text.clone(),
                _ => match name.split_once('.') {
                    Some((resource, attribute)) => arn_of(template, resource, Some(attribute)),
                    None => arn_of(template, name, None),
                },
            },
        };
        out.push_str(&value);
        rest = after.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// The value with every intrinsic function replaced by a plausible result.
pub fn resolve(template: &Template, value: &Value) -> serde_json::Value {
    match &value.kind {
        ValueKind::Null => serde_json::Value::Null,
        ValueKind::Bool(flag) => serde_json::Value::Bool(*flag),
        ValueKind::Number(number) => {
            serde_json::from_str(number.as_str()).unwrap_or(serde_json::Value::Null)
        }
        ValueKind::String(text) => serde_json::Value::String(text.to_string()),
        ValueKind::List(items) => {
            serde_json::Value::Array(items.iter().map(|i| resolve(template, i)).collect())
        }
        ValueKind::Map(map) => serde_json::Value::Object(
            map.iter()
                .map(|(k, v)| (k.to_string(), resolve(template, v)))
                .collect(),
        ),
        ValueKind::Tagged { value, .. } => resolve(template, value),
        ValueKind::Intrinsic(intrinsic) => {
            let text = match intrinsic.function {
                Function::Ref => {
                    let name = intrinsic.argument.as_str().unwrap_or_default();
                    if template.parameters.contains_key(name) {
                        format!(
                            "arn:aws:iam::{ACCOUNT}:role/parameter-{}",
                            name.to_lowercase()
                        )
                    } else {
                        arn_of(template, name, None)
                    }
                }
                Function::GetAtt => {
                    let (resource, attribute) = value.as_get_att().unwrap_or_default();
                    arn_of(template, resource, Some(attribute))
                }
                Function::Sub => match &intrinsic.argument.kind {
                    ValueKind::String(text) => substitute(template, text, &serde_json::Map::new()),
                    ValueKind::List(items) => {
                        let text = items.first().and_then(Value::as_str).unwrap_or_default();
                        let variables = match items.get(1).map(|v| resolve(template, v)) {
                            Some(serde_json::Value::Object(map)) => map,
                            _ => serde_json::Map::new(),
                        };
                        substitute(template, text, &variables)
                    }
                    _ => String::new(),
                },
                Function::ImportValue => "imported".to_owned(),
                _ => return resolve(template, &intrinsic.argument),
            };
            serde_json::Value::String(text)
        }
    }
}
