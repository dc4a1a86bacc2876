//! The closed catalog of component kinds, and what the rest of the product needs to know about
//! each: its palette group, its label, where it may sit and which properties it accepts.
//!
//! The catalog is data (one [`KindInfo`] row per kind) so that the palette, the loader, the rules
//! and the exporter read the same facts instead of each keeping its own list.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every kind of component the designer knows.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    /// NAT gateway: outbound internet for private subnets.
    NatGateway,
    /// Internet gateway: the VPC's door to the internet.
    InternetGateway,
    /// Transit Gateway: hub that connects VPCs and on-premises networks.
    TransitGateway,
    /// VPC peering connection between two VPCs.
    VpcPeering,
    /// Site-to-site VPN connection to an on-premises network.
    VpnConnection,
    /// VPC endpoint (interface or gateway) to an AWS service.
    VpcEndpoint,
    /// PrivateLink endpoint service exposing a workload to other VPCs.
    EndpointService,
    /// AWS Network Firewall.
    NetworkFirewall,
    /// Route 53 hosted zone.
    Route53Zone,
    /// CloudFront distribution.
    Cloudfront,
    /// AWS WAF web ACL.
    WafWebAcl,
    /// AWS Shield Advanced protection.
    ShieldProtection,
    /// Application Load Balancer.
    Alb,
    /// Network Load Balancer.
    Nlb,
    /// Classic Load Balancer (the previous generation of Elastic Load Balancing).
    ClassicLoadBalancer,
    /// Amazon API Gateway (HTTP or REST API).
    ApiGateway,
    /// AWS Transfer Family server (SFTP, FTPS, FTP or AS2 into S3 or EFS), with its users.
    TransferServer,
    /// ACM certificate.
    AcmCertificate,
    /// EC2 instance.
    Ec2Instance,
    /// EC2 Auto Scaling group with its launch template (instances drawn as one workload).
    AutoScalingGroup,
    /// Lambda function.
    LambdaFunction,
    /// ECS cluster.
    EcsCluster,
    /// ECS service (tasks on Fargate or EC2).
    EcsService,
    /// EKS cluster.
    EksCluster,
    /// AWS App Mesh mesh (end of support 2026-09-30).
    AppMesh,
    /// ECR repository.
    EcrRepository,
    /// RDS database instance or Aurora cluster.
    Rds,
    /// DynamoDB table.
    DynamodbTable,
    /// S3 bucket.
    S3Bucket,
    /// ElastiCache replication group.
    Elasticache,
    /// EBS volume.
    EbsVolume,
    /// Secrets Manager secret.
    Secret,
    /// KMS key.
    KmsKey,
    /// SQS queue.
    SqsQueue,
    /// SNS topic.
    SnsTopic,
    /// CloudTrail trail.
    Cloudtrail,
    /// CloudWatch Logs log group.
    LogGroup,
    /// CloudWatch alarm.
    CloudwatchAlarm,
    /// AWS Config recorder and rules.
    ConfigRecorder,
    /// AWS Security Hub.
    SecurityHub,
    /// Amazon GuardDuty detector.
    Guardduty,
    /// Amazon Macie.
    Macie,
    /// Amazon Inspector.
    Inspector,
    /// IAM Access Analyzer.
    AccessAnalyzer,
    /// Systems Manager Session Manager (shell access without SSH).
    SessionManager,
    /// Systems Manager patch baseline and maintenance window.
    PatchBaseline,
    /// AWS RAM resource share.
    RamShare,
    /// EFS file system, with its mount targets and access points.
    EfsFileSystem,
    /// Kinesis data stream.
    KinesisStream,
    /// Amazon Data Firehose delivery stream: reads from a Kinesis stream or takes direct puts,
    /// and delivers to the destination its flows lead to.
    FirehoseStream,
    /// Step Functions state machine (a workflow that calls other services as its role).
    StepFunctionsStateMachine,
    /// AppSync GraphQL API, with its data sources.
    AppsyncApi,
    /// Amazon DocumentDB cluster, with its instances.
    DocumentdbCluster,
    /// Amazon Neptune graph database cluster, with its instances.
    NeptuneCluster,
    /// OpenSearch Service domain (also legacy Elasticsearch domains).
    OpensearchDomain,
    /// Amazon MSK (Kafka) cluster, provisioned or serverless.
    MskCluster,
    /// Amazon MQ broker (ActiveMQ or RabbitMQ).
    MqBroker,
    /// Amazon Redshift provisioned cluster (data warehouse).
    RedshiftCluster,
}

/// The palette groups, in the order the palette shows them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// VPC plumbing: gateways, endpoints, firewalls, DNS.
    Network,
    /// The internet-facing edge: CDN, WAF, load balancers, APIs, certificates.
    Edge,
    /// Where code runs.
    Compute,
    /// Where data rests: databases, buckets, caches, secrets, keys, queues.
    Data,
    /// Detection, logging, posture and operations.
    SecurityMonitoring,
}

/// Where a kind of component may be placed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// In a subnet (it has network interfaces there).
    Subnet,
    /// In a VPC (VPC-wide: gateways).
    Vpc,
    /// In a region or account (regional AWS service, reached through its API).
    Regional,
    /// In an account (account-wide security service).
    Account,
}

/// The facts about one kind of component.
#[derive(Debug, Clone, Copy)]
pub struct KindInfo {
    /// The kind described.
    pub kind: ComponentKind,
    /// The name in the file format.
    pub name: &'static str,
    /// The label on the palette and canvas.
    pub label: &'static str,
    /// The palette group.
    pub category: Category,
    /// Where it may be placed.
    pub placement: Placement,
    /// Whether it holds data at rest (the rules protect these most).
    pub data_store: bool,
    /// Whether it runs workload code (and so needs vulnerability scanning and a role).
    pub workload: bool,
    /// The properties that mean something for the kind.
    pub properties: &'static [&'static str],
}

macro_rules! kinds {
    ($( $kind:ident, $name:literal, $label:literal, $category:ident, $placement:ident,
        data: $data:literal, workload: $workload:literal, [$($property:literal),* $(,)?]; )*) => {
        /// The catalog: one row per kind, in declaration order.
        pub const CATALOG: &[KindInfo] = &[
            $(KindInfo {
                kind: ComponentKind::$kind,
                name: $name,
                label: $label,
                category: Category::$category,
                placement: Placement::$placement,
                data_store: $data,
                workload: $workload,
                properties: &[$($property),*],
            },)*
        ];
    };
}

kinds! {
    NatGateway, "nat_gateway", "NAT gateway", Network, Subnet, data: false, workload: false, [];
    InternetGateway, "internet_gateway", "Internet gateway", Network, Vpc, data: false, workload: false, [];
    TransitGateway, "transit_gateway", "Transit Gateway", Network, Regional, data: false, workload: false,
        ["attachments", "auto_accept_attachments"];
    VpcPeering, "vpc_peering", "VPC peering", Network, Regional, data: false, workload: false, ["attachments"];
    VpnConnection, "vpn_connection", "Site-to-site VPN", Network, Vpc, data: false, workload: false, [];
    VpcEndpoint, "vpc_endpoint", "VPC endpoint", Network, Subnet, data: false, workload: false,
        ["endpoint_type", "service", "resource_policy"];
    EndpointService, "endpoint_service", "PrivateLink service", Network, Subnet, data: false, workload: false,
        ["service"];
    NetworkFirewall, "network_firewall", "Network Firewall", Network, Subnet, data: false, workload: false,
        ["allowed_domains"];
    Route53Zone, "route53_zone", "Route 53 zone", Network, Regional, data: false, workload: false,
        ["domain_name"];
    Cloudfront, "cloudfront", "CloudFront", Edge, Regional, data: false, workload: false,
        ["tls_policy", "certificate", "domain_name", "http_redirect"];
    WafWebAcl, "waf_web_acl", "WAF web ACL", Edge, Regional, data: false, workload: false,
        ["managed_rule_groups", "protects"];
    ShieldProtection, "shield_protection", "Shield Advanced", Edge, Account, data: false, workload: false,
        ["protects"];
    Alb, "alb", "Application Load Balancer", Edge, Subnet, data: false, workload: false,
        ["scheme", "tls_policy", "http_redirect", "certificate", "deletion_protection"];
    Nlb, "nlb", "Network Load Balancer", Edge, Subnet, data: false, workload: false,
        ["scheme", "tls_policy", "certificate"];
    ClassicLoadBalancer, "classic_load_balancer", "Classic Load Balancer", Edge, Subnet, data: false, workload: false,
        ["scheme", "tls_policy", "certificate", "logging"];
    ApiGateway, "api_gateway", "API Gateway", Edge, Regional, data: false, workload: false,
        ["scheme", "certificate", "domain_name", "resource_policy"];
    TransferServer, "transfer_server", "Transfer Family server", Edge, Subnet, data: false, workload: false,
        ["scheme", "transfer_protocols", "identity_provider", "tls_policy", "certificate", "logging"];
    AcmCertificate, "acm_certificate", "ACM certificate", Edge, Regional, data: false, workload: false,
        ["domain_name"];
    Ec2Instance, "ec2_instance", "EC2 instance", Compute, Subnet, data: false, workload: true,
        ["instance_type", "image", "os", "publicly_accessible", "imdsv2", "ssm_managed", "encrypted_at_rest"];
    AutoScalingGroup, "auto_scaling_group", "Auto Scaling group", Compute, Subnet, data: false, workload: true,
        ["instance_type", "image", "os", "publicly_accessible", "imdsv2", "ssm_managed", "encrypted_at_rest",
         "desired_count"];
    LambdaFunction, "lambda_function", "Lambda function", Compute, Regional, data: false, workload: true,
        ["runtime", "memory", "function_url"];
    EcsCluster, "ecs_cluster", "ECS cluster", Compute, Vpc, data: false, workload: false,
        ["service_connect_namespace", "service_connect_tls"];
    EcsService, "ecs_service", "ECS service", Compute, Subnet, data: false, workload: true,
        ["launch_type", "cpu", "memory", "desired_count", "image", "publicly_accessible"];
    EksCluster, "eks_cluster", "EKS cluster", Compute, Subnet, data: false, workload: true,
        ["engine_version", "publicly_accessible", "encrypted_at_rest", "launch_type", "instance_type",
         "desired_count"];
    AppMesh, "app_mesh", "App Mesh", Compute, Regional, data: false, workload: false, [];
    EcrRepository, "ecr_repository", "ECR repository", Compute, Regional, data: false, workload: false,
        ["scan_on_push", "immutable_tags", "encrypted_at_rest", "resource_policy"];
    Rds, "rds", "RDS database", Data, Subnet, data: true, workload: false,
        ["engine", "engine_version", "instance_type", "multi_az", "publicly_accessible", "iam_auth",
         "managed_password", "encrypted_at_rest", "encrypted_in_transit", "deletion_protection",
         "backup_retention_days"];
    DynamodbTable, "dynamodb_table", "DynamoDB table", Data, Regional, data: true, workload: false,
        ["encrypted_at_rest", "point_in_time_recovery", "deletion_protection"];
    S3Bucket, "s3_bucket", "S3 bucket", Data, Regional, data: true, workload: false,
        ["encrypted_at_rest", "versioning", "block_public_access", "vpc_endpoint_only", "resource_policy"];
    Elasticache, "elasticache", "ElastiCache", Data, Subnet, data: true, workload: false,
        ["engine", "engine_version", "instance_type", "multi_az", "encrypted_at_rest", "encrypted_in_transit"];
    EbsVolume, "ebs_volume", "EBS volume", Data, Subnet, data: true, workload: false,
        ["encrypted_at_rest"];
    Secret, "secret", "Secrets Manager secret", Data, Regional, data: true, workload: false,
        ["rotation_days", "resource_policy"];
    KmsKey, "kms_key", "KMS key", Data, Regional, data: false, workload: false,
        ["key_rotation", "resource_policy"];
    SqsQueue, "sqs_queue", "SQS queue", Data, Regional, data: true, workload: false,
        ["encrypted_at_rest", "resource_policy"];
    SnsTopic, "sns_topic", "SNS topic", Data, Regional, data: false, workload: false,
        ["encrypted_at_rest", "resource_policy"];
    Cloudtrail, "cloudtrail", "CloudTrail", SecurityMonitoring, Account, data: false, workload: false,
        ["multi_region", "log_file_validation", "retention_days"];
    LogGroup, "log_group", "CloudWatch log group", SecurityMonitoring, Regional, data: false, workload: false,
        ["retention_days", "encrypted_at_rest"];
    CloudwatchAlarm, "cloudwatch_alarm", "CloudWatch alarm", SecurityMonitoring, Regional, data: false, workload: false,
        ["metric"];
    ConfigRecorder, "config_recorder", "AWS Config", SecurityMonitoring, Account, data: false, workload: false,
        ["publish_to_security_hub"];
    SecurityHub, "security_hub", "Security Hub", SecurityMonitoring, Account, data: false, workload: false,
        ["standards"];
    Guardduty, "guardduty", "GuardDuty", SecurityMonitoring, Account, data: false, workload: false,
        ["publish_to_security_hub"];
    Macie, "macie", "Macie", SecurityMonitoring, Account, data: false, workload: false,
        ["publish_to_security_hub"];
    Inspector, "inspector", "Inspector", SecurityMonitoring, Account, data: false, workload: false,
        ["scan_types", "publish_to_security_hub"];
    AccessAnalyzer, "access_analyzer", "IAM Access Analyzer", SecurityMonitoring, Account, data: false, workload: false, [];
    SessionManager, "session_manager", "Session Manager", SecurityMonitoring, Account, data: false, workload: false, [];
    PatchBaseline, "patch_baseline", "Patch baseline", SecurityMonitoring, Account, data: false, workload: false,
        ["os"];
    RamShare, "ram_share", "RAM resource share", SecurityMonitoring, Account, data: false, workload: false,
        ["shares", "share_with"];
    EfsFileSystem, "efs_file_system", "EFS file system", Data, Subnet, data: true, workload: false,
        ["encrypted_at_rest", "encrypted_in_transit", "iam_auth", "resource_policy"];
    KinesisStream, "kinesis_stream", "Kinesis data stream", Data, Regional, data: true, workload: false,
        ["encrypted_at_rest", "resource_policy"];
    FirehoseStream, "firehose_stream", "Firehose delivery stream", Data, Regional, data: true, workload: false,
        ["encrypted_at_rest", "logging"];
    StepFunctionsStateMachine, "step_functions_state_machine", "Step Functions state machine", Compute,
        Regional, data: false, workload: true, ["logging", "tracing"];
    AppsyncApi, "appsync_api", "AppSync GraphQL API", Edge, Regional, data: false, workload: false,
        ["scheme", "logging"];
    DocumentdbCluster, "documentdb_cluster", "DocumentDB cluster", Data, Subnet, data: true, workload: false,
        ["engine_version", "instance_type", "encrypted_at_rest", "encrypted_in_transit", "logging",
         "deletion_protection", "backup_retention_days"];
    NeptuneCluster, "neptune_cluster", "Neptune cluster", Data, Subnet, data: true, workload: false,
        ["engine_version", "instance_type", "encrypted_at_rest", "iam_auth", "logging",
         "deletion_protection", "backup_retention_days"];
    OpensearchDomain, "opensearch_domain", "OpenSearch domain", Data, Regional, data: true, workload: false,
        ["engine_version", "instance_type", "multi_az", "publicly_accessible", "encrypted_at_rest",
         "encrypted_in_transit", "tls_policy", "logging", "resource_policy"];
    MskCluster, "msk_cluster", "MSK cluster", Data, Subnet, data: true, workload: false,
        ["engine_version", "instance_type", "publicly_accessible", "encrypted_at_rest",
         "encrypted_in_transit", "iam_auth", "logging"];
    MqBroker, "mq_broker", "Amazon MQ broker", Data, Subnet, data: true, workload: false,
        ["engine", "engine_version", "instance_type", "multi_az", "publicly_accessible",
         "encrypted_at_rest", "encrypted_in_transit", "logging"];
    RedshiftCluster, "redshift_cluster", "Redshift cluster", Data, Subnet, data: true, workload: false,
        ["instance_type", "publicly_accessible", "encrypted_at_rest", "encrypted_in_transit", "logging",
         "enhanced_vpc_routing", "backup_retention_days"];
}

impl ComponentKind {
    /// The catalog row of this kind.
    pub fn info(self) -> &'static KindInfo {
        CATALOG
            .iter()
            .find(|info| info.kind == self)
            .expect("every component kind has a catalog row (checked by a test)")
    }

    /// The name used in the file format and in messages.
    pub fn as_str(self) -> &'static str {
        self.info().name
    }

    /// The properties that mean something for this kind.
    pub fn applicable_properties(self) -> &'static [&'static str] {
        self.info().properties
    }

    /// Whether the kind is EC2 instances whose launch settings the design states: an instance,
    /// or the instances an Auto Scaling group launches. IMDS, volume encryption, Systems Manager
    /// and patching are judged on these alike.
    pub fn runs_ec2_instances(self) -> bool {
        matches!(self, Self::Ec2Instance | Self::AutoScalingGroup)
    }

    /// Whether the kind holds data at rest.
    pub fn is_data_store(self) -> bool {
        self.info().data_store
    }

    /// Whether the kind runs workload code.
    pub fn is_workload(self) -> bool {
        self.info().workload
    }

    /// Whether the kind can take traffic from the internet directly (an edge endpoint).
    pub fn is_edge_endpoint(self) -> bool {
        matches!(
            self,
            ComponentKind::Cloudfront
                | ComponentKind::Alb
                | ComponentKind::Nlb
                | ComponentKind::ClassicLoadBalancer
                | ComponentKind::ApiGateway
                | ComponentKind::AppsyncApi
        )
    }
}
