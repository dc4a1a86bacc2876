//! Cognito user pools with MFA, and their clients. A pool that federates (or states a hosted
//! domain or callback URLs) gets a hosted sign-in domain and an app client for the OAuth 2.0
//! authorization code grant, the one flow that keeps tokens out of the browser's address bar.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpool.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpoolclient.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpooldomain.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-managedloginbranding.html>.

use zta_model::{FederationProtocol, Identity, IdentityKind, MfaMode};

use crate::export::builder::{Builder, Group};
use crate::export::trust::{admits_guests, roles_trusting_pool};
use crate::import::{Disposition, Importer, ResourceKey};
use crate::template::{Output, Parameter, Resource};
use crate::trust_names::IDENTITY_POOL_PART;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Cognito::UserPool";

/// The resource type of a user pool's hosted sign-in domain.
const DOMAIN: &str = "AWS::Cognito::UserPoolDomain";

/// The resource type of an app client's managed login style.
const MANAGED_LOGIN_BRANDING: &str = "AWS::Cognito::ManagedLoginBranding";

pub(crate) fn export(b: &mut Builder<'_>, identity: &Identity) {
    let unit = b.unit_of_identity(identity);
    let pool = b.logical_id(&identity.id);
    let mfa = match identity.mfa.unwrap_or(MfaMode::Required) {
        MfaMode::Required => "ON",
        MfaMode::Optional => "OPTIONAL",
        MfaMode::Off => "OFF",
    };
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property(
            "UserPoolName",
            Value::sub(format!("${{AWS::StackName}}-{}", identity.id)),
        )
        .with_property("MfaConfiguration", mfa)
        .with_property("UsernameAttributes", Value::list([Value::string("email")]))
        .with_property(
            "AutoVerifiedAttributes",
            Value::list([Value::string("email")]),
        )
        .with_property("DeletionProtection", "ACTIVE")
        .with_property(
            "Policies",
            Value::map([(
                "PasswordPolicy",
                Value::map([
                    ("MinimumLength", Value::from(14_u32)),
                    ("RequireLowercase", Value::from(true)),
                    ("RequireUppercase", Value::from(true)),
                    ("RequireNumbers", Value::from(true)),
                    ("RequireSymbols", Value::from(true)),
                    ("TemporaryPasswordValidityDays", Value::from(1_u32)),
                ]),
            )]),
        )
        .with_property(
            "AdminCreateUserConfig",
            Value::map([("AllowAdminCreateUserOnly", Value::from(false))]),
        )
        .with_property(
            "AccountRecoverySetting",
            Value::map([(
                "RecoveryMechanisms",
                Value::list([Value::map([
                    ("Name", Value::string("verified_email")),
                    ("Priority", Value::from(1_u32)),
                ])]),
            )]),
        );
    if mfa != "OFF" {
        // MFA ON without EnabledMfas fails at deployment, and cfn-lint does not say so.
        resource = resource.with_property(
            "EnabledMfas",
            Value::list([Value::string("SOFTWARE_TOKEN_MFA")]),
        );
    }
    crate::export::support::stateful(&mut resource, "Retain");
    b.put(&unit, pool.clone(), &identity.id, Group::Security, resource);
    let mut providers = vec![Value::string("COGNITO")];
    let mut provider_ids = Vec::new();
    for federated in &identity.federation {
        let Some(idp) = b.identity(federated) else {
            continue;
        };
        let name = b.logical_id(federated);
        let (provider_type, details) = match idp.protocol {
            Some(FederationProtocol::Saml) => (
                "SAML",
                Value::map([(
                    "MetadataURL",
                    Value::string(idp.issuer.clone().unwrap_or_default()),
                )]),
            ),
            _ => (
                "OIDC",
                Value::map([
                    (
                        "client_id",
                        b.parameter(
                            &unit,
                            &b.logical_id_for(federated, "ClientId"),
                            Parameter::new("String").with(
                                "Description",
                                format!(
                                    "The client id the design's user pool `{}` has at `{}`.",
                                    identity.id, federated
                                ),
                            ),
                        ),
                    ),
                    (
                        "client_secret",
                        Value::string(format!(
                            "{{{{resolve:secretsmanager:zta/{federated}/client-secret}}}}"
                        )),
                    ),
                    ("authorize_scopes", Value::string("openid email")),
                    (
                        "oidc_issuer",
                        Value::string(idp.issuer.clone().unwrap_or_default()),
                    ),
                    ("attributes_request_method", Value::string("GET")),
                ]),
            ),
        };
        if provider_type == "OIDC" {
            b.manual_step(
                federated,
                &unit,
                "Store the identity provider's client secret",
                format!("Before deploying, store the client secret that `{federated}` issued in Secrets Manager as zta/{federated}/client-secret; the user pool reads it through a dynamic reference, so it never enters the template."),
            )
            .command(format!("aws secretsmanager create-secret --name zta/{federated}/client-secret --secret-string '<client secret>'"))
            .console("Secrets Manager console > Secrets > Store a new secret > Other type of secret");
        }
        // A part of the pool: the provider the design draws is an element of its own, which a
        // role's trust may implement and the design marker otherwise keeps whole.
        let provider_logical = b.logical_id_for(&identity.id, &name);
        b.put(
            &unit,
            provider_logical.clone(),
            &identity.id,
            Group::Security,
            Resource::new("AWS::Cognito::UserPoolIdentityProvider")
                .with_property("UserPoolId", Value::reference(&pool))
                .with_property("ProviderName", name.clone())
                .with_property("ProviderType", provider_type)
                .with_property("ProviderDetails", details)
                .with_property(
                    "AttributeMapping",
                    Value::map([("email", Value::string("email"))]),
                ),
        );
        providers.push(Value::string(name));
        provider_ids.push(provider_logical);
    }
    let minutes = identity.token_validity_minutes.unwrap_or(60).clamp(5, 1440);
    let mut client = Resource::new("AWS::Cognito::UserPoolClient")
        .with_property("UserPoolId", Value::reference(&pool))
        .with_property("GenerateSecret", false)
        .with_property("AccessTokenValidity", minutes)
        .with_property("IdTokenValidity", minutes)
        .with_property("RefreshTokenValidity", 720_u32)
        .with_property(
            "TokenValidityUnits",
            Value::map([
                ("AccessToken", Value::string("minutes")),
                ("IdToken", Value::string("minutes")),
                ("RefreshToken", Value::string("minutes")),
            ]),
        )
        .with_property(
            "ExplicitAuthFlows",
            Value::list([
                Value::string("ALLOW_USER_SRP_AUTH"),
                Value::string("ALLOW_REFRESH_TOKEN_AUTH"),
            ]),
        )
        .with_property("PreventUserExistenceErrors", "ENABLED")
        .with_property("EnableTokenRevocation", true)
        .with_property("SupportedIdentityProviders", Value::list(providers));
    let hosted = uses_hosted_sign_in(identity);
    if hosted {
        client = with_oauth(b, &unit, identity, client);
    }
    client.depends_on = provider_ids;
    b.put(
        &unit,
        b.logical_id_for(&identity.id, "Client"),
        &identity.id,
        Group::Security,
        client,
    );
    if hosted {
        managed_login_style(b, &unit, identity);
    }
    identity_pool(b, &unit, identity);
    b.output(
        &unit,
        &b.logical_id_for(&identity.id, "Id"),
        Output {
            description: Some(Value::string(format!("User pool `{}`", identity.name))),
            ..Output::new(Value::reference(&pool))
        },
    );
    b.output(
        &unit,
        &b.logical_id_for(&identity.id, "ClientId"),
        Output {
            description: Some(Value::string(format!("App client of `{}`", identity.name))),
            ..Output::new(Value::reference(b.logical_id_for(&identity.id, "Client")))
        },
    );
}

/// The Cognito identity pool through which the user pool's signed-in users assume the roles
/// that trust the pool, when a role does: a user pool is no IAM principal, an identity pool is
/// (<https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html>,
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-identitypool.html>).
/// Guests are admitted only when a role the design draws trusts the pool for them (`amr:
/// unauthenticated`), the basic (classic) flow only when the design says so, and the identity
/// pool checks each token with the user pool. A pool that states the basic flow gets its
/// identity pool even without roles, so that the setting deploys as drawn.
fn identity_pool(b: &mut Builder<'_>, unit: &str, identity: &Identity) {
    let roles = roles_trusting_pool(b, &identity.id);
    if roles.is_empty() && identity.classic_flow.is_none() {
        return;
    }
    let guests = roles.iter().any(|role| admits_guests(role, &identity.id));
    let pool = b.logical_id(&identity.id);
    b.put(
        unit,
        b.logical_id_for(&identity.id, IDENTITY_POOL_PART),
        &identity.id,
        Group::Security,
        Resource::new(IDENTITY_POOL)
            .with_property("AllowUnauthenticatedIdentities", guests)
            .with_property("AllowClassicFlow", identity.classic_flow == Some(true))
            .with_property(
                "CognitoIdentityProviders",
                Value::list([Value::map([
                    (
                        "ClientId",
                        Value::reference(b.logical_id_for(&identity.id, "Client")),
                    ),
                    ("ProviderName", Value::get_att(&pool, "ProviderName")),
                    ("ServerSideTokenCheck", Value::from(true)),
                ])]),
            ),
    );
}

/// Whether users sign in through the pool's hosted pages: federated sign-in goes through them,
/// and a hosted domain, callback URLs or OAuth scopes are settings of that sign-in.
fn uses_hosted_sign_in(identity: &Identity) -> bool {
    !identity.federation.is_empty()
        || identity.domain_prefix.is_some()
        || !identity.callback_urls.is_empty()
        || !identity.oauth_scopes.is_empty()
}

/// The scopes a client may request when the design names none: enough to sign in and learn
/// the user's address, nothing more.
const SIGN_IN_SCOPES: [&str; 2] = ["openid", "email"];

/// Writes the pool's hosted domain and gives the client the code grant, its scopes and its
/// callback URLs. What the design does not state and no default can stand for (the domain
/// prefix, which must be unique in the region, and the callback URLs, which are the
/// application's) becomes a parameter the deployer fills in.
fn with_oauth(b: &mut Builder<'_>, unit: &str, identity: &Identity, client: Resource) -> Resource {
    let pool = b.logical_id(&identity.id);
    let prefix = match &identity.domain_prefix {
        Some(prefix) => b.design_text(prefix),
        None => b.parameter(
            unit,
            &b.logical_id_for(&identity.id, "DomainPrefix"),
            Parameter::new("String")
                .with(
                    "Description",
                    format!(
                        "The prefix of the hosted sign-in domain of user pool `{}` (unique in the region).",
                        identity.id
                    ),
                )
                .with("AllowedPattern", "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"),
        ),
    };
    b.put(
        unit,
        b.logical_id_for(&identity.id, "Domain"),
        &identity.id,
        Group::Security,
        Resource::new(DOMAIN)
            .with_property("UserPoolId", Value::reference(&pool))
            .with_property("Domain", prefix)
            .with_property("ManagedLoginVersion", 2_u32),
    );
    let callbacks = if identity.callback_urls.is_empty() {
        b.parameter(
            unit,
            &b.logical_id_for(&identity.id, "CallbackUrls"),
            Parameter::new("CommaDelimitedList").with(
                "Description",
                format!(
                    "The URLs the app client of user pool `{}` returns users to after sign-in (HTTPS).",
                    identity.id
                ),
            ),
        )
    } else {
        Value::list(identity.callback_urls.iter().map(|url| b.design_text(url)))
    };
    let scopes: Vec<Value> = if identity.oauth_scopes.is_empty() {
        SIGN_IN_SCOPES
            .iter()
            .map(|scope| Value::string(*scope))
            .collect()
    } else {
        identity
            .oauth_scopes
            .iter()
            .map(|scope| b.design_text(scope))
            .collect()
    };
    client
        .with_property("AllowedOAuthFlowsUserPoolClient", true)
        .with_property("AllowedOAuthFlows", Value::list([Value::string("code")]))
        .with_property("AllowedOAuthScopes", Value::list(scopes))
        .with_property("CallbackURLs", callbacks)
}

/// The managed login style of the pool's app client, with Amazon Cognito's own look: the
/// domain serves managed login (version 2), whose pages an app client without a style does not
/// show (<https://docs.aws.amazon.com/cognito/latest/developerguide/managed-login-branding.html>,
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-managedloginbranding.html>).
fn managed_login_style(b: &mut Builder<'_>, unit: &str, identity: &Identity) {
    b.put(
        unit,
        b.logical_id_for(&identity.id, "LoginStyle"),
        &identity.id,
        Group::Security,
        Resource::new(MANAGED_LOGIN_BRANDING)
            .with_property("UserPoolId", Value::reference(b.logical_id(&identity.id)))
            .with_property(
                "ClientId",
                Value::reference(b.logical_id_for(&identity.id, "Client")),
            )
            .with_property("UseCognitoProvidedValues", true),
    );
}

/// Reads a user pool's MFA mode, the validity of the tokens its clients issue, its hosted
/// domain and its client's OAuth scopes and callback URLs.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey, identity: &mut Identity) {
    identity.mfa = match im.property(key.0, &key.1, &["MfaConfiguration"]).as_text() {
        Some("ON") => Some(MfaMode::Required),
        Some("OPTIONAL") => Some(MfaMode::Optional),
        _ => Some(MfaMode::Off),
    };
    identity.token_validity_minutes = im.user_pool_token_validity(key);
    // The domain and a style in Amazon Cognito's own look are what the next export writes
    // again from the pool; a style with settings of its own stays carried as it is.
    let domains = im.referring(DOMAIN, &["UserPoolId"], key);
    if let Some(domain) = domains.first() {
        identity.domain_prefix = im.text(domain, &["Domain"]);
    }
    let default_styles: Vec<ResourceKey> = im
        .referring(MANAGED_LOGIN_BRANDING, &["UserPoolId"], key)
        .into_iter()
        .filter(|style| im.flag(style, &["UseCognitoProvidedValues"]) == Some(true))
        .collect();
    for (resource, how) in domains
        .into_iter()
        .map(|domain| (domain, "the user pool's hosted sign-in domain"))
        .chain(default_styles.into_iter().map(|style| {
            (
                style,
                "the managed login style of the user pool's app client",
            )
        }))
    {
        im.mark(
            resource,
            Disposition::Absorbed {
                element: Some(identity.id.clone()),
                how: how.to_owned(),
            },
        );
    }
    let texts = |im: &Importer<'_>, client: &ResourceKey, property: &str| -> Vec<String> {
        im.property(client.0, &client.1, &[property])
            .values()
            .iter()
            .filter_map(|value| value.as_text().map(str::to_owned))
            .collect()
    };
    if let Some(client) = im
        .referring("AWS::Cognito::UserPoolClient", &["UserPoolId"], key)
        .first()
    {
        identity.callback_urls = texts(im, client, "CallbackURLs");
        identity.oauth_scopes = texts(im, client, "AllowedOAuthScopes");
    }
}

/// The resource type of the identity pool a user pool's users assume roles through.
pub(crate) const IDENTITY_POOL: &str = "AWS::Cognito::IdentityPool";

/// The resource type that names the roles an identity pool hands out.
const ROLE_ATTACHMENT: &str = "AWS::Cognito::IdentityPoolRoleAttachment";

impl Importer<'_> {
    /// The user pool of the template an identity pool of the template (one no export made)
    /// admits the users of: the one user pool its Cognito providers name, by provider name or
    /// by app client. `None` when it names none or several, or is not an identity pool.
    pub(crate) fn user_pool_of_identity_pool(&self, key: &ResourceKey) -> Option<String> {
        if self.resource(key).resource_type != IDENTITY_POOL || self.designer_part(key).is_some() {
            return None;
        }
        let providers = self
            .resource(key)
            .property("CognitoIdentityProviders")
            .cloned()
            .unwrap_or(Value::null());
        let mut pools: Vec<String> = Vec::new();
        for provider in self.list_items(key.0, &providers) {
            let mut named = Vec::new();
            if let Some(name) = provider.get("ProviderName") {
                named.extend(self.elements_of(&self.eval(key.0, name)));
            }
            if let Some(client) = provider
                .get("ClientId")
                .and_then(|client| self.eval(key.0, client).resource())
                .filter(|client| {
                    self.resource(client).resource_type == "AWS::Cognito::UserPoolClient"
                })
            {
                named.extend(self.elements_of(&self.property(
                    client.0,
                    &client.1,
                    &["UserPoolId"],
                )));
            }
            for id in named {
                let user_pool = self
                    .design
                    .identity(&id)
                    .is_some_and(|identity| identity.kind == IdentityKind::CognitoUserPool);
                if user_pool && !pools.contains(&id) {
                    pools.push(id);
                }
            }
        }
        (pools.len() == 1).then(|| pools.remove(0))
    }

    /// The user pool an identity pool belongs to: the one an export made it for, or the one a
    /// template's identity pool admits the users of.
    fn identity_pool_owner(&self, key: &ResourceKey) -> Option<String> {
        if self.designer_part(key).as_deref() == Some(IDENTITY_POOL_PART) {
            return self.designer_element(key);
        }
        self.user_pool_of_identity_pool(key)
    }
}

/// Reads the identity pools that belong to a user pool into it (whether they accept the basic
/// flow), and absorbs them and their role attachments into the user pool: the guests they admit
/// and the roles they hand out are the trusts of the roles, read with the roles. Identity pools
/// of no user pool stay carried, for the generic checks.
pub(crate) fn absorb_identity_pools(im: &mut Importer<'_>) {
    let mut owners = Vec::new();
    for key in im.resources_of_type(IDENTITY_POOL) {
        let Some(owner) = im.identity_pool_owner(&key) else {
            continue;
        };
        // AWS's default is the enhanced flow only.
        let classic = im
            .flag(&key, &["AllowClassicFlow"])
            .or_else(|| (!im.present(&key, &["AllowClassicFlow"])).then_some(false));
        if let Some(identity) = im
            .design
            .identities
            .iter_mut()
            .find(|identity| identity.id == owner)
        {
            identity.classic_flow = classic;
        }
        if im.designer_part(&key).is_none() {
            im.mark(
                key.clone(),
                Disposition::Absorbed {
                    element: Some(owner.clone()),
                    how: "the user pool's identity pool (basic flow; guests and roles are the roles' trusts)".to_owned(),
                },
            );
        }
        owners.push((key, owner));
    }
    for key in im.resources_of_type(ROLE_ATTACHMENT) {
        if im.designer_part(&key).is_some() || im.designer_element(&key).is_some() {
            continue;
        }
        let pool = im.property(key.0, &key.1, &["IdentityPoolId"]).resource();
        if let Some((_, owner)) = owners
            .iter()
            .find(|(pool_key, _)| Some(pool_key) == pool.as_ref())
        {
            im.mark(
                key,
                Disposition::Absorbed {
                    element: Some(owner.clone()),
                    how: "the roles the user pool's identity pool hands out, drawn as the roles' trusts".to_owned(),
                },
            );
        }
    }
}
