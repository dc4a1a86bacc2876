//! Reading the IAM identities of a live account: roles with their trust policies, users with
//! their console access, access keys (dates only) and MFA devices, groups, and the inline and
//! managed policy documents attached to all of them.
//!
//! One `GetAccountAuthorizationDetails` listing brings every identity and policy document;
//! the per-user calls add what it leaves out (access keys and their last use, login profile,
//! the password's last use, MFA devices).

use std::collections::BTreeMap;
use std::time::SystemTime;

use aws_sdk_iam::primitives::{DateTime, DateTimeFormat};
use aws_sdk_iam::types::{AttachedPolicy, PolicyDetail};
use percent_encoding::percent_decode_str;
use serde::Serialize;

use crate::connection::AwsConnection;
use crate::error::{Error, Result};

/// The identities of one account, as IAM describes them.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct IamSnapshot {
    /// The account, when STS could name it.
    pub account_id: Option<String>,
    /// The day the account was read (`YYYY-MM-DD`, UTC): the users' last-used dates are
    /// observations as of this day.
    pub read_on: String,
    /// The roles, sorted by name.
    pub roles: Vec<IamRole>,
    /// The users, sorted by name.
    pub users: Vec<IamUser>,
    /// The groups, sorted by name.
    pub groups: Vec<IamGroup>,
    /// The managed policies attached to anything, by ARN, with their default version.
    pub managed_policies: BTreeMap<String, ManagedPolicy>,
}

/// A policy document with its name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamedPolicy {
    /// The inline policy's name.
    pub name: String,
    /// The document, decoded.
    pub document: serde_json::Value,
}

/// An IAM role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IamRole {
    /// The role's name.
    pub name: String,
    /// Its ARN.
    pub arn: String,
    /// Its path, e.g. `/service-role/`.
    pub path: String,
    /// Who may assume it.
    pub trust_policy: serde_json::Value,
    /// Its inline policies.
    pub inline_policies: Vec<NamedPolicy>,
    /// The ARNs of its attached managed policies.
    pub attached_policies: Vec<String>,
    /// Its permissions boundary's ARN.
    pub permissions_boundary: Option<String>,
    /// The longest session, in seconds.
    pub max_session_duration: Option<u32>,
}

/// An IAM user.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IamUser {
    /// The user's name.
    pub name: String,
    /// Its ARN.
    pub arn: String,
    /// When it was created, `YYYY-MM-DD`.
    pub created: Option<String>,
    /// Whether it has a console password.
    pub console_access: bool,
    /// When its console password was last used, `YYYY-MM-DD`, if IAM recorded a use.
    pub password_last_used: Option<String>,
    /// Its access keys, without their ids or secrets.
    pub access_keys: Vec<AccessKeyDates>,
    /// How many MFA devices it has.
    pub mfa_devices: usize,
    /// The names of its groups.
    pub groups: Vec<String>,
    /// Its inline policies.
    pub inline_policies: Vec<NamedPolicy>,
    /// The ARNs of its attached managed policies.
    pub attached_policies: Vec<String>,
    /// Its permissions boundary's ARN.
    pub permissions_boundary: Option<String>,
}

/// What is kept of an access key: its dates and whether it is active. The key id is
/// dropped as soon as its last use is known, so it never reaches a design.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessKeyDates {
    /// When it was created, `YYYY-MM-DD`.
    pub created: String,
    /// When it was last used, `YYYY-MM-DD`, if ever.
    pub last_used: Option<String>,
    /// Whether it is active.
    pub active: bool,
}

/// An IAM group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IamGroup {
    /// The group's name.
    pub name: String,
    /// Its ARN.
    pub arn: String,
    /// Its inline policies.
    pub inline_policies: Vec<NamedPolicy>,
    /// The ARNs of its attached managed policies.
    pub attached_policies: Vec<String>,
}

/// A managed policy's default version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManagedPolicy {
    /// The policy's name.
    pub name: String,
    /// Its ARN.
    pub arn: String,
    /// Its default version's document.
    pub document: serde_json::Value,
}

/// Reads every role, user, group and attached managed policy of the account.
pub async fn read_iam(connection: &AwsConnection) -> Result<IamSnapshot> {
    let mut snapshot = IamSnapshot {
        account_id: connection.account_id().await.ok(),
        read_on: day(&DateTime::from(SystemTime::now())),
        ..IamSnapshot::default()
    };
    let mut marker: Option<String> = None;
    loop {
        let page = connection
            .iam
            .get_account_authorization_details()
            .set_marker(marker.take())
            .send()
            .await
            .map_err(|error| Error::from_sdk("GetAccountAuthorizationDetails", error))?;
        for role in page.role_detail_list() {
            let name = role.role_name().unwrap_or_default().to_owned();
            snapshot.roles.push(IamRole {
                trust_policy: role
                    .assume_role_policy_document()
                    .map(|document| decode_document(&name, "trust policy", document))
                    .transpose()?
                    .unwrap_or(serde_json::Value::Null),
                inline_policies: inline_policies(&name, role.role_policy_list())?,
                attached_policies: attached_arns(role.attached_managed_policies()),
                permissions_boundary: role
                    .permissions_boundary()
                    .and_then(|boundary| boundary.permissions_boundary_arn())
                    .map(str::to_owned),
                max_session_duration: None,
                arn: role.arn().unwrap_or_default().to_owned(),
                path: role.path().unwrap_or("/").to_owned(),
                name,
            });
        }
        for user in page.user_detail_list() {
            let name = user.user_name().unwrap_or_default().to_owned();
            snapshot.users.push(IamUser {
                created: user.create_date().map(day),
                console_access: false,
                password_last_used: None,
                access_keys: Vec::new(),
                mfa_devices: 0,
                groups: user.group_list().to_vec(),
                inline_policies: inline_policies(&name, user.user_policy_list())?,
                attached_policies: attached_arns(user.attached_managed_policies()),
                permissions_boundary: user
                    .permissions_boundary()
                    .and_then(|boundary| boundary.permissions_boundary_arn())
                    .map(str::to_owned),
                arn: user.arn().unwrap_or_default().to_owned(),
                name,
            });
        }
        for group in page.group_detail_list() {
            let name = group.group_name().unwrap_or_default().to_owned();
            snapshot.groups.push(IamGroup {
                inline_policies: inline_policies(&name, group.group_policy_list())?,
                attached_policies: attached_arns(group.attached_managed_policies()),
                arn: group.arn().unwrap_or_default().to_owned(),
                name,
            });
        }
        for policy in page.policies() {
            let arn = policy.arn().unwrap_or_default().to_owned();
            // Some implementations leave the name out of the listing; the ARN ends with it.
            let name = policy
                .policy_name()
                .filter(|name| !name.is_empty())
                .unwrap_or_else(|| arn.rsplit('/').next().unwrap_or_default())
                .to_owned();
            let default_version = policy
                .policy_version_list()
                .iter()
                .find(|version| version.is_default_version());
            let Some(document) = default_version.and_then(|version| version.document()) else {
                continue;
            };
            let document = decode_document(&name, "default version", document)?;
            snapshot.managed_policies.insert(
                arn.clone(),
                ManagedPolicy {
                    name,
                    arn,
                    document,
                },
            );
        }
        match page.marker() {
            Some(next) if page.is_truncated() => marker = Some(next.to_owned()),
            _ => break,
        }
    }
    for role in &mut snapshot.roles {
        role.max_session_duration = max_session_duration(connection, &role.name).await?;
    }
    for user in &mut snapshot.users {
        user.console_access = has_console_password(connection, &user.name).await?;
        user.password_last_used = password_last_used(connection, &user.name).await?;
        user.access_keys = access_key_dates(connection, &user.name).await?;
        user.mfa_devices = mfa_device_count(connection, &user.name).await?;
    }
    snapshot
        .roles
        .sort_by(|left, right| left.name.cmp(&right.name));
    snapshot
        .users
        .sort_by(|left, right| left.name.cmp(&right.name));
    snapshot
        .groups
        .sort_by(|left, right| left.name.cmp(&right.name));
    Ok(snapshot)
}

fn inline_policies(owner: &str, policies: &[PolicyDetail]) -> Result<Vec<NamedPolicy>> {
    policies
        .iter()
        .map(|policy| {
            let name = policy.policy_name().unwrap_or_default().to_owned();
            let document = decode_document(owner, &name, policy.policy_document().unwrap_or("{}"))?;
            Ok(NamedPolicy { name, document })
        })
        .collect()
}

fn attached_arns(attached: &[AttachedPolicy]) -> Vec<String> {
    attached
        .iter()
        .filter_map(|policy| policy.policy_arn().map(str::to_owned))
        .collect()
}

/// IAM returns policy documents URL-encoded (RFC 3986); a document that already starts as
/// JSON is taken as it is, since decoding it could corrupt a literal `%` inside.
fn decode_document(owner: &str, policy: &str, document: &str) -> Result<serde_json::Value> {
    let error = |reason: String| Error::PolicyDocument {
        owner: owner.to_owned(),
        policy: policy.to_owned(),
        reason,
    };
    let text = if document.trim_start().starts_with('{') {
        document.to_owned()
    } else {
        percent_decode_str(document)
            .decode_utf8()
            .map_err(|decode| error(decode.to_string()))?
            .into_owned()
    };
    serde_json::from_str(&text).map_err(|parse| error(parse.to_string()))
}

async fn max_session_duration(connection: &AwsConnection, role: &str) -> Result<Option<u32>> {
    let fetched = connection
        .iam
        .get_role()
        .role_name(role)
        .send()
        .await
        .map_err(|error| Error::from_sdk("GetRole", error))?;
    Ok(fetched
        .role()
        .and_then(|role| role.max_session_duration())
        .and_then(|seconds| u32::try_from(seconds).ok()))
}

async fn has_console_password(connection: &AwsConnection, user: &str) -> Result<bool> {
    match connection
        .iam
        .get_login_profile()
        .user_name(user)
        .send()
        .await
    {
        Ok(_) => Ok(true),
        Err(error)
            if error
                .as_service_error()
                .is_some_and(|service| service.is_no_such_entity_exception()) =>
        {
            Ok(false)
        }
        Err(error) => Err(Error::from_sdk("GetLoginProfile", error)),
    }
}

/// The last use of the user's console password; IAM leaves the field out when the password
/// was never used (or was used only before October 2014, when it started recording).
async fn password_last_used(connection: &AwsConnection, user: &str) -> Result<Option<String>> {
    let fetched = connection
        .iam
        .get_user()
        .user_name(user)
        .send()
        .await
        .map_err(|error| Error::from_sdk("GetUser", error))?;
    Ok(fetched
        .user()
        .and_then(|user| user.password_last_used())
        .map(day))
}

async fn access_key_dates(connection: &AwsConnection, user: &str) -> Result<Vec<AccessKeyDates>> {
    let listed = connection
        .iam
        .list_access_keys()
        .user_name(user)
        .send()
        .await
        .map_err(|error| Error::from_sdk("ListAccessKeys", error))?;
    let mut keys = Vec::new();
    for key in listed.access_key_metadata() {
        let last_used = match key.access_key_id() {
            Some(key_id) => connection
                .iam
                .get_access_key_last_used()
                .access_key_id(key_id)
                .send()
                .await
                .map_err(|error| Error::from_sdk("GetAccessKeyLastUsed", error))?
                .access_key_last_used()
                .and_then(|used| used.last_used_date())
                .map(day),
            None => None,
        };
        keys.push(AccessKeyDates {
            created: key.create_date().map(day).unwrap_or_default(),
            last_used,
            active: key
                .status()
                .is_some_and(|status| status.as_str() == "Active"),
        });
    }
    Ok(keys)
}

async fn mfa_device_count(connection: &AwsConnection, user: &str) -> Result<usize> {
    let listed = connection
        .iam
        .list_mfa_devices()
        .user_name(user)
        .send()
        .await
        .map_err(|error| Error::from_sdk("ListMFADevices", error))?;
    Ok(listed.mfa_devices().len())
}

/// `YYYY-MM-DD` of a timestamp.
fn day(timestamp: &DateTime) -> String {
    timestamp
        .fmt(DateTimeFormat::DateTime)
        .map(|text| text.chars().take(10).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_url_encoded_and_plain_documents() {
        let encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D";
        let plain = r#"{"Version":"2012-10-17","Statement":[]}"#;
        assert_eq!(
            decode_document("role", "p", encoded).unwrap(),
            decode_document("role", "p", plain).unwrap()
        );
        let error = decode_document("app-role", "bad", "%7Bnot json").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("policy document bad of app-role"),
            "{error}"
        );
    }
}
