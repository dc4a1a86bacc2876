//! Flows from security groups: a source group's members to the group's members, a world CIDR
//! from the internet or an outside network, port ranges kept.

use std::collections::HashMap;

use ipnet::Ipv4Net;
use zta_model::{Auth, ComponentKind, PortRange, Protocol, SegmentKind, Tls};

use super::NewFlow;
use crate::import::eval::Sym;
use crate::import::{Disposition, Importer, ResourceKey};
use crate::value::Value;

impl Importer<'_> {
    /// The components that use each security group.
    pub(super) fn security_group_members(&mut self) -> HashMap<ResourceKey, Vec<String>> {
        let mut members: HashMap<ResourceKey, Vec<String>> = HashMap::new();
        let mut add = |groups: Vec<ResourceKey>, element: &String| {
            for group in groups {
                let list = members.entry(group).or_default();
                if !list.contains(element) {
                    list.push(element.clone());
                }
            }
        };
        for (resource_type, path) in GROUP_PROPERTIES {
            for key in self.resources_of_type(resource_type) {
                let groups = self.property(key.0, &key.1, path).resources();
                let element = self.element_for(&key).cloned().or_else(|| {
                    // A cluster's instance shares the cluster's component, and a mount target
                    // its file system's.
                    ["DBClusterIdentifier", "FileSystemId"]
                        .iter()
                        .find_map(|owner| self.property(key.0, &key.1, &[owner]).resource())
                        .and_then(|owner| self.element_for(&owner).cloned())
                });
                if let Some(element) = element {
                    add(groups, &element);
                }
            }
        }
        for key in self.resources_of_type("AWS::AutoScaling::AutoScalingGroup") {
            let Some(element) = self.element_for(&key).cloned() else {
                continue;
            };
            let mut groups = Vec::new();
            if let Some(configuration) = self
                .property(key.0, &key.1, &["LaunchConfigurationName"])
                .resource()
            {
                groups.extend(
                    self.property(configuration.0, &configuration.1, &["SecurityGroups"])
                        .resources(),
                );
            }
            if let Some(template) = self
                .property(key.0, &key.1, &["LaunchTemplate", "LaunchTemplateId"])
                .resource()
            {
                groups.extend(
                    self.property(
                        template.0,
                        &template.1,
                        &["LaunchTemplateData", "SecurityGroupIds"],
                    )
                    .resources(),
                );
                groups.extend(
                    self.interface_groups(&template, &["LaunchTemplateData", "NetworkInterfaces"]),
                );
            }
            add(groups, &element);
        }
        for key in self.resources_of_type("AWS::EC2::Instance") {
            if let Some(element) = self.element_for(&key).cloned() {
                let groups = self.interface_groups(&key, &["NetworkInterfaces"]);
                add(groups, &element);
            }
        }
        members
    }

    /// The security groups named by the network interfaces listed at `path` of a resource.
    pub(super) fn interface_groups(&self, key: &ResourceKey, path: &[&str]) -> Vec<ResourceKey> {
        let Some((first, rest)) = path.split_first() else {
            return Vec::new();
        };
        let mut value = self.resource(key).property(first);
        for name in rest {
            value = value.and_then(|value| self.lookup(key.0, value, name));
        }
        let Some(interfaces) = value else {
            return Vec::new();
        };
        self.list_items(key.0, interfaces)
            .iter()
            .flat_map(|interface| {
                ["Groups", "GroupSet"]
                    .iter()
                    .filter_map(|name| interface.get(name))
                    .flat_map(|groups| self.eval(key.0, groups).resources())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    pub(super) fn security_group_flows(&mut self, members: &HashMap<ResourceKey, Vec<String>>) {
        let mut rules: Vec<(ResourceKey, ResourceKey, Value)> = Vec::new();
        for group in self.resources_of_type("AWS::EC2::SecurityGroup") {
            let inline = self
                .resource(&group)
                .property("SecurityGroupIngress")
                .cloned();
            if let Some(inline) = inline {
                for rule in self.list_items(group.0, &inline) {
                    rules.push((group.clone(), group.clone(), rule.clone()));
                }
            }
        }
        for key in self.resources_of_type("AWS::EC2::SecurityGroupIngress") {
            let group = self.property(key.0, &key.1, &["GroupId"]).resource();
            let Some(group) = group
                .filter(|group| self.resource(group).resource_type == "AWS::EC2::SecurityGroup")
            else {
                self.mark(
                    key,
                    Disposition::Carried {
                        reason: "ingress rule of a security group outside the template".to_owned(),
                    },
                );
                continue;
            };
            let body = Value::from(self.resource(&key).properties.clone());
            rules.push((key, group, body));
        }
        for (origin, group, rule) in rules {
            let stack = origin.0;
            let targets = members.get(&group).cloned().unwrap_or_default();
            let element = targets.first().cloned();
            let read = |name: &str| rule.get(name).map(|value| self.eval(stack, value));
            let cidrs: Vec<(Sym, bool)> = ["CidrIp", "CidrIpv6"]
                .iter()
                .filter_map(|name| {
                    let raw = rule.get(name)?;
                    Some((self.eval(stack, raw), names_vpc_range(raw)))
                })
                .collect();
            let source_group = read("SourceSecurityGroupId").and_then(|sym| sym.resource());
            let from_prefix_list = read("SourcePrefixListId").is_some();
            let protocol_text = read("IpProtocol")
                .and_then(|sym| sym.as_text().map(str::to_owned))
                .unwrap_or_default();
            let from = read("FromPort")
                .and_then(|sym| sym.as_text().and_then(|text| text.parse::<i64>().ok()));
            let to = read("ToPort")
                .and_then(|sym| sym.as_text().and_then(|text| text.parse::<i64>().ok()));
            let Some((transport, range)) = port_range(&protocol_text, from, to) else {
                self.notes.push(format!(
                    "security group {}: an ingress rule for protocol `{protocol_text}` is not drawn as a flow",
                    group.1
                ));
                continue;
            };
            let mut sources = Vec::new();
            for (cidr, vpc_range) in cidrs {
                {
                    let text = cidr.describe();
                    if text == "0.0.0.0/0" || text == "::/0" {
                        sources.push(self.internet());
                    } else if vpc_range && self.vpc_containing(&text).is_none() {
                        // A template deployed into an existing VPC names that VPC's range by
                        // a parameter or an import (`VpcCidr`, `${ParentVPCStack}-CidrBlock`):
                        // the range is the VPC the group sits in, not a network outside it.
                        self.notes.push(format!(
                            "security group {}: ingress from {text}, the range of the VPC the template deploys into, is not drawn; the design draws flows between elements",
                            group.1
                        ));
                    } else if let Some(vpc) = self.vpc_containing(&text) {
                        self.notes.push(format!(
                            "security group {}: ingress from {text} (inside VPC {vpc}) is not drawn; the design draws flows between elements",
                            group.1
                        ));
                    } else {
                        sources.push(self.outside_network(&text));
                    }
                }
            }
            if let Some(source_group) = source_group {
                match members.get(&source_group) {
                    Some(list) => sources.extend(list.iter().cloned()),
                    None => self.notes.push(format!(
                        "security group {}: ingress from group {} has no member in the design",
                        group.1, source_group.1
                    )),
                }
            }
            if from_prefix_list {
                self.notes.push(format!(
                    "security group {}: ingress from a prefix list is not drawn",
                    group.1
                ));
            }
            if targets.is_empty() && !sources.is_empty() {
                self.notes.push(format!(
                    "security group {}: no component of the design uses it, so its ingress rules draw no flow",
                    group.1
                ));
            }
            for target in &targets {
                for source in &sources {
                    if let Some(flow) =
                        self.network_flow(source.clone(), target.clone(), transport, range)
                    {
                        self.add_flow(flow);
                    }
                }
            }
            if origin != group {
                self.mark(
                    origin,
                    Disposition::Absorbed {
                        element,
                        how: "an ingress rule, drawn as flows".to_owned(),
                    },
                );
            }
        }
        for group in self.resources_of_type("AWS::EC2::SecurityGroup") {
            let element = members.get(&group).and_then(|list| list.first().cloned());
            self.mark(
                group,
                Disposition::Absorbed {
                    element,
                    how: "its ingress rules are drawn as flows to the components using it"
                        .to_owned(),
                },
            );
        }
        for key in self.resources_of_type("AWS::EC2::SecurityGroupEgress") {
            self.mark(
                key,
                Disposition::Carried {
                    reason: "egress rules are not drawn as flows; kept verbatim".to_owned(),
                },
            );
        }
    }

    pub(super) fn vpc_containing(&self, cidr: &str) -> Option<String> {
        let net: Ipv4Net = cidr.parse().ok()?;
        self.design
            .segments
            .iter()
            .filter(|segment| segment.kind == SegmentKind::Vpc)
            .find(|segment| {
                Self::valid_net(segment.cidr.as_deref()).is_some_and(|vpc| vpc.contains(&net))
            })
            .map(|segment| segment.id.clone())
    }

    /// A flow allowed by a network rule: the protocol guessed from the port where it is a
    /// well-known one, TLS for HTTPS and wherever the target itself requires encryption in
    /// transit, IAM for databases with IAM authentication, a password for the others and for a
    /// cache that requires an AUTH token or RBAC users
    /// (<https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html>): a network rule
    /// says who may connect, the target says how. A load balancer's listener on the port says
    /// it too; none is drawn where the listener only redirects to HTTPS.
    pub(super) fn network_flow(
        &self,
        source: String,
        target: String,
        transport: Protocol,
        range: PortRange,
    ) -> Option<NewFlow> {
        let target_component = self.design.component(&target);
        let listener = (range.from == range.to)
            .then(|| self.listener_on(&target, range.from))
            .flatten();
        let listener_protocol = listener.as_ref().map(|listener| {
            self.property(listener.0, &listener.1, &["Protocol"])
                .describe()
        });
        if listener_protocol.as_deref() == Some("HTTP")
            && listener
                .as_ref()
                .is_some_and(|listener| self.redirects_to_https_only(listener))
        {
            return None;
        }
        let protocol = match listener_protocol.as_deref() {
            Some("HTTPS") => Protocol::Https,
            Some("HTTP") => Protocol::Http,
            _ if range.from == range.to => well_known(range.from, transport),
            _ => transport,
        };
        let listener_tls = matches!(listener_protocol.as_deref(), Some("HTTPS" | "TLS"));
        let auth = match (protocol, target_component) {
            (Protocol::Postgresql | Protocol::Mysql, Some(component))
                if component.properties.iam_auth == Some(true) =>
            {
                Auth::Iam
            }
            (Protocol::Postgresql | Protocol::Mysql, _) => Auth::Password,
            (_, Some(component))
                if component.kind == ComponentKind::Elasticache
                    && self.cache_requires_credentials(&target) =>
            {
                Auth::Password
            }
            (_, Some(component)) if component.kind == ComponentKind::MskCluster => self
                .elements
                .iter()
                .find(|(_, mapped)| mapped.as_str() == target)
                .map_or(Auth::None, |(key, _)| {
                    crate::kinds::data::msk_cluster::client_auth(self, key)
                }),
            // Amazon MQ signs every client in as one of the broker's users, with a password
            // the broker keeps (simple authentication) or its directory checks (LDAP).
            (_, Some(component)) if component.kind == ComponentKind::MqBroker => Auth::Password,
            _ => Auth::None,
        };
        let encrypted_target = target_component
            .is_some_and(|component| component.properties.encrypted_in_transit == Some(true));
        Some(NewFlow {
            source,
            target,
            protocol,
            ports: vec![range],
            tls: if protocol == Protocol::Https || encrypted_target || listener_tls {
                Tls::Tls12
            } else {
                Tls::None
            },
            auth,
            issuer: None,
            actions: Vec::new(),
            description: Some("Allowed by a security group ingress rule.".to_owned()),
        })
    }

    /// The listener a load balancer of the template has on a port.
    fn listener_on(&self, balancer: &str, port: u16) -> Option<ResourceKey> {
        self.resources_of_type("AWS::ElasticLoadBalancingV2::Listener")
            .into_iter()
            .find(|listener| {
                self.element_of(&self.property(listener.0, &listener.1, &["LoadBalancerArn"]))
                    .as_deref()
                    == Some(balancer)
                    && self.property(listener.0, &listener.1, &["Port"]).as_text()
                        == Some(port.to_string().as_str())
            })
    }
}

impl Importer<'_> {
    /// Whether the cache an element stands for admits only clients with credentials: an AUTH
    /// token, or RBAC user groups.
    fn cache_requires_credentials(&self, element: &str) -> bool {
        self.elements
            .iter()
            .filter(|(_, mapped)| mapped.as_str() == element)
            .any(|(key, _)| {
                ["AuthToken", "UserGroupIds"].iter().any(|property| {
                    !matches!(
                        self.property(key.0, &key.1, &[property]),
                        Sym::NoValue | Sym::Unknown
                    )
                })
            })
    }
}

/// Whether a CIDR is written as a reference to a VPC's range: a parameter, import or
/// attribute whose name says both "VPC" and "CIDR" (`VpcCidr`, `${ParentVPCStack}-CidrBlock`,
/// `VPC.CidrBlock`). A literal range never is.
fn names_vpc_range(value: &Value) -> bool {
    if value.as_str().is_some() {
        return false;
    }
    let written = crate::write::value_to_json(value).to_ascii_lowercase();
    written.contains("vpc") && written.contains("cidr")
}

/// The properties, by resource type, that name the security groups a resource uses.
pub(super) const GROUP_PROPERTIES: &[(&str, &[&str])] = &[
    ("AWS::EC2::Instance", &["SecurityGroupIds"]),
    ("AWS::EC2::Instance", &["SecurityGroups"]),
    (
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        &["SecurityGroups"],
    ),
    (
        "AWS::ElasticLoadBalancing::LoadBalancer",
        &["SecurityGroups"],
    ),
    (
        "AWS::Transfer::Server",
        &["EndpointDetails", "SecurityGroupIds"],
    ),
    (
        "AWS::ECS::Service",
        &[
            "NetworkConfiguration",
            "AwsvpcConfiguration",
            "SecurityGroups",
        ],
    ),
    ("AWS::Lambda::Function", &["VpcConfig", "SecurityGroupIds"]),
    ("AWS::RDS::DBInstance", &["VPCSecurityGroups"]),
    ("AWS::RDS::DBCluster", &["VpcSecurityGroupIds"]),
    ("AWS::DocDB::DBCluster", &["VpcSecurityGroupIds"]),
    ("AWS::Neptune::DBCluster", &["VpcSecurityGroupIds"]),
    ("AWS::Redshift::Cluster", &["VpcSecurityGroupIds"]),
    ("AWS::ElastiCache::ReplicationGroup", &["SecurityGroupIds"]),
    ("AWS::ElastiCache::CacheCluster", &["VpcSecurityGroupIds"]),
    (
        "AWS::EKS::Cluster",
        &["ResourcesVpcConfig", "SecurityGroupIds"],
    ),
    ("AWS::EC2::VPCEndpoint", &["SecurityGroupIds"]),
    ("AWS::EFS::MountTarget", &["SecurityGroups"]),
    (
        "AWS::OpenSearchService::Domain",
        &["VPCOptions", "SecurityGroupIds"],
    ),
    (
        "AWS::Elasticsearch::Domain",
        &["VPCOptions", "SecurityGroupIds"],
    ),
    (
        "AWS::MSK::Cluster",
        &["BrokerNodeGroupInfo", "SecurityGroups"],
    ),
    ("AWS::AmazonMQ::Broker", &["SecurityGroups"]),
];

/// The transport and port range of a rule; `None` for rules without ports (ICMP).
pub(super) fn port_range(
    protocol: &str,
    from: Option<i64>,
    to: Option<i64>,
) -> Option<(Protocol, PortRange)> {
    let transport = match protocol.to_ascii_lowercase().as_str() {
        "-1" | "all" => {
            return Some((
                Protocol::Tcp,
                PortRange {
                    from: 0,
                    to: u16::MAX,
                },
            ));
        }
        "tcp" | "6" => Protocol::Tcp,
        "udp" | "17" => Protocol::Udp,
        _ => return None,
    };
    let clamp = |port: i64| u16::try_from(port).ok();
    let range = match (from.and_then(clamp), to.and_then(clamp)) {
        (Some(from), Some(to)) if from <= to => PortRange { from, to },
        (Some(from), None) => PortRange::single(from),
        _ => PortRange {
            from: 0,
            to: u16::MAX,
        },
    };
    Some((transport, range))
}

/// The protocol usually spoken on a port.
pub(super) fn well_known(port: u16, transport: Protocol) -> Protocol {
    if transport == Protocol::Udp {
        return if port == 53 {
            Protocol::Dns
        } else {
            Protocol::Udp
        };
    }
    match port {
        443 | 8443 => Protocol::Https,
        80 | 8080 => Protocol::Http,
        22 => Protocol::Ssh,
        3389 => Protocol::Rdp,
        5432 => Protocol::Postgresql,
        3306 => Protocol::Mysql,
        6379 => Protocol::Redis,
        11211 => Protocol::Memcached,
        9092 => Protocol::Kafka,
        53 => Protocol::Dns,
        25 | 587 => Protocol::Smtp,
        389 | 636 => Protocol::Ldap,
        _ => Protocol::Tcp,
    }
}
