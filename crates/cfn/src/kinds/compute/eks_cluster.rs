//! EKS clusters: a private API endpoint, secrets encrypted with the design's key, control-plane
//! logging, and compute to run pods on: a Fargate profile (the zero-trust default: each pod in
//! its own micro-VM, no nodes to patch) or, with `launch_type: ec2`, a managed node group.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-eks-cluster.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-eks-fargateprofile.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-eks-nodegroup.html>.

use zta_model::{Component, ComponentKind, LaunchType, Tier};

use crate::export::builder::{Builder, tag_map, tags};
use crate::export::roles::own_role_named;
use crate::import::{Disposition, Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::EKS::Cluster";

/// The resource type of a Fargate profile.
const FARGATE_PROFILE: &str = "AWS::EKS::FargateProfile";

/// The resource type of a managed node group.
const NODE_GROUP: &str = "AWS::EKS::Nodegroup";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let Some(spanned) = b.two_zone_subnets(c, subnet) else {
        return;
    };
    if !b.fargate_pods_placeable(c, subnet) {
        return;
    }
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
    compute(b, &unit, c, &spanned);
}

/// The Fargate profile or managed node group the cluster's pods run on, in the cluster's
/// subnets (which are private when the pods run on Fargate: the export refuses a cluster on
/// Fargate drawn in a public subnet, see [`zta_model::fargate`]).
fn compute(b: &mut Builder<'_>, unit: &str, c: &Component, subnets: &[&zta_model::Segment]) {
    let p = &c.properties;
    let group = b.workload_group(c);
    let cluster = b.logical_id(&c.id);
    let subnet_refs = Value::list(b.segment_refs(subnets));
    if p.launch_type == Some(LaunchType::Ec2) {
        let role = own_role_named(
            b,
            unit,
            c,
            "NodeRole",
            "ec2.amazonaws.com",
            [
                "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
                "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
            ]
            .into_iter()
            .map(crate::policy::portable_arn)
            .collect(),
        );
        let desired = p.desired_count.unwrap_or(2).max(1);
        b.put(
            unit,
            b.logical_id_for(&c.id, "NodeGroup"),
            &c.id,
            group,
            Resource::new(NODE_GROUP)
                .with_property("ClusterName", Value::reference(&cluster))
                .with_property("NodeRole", Value::get_att(role, "Arn"))
                .with_property("Subnets", subnet_refs)
                .with_property("AmiType", "AL2023_x86_64_STANDARD")
                .with_property(
                    "InstanceTypes",
                    Value::list([Value::string(
                        p.instance_type
                            .clone()
                            .unwrap_or_else(|| "t3.medium".into()),
                    )]),
                )
                .with_property(
                    "ScalingConfig",
                    Value::map([
                        ("MinSize", Value::from(desired)),
                        ("DesiredSize", Value::from(desired)),
                        ("MaxSize", Value::from(desired * 2)),
                    ]),
                )
                .with_property("Tags", tag_map(&c.id, &c.tags)),
        );
        return;
    }
    let role = own_role_named(
        b,
        unit,
        c,
        "PodExecutionRole",
        "eks-fargate-pods.amazonaws.com",
        vec![crate::policy::portable_arn(
            "arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy",
        )],
    );
    b.put(
        unit,
        b.logical_id_for(&c.id, "FargateProfile"),
        &c.id,
        group,
        Resource::new(FARGATE_PROFILE)
            .with_property("ClusterName", Value::reference(&cluster))
            .with_property("PodExecutionRoleArn", Value::get_att(role, "Arn"))
            .with_property("Subnets", subnet_refs)
            // CoreDNS runs in kube-system, so that namespace needs Fargate as much as the
            // workloads' default one.
            .with_property(
                "Selectors",
                Value::list(
                    ["default", "kube-system"]
                        .map(|namespace| Value::map([("Namespace", Value::string(namespace))])),
                ),
            )
            .with_property("Tags", tags(&c.id, &c.tags)),
    );
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
/// cluster does not run as it). A cluster whose pods run on Fargate has no nodes, so the
/// instance type and node count it states show nowhere: the marker keeps them too.
pub(crate) fn drawn(
    b: &mut Builder<'_>,
    c: &Component,
) -> serde_json::Map<String, serde_json::Value> {
    let p = &c.properties;
    let node_settings: Vec<&str> = if p.launch_type == Some(LaunchType::Ec2) {
        Vec::new()
    } else {
        [
            ("instance_type", p.instance_type.is_some()),
            ("desired_count", p.desired_count.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, stated)| stated.then_some(name))
        .collect()
    };
    if !node_settings.is_empty() {
        b.warn(format!(
            "EKS cluster `{}` runs its pods on Fargate, which has no nodes: its {} apply only with `launch_type: ec2` and are kept only in the template's marker",
            c.id,
            node_settings
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(" and ")
        ));
    }
    let mut fields = crate::marker::drawn_properties(c, &node_settings);
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
    read_compute(im, key, &mut component);
    Some(component)
}

/// Reads what runs the cluster's pods: a managed node group (its instance type and size) or a
/// Fargate profile; a cluster with neither states no launch type.
fn read_compute(im: &mut Importer<'_>, key: &ResourceKey, component: &mut Component) {
    let node_groups = im.referring(NODE_GROUP, &["ClusterName"], key);
    let profiles = im.referring(FARGATE_PROFILE, &["ClusterName"], key);
    if let Some(node_group) = node_groups.first() {
        component.properties.launch_type = Some(LaunchType::Ec2);
        component.properties.instance_type = im
            .property(node_group.0, &node_group.1, &["InstanceTypes"])
            .values()
            .first()
            .and_then(|text| text.as_text().map(str::to_owned));
        component.properties.desired_count =
            im.number(node_group, &["ScalingConfig", "DesiredSize"]);
    } else if !profiles.is_empty() {
        component.properties.launch_type = Some(LaunchType::Fargate);
    }
    for (resources, how) in [
        (node_groups, "a managed node group of the cluster"),
        (profiles, "a Fargate profile of the cluster"),
    ] {
        for resource in resources {
            im.mark(
                resource,
                Disposition::Absorbed {
                    element: Some(component.id.clone()),
                    how: how.to_owned(),
                },
            );
        }
    }
}
