//! Cognito user pools with MFA, and their clients.

use zta_model::{FederationProtocol, Identity, MfaMode};

use crate::export::builder::{Builder, Group};
use crate::export::trust::roles_trusting_pool;
use crate::import::{Importer, ResourceKey};
use crate::template::{Output, Parameter, Resource};
use crate::trust_names::IDENTITY_POOL_PART;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Cognito::UserPool";

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
    client.depends_on = provider_ids;
    b.put(
        &unit,
        b.logical_id_for(&identity.id, "Client"),
        &identity.id,
        Group::Security,
        client,
    );
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
/// Guests are not admitted, and the identity pool checks each token with the user pool.
fn identity_pool(b: &mut Builder<'_>, unit: &str, identity: &Identity) {
    if roles_trusting_pool(b, &identity.id).is_empty() {
        return;
    }
    let pool = b.logical_id(&identity.id);
    b.put(
        unit,
        b.logical_id_for(&identity.id, IDENTITY_POOL_PART),
        &identity.id,
        Group::Security,
        Resource::new("AWS::Cognito::IdentityPool")
            .with_property("AllowUnauthenticatedIdentities", false)
            .with_property("AllowClassicFlow", false)
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

/// Reads a user pool's MFA mode and the validity of the tokens its clients issue.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey, identity: &mut Identity) {
    identity.mfa = match im.property(key.0, &key.1, &["MfaConfiguration"]).as_text() {
        Some("ON") => Some(MfaMode::Required),
        Some("OPTIONAL") => Some(MfaMode::Optional),
        _ => Some(MfaMode::Off),
    };
    identity.token_validity_minutes = im.user_pool_token_validity(key);
}
