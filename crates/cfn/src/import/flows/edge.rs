//! Flows at the edge: load balancer listeners through their target groups, API Gateway methods
//! and integrations, Lambda event source mappings, and CloudFront origins.

use zta_model::{Auth, ComponentKind, FunctionUrlAuth, PortRange, Protocol, Scheme, Tls};

use super::NewFlow;
use crate::import::{Disposition, Importer, ResourceKey};
use crate::value::Value;

impl Importer<'_> {
    pub(super) fn listener_flows(&mut self) {
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
            // A listener that only redirects to HTTPS serves nothing in plain HTTP: browsers are
            // sent to the HTTPS listener, whose own flow carries the traffic
            // (<https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions>).
            let redirects_only =
                protocol == Protocol::Http && self.redirects_to_https_only(&listener);
            if internet_facing
                && !redirects_only
                && let Some(port) = port
            {
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

    /// The flows of Classic Load Balancers: from the internet to each listener of an
    /// internet-facing one, and from the balancer to the instances it lists and the Auto Scaling
    /// groups that name it, with each listener's instance protocol and port. A listener that
    /// does not state its instance protocol is read as sending plain HTTP or TCP, the weaker of
    /// what it may do.
    pub(super) fn classic_listener_flows(&mut self) {
        let resource_type = crate::kinds::edge::classic_load_balancer::RESOURCE_TYPE;
        for key in self.resources_of_type(resource_type) {
            let Some(balancer) = self.element_for(&key).cloned() else {
                continue;
            };
            let internet_facing = self.design.component(&balancer).is_some_and(|component| {
                component.properties.scheme == Some(Scheme::InternetFacing)
            });
            let listeners = self
                .resource(&key)
                .property("Listeners")
                .cloned()
                .unwrap_or(Value::null());
            let text = |importer: &Self, value: Option<&Value>| {
                value.map(|value| importer.eval(key.0, value).describe().to_ascii_uppercase())
            };
            let mut flows = Vec::new();
            let mut backends = Vec::new();
            for listener in self.list_items(key.0, &listeners) {
                let front = text(self, listener.get("Protocol")).unwrap_or_default();
                let port = |name: &str| {
                    listener
                        .get(name)
                        .and_then(|port| self.eval(key.0, port).as_text()?.parse::<u16>().ok())
                };
                let (protocol, tls) = classic_protocol(&front);
                if internet_facing && let Some(port) = port("LoadBalancerPort") {
                    flows.push((
                        protocol,
                        tls,
                        port,
                        format!("{front} listener on port {port}."),
                    ));
                }
                let back = text(self, listener.get("InstanceProtocol")).unwrap_or_else(|| {
                    if matches!(front.as_str(), "HTTP" | "HTTPS") {
                        "HTTP"
                    } else {
                        "TCP"
                    }
                    .to_owned()
                });
                if let Some(port) = port("InstancePort") {
                    backends.push((classic_protocol(&back), port, back));
                }
            }
            if !flows.is_empty() {
                let internet = self.internet();
                for (protocol, tls, port, description) in flows {
                    self.add_flow(NewFlow {
                        source: internet.clone(),
                        target: balancer.clone(),
                        protocol,
                        ports: vec![PortRange::single(port)],
                        tls,
                        auth: Auth::None,
                        issuer: None,
                        actions: Vec::new(),
                        description: Some(description),
                    });
                }
            }
            let mut targets = self.elements_of(&self.property(key.0, &key.1, &["Instances"]));
            for scaling in self.resources_of_type("AWS::AutoScaling::AutoScalingGroup") {
                if self
                    .property(scaling.0, &scaling.1, &["LoadBalancerNames"])
                    .resources()
                    .contains(&key)
                    && let Some(element) = self.element_for(&scaling).cloned()
                {
                    targets.push(element);
                }
            }
            for target in targets {
                for ((protocol, tls), port, back) in &backends {
                    self.add_flow(NewFlow {
                        source: balancer.clone(),
                        target: target.clone(),
                        protocol: *protocol,
                        ports: vec![PortRange::single(*port)],
                        tls: *tls,
                        auth: Auth::None,
                        issuer: None,
                        actions: Vec::new(),
                        description: Some(format!("{back} to the registered instances.")),
                    });
                }
            }
        }
    }

    /// Whether every action of a listener, default and rules alike, redirects to HTTPS.
    pub(super) fn redirects_to_https_only(&self, listener: &ResourceKey) -> bool {
        let mut actions: Vec<Value> = self
            .resource(listener)
            .property("DefaultActions")
            .map(|value| {
                self.list_items(listener.0, value)
                    .into_iter()
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        for rule in self.resources_of_type("AWS::ElasticLoadBalancingV2::ListenerRule") {
            if self
                .property(rule.0, &rule.1, &["ListenerArn"])
                .resource()
                .as_ref()
                == Some(listener)
                && let Some(rule_actions) = self.resource(&rule).property("Actions")
            {
                actions.extend(self.list_items(rule.0, rule_actions).into_iter().cloned());
            }
        }
        !actions.is_empty()
            && actions.iter().all(|action| {
                let text = |value: Option<&Value>| {
                    value.map(|value| self.eval(listener.0, value).describe())
                };
                text(action.get("Type")).as_deref() == Some("redirect")
                    && text(action.get("RedirectConfig").and_then(|c| c.get("Protocol"))).as_deref()
                        == Some("HTTPS")
            })
    }

    pub(super) fn target_groups_of_actions(
        &self,
        stack: usize,
        actions: &Value,
    ) -> Vec<ResourceKey> {
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

    pub(super) fn target_group_flows(&mut self, balancer: &str, group: &ResourceKey) {
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

    pub(super) fn api_flows(&mut self) {
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
            // A WebSocket API authorizes the connection once, on `$connect`; its other routes
            // take no authorizer and carry messages of a connection already authorized
            // (<https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-control-access.html>).
            let websocket_message = key_text != "$connect"
                && self
                    .property(route.0, &route.1, &["ApiId"])
                    .resource()
                    .is_some_and(|api| {
                        self.property(api.0, &api.1, &["ProtocolType"]).as_text()
                            == Some("WEBSOCKET")
                    });
            if !websocket_message {
                self.api_entry_flow(&api, auth, issuer, &format!("route {key_text}"));
            }
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

    pub(super) fn flag_property(&self, key: &ResourceKey, path: &[&str]) -> bool {
        self.property(key.0, &key.1, path).as_text() == Some("true")
    }

    /// How callers authenticate through an authorizer: a JWT from its user pool or provider.
    pub(super) fn authorizer_auth(
        &mut self,
        authorizer: Option<ResourceKey>,
    ) -> (Auth, Option<String>) {
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
    pub(super) fn api_entry_flow(
        &mut self,
        api: &str,
        auth: Auth,
        issuer: Option<String>,
        what: &str,
    ) {
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

    /// The flow from the internet into each function with a URL: HTTPS on 443, signed with IAM
    /// when the URL asks for it, anonymous otherwise.
    pub(super) fn function_url_flows(&mut self) {
        let functions: Vec<(String, FunctionUrlAuth)> = self
            .design
            .components
            .iter()
            .filter(|component| component.kind == ComponentKind::LambdaFunction)
            .filter_map(|component| {
                let auth = component.properties.function_url?;
                Some((component.id.clone(), auth))
            })
            .collect();
        for (function, auth) in functions {
            let internet = self.internet();
            self.add_flow(NewFlow {
                source: internet,
                target: function,
                protocol: Protocol::Https,
                ports: vec![PortRange::single(443)],
                tls: Tls::Tls12,
                auth: match auth {
                    FunctionUrlAuth::None => Auth::None,
                    FunctionUrlAuth::Iam => Auth::Iam,
                },
                issuer: None,
                actions: Vec::new(),
                description: Some("Calls to the function URL.".to_owned()),
            });
        }
    }

    pub(super) fn invoke_flow(&mut self, api: &str, target: &ResourceKey) {
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

    pub(super) fn cloudfront_flows(&mut self) {
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

    pub(super) fn event_source_flows(&mut self) {
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
                Some(ComponentKind::MskCluster) => crate::kinds::data::msk_cluster::CLIENT_ACTIONS
                    .iter()
                    .map(|action| (*action).to_owned())
                    .collect(),
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
}

/// The protocol and TLS of a Classic Load Balancer listener's protocol (`HTTP`, `HTTPS`, `TCP`
/// or `SSL`).
fn classic_protocol(protocol: &str) -> (Protocol, Tls) {
    match protocol {
        "HTTPS" => (Protocol::Https, Tls::Tls12),
        "SSL" => (Protocol::Tcp, Tls::Tls12),
        "HTTP" => (Protocol::Http, Tls::None),
        _ => (Protocol::Tcp, Tls::None),
    }
}
