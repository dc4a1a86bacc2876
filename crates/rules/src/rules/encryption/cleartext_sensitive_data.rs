//! ZT-ENC-002: internal or confidential data travels unencrypted.

use zta_model::DataClass;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows with `tls: none` whose most sensitive data is `internal` or `confidential`
    /// (personal and cardholder data are ZT-ENC-001's). Flows that carry no data class, or only
    /// public data, are not flagged.
    ///
    /// ## Why it matters
    /// Zero trust secures all communication regardless of network location; business data in
    /// cleartext is readable, and changeable, on the way.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: app-to-cache, source: app, target: cache, protocol: redis, tls: none, auth: iam, data: [internal]}
    /// ```
    ///
    /// ## What to do instead
    /// Set `tls: '1.2'` or higher.
    code: "ZT-ENC-002",
    name: "cleartext-sensitive-data",
    title: "Internal or confidential data sent unencrypted",
    family: Encryption,
    severity: High,
    tenets: [T2],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    // Every flow carrying the classes is judged, encrypted or not; only the cleartext ones fail.
    for flow in &cx.design.flows {
        if flow
            .most_sensitive()
            .is_some_and(|class| matches!(class, DataClass::Internal | DataClass::Confidential))
        {
            out.evaluate(&flow.id);
        }
    }
    for flow in cx.design.flows.iter().filter(|flow| !flow.is_encrypted()) {
        if let Some(class) = flow
            .most_sensitive()
            .filter(|class| matches!(class, DataClass::Internal | DataClass::Confidential))
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
