//! ZT-MON-030: a carried alarm, metric filter, event rule or event subscription alerts no one.

use serde_json::Value;

use crate::carried::settings::{Setting, resolve, settings};
use crate::carried::{self, CarriedResource, flag};
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags CloudWatch alarms in the design's `carried_cloudformation` that notify no one
    /// (no `AlarmActions`, an empty list, or `ActionsEnabled: false`), log metric filters
    /// whose metric no carried alarm watches (matched by metric name and namespace),
    /// EventBridge rules that deliver to no target or are disabled, and RDS event
    /// subscriptions that are turned off. A resource whose settings are computed at
    /// deployment is not judged.
    ///
    /// ## Why it matters
    /// Monitoring counts only when someone hears of what it detects: an alarm without an
    /// action changes state in a console nobody watches, and a metric filter without an
    /// alarm counts root sign-ins or denied calls into a graph, and an event rule without a
    /// target matches events and drops them. The detection looks like coverage while the
    /// events go unnoticed.
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
    title: "Carried alarm, metric filter or event rule alerts no one",
    family: Monitoring,
    severity: Medium,
    tenets: [T5, T7],
    pillar: Visibility,
    check: check,
}

const ALARM: &str = "AWS::CloudWatch::Alarm";
const METRIC_FILTER: &str = "AWS::Logs::MetricFilter";
const EVENT_RULE: &str = "AWS::Events::Rule";
const EVENT_SUBSCRIPTION: &str = "AWS::RDS::EventSubscription";

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
            EVENT_RULE | EVENT_SUBSCRIPTION => judge_event_delivery(cx, out, resource),
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

/// An event rule delivers nothing when it has no target or is disabled; an event subscription
/// when it is turned off (`Enabled: false`; it is on by default).
fn judge_event_delivery(cx: &Context<'_>, out: &mut Emitter, resource: &CarriedResource<'_>) {
    let (path, why): (&str, fn(Setting<'_>) -> Option<&'static str>) =
        if resource.resource_type == EVENT_RULE {
            ("Targets", |targets| match targets {
                Setting::Absent => Some("has no `Targets`"),
                Setting::Known(Value::Array(items)) if items.is_empty() => Some("has no `Targets`"),
                _ => None,
            })
        } else {
            ("Enabled", |enabled| match enabled {
                Setting::Known(value) if flag(value) == Some(false) => {
                    Some("is turned off (`Enabled` is `false`)")
                }
                _ => None,
            })
        };
    let mut values = settings(cx.design, resource.properties, path);
    let disabled = resource.resource_type == EVENT_RULE
        && settings(cx.design, resource.properties, "State")
            .into_iter()
            .any(|state| {
                matches!(state, Setting::Known(Value::String(text)) if text.eq_ignore_ascii_case("DISABLED"))
            });
    values.retain(|value| !matches!(value, Setting::Unknown));
    if values.is_empty() && !disabled {
        return;
    }
    let subject = carried::subject("Resources", resource.logical_id);
    out.evaluate(&subject);
    let reason = if disabled {
        Some("is disabled (`State` is `DISABLED`)")
    } else {
        values.into_iter().find_map(why)
    };
    if let Some(reason) = reason {
        out.report_carried(
            format!(
                "Carried resource `{}` ({}) {reason}: the events it matches reach no one",
                resource.logical_id, resource.resource_type
            ),
            &subject,
            format!(
                "Give `{}` a target that reaches the on-call team (an SNS topic, a security account's event bus) and keep it enabled.",
                resource.logical_id
            ),
        );
    }
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
