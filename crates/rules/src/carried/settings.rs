//! Tables of settings that the generic checks of carried resources judge: for a resource type,
//! the property path of a setting and which values of it are unsafe. A path reads what the
//! template may deploy: a parameter stands for its default, both branches of `Fn::If` are
//! possible, and a value computed at deployment (an import, a parameter without default, any
//! other function) is unknown, so the row does not judge it rather than guess.
//!
//! Paths are dotted property names; `Name[]` steps into every item of a list (a missing list
//! has no items, so nothing to judge), and `Name?` says that a missing object means the
//! setting does not apply (an `Ebs` block that a device mapping leaves out).

use serde_json::{Map, Value};
use zta_model::Design;

use super::{CarriedResource, flag, intrinsic, parameter, reference};
use crate::finding::Emitter;

/// A value a property may take when the template deploys.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Setting<'a> {
    /// The template leaves the property out: the service's default applies.
    Absent,
    /// A value written in the template, or a parameter's default.
    Known(&'a Value),
    /// A value only known at deployment.
    Unknown,
}

/// When a setting is unsafe.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Unsafe {
    /// Unless it is `true`: the service's default is the unsafe one.
    UnlessTrue,
    /// When it is `false`; left out, the service's default is safe.
    False,
    /// When it is `true`; left out, the service's default is safe.
    True,
    /// Unless it is `false`: left out, the service's default is the unsafe one.
    UnlessFalse,
    /// When it is one of these texts (compared without case); left out, it is safe.
    OneOf(&'static [&'static str]),
    /// When it is left out or one of these texts: the default is unsafe.
    AbsentOrOneOf(&'static [&'static str]),
    /// When it is left out: nothing turns the protection on.
    Absent,
    /// When it is set at all, even to a value only known at deployment: setting it is the
    /// exposure (an Elastic IP attached to an instance).
    Present,
}

/// A row of a table: a setting of a resource type and when it is unsafe.
pub(crate) struct Row {
    /// The CloudFormation resource type, e.g. `AWS::RDS::DBInstance`.
    pub resource_type: &'static str,
    /// The property path of the setting.
    pub path: &'static str,
    /// When the setting is unsafe.
    pub unsafe_when: Unsafe,
    /// What the unsafe setting means, completing "`Id` (Type) ...".
    pub risk: &'static str,
    /// A property path and the start of a text that makes the row not apply (an Aurora
    /// instance's storage is the cluster's; an HTTP listener that only redirects carries no
    /// data): when any value at the path starts with it (an empty start: when the property is
    /// set at all).
    pub unless: Option<(&'static str, &'static str)>,
}

/// A row that always applies.
pub(crate) const fn row(
    resource_type: &'static str,
    path: &'static str,
    unsafe_when: Unsafe,
    risk: &'static str,
) -> Row {
    Row {
        resource_type,
        path,
        unsafe_when,
        risk,
        unless: None,
    }
}

/// A row that does not apply when the setting at `exempt.0` starts with `exempt.1`.
pub(crate) const fn unless(
    resource_type: &'static str,
    path: &'static str,
    unsafe_when: Unsafe,
    risk: &'static str,
    exempt: (&'static str, &'static str),
) -> Row {
    Row {
        unless: Some(exempt),
        ..row(resource_type, path, unsafe_when, risk)
    }
}

/// The values the property at `path` may take in a resource's properties.
pub(crate) fn settings<'a>(
    design: &'a Design,
    properties: Option<&'a Map<String, Value>>,
    path: &str,
) -> Vec<Setting<'a>> {
    let steps: Vec<&str> = path.split('.').collect();
    let mut found = Vec::new();
    match properties {
        Some(properties) => step_into(design, properties, &steps, &mut found),
        None => found.push(Setting::Absent),
    }
    found
}

fn step_into<'a>(
    design: &'a Design,
    object: &'a Map<String, Value>,
    steps: &[&str],
    found: &mut Vec<Setting<'a>>,
) {
    let Some((step, rest)) = steps.split_first() else {
        return;
    };
    let (name, each, optional) = match step.strip_suffix("[]") {
        Some(name) => (name, true, false),
        None => match step.strip_suffix('?') {
            Some(name) => (name, false, true),
            None => (*step, false, false),
        },
    };
    let Some(value) = object.get(name) else {
        if !each && !optional {
            found.push(Setting::Absent);
        }
        return;
    };
    for setting in resolve(design, value, 0) {
        match setting {
            Setting::Known(Value::Array(items)) if each => {
                for item in items {
                    for inner in resolve(design, item, 0) {
                        descend(design, inner, rest, found);
                    }
                }
            }
            Setting::Absent if each || optional => {}
            other => descend(design, other, rest, found),
        }
    }
}

fn descend<'a>(
    design: &'a Design,
    setting: Setting<'a>,
    rest: &[&str],
    found: &mut Vec<Setting<'a>>,
) {
    match (setting, rest.is_empty()) {
        (setting, true) => found.push(setting),
        (Setting::Known(Value::Object(object)), false) => step_into(design, object, rest, found),
        (Setting::Known(_), false) | (Setting::Unknown, false) => found.push(Setting::Unknown),
        (Setting::Absent, false) => found.push(Setting::Absent),
    }
}

/// What a value may be at deployment: a parameter's default, each branch of `Fn::If`,
/// nothing for `AWS::NoValue`, unknown for other functions.
pub(crate) fn resolve<'a>(design: &'a Design, value: &'a Value, depth: usize) -> Vec<Setting<'a>> {
    // Parameters' defaults and conditions nest only a few levels in real templates; the bound
    // keeps a crafted cycle of defaults from recursing without end.
    if depth > 8 {
        return vec![Setting::Unknown];
    }
    if let Some(name) = reference(value) {
        if name == "AWS::NoValue" {
            return vec![Setting::Absent];
        }
        return match parameter(design, name).and_then(|parameter| parameter.get("Default")) {
            Some(default) => resolve(design, default, depth + 1),
            None => vec![Setting::Unknown],
        };
    }
    if let Some(Value::Array(arguments)) = intrinsic(value, "Fn::If") {
        return arguments
            .iter()
            .skip(1)
            .flat_map(|branch| resolve(design, branch, depth + 1))
            .collect();
    }
    let computed = value.as_object().is_some_and(|object| {
        object.len() == 1
            && object
                .keys()
                .all(|key| key == "Ref" || key.starts_with("Fn::"))
    });
    if computed {
        vec![Setting::Unknown]
    } else {
        vec![Setting::Known(value)]
    }
}

/// Whether a setting is unsafe by a row's measure.
fn is_unsafe(setting: Setting<'_>, unsafe_when: Unsafe) -> bool {
    let text = |setting: Setting<'_>| match setting {
        Setting::Known(Value::String(text)) => Some(text.to_ascii_lowercase()),
        _ => None,
    };
    let known_flag = match setting {
        Setting::Known(value) => flag(value),
        _ => None,
    };
    let absent = matches!(setting, Setting::Absent);
    match unsafe_when {
        Unsafe::UnlessTrue => absent || known_flag == Some(false),
        Unsafe::False => known_flag == Some(false),
        Unsafe::True => known_flag == Some(true),
        Unsafe::UnlessFalse => absent || known_flag == Some(true),
        Unsafe::OneOf(values) => {
            text(setting).is_some_and(|text| values.iter().any(|v| v.eq_ignore_ascii_case(&text)))
        }
        Unsafe::AbsentOrOneOf(values) => {
            absent
                || text(setting)
                    .is_some_and(|text| values.iter().any(|v| v.eq_ignore_ascii_case(&text)))
        }
        Unsafe::Absent => absent,
        Unsafe::Present => !absent,
    }
}

/// How a finding names a setting's value.
fn describe(setting: Setting<'_>) -> String {
    match setting {
        Setting::Absent => "not set".to_owned(),
        Setting::Known(Value::String(text)) => format!("`{text}`"),
        Setting::Known(value) => format!("`{value}`"),
        Setting::Unknown => "computed at deployment".to_owned(),
    }
}

/// Judges every carried resource of a type in `table`: the resource counts as judged when a row
/// could read its setting, and each unsafe setting is a finding naming the resource, the
/// property and its value. `remediation` says what to do for a row.
pub(crate) fn judge(
    design: &Design,
    out: &mut Emitter,
    table: &[Row],
    remediation: fn(&Row) -> String,
) {
    for resource in super::resources(design) {
        let rows: Vec<&Row> = table
            .iter()
            .filter(|row| row.resource_type == resource.resource_type)
            .collect();
        if rows.is_empty() {
            continue;
        }
        for row in rows {
            judge_row(design, out, &resource, row, remediation);
        }
    }
}

fn judge_row(
    design: &Design,
    out: &mut Emitter,
    resource: &CarriedResource<'_>,
    row: &Row,
    remediation: fn(&Row) -> String,
) {
    if let Some((path, start)) = row.unless {
        let exempt = settings(design, resource.properties, path)
            .into_iter()
            .any(|setting| match setting {
                Setting::Known(Value::String(text)) => text
                    .to_ascii_lowercase()
                    .starts_with(&start.to_ascii_lowercase()),
                Setting::Known(_) => start.is_empty(),
                _ => false,
            });
        if exempt {
            out.evaluate(&super::subject("Resources", resource.logical_id));
            return;
        }
    }
    let values = settings(design, resource.properties, row.path);
    // A value computed at deployment is not judged, except where being set is what matters.
    let only_unknown = values.iter().all(|value| matches!(value, Setting::Unknown));
    if values.is_empty() || only_unknown && !matches!(row.unsafe_when, Unsafe::Present) {
        return;
    }
    out.evaluate(&super::subject("Resources", resource.logical_id));
    if let Some(bad) = values
        .into_iter()
        .find(|value| is_unsafe(*value, row.unsafe_when))
    {
        out.report_carried(
            format!(
                "Carried resource `{}` ({}) {}: `{}` is {}",
                resource.logical_id,
                resource.resource_type,
                row.risk,
                row.path.replace(['?'], "").replace("[]", "[*]"),
                describe(bad)
            ),
            &super::subject("Resources", resource.logical_id),
            remediation(row),
        );
    }
}
