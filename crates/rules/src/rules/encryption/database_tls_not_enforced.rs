//! ZT-ENC-008: a data store does not enforce TLS on its endpoint.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags RDS databases, ElastiCache groups, EFS file systems, DocumentDB and Redshift
    /// clusters, OpenSearch domains and MSK clusters with `encrypted_in_transit: false` (for a
    /// domain: HTTPS not enforced on its endpoint, or its nodes talking to each other in
    /// cleartext; for an MSK cluster: brokers that accept plaintext clients or talk to each other
    /// in cleartext). A component imported from a template whose parameter group comes from a
    /// template parameter, another stack or the service's default group of an Aurora or Redshift
    /// cluster is not judged: the template does not tell. An Aurora cluster whose own parameter
    /// group leaves `rds.force_ssl` or `require_secure_transport` out has it off, the engines'
    /// default.
    ///
    /// ## Why it matters
    /// A flow drawn with TLS only says what the client does; unless the server refuses
    /// cleartext (`rds.force_ssl`, ElastiCache transit encryption, an EFS file system policy
    /// that denies requests without `aws:SecureTransport`, DocumentDB's `tls` parameter,
    /// Redshift's `require_ssl`, a domain's `EnforceHTTPS`), any client can connect without it.
    ///
    /// ## Example
    /// ```yaml
    /// - id: cache
    ///   kind: elasticache
    ///   name: Sessions
    ///   segment: data-a
    ///   properties: {encrypted_in_transit: false}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `encrypted_in_transit: false`; clients of a file system then mount it with
    /// `mount -t efs -o tls`.
    code: "ZT-ENC-008",
    name: "database-tls-not-enforced",
    title: "Data store does not enforce TLS",
    family: Encryption,
    severity: High,
    tenets: [T2],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        // A component imported from a template that leaves TLS to a parameter group made
        // elsewhere is not judged: the template does not tell whether the server refuses
        // cleartext.
        let judged = matches!(
            component.kind,
            ComponentKind::Rds
                | ComponentKind::Elasticache
                | ComponentKind::EfsFileSystem
                | ComponentKind::DocumentdbCluster
                | ComponentKind::OpensearchDomain
                | ComponentKind::MskCluster
                | ComponentKind::RedshiftCluster
        ) && component.is_known("encrypted_in_transit");
        if judged {
            out.evaluate(&component.id);
        }
        if judged && component.properties.encrypted_in_transit == Some(false) {
            out.report(
                format!(
                    "{} accepts unencrypted connections",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Enforce encryption in transit (`encrypted_in_transit: true`).",
            );
        }
    }
}
