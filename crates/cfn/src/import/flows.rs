//! Flows: security-group ingress rules (a source group's members to the group's members, a
//! world CIDR from the internet, port ranges kept), load balancer listeners through their target
//! groups, API Gateway methods and integrations, Lambda event source mappings, CloudFront
//! origins, and IAM policies (the actions an identity may call on a component of the template).

use std::collections::HashMap;

use ipnet::Ipv4Net;
use zta_model::{
    Auth, ComponentKind, DataClass, Flow, PortRange, Protocol, Scheme, SegmentKind, Tls,
};

use super::eval::Sym;
use super::{Disposition, Importer, ResourceKey};
use crate::value::{Function, Value, ValueKind};

/// The properties, by resource type, that name the security groups a resource uses.
const GROUP_PROPERTIES: &[(&str, &[&str])] = &[
    ("AWS::EC2::Instance", &["SecurityGroupIds"]),
    ("AWS::EC2::Instance", &["SecurityGroups"]),
    (
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        &["SecurityGroups"],
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
    ("AWS::ElastiCache::ReplicationGroup", &["SecurityGroupIds"]),
    ("AWS::ElastiCache::CacheCluster", &["VpcSecurityGroupIds"]),
    (
        "AWS::EKS::Cluster",
        &["ResourcesVpcConfig", "SecurityGroupIds"],
    ),
    ("AWS::EC2::VPCEndpoint", &["SecurityGroupIds"]),
];

/// A flow about to be added.
struct NewFlow {
    source: String,
    target: String,
    protocol: Protocol,
    ports: Vec<PortRange>,
    tls: Tls,
    auth: Auth,
    /// The user pool or identity provider issuing the tokens, for JWT authentication.
    issuer: Option<String>,
    actions: Vec<String>,
    description: Option<String>,
}

impl Importer<'_> {
    pub(crate) fn map_flows(&mut self) {
        self.notes.push(
            "templates do not say what data flows carry: every imported flow is marked `internal` until classified".to_owned(),
        );
        // The most specific evidence first: a listener or an integration says the protocol and
        // TLS of a connection that a security group rule only opens a port for, and the first
        // flow found between two elements on a port is the one kept.
        self.listener_flows();
        self.api_flows();
        self.event_source_flows();
        self.cloudfront_flows();
        let members = self.security_group_members();
        self.security_group_flows(&members);
        self.identity_flows();
    }

    fn add_flow(&mut self, flow: NewFlow) {
        if flow.source == flow.target {
            return;
        }
        let duplicate = self.design.flows.iter().any(|existing| {
            existing.source == flow.source
                && existing.target == flow.target
                && existing.protocol == flow.protocol
                && existing.ports == flow.ports
                && existing.auth == flow.auth
                && existing.issuer == flow.issuer
                && existing.actions == flow.actions
        });
        if duplicate {
            return;
        }
        let id = self
            .ids
            .claim(&format!("{}-to-{}", flow.source, flow.target));
        self.design.flows.push(Flow {
            id,
            source: flow.source,
            target: flow.target,
            name: None,
            description: flow.description,
            protocol: flow.protocol,
            ports: flow.ports,
            tls: flow.tls,
            auth: flow.auth,
            issuer: flow.issuer,
            // Templates do not say what data a connection carries; until the architect classifies
            // it, every imported flow is taken to carry internal (non-public) data.
            data: vec![DataClass::Internal],
            actions: flow.actions,
            via: Vec::new(),
            suppress: Vec::new(),
        });
    }

    /// The internet segment, created when the first flow needs it.
    pub(crate) fn internet(&mut self) -> String {
        if let Some(id) = &self.internet {
            return id.clone();
        }
        let id = self.ids.claim("internet");
        self.design.segments.push(Self::new_segment(
            id.clone(),
            SegmentKind::Internet,
            "Internet".to_owned(),
            None,
        ));
        self.internet = Some(id.clone());
        id
    }

    /// A zone outside AWS for a CIDR that is neither the world nor inside a VPC of the design.
    fn outside_network(&mut self, cidr: &str) -> String {
        let net = Self::valid_net(Some(cidr));
        if let Some(existing) = self.design.segments.iter().find(|segment| {
            segment.kind == SegmentKind::OnPremises
                && (segment.cidr.as_deref() == Some(cidr)
                    || segment.description.as_deref() == Some(cidr))
        }) {
            return existing.id.clone();
        }
        let id = self.ids.claim(&format!("network-{cidr}"));
        let mut segment = Self::new_segment(
            id.clone(),
            SegmentKind::OnPremises,
            format!("Network {cidr}"),
            None,
        );
        match net {
            Some(net) => segment.cidr = Some(net.to_string()),
            None => segment.description = Some(cidr.to_owned()),
        }
        self.design.segments.push(segment);
        id
    }

    /// The components that use each security group.
    fn security_group_members(&mut self) -> HashMap<ResourceKey, Vec<String>> {
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
                    // A cluster's instance shares the cluster's component.
                    self.property(key.0, &key.1, &["DBClusterIdentifier"])
                        .resource()
                        .and_then(|cluster| self.element_for(&cluster).cloned())
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
    fn interface_groups(&self, key: &ResourceKey, path: &[&str]) -> Vec<ResourceKey> {
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

    fn security_group_flows(&mut self, members: &HashMap<ResourceKey, Vec<String>>) {
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
            let cidrs: Vec<Sym> = ["CidrIp", "CidrIpv6"]
                .iter()
                .filter_map(|name| read(name))
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
            for cidr in cidrs {
                {
                    let text = cidr.describe();
                    if text == "0.0.0.0/0" || text == "::/0" {
                        sources.push(self.internet());
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
                    let flow = self.network_flow(source.clone(), target.clone(), transport, range);
                    self.add_flow(flow);
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

    fn vpc_containing(&self, cidr: &str) -> Option<String> {
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
    /// well-known one, TLS only for HTTPS, a password for databases without IAM authentication.
    fn network_flow(
        &self,
        source: String,
        target: String,
        transport: Protocol,
        range: PortRange,
    ) -> NewFlow {
        let target_component = self.design.component(&target);
        let protocol = if range.from == range.to {
            well_known(range.from, transport)
        } else {
            transport
        };
        let auth = match (protocol, target_component) {
            (Protocol::Postgresql | Protocol::Mysql, Some(component))
                if component.properties.iam_auth == Some(true) =>
            {
                Auth::Iam
            }
            (Protocol::Postgresql | Protocol::Mysql, _) => Auth::Password,
            _ => Auth::None,
        };
        NewFlow {
            source,
            target,
            protocol,
            ports: vec![range],
            tls: if protocol == Protocol::Https {
                Tls::Tls12
            } else {
                Tls::None
            },
            auth,
            issuer: None,
            actions: Vec::new(),
            description: Some("Allowed by a security group ingress rule.".to_owned()),
        }
    }

    fn listener_flows(&mut self) {
        let listeners = self.resources_of_type("AWS::ElasticLoadBalancingV2::Listener");
        for listener in listeners {
            let Some(balancer) =
                self.element_of(&self.property(listener.0, &listener.1, &["LoadBalancerArn"]))
            else {
                continue;
            };
            let protocol_text = self
                .property(listener.0, &listener.1, &["Protocol"])
                .describe();
            let port = self
                .property(listener.0, &listener.1, &["Port"])
                .as_text()
                .and_then(|port| port.parse::<u16>().ok());
            let policy = self
                .property(listener.0, &listener.1, &["SslPolicy"])
                .describe();
            let (protocol, tls) = match protocol_text.as_str() {
                "HTTPS" => (
                    Protocol::Https,
                    if policy.contains("TLS13-1-3") {
                        Tls::Tls13
                    } else {
                        Tls::Tls12
                    },
                ),
                "HTTP" => (Protocol::Http, Tls::None),
                "TLS" => (Protocol::Tcp, Tls::Tls12),
                "UDP" => (Protocol::Udp, Tls::None),
                _ => (Protocol::Tcp, Tls::None),
            };
            let internet_facing = self.design.component(&balancer).is_some_and(|component| {
                component.properties.scheme == Some(Scheme::InternetFacing)
            });
            if internet_facing && let Some(port) = port {
                let internet = self.internet();
                self.add_flow(NewFlow {
                    source: internet,
                    target: balancer.clone(),
                    protocol,
                    ports: vec![PortRange::single(port)],
                    tls,
                    auth: Auth::None,
                    issuer: None,
                    actions: Vec::new(),
                    description: Some(format!("{protocol_text} listener on port {port}.")),
                });
            }
            let mut groups = Vec::new();
            let actions = self
                .resource(&listener)
                .property("DefaultActions")
                .cloned()
                .unwrap_or(Value::null());
            groups.extend(self.target_groups_of_actions(listener.0, &actions));
            for rule in self.resources_of_type("AWS::ElasticLoadBalancingV2::ListenerRule") {
                if self
                    .property(rule.0, &rule.1, &["ListenerArn"])
                    .resource()
                    .as_ref()
                    == Some(&listener)
                {
                    let actions = self
                        .resource(&rule)
                        .property("Actions")
                        .cloned()
                        .unwrap_or(Value::null());
                    groups.extend(self.target_groups_of_actions(rule.0, &actions));
                    self.mark(
                        rule,
                        Disposition::Absorbed {
                            element: Some(balancer.clone()),
                            how: "a listener rule, drawn as flows to its targets".to_owned(),
                        },
                    );
                }
            }
            for group in groups {
                self.target_group_flows(&balancer, &group);
            }
        }
    }

    fn target_groups_of_actions(&self, stack: usize, actions: &Value) -> Vec<ResourceKey> {
        let mut groups = Vec::new();
        for action in self.list_items(stack, actions) {
            if let Some(group) = action.get("TargetGroupArn") {
                groups.extend(self.eval(stack, group).resources());
            }
            if let Some(forward) = action
                .get("ForwardConfig")
                .and_then(|config| config.get("TargetGroups"))
            {
                for entry in self.list_items(stack, forward) {
                    if let Some(group) = entry.get("TargetGroupArn") {
                        groups.extend(self.eval(stack, group).resources());
                    }
                }
            }
        }
        groups
    }

    fn target_group_flows(&mut self, balancer: &str, group: &ResourceKey) {
        let protocol_text = self.property(group.0, &group.1, &["Protocol"]).describe();
        let group_port = self
            .property(group.0, &group.1, &["Port"])
            .as_text()
            .and_then(|port| port.parse::<u16>().ok());
        let (protocol, tls) = match protocol_text.as_str() {
            "HTTPS" => (Protocol::Https, Tls::Tls12),
            "HTTP" => (Protocol::Http, Tls::None),
            "TLS" => (Protocol::Tcp, Tls::Tls12),
            _ => (Protocol::Tcp, Tls::None),
        };
        let mut targets: Vec<(String, Option<u16>)> = Vec::new();
        for service in self.resources_of_type("AWS::ECS::Service") {
            let balancers = self
                .resource(&service)
                .property("LoadBalancers")
                .cloned()
                .unwrap_or(Value::null());
            for entry in self.list_items(service.0, &balancers) {
                let matches = entry
                    .get("TargetGroupArn")
                    .is_some_and(|arn| self.eval(service.0, arn).resources().contains(group));
                if matches && let Some(element) = self.element_for(&service).cloned() {
                    let port = entry.get("ContainerPort").and_then(|port| {
                        self.eval(service.0, port)
                            .as_text()
                            .and_then(|text| text.parse().ok())
                    });
                    targets.push((element, port));
                }
            }
        }
        for scaling in self.resources_of_type("AWS::AutoScaling::AutoScalingGroup") {
            if self
                .property(scaling.0, &scaling.1, &["TargetGroupARNs"])
                .resources()
                .contains(group)
                && let Some(element) = self.element_for(&scaling).cloned()
            {
                targets.push((element, None));
            }
        }
        let listed = self
            .resource(group)
            .property("Targets")
            .cloned()
            .unwrap_or(Value::null());
        for target in self.list_items(group.0, &listed) {
            if let Some(id) = target.get("Id") {
                let port = target.get("Port").and_then(|port| {
                    self.eval(group.0, port)
                        .as_text()
                        .and_then(|text| text.parse().ok())
                });
                for element in self.elements_of(&self.eval(group.0, id)) {
                    targets.push((element, port));
                }
            }
        }
        for (target, port) in targets {
            let port = port.or(group_port).or(protocol.default_port());
            let is_lambda = self
                .design
                .component(&target)
                .is_some_and(|component| component.kind == ComponentKind::LambdaFunction);
            let flow = if is_lambda {
                NewFlow {
                    source: balancer.to_owned(),
                    target,
                    protocol: Protocol::AwsApi,
                    ports: Vec::new(),
                    tls: Tls::Tls12,
                    auth: Auth::Iam,
                    issuer: None,
                    actions: vec!["lambda:InvokeFunction".to_owned()],
                    description: Some(format!("Target group {}.", group.1)),
                }
            } else {
                NewFlow {
                    source: balancer.to_owned(),
                    target,
                    protocol,
                    ports: port.map(PortRange::single).into_iter().collect(),
                    tls,
                    auth: Auth::None,
                    issuer: None,
                    actions: Vec::new(),
                    description: Some(format!("Target group {}.", group.1)),
                }
            };
            if flow.ports.is_empty() && flow.protocol.default_port().is_none() {
                continue;
            }
            self.add_flow(flow);
        }
        self.mark(
            group.clone(),
            Disposition::Absorbed {
                element: Some(balancer.to_owned()),
                how: "a target group, drawn as flows from the load balancer to its targets"
                    .to_owned(),
            },
        );
    }

    fn api_flows(&mut self) {
        for method in self.resources_of_type("AWS::ApiGateway::Method") {
            let Some(api) = self.element_of(&self.property(method.0, &method.1, &["RestApiId"]))
            else {
                continue;
            };
            let verb = self
                .property(method.0, &method.1, &["HttpMethod"])
                .describe();
            let (auth, issuer) = match self
                .property(method.0, &method.1, &["AuthorizationType"])
                .as_text()
            {
                Some("AWS_IAM") => (Auth::Iam, None),
                Some("COGNITO_USER_POOLS" | "CUSTOM") => {
                    let authorizer = self
                        .property(method.0, &method.1, &["AuthorizerId"])
                        .resource();
                    self.authorizer_auth(authorizer)
                }
                _ if self.flag_property(&method, &["ApiKeyRequired"]) => (Auth::ApiKey, None),
                _ => (Auth::None, None),
            };
            self.api_entry_flow(&api, auth, issuer, &format!("{verb} method {}", method.1));
            for target in self.resources_in(method.0, "Integration", "Uri", &method) {
                self.invoke_flow(&api, &target);
            }
            self.mark(
                method,
                Disposition::Absorbed {
                    element: Some(api),
                    how: "an API method, drawn as flows in and to its integration".to_owned(),
                },
            );
        }
        for route in self.resources_of_type("AWS::ApiGatewayV2::Route") {
            let Some(api) = self.element_of(&self.property(route.0, &route.1, &["ApiId"])) else {
                continue;
            };
            let (auth, issuer) = match self
                .property(route.0, &route.1, &["AuthorizationType"])
                .as_text()
            {
                Some("AWS_IAM") => (Auth::Iam, None),
                Some("JWT" | "CUSTOM") => {
                    let authorizer = self
                        .property(route.0, &route.1, &["AuthorizerId"])
                        .resource();
                    self.authorizer_auth(authorizer)
                }
                _ => (Auth::None, None),
            };
            let key_text = self.property(route.0, &route.1, &["RouteKey"]).describe();
            self.api_entry_flow(&api, auth, issuer, &format!("route {key_text}"));
            let target = self.property(route.0, &route.1, &["Target"]);
            let integrations: Vec<ResourceKey> = self
                .resources_of_type("AWS::ApiGatewayV2::Integration")
                .into_iter()
                .filter(|integration| {
                    target
                        .describe()
                        .contains(&format!("${{{}}}", integration.1))
                })
                .collect();
            for integration in integrations {
                for target in self.resources_in(integration.0, "IntegrationUri", "", &integration) {
                    self.invoke_flow(&api, &target);
                }
                self.mark(
                    integration,
                    Disposition::Absorbed {
                        element: Some(api.clone()),
                        how: "an API integration, drawn as a flow".to_owned(),
                    },
                );
            }
            self.mark(
                route,
                Disposition::Absorbed {
                    element: Some(api),
                    how: "an API route, drawn as a flow".to_owned(),
                },
            );
        }
        for authorizer_type in [
            "AWS::ApiGateway::Authorizer",
            "AWS::ApiGatewayV2::Authorizer",
        ] {
            for authorizer in self.resources_of_type(authorizer_type) {
                let api = ["RestApiId", "ApiId"].iter().find_map(|property| {
                    self.element_of(&self.property(authorizer.0, &authorizer.1, &[property]))
                });
                self.mark(
                    authorizer,
                    Disposition::Absorbed {
                        element: api,
                        how: "an authorizer, drawn as the authentication of the API's flows"
                            .to_owned(),
                    },
                );
            }
        }
    }

    fn flag_property(&self, key: &ResourceKey, path: &[&str]) -> bool {
        self.property(key.0, &key.1, path).as_text() == Some("true")
    }

    /// How callers authenticate through an authorizer: a JWT from its user pool or provider.
    fn authorizer_auth(&mut self, authorizer: Option<ResourceKey>) -> (Auth, Option<String>) {
        let Some(authorizer) = authorizer else {
            return (Auth::None, None);
        };
        let pools = self.property(authorizer.0, &authorizer.1, &["ProviderARNs"]);
        let issuer = self
            .elements_of(&pools)
            .into_iter()
            .find(|id| self.design.identity(id).is_some());
        let issuer = issuer.unwrap_or_else(|| {
            let issuer = self
                .property(authorizer.0, &authorizer.1, &["JwtConfiguration", "Issuer"])
                .describe();
            let name = if issuer.is_empty() {
                authorizer.1.clone()
            } else {
                issuer
            };
            self.external_provider(&name)
        });
        (Auth::Jwt, Some(issuer))
    }

    /// The flow from the internet into an internet-facing API, one per way of authenticating.
    fn api_entry_flow(&mut self, api: &str, auth: Auth, issuer: Option<String>, what: &str) {
        let internet_facing = self
            .design
            .component(api)
            .is_some_and(|component| component.properties.scheme != Some(Scheme::Internal));
        if !internet_facing {
            return;
        }
        let internet = self.internet();
        if let Some(existing) = self.design.flows.iter_mut().find(|flow| {
            flow.source == internet
                && flow.target == api
                && flow.auth == auth
                && flow.issuer == issuer
        }) {
            if let Some(description) = &mut existing.description {
                description.push_str(&format!(" {what}."));
            }
            return;
        }
        self.add_flow(NewFlow {
            source: internet,
            target: api.to_owned(),
            protocol: Protocol::Https,
            ports: vec![PortRange::single(443)],
            tls: Tls::Tls12,
            auth,
            issuer,
            actions: Vec::new(),
            description: Some(format!("Calls to the API: {what}.")),
        });
    }

    fn invoke_flow(&mut self, api: &str, target: &ResourceKey) {
        let Some(element) = self.element_for(target).cloned() else {
            return;
        };
        let is_lambda = self
            .design
            .component(&element)
            .is_some_and(|component| component.kind == ComponentKind::LambdaFunction);
        let flow = if is_lambda {
            NewFlow {
                source: api.to_owned(),
                target: element,
                protocol: Protocol::AwsApi,
                ports: Vec::new(),
                tls: Tls::Tls12,
                auth: Auth::Iam,
                issuer: None,
                actions: vec!["lambda:InvokeFunction".to_owned()],
                description: Some("API integration.".to_owned()),
            }
        } else {
            NewFlow {
                source: api.to_owned(),
                target: element,
                protocol: Protocol::Https,
                ports: vec![PortRange::single(443)],
                tls: Tls::Tls12,
                auth: Auth::None,
                issuer: None,
                actions: Vec::new(),
                description: Some("API integration.".to_owned()),
            }
        };
        self.add_flow(flow);
    }

    /// The resources a property refers to, including through `Sub` variables.
    fn resources_in(
        &self,
        stack: usize,
        property: &str,
        nested: &str,
        key: &ResourceKey,
    ) -> Vec<ResourceKey> {
        let Some(mut value) = self.resource(key).property(property) else {
            return Vec::new();
        };
        if !nested.is_empty() {
            match self.lookup(stack, value, nested) {
                Some(inner) => value = inner,
                None => return Vec::new(),
            }
        }
        self.referenced_resources(stack, value)
    }

    /// Every resource a value refers to through `Ref`, `GetAtt` or `Sub` variables.
    pub(crate) fn referenced_resources(&self, stack: usize, value: &Value) -> Vec<ResourceKey> {
        let mut found = Vec::new();
        self.collect_references(stack, value, &mut found, 0);
        found
    }

    fn collect_references(
        &self,
        stack: usize,
        value: &Value,
        found: &mut Vec<ResourceKey>,
        depth: usize,
    ) {
        if depth > 64 {
            return;
        }
        match &value.kind {
            ValueKind::List(items) => {
                for item in items {
                    self.collect_references(stack, item, found, depth + 1);
                }
            }
            ValueKind::Map(map) => {
                for item in map.values() {
                    self.collect_references(stack, item, found, depth + 1);
                }
            }
            ValueKind::Intrinsic(intrinsic) => match intrinsic.function {
                Function::Ref | Function::GetAtt => {
                    for key in self.eval(stack, value).resources() {
                        if !found.contains(&key) {
                            found.push(key);
                        }
                    }
                }
                Function::Sub => {
                    let text = match &intrinsic.argument.kind {
                        ValueKind::String(text) => Some(text.as_str()),
                        ValueKind::List(items) => items.first().and_then(Value::as_str),
                        _ => None,
                    };
                    for name in text.map(sub_variables).unwrap_or_default() {
                        let (resource, attribute) = match name.split_once('.') {
                            Some((resource, attribute)) => (resource, Some(attribute)),
                            None => (name.as_str(), None),
                        };
                        let reference = match attribute {
                            Some(attribute) => {
                                Value::get_att(resource.to_owned(), attribute.to_owned())
                            }
                            None => Value::reference(resource.to_owned()),
                        };
                        for key in self.eval(stack, &reference).resources() {
                            if !found.contains(&key) {
                                found.push(key);
                            }
                        }
                    }
                    if let ValueKind::List(items) = &intrinsic.argument.kind
                        && let Some(variables) = items.get(1)
                    {
                        self.collect_references(stack, variables, found, depth + 1);
                    }
                }
                _ => self.collect_references(stack, &intrinsic.argument, found, depth + 1),
            },
            _ => {}
        }
    }

    fn event_source_flows(&mut self) {
        for mapping in self.resources_of_type("AWS::Lambda::EventSourceMapping") {
            let function =
                self.element_of(&self.property(mapping.0, &mapping.1, &["FunctionName"]));
            let source =
                self.element_of(&self.property(mapping.0, &mapping.1, &["EventSourceArn"]));
            let (Some(function), Some(source)) = (function, source) else {
                continue;
            };
            let actions = match self
                .design
                .component(&source)
                .map(|component| component.kind)
            {
                Some(ComponentKind::SqsQueue) => vec![
                    "sqs:DeleteMessage".to_owned(),
                    "sqs:GetQueueAttributes".to_owned(),
                    "sqs:ReceiveMessage".to_owned(),
                ],
                Some(ComponentKind::DynamodbTable) => vec![
                    "dynamodb:DescribeStream".to_owned(),
                    "dynamodb:GetRecords".to_owned(),
                    "dynamodb:GetShardIterator".to_owned(),
                ],
                _ => Vec::new(),
            };
            self.add_flow(NewFlow {
                source: function.clone(),
                target: source,
                protocol: Protocol::AwsApi,
                ports: Vec::new(),
                tls: Tls::Tls12,
                auth: Auth::Iam,
                issuer: None,
                actions,
                description: Some(
                    "Event source mapping: the function polls its source.".to_owned(),
                ),
            });
            self.mark(
                mapping,
                Disposition::Absorbed {
                    element: Some(function),
                    how: "an event source mapping, drawn as a flow".to_owned(),
                },
            );
        }
    }

    fn cloudfront_flows(&mut self) {
        for distribution in self.resources_of_type("AWS::CloudFront::Distribution") {
            let Some(element) = self.element_for(&distribution).cloned() else {
                continue;
            };
            let internet = self.internet();
            self.add_flow(NewFlow {
                source: internet,
                target: element.clone(),
                protocol: Protocol::Https,
                ports: vec![PortRange::single(443)],
                tls: Tls::Tls12,
                auth: Auth::None,
                issuer: None,
                actions: Vec::new(),
                description: Some("Viewers reach the distribution.".to_owned()),
            });
            let origins = self
                .resource(&distribution)
                .property("DistributionConfig")
                .and_then(|config| config.get("Origins"))
                .cloned()
                .unwrap_or(Value::null());
            for origin in self.list_items(distribution.0, &origins) {
                let Some(domain) = origin.get("DomainName") else {
                    continue;
                };
                for target in self.referenced_resources(distribution.0, domain) {
                    let Some(target) = self.element_for(&target).cloned() else {
                        continue;
                    };
                    let to_bucket = self
                        .design
                        .component(&target)
                        .is_some_and(|component| component.kind == ComponentKind::S3Bucket);
                    let signed = origin.get("OriginAccessControlId").is_some()
                        || origin
                            .get("S3OriginConfig")
                            .and_then(|config| config.get("OriginAccessIdentity"))
                            .is_some();
                    self.add_flow(NewFlow {
                        source: element.clone(),
                        target,
                        protocol: if to_bucket {
                            Protocol::AwsApi
                        } else {
                            Protocol::Https
                        },
                        ports: if to_bucket {
                            Vec::new()
                        } else {
                            vec![PortRange::single(443)]
                        },
                        tls: Tls::Tls12,
                        auth: if to_bucket && signed {
                            Auth::Iam
                        } else {
                            Auth::None
                        },
                        issuer: None,
                        actions: if to_bucket {
                            vec!["s3:GetObject".to_owned()]
                        } else {
                            Vec::new()
                        },
                        description: Some("CloudFront origin.".to_owned()),
                    });
                }
            }
        }
    }

    /// For each identity, the actions its policies allow on components of the template.
    fn identity_flows(&mut self) {
        let mut documents: Vec<(String, usize, Value)> = Vec::new();
        for resource_type in ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"] {
            for key in self.resources_of_type(resource_type) {
                let Some(identity) = self.element_for(&key).cloned() else {
                    continue;
                };
                let policies = self
                    .resource(&key)
                    .property("Policies")
                    .cloned()
                    .unwrap_or(Value::null());
                for policy in self.list_items(key.0, &policies) {
                    if let Some(document) = policy.get("PolicyDocument") {
                        documents.push((identity.clone(), key.0, document.clone()));
                    }
                }
            }
        }
        for resource_type in [
            "AWS::IAM::Policy",
            "AWS::IAM::RolePolicy",
            "AWS::IAM::UserPolicy",
            "AWS::IAM::GroupPolicy",
            "AWS::IAM::ManagedPolicy",
        ] {
            for key in self.resources_of_type(resource_type) {
                let Some(Disposition::Absorbed { how, .. }) = self.dispositions.get(&key) else {
                    continue;
                };
                let targets: Vec<String> = how
                    .trim_start_matches("its statements are on ")
                    .split(", ")
                    .map(str::to_owned)
                    .collect();
                let Some(document) = self.resource(&key).property("PolicyDocument").cloned() else {
                    continue;
                };
                for target in targets {
                    documents.push((target, key.0, document.clone()));
                }
            }
        }
        for (identity, stack, document) in documents {
            let statements = self
                .lookup(stack, &document, "Statement")
                .map(|statement| match self.choose(stack, statement).as_list() {
                    Some(_) => self
                        .list_items(stack, statement)
                        .into_iter()
                        .cloned()
                        .collect(),
                    None => vec![self.choose(stack, statement).clone()],
                })
                .unwrap_or_default();
            for statement in statements {
                if statement.get("Effect").and_then(Value::as_str) != Some("Allow") {
                    continue;
                }
                let actions: Vec<String> = statement
                    .get("Action")
                    .map(|actions| {
                        self.eval(stack, actions)
                            .values()
                            .iter()
                            .filter_map(|action| action.as_text().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                let Some(resources) = statement.get("Resource") else {
                    continue;
                };
                for target in self.referenced_resources(stack, resources) {
                    let Some(element) = self.element_for(&target).cloned() else {
                        continue;
                    };
                    let Some(component) = self.design.component(&element) else {
                        continue;
                    };
                    let prefix = service_prefix(component.kind);
                    let relevant: Vec<String> = actions
                        .iter()
                        .filter(|action| {
                            let service = action.split(':').next().unwrap_or_default();
                            action.as_str() == "*"
                                || prefix.is_none_or(|prefix| service.eq_ignore_ascii_case(prefix))
                        })
                        .cloned()
                        .collect();
                    if relevant.is_empty() {
                        continue;
                    }
                    self.add_flow(NewFlow {
                        source: identity.clone(),
                        target: element,
                        protocol: Protocol::AwsApi,
                        ports: Vec::new(),
                        tls: Tls::Tls12,
                        auth: Auth::Iam,
                        issuer: None,
                        actions: relevant,
                        description: Some("Allowed by an IAM policy.".to_owned()),
                    });
                }
            }
        }
    }
}

/// The names of a `Sub` template's variables.
fn sub_variables(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let Some(length) = rest[start..].find('}') else {
            break;
        };
        let name = &rest[start + 2..start + length];
        if !name.starts_with('!') {
            names.push(name.trim().to_owned());
        }
        rest = &rest[start + length + 1..];
    }
    names
}

/// The transport and port range of a rule; `None` for rules without ports (ICMP).
fn port_range(protocol: &str, from: Option<i64>, to: Option<i64>) -> Option<(Protocol, PortRange)> {
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
fn well_known(port: u16, transport: Protocol) -> Protocol {
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

/// The IAM service prefix of a component kind's API, for picking a statement's actions.
fn service_prefix(kind: ComponentKind) -> Option<&'static str> {
    Some(match kind {
        ComponentKind::S3Bucket => "s3",
        ComponentKind::DynamodbTable => "dynamodb",
        ComponentKind::SqsQueue => "sqs",
        ComponentKind::SnsTopic => "sns",
        ComponentKind::Secret => "secretsmanager",
        ComponentKind::KmsKey => "kms",
        ComponentKind::LambdaFunction => "lambda",
        ComponentKind::LogGroup => "logs",
        ComponentKind::EcrRepository => "ecr",
        ComponentKind::Cloudtrail => "cloudtrail",
        ComponentKind::ApiGateway => "execute-api",
        ComponentKind::EcsService | ComponentKind::EcsCluster => "ecs",
        ComponentKind::EksCluster => "eks",
        ComponentKind::Ec2Instance => "ec2",
        ComponentKind::Rds => "rds-db",
        ComponentKind::Elasticache => "elasticache",
        _ => return None,
    })
}
