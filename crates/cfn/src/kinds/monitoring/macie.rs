//! Macie sessions.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group};
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Macie::Session";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Security,
        Resource::new(RESOURCE_TYPE)
            .with_property("Status", "ENABLED")
            .with_property("FindingPublishingFrequency", "FIFTEEN_MINUTES"),
    );
}

/// Reads `AWS::Macie::Session` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let account = im.account.clone();
    Some(im.new_component(key, ComponentKind::Macie, account))
}
