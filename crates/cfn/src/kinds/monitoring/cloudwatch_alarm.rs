//! CloudWatch alarms on critical events, through metric filters on the trails' log groups.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group};
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::CloudWatch::Alarm";

/// The resource that turns matching trail events into the alarm's metric.
const METRIC_FILTER: &str = "AWS::Logs::MetricFilter";

/// The critical events the designer offers, with the metric filter of each, as in the CIS
/// benchmark.
const METRICS: [(&str, &str); 8] = [
    (
        "root-account-usage",
        r#"{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }"#,
    ),
    (
        "unauthorized-api-calls",
        r#"{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }"#,
    ),
    (
        "console-sign-in-without-mfa",
        r#"{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }"#,
    ),
    (
        "iam-policy-changes",
        r#"{ ($.eventSource = iam.amazonaws.com) && (($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy)) }"#,
    ),
    (
        "cloudtrail-changes",
        r#"{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }"#,
    ),
    (
        "security-group-changes",
        r#"{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }"#,
    ),
    (
        "nacl-changes",
        r#"{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }"#,
    ),
    (
        "kms-key-deletion",
        r#"{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }"#,
    ),
];

/// The metric filter pattern of a critical event.
pub(crate) fn filter_pattern(metric: &str) -> Option<&'static str> {
    let metric = match metric {
        "console-signin-without-mfa" => "console-sign-in-without-mfa",
        other => other,
    };
    METRICS
        .iter()
        .find(|(name, _)| *name == metric)
        .map(|(_, pattern)| *pattern)
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let metric = c
        .properties
        .metric
        .clone()
        .unwrap_or_else(|| "unauthorized-api-calls".into());
    let Some(pattern) = filter_pattern(&metric) else {
        b.warn(format!("alarm `{}` watches `{metric}`, which the exporter has no metric filter for; not exported", c.id));
        return;
    };
    let Some(trail) = b
        .components_of(ComponentKind::Cloudtrail)
        .find(|t| b.unit_of_component(t) == unit)
    else {
        b.warn(format!(
            "alarm `{}` needs a CloudTrail trail in its account to watch; not exported",
            c.id
        ));
        return;
    };
    let metric_name = b.logical_id(&c.id);
    b.put(
        &unit,
        b.logical_id_for(&c.id, "MetricFilter"),
        &c.id,
        Group::Security,
        Resource::new(METRIC_FILTER)
            .with_property(
                "LogGroupName",
                Value::reference(b.logical_id_for(&trail.id, "LogGroup")),
            )
            .with_property("FilterPattern", pattern)
            .with_property(
                "MetricTransformations",
                Value::list([Value::map([
                    ("MetricNamespace", Value::string("ZtaDesigner/Security")),
                    ("MetricName", Value::string(&metric_name)),
                    ("MetricValue", Value::string("1")),
                ])]),
            ),
    );
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("AlarmDescription", &c.name)
        .with_property("Namespace", "ZtaDesigner/Security")
        .with_property("MetricName", metric_name.clone())
        .with_property("Statistic", "Sum")
        .with_property("Period", 300_u32)
        .with_property("EvaluationPeriods", 1_u32)
        .with_property("Threshold", 1_u32)
        .with_property("ComparisonOperator", "GreaterThanOrEqualToThreshold")
        .with_property("TreatMissingData", "notBreaching");
    if let Some(topic) = b
        .components_of(ComponentKind::SnsTopic)
        .find(|t| b.unit_of_component(t) == unit)
    {
        resource = resource.with_property(
            "AlarmActions",
            Value::list([Value::reference(b.logical_id(&topic.id))]),
        );
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Security, resource);
}

/// Reads `AWS::CloudWatch::Alarm` into a component when it watches one of the critical events
/// the designer offers (a metric filter of the template feeds its metric with that event's
/// pattern); any other alarm is carried as it is, since an export could not write it again.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let metric_name = im.text(key, &["MetricName"])?;
    let metric = im
        .resources_of_type(METRIC_FILTER)
        .into_iter()
        .find_map(|filter| {
            let transformations = im
                .resource(&filter)
                .property("MetricTransformations")?
                .clone();
            let feeds_alarm = im
                .list_items(filter.0, &transformations)
                .iter()
                .any(|item| {
                    item.get("MetricName").is_some_and(|name| {
                        im.eval(filter.0, name).as_text() == Some(metric_name.as_str())
                    })
                });
            let pattern = im.text(&filter, &["FilterPattern"])?;
            let known = METRICS
                .iter()
                .find(|(_, known)| *known == pattern)
                .map(|(name, _)| (*name).to_owned());
            feeds_alarm.then_some(known).flatten()
        })?;
    let mut component = im.account_component(key, ComponentKind::CloudwatchAlarm);
    component.properties.metric = Some(metric);
    Some(component)
}
