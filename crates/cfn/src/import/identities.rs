//! Identities: IAM roles with their trust and permission policies (inline, managed, and
//! attached by `AWS::IAM::Policy`), users with their groups and access keys, groups, OIDC and
//! SAML providers, Cognito user pools and Identity Center permission sets.

use zta_model::{AccessKey, FederationProtocol, Identity, IdentityKind, PolicyStatement};

use super::eval::Sym;
use super::{Disposition, Importer, ResourceKey};
use crate::kinds::identity::{
    cognito_user_pool, iam_group, iam_role, iam_user, identity_provider, permission_set,
};
use crate::value::Value;

impl Importer<'_> {
    pub(crate) fn map_identities(&mut self) {
        for (resource_type, kind) in [
            (
                identity_provider::OIDC_PROVIDER,
                IdentityKind::IdentityProvider,
            ),
            (
                identity_provider::SAML_PROVIDER,
                IdentityKind::IdentityProvider,
            ),
            (
                cognito_user_pool::RESOURCE_TYPE,
                IdentityKind::CognitoUserPool,
            ),
            (iam_group::RESOURCE_TYPE, IdentityKind::IamGroup),
            (iam_user::RESOURCE_TYPE, IdentityKind::IamUser),
            (permission_set::RESOURCE_TYPE, IdentityKind::PermissionSet),
            // Roles last: their trusts name the other identities.
            (iam_role::RESOURCE_TYPE, IdentityKind::IamRole),
        ] {
            for key in self.element_resources_of_type(resource_type) {
                let identity = self.identity_for(&key, kind);
                let id = identity.id.clone();
                self.design.identities.push(identity);
                self.elements.insert(key.clone(), id.clone());
                self.mark(key, Disposition::Mapped { element: id });
            }
        }
        self.attach_policies();
        self.attach_group_memberships();
        self.attach_access_keys();
        self.absorb_identity_helpers();
    }

    fn new_identity(&mut self, key: &ResourceKey, kind: IdentityKind) -> Identity {
        let logical_id = self.design_logical_id(key);
        let id = self.claim_id(key);
        Identity {
            logical_id: Some(logical_id),
            ..Identity::new(id, kind, self.display_name(key))
        }
    }

    fn identity_for(&mut self, key: &ResourceKey, kind: IdentityKind) -> Identity {
        let mut identity = self.new_identity(key, kind);
        match kind {
            IdentityKind::IdentityProvider => identity_provider::import(self, key, &mut identity),
            IdentityKind::CognitoUserPool => cognito_user_pool::import(self, key, &mut identity),
            IdentityKind::PermissionSet => permission_set::import(self, key, &mut identity),
            IdentityKind::IamRole => iam_role::import(self, key, &mut identity),
            IdentityKind::IamUser => iam_user::import(self, key, &mut identity),
            IdentityKind::IamGroup => self.read_iam_policies(key, &mut identity),
        }
        identity
    }

    /// The inline and managed policies and the permissions boundary of a role, user or group.
    pub(crate) fn read_iam_policies(&mut self, key: &ResourceKey, identity: &mut Identity) {
        let stack = key.0;
        let resource = self.resource(key).clone();
        for policy in self.list_items(
            stack,
            resource.property("Policies").unwrap_or(&Value::null()),
        ) {
            if let Some(document) = policy.get("PolicyDocument") {
                add_statements(
                    &mut identity.policies,
                    self.design_statements(key, document),
                );
            }
        }
        let managed = self.property(stack, &key.1, &["ManagedPolicyArns"]);
        for arn in managed.values() {
            match arn.resource() {
                // A managed policy of the template is inlined when its statements are read.
                Some(policy)
                    if self.resource(&policy).resource_type == "AWS::IAM::ManagedPolicy" => {}
                _ => identity
                    .managed_policies
                    .push(crate::policy::design_arn(&arn.describe())),
            }
        }
        identity.permissions_boundary = match self.property(stack, &key.1, &["PermissionsBoundary"])
        {
            Sym::NoValue | Sym::Unknown => None,
            boundary => Some(self.policy_text(&boundary)),
        };
    }

    pub(crate) fn texts(&self, stack: usize, value: Option<&Value>) -> Vec<String> {
        value
            .map(|value| {
                self.eval(stack, value)
                    .values()
                    .iter()
                    .map(Sym::describe)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// An identity provider for a federated principal the template names but does not define.
    pub(crate) fn external_provider(&mut self, name: &str) -> String {
        if let Some(existing) = self.design.identities.iter().find(|identity| {
            identity.kind == IdentityKind::IdentityProvider
                && identity.issuer.as_deref() == Some(name)
        }) {
            return existing.id.clone();
        }
        // A provider the design has without a resource (Cognito identity pools) comes back with
        // the design marker.
        if let Some(marked) = crate::marker::read_design_marker(&self.stacks[0].template.metadata)
            .and_then(|marker| {
                marker.identities.into_iter().find(|identity| {
                    identity.kind == IdentityKind::IdentityProvider
                        && identity.issuer.as_deref() == Some(name)
                })
            })
        {
            return marked.id;
        }
        let short = name.rsplit('/').next().unwrap_or(name);
        let id = self.ids.claim(&format!("provider-{short}"));
        let protocol = if name.contains("saml-provider") {
            FederationProtocol::Saml
        } else {
            FederationProtocol::Oidc
        };
        self.design.identities.push(Identity {
            description: Some(format!(
                "Federated principal `{name}` named by a trust policy."
            )),
            protocol: Some(protocol),
            issuer: Some(name.to_owned()),
            ..Identity::new(id.clone(), IdentityKind::IdentityProvider, short)
        });
        id
    }

    pub(crate) fn user_pool_token_validity(&self, pool: &ResourceKey) -> Option<u32> {
        self.resources_of_type("AWS::Cognito::UserPoolClient")
            .into_iter()
            .filter(|client| {
                self.property(client.0, &client.1, &["UserPoolId"])
                    .resource()
                    .as_ref()
                    == Some(pool)
            })
            .filter_map(|client| {
                let validity: u32 = self
                    .property(client.0, &client.1, &["AccessTokenValidity"])
                    .as_text()?
                    .parse()
                    .ok()?;
                let unit =
                    self.property(client.0, &client.1, &["TokenValidityUnits", "AccessToken"]);
                Some(match unit.as_text() {
                    Some("minutes") => validity,
                    Some("days") => validity.saturating_mul(24 * 60),
                    Some("seconds") => validity / 60,
                    _ => validity.saturating_mul(60),
                })
            })
            .max()
    }

    /// Statements of `AWS::IAM::Policy`, the per-identity policy types and managed policies,
    /// added to the identities they attach to.
    fn attach_policies(&mut self) {
        let policy_types = [
            "AWS::IAM::Policy",
            "AWS::IAM::RolePolicy",
            "AWS::IAM::UserPolicy",
            "AWS::IAM::GroupPolicy",
            "AWS::IAM::ManagedPolicy",
        ];
        for resource_type in policy_types {
            for key in self.resources_of_type(resource_type) {
                let Some(document) = self.resource(&key).property("PolicyDocument").cloned() else {
                    continue;
                };
                // What an export derived from flows becomes flows again when flows are mapped, not
                // statements.
                let statements = if self.is_designer_flow_policy(&key) {
                    Vec::new()
                } else {
                    self.design_statements(&key, &document)
                };
                let mut targets = Vec::new();
                for property in [
                    "Roles",
                    "Users",
                    "Groups",
                    "RoleName",
                    "UserName",
                    "GroupName",
                ] {
                    let value = self.property(key.0, &key.1, &[property]);
                    targets.extend(self.identities_named(&value));
                }
                if resource_type == "AWS::IAM::ManagedPolicy" {
                    targets.extend(self.identities_with_managed_policy(&key));
                }
                targets.dedup();
                if targets.is_empty() {
                    self.mark(
                        key,
                        Disposition::Carried {
                            reason: "IAM policy attached to no identity of the template".to_owned(),
                        },
                    );
                    continue;
                }
                for target in &targets {
                    if let Some(identity) = self
                        .design
                        .identities
                        .iter_mut()
                        .find(|identity| &identity.id == target)
                    {
                        add_statements(&mut identity.policies, statements.iter().cloned());
                    }
                }
                self.mark(
                    key,
                    Disposition::Absorbed {
                        element: targets.first().cloned(),
                        how: format!("its statements are on {}", targets.join(", ")),
                    },
                );
            }
        }
    }

    /// The identities a value names, by reference or by their written name.
    fn identities_named(&self, value: &Sym) -> Vec<String> {
        let mut found = self.elements_of(value);
        for item in value.values() {
            if let Some(name) = item.as_text() {
                found.extend(
                    self.design
                        .identities
                        .iter()
                        .filter(|identity| identity.name == name)
                        .map(|identity| identity.id.clone()),
                );
            }
        }
        found
    }

    fn identities_with_managed_policy(&self, policy: &ResourceKey) -> Vec<String> {
        let mut found = Vec::new();
        for resource_type in ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"] {
            for key in self.resources_of_type(resource_type) {
                let managed = self.property(key.0, &key.1, &["ManagedPolicyArns"]);
                if managed.resources().contains(policy)
                    && let Some(element) = self.element_for(&key)
                {
                    found.push(element.clone());
                }
            }
        }
        found
    }

    fn attach_group_memberships(&mut self) {
        for key in self.resources_of_type("AWS::IAM::User") {
            let groups = self.identities_named(&self.property(key.0, &key.1, &["Groups"]));
            if let Some(user) = self.element_for(&key).cloned()
                && let Some(identity) = self
                    .design
                    .identities
                    .iter_mut()
                    .find(|identity| identity.id == user)
            {
                identity.groups.extend(groups);
            }
        }
        for key in self.resources_of_type("AWS::IAM::UserToGroupAddition") {
            let group = self.identities_named(&self.property(key.0, &key.1, &["GroupName"]));
            let users = self.identities_named(&self.property(key.0, &key.1, &["Users"]));
            for user in &users {
                if let Some(identity) = self
                    .design
                    .identities
                    .iter_mut()
                    .find(|identity| &identity.id == user)
                {
                    identity.groups.extend(group.iter().cloned());
                }
            }
            self.mark(
                key,
                Disposition::Absorbed {
                    element: group.first().cloned(),
                    how: format!("group membership of {}", users.join(", ")),
                },
            );
        }
    }

    fn attach_access_keys(&mut self) {
        for key in self.resources_of_type("AWS::IAM::AccessKey") {
            let users = self.identities_named(&self.property(key.0, &key.1, &["UserName"]));
            let active = self.property(key.0, &key.1, &["Status"]).as_text() != Some("Inactive");
            for user in &users {
                if let Some(identity) = self
                    .design
                    .identities
                    .iter_mut()
                    .find(|identity| &identity.id == user)
                {
                    identity.access_keys.push(AccessKey {
                        created: "at deployment".to_owned(),
                        last_used: None,
                        active,
                    });
                }
            }
            let disposition = match users.first() {
                Some(user) => Disposition::Absorbed {
                    element: Some(user.clone()),
                    how: "a long-lived access key of the user".to_owned(),
                },
                None => Disposition::Carried {
                    reason: "access key of a user outside the template".to_owned(),
                },
            };
            self.mark(key, disposition);
        }
    }

    fn absorb_identity_helpers(&mut self) {
        for key in self.resources_of_type("AWS::IAM::InstanceProfile") {
            let role = self.element_of(&self.property(key.0, &key.1, &["Roles"]));
            self.mark(
                key,
                Disposition::Absorbed {
                    element: role,
                    how: "instance profile: the instances run as its role".to_owned(),
                },
            );
        }
        for key in self.resources_of_type("AWS::Cognito::UserPoolClient") {
            let pool = self.element_of(&self.property(key.0, &key.1, &["UserPoolId"]));
            self.mark(
                key,
                Disposition::Absorbed {
                    element: pool,
                    how: "app client of the user pool (token validity)".to_owned(),
                },
            );
        }
        cognito_user_pool::absorb_identity_pools(self);
    }

    /// The role a component runs as, from a role reference or an instance profile.
    pub(crate) fn role_of(&self, value: &Sym) -> Option<String> {
        for key in value.resources() {
            match self.resource(&key).resource_type.as_str() {
                "AWS::IAM::Role" => return self.element_for(&key).cloned(),
                "AWS::IAM::InstanceProfile" => {
                    let roles = self.property(key.0, &key.1, &["Roles"]);
                    if let Some(role) = self.element_of(&roles) {
                        return Some(role);
                    }
                }
                _ => {}
            }
        }
        None
    }
}

/// Adds statements to an identity's policies, each once: a policy a template both attaches and
/// carries (because carried content depends on it) says nothing more the second time.
fn add_statements(
    policies: &mut Vec<PolicyStatement>,
    statements: impl IntoIterator<Item = PolicyStatement>,
) {
    for statement in statements {
        if !policies.contains(&statement) {
            policies.push(statement);
        }
    }
}
