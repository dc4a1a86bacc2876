//! Detection, logging and operations: CloudTrail (multi-region, validated, to an encrypted
//! bucket and to CloudWatch Logs), log groups, alarms on critical events, AWS Config, Security
//! Hub with its standards, GuardDuty, Macie, Inspector (a manual step: enabling Inspector v2 has
//! no CloudFormation resource), IAM Access Analyzer, Session Manager preferences, patching, and
//! RAM resource shares.

pub(crate) mod access_analyzer;
pub(crate) mod cloudtrail;
pub(crate) mod cloudwatch_alarm;
pub(crate) mod config_recorder;
pub(crate) mod guardduty;
pub(crate) mod inspector;
pub(crate) mod log_group;
pub(crate) mod macie;
pub(crate) mod patch_baseline;
pub(crate) mod ram_share;
pub(crate) mod security_hub;
pub(crate) mod session_manager;

use zta_model::{Component, ComponentKind};

use crate::export::builder::Builder;

pub(crate) fn generate(b: &mut Builder<'_>) {
    for c in &b.design.components {
        match c.kind {
            ComponentKind::Cloudtrail => cloudtrail::export(b, c),
            ComponentKind::LogGroup => log_group::export(b, c),
            ComponentKind::ConfigRecorder => config_recorder::export(b, c),
            ComponentKind::SecurityHub => security_hub::export(b, c),
            ComponentKind::Guardduty => guardduty::export(b, c),
            ComponentKind::Macie => macie::export(b, c),
            ComponentKind::Inspector => inspector::export(b, c),
            ComponentKind::AccessAnalyzer => access_analyzer::export(b, c),
            ComponentKind::SessionManager => session_manager::export(b, c),
            ComponentKind::PatchBaseline => patch_baseline::export(b, c),
            ComponentKind::RamShare => ram_share::export(b, c),
            _ => {}
        }
    }
    // Alarms last: they watch the trails' log groups and notify the topics made above.
    for c in &b.design.components {
        if c.kind == ComponentKind::CloudwatchAlarm {
            cloudwatch_alarm::export(b, c);
        }
    }
}

/// What the marker keeps of a detector whose findings the design routes (or not) to Security
/// Hub: no resource says so, since Security Hub takes the findings of GuardDuty, Macie and
/// AWS Config wherever it is enabled; a design that keeps them out is told it is a manual step.
/// <https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-integrations-managing.html>
pub(crate) fn findings_routing(
    b: &mut Builder<'_>,
    c: &Component,
) -> serde_json::Map<String, serde_json::Value> {
    if c.properties.publish_to_security_hub == Some(false) {
        b.warn(format!(
            "`{}` is drawn not to publish its findings to Security Hub, which takes them wherever it is enabled: stop the integration by hand (aws securityhub disable-import-findings-for-product)",
            c.id
        ));
    }
    crate::marker::drawn_properties(c, &["publish_to_security_hub"])
}
