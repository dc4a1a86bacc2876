//! ZT-ENC-003: a flow accepts TLS 1.0 or 1.1.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags flows whose lowest accepted TLS version is 1.0 or 1.1.
    ///
    /// ## Why it matters
    /// TLS 1.0 and 1.1 are deprecated (RFC 8996) and fall to downgrade and cipher attacks;
    /// PCI DSS 4.2.1 requires strong cryptography.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: legacy, source: app, target: partner-api, protocol: https, tls: '1.0', auth: mtls}
    /// ```
    ///
    /// ## What to do instead
    /// Set `tls: '1.2'` or `'1.3'`.
    code: "ZT-ENC-003",
    name: "obsolete-tls",
    title: "Flow accepts obsolete TLS",
    family: Encryption,
    severity: High,
    tenets: [T2],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for flow in &cx.design.flows {
        if flow.is_encrypted() {
            out.evaluate(&flow.id);
        }
        if flow.is_encrypted() && !flow.tls.is_modern() {
            let version = serde_json::to_value(flow.tls)
                .ok()
                .and_then(|value| value.as_str().map(str::to_string))
                .unwrap_or_default();
            out.report(
                format!(
                    "Flow `{}` from {} to {} accepts TLS {version}",
                    flow.id,
                    cx.label(&flow.source),
                    cx.label(&flow.target)
                ),
                &[&flow.id, &flow.source, &flow.target],
                format!("Set `tls: '1.2'` or higher on flow `{}`.", flow.id),
            );
        }
    }
}
