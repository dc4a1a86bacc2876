//! ECS clusters: Container Insights on.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, tags};
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::ECS::Cluster";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let resource = Resource::new(RESOURCE_TYPE)
        .with_property(
            "ClusterSettings",
            Value::list([Value::map([
                ("Name", Value::string("containerInsights")),
                ("Value", Value::string("enabled")),
            ])]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        b.workload_group(c),
        resource,
    );
}

/// Reads `AWS::ECS::Cluster` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let vpc = im
        .design
        .components
        .iter()
        .filter(|component| component.kind == ComponentKind::EcsService)
        .filter(|component| {
            im.referring("AWS::ECS::Service", &["Cluster"], key)
                .iter()
                .any(|service| im.element_for(service) == Some(&component.id))
        })
        .find_map(|component| im.vpc_of(&component.segment))
        .or_else(|| {
            let vpcs: Vec<&zta_model::Segment> = im
                .design
                .segments
                .iter()
                .filter(|segment| segment.kind == zta_model::SegmentKind::Vpc)
                .collect();
            (vpcs.len() == 1).then(|| vpcs[0].id.clone())
        })
        .unwrap_or_else(|| im.external_vpc());
    Some(im.new_component(key, ComponentKind::EcsCluster, vpc))
}
