//! ZT-DATA-007: a data store keeps no or too few backups.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

/// The fewest days of automated backups accepted.
const FEWEST_DAYS: u32 = 7;

declare_rule! {
    /// ## What it checks
    /// Flags RDS databases with `backup_retention_days` under 7, DynamoDB tables with
    /// `point_in_time_recovery: false`, and S3 buckets holding non-public data with
    /// `versioning: false`.
    ///
    /// ## Why it matters
    /// Ransomware and mistakes delete data; availability is part of security (CISA ZTMM Data
    /// pillar, GDPR Article 32(1)(c)).
    ///
    /// ## Example
    /// ```yaml
    /// - {id: db, kind: rds, name: Orders, segment: data-a, properties: {backup_retention_days: 1}}
    /// ```
    ///
    /// ## What to do instead
    /// Keep at least seven days of backups, point-in-time recovery, or object versions.
    code: "ZT-DATA-007",
    name: "backups-off",
    title: "Data store without adequate backups",
    family: DataProtection,
    severity: Low,
    tenets: [T1],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if matches!(
            component.kind,
            ComponentKind::Rds | ComponentKind::DynamodbTable | ComponentKind::S3Bucket
        ) {
            out.evaluate(&component.id);
        }
        let properties = &component.properties;
        let problem = match component.kind {
            ComponentKind::Rds => properties
                .backup_retention_days
                .filter(|days| *days < FEWEST_DAYS)
                .map(|days| format!("keeps backups for {days} day(s)")),
            ComponentKind::DynamodbTable => (properties.point_in_time_recovery == Some(false))
                .then(|| "has point-in-time recovery off".to_string()),
            ComponentKind::S3Bucket => (properties.versioning == Some(false)
                && component.stores.iter().any(|class| class.is_sensitive()))
            .then(|| "keeps no object versions".to_string()),
            _ => None,
        };
        if let Some(problem) = problem {
            out.report(
                format!("{} {problem}", cx.label(&component.id)),
                &[&component.id],
                "Keep at least seven days of backups (versioning or point-in-time recovery for buckets and tables).",
            );
        }
    }
}
