//! ECS services on Fargate: read-only root file systems, awsvpc networking in the design's subnets,
//! behind their load balancers, and in their cluster's Service Connect namespace when it has one
//! (see [`super::service_connect`]).
//! Shape: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecs-service.html>.

use zta_model::{Component, ComponentKind, LaunchType, Tier};

use crate::export::builder::{Builder, tags};
use crate::export::roles::own_role_named;
use crate::import::eval::Sym;
use crate::import::{Disposition, Importer, ResourceKey};
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::ECS::Service";

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

/// What the marker keeps of a service whose stated CPU or memory Fargate does not accept as a
/// pair: the stated values, where the export writes the nearest pair it accepts (and says so).
/// <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size>
pub(crate) fn drawn(
    b: &mut Builder<'_>,
    c: &Component,
) -> serde_json::Map<String, serde_json::Value> {
    let p = &c.properties;
    let (cpu, memory) = fargate_size(p.cpu, p.memory);
    let mut names = Vec::new();
    if p.cpu.is_some_and(|stated| stated != cpu) {
        names.push("cpu");
    }
    if p.memory.is_some_and(|stated| stated != memory) {
        names.push("memory");
    }
    if !names.is_empty() {
        b.warn(format!(
            "ECS service `{}`: Fargate does not run tasks of {} CPU units and {} MiB; it is exported with {cpu} and {memory}",
            c.id,
            p.cpu.unwrap_or(cpu),
            p.memory.unwrap_or(memory)
        ));
    }
    crate::marker::drawn_properties(c, &names)
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let p = &c.properties;
    let group = b.workload_group(c);
    let fargate = p.launch_type != Some(LaunchType::Ec2);
    let cluster_component = b.ecs_cluster_of(c);
    let cluster = match cluster_component {
        Some(cluster) => b.logical_id(&cluster.id),
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
    let service_connect =
        cluster_component.filter(|cluster| cluster.properties.service_connect_namespace.is_some());
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
        vec![crate::policy::portable_arn(
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
        .map(|f| crate::kinds::edge::load_balancing::target_port(f, f.tls != zta_model::Tls::None))
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
                let mut mapping = crate::value::Map::default();
                // Service Connect publishes a port by the name of its mapping.
                if service_connect.is_some() {
                    mapping.insert(
                        "Name".into(),
                        Value::string(super::service_connect::port_name(*port)),
                    );
                }
                mapping.insert("ContainerPort".into(), Value::from(*port));
                mapping.insert("Protocol".into(), Value::string("tcp"));
                Value::from(mapping)
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
    let mut resource = Resource::new(RESOURCE_TYPE)
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
        let port =
            crate::kinds::edge::load_balancing::target_port(flow, flow.tls != zta_model::Tls::None);
        balancers.push(Value::map([
            ("ContainerName", Value::string(&container)),
            ("ContainerPort", Value::from(port)),
            (
                "TargetGroupArn",
                Value::reference(b.logical_id_for(&flow.id, "TargetGroup")),
            ),
        ]));
        let listener = crate::kinds::edge::load_balancing::listener_id(b, source);
        if !resource.depends_on.contains(&listener) {
            resource.depends_on.push(listener);
        }
    }
    if !balancers.is_empty() {
        resource = resource.with_property("LoadBalancers", Value::list(balancers));
    }
    if let Some(cluster) = service_connect
        && let Some(configuration) =
            super::service_connect::service_configuration(b, &unit, cluster, c, &ports, &logs)
    {
        resource = resource.with_property("ServiceConnectConfiguration", configuration);
        for dependency in super::service_connect::service_dependencies(b, cluster) {
            if !resource.depends_on.contains(&dependency) {
                resource.depends_on.push(dependency);
            }
        }
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, group, resource);
}

impl Importer<'_> {
    fn ecs_service(&mut self, key: &ResourceKey) -> Component {
        let subnets = self.property(
            key.0,
            &key.1,
            &["NetworkConfiguration", "AwsvpcConfiguration", "Subnets"],
        );
        let subnet = match self.first_subnet(&subnets) {
            Some(subnet) => subnet,
            // Without awsvpc networking the tasks run on the cluster's container instances.
            None if matches!(subnets, Sym::NoValue) => self
                .design
                .components
                .iter()
                .find(|component| {
                    matches!(
                        component.kind,
                        ComponentKind::AutoScalingGroup | ComponentKind::Ec2Instance
                    )
                })
                .map(|component| component.segment.clone())
                .unwrap_or_else(|| self.external_subnet(Tier::Private)),
            None => self.subnet_for(&subnets, Tier::Private),
        };
        let mut component = self.new_component(key, ComponentKind::EcsService, subnet);
        let fargate = self.text(key, &["LaunchType"]).as_deref() == Some("FARGATE");
        component.properties.launch_type = Some(if fargate {
            LaunchType::Fargate
        } else {
            LaunchType::Ec2
        });
        component.properties.desired_count = self.number(key, &["DesiredCount"]);
        component.properties.publicly_accessible = Some(
            self.text(
                key,
                &[
                    "NetworkConfiguration",
                    "AwsvpcConfiguration",
                    "AssignPublicIp",
                ],
            )
            .as_deref()
                == Some("ENABLED"),
        );
        if let Some(task) = self.property(key.0, &key.1, &["TaskDefinition"]).resource() {
            component.properties.cpu = self.number(&task, &["Cpu"]);
            component.properties.memory = self.number(&task, &["Memory"]);
            component.identity = self.role_of(&self.property(task.0, &task.1, &["TaskRoleArn"]));
            let containers = self
                .resource(&task)
                .property("ContainerDefinitions")
                .cloned()
                .unwrap_or(Value::null());
            component.properties.image = self
                .list_items(task.0, &containers)
                .first()
                .and_then(|container| container.get("Image"))
                .map(|image| self.eval(task.0, image).describe());
            self.mark(
                task,
                Disposition::Absorbed {
                    element: Some(component.id.clone()),
                    how: "the service's task definition (image, size, task role)".to_owned(),
                },
            );
        }
        component
    }
}

/// Reads `AWS::ECS::Service` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    Some(im.ecs_service(key))
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
