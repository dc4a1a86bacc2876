//! ZT-MON-009: no alarm watches root account use.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags a design that has accounts holding components but no CloudWatch alarm whose
    /// `metric` mentions root account use (for example `root-account-usage`).
    ///
    /// ## Why it matters
    /// The root user bypasses every IAM policy; its use should be rare and seen at once (CIS
    /// AWS Foundations 4.3).
    ///
    /// ## Example
    /// ```yaml
    /// - {id: api-errors, kind: cloudwatch_alarm, name: API errors, segment: prod-region, properties: {metric: 5xx}}
    /// ```
    ///
    /// ## What to do instead
    /// Add a `cloudwatch_alarm` with `metric: root-account-usage`.
    code: "ZT-MON-009",
    name: "no-root-usage-alarm",
    title: "No alarm on root account use",
    family: Monitoring,
    severity: Low,
    tenets: [T7],
    pillar: Visibility,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for account in cx.accounts_with_components() {
        out.evaluate(&account.id);
    }
    let watched = cx.design.components.iter().any(|component| {
        component.kind == ComponentKind::CloudwatchAlarm
            && component
                .properties
                .metric
                .as_deref()
                .is_some_and(|metric| metric.to_ascii_lowercase().contains("root"))
    });
    if watched {
        return;
    }
    let accounts: Vec<&str> = cx
        .accounts_with_components()
        .map(|account| account.id.as_str())
        .collect();
    if !accounts.is_empty() {
        out.report(
            format!(
                "No alarm watches root account use in {}",
                accounts
                    .iter()
                    .map(|id| cx.label(id))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            &accounts,
            "Add a `cloudwatch_alarm` with `metric: root-account-usage`.",
        );
    }
}
