//! ZT-DATA-011: a store of sensitive data runs in one availability zone.

use zta_model::DataClass;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags data stores that can span availability zones (RDS, ElastiCache, OpenSearch domains,
    /// Amazon MQ brokers) and store confidential, personal or cardholder data with
    /// `multi_az: false`. Leaving `multi_az` out deploys a standby in a second zone, so only an
    /// explicit `false` fails.
    ///
    /// ## Why it matters
    /// A zone failure takes a single-zone store down with everything that depends on it.
    /// ISO/IEC 27001 A.8.14 asks for redundancy sufficient to meet availability requirements,
    /// and GDPR Article 32(1)(b) for resilience of the systems processing personal data.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: db, kind: rds, name: Customers, segment: data-a, stores: [pii], properties: {multi_az: false}}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `multi_az: false`, so that the database keeps a standby in a second zone.
    code: "ZT-DATA-011",
    name: "sensitive-store-single-az",
    title: "Store of sensitive data in one availability zone",
    family: DataProtection,
    severity: Low,
    tenets: [T1],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        let can_span = component.kind.is_data_store()
            && component.kind.applicable_properties().contains(&"multi_az");
        let sensitive = component
            .most_sensitive_stored()
            .is_some_and(|class| class >= DataClass::Confidential);
        if !can_span || !sensitive {
            continue;
        }
        out.evaluate(&component.id);
        if component.properties.multi_az == Some(false) {
            out.report(
                format!(
                    "{} stores {} data in a single availability zone",
                    cx.label(&component.id),
                    component
                        .most_sensitive_stored()
                        .map_or("sensitive", DataClass::as_str)
                ),
                &[&component.id],
                "Remove `multi_az: false` so that a standby runs in a second zone.",
            );
        }
    }
}
