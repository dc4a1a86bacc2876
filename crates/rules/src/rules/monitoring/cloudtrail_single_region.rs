//! ZT-MON-002: a trail records one region only.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags CloudTrail trails with `multi_region: false`.
    ///
    /// ## Why it matters
    /// Attackers work in the regions nobody watches; a single-region trail misses them, and
    /// global-service events as well.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: trail, kind: cloudtrail, name: Trail, segment: prod, properties: {multi_region: false}}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `multi_region: false` (multi-region is the default).
    code: "ZT-MON-002",
    name: "cloudtrail-single-region",
    title: "CloudTrail records one region only",
    family: Monitoring,
    severity: Medium,
    tenets: [T7],
    pillar: Visibility,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if component.kind == ComponentKind::Cloudtrail {
            out.evaluate(&component.id);
        }
        if component.kind == ComponentKind::Cloudtrail
            && component.properties.multi_region == Some(false)
        {
            out.report(
                format!(
                    "Trail {} records only its own region",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Make the trail multi-region.",
            );
        }
    }
}
