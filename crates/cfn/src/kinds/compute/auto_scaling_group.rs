//! EC2 Auto Scaling groups with their launch template: IMDSv2, no public addresses, encrypted
//! volumes and an instance profile, the same settings an EC2 instance gets, so that instances
//! launched later are as closed as one drawn by itself. Import also reads groups that launch
//! from a launch configuration.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-autoscaling-autoscalinggroup.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-launchtemplate.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-autoscaling-launchconfiguration.html>.

use zta_model::{Component, ComponentKind, Tier};

use crate::export::builder::Builder;
use crate::import::eval::Sym;
use crate::import::{Disposition, Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

use super::ec2_instance::{
    instance_profile, instance_role, machine_image, metadata_options, root_volume,
};

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::AutoScaling::AutoScalingGroup";

/// The resource type of the group's launch template.
const LAUNCH_TEMPLATE: &str = "AWS::EC2::LaunchTemplate";

/// How many instances a group runs when the design does not say: two, so that one can be
/// replaced while the other serves.
const DEFAULT_CAPACITY: u32 = 2;

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let p = &c.properties;
    let group = b.workload_group(c);
    let has_role = instance_role(b, &unit, c);
    let image = machine_image(b, &unit, c);
    let interface = Value::map([
        ("DeviceIndex", Value::from(0_u32)),
        (
            "AssociatePublicIpAddress",
            Value::from(p.publicly_accessible == Some(true)),
        ),
        ("DeleteOnTermination", Value::from(true)),
        (
            "Groups",
            Value::list([Value::get_att(
                b.logical_id_for(&c.id, "SecurityGroup"),
                "GroupId",
            )]),
        ),
    ]);
    let mut data = crate::value::Map::default();
    data.insert("ImageId".into(), image);
    data.insert(
        "InstanceType".into(),
        Value::string(p.instance_type.clone().unwrap_or_else(|| "t3.micro".into())),
    );
    data.insert("MetadataOptions".into(), metadata_options(c));
    data.insert(
        "Monitoring".into(),
        Value::map([("Enabled", Value::from(true))]),
    );
    data.insert("EbsOptimized".into(), Value::from(true));
    data.insert("NetworkInterfaces".into(), Value::list([interface]));
    data.insert("BlockDeviceMappings".into(), root_volume(b, &unit, c));
    if has_role {
        let profile = instance_profile(b, &unit, c);
        data.insert(
            "IamInstanceProfile".into(),
            Value::map([("Arn", Value::get_att(&profile, "Arn"))]),
        );
    }
    let template = b.logical_id_for(&c.id, "LaunchTemplate");
    b.put(
        &unit,
        template.clone(),
        &c.id,
        group.clone(),
        Resource::new(LAUNCH_TEMPLATE).with_property("LaunchTemplateData", Value::from(data)),
    );
    let capacity = p.desired_count.unwrap_or(DEFAULT_CAPACITY);
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("MinSize", capacity.to_string())
        .with_property("MaxSize", (capacity * 2).max(1).to_string())
        .with_property("DesiredCapacity", capacity.to_string())
        .with_property(
            "VPCZoneIdentifier",
            Value::list([Value::reference(b.logical_id(&subnet.id))]),
        )
        .with_property(
            "LaunchTemplate",
            Value::map([
                ("LaunchTemplateId", Value::reference(&template)),
                ("Version", Value::get_att(&template, "LatestVersionNumber")),
            ]),
        );
    // The load balancers of the same account that forward to the group register its instances
    // through their target groups, written by the balancer for each flow.
    let mut target_groups = Vec::new();
    let mut classic = Vec::new();
    for flow in b.flows_to(&c.id) {
        let Some(source) = b.component(&flow.source) else {
            continue;
        };
        // A Classic Load Balancer has no target groups: the group names it.
        if source.kind == ComponentKind::ClassicLoadBalancer && b.unit_of_component(source) == unit
        {
            let name = Value::reference(b.logical_id(&source.id));
            if !classic.contains(&name) {
                classic.push(name);
            }
            continue;
        }
        if !matches!(source.kind, ComponentKind::Alb | ComponentKind::Nlb)
            || b.unit_of_component(source) != unit
        {
            continue;
        }
        target_groups.push(Value::reference(b.logical_id_for(&flow.id, "TargetGroup")));
        let listener = crate::kinds::edge::load_balancing::listener_id(b, source);
        if !resource.depends_on.contains(&listener) {
            resource.depends_on.push(listener);
        }
    }
    if !target_groups.is_empty() {
        resource = resource.with_property("TargetGroupARNs", Value::list(target_groups));
    }
    if !classic.is_empty() {
        resource = resource.with_property("LoadBalancerNames", Value::list(classic));
    }
    if resource.property("TargetGroupARNs").is_some()
        || resource.property("LoadBalancerNames").is_some()
    {
        resource = resource
            .with_property("HealthCheckType", "ELB")
            .with_property("HealthCheckGracePeriod", 300_u32);
    }
    // Auto Scaling tags take `PropagateAtLaunch`, so that the instances carry them too.
    let tags = std::iter::once(("zta:element".to_owned(), c.id.clone()))
        .chain(c.tags.iter().map(|(k, v)| (k.clone(), v.clone())))
        .map(|(key, value)| {
            Value::map([
                ("Key", Value::string(key)),
                ("Value", Value::string(value)),
                ("PropagateAtLaunch", Value::from(true)),
            ])
        });
    resource = resource.with_property("Tags", Value::list(tags));
    b.put(&unit, b.logical_id(&c.id), &c.id, group, resource);
    // Auto Scaling launches the instances with its service-linked role, which no key policy of
    // the export can name before the role exists; without a grant, launches with an encrypted
    // volume fail
    // (<https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html>).
    if p.encrypted_at_rest != Some(false) {
        b.manual_step(
            &c.id,
            &unit,
            "Let Auto Scaling use the volumes' key",
            format!("Auto Scaling group `{}` launches instances whose volumes are encrypted with a customer managed key; its service-linked role AWSServiceRoleForAutoScaling in account `{unit}` needs a grant on that key, or no instance launches.", c.id),
        )
        .command("aws kms create-grant --key-id <key ARN from the stack's resources> --grantee-principal arn:aws:iam::<account id>:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling --operations Encrypt Decrypt ReEncryptFrom ReEncryptTo GenerateDataKey GenerateDataKeyWithoutPlaintext DescribeKey CreateGrant");
    }
}

/// What the marker keeps of a group, as of an instance: its operating system and whether
/// Session Manager manages it.
pub(crate) fn drawn(c: &Component) -> serde_json::Map<String, serde_json::Value> {
    crate::marker::drawn_properties(c, &["os", "ssm_managed"])
}

/// Where a group's instance settings are: its launch template's `LaunchTemplateData` or its
/// launch configuration's properties.
struct Launch {
    key: ResourceKey,
    root: &'static [&'static str],
    how: &'static str,
}

impl Launch {
    fn at(&self, path: &[&'static str]) -> Vec<&'static str> {
        self.root.iter().chain(path).copied().collect()
    }
}

/// The launch template or configuration a group launches from, directly or through a mixed
/// instances policy.
fn launch_of(im: &Importer<'_>, key: &ResourceKey) -> Option<Launch> {
    if let Some(configuration) = im
        .property(key.0, &key.1, &["LaunchConfigurationName"])
        .resource()
    {
        return Some(Launch {
            key: configuration,
            root: &[],
            how: "the Auto Scaling group's launch configuration",
        });
    }
    let paths: [&[&str]; 4] = [
        &["LaunchTemplate", "LaunchTemplateId"],
        &["LaunchTemplate", "LaunchTemplateName"],
        &[
            "MixedInstancesPolicy",
            "LaunchTemplate",
            "LaunchTemplateSpecification",
            "LaunchTemplateId",
        ],
        &[
            "MixedInstancesPolicy",
            "LaunchTemplate",
            "LaunchTemplateSpecification",
            "LaunchTemplateName",
        ],
    ];
    paths
        .iter()
        .filter_map(|path| im.property(key.0, &key.1, path).resource())
        .find(|template| im.resource(template).resource_type == LAUNCH_TEMPLATE)
        .map(|template| Launch {
            key: template,
            root: &["LaunchTemplateData"],
            how: "the Auto Scaling group's launch template",
        })
}

/// The first item of the list at `path` in a resource's properties.
fn first_item(im: &Importer<'_>, key: &ResourceKey, path: &[&str]) -> Option<Value> {
    let (first, rest) = path.split_first()?;
    let mut value = im.resource(key).property(first)?;
    for name in rest {
        value = im.lookup(key.0, value, name)?;
    }
    im.list_items(key.0, value).first().copied().cloned()
}

/// A flag in a value of a resource's properties.
fn flag(im: &Importer<'_>, key: &ResourceKey, value: Option<&Value>) -> Option<bool> {
    match im.eval(key.0, value?).as_text() {
        Some(text) if text.eq_ignore_ascii_case("true") => Some(true),
        Some(text) if text.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// Reads `AWS::AutoScaling::AutoScalingGroup`, with the launch template or configuration it
/// launches from, into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let subnets = im.property(key.0, &key.1, &["VPCZoneIdentifier"]);
    let subnet = im.subnet_for(&subnets, Tier::Private);
    let mut component = im.new_component(key, ComponentKind::AutoScalingGroup, subnet);
    component.properties.desired_count = im
        .number(key, &["DesiredCapacity"])
        .or_else(|| im.number(key, &["MinSize"]));
    let Some(launch) = launch_of(im, key) else {
        return Some(component);
    };
    let p = &mut component.properties;
    p.instance_type = im.text(&launch.key, &launch.at(&["InstanceType"]));
    p.image = im.text(&launch.key, &launch.at(&["ImageId"]));
    // A launch configuration names its profile directly; a template by ARN or by name.
    let paths: &[&[&str]] = if launch.root.is_empty() {
        &[&["IamInstanceProfile"]]
    } else {
        &[
            &["IamInstanceProfile", "Arn"],
            &["IamInstanceProfile", "Name"],
        ]
    };
    let mut profile = Sym::NoValue;
    for path in paths {
        if matches!(profile, Sym::NoValue) {
            profile = im.property(launch.key.0, &launch.key.1, &launch.at(path));
        }
    }
    component.identity = im.role_of(&profile);
    // Without metadata options, instances accept IMDSv1 (the default of both).
    p.imdsv2 = Some(
        im.text(&launch.key, &launch.at(&["MetadataOptions", "HttpTokens"]))
            .as_deref()
            == Some("required"),
    );
    p.publicly_accessible = if launch.root.is_empty() {
        im.flag(&launch.key, &["AssociatePublicIpAddress"])
    } else {
        first_item(im, &launch.key, &launch.at(&["NetworkInterfaces"]))
            .and_then(|interface| flag(im, &launch.key, interface.get("AssociatePublicIpAddress")))
    };
    let ebs = first_item(im, &launch.key, &launch.at(&["BlockDeviceMappings"]))
        .and_then(|mapping| mapping.get("Ebs").cloned());
    p.encrypted_at_rest = ebs
        .as_ref()
        .and_then(|ebs| flag(im, &launch.key, ebs.get("Encrypted")));
    component.encryption_key = ebs
        .as_ref()
        .and_then(|ebs| ebs.get("KmsKeyId"))
        .and_then(|key_id| im.key_named(&im.eval(launch.key.0, key_id)));
    im.mark(
        launch.key,
        Disposition::Absorbed {
            element: Some(component.id.clone()),
            how: launch.how.to_owned(),
        },
    );
    Some(component)
}
