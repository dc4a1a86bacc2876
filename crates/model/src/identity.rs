//! Identities: who or what acts inside the design (IAM roles, users and groups, Cognito user
//! pools, IAM Identity Center permission sets, external identity providers).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{PolicyStatement, Suppression};

/// An identity: something that authenticates and holds permissions.
///
/// One struct serves every kind so that the file stays flat and readable; the loader rejects a
/// field that does not apply to the kind (see [`IdentityKind::applicable_fields`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Identity {
    /// Unique id across the whole design.
    pub id: String,
    /// What kind of identity this is.
    pub kind: IdentityKind,
    /// The name people read on the canvas and in reports.
    pub name: String,
    /// Free text for reviewers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The account segment the identity belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Multi-factor authentication: for users, user pools, permission sets and roles assumed by
    /// people (a role's trust then requires `aws:MultiFactorAuthPresent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mfa: Option<MfaMode>,
    /// The longest session, in seconds, for roles and permission sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_duration_seconds: Option<u32>,
    /// Who may assume a role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trusts: Vec<Principal>,
    /// Inline permission statements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<PolicyStatement>,
    /// ARNs of attached managed policies (AWS-managed or customer-managed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub managed_policies: Vec<String>,
    /// The ARN of a permissions boundary, for roles and users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
    /// The groups an IAM user belongs to (ids of `iam_group` identities).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// Whether an IAM user has a console password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub console_access: Option<bool>,
    /// An IAM user's access keys (metadata only: never the secret).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub access_keys: Vec<AccessKey>,
    /// What was observed of an IAM user's use of the account, as of a day. `zta import iam`
    /// fills it from IAM's last-used data; a drawn design usually has none, and a user without
    /// it is not judged for inactivity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<UserActivity>,
    /// Identity providers a user pool or permission set federates with (ids of
    /// `identity_provider` identities).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub federation: Vec<String>,
    /// The protocol of an external identity provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<FederationProtocol>,
    /// The issuer URL or SAML metadata location of an external identity provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// How long a user pool's access and id tokens live, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_validity_minutes: Option<u32>,
    /// The prefix of a user pool's hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`),
    /// where federated users sign in: lower-case letters, digits and hyphens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_prefix: Option<String>,
    /// The URLs a user pool's app client may return users to after they sign in (OAuth 2.0
    /// redirect URIs, HTTPS except on localhost).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub callback_urls: Vec<String>,
    /// The OAuth scopes a user pool's app client may request, e.g. `openid`, `email`, `profile`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub oauth_scopes: Vec<String>,
    /// Whether the identity pool through which a user pool's users assume roles also accepts
    /// the basic (classic) authentication flow, in which a client calls `GetOpenIdToken` and
    /// then `AssumeRoleWithWebIdentity` itself with any role the trust admits, instead of the
    /// enhanced flow, where the identity pool picks the role and scopes the session. Off unless
    /// the design says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classic_flow: Option<bool>,
    /// The accounts a permission set is assigned in (ids of account segments).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assigned_accounts: Vec<String>,
    /// The CloudFormation logical id this identity maps to, when it came from a template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logical_id: Option<String>,
    /// Rules accepted as risks for this identity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppress: Vec<Suppression>,
}

impl Identity {
    /// An identity with its id, kind and name and nothing else set: every optional property
    /// absent (the zero-trust default), every list empty. Importers and generators start here
    /// and fill in what they know.
    pub fn new(id: impl Into<String>, kind: IdentityKind, name: impl Into<String>) -> Self {
        Identity {
            id: id.into(),
            kind,
            name: name.into(),
            description: None,
            account: None,
            mfa: None,
            session_duration_seconds: None,
            trusts: Vec::new(),
            policies: Vec::new(),
            managed_policies: Vec::new(),
            permissions_boundary: None,
            groups: Vec::new(),
            console_access: None,
            access_keys: Vec::new(),
            activity: None,
            federation: Vec::new(),
            protocol: None,
            issuer: None,
            token_validity_minutes: None,
            domain_prefix: None,
            callback_urls: Vec::new(),
            oauth_scopes: Vec::new(),
            classic_flow: None,
            assigned_accounts: Vec::new(),
            logical_id: None,
            suppress: Vec::new(),
        }
    }
}

/// The kinds of identity.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum IdentityKind {
    /// An IAM role, assumed by services, people or other roles.
    IamRole,
    /// An IAM user with long-lived credentials (discouraged, kept so imports are faithful).
    IamUser,
    /// An IAM group of users.
    IamGroup,
    /// An Amazon Cognito user pool: the customer directory.
    CognitoUserPool,
    /// An IAM Identity Center permission set: workforce access to accounts.
    PermissionSet,
    /// An external identity provider (SAML or OIDC), such as the corporate directory.
    IdentityProvider,
}

/// Who may assume a role: one principal, named by its kind and id, and the conditions its
/// trust statement adds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Principal {
    /// What kind of principal `id` names.
    pub kind: PrincipalKind,
    /// The service name, element id or account id, as `kind` says.
    pub id: String,
    /// What the trust statement requires besides the principal. The role's `mfa` says whether
    /// people need a second factor; it applies to every trust of people and is not repeated
    /// here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<TrustConditions>,
}

/// The conditions of one trust statement, each the condition key IAM documents for it
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>).
/// An absent condition is not written: the rules say where its absence is a weakness.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct TrustConditions {
    /// `sts:ExternalId`: the secret-less token a third party must present, against the
    /// confused deputy problem of cross-account trust.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `aws:SourceAccount`: the account on whose behalf a service may assume the role (a
    /// 12-digit id, or the id of an account segment of the design).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_account: Option<String>,
    /// `aws:SourceArn`: the resource on whose behalf a service may assume the role (an ARN,
    /// which may end in `*`, or the id of a component of the design).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_arn: Option<String>,
    /// `aws:PrincipalOrgID`: the AWS Organizations organization (`o-...`) the principal must
    /// belong to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// The `aud` claim a web-identity or SAML token must carry (`<provider>:aud`): the client
    /// id, or for a Cognito identity pool the identity pool id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// The `amr` value a Cognito identity must carry (`cognito-identity.amazonaws.com:amr`):
    /// `authenticated` admits signed-in users only, `unauthenticated` admits guests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amr: Option<String>,
}

impl TrustConditions {
    /// Whether no condition is stated.
    pub fn is_empty(&self) -> bool {
        *self == TrustConditions::default()
    }
}

/// The kinds of principal a role can trust.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum PrincipalKind {
    /// An AWS service principal, e.g. `ecs-tasks.amazonaws.com`.
    Service,
    /// Another identity of the design (role chaining, a user, a permission set).
    Identity,
    /// An actor of the design, through the identity it signs in with.
    Actor,
    /// An account segment of the design (any principal of that account).
    Account,
    /// An AWS account outside the design, by its 12-digit id, or `*` for anyone.
    ExternalAccount,
    /// A federated identity provider or user pool of the design (web identity or SAML).
    Federated,
}

impl Principal {
    /// A principal of a kind.
    pub fn new(kind: PrincipalKind, id: impl Into<String>) -> Self {
        Self {
            kind,
            id: id.into(),
            conditions: None,
        }
    }

    /// The conditions the trust states; none when it states none.
    pub fn conditions(&self) -> TrustConditions {
        self.conditions.clone().unwrap_or_default()
    }

    /// Whether the trust admits the guests of a Cognito identity pool: a federated trust whose
    /// `amr` is `unauthenticated`, which anyone on the internet satisfies without signing in.
    pub fn admits_guests(&self) -> bool {
        self.kind == PrincipalKind::Federated
            && self.conditions.as_ref().and_then(|c| c.amr.as_deref()) == Some(GUEST_AMR)
    }
}

/// The `amr` value of the guests (unauthenticated identities) of a Cognito identity pool.
pub const GUEST_AMR: &str = "unauthenticated";

/// The issuer that stands for Amazon Cognito identity pools: an `identity_provider` with this
/// issuer is trusted as the `cognito-identity.amazonaws.com` federated principal, scoped to an
/// identity pool by the trust's `audience`
/// (<https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html>).
pub const COGNITO_IDENTITY_ISSUER: &str = "cognito-identity.amazonaws.com";

/// How strongly an identity requires a second factor.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum MfaMode {
    /// No second factor.
    Off,
    /// Users may enrol a second factor but need not.
    Optional,
    /// Every sign-in needs a second factor.
    Required,
}

/// The federation protocol of an identity provider.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum FederationProtocol {
    /// SAML 2.0.
    Saml,
    /// OpenID Connect.
    Oidc,
}

/// The metadata of an IAM user's access key; the secret never enters a design.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct AccessKey {
    /// When the key was created (`YYYY-MM-DD`).
    pub created: String,
    /// When the key was last used (`YYYY-MM-DD`), if ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used: Option<String>,
    /// Whether the key is active.
    #[serde(default = "default_true")]
    pub active: bool,
}

/// An IAM user's observed activity: the dates IAM reports, and the day they were read. The
/// access keys' last use is on each key ([`AccessKey::last_used`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct UserActivity {
    /// The day the dates were read (`YYYY-MM-DD`): inactivity is measured up to this day, not
    /// up to the day the design is validated, so that results do not change with the clock.
    pub as_of: String,
    /// When the user was created (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// When the user's console password was last used (`YYYY-MM-DD`), if ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_last_used: Option<String>,
}

impl Identity {
    /// The last day an IAM user was seen to use the account: its console password's or any
    /// access key's last use, whichever is latest. `None` when no use was ever recorded.
    pub fn last_used(&self) -> Option<&str> {
        let password = self
            .activity
            .as_ref()
            .and_then(|activity| activity.password_last_used.as_deref());
        let keys = self
            .access_keys
            .iter()
            .filter_map(|key| key.last_used.as_deref());
        password
            .into_iter()
            .chain(keys)
            .filter(|day| crate::date::day_number(day).is_some())
            .max()
    }
}

fn default_true() -> bool {
    true
}

impl IdentityKind {
    /// The name used in the file format and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            IdentityKind::IamRole => "iam_role",
            IdentityKind::IamUser => "iam_user",
            IdentityKind::IamGroup => "iam_group",
            IdentityKind::CognitoUserPool => "cognito_user_pool",
            IdentityKind::PermissionSet => "permission_set",
            IdentityKind::IdentityProvider => "identity_provider",
        }
    }

    /// The optional fields that mean something for this kind; the loader rejects the others.
    pub fn applicable_fields(self) -> &'static [&'static str] {
        match self {
            IdentityKind::IamRole => &[
                "mfa",
                "session_duration_seconds",
                "trusts",
                "policies",
                "managed_policies",
                "permissions_boundary",
            ],
            IdentityKind::IamUser => &[
                "mfa",
                "policies",
                "managed_policies",
                "permissions_boundary",
                "groups",
                "console_access",
                "access_keys",
                "activity",
            ],
            IdentityKind::IamGroup => &["policies", "managed_policies"],
            IdentityKind::CognitoUserPool => &[
                "mfa",
                "federation",
                "token_validity_minutes",
                "domain_prefix",
                "callback_urls",
                "oauth_scopes",
                "classic_flow",
            ],
            IdentityKind::PermissionSet => &[
                "mfa",
                "session_duration_seconds",
                "policies",
                "managed_policies",
                "permissions_boundary",
                "federation",
                "assigned_accounts",
            ],
            IdentityKind::IdentityProvider => &["protocol", "issuer", "mfa"],
        }
    }
}

impl crate::Design {
    /// Whether people assume a role through this trust with credentials IAM issues to them (an
    /// IAM user, or an actor who signs in as one), so that the trust can require
    /// `aws:MultiFactorAuthPresent`. An actor who signs in through IAM Identity Center or a
    /// federated provider proves a second factor there: their sessions carry no MFA key, so the
    /// condition would lock them out
    /// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent>).
    /// The rules and the export read this one definition.
    pub fn trusts_people(&self, principal: &Principal) -> bool {
        let signs_in_as_user = |identity: &str| {
            self.identity(identity)
                .is_some_and(|identity| identity.kind == IdentityKind::IamUser)
        };
        match principal.kind {
            PrincipalKind::Actor => self
                .actors
                .iter()
                .find(|actor| actor.id == principal.id)
                .is_none_or(|actor| actor.signs_in_with.as_deref().is_none_or(signs_in_as_user)),
            PrincipalKind::Identity => signs_in_as_user(&principal.id),
            _ => false,
        }
    }
}

impl Identity {
    /// The MFA a role requires of the people it trusts: what the design states, else required,
    /// the zero-trust default the export writes and the rules assume.
    pub fn mfa_of_people(&self) -> MfaMode {
        self.mfa.unwrap_or(MfaMode::Required)
    }
}
