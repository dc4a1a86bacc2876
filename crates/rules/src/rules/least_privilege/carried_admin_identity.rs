//! ZT-IAM-012: a carried IAM user, role or group has administrator rights.

use serde_json::Value;

use crate::carried::{self, CarriedResource};
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::policy::{ADMIN_POLICIES, grants_everything};

declare_rule! {
    /// ## What it checks
    /// Flags IAM users, roles and groups in the design's `carried_cloudformation` (resources an
    /// import carried verbatim, or added by hand) that hold `AdministratorAccess`,
    /// `PowerUserAccess` or `IAMFullAccess`, or an inline policy that allows `*` on `*`, and
    /// carried `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy` resources that allow `*` on
    /// `*`. The finding names the resource by its logical id.
    ///
    /// ## Why it matters
    /// Carried CloudFormation is deployed with the design, but drawn nowhere: an administrator
    /// user hidden there owns the account while the diagram looks least-privileged, and a user's
    /// long-lived keys are the credentials most often leaked.
    ///
    /// ## Example
    /// ```yaml
    /// carried_cloudformation:
    ///   Resources:
    ///     Deployer:
    ///       Type: AWS::IAM::User
    ///       Properties:
    ///         ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
    /// ```
    ///
    /// ## What to do instead
    /// Draw the identity in the design with the actions its flows need, or give the carried
    /// resource a policy that names its actions and resources; people sign in through IAM
    /// Identity Center instead of IAM users.
    code: "ZT-IAM-012",
    name: "carried-admin-identity",
    title: "Carried IAM identity has administrator rights",
    family: LeastPrivilege,
    severity: Critical,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

const IDENTITY_TYPES: [&str; 3] = ["AWS::IAM::User", "AWS::IAM::Role", "AWS::IAM::Group"];
const POLICY_TYPES: [&str; 2] = ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"];

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for resource in carried::resources(cx.design) {
        if IDENTITY_TYPES.contains(&resource.resource_type) {
            out.evaluate(&carried::subject("Resources", resource.logical_id));
            if let Some(grant) = identity_grant(cx, &resource) {
                out.report_carried(
                    format!(
                        "Carried resource `{}` ({}) has administrator rights: {grant}",
                        resource.logical_id, resource.resource_type
                    ),
                    &carried::subject("Resources", resource.logical_id),
                    format!(
                        "Replace the administrator grant of `{}` in carried_cloudformation with the actions and resources it needs.",
                        resource.logical_id
                    ),
                );
            }
        } else if POLICY_TYPES.contains(&resource.resource_type) {
            out.evaluate(&carried::subject("Resources", resource.logical_id));
            if document_grants_everything(resource.properties.and_then(|p| p.get("PolicyDocument")))
            {
                let attached = attached_identities(&resource);
                let to = if attached.is_empty() {
                    String::new()
                } else {
                    format!(", attached to {}", attached.join(", "))
                };
                out.report_carried(
                    format!(
                        "Carried resource `{}` ({}) allows `*` on `*`{to}",
                        resource.logical_id, resource.resource_type
                    ),
                    &carried::subject("Resources", resource.logical_id),
                    format!(
                        "Narrow the statements of `{}` in carried_cloudformation to the actions and resources they need.",
                        resource.logical_id
                    ),
                );
            }
        }
    }
}

/// How a carried user, role or group gets administrator rights, if it does.
fn identity_grant(cx: &Context<'_>, resource: &CarriedResource<'_>) -> Option<String> {
    let properties = resource.properties?;
    for arn in carried::one_or_many(properties.get("ManagedPolicyArns")) {
        if let Some(text) = carried::spelled(arn) {
            let name = text.rsplit('/').next().unwrap_or(&text);
            if ADMIN_POLICIES.contains(&name) {
                return Some(format!("managed policy `{name}`"));
            }
        }
        // A managed policy of the same template, referred to by `Ref`.
        if let Some(policy) =
            carried::reference(arn).and_then(|id| carried::resource(cx.design, id))
            && policy.resource_type == "AWS::IAM::ManagedPolicy"
            && document_grants_everything(policy.properties.and_then(|p| p.get("PolicyDocument")))
        {
            return Some(format!(
                "managed policy `{}` allows `*` on `*`",
                policy.logical_id
            ));
        }
    }
    carried::one_or_many(properties.get("Policies"))
        .into_iter()
        .find(|policy| document_grants_everything(policy.get("PolicyDocument")))
        .map(|policy| {
            let name = policy
                .get("PolicyName")
                .and_then(carried::spelled)
                .unwrap_or_else(|| "inline".to_owned());
            format!("inline policy `{name}` allows `*` on `*`")
        })
}

/// Whether a policy document has an allow statement of every action on every resource.
fn document_grants_everything(document: Option<&Value>) -> bool {
    let Some(document) = document else {
        return false;
    };
    carried::one_or_many(document.get("Statement"))
        .into_iter()
        .any(|statement| {
            statement.get("Effect").and_then(Value::as_str) == Some("Allow")
                && carried::one_or_many(statement.get("Action"))
                    .into_iter()
                    .any(|action| action.as_str().is_some_and(grants_everything))
                && carried::one_or_many(statement.get("Resource"))
                    .into_iter()
                    .any(|resource| resource.as_str() == Some("*"))
        })
}

/// The users, roles and groups a carried policy is attached to, as written.
fn attached_identities(resource: &CarriedResource<'_>) -> Vec<String> {
    let Some(properties) = resource.properties else {
        return Vec::new();
    };
    ["Users", "Roles", "Groups"]
        .into_iter()
        .flat_map(|field| carried::one_or_many(properties.get(field)))
        .filter_map(|name| {
            carried::reference(name)
                .map(|id| format!("`{id}`"))
                .or_else(|| name.as_str().map(|text| format!("`{text}`")))
        })
        .collect()
}
