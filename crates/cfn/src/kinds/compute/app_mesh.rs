//! App Mesh meshes, for estates that still have one (flagged by ZT-LIFE-001: AWS closed App Mesh
//! to new customers and ends support on 2026-09-30; ECS Service Connect replaces it, see
//! [`super::service_connect`]). Shape:
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-appmesh-mesh.html>.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, tags};
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::AppMesh::Mesh";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    b.warn(format!(
        "App Mesh `{}` is closed to new customers and reaches end of support on 2026-09-30; migrate to ECS Service Connect (`service_connect_namespace` on the ECS cluster) or VPC Lattice (see ZT-LIFE-001)",
        c.id
    ));
    let resource = Resource::new(RESOURCE_TYPE)
        .with_property(
            "Spec",
            Value::map([(
                "EgressFilter",
                Value::map([("Type", Value::string("DROP_ALL"))]),
            )]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        b.workload_group(c),
        resource,
    );
    b.ignore_lint(
        &unit,
        &b.logical_id(&c.id),
        "W3696",
        "The design draws App Mesh: the export implements it as stated, and the export's warnings and the rules flag its end of support.",
    );
}

/// Reads `AWS::AppMesh::Mesh` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    Some(im.account_component(key, ComponentKind::AppMesh))
}
