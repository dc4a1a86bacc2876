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

use zta_model::ComponentKind;

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
