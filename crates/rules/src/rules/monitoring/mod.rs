//! Monitoring rules: CloudTrail, Config, GuardDuty, Security Hub and Access Analyzer in every
//! account of the design, flow logs, alarms and log retention, carried alarms, metric filters
//! and event rules that alert no one, and components and carried resources that keep no log.

pub(crate) mod access_analyzer_missing;
pub(crate) mod carried_alert_to_no_one;
pub(crate) mod carried_logging_off;
pub(crate) mod cloudtrail_missing;
pub(crate) mod cloudtrail_no_validation;
pub(crate) mod cloudtrail_single_region;
pub(crate) mod config_missing;
pub(crate) mod flow_logs_off;
pub(crate) mod guardduty_missing;
pub(crate) mod no_root_usage_alarm;
pub(crate) mod security_hub_missing;
pub(crate) mod service_logging_off;
pub(crate) mod short_log_retention;

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;

/// Reports every account of the design that holds components but none of `kind`.
pub(crate) fn require_in_every_account(
    cx: &Context<'_>,
    out: &mut Emitter,
    kind: ComponentKind,
    consequence: &str,
) {
    for account in cx.accounts_with_components() {
        out.evaluate(&account.id);
        if !cx.account_has(&account.id, kind) {
            out.report(
                format!(
                    "Account {} has no {}: {consequence}",
                    cx.label(&account.id),
                    kind.info().label
                ),
                &[&account.id],
                format!(
                    "Add a `{}` component to account `{}`.",
                    kind.as_str(),
                    account.id
                ),
            );
        }
    }
}
