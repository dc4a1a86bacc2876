//! SAML and OIDC identity providers.

use zta_model::{COGNITO_IDENTITY_ISSUER, FederationProtocol, Identity, PrincipalKind};

use crate::export::builder::{Builder, Group};
use crate::import::{Importer, ResourceKey};
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The resource type of an OIDC provider.
pub(crate) const OIDC_PROVIDER: &str = "AWS::IAM::OIDCProvider";

/// The resource type of a SAML provider.
pub(crate) const SAML_PROVIDER: &str = "AWS::IAM::SAMLProvider";

pub(crate) fn export(b: &mut Builder<'_>, identity: &Identity) {
    let trusted_by_role = b.design.identities.iter().any(|role| {
        role.trusts
            .iter()
            .any(|p| p.kind == PrincipalKind::Federated && p.id == identity.id)
    });
    // Cognito identity pools are the `cognito-identity.amazonaws.com` principal itself: IAM
    // has no provider resource for them.
    if !trusted_by_role || identity.issuer.as_deref() == Some(COGNITO_IDENTITY_ISSUER) {
        return;
    }
    let unit = b.unit_of_identity(identity);
    let resource = match identity.protocol {
        Some(FederationProtocol::Saml) => {
            let metadata = b.parameter(
                &unit,
                &b.logical_id_for(&identity.id, "SamlMetadata"),
                Parameter::new("String").with(
                    "Description",
                    format!("The SAML metadata document of `{}`.", identity.id),
                ),
            );
            Resource::new(SAML_PROVIDER).with_property("SamlMetadataDocument", metadata)
        }
        _ => Resource::new(OIDC_PROVIDER)
            .with_property("Url", identity.issuer.clone().unwrap_or_default())
            .with_property(
                "ClientIdList",
                Value::list([Value::string("sts.amazonaws.com")]),
            ),
    };
    b.put(
        &unit,
        b.logical_id(&identity.id),
        &identity.id,
        Group::Security,
        resource,
    );
}

/// Reads a provider's protocol and, for OIDC, its issuer.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey, identity: &mut Identity) {
    if im.resource(key).resource_type == SAML_PROVIDER {
        identity.protocol = Some(FederationProtocol::Saml);
    } else {
        identity.protocol = Some(FederationProtocol::Oidc);
        identity.issuer = im
            .property(key.0, &key.1, &["Url"])
            .as_text()
            .map(str::to_owned);
    }
}
