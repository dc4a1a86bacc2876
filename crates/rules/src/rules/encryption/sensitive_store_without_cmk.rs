//! ZT-ENC-006: a store of sensitive data has no customer-managed key.

use zta_model::DataClass;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags data stores holding confidential, personal or cardholder data that name no
    /// `encryption_key` (a KMS key of the design). Stores that are not encrypted at all are
    /// ZT-ENC-005's.
    ///
    /// ## Why it matters
    /// With an AWS-owned or AWS-managed key, the key policy cannot separate who may decrypt
    /// from who may read the service: a customer-managed key per data domain adds a second,
    /// audited permission and a way to revoke access at once (PCI DSS 3.6).
    ///
    /// ## Example
    /// ```yaml
    /// - {id: customers-table, kind: dynamodb_table, name: Customers, segment: prod-region, stores: [pii]}
    /// ```
    ///
    /// ## What to do instead
    /// Add a `kms_key` for the data domain and name it in `encryption_key`.
    code: "ZT-ENC-006",
    name: "sensitive-store-without-cmk",
    title: "Sensitive data store without a customer-managed key",
    family: Encryption,
    severity: Medium,
    tenets: [T4],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in cx
        .design
        .components
        .iter()
        .filter(|c| c.kind.is_data_store())
    {
        let Some(class) = component.most_sensitive_stored() else {
            continue;
        };
        if class >= DataClass::Confidential {
            out.evaluate(&component.id);
        }
        if class >= DataClass::Confidential
            && component.encryption_key.is_none()
            && component.properties.encrypted_at_rest != Some(false)
        {
            out.report(
                format!(
                    "{} stores {} data but names no customer-managed KMS key",
                    cx.label(&component.id),
                    class.as_str()
                ),
                &[&component.id],
                "Name a KMS key of the data domain in `encryption_key`.",
            );
        }
    }
}
