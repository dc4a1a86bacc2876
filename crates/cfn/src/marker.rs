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
