//! The marker an export writes into each resource's Metadata (`ZtaDesigner`), which an import
//! reads back: the element the resource implements, the element's name, and the part of it a
//! supporting resource is. The names are defined here once for both directions.

use zta_model::{Component, Identity};

use crate::template::Resource;
use crate::value::Value;

/// The Metadata key of the marker.
pub(crate) const METADATA_KEY: &str = "ZtaDesigner";
/// The design element a resource implements.
pub(crate) const ELEMENT: &str = "Element";
/// The element's name, on its main resource (few resource types have a property for it).
pub(crate) const NAME: &str = "Name";
/// The part of an element a supporting resource is (`LogGroup`, `SecurityGroup`...).
pub(crate) const PART: &str = "Part";

/// The element named in the Metadata of resources that implement a zero-trust default rather
/// than one element.
pub(crate) const DESIGN_ELEMENT: &str = "(design default)";

/// One field of a resource's marker, when it is text.
pub(crate) fn field<'r>(resource: &'r Resource, name: &str) -> Option<&'r str> {
    resource
        .metadata
        .as_ref()
        .and_then(|metadata| metadata.get(METADATA_KEY))
        .and_then(|marker| marker.get(name))
        .and_then(Value::as_str)
}

/// On an element's main resource, the properties (or identity fields) that apply to its kind
/// and that the design leaves unstated: the export chooses for them (the zero-trust default),
/// and an import gives them back unstated, so that the design comes back as it was drawn.
pub(crate) const UNSTATED: &str = "Unstated";

/// The properties that apply to a component's kind and that the design does not state.
pub(crate) fn unstated_properties(component: &Component) -> Vec<&'static str> {
    let stated = serde_json::to_value(&component.properties).unwrap_or_default();
    component
        .kind
        .applicable_properties()
        .iter()
        .copied()
        .filter(|name| stated.get(name).is_none())
        .collect()
}

/// The fields that apply to an identity's kind and that the design does not state.
pub(crate) fn unstated_fields(identity: &Identity) -> Vec<&'static str> {
    let stated = serde_json::to_value(identity).unwrap_or_default();
    identity
        .kind
        .applicable_fields()
        .iter()
        .copied()
        .filter(|name| stated.get(name).is_none())
        .collect()
}

/// The fields of a segment that the export chooses when the design leaves them unstated: a
/// VPC's flow logs, which it turns on.
pub(crate) fn unstated_segment_fields(segment: &zta_model::Segment) -> Vec<&'static str> {
    if segment.kind == zta_model::SegmentKind::Vpc && segment.flow_logs.is_none() {
        vec!["flow_logs"]
    } else {
        Vec::new()
    }
}

/// The names a resource's marker lists as unstated.
pub(crate) fn unstated(resource: &Resource) -> Vec<String> {
    resource
        .metadata
        .as_ref()
        .and_then(|metadata| metadata.get(METADATA_KEY))
        .and_then(|marker| marker.get(UNSTATED))
        .and_then(Value::as_list)
        .map(|names| {
            names
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// On an element's main resource, what the design states about the element that neither the
/// resource nor anything else in the template can show (a bucket drawn unencrypted, which S3
/// never is), in the design file's form: an import sets these fields back.
pub(crate) const DRAWN: &str = "Drawn";

/// The marker field that keeps what a kind's resources cannot show, when there is any.
pub(crate) fn drawn_field(fields: serde_json::Map<String, serde_json::Value>) -> Option<Value> {
    (!fields.is_empty()).then(|| json(&serde_json::Value::Object(fields)))
}

/// The drawn fields for the named properties of a component, those it states.
pub(crate) fn drawn_properties(
    component: &Component,
    names: &[&str],
) -> serde_json::Map<String, serde_json::Value> {
    let stated = serde_json::to_value(&component.properties).unwrap_or_default();
    let properties: serde_json::Map<String, serde_json::Value> = names
        .iter()
        .filter_map(|name| Some(((*name).to_owned(), stated.get(name)?.clone())))
        .collect();
    let mut fields = serde_json::Map::new();
    if !properties.is_empty() {
        fields.insert("properties".into(), serde_json::Value::Object(properties));
    }
    fields
}

/// What a resource's marker keeps as drawn, in the design file's form.
pub(crate) fn drawn(resource: &Resource) -> Option<serde_json::Value> {
    resource
        .metadata
        .as_ref()
        .and_then(|metadata| metadata.get(METADATA_KEY))
        .and_then(|marker| marker.get(DRAWN))
        .and_then(design_part)
}

/// `value` with the named fields taken away (absent again), through its serialised form, which
/// is the one place that knows every field by name.
pub(crate) fn without_fields<T>(value: &T, names: &[String]) -> Option<T>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let serde_json::Value::Object(mut fields) = serde_json::to_value(value).ok()? else {
        return None;
    };
    for name in names {
        fields.remove(name);
    }
    serde_json::from_value(serde_json::Value::Object(fields)).ok()
}

/// In a template's Metadata marker: the parts of the design that no resource implements, so
/// that an import gives back the design that was drawn and not only what CloudFormation can
/// say. Each is a list of the elements in the design file's own form.
pub(crate) const DESIGN: &str = "Design";
pub(crate) const VERSION: &str = "Version";
pub(crate) const ACCOUNT: &str = "Account";
pub(crate) const DESCRIPTION: &str = "Description";
/// Accounts, regions and outside zones: segments that no resource implements.
pub(crate) const SEGMENTS: &str = "Segments";
/// Components and identities that the export writes no resource for (a manual step, or a
/// kind that needs something the design lacks).
pub(crate) const COMPONENTS: &str = "Components";
pub(crate) const IDENTITIES: &str = "Identities";
pub(crate) const ACTORS: &str = "Actors";
/// Every flow: security-group rules and policy statements say who may reach whom, but not a
/// flow's name, data, authentication or TLS.
pub(crate) const FLOWS: &str = "Flows";
pub(crate) const TRANSFER_SAFEGUARDS: &str = "TransferSafeguards";
/// For elements a resource implements, the segment (or an identity's account) they sit in when
/// that is one of the segments no resource implements: a template says which VPC or subnet a
/// resource is in, but not which account or region segment of the design.
pub(crate) const PLACEMENT: &str = "Placement";

/// The outputs of the template that are carried content of the design, not the export's own
/// outputs for its elements (which the next export writes again).
pub(crate) const CARRIED_OUTPUTS: &str = "CarriedOutputs";

/// For elements a resource implements, what the design states about them that no resource
/// property holds: their description, the data they store and the findings they suppress.
pub(crate) const STATED: &str = "Stated";
pub(crate) const STATED_FIELDS: [&str; 3] = ["description", "stores", "suppress"];

/// The fields of an identity kind that no resource says exactly, or that describe the account as
/// it is rather than as it deploys, so the design marker states them: a permission set's MFA and
/// federation are settings of IAM Identity Center (a manual step); a role's MFA shows only as
/// conditions on the trusts of people, which do not say `optional`, nor anything for a role that
/// no person assumes; an IAM user's MFA device and console password are set by hand, and its
/// access keys and activity are observations; a user pool's identity providers are resources of
/// the pool, which say which design element they stand for only through their provider name.
pub(crate) fn manual_fields(kind: zta_model::IdentityKind) -> &'static [&'static str] {
    match kind {
        zta_model::IdentityKind::PermissionSet => &["mfa", "federation"],
        zta_model::IdentityKind::IamRole => &["mfa"],
        zta_model::IdentityKind::IamUser => &["mfa", "console_access", "access_keys", "activity"],
        zta_model::IdentityKind::CognitoUserPool => &["federation"],
        _ => &[],
    }
}

/// The fields of a segment kind that its resources do not show: a subnet's tier shows only in
/// routes to an internet or NAT gateway, which a design without those gateways has none of.
pub(crate) fn segment_fields(kind: zta_model::SegmentKind) -> &'static [&'static str] {
    match kind {
        zta_model::SegmentKind::Subnet => &["tier"],
        _ => &[],
    }
}

/// Whether a kind's resources stand for it in every subnet of its VPC, so that they do not say
/// which subnet the design drew it in: a gateway endpoint is on every route table, and an
/// endpoint service is wherever its Network Load Balancers are.
fn spans_subnets(kind: zta_model::ComponentKind) -> bool {
    matches!(
        kind,
        zta_model::ComponentKind::VpcEndpoint | zta_model::ComponentKind::EndpointService
    )
}

/// The design marker of one stack: the design's name and version, the account the stack
/// deploys into, and the parts of the design no resource in `implemented` (the element ids the
/// export's resources name) stands for.
pub(crate) fn design_marker(
    design: &zta_model::Design,
    account: Option<&str>,
    implemented: &std::collections::HashSet<String>,
) -> Value {
    let mut entries: Vec<(&str, Value)> = vec![(DESIGN, json(&design.name))];
    if let Some(version) = &design.version {
        entries.push((VERSION, json(version)));
    }
    if let Some(account) = account {
        entries.push((ACCOUNT, Value::string(account.to_owned())));
    }
    if let Some(description) = &design.description {
        entries.push((DESCRIPTION, json(description)));
    }
    let unimplemented = |id: &str| !implemented.contains(id);
    let segments: Vec<Value> = design
        .segments
        .iter()
        .filter(|segment| unimplemented(&segment.id))
        .map(json)
        .collect();
    let components: Vec<Value> = design
        .components
        .iter()
        .filter(|component| unimplemented(&component.id))
        .map(json)
        .collect();
    let identities: Vec<Value> = design
        .identities
        .iter()
        .filter(|identity| unimplemented(&identity.id))
        .map(json)
        .collect();
    let actors: Vec<Value> = design.actors.iter().map(json).collect();
    let flows: Vec<Value> = design.flows.iter().map(json).collect();
    let outside = |segment: &str| {
        design
            .segment(segment)
            .is_some_and(|found| unimplemented(&found.id))
    };
    let mut placement: Vec<(String, Value)> = Vec::new();
    for segment in &design.segments {
        if let Some(parent) = &segment.parent
            && !unimplemented(&segment.id)
            && outside(parent)
        {
            placement.push((segment.id.clone(), Value::string(parent)));
        }
    }
    for component in &design.components {
        if !unimplemented(&component.id)
            && (outside(&component.segment) || spans_subnets(component.kind))
        {
            placement.push((component.id.clone(), Value::string(&component.segment)));
        }
    }
    for identity in &design.identities {
        if let Some(account) = &identity.account
            && !unimplemented(&identity.id)
        {
            placement.push((identity.id.clone(), Value::string(account)));
        }
    }
    let mut stated: Vec<(String, Value)> = Vec::new();
    let mut state = |id: &str, element: serde_json::Value, manual: &[&str]| {
        let fields: serde_json::Map<String, serde_json::Value> = STATED_FIELDS
            .iter()
            .chain(manual)
            .filter_map(|name| Some((name.to_string(), element.get(name)?.clone())))
            .collect();
        if !unimplemented(id) && !fields.is_empty() {
            stated.push((id.to_owned(), json(&serde_json::Value::Object(fields))));
        }
    };
    for segment in &design.segments {
        state(
            &segment.id,
            serde_json::to_value(segment).unwrap_or_default(),
            segment_fields(segment.kind),
        );
    }
    for component in &design.components {
        state(
            &component.id,
            serde_json::to_value(component).unwrap_or_default(),
            &[],
        );
    }
    for identity in &design.identities {
        state(
            &identity.id,
            serde_json::to_value(identity).unwrap_or_default(),
            manual_fields(identity.kind),
        );
    }
    for (key, list) in [
        (SEGMENTS, segments),
        (COMPONENTS, components),
        (IDENTITIES, identities),
        (ACTORS, actors),
        (FLOWS, flows),
    ] {
        if !list.is_empty() {
            entries.push((key, Value::list(list)));
        }
    }
    if !design.transfer_safeguards.is_empty() {
        entries.push((TRANSFER_SAFEGUARDS, json(&design.transfer_safeguards)));
    }
    if !placement.is_empty() {
        entries.push((PLACEMENT, Value::map(placement)));
    }
    let carried_outputs: Vec<Value> = design
        .carried_cloudformation
        .get("Outputs")
        .and_then(serde_json::Value::as_object)
        .map(|outputs| outputs.keys().map(Value::string).collect())
        .unwrap_or_default();
    if !carried_outputs.is_empty() {
        entries.push((CARRIED_OUTPUTS, Value::list(carried_outputs)));
    }
    if !stated.is_empty() {
        entries.push((STATED, Value::map(stated)));
    }
    Value::map(entries)
}

/// A design part as a template value, in the design file's own form, with its texts escaped.
fn json<T: serde::Serialize>(value: &T) -> Value {
    let mut json = serde_json::to_value(value).unwrap_or_default();
    escape_texts(&mut json, true);
    crate::json_value::from_json_value(&json)
}

/// A design part read back from a template value, its texts unescaped.
fn design_part<T: serde::de::DeserializeOwned>(value: &Value) -> Option<T> {
    let mut json = crate::json_value::to_json_value(value);
    escape_texts(&mut json, false);
    serde_json::from_value(json).ok()
}

/// Escapes (or unescapes) every `${` in the marker's texts as `${!`, which CloudFormation and
/// cfn-lint read as a literal: a design's name written from an imported template may hold a
/// `${Parameter}`, which anywhere but in a `Fn::Sub` is an error. Escaping adds one `!` after
/// each `${` and unescaping takes one away, so a text that holds `${!` comes back too.
fn escape_texts(json: &mut serde_json::Value, escape: bool) {
    match json {
        serde_json::Value::String(text) if text.contains("${") => {
            *text = if escape {
                text.replace("${", "${!")
            } else {
                text.replace("${!", "${")
            };
        }
        serde_json::Value::Array(items) => {
            for item in items {
                escape_texts(item, escape);
            }
        }
        serde_json::Value::Object(fields) => {
            for field in fields.values_mut() {
                escape_texts(field, escape);
            }
        }
        _ => {}
    }
}

/// The design marker read back from a template's Metadata.
#[derive(Default)]
pub(crate) struct DesignMarker {
    pub(crate) name: Option<String>,
    pub(crate) version: Option<String>,
    pub(crate) account: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) segments: Vec<zta_model::Segment>,
    pub(crate) components: Vec<Component>,
    pub(crate) identities: Vec<Identity>,
    pub(crate) actors: Vec<zta_model::Actor>,
    pub(crate) flows: Vec<zta_model::Flow>,
    pub(crate) transfer_safeguards:
        std::collections::BTreeMap<String, zta_model::TransferSafeguard>,
    pub(crate) placement: Vec<(String, String)>,
    /// By element id, its stated fields in the design file's form.
    pub(crate) stated: Vec<(String, serde_json::Value)>,
    pub(crate) carried_outputs: Vec<String>,
}

/// The design marker of a template, when it has one (a template an export of ZTA Designer
/// wrote). Entries that do not read as design elements are left out.
pub(crate) fn read_design_marker(metadata: &crate::value::Map) -> Option<DesignMarker> {
    let marker = metadata.get(METADATA_KEY)?;
    let text = |key: &str| marker.get(key).and_then(design_part::<String>);
    fn list<T: serde::de::DeserializeOwned>(marker: &Value, key: &str) -> Vec<T> {
        marker
            .get(key)
            .and_then(Value::as_list)
            .unwrap_or_default()
            .iter()
            .filter_map(design_part)
            .collect()
    }
    Some(DesignMarker {
        name: text(DESIGN),
        version: text(VERSION),
        account: text(ACCOUNT),
        description: text(DESCRIPTION),
        segments: list(marker, SEGMENTS),
        components: list(marker, COMPONENTS),
        identities: list(marker, IDENTITIES),
        actors: list(marker, ACTORS),
        flows: list(marker, FLOWS),
        transfer_safeguards: marker
            .get(TRANSFER_SAFEGUARDS)
            .and_then(design_part)
            .unwrap_or_default(),
        placement: marker
            .get(PLACEMENT)
            .and_then(Value::as_map)
            .map(|map| {
                map.iter()
                    .filter_map(|(id, segment)| {
                        Some((id.to_string(), segment.as_str()?.to_owned()))
                    })
                    .collect()
            })
            .unwrap_or_default(),
        carried_outputs: marker
            .get(CARRIED_OUTPUTS)
            .and_then(Value::as_list)
            .unwrap_or_default()
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        stated: marker
            .get(STATED)
            .and_then(Value::as_map)
            .map(|map| {
                map.iter()
                    .filter_map(|(id, fields)| Some((id.to_string(), design_part(fields)?)))
                    .collect()
            })
            .unwrap_or_default(),
    })
}

/// `value` with the given fields set, through its serialised form: a field that is a map (a
/// component's `properties`) is merged into the one `value` has, any other replaces it; `None`
/// when the fields do not fit it.
pub(crate) fn with_fields<T>(value: &T, fields: &serde_json::Value) -> Option<T>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let serde_json::Value::Object(mut object) = serde_json::to_value(value).ok()? else {
        return None;
    };
    for (name, field) in fields.as_object()? {
        match (object.get_mut(name), field) {
            (Some(serde_json::Value::Object(read)), serde_json::Value::Object(fields)) => {
                read.extend(fields.clone());
            }
            _ => {
                object.insert(name.clone(), field.clone());
            }
        }
    }
    serde_json::from_value(serde_json::Value::Object(object)).ok()
}
