//! Macie sessions.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group};
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Macie::Session";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    b.put_component(
        c,
        Group::Security,
        Resource::new(RESOURCE_TYPE)
            .with_property("Status", "ENABLED")
            .with_property("FindingPublishingFrequency", "FIFTEEN_MINUTES"),
    );
}

/// Reads `AWS::Macie::Session` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    Some(im.account_component(key, ComponentKind::Macie))
}
