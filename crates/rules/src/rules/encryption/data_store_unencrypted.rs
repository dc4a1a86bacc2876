//! ZT-ENC-005: a data store is not encrypted at rest.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags data stores with `encrypted_at_rest: false`.
    ///
    /// ## Why it matters
    /// Snapshots, backups and disks of unencrypted stores can be copied and read outside the
    /// access controls of the service. PCI DSS 3.5.1 and GDPR Article 32 expect encryption.
    ///
    /// ## Example
    /// ```yaml
    /// - id: orders-db
    ///   kind: rds
    ///   name: Orders
    ///   segment: data-a
    ///   properties: {encrypted_at_rest: false}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `encrypted_at_rest: false` and name a KMS key in `encryption_key`.
    code: "ZT-ENC-005",
    name: "data-store-unencrypted",
    title: "Data store not encrypted at rest",
    family: Encryption,
    severity: High,
    tenets: [T1],
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
        out.evaluate(&component.id);
        if component.properties.encrypted_at_rest == Some(false) {
            out.report(
                format!(
                    "Data store {} is not encrypted at rest",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Encrypt it with a KMS key (`encryption_key`) and drop `encrypted_at_rest: false`.",
            );
        }
    }
}
