//! ZT-DATA-002: personal or cardholder data sits in S3 without Macie.

use zta_model::{ComponentKind, DataClass};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags accounts with S3 buckets that store personal or cardholder data but no `macie`
    /// component.
    ///
    /// ## Why it matters
    /// Data lands where it was not designed to go; Macie discovers personal and card data in
    /// buckets so the inventory stays true (GDPR Article 30, PCI DSS A3.2.5).
    ///
    /// ## Example
    /// ```yaml
    /// - {id: docs, kind: s3_bucket, name: Docs, segment: prod-region, stores: [pii]}
    /// # ... and no macie in the account
    /// ```
    ///
    /// ## What to do instead
    /// Add a `macie` component to the account.
    code: "ZT-DATA-002",
    name: "macie-missing",
    title: "Personal data in S3 without Macie",
    family: DataProtection,
    severity: Medium,
    tenets: [T1, T7],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for account in cx.accounts_with_components() {
        let buckets: Vec<&str> = cx
            .index
            .components_in_account(&account.id)
            .iter()
            .filter(|component| {
                component.kind == ComponentKind::S3Bucket
                    && component
                        .most_sensitive_stored()
                        .is_some_and(|class| class >= DataClass::Pii)
            })
            .map(|component| component.id.as_str())
            .collect();
        if buckets.is_empty() {
            continue;
        }
        out.evaluate(&account.id);
        if cx.account_has(&account.id, ComponentKind::Macie) {
            continue;
        }
        let mut elements = vec![account.id.as_str()];
        elements.extend(&buckets);
        out.report(
            format!(
                "Account {} keeps personal data in {} but has no Macie",
                cx.label(&account.id),
                buckets
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            &elements,
            format!("Add a `macie` component to account `{}`.", account.id),
        );
    }
}
