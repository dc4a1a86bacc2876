//! Flows: security-group ingress rules (a source group's members to the group's members, a
//! world CIDR from the internet, port ranges kept), load balancer listeners through their target
//! groups, API Gateway methods and integrations, AppSync APIs and their data sources, Lambda
//! function URLs and event source mappings, delivery streams' sources and destinations, Step
//! Functions tasks, CloudFront origins, and IAM policies (the actions an identity may call on a
//! component of the template).

mod appsync;
mod edge;
mod identity;
mod security_groups;
mod streams;
mod workflow;

use zta_model::{Auth, ComponentKind, DataClass, Flow, PortRange, Protocol, SegmentKind, Tls};

use super::{Importer, ResourceKey};
use crate::value::{Function, Value, ValueKind};

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
        self.classic_listener_flows();
        self.api_flows();
        self.function_url_flows();
        self.appsync_flows();
        self.event_source_flows();
        self.firehose_flows();
        self.state_machine_flows();
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
        ComponentKind::NeptuneCluster => "neptune-db",
        ComponentKind::RedshiftCluster => "redshift",
        ComponentKind::Elasticache => "elasticache",
        ComponentKind::EfsFileSystem => "elasticfilesystem",
        ComponentKind::KinesisStream => "kinesis",
        ComponentKind::FirehoseStream => "firehose",
        ComponentKind::StepFunctionsStateMachine => "states",
        ComponentKind::OpensearchDomain => "es",
        ComponentKind::MskCluster => "kafka-cluster",
        _ => return None,
    })
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
