//! EKS clusters: a private API endpoint, encrypted secrets, control-plane logging.

use zta_model::{Component, ComponentKind, Tier};

use crate::export::builder::{Builder, tags};
use crate::export::roles::own_role_named;
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::EKS::Cluster";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let Some(spanned) = b.two_zone_subnets(c, subnet) else {
        return;
    };
    let p = &c.properties;
    let group = b.workload_group(c);
    let policy = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy";
    let role = match (&c.identity, trusts_eks(b, c)) {
        (Some(identity), true) => {
            b.role_managed_policy(identity, policy);
            b.role_arn(&unit, identity)
        }
        _ => {
            let role = own_role_named(
                b,
                &unit,
                c,
                "ClusterRole",
                EKS_SERVICE,
                vec![crate::policy::portable_arn(policy)],
            );
            Value::get_att(role, "Arn")
        }
    };
    let subnets = b.segment_refs(&spanned);
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property(
            "Version",
            p.engine_version.clone().unwrap_or_else(|| "1.33".into()),
        )
        .with_property("RoleArn", role)
        .with_property(
            "ResourcesVpcConfig",
            Value::map([
                ("SubnetIds", Value::list(subnets)),
                (
                    "SecurityGroupIds",
                    Value::list([Value::get_att(
                        b.logical_id_for(&c.id, "SecurityGroup"),
                        "GroupId",
                    )]),
                ),
                ("EndpointPrivateAccess", Value::from(true)),
                (
                    "EndpointPublicAccess",
                    Value::from(p.publicly_accessible == Some(true)),
                ),
            ]),
        )
        .with_property(
            "Logging",
            Value::map([(
                "ClusterLogging",
                Value::map([(
                    "EnabledTypes",
                    Value::list(
                        [
                            "api",
                            "audit",
                            "authenticator",
                            "controllerManager",
                            "scheduler",
                        ]
                        .map(|t| Value::map([("Type", Value::string(t))])),
                    ),
                )]),
            )]),
        )
        .with_property(
            "AccessConfig",
            Value::map([("AuthenticationMode", Value::string("API"))]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    if p.encrypted_at_rest != Some(false) {
        let key = b.key_arn(&unit, c);
        resource = resource.with_property(
            "EncryptionConfig",
            Value::list([Value::map([
                ("Provider", Value::map([("KeyArn", key)])),
                ("Resources", Value::list([Value::string("secrets")])),
            ])]),
        );
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, group, resource);
}

/// The service a cluster role must trust.
const EKS_SERVICE: &str = "eks.amazonaws.com";

/// Whether the cluster's identity is a role that EKS can assume.
fn trusts_eks(b: &Builder<'_>, c: &Component) -> bool {
    c.identity
        .as_deref()
        .and_then(|i| b.identity(i))
        .is_some_and(|i| i.trusts.iter().any(|t| t.id == EKS_SERVICE))
}

/// A cluster whose identity EKS cannot assume gets a cluster role of its own: the design's
/// identity is then written into no resource, and the marker keeps it (with a warning that the
/// cluster does not run as it).
pub(crate) fn drawn(
    b: &mut Builder<'_>,
    c: &Component,
) -> serde_json::Map<String, serde_json::Value> {
    let mut fields = serde_json::Map::new();
    if let Some(identity) = &c.identity
        && !trusts_eks(b, c)
    {
        b.warn(format!(
            "EKS cluster `{}`: its identity `{identity}` does not trust {EKS_SERVICE}, so the cluster gets a cluster role of its own; `{identity}` is kept only in the template's marker",
            c.id
        ));
        fields.insert(
            "identity".into(),
            serde_json::Value::String(identity.clone()),
        );
    }
    fields
}

/// Reads `AWS::EKS::Cluster` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let subnets = im.property(key.0, &key.1, &["ResourcesVpcConfig", "SubnetIds"]);
    let subnet = im.subnet_for_spread(&subnets, Tier::Private);
    let mut component = im.new_component(key, ComponentKind::EksCluster, subnet);
    component.properties.engine_version = im.text(key, &["Version"]);
    // The API endpoint is public unless the template turns public access off.
    component.properties.publicly_accessible = Some(
        im.flag(key, &["ResourcesVpcConfig", "EndpointPublicAccess"])
            .unwrap_or(true),
    );
    component.properties.encrypted_at_rest = Some(im.present(key, &["EncryptionConfig"]));
    let configurations = im
        .resource(key)
        .property("EncryptionConfig")
        .cloned()
        .unwrap_or(Value::null());
    component.encryption_key = im
        .list_items(key.0, &configurations)
        .iter()
        .filter_map(|configuration| configuration.get("Provider")?.get("KeyArn"))
        .find_map(|key_arn| im.key_named(&im.eval(key.0, key_arn)));
    component.identity = im.role_of(&im.property(key.0, &key.1, &["RoleArn"]));
    Some(component)
}
