//! ECS clusters: Container Insights on, and the Service Connect namespace (with TLS from a
//! private CA) their services join when the design gives one (see [`super::service_connect`]).
//! Shape: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecs-cluster.html>.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, tags};
use crate::import::{Disposition, Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::ECS::Cluster";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let service_connect = super::service_connect::export_cluster(b, &unit, c);
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property(
            "ClusterSettings",
            Value::list([Value::map([
                ("Name", Value::string("containerInsights")),
                ("Value", Value::string("enabled")),
            ])]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    if let Some(defaults) = service_connect {
        resource = resource.with_property("ServiceConnectDefaults", defaults);
    }
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
    let mut component = im.new_component(key, ComponentKind::EcsCluster, vpc);
    read_service_connect(im, key, &mut component);
    Some(component)
}

/// What the marker keeps of a cluster that states `service_connect_tls` without a Service
/// Connect namespace: the setting, which nothing deploys without a namespace to apply to.
pub(crate) fn drawn(
    b: &mut Builder<'_>,
    c: &Component,
) -> serde_json::Map<String, serde_json::Value> {
    let p = &c.properties;
    if p.service_connect_namespace.is_some() || p.service_connect_tls.is_none() {
        return serde_json::Map::new();
    }
    b.warn(format!(
        "ECS cluster `{}` states `service_connect_tls` but no `service_connect_namespace`, so its services do not use Service Connect and the setting deploys nothing; it is kept only in the template's marker",
        c.id
    ));
    crate::marker::drawn_properties(c, &["service_connect_tls"])
}

/// Reads the cluster's Service Connect namespace, and whether its services' Service Connect
/// traffic uses TLS (any service of the cluster naming a certificate authority).
fn read_service_connect(im: &mut Importer<'_>, key: &ResourceKey, component: &mut Component) {
    let namespace = im.property(key.0, &key.1, &["ServiceConnectDefaults", "Namespace"]);
    let Some(namespace) = namespace.resource() else {
        return;
    };
    if im.resource(&namespace).resource_type != super::service_connect::NAMESPACE {
        return;
    }
    component.properties.service_connect_namespace = im.text(&namespace, &["Name"]);
    // The next export writes the namespace again from its name; a second one of the same name
    // would not deploy.
    im.mark(
        namespace,
        Disposition::Absorbed {
            element: Some(component.id.clone()),
            how: "the cluster's Service Connect namespace".to_owned(),
        },
    );
    let services = im.referring("AWS::ECS::Service", &["Cluster"], key);
    // A cluster without services keeps its CA: the export tags it with the cluster's element.
    let element = im.designer_element(key);
    let authority = element.is_some()
        && im
            .resources_of_type(super::service_connect::CERTIFICATE_AUTHORITY)
            .iter()
            .any(|authority| im.designer_element(authority) == element);
    let tls = services.iter().any(|service| {
        let published = im
            .resource(service)
            .property("ServiceConnectConfiguration")
            .and_then(|configuration| configuration.get("Services"))
            .cloned()
            .unwrap_or(Value::null());
        im.list_items(service.0, &published)
            .iter()
            .any(|entry| entry.get("Tls").is_some())
    });
    component.properties.service_connect_tls = Some(tls || authority);
}
