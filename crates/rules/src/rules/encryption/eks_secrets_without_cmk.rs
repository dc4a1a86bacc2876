//! ZT-ENC-010: an EKS cluster does not envelope-encrypt its secrets with a key the design holds.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags EKS clusters with `encrypted_at_rest: false`, which the exporter writes as a
    /// cluster without `EncryptionConfig` for Kubernetes secrets. A cluster that says nothing
    /// is exported with its secrets encrypted under a customer-managed KMS key.
    ///
    /// ## Why it matters
    /// Kubernetes secrets hold the credentials of every workload in the cluster. Without
    /// envelope encryption under a customer-managed key, the key policy cannot restrict who
    /// decrypts them, key use is not logged per call in CloudTrail, and the key cannot be
    /// disabled to cut access. PCI DSS 3.5.1 and 3.6.1 expect keys under the entity's control.
    ///
    /// ## Example
    /// ```yaml
    /// - id: cluster
    ///   kind: eks_cluster
    ///   name: Platform
    ///   segment: private-a
    ///   properties: {encrypted_at_rest: false}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `encrypted_at_rest: false`: the exporter adds `EncryptionConfig` for `secrets`
    /// with a customer-managed KMS key.
    code: "ZT-ENC-010",
    name: "eks-secrets-without-cmk",
    title: "EKS secrets not encrypted with a customer-managed key",
    family: Encryption,
    severity: Medium,
    tenets: [T6],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for cluster in cx
        .design
        .components
        .iter()
        .filter(|component| component.kind == ComponentKind::EksCluster)
    {
        out.evaluate(&cluster.id);
        if cluster.properties.encrypted_at_rest == Some(false) {
            out.report(
                format!(
                    "{} keeps Kubernetes secrets without envelope encryption under a customer-managed key",
                    cx.label(&cluster.id)
                ),
                &[&cluster.id],
                format!(
                    "Remove `encrypted_at_rest: false` from `{}`.",
                    cluster.id
                ),
            );
        }
    }
}
