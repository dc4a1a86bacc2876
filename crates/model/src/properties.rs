//! The typed properties of components.
//!
//! One struct holds every property of every kind, each optional, so that the file stays flat and
//! a property keeps one meaning and one type everywhere (`encrypted_at_rest` means the same on a
//! bucket and on a database). Which properties a kind accepts is data in
//! [`crate::ComponentKind::applicable_properties`]; the loader rejects the rest. An absent
//! property means the zero-trust default: the exporter encrypts, blocks public access and so on
//! unless the design says otherwise, and the rules judge only what the design states.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::PolicyStatement;

/// The properties of a component; see the module documentation for how absence is read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct ComponentProperties {
    /// Database or cache engine, e.g. `postgres`, `aurora-postgresql`, `mysql`, `redis`, `valkey`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<String>,
    /// Engine or platform version (database engine, Kubernetes version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine_version: Option<String>,
    /// Instance class or type, e.g. `db.t4g.medium`, `cache.t4g.small`, `t3.micro`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// Whether the resource spans availability zones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_az: Option<bool>,
    /// Whether the resource has a public address or endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publicly_accessible: Option<bool>,
    /// Whether a database accepts IAM authentication instead of passwords.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iam_auth: Option<bool>,
    /// Whether the master password is generated and rotated in Secrets Manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_password: Option<bool>,
    /// Whether data at rest is encrypted (with the component's `encryption_key` when set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_at_rest: Option<bool>,
    /// Whether the service enforces encryption in transit on its own endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_in_transit: Option<bool>,
    /// Whether a data warehouse sends its COPY and UNLOAD traffic through the VPC (its
    /// endpoints, security groups and flow logs) rather than over the service's public network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enhanced_vpc_routing: Option<bool>,
    /// Whether deletion needs protection switched off first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_protection: Option<bool>,
    /// Days of automated backups kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_retention_days: Option<u32>,
    /// Whether point-in-time recovery is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point_in_time_recovery: Option<bool>,
    /// Whether a load balancer or API faces the internet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<Scheme>,
    /// The TLS security policy of a listener or distribution, e.g.
    /// `ELBSecurityPolicy-TLS13-1-2-2021-06`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_policy: Option<String>,
    /// Whether a load balancer answers plain HTTP only with a redirect to HTTPS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_redirect: Option<bool>,
    /// The ACM certificate component that serves TLS for this endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    /// A DNS name: a certificate's domain, a distribution's or API's custom domain, a zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
    /// Whether a bucket keeps object versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versioning: Option<bool>,
    /// Whether a bucket blocks every form of public access.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block_public_access: Option<bool>,
    /// Whether a bucket accepts requests only through the design's VPC endpoints.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vpc_endpoint_only: Option<bool>,
    /// A resource policy (bucket, key, secret, queue, topic or endpoint policy).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resource_policy: Vec<PolicyStatement>,
    /// Interface or gateway endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_type: Option<EndpointType>,
    /// The AWS service an endpoint reaches (`s3`, `secretsmanager`, `ecr.api`...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// How ECS runs a service's tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launch_type: Option<LaunchType>,
    /// CPU units of a task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<u32>,
    /// Memory of a task or function, in MiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<u32>,
    /// How many tasks or instances run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desired_count: Option<u32>,
    /// The container image or machine image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// A function's runtime, e.g. `python3.13`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime: Option<String>,
    /// A function's URL: its own HTTPS endpoint on the internet, which callers reach without
    /// any API or load balancer in front, and how AWS authenticates them. Absent: the function
    /// has no URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function_url: Option<FunctionUrlAuth>,
    /// Whether the component sends traces to X-Ray. On unless the design says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracing: Option<bool>,
    /// The operating system of instances or of a patch baseline (`amazon_linux_2023`...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os: Option<String>,
    /// Whether instance metadata requires session tokens (IMDSv2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imdsv2: Option<bool>,
    /// Whether Systems Manager manages the instance (Session Manager, patching).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssm_managed: Option<bool>,
    /// Whether a key rotates automatically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_rotation: Option<bool>,
    /// Days between automatic secret rotations, 1 to 1000; 0 means the secret does not rotate
    /// (the export writes no rotation schedule, and ZT-DATA-004 flags it). Absent, the export
    /// rotates every 30 days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation_days: Option<u32>,
    /// Days that logs are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_days: Option<u32>,
    /// Whether a trail records every region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_region: Option<bool>,
    /// Whether a trail signs digests of its log files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_file_validation: Option<bool>,
    /// Security Hub standards to enable, e.g. `aws-foundational-security-best-practices`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<String>,
    /// What Inspector scans: `ec2`, `ecr`, `lambda`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scan_types: Vec<String>,
    /// Whether a detector's or scanner's findings go to Security Hub.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish_to_security_hub: Option<bool>,
    /// The event or metric an alarm watches, e.g. `root-account-usage`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    /// WAF managed rule groups, e.g. `AWSManagedRulesSQLiRuleSet`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub managed_rule_groups: Vec<String>,
    /// The components a web ACL or Shield protection guards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub protects: Vec<String>,
    /// The VPCs a transit gateway or peering connection joins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
    /// Whether a transit gateway accepts attachments without review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_accept_attachments: Option<bool>,
    /// The components a resource share shares.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shares: Vec<String>,
    /// The account segments a resource share shares with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub share_with: Vec<String>,
    /// Whether a repository scans images when they are pushed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scan_on_push: Option<bool>,
    /// Whether image tags cannot be overwritten.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub immutable_tags: Option<bool>,
    /// The Cloud Map namespace an ECS cluster's services join for ECS Service Connect, e.g.
    /// `orders.internal`: the services then call each other by name through the Service Connect
    /// proxy instead of through a mesh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_connect_namespace: Option<String>,
    /// Whether Service Connect encrypts the traffic between a cluster's services with TLS
    /// certificates from an AWS Private CA. On unless the design says otherwise, when the cluster
    /// has a Service Connect namespace. It authenticates the called service to its caller, not
    /// the caller to the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_connect_tls: Option<bool>,
    /// The egress allow-list of a Network Firewall: the domains workloads may reach on the
    /// internet, matched on the TLS server name (SNI) and the HTTP Host header. A leading dot
    /// allows every subdomain (`.example.com`). Everything else is dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_domains: Vec<String>,
    /// Whether the service publishes its own logs: a delivery stream's delivery errors, a state
    /// machine's execution events, a database's audit log of who connected and what they ran, a
    /// search domain's audit and error logs, a broker's audit and general logs, an endpoint's
    /// access log. Absent, the export turns them on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logging: Option<bool>,
}

/// Whether an endpoint faces the internet.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// Reachable from the internet.
    InternetFacing,
    /// Reachable only from inside the network.
    Internal,
}

/// Whom a Lambda function URL admits (its `AuthType`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum FunctionUrlAuth {
    /// Anyone on the internet, unauthenticated (`NONE`); any check is in the function's code.
    None,
    /// Only callers that sign with an IAM identity allowed to invoke the URL (`AWS_IAM`).
    Iam,
}

/// The kinds of VPC endpoint.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum EndpointType {
    /// An elastic network interface in the subnets (PrivateLink).
    Interface,
    /// A route-table target, for S3 and DynamoDB.
    Gateway,
}

/// How ECS runs tasks, or what runs an EKS cluster's pods.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum LaunchType {
    /// Serverless tasks or pods, each isolated in its own micro-VM (an EKS Fargate profile).
    Fargate,
    /// Tasks on EC2 container instances the design manages, or an EKS managed node group.
    Ec2,
}
