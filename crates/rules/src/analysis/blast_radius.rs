//! Identity blast radius: for each identity, the data stores it can reach through its own
//! permissions (inline statements, well-known managed policies, and the IAM-authenticated flows
//! of the components that run as it, which the exporter turns into statements) and through
//! every role it can assume, transitively.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::visit::EdgeRef;
use serde::Serialize;
use zta_model::{Component, ComponentKind, Design, Effect, Identity, IdentityKind};

use crate::context::Index;
use crate::graph::{DesignGraph, Edge, Node};

/// How an identity reaches a data store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Access {
    /// A flow of the design, opened by a component running as the identity or by an actor
    /// signing in with it.
    Flow(String),
    /// A permission statement or managed policy of the identity.
    Policy(String),
}

/// One data store within an identity's reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reach {
    /// The data store.
    pub store: String,
    /// The identities on the way, starting with the identity itself and ending with the one
    /// that holds the access (longer than one when roles are assumed).
    pub chain: Vec<String>,
    /// What grants the access.
    pub access: Access,
}

/// The reach of one identity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IdentityReach {
    /// The identity.
    pub identity: String,
    /// The roles it can assume, directly or through others, in the order found.
    pub assumable: Vec<String>,
    /// The data stores it can reach, one entry per store (the shortest chain), in design order.
    pub stores: Vec<Reach>,
}

/// The reach of every identity, in design order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BlastRadius {
    /// One entry per identity.
    pub identities: Vec<IdentityReach>,
    #[serde(skip)]
    by_id: HashMap<String, usize>,
}

impl BlastRadius {
    /// Computes the reach of every identity.
    pub fn compute(design: &Design, index: &Index<'_>, graph: &DesignGraph) -> Self {
        let store_order: HashMap<&str, usize> = design
            .components
            .iter()
            .enumerate()
            .filter(|(_, component)| component.kind.is_data_store())
            .map(|(position, component)| (component.id.as_str(), position))
            .collect();
        let direct: Vec<Vec<(String, Access)>> = design
            .identities
            .iter()
            .map(|identity| direct_reach(design, index, identity))
            .collect();

        let mut radius = BlastRadius::default();
        for (position, identity) in design.identities.iter().enumerate() {
            let Some(start) = graph.node(&identity.id) else {
                continue;
            };
            // Breadth-first over role assumption, remembering how each role was reached.
            let mut parent: HashMap<usize, Option<usize>> = HashMap::from([(position, None)]);
            let mut order = vec![position];
            let mut queue = VecDeque::from([start]);
            while let Some(node) = queue.pop_front() {
                let Node::Identity(from) = graph.graph[node] else {
                    continue;
                };
                for edge in graph.graph.edges(node) {
                    if *edge.weight() != Edge::Assumes {
                        continue;
                    }
                    if let Node::Identity(to) = graph.graph[edge.target()]
                        && !parent.contains_key(&to)
                    {
                        parent.insert(to, Some(from));
                        order.push(to);
                        queue.push_back(edge.target());
                    }
                }
            }
            let chain_to = |mut at: usize| {
                let mut chain = vec![design.identities[at].id.clone()];
                while let Some(Some(previous)) = parent.get(&at) {
                    chain.push(design.identities[*previous].id.clone());
                    at = *previous;
                }
                chain.reverse();
                chain
            };
            let mut seen: HashSet<&str> = HashSet::new();
            let mut stores: Vec<Reach> = Vec::new();
            for holder in &order {
                for (store, access) in &direct[*holder] {
                    if seen.insert(store.as_str()) {
                        stores.push(Reach {
                            store: store.clone(),
                            chain: chain_to(*holder),
                            access: access.clone(),
                        });
                    }
                }
            }
            stores.sort_by_key(|reach| store_order.get(reach.store.as_str()).copied());
            radius
                .by_id
                .insert(identity.id.clone(), radius.identities.len());
            radius.identities.push(IdentityReach {
                identity: identity.id.clone(),
                assumable: order[1..]
                    .iter()
                    .map(|role| design.identities[*role].id.clone())
                    .collect(),
                stores,
            });
        }
        radius
    }

    /// The reach of an identity.
    pub fn of(&self, id: &str) -> Option<&IdentityReach> {
        self.by_id
            .get(id)
            .map(|position| &self.identities[*position])
    }
}

/// The data stores an identity reaches by itself, without assuming another role.
fn direct_reach(design: &Design, index: &Index<'_>, identity: &Identity) -> Vec<(String, Access)> {
    let mut reach: Vec<(String, Access)> = Vec::new();
    let flow_sources = index
        .components_running_as(&identity.id)
        .iter()
        .map(|component| component.id.as_str())
        .chain(
            design
                .actors
                .iter()
                .filter(|actor| actor.signs_in_with.as_deref() == Some(identity.id.as_str()))
                .map(|actor| actor.id.as_str()),
        );
    for source in flow_sources {
        for flow in index.flows_from(source) {
            if index
                .component(&flow.target)
                .is_some_and(|target| target.kind.is_data_store())
            {
                reach.push((flow.target.clone(), Access::Flow(flow.id.clone())));
            }
        }
    }

    let accounts: Vec<&str> = if identity.kind == IdentityKind::PermissionSet {
        identity
            .assigned_accounts
            .iter()
            .map(String::as_str)
            .collect()
    } else {
        identity.account.iter().map(String::as_str).collect()
    };
    let in_scope = |store: &Component| {
        accounts.is_empty()
            || index
                .account_of(store)
                .is_none_or(|account| accounts.contains(&account))
    };
    let stores = || {
        design
            .components
            .iter()
            .filter(|component| component.kind.is_data_store())
    };
    for arn in &identity.managed_policies {
        let policy = arn.rsplit('/').next().unwrap_or(arn);
        for store in stores().filter(|store| in_scope(store)) {
            if managed_policy_reaches(policy, store.kind) {
                reach.push((store.id.clone(), Access::Policy(policy.to_string())));
            }
        }
    }
    for (number, statement) in identity.policies.iter().enumerate() {
        if statement.effect != Effect::Allow {
            continue;
        }
        let label = statement
            .sid
            .clone()
            .unwrap_or_else(|| format!("statement {}", number + 1));
        let covers = |store: &Component| {
            statement
                .actions
                .iter()
                .any(|action| action_covers(action, store.kind))
        };
        for resource in &statement.resources {
            if resource == "*" {
                for store in stores().filter(|store| in_scope(store) && covers(store)) {
                    reach.push((store.id.clone(), Access::Policy(label.clone())));
                }
                continue;
            }
            // A resource names an element by its id, or by an ARN whose part is the id.
            for part in std::iter::once(resource.as_str()).chain(resource.split([':', '/'])) {
                let part = part.trim_end_matches('*');
                if let Some(store) = index.component(part)
                    && store.kind.is_data_store()
                    && covers(store)
                {
                    reach.push((store.id.clone(), Access::Policy(label.clone())));
                    break;
                }
            }
        }
    }
    reach
}

/// The IAM service prefixes that act on a kind of data store.
pub fn services_of(kind: ComponentKind) -> &'static [&'static str] {
    match kind {
        ComponentKind::S3Bucket => &["s3"],
        ComponentKind::DynamodbTable => &["dynamodb"],
        ComponentKind::Rds => &["rds", "rds-db", "rds-data"],
        ComponentKind::Elasticache => &["elasticache"],
        ComponentKind::Secret => &["secretsmanager"],
        ComponentKind::SqsQueue => &["sqs"],
        ComponentKind::EfsFileSystem => &["elasticfilesystem"],
        ComponentKind::KinesisStream => &["kinesis"],
        ComponentKind::FirehoseStream => &["firehose"],
        ComponentKind::NeptuneCluster => &["neptune-db"],
        ComponentKind::OpensearchDomain => &["es"],
        ComponentKind::MskCluster => &["kafka", "kafka-cluster"],
        ComponentKind::MqBroker => &["mq"],
        ComponentKind::RedshiftCluster => &["redshift", "redshift-data"],
        _ => &[],
    }
}

/// Whether an action pattern (`*`, `s3:*`, `s3:Get*`, `s3:GetObject`) acts on a kind of store.
pub fn action_covers(action: &str, kind: ComponentKind) -> bool {
    services_of(kind)
        .iter()
        .any(|service| crate::actions::touches_service(action, service))
}

/// Whether an AWS-managed policy, by name, reaches a kind of data store.
fn managed_policy_reaches(policy: &str, kind: ComponentKind) -> bool {
    match policy {
        "AdministratorAccess" | "PowerUserAccess" | "ReadOnlyAccess" => true,
        "AmazonS3FullAccess" | "AmazonS3ReadOnlyAccess" => kind == ComponentKind::S3Bucket,
        "AmazonDynamoDBFullAccess" | "AmazonDynamoDBReadOnlyAccess" => {
            kind == ComponentKind::DynamodbTable
        }
        "AmazonRDSFullAccess" | "AmazonRDSDataFullAccess" => kind == ComponentKind::Rds,
        "SecretsManagerReadWrite" => kind == ComponentKind::Secret,
        "AmazonSQSFullAccess" => kind == ComponentKind::SqsQueue,
        "AmazonElastiCacheFullAccess" => kind == ComponentKind::Elasticache,
        "AmazonElasticFileSystemClientFullAccess"
        | "AmazonElasticFileSystemClientReadWriteAccess" => kind == ComponentKind::EfsFileSystem,
        "AmazonKinesisFullAccess" | "AmazonKinesisReadOnlyAccess" => {
            kind == ComponentKind::KinesisStream
        }
        "AmazonKinesisFirehoseFullAccess" => kind == ComponentKind::FirehoseStream,
        "AmazonOpenSearchServiceFullAccess" | "AmazonOpenSearchServiceReadOnlyAccess" => {
            kind == ComponentKind::OpensearchDomain
        }
        "AmazonMSKFullAccess" | "AmazonMSKReadOnlyAccess" => kind == ComponentKind::MskCluster,
        "AmazonMQFullAccess" | "AmazonMQReadOnlyAccess" => kind == ComponentKind::MqBroker,
        _ => false,
    }
}
