//! ZT-ENC-007: a KMS key does not rotate.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags KMS keys with `key_rotation: false`.
    ///
    /// ## Why it matters
    /// Rotation limits how much data one key version protects and is required by PCI DSS
    /// 3.6.1/3.7.4 for keys that protect cardholder data.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: data-key, kind: kms_key, name: Data, segment: prod-region, properties: {key_rotation: false}}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `key_rotation: false` (rotation is on by default).
    code: "ZT-ENC-007",
    name: "key-rotation-off",
    title: "KMS key rotation is off",
    family: Encryption,
    severity: Medium,
    tenets: [T1],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if component.kind == ComponentKind::KmsKey {
            out.evaluate(&component.id);
        }
        if component.kind == ComponentKind::KmsKey
            && component.properties.key_rotation == Some(false)
        {
            out.report(
                format!("KMS key {} does not rotate", cx.label(&component.id)),
                &[&component.id],
                "Turn rotation on (`key_rotation: true`).",
            );
        }
    }
}
