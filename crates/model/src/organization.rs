//! The AWS Organization around a design's accounts: which account administers IAM Identity
//! Center, and so where permission sets and account assignments deploy.
//!
//! The rule engine and the exporter both read this, so that a permission set the rules pass is
//! written into the administering account's stack, and one they flag is refused by the export
//! for the same reason rather than written into another account.

use crate::{Design, Identity, IdentityKind, OrganizationRole, Segment, SegmentKind};

/// The account that administers IAM Identity Center: the delegated administrator when the
/// design marks one, else the management account. Permission sets and assignments can be
/// created only there
/// (<https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin.html>).
pub fn identity_center_account(design: &Design) -> Option<&Segment> {
    let marked = |role: OrganizationRole| {
        design
            .segments
            .iter()
            .find(|s| s.kind == SegmentKind::Account && s.organization_role == Some(role))
    };
    marked(OrganizationRole::DelegatedAdministrator)
        .or_else(|| marked(OrganizationRole::Management))
}

/// Where a permission set cannot deploy, and why.
#[derive(Debug, Clone)]
pub struct PermissionSetHomeless<'d> {
    pub identity: &'d Identity,
    /// The account the design states for the permission set, when that account administers
    /// nothing; `None` when the design states none and marks no administering account.
    pub stated_account: Option<&'d str>,
}

impl PermissionSetHomeless<'_> {
    /// What is wrong, the same words in the finding and in the export's refusal.
    pub fn message(&self) -> String {
        match self.stated_account {
            Some(account) => format!(
                "permission set `{}` is placed in account `{account}`, which is not marked as the organization's management or IAM Identity Center delegated administrator account, the only accounts permission sets deploy from",
                self.identity.id
            ),
            None => format!(
                "permission set `{}` deploys only from the organization's management or IAM Identity Center delegated administrator account, and the design marks neither",
                self.identity.id
            ),
        }
    }

    /// The fix.
    pub fn fix(&self) -> String {
        match self.stated_account {
            Some(account) => format!(
                "Set `organization_role` on account `{account}` if it administers IAM Identity Center, or remove the permission set's `account` so that it deploys from the account that does."
            ),
            None => "Set `organization_role: management` (or `delegated_administrator`) on the account that administers IAM Identity Center.".to_owned(),
        }
    }
}

/// The account a permission set deploys from: the one the design states for it when that
/// account administers IAM Identity Center, else the administering account; `Err` says why
/// there is none. Other identities are not judged (`Ok(None)`).
pub fn permission_set_account<'d>(
    design: &'d Design,
    identity: &'d Identity,
) -> Result<Option<&'d Segment>, PermissionSetHomeless<'d>> {
    if identity.kind != IdentityKind::PermissionSet {
        return Ok(None);
    }
    match identity.account.as_deref() {
        Some(stated) => match design.segment(stated) {
            Some(account) if account.organization_role.is_some() => Ok(Some(account)),
            _ => Err(PermissionSetHomeless {
                identity,
                stated_account: Some(stated),
            }),
        },
        None => identity_center_account(design)
            .map(Some)
            .ok_or(PermissionSetHomeless {
                identity,
                stated_account: None,
            }),
    }
}
