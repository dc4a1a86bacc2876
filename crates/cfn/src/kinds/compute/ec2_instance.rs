//! EC2 instances: IMDSv2, encrypted volumes, Session Manager instead of SSH. The launch template
//! settings, root volume and instance profile are written by functions that Auto Scaling groups
//! share. Shape: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-instance.html>.

use zta_model::{Component, ComponentKind, Tier};

use crate::export::builder::{Builder, Group, tags};
use crate::export::roles::own_role;
use crate::import::eval::Sym;
use crate::import::{Importer, ResourceKey};
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::EC2::Instance";

pub(crate) fn image_parameter(os: Option<&str>) -> &'static str {
    match os.unwrap_or("amazon_linux_2023") {
        os if os.starts_with("ubuntu") => {
            "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id"
        }
        os if os.starts_with("windows") => {
            "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base"
        }
        _ => "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
    }
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let p = &c.properties;
    let group = b.workload_group(c);
    let has_role = instance_role(b, &unit, c);
    let image = machine_image(b, &unit, c);
    let template = b.logical_id_for(&c.id, "LaunchTemplate");
    b.put(
        &unit,
        template.clone(),
        &c.id,
        group.clone(),
        Resource::new("AWS::EC2::LaunchTemplate").with_property(
            "LaunchTemplateData",
            Value::map([("MetadataOptions", metadata_options(c))]),
        ),
    );
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("ImageId", image)
        .with_property(
            "InstanceType",
            p.instance_type.clone().unwrap_or_else(|| "t3.micro".into()),
        )
        .with_property(
            "LaunchTemplate",
            Value::map([
                ("LaunchTemplateId", Value::reference(&template)),
                ("Version", Value::get_att(&template, "LatestVersionNumber")),
            ]),
        )
        .with_property("Monitoring", true)
        .with_property("EbsOptimized", true)
        .with_property("Tags", tags(&c.id, &c.tags));
    let interface = Value::map([
        ("DeviceIndex", Value::string("0")),
        ("SubnetId", Value::reference(b.logical_id(&subnet.id))),
        (
            "AssociatePublicIpAddress",
            Value::from(p.publicly_accessible == Some(true)),
        ),
        (
            "GroupSet",
            Value::list([Value::get_att(
                b.logical_id_for(&c.id, "SecurityGroup"),
                "GroupId",
            )]),
        ),
    ]);
    resource = resource.with_property("NetworkInterfaces", Value::list([interface]));
    resource = resource.with_property("BlockDeviceMappings", root_volume(b, &unit, c));
    if has_role {
        let profile = instance_profile(b, &unit, c);
        resource = resource.with_property("IamInstanceProfile", Value::reference(&profile));
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, group, resource);
}

/// The machine image of an instance or of an Auto Scaling group's launch template: the AMI the
/// design names, else a parameter defaulting to the public SSM parameter of its OS.
pub(crate) fn machine_image(b: &mut Builder<'_>, unit: &str, c: &Component) -> Value {
    match c.properties.image.as_deref() {
        Some(ami) if ami.starts_with("ami-") => Value::string(ami.to_owned()),
        _ => b.parameter(
            unit,
            &b.logical_id_for(&c.id, "ImageId"),
            Parameter::new("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>")
                .with("Default", image_parameter(c.properties.os.as_deref()))
                .with(
                    "Description",
                    format!(
                        "The machine image of `{}`, from the public SSM parameter of its OS.",
                        c.id
                    ),
                ),
        ),
    }
}

/// The instance metadata options: session tokens required (IMDSv2) unless the design says
/// `imdsv2: false`, and one hop, so that containers on the instance cannot reach the service.
pub(crate) fn metadata_options(c: &Component) -> Value {
    let tokens = if c.properties.imdsv2 == Some(false) {
        "optional"
    } else {
        "required"
    };
    Value::map([
        ("HttpTokens", Value::string(tokens)),
        ("HttpEndpoint", Value::string("enabled")),
        ("HttpPutResponseHopLimit", Value::from(1_u32)),
    ])
}

/// The root volume: gp3, encrypted with the component's key unless the design says
/// `encrypted_at_rest: false`.
pub(crate) fn root_volume(b: &mut Builder<'_>, unit: &str, c: &Component) -> Value {
    let encrypted = c.properties.encrypted_at_rest != Some(false);
    let mut ebs = crate::value::Map::default();
    ebs.insert("VolumeType".into(), Value::string("gp3"));
    ebs.insert("VolumeSize".into(), Value::from(30_u32));
    ebs.insert("Encrypted".into(), Value::from(encrypted));
    if encrypted {
        ebs.insert("KmsKeyId".into(), b.key_arn(unit, c));
    }
    Value::list([Value::map([
        ("DeviceName", Value::string("/dev/xvda")),
        ("Ebs", Value::from(ebs)),
    ])])
}

/// Gives an instance or an Auto Scaling group's instances their role: the component's
/// `identity`, else a role of its own when Systems Manager manages it (which needs
/// `AmazonSSMManagedInstanceCore`). Returns whether they have a role at all.
pub(crate) fn instance_role(b: &mut Builder<'_>, unit: &str, c: &Component) -> bool {
    let ssm = c.properties.ssm_managed != Some(false);
    let core = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
    match &c.identity {
        Some(identity) => {
            if ssm {
                b.role_managed_policy(identity, core);
            }
            true
        }
        None if ssm => {
            own_role(
                b,
                unit,
                c,
                "ec2.amazonaws.com",
                vec![crate::policy::portable_arn(core)],
                Vec::new(),
            );
            true
        }
        None => false,
    }
}

/// Writes the instance profile that hands the role [`instance_role`] gave to the component's
/// instances, and returns its logical ID.
pub(crate) fn instance_profile(b: &mut Builder<'_>, unit: &str, c: &Component) -> String {
    let role = match &c.identity {
        Some(identity) => {
            let owner = b
                .identity(identity)
                .map(|i| b.unit_of_identity(i))
                .unwrap_or_else(|| unit.to_owned());
            b.reference(unit, &owner, &b.logical_id(identity), None)
        }
        None => Value::reference(b.logical_id_for(&c.id, "Role")),
    };
    let profile = b.logical_id_for(&c.id, "InstanceProfile");
    b.put(
        unit,
        profile.clone(),
        &c.id,
        Group::Security,
        Resource::new("AWS::IAM::InstanceProfile").with_property("Roles", Value::list([role])),
    );
    profile
}

/// What the marker keeps of an instance: its operating system, which the template shows only
/// as the public image parameter of its family, and whether Session Manager manages it, which
/// shows only in a managed policy of a role other instances may share.
pub(crate) fn drawn(c: &Component) -> serde_json::Map<String, serde_json::Value> {
    crate::marker::drawn_properties(c, &["os", "ssm_managed"])
}

/// Reads `AWS::EC2::Instance` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let subnets = match im.property(key.0, &key.1, &["SubnetId"]) {
        Sym::NoValue => im
            .resource(key)
            .property("NetworkInterfaces")
            .and_then(|interfaces| im.list_items(key.0, interfaces).first().copied().cloned())
            .and_then(|interface| interface.get("SubnetId").cloned())
            .map_or(Sym::NoValue, |subnet| im.eval(key.0, &subnet)),
        subnet => subnet,
    };
    let subnet = im.subnet_for(&subnets, Tier::Private);
    let mut component = im.new_component(key, ComponentKind::Ec2Instance, subnet);
    component.properties.instance_type = im.text(key, &["InstanceType"]);
    component.properties.image = im.text(key, &["ImageId"]);
    component.identity = im.role_of(&im.property(key.0, &key.1, &["IamInstanceProfile"]));
    // Instance metadata options are set only through a launch template; without one, the
    // instance accepts IMDSv1.
    let template = im
        .property(key.0, &key.1, &["LaunchTemplate", "LaunchTemplateId"])
        .resource();
    component.properties.imdsv2 = Some(template.is_some_and(|template| {
        im.text(
            &template,
            &["LaunchTemplateData", "MetadataOptions", "HttpTokens"],
        )
        .as_deref()
            == Some("required")
    }));
    let first = |list: &str| {
        im.resource(key)
            .property(list)
            .and_then(|items| im.list_items(key.0, items).first().copied().cloned())
    };
    let flag = |value: Option<&Value>| {
        value.and_then(|value| match im.eval(key.0, value).as_text() {
            Some("true") => Some(true),
            Some("false") => Some(false),
            _ => None,
        })
    };
    component.properties.publicly_accessible = first("NetworkInterfaces")
        .and_then(|interface| flag(interface.get("AssociatePublicIpAddress")));
    let ebs = first("BlockDeviceMappings").and_then(|mapping| mapping.get("Ebs").cloned());
    component.properties.encrypted_at_rest =
        flag(ebs.as_ref().and_then(|ebs| ebs.get("Encrypted")));
    component.encryption_key = ebs
        .as_ref()
        .and_then(|ebs| ebs.get("KmsKeyId"))
        .and_then(|key_id| im.key_named(&im.eval(key.0, key_id)));
    Some(component)
}
