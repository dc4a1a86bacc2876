//! IAM Identity Center permission sets and their account assignments, in the stack of the
//! account that administers Identity Center (the organization's management account or its
//! delegated administrator), the only accounts that can create them
//! (<https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin.html>).

use zta_model::{Identity, MfaMode};

use crate::export::builder::{Builder, Group};
use crate::export::statements::statements;
use crate::import::{Importer, ResourceKey};
use crate::kinds::account_id::{account_id, account_named};
use crate::policy::design_arn;
use crate::policy::policy_document;
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::SSO::PermissionSet";
/// An assignment of the permission set to an account, and the names that tie the two.
const ASSIGNMENT: &str = "AWS::SSO::Assignment";
const PERMISSION_SET_ARN: &str = "PermissionSetArn";
const TARGET_ID: &str = "TargetId";

pub(crate) fn export(b: &mut Builder<'_>, identity: &Identity) {
    if !b.permission_set_has_home(identity) {
        return;
    }
    let unit = b.unit_of_identity(identity);
    let instance = b.parameter(
        &unit,
        "IdentityCenterInstanceArn",
        Parameter::new("String")
            .with(
                "AllowedPattern",
                "^arn:aws[a-z-]*:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$",
            )
            .with(
                "Description",
                "The ARN of the IAM Identity Center instance (aws sso-admin list-instances).",
            ),
    );
    let set = b.logical_id(&identity.id);
    let name = crate::trust_names::permission_set_name(identity);
    let seconds = identity
        .session_duration_seconds
        .unwrap_or(3600)
        .clamp(3600, 43200);
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("InstanceArn", instance.clone())
        .with_property("Name", name.clone())
        .with_property("Description", &identity.name)
        .with_property("SessionDuration", format!("PT{}H", seconds.div_ceil(3600)));
    if !identity.managed_policies.is_empty() {
        resource = resource.with_property(
            "ManagedPolicies",
            Value::list(identity.managed_policies.iter().map(|a| b.design_text(a))),
        );
    }
    let inline = statements(b, &unit, &identity.policies, false);
    if !inline.is_empty() {
        resource = resource.with_property("InlinePolicy", policy_document(inline));
    }
    b.put(&unit, set.clone(), &identity.id, Group::Security, resource);
    let principal = b.parameter(
        &unit,
        &b.logical_id_for(&identity.id, "GroupId"),
        Parameter::new("String").with(
            "Description",
            format!(
                "The Identity Center group whose members get permission set `{}`.",
                identity.id
            ),
        ),
    );
    for account in &identity.assigned_accounts {
        let account_id = account_id(b, &unit, account);
        b.put(
            &unit,
            b.logical_id_for(
                &identity.id,
                &format!("{}Assignment", b.logical_id(account)),
            ),
            &identity.id,
            Group::Security,
            Resource::new(ASSIGNMENT)
                .with_property("InstanceArn", instance.clone())
                .with_property(PERMISSION_SET_ARN, Value::get_att(&set, PERMISSION_SET_ARN))
                .with_property("PrincipalType", "GROUP")
                .with_property("PrincipalId", principal.clone())
                .with_property("TargetType", "AWS_ACCOUNT")
                .with_property(TARGET_ID, account_id),
        );
    }
    if identity.mfa == Some(MfaMode::Required) || !identity.federation.is_empty() {
        b.manual_step(
            &identity.id,
            &unit,
            "Require MFA and federation in IAM Identity Center",
            format!(
                "Identity Center's MFA and identity-source settings have no CloudFormation resource: set MFA to 'every time they sign in' and connect the identity source {} (Identity Center console, Settings).",
                if identity.federation.is_empty() { "of the design".to_owned() } else { identity.federation.join(", ") }
            ),
        )
        .console("IAM Identity Center console > Settings > Authentication > Multi-factor authentication > Configure > Every time they sign in (always-on)")
        .console("IAM Identity Center console > Settings > Identity source > Actions > Change identity source > External identity provider");
    }
}

/// Reads a permission set's session duration, managed policies and inline policy.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey, identity: &mut Identity) {
    let resource = im.resource(key).clone();
    identity.session_duration_seconds = im
        .property(key.0, &key.1, &["SessionDuration"])
        .as_text()
        .and_then(iso_duration_seconds);
    identity.managed_policies = im
        .texts(key.0, resource.property("ManagedPolicies"))
        .iter()
        .map(|arn| design_arn(arn))
        .collect();
    if let Some(inline) = resource.property("InlinePolicy") {
        identity.policies = im.design_statements(key, inline);
    }
    identity.assigned_accounts = im
        .referring(ASSIGNMENT, &[PERMISSION_SET_ARN], key)
        .iter()
        .filter_map(|assignment| {
            let target = im.resource(assignment).property(TARGET_ID)?;
            account_named(im, assignment.0, target)
        })
        .collect();
}

/// `PT8H` → 28800; `PT1H30M` → 5400.
fn iso_duration_seconds(text: &str) -> Option<u32> {
    let rest = text.strip_prefix("PT")?;
    let mut seconds = 0u32;
    let mut number = String::new();
    for c in rest.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let value: u32 = number.parse().ok()?;
        number.clear();
        seconds += match c {
            'H' => value * 3600,
            'M' => value * 60,
            'S' => value,
            _ => return None,
        };
    }
    Some(seconds)
}
