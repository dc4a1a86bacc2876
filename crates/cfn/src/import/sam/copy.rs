//! Copying SAM properties onto the resources they expand to, under the names CloudFormation
//! gives them.

use crate::template::Resource;
use crate::value::Map;

/// Copies each `(SAM name, CloudFormation name)` property the SAM resource states.
pub(super) fn copy(from: &Resource, to: &mut Resource, names: &[(&str, &str)]) {
    for (source, target) in names {
        if let Some(value) = from.property(source) {
            to.properties
                .insert((*target).to_owned().into(), value.clone());
        }
    }
}

/// Copies each named entry of a SAM map (an event's properties) onto a resource.
pub(super) fn copy_map(from: &Map, to: &mut Resource, names: &[&str]) {
    for name in names {
        if let Some(value) = from.get(name) {
            to.properties
                .insert((*name).to_owned().into(), value.clone());
        }
    }
}
