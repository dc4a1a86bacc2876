//! The names a role's trust policy is written and read with, defined once for the export
//! ([`crate::export::trust`]) and the import (`import/trust.rs`): the condition keys, the
//! defaults the export adds, and the names that tie a statement to an element of the design.
//! A leaf, so that both directions can use it.

use zta_model::Identity;

pub(crate) const EXTERNAL_ID: &str = "sts:ExternalId";
pub(crate) const SOURCE_ACCOUNT: &str = "aws:SourceAccount";
pub(crate) const SOURCE_ARN: &str = "aws:SourceArn";
pub(crate) const ORGANIZATION_ID: &str = "aws:PrincipalOrgID";
pub(crate) const PRINCIPAL_ARN: &str = "aws:PrincipalArn";
pub(crate) const MFA_PRESENT: &str = "aws:MultiFactorAuthPresent";
/// The audience IAM's SAML sign-in endpoint gives its assertions, which a SAML trust requires
/// unless the design states another
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html>).
pub(crate) const SAML_SIGN_IN_AUDIENCE: &str = "https://signin.aws.amazon.com/saml";
/// The `amr` a Cognito identity pool gives signed-in users; the export requires it unless the
/// design states another.
pub(crate) const AUTHENTICATED_AMR: &str = "authenticated";
/// What the Sid of an actor's trust statement holds before the actor's logical id, so that an
/// import tells the actor from the identity the actor signs in with.
pub(crate) const ACTOR_SID: &str = "Actor";
/// The part of a user pool's export that is the Cognito identity pool its federated trusts
/// name as their audience.
pub(crate) const IDENTITY_POOL_PART: &str = "IdentityPool";

/// The name a permission set is exported with: its id in the characters and length Identity
/// Center accepts. The roles Identity Center makes for it are `AWSReservedSSO_<name>_<suffix>`.
pub(crate) fn permission_set_name(identity: &Identity) -> String {
    identity
        .id
        .chars()
        .filter(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '+' | '=' | ',' | '.' | '@' | '-' | '_')
        })
        .take(32)
        .collect()
}
