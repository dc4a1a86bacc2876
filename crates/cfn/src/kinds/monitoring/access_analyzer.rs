//! IAM Access Analyzer analyzers.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group};
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::AccessAnalyzer::Analyzer";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    b.put_component(
        c,
        Group::Security,
        Resource::new(RESOURCE_TYPE)
            .with_property("Type", "ACCOUNT")
            .with_property(
                "AnalyzerName",
                Value::sub(format!("${{AWS::StackName}}-{}", c.id)),
            ),
    );
}

/// Reads `AWS::AccessAnalyzer::Analyzer` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    Some(im.account_component(key, ComponentKind::AccessAnalyzer))
}
