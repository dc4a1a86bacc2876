//! ZT-ENC-001: personal or cardholder data travels unencrypted.

use zta_model::DataClass;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows with `tls: none` that carry personal (`pii`) or cardholder data.
    ///
    /// ## Why it matters
    /// Inside the VPC is not a trusted network (NIST SP 800-207 tenet 2). PCI DSS 4.2.1 and
    /// GDPR Article 32 expect this data encrypted in transit; cleartext leaks to anyone who can
    /// mirror traffic or sits on a compromised host on the way.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: app-to-db, source: app, target: db, protocol: postgresql, tls: none, auth: iam, data: [cardholder]}
    /// ```
    ///
    /// ## What to do instead
    /// Set `tls: '1.2'` (or `'1.3'`) and enforce it at the target (`encrypted_in_transit: true`).
    code: "ZT-ENC-001",
    name: "cleartext-regulated-data",
    title: "Personal or cardholder data sent unencrypted",
    family: Encryption,
    severity: Critical,
    tenets: [T2],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    // Every flow carrying the classes is judged, encrypted or not; only the cleartext ones fail.
    for flow in &cx.design.flows {
        if flow
            .most_sensitive()
            .is_some_and(|class| class >= DataClass::Pii)
        {
            out.evaluate(&flow.id);
        }
    }
    for flow in cx.design.flows.iter().filter(|flow| !flow.is_encrypted()) {
        if let Some(class) = flow
            .most_sensitive()
            .filter(|class| *class >= DataClass::Pii)
        {
            out.report(
                format!(
                    "Flow `{}` from {} to {} carries {} data without TLS",
                    flow.id,
                    cx.label(&flow.source),
                    cx.label(&flow.target),
                    class.as_str()
                ),
                &[&flow.id, &flow.source, &flow.target],
                format!("Set `tls: '1.2'` or higher on flow `{}`.", flow.id),
            );
        }
    }
}
