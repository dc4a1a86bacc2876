use zta_model::{Component, ComponentKind, Effect, Flow, Identity, IdentityKind, PolicyStatement};

use crate::export::builder::Builder;
use crate::policy::{inline_policy, policy_document};
use crate::template::Resource;
use crate::value::Value;
/// Model statements as IAM JSON; resources that name design elements become their ARNs.
pub(crate) fn statements(
    b: &mut Builder<'_>,
    unit: &str,
    statements: &[PolicyStatement],
    resource_policy: bool,
) -> Vec<Value> {
    statements
        .iter()
        .map(|statement| {
            let mut map = crate::value::Map::default();
            if let Some(sid) = &statement.sid {
                map.insert("Sid".into(), Value::string(sid));
            }
            let effect = match statement.effect {
                Effect::Allow => "Allow",
                Effect::Deny => "Deny",
            };
            map.insert("Effect".into(), Value::string(effect));
            if resource_policy || !statement.principals.is_empty() {
                map.insert(
                    "Principal".into(),
                    principal(b, unit, &statement.principals),
                );
            }
            map.insert(
                "Action".into(),
                Value::list(statement.actions.iter().map(Value::string)),
            );
            let resources: Vec<Value> = if statement.resources.is_empty() {
                vec![Value::string("*")]
            } else {
                statement
                    .resources
                    .iter()
                    .map(|r| resource_arn(b, unit, r))
                    .collect()
            };
            map.insert("Resource".into(), Value::list(resources));
            if !statement.conditions.is_empty() {
                let conditions = statement.conditions.iter().map(|(operator, keys)| {
                    let keys = keys.iter().map(|(key, values)| {
                        (
                            key.clone(),
                            Value::list(values.iter().map(|value| b.design_text(value))),
                        )
                    });
                    (operator.clone(), Value::map(keys))
                });
                map.insert("Condition".into(), Value::map(conditions));
            }
            Value::from(map)
        })
        .collect()
}

/// The name of the inline policy that holds the statements an identity's design states, apart
/// from what the export derives from flows ([`crate::policy::FLOW_POLICY_NAME`]).
pub(crate) const STATED_POLICY_NAME: &str = "design-policy";

/// The kinds of principal IAM knows, as an import writes them before the principal
/// (`Service:logs.amazonaws.com`); a principal without one is an AWS principal.
pub(crate) const PRINCIPAL_KINDS: [&str; 4] = ["AWS", "Service", "Federated", "CanonicalUser"];

/// The `Principal` of a statement: `*` for anyone, else the principals by kind.
pub(crate) fn principal(b: &mut Builder<'_>, unit: &str, principals: &[String]) -> Value {
    if principals.is_empty() || principals.iter().all(|p| p == "*") {
        return Value::string("*");
    }
    let mut by_kind: Vec<(&str, Vec<Value>)> = Vec::new();
    for written in principals {
        let (kind, principal) = PRINCIPAL_KINDS
            .iter()
            .find_map(|kind| {
                written
                    .strip_prefix(kind)
                    .and_then(|rest| rest.strip_prefix(':'))
                    .map(|rest| (*kind, rest))
            })
            .unwrap_or(("AWS", written.as_str()));
        let value = match kind {
            "AWS" => principal_arn(b, unit, principal),
            _ => b.design_text(principal),
        };
        match by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, values)) => values.push(value),
            None => by_kind.push((kind, vec![value])),
        }
    }
    Value::map(
        by_kind
            .into_iter()
            .map(|(kind, values)| (kind, Value::list(values))),
    )
}

/// An AWS principal written in a model statement: an identity id, an account id, `*`, or an
/// ARN.
pub(crate) fn principal_arn(b: &mut Builder<'_>, unit: &str, principal: &str) -> Value {
    if principal == "*" {
        return Value::string("*");
    }
    if b.identity(principal).is_some() {
        return b.role_arn(unit, principal);
    }
    if principal.len() == 12 && principal.chars().all(|c| c.is_ascii_digit()) {
        return Value::arn(format!("iam::{principal}:root"));
    }
    if let Some(account) = b.segment(principal).and_then(|s| s.account_id.clone()) {
        return Value::arn(format!("iam::{account}:root"));
    }
    b.design_text(principal)
}

/// A resource written in a model statement: a design element id, or an ARN.
pub(crate) fn resource_arn(b: &mut Builder<'_>, unit: &str, resource: &str) -> Value {
    if let Some(component) = b.component(resource) {
        return target_arns(b, unit, component, &[])
            .into_iter()
            .next()
            .unwrap_or_else(|| Value::string("*"));
    }
    if b.identity(resource).is_some() {
        return b.role_arn(unit, resource);
    }
    b.design_text(resource)
}

/// The account part of ARNs of resources in `target_unit`, seen from `unit`.
pub(crate) fn account_of(b: &Builder<'_>, unit: &str, target_unit: &str) -> String {
    if unit == target_unit {
        return "${AWS::AccountId}".into();
    }
    b.segment(target_unit)
        .and_then(|s| s.account_id.clone())
        .unwrap_or_else(|| "${AWS::AccountId}".into())
}

/// Whether an S3 action acts on objects (and so on `bucket/*`) rather than on the bucket.
pub(crate) fn is_object_action(action: &str) -> bool {
    let name = action.strip_prefix("s3:").unwrap_or(action);
    name.contains("Object")
        || name.starts_with("AbortMultipartUpload")
        || name.starts_with("ListMultipartUploadParts")
        || name == "*"
}

/// The ARNs a flow's actions act on, for a target component; one ARN per resource level.
pub(crate) fn target_arns(
    b: &mut Builder<'_>,
    unit: &str,
    target: &Component,
    actions: &[String],
) -> Vec<Value> {
    let target_unit = b.unit_of_component(target);
    let main = b.logical_id(&target.id);
    let account = account_of(b, unit, &target_unit);
    let with_ref = |b: &mut Builder<'_>, text: String, attribute: Option<&str>| {
        let value = b.reference(unit, &target_unit, &main, attribute);
        Value::sub_with(text, [("Target", value)])
    };
    match target.kind {
        ComponentKind::S3Bucket => {
            let bucket = b.reference(unit, &target_unit, &main, None);
            let objects = actions.is_empty() || actions.iter().any(|a| is_object_action(a));
            let bucket_level = actions.is_empty() || actions.iter().any(|a| !is_object_action(a));
            let mut arns = Vec::new();
            if bucket_level {
                arns.push(Value::sub_with(
                    "arn:${AWS::Partition}:s3:::${Target}",
                    [("Target", bucket.clone())],
                ));
            }
            if objects {
                arns.push(Value::sub_with(
                    "arn:${AWS::Partition}:s3:::${Target}/*",
                    [("Target", bucket)],
                ));
            }
            arns
        }
        ComponentKind::Rds if actions.iter().all(|a| a.starts_with("rds-db:")) => {
            let resource_id = b.reference(unit, &target_unit, &main, Some("DbiResourceId"));
            vec![Value::sub_with(
                format!(
                    "arn:${{AWS::Partition}}:rds-db:${{AWS::Region}}:{account}:dbuser:${{Target}}/*"
                ),
                [("Target", resource_id)],
            )]
        }
        ComponentKind::NeptuneCluster => {
            let resource_id = b.reference(unit, &target_unit, &main, Some("ClusterResourceId"));
            vec![Value::sub_with(
                format!(
                    "arn:${{AWS::Partition}}:neptune-db:${{AWS::Region}}:{account}:${{Target}}/*"
                ),
                [("Target", resource_id)],
            )]
        }
        ComponentKind::Rds => vec![with_ref(
            b,
            format!("arn:${{AWS::Partition}}:rds:${{AWS::Region}}:{account}:db:${{Target}}"),
            None,
        )],
        ComponentKind::Elasticache => vec![with_ref(
            b,
            format!(
                "arn:${{AWS::Partition}}:elasticache:${{AWS::Region}}:{account}:replicationgroup:${{Target}}"
            ),
            None,
        )],
        // A Classic Load Balancer's `Ref` is its name.
        ComponentKind::ClassicLoadBalancer => vec![with_ref(
            b,
            format!(
                "arn:${{AWS::Partition}}:elasticloadbalancing:${{AWS::Region}}:{account}:loadbalancer/${{Target}}"
            ),
            None,
        )],
        ComponentKind::ApiGateway => vec![with_ref(
            b,
            format!("arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:{account}:${{Target}}/*"),
            None,
        )],
        ComponentKind::DynamodbTable
        | ComponentKind::KmsKey
        | ComponentKind::SqsQueue
        | ComponentKind::LogGroup
        | ComponentKind::EcrRepository
        | ComponentKind::LambdaFunction
        | ComponentKind::EksCluster
        | ComponentKind::Cloudtrail
        | ComponentKind::EfsFileSystem
        | ComponentKind::KinesisStream
        | ComponentKind::FirehoseStream
        | ComponentKind::OpensearchDomain
        | ComponentKind::MskCluster => {
            vec![b.reference(unit, &target_unit, &main, Some("Arn"))]
        }
        ComponentKind::SnsTopic
        | ComponentKind::StepFunctionsStateMachine
        | ComponentKind::Secret
        | ComponentKind::Alb
        | ComponentKind::Nlb
        | ComponentKind::EcsService => {
            vec![b.reference(unit, &target_unit, &main, None)]
        }
        // Session Manager channels, Security Hub imports and the other account-wide services
        // take no resource-level permissions: their actions apply to `*`.
        _ => vec![Value::string("*")],
    }
}

/// The identity whose role makes a flow's calls, if the flow's source runs as a role.
pub(crate) fn caller_role<'d>(b: &Builder<'d>, flow: &Flow) -> Option<&'d Identity> {
    let id = if let Some(component) = b.component(&flow.source) {
        component.identity.clone()?
    } else if let Some(actor) = b.actor(&flow.source) {
        actor.signs_in_with.clone()?
    } else {
        flow.source.clone()
    };
    b.identity(&id)
        .filter(|identity| identity.kind == IdentityKind::IamRole)
}

/// One statement per flow the role makes calls for, with exactly the flow's actions on its
/// target.
pub(crate) fn flow_statements(b: &mut Builder<'_>, unit: &str, flows: &[&Flow]) -> Vec<Value> {
    let mut statements = Vec::new();
    for flow in flows {
        // A delivery stream the export does not write (it warns why) takes no calls.
        if b.component(&flow.target).is_some_and(|target| {
            target.kind == ComponentKind::FirehoseStream
                && !crate::kinds::data::firehose_stream::is_exported(b, target)
        }) {
            continue;
        }
        let mut actions = flow.actions.clone();
        actions.sort();
        actions.dedup();
        let groups: Vec<(Vec<String>, Vec<Value>)> = if let Some(target) = b.component(&flow.target)
        {
            if target.kind == ComponentKind::S3Bucket {
                let (objects, buckets): (Vec<String>, Vec<String>) =
                    actions.iter().cloned().partition(|a| is_object_action(a));
                let mut groups = Vec::new();
                if !buckets.is_empty() {
                    let arns = target_arns(b, unit, target, &buckets);
                    groups.push((buckets, arns));
                }
                if !objects.is_empty() {
                    let arns = target_arns(b, unit, target, &objects);
                    groups.push((objects, arns));
                }
                groups
            } else {
                let arns = target_arns(b, unit, target, &actions);
                vec![(actions, arns)]
            }
        } else if b.identity(&flow.target).is_some() {
            let arn = b.role_arn(unit, &flow.target);
            vec![(actions, vec![arn])]
        } else {
            vec![(actions, vec![Value::string("*")])]
        };
        let count = groups.len();
        for (index, (actions, resources)) in groups.into_iter().enumerate() {
            let mut sid = b.logical_id(&flow.id);
            if count > 1 {
                sid.push_str(if index == 0 { "Bucket" } else { "Objects" });
            }
            statements.push(Value::map([
                ("Sid", Value::string(sid)),
                ("Effect", Value::string("Allow")),
                (
                    "Action",
                    Value::list(actions.into_iter().map(Value::string)),
                ),
                ("Resource", Value::list(resources)),
            ]));
        }
    }
    statements
}

/// Gives a user or group the managed policies its identity states.
pub(crate) fn with_managed_policies(
    b: &Builder<'_>,
    identity: &Identity,
    resource: Resource,
) -> Resource {
    if identity.managed_policies.is_empty() {
        return resource;
    }
    resource.with_property(
        "ManagedPolicyArns",
        Value::list(identity.managed_policies.iter().map(|a| b.design_text(a))),
    )
}

/// Gives a user or group the policies its identity states, as one inline policy.
pub(crate) fn with_stated_policy(
    b: &mut Builder<'_>,
    unit: &str,
    identity: &Identity,
    resource: Resource,
) -> Resource {
    let permissions = statements(b, unit, &identity.policies, false);
    if permissions.is_empty() {
        resource
    } else {
        resource.with_property(
            "Policies",
            inline_policy(STATED_POLICY_NAME, policy_document(permissions)),
        )
    }
}
