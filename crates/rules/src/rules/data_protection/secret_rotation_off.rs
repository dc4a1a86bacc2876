//! ZT-DATA-004: a secret does not rotate, or rotates rarely.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

/// The longest accepted rotation period, in days.
const LONGEST_DAYS: u32 = 90;

declare_rule! {
    /// ## What it checks
    /// Flags Secrets Manager secrets whose `rotation_days` is 0 (no rotation) or more than 90.
    ///
    /// ## Why it matters
    /// A secret that never changes stays valid after every leak; PCI DSS 8.3.9 and 8.6.3
    /// expect credentials to change periodically.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: api-key, kind: secret, name: Partner key, segment: prod-region, properties: {rotation_days: 365}}
    /// ```
    ///
    /// ## What to do instead
    /// Set `rotation_days` to 90 or less with a rotation function.
    code: "ZT-DATA-004",
    name: "secret-rotation-off",
    title: "Secret does not rotate",
    family: DataProtection,
    severity: Medium,
    tenets: [T3],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if component.kind != ComponentKind::Secret {
            continue;
        }
        out.evaluate(&component.id);
        let problem = match component.properties.rotation_days {
            Some(0) => "does not rotate".to_string(),
            Some(days) if days > LONGEST_DAYS => format!("rotates only every {days} days"),
            _ => continue,
        };
        out.report(
            format!("Secret {} {problem}", cx.label(&component.id)),
            &[&component.id],
            format!("Rotate at least every {LONGEST_DAYS} days."),
        );
    }
}
