//! Where code runs: EC2 instances (IMDSv2, encrypted volumes, Session Manager instead of SSH),
//! Lambda functions (in the VPC, with a dead-letter queue), ECS services on Fargate with
//! read-only root file systems, private EKS clusters with encrypted secrets, ECR repositories
//! that scan on push, and App Mesh (flagged: its support ends on 2026-09-30).

use zta_model::{Component, ComponentKind, LaunchType};

use super::builder::{Builder, Group, tags};
use super::support::{inline_policy, policy_document, service_trust_policy, stateful};
use crate::template::{Parameter, Resource};
use crate::value::Value;

pub(crate) fn generate(b: &mut Builder<'_>) {
    for c in &b.design.components {
        match c.kind {
            ComponentKind::Ec2Instance => instance(b, c),
            ComponentKind::LambdaFunction => function(b, c),
            ComponentKind::EcsCluster => cluster(b, c),
            ComponentKind::EcsService => service(b, c),
            ComponentKind::EksCluster => eks(b, c),
            ComponentKind::EcrRepository => repository(b, c),
            ComponentKind::AppMesh => mesh(b, c),
            _ => {}
        }
    }
}

/// A role created for a component that the design gives none, trusted by `service`.
fn own_role(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    service: &str,
    managed: Vec<Value>,
    statements: Vec<Value>,
) -> String {
    let role = b.logical_id_for(&c.id, "Role");
    let mut resource = Resource::new("AWS::IAM::Role")
        .with_property("AssumeRolePolicyDocument", service_trust_policy(service));
    if !managed.is_empty() {
        resource = resource.with_property("ManagedPolicyArns", Value::list(managed));
    }
    if !statements.is_empty() {
        resource = resource.with_property(
            "Policies",
            inline_policy("component", policy_document(statements)),
        );
    }
    b.put(unit, role.clone(), &c.id, Group::Security, resource);
    role
}

fn image_parameter(os: Option<&str>) -> &'static str {
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

fn instance(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let p = &c.properties;
    let group = b.workload_group(c);
    let ssm = p.ssm_managed != Some(false);
    let core = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
    let has_role = match &c.identity {
        Some(identity) => {
            if ssm {
                b.role_managed_policy(identity, core);
            }
            true
        }
        None if ssm => {
            own_role(
                b,
                &unit,
                c,
                "ec2.amazonaws.com",
                vec![super::support::portable_arn(core)],
                Vec::new(),
            );
            true
        }
        None => false,
    };
    let image = match p.image.as_deref() {
        Some(ami) if ami.starts_with("ami-") => Value::string(ami.to_owned()),
        _ => b.parameter(
            &unit,
            &b.logical_id_for(&c.id, "ImageId"),
            Parameter::new("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>")
                .with("Default", image_parameter(p.os.as_deref()))
                .with(
                    "Description",
                    format!(
                        "The machine image of `{}`, from the public SSM parameter of its OS.",
                        c.id
                    ),
                ),
        ),
    };
    let template = b.logical_id_for(&c.id, "LaunchTemplate");
    let tokens = if p.imdsv2 == Some(false) {
        "optional"
    } else {
        "required"
    };
    b.put(
        &unit,
        template.clone(),
        &c.id,
        group.clone(),
        Resource::new("AWS::EC2::LaunchTemplate").with_property(
            "LaunchTemplateData",
            Value::map([(
                "MetadataOptions",
                Value::map([
                    ("HttpTokens", Value::string(tokens)),
                    ("HttpEndpoint", Value::string("enabled")),
                    ("HttpPutResponseHopLimit", Value::from(1_u32)),
                ]),
            )]),
        ),
    );
    let mut resource = Resource::new("AWS::EC2::Instance")
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
    let mut ebs = crate::value::Map::default();
    ebs.insert("VolumeType".into(), Value::string("gp3"));
    ebs.insert("VolumeSize".into(), Value::from(30_u32));
    ebs.insert(
        "Encrypted".into(),
        Value::from(p.encrypted_at_rest != Some(false)),
    );
    if p.encrypted_at_rest != Some(false) {
        ebs.insert("KmsKeyId".into(), b.key_arn(&unit, c));
    }
    resource = resource.with_property(
        "BlockDeviceMappings",
        Value::list([Value::map([
            ("DeviceName", Value::string("/dev/xvda")),
            ("Ebs", Value::from(ebs)),
        ])]),
    );
    if has_role {
        let profile = b.logical_id_for(&c.id, "InstanceProfile");
        let role_name = match &c.identity {
            Some(identity) => {
                let owner = b
                    .identity(identity)
                    .map(|i| b.unit_of_identity(i))
                    .unwrap_or_else(|| unit.clone());
                b.reference(&unit, &owner, &b.logical_id(identity), None)
            }
            None => Value::reference(b.logical_id_for(&c.id, "Role")),
        };
        b.put(
            &unit,
            profile.clone(),
            &c.id,
            Group::Security,
            Resource::new("AWS::IAM::InstanceProfile")
                .with_property("Roles", Value::list([role_name])),
        );
        resource = resource.with_property("IamInstanceProfile", Value::reference(&profile));
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, group, resource);
}

fn function(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let subnet = b.subnet_of(c);
    let queue = b.logical_id_for(&c.id, "DeadLetterQueue");
    let key = b.default_key_arn(&unit);
    let dlq = Resource::new("AWS::SQS::Queue")
        .with_property("KmsMasterKeyId", key.clone())
        .with_property("MessageRetentionPeriod", 1_209_600_u32);
    b.put(&unit, queue.clone(), &c.id, group.clone(), dlq);
    let basic = if subnet.is_some() {
        "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
    } else {
        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
    };
    let send = ["sqs:SendMessage"];
    let role = match &c.identity {
        Some(identity) => {
            b.role_managed_policy(identity, basic);
            let owner = b
                .identity(identity)
                .map(|i| b.unit_of_identity(i))
                .unwrap_or_else(|| unit.clone());
            if owner == unit {
                b.role_statement(
                    identity,
                    "DeadLetters",
                    &send,
                    Value::get_att(&queue, "Arn"),
                );
            }
            b.role_arn(&unit, identity)
        }
        None => {
            let role = own_role(
                b,
                &unit,
                c,
                "lambda.amazonaws.com",
                vec![super::support::portable_arn(basic)],
                vec![super::support::allow_statement(
                    "DeadLetters",
                    &send.map(str::to_owned),
                    vec![Value::get_att(&queue, "Arn")],
                )],
            );
            Value::get_att(role, "Arn")
        }
    };
    let bucket = b.parameter(
        &unit,
        "ArtifactBucket",
        Parameter::new("String").with(
            "Description",
            "The S3 bucket holding the functions' deployment packages (KEY: <function id>.zip).",
        ),
    );
    let mut resource = Resource::new("AWS::Lambda::Function")
        .with_property("Description", &c.name)
        .with_property(
            "Runtime",
            c.properties
                .runtime
                .clone()
                .unwrap_or_else(|| "python3.13".into()),
        )
        .with_property("Handler", "index.handler")
        .with_property(
            "Code",
            Value::map([
                ("S3Bucket", bucket),
                ("S3Key", Value::string(format!("{}.zip", c.id))),
            ]),
        )
        .with_property("Role", role)
        .with_property(
            "MemorySize",
            c.properties.memory.unwrap_or(256).clamp(128, 10240),
        )
        .with_property("Timeout", 30_u32)
        .with_property("KmsKeyArn", key)
        .with_property("ReservedConcurrentExecutions", 10_u32)
        .with_property(
            "TracingConfig",
            Value::map([("Mode", Value::string("Active"))]),
        )
        .with_property(
            "DeadLetterConfig",
            Value::map([("TargetArn", Value::get_att(&queue, "Arn"))]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    if let Some(subnet) = subnet {
        let subnets = b.segment_refs(&b.spread_subnets(subnet));
        resource = resource.with_property(
            "VpcConfig",
            Value::map([
                ("SubnetIds", Value::list(subnets)),
                (
                    "SecurityGroupIds",
                    Value::list([Value::get_att(
                        b.logical_id_for(&c.id, "SecurityGroup"),
                        "GroupId",
                    )]),
                ),
            ]),
        );
    }
    let function = b.logical_id(&c.id);
    b.put(&unit, function.clone(), &c.id, group.clone(), resource);
    if c.properties.runtime.is_some() {
        for check in ["W2531", "W2533"] {
            b.ignore_lint(
                &unit,
                &function,
                check,
                "The design states this runtime: the export implements it as stated, and the design's rules report a deprecated runtime.",
            );
        }
    }
    if subnet.is_none() {
        b.skip_checkov(
            &unit,
            &function,
            "CKV_AWS_117",
            "The design places this function outside any VPC: it reaches only AWS APIs, which IAM guards.",
        );
    }
    b.log_group(
        &unit,
        b.logical_id_for(&c.id, "LogGroup"),
        &c.id,
        group,
        None,
        Some(Value::sub(format!("/aws/lambda/${{{function}}}"))),
    );
}

fn cluster(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let resource = Resource::new("AWS::ECS::Cluster")
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

/// A CPU and memory pair Fargate accepts, as close to the design's as possible.
pub(crate) fn fargate_size(cpu: Option<u32>, memory: Option<u32>) -> (u32, u32) {
    const CPUS: [(u32, u32, u32, u32); 7] = [
        (256, 512, 2048, 512),
        (512, 1024, 4096, 1024),
        (1024, 2048, 8192, 1024),
        (2048, 4096, 16384, 1024),
        (4096, 8192, 30720, 1024),
        (8192, 16384, 61440, 4096),
        (16384, 32768, 122_880, 8192),
    ];
    let wanted = cpu.unwrap_or(256);
    let (cpu, low, high, step) = CPUS
        .iter()
        .copied()
        .find(|(c, ..)| *c >= wanted)
        .unwrap_or(CPUS[6]);
    let memory = memory.unwrap_or(low).clamp(low, high);
    let memory = if cpu == 256 {
        [512, 1024, 2048]
            .into_iter()
            .find(|m| *m >= memory)
            .unwrap_or(2048)
    } else {
        low + (memory - low).div_ceil(step) * step
    };
    (cpu, memory.min(high))
}

fn service(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let p = &c.properties;
    let group = b.workload_group(c);
    let fargate = p.launch_type != Some(LaunchType::Ec2);
    let cluster = b
        .components_of(ComponentKind::EcsCluster)
        .find(|cl| {
            b.unit_of_component(cl) == unit
                && b.vpc_of(cl).map(|v| &v.id) == b.vpc_of(c).map(|v| &v.id)
        })
        .or_else(|| {
            b.components_of(ComponentKind::EcsCluster)
                .find(|cl| b.unit_of_component(cl) == unit)
        })
        .map(|cl| b.logical_id(&cl.id));
    let cluster = match cluster {
        Some(cluster) => cluster,
        None => {
            let own = b.logical_id_for(&c.id, "Cluster");
            b.put(
                &unit,
                own.clone(),
                &c.id,
                group.clone(),
                Resource::new("AWS::ECS::Cluster").with_property(
                    "ClusterSettings",
                    Value::list([Value::map([
                        ("Name", Value::string("containerInsights")),
                        ("Value", Value::string("enabled")),
                    ])]),
                ),
            );
            own
        }
    };
    let logs = b.log_group(
        &unit,
        b.logical_id_for(&c.id, "LogGroup"),
        &c.id,
        group.clone(),
        None,
        None,
    );
    let execution = own_role_named(
        b,
        &unit,
        c,
        "ExecutionRole",
        "ecs-tasks.amazonaws.com",
        vec![super::support::portable_arn(
            "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        )],
    );
    let image = match &p.image {
        Some(image) => b.design_text(image),
        None => b.parameter(
            &unit,
            &b.logical_id_for(&c.id, "Image"),
            Parameter::new("String").with("Description", format!("The container image of `{}` (repository URI with a digest or an immutable tag).", c.id)),
        ),
    };
    let inbound = b.flows_to(&c.id).to_vec();
    let mut ports: Vec<u16> = inbound
        .iter()
        .map(|f| super::edge::target_port(f, f.tls != zta_model::Tls::None))
        .collect();
    ports.sort_unstable();
    ports.dedup();
    let container = b.logical_id(&c.id);
    let mut definition = crate::value::Map::default();
    definition.insert("Name".into(), Value::string(&container));
    definition.insert("Image".into(), image);
    definition.insert("Essential".into(), Value::from(true));
    definition.insert("ReadonlyRootFilesystem".into(), Value::from(true));
    definition.insert("Privileged".into(), Value::from(false));
    if !ports.is_empty() {
        definition.insert(
            "PortMappings".into(),
            Value::list(ports.iter().map(|port| {
                Value::map([
                    ("ContainerPort", Value::from(*port)),
                    ("Protocol", Value::string("tcp")),
                ])
            })),
        );
    }
    definition.insert(
        "LogConfiguration".into(),
        Value::map([
            ("LogDriver", Value::string("awslogs")),
            (
                "Options",
                Value::map([
                    ("awslogs-group", Value::reference(&logs)),
                    ("awslogs-region", Value::reference("AWS::Region")),
                    ("awslogs-stream-prefix", Value::string(&c.id)),
                ]),
            ),
        ]),
    );
    let (cpu, memory) = fargate_size(p.cpu, p.memory);
    let mut task = Resource::new("AWS::ECS::TaskDefinition")
        .with_property(
            "Family",
            Value::sub(format!("${{AWS::StackName}}-{}", c.id)),
        )
        .with_property("NetworkMode", "awsvpc")
        .with_property(
            "RequiresCompatibilities",
            Value::list([Value::string(if fargate { "FARGATE" } else { "EC2" })]),
        )
        .with_property("Cpu", cpu.to_string())
        .with_property("Memory", memory.to_string())
        .with_property("ExecutionRoleArn", Value::get_att(&execution, "Arn"))
        .with_property(
            "ContainerDefinitions",
            Value::list([Value::from(definition)]),
        );
    if let Some(identity) = &c.identity {
        task = task.with_property("TaskRoleArn", b.role_arn(&unit, identity));
    }
    let task_id = b.logical_id_for(&c.id, "TaskDefinition");
    b.put(&unit, task_id.clone(), &c.id, group.clone(), task);
    let subnets = b.segment_refs(&b.spread_subnets(subnet));
    let mut resource = Resource::new("AWS::ECS::Service")
        .with_property("Cluster", Value::reference(&cluster))
        .with_property("TaskDefinition", Value::reference(&task_id))
        .with_property("DesiredCount", p.desired_count.unwrap_or(2))
        .with_property("LaunchType", if fargate { "FARGATE" } else { "EC2" })
        .with_property(
            "NetworkConfiguration",
            Value::map([(
                "AwsvpcConfiguration",
                Value::map([
                    (
                        "AssignPublicIp",
                        Value::string(if p.publicly_accessible == Some(true) {
                            "ENABLED"
                        } else {
                            "DISABLED"
                        }),
                    ),
                    ("Subnets", Value::list(subnets)),
                    (
                        "SecurityGroups",
                        Value::list([Value::get_att(
                            b.logical_id_for(&c.id, "SecurityGroup"),
                            "GroupId",
                        )]),
                    ),
                ]),
            )]),
        )
        .with_property("PropagateTags", "SERVICE")
        .with_property("EnableECSManagedTags", true)
        .with_property("Tags", tags(&c.id, &c.tags));
    if fargate {
        resource = resource.with_property("PlatformVersion", "LATEST");
    }
    let mut balancers = Vec::new();
    for flow in &inbound {
        let Some(source) = b.component(&flow.source) else {
            continue;
        };
        if !matches!(source.kind, ComponentKind::Alb | ComponentKind::Nlb)
            || b.unit_of_component(source) != unit
        {
            continue;
        }
        let port = super::edge::target_port(flow, flow.tls != zta_model::Tls::None);
        balancers.push(Value::map([
            ("ContainerName", Value::string(&container)),
            ("ContainerPort", Value::from(port)),
            (
                "TargetGroupArn",
                Value::reference(b.logical_id_for(&flow.id, "TargetGroup")),
            ),
        ]));
        let listener = super::edge::listener_id(b, source);
        if !resource.depends_on.contains(&listener) {
            resource.depends_on.push(listener);
        }
    }
    if !balancers.is_empty() {
        resource = resource.with_property("LoadBalancers", Value::list(balancers));
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, group, resource);
}

fn own_role_named(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    role: &str,
    service: &str,
    managed: Vec<Value>,
) -> String {
    let logical = b.logical_id_for(&c.id, role);
    b.put(
        unit,
        logical.clone(),
        &c.id,
        Group::Security,
        Resource::new("AWS::IAM::Role")
            .with_property("AssumeRolePolicyDocument", service_trust_policy(service))
            .with_property("ManagedPolicyArns", Value::list(managed)),
    );
    logical
}

fn eks(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let p = &c.properties;
    let group = b.workload_group(c);
    let policy = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy";
    let trusts_eks = c
        .identity
        .as_deref()
        .and_then(|i| b.identity(i))
        .is_some_and(|i| i.trusts.iter().any(|t| t.id == "eks.amazonaws.com"));
    let role = match (&c.identity, trusts_eks) {
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
                "eks.amazonaws.com",
                vec![super::support::portable_arn(policy)],
            );
            Value::get_att(role, "Arn")
        }
    };
    let spanned = b.at_least_two_subnets(&c.id, subnet);
    let subnets = b.segment_refs(&spanned);
    let mut resource = Resource::new("AWS::EKS::Cluster")
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

fn repository(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let p = &c.properties;
    let mut resource = Resource::new("AWS::ECR::Repository")
        .with_property(
            "ImageScanningConfiguration",
            Value::map([("ScanOnPush", Value::from(p.scan_on_push != Some(false)))]),
        )
        .with_property(
            "ImageTagMutability",
            if p.immutable_tags == Some(false) {
                "MUTABLE"
            } else {
                "IMMUTABLE"
            },
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    if p.encrypted_at_rest != Some(false) {
        resource = resource.with_property(
            "EncryptionConfiguration",
            Value::map([
                ("EncryptionType", Value::string("KMS")),
                ("KmsKey", b.key_arn(&unit, c)),
            ]),
        );
    }
    stateful(&mut resource, "Retain");
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        b.workload_group(c),
        resource,
    );
}

fn mesh(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    b.warn(format!(
        "App Mesh `{}` reaches end of support on 2026-09-30; consider ECS Service Connect or VPC Lattice",
        c.id
    ));
    let resource = Resource::new("AWS::AppMesh::Mesh")
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

#[cfg(test)]
mod tests {
    use super::fargate_size;

    #[test]
    fn fargate_sizes_are_pairs_fargate_accepts() {
        assert_eq!(fargate_size(Some(512), Some(1024)), (512, 1024));
        assert_eq!(fargate_size(Some(300), Some(100)), (512, 1024));
        assert_eq!(fargate_size(None, None), (256, 512));
        assert_eq!(fargate_size(Some(256), Some(1500)), (256, 2048));
        assert_eq!(fargate_size(Some(1024), Some(2500)), (1024, 3072));
        assert_eq!(fargate_size(Some(99_999), Some(1)), (16384, 32768));
    }
}
