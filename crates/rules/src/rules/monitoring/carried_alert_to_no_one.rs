//! ZT-MON-030: a carried alarm or metric filter alerts no one.

use serde_json::Value;

use crate::carried::settings::{Setting, resolve, settings};
use crate::carried::{self, CarriedResource, flag};
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags CloudWatch alarms in the design's `carried_cloudformation` that notify no one
    /// (no `AlarmActions`, an empty list, or `ActionsEnabled: false`), and log metric filters
    /// whose metric no carried alarm watches (matched by metric name and namespace). An alarm
    /// or filter whose settings are computed at deployment is not judged.
    ///
    /// ## Why it matters
    /// Monitoring counts only when someone hears of what it detects: an alarm without an
    /// action changes state in a console nobody watches, and a metric filter without an
    /// alarm counts root sign-ins or denied calls into a graph. The detection looks like
    /// coverage while the events go unnoticed.
    ///
    /// ## Example
    /// ```yaml
    /// carried_cloudformation:
    ///   Resources:
    ///     RootSignIn:
    ///       Type: AWS::CloudWatch::Alarm
    ///       Properties: {MetricName: RootSignIns, Namespace: Trail, Threshold: 0}
    /// ```
    ///
    /// ## What to do instead
    /// Give every alarm an action (an SNS topic that reaches the on-call team, or an
    /// automated response) and keep it enabled, and put an alarm on every metric that a
    /// filter counts security events into.
    code: "ZT-MON-030",
    name: "carried-alert-to-no-one",
    title: "Carried alarm or metric filter alerts no one",
    family: Monitoring,
    severity: Medium,
    tenets: [T5, T7],
    pillar: Visibility,
    check: check,
}

const ALARM: &str = "AWS::CloudWatch::Alarm";
const METRIC_FILTER: &str = "AWS::Logs::MetricFilter";

fn check(cx: &Context<'_>, out: &mut Emitter) {
    let resources: Vec<CarriedResource<'_>> = carried::resources(cx.design).collect();
    let watched: Vec<(&Value, &Value)> = resources
        .iter()
        .filter(|resource| resource.resource_type == ALARM)
        .flat_map(|alarm| watched_metrics(alarm))
        .collect();
    for resource in &resources {
        match resource.resource_type {
            ALARM => judge_alarm(cx, out, resource),
            METRIC_FILTER => judge_metric_filter(out, resource, &watched),
            _ => {}
        }
    }
}

/// An alarm alerts no one when it may deploy without an action, or with its actions off.
fn judge_alarm(cx: &Context<'_>, out: &mut Emitter, alarm: &CarriedResource<'_>) {
    let actions = settings(cx.design, alarm.properties, "AlarmActions");
    let enabled = settings(cx.design, alarm.properties, "ActionsEnabled");
    let known = |values: &[Setting<'_>]| {
        values
            .iter()
            .any(|value| !matches!(value, Setting::Unknown))
    };
    if !known(&actions) && !known(&enabled) {
        return;
    }
    let subject = carried::subject("Resources", alarm.logical_id);
    out.evaluate(&subject);
    let disabled = enabled
        .iter()
        .any(|value| matches!(value, Setting::Known(value) if flag(value) == Some(false)));
    let without_action = actions.iter().any(|value| match value {
        Setting::Absent => true,
        Setting::Known(Value::Array(items)) => items.iter().all(|item| {
            resolve(cx.design, item, 0)
                .iter()
                .all(|item| matches!(item, Setting::Absent))
        }),
        _ => false,
    });
    let why = if disabled {
        "has its actions turned off (`ActionsEnabled` is `false`)"
    } else if without_action {
        "has no `AlarmActions`"
    } else {
        return;
    };
    out.report_carried(
        format!(
            "Carried resource `{}` ({ALARM}) {why}: it changes state without alerting anyone",
            alarm.logical_id
        ),
        &subject,
        format!(
            "Give `{}` an `AlarmActions` entry (an SNS topic the on-call team receives) and leave `ActionsEnabled` on.",
            alarm.logical_id
        ),
    );
}

/// A metric filter alerts no one when no carried alarm watches the metric it writes.
fn judge_metric_filter(
    out: &mut Emitter,
    filter: &CarriedResource<'_>,
    watched: &[(&Value, &Value)],
) {
    let Some(Value::Array(transformations)) = filter
        .properties
        .and_then(|properties| properties.get("MetricTransformations"))
    else {
        return;
    };
    let metrics: Vec<(&Value, &Value)> = transformations
        .iter()
        .filter_map(|transformation| {
            Some((
                transformation.get("MetricName")?,
                transformation.get("MetricNamespace")?,
            ))
        })
        .collect();
    if metrics.is_empty() {
        return;
    }
    let subject = carried::subject("Resources", filter.logical_id);
    out.evaluate(&subject);
    let unwatched = metrics
        .iter()
        .find(|metric| !watched.iter().any(|alarm| alarm == *metric));
    if let Some((name, _)) = unwatched {
        let name = carried::spelled(name).unwrap_or_else(|| name.to_string());
        out.report_carried(
            format!(
                "Carried resource `{}` ({METRIC_FILTER}) counts events into metric `{name}`, which no alarm watches",
                filter.logical_id
            ),
            &subject,
            format!(
                "Add an `AWS::CloudWatch::Alarm` on metric `{name}` with an action, or remove `{}`.",
                filter.logical_id
            ),
        );
    }
}

/// The metrics (name and namespace, as written) an alarm watches, directly or through the
/// metric queries of `Metrics`.
fn watched_metrics<'a>(alarm: &CarriedResource<'a>) -> Vec<(&'a Value, &'a Value)> {
    let Some(properties) = alarm.properties else {
        return Vec::new();
    };
    let direct = properties
        .get("MetricName")
        .zip(properties.get("Namespace"));
    let queried = carried::one_or_many(properties.get("Metrics"))
        .into_iter()
        .filter_map(|query| {
            let metric = query.get("MetricStat")?.get("Metric")?;
            metric.get("MetricName").zip(metric.get("Namespace"))
        });
    direct.into_iter().chain(queried).collect()
}
