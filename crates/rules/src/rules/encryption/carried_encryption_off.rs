//! ZT-ENC-030: a carried resource stores or carries data unencrypted.

use crate::carried::settings::{Row, Unsafe, judge, row, unless};
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags resources in the design's `carried_cloudformation` whose settings leave data
    /// unencrypted at rest (databases, clusters, volumes, file systems, caches, streams,
    /// topics, search domains, build artifacts, query results) or in transit (plain HTTP or TCP
    /// listeners that do not redirect, CloudFront behaviours that allow HTTP, caches and search
    /// domains without TLS, Kafka clients in plain text, FTP servers, EFS volumes mounted
    /// without TLS). The table of resource types and settings is in the rule's source; a
    /// setting computed at deployment is not judged.
    ///
    /// ## Why it matters
    /// Carried CloudFormation is deployed with the design but drawn nowhere, so the design's
    /// encryption rules never see its stores or listeners; an unencrypted snapshot or a
    /// sniffed connection exposes whatever data they hold.
    ///
    /// ## Example
    /// ```yaml
    /// carried_cloudformation:
    ///   Resources:
    ///     Ledger:
    ///       Type: AWS::RDS::DBInstance
    ///       Properties: {Engine: postgres, StorageEncrypted: false}
    /// ```
    ///
    /// ## What to do instead
    /// Turn the encryption setting on (with a customer-managed key for sensitive data) and
    /// serve only TLS, or draw the resource in the design so that the rules judge it with the
    /// data it holds.
    code: "ZT-ENC-030",
    name: "carried-encryption-off",
    title: "Carried resource leaves data unencrypted",
    family: Encryption,
    severity: High,
    tenets: [T2, T6],
    pillar: Data,
    check: check,
}

const AT_REST: &str = "stores data unencrypted at rest";
const IN_TRANSIT: &str = "carries data unencrypted in transit";
const PLAIN_LISTENERS: &[&str] = &["HTTP", "TCP", "UDP", "TCP_UDP"];

/// The settings that leave data unencrypted, by resource type (AWS CloudFormation resource
/// and property reference, "AWS resource and property types reference"). Services that always
/// encrypt (DynamoDB, S3 since 2023, Secrets Manager, Backup vaults, CloudWatch Logs) have no
/// row: there is nothing to turn off.
const TABLE: &[Row] = &[
    unless(
        "AWS::RDS::DBInstance",
        "StorageEncrypted",
        Unsafe::UnlessTrue,
        AT_REST,
        ("DBClusterIdentifier", ""),
    ),
    unless(
        "AWS::RDS::DBCluster",
        "StorageEncrypted",
        Unsafe::UnlessTrue,
        AT_REST,
        ("EngineMode", "serverless"),
    ),
    row(
        "AWS::DocDB::DBCluster",
        "StorageEncrypted",
        Unsafe::UnlessTrue,
        AT_REST,
    ),
    row(
        "AWS::Neptune::DBCluster",
        "StorageEncrypted",
        Unsafe::UnlessTrue,
        AT_REST,
    ),
    row(
        "AWS::Redshift::Cluster",
        "Encrypted",
        Unsafe::UnlessTrue,
        AT_REST,
    ),
    row("AWS::EC2::Volume", "Encrypted", Unsafe::UnlessTrue, AT_REST),
    row(
        "AWS::EC2::Instance",
        "BlockDeviceMappings[].Ebs?.Encrypted",
        Unsafe::UnlessTrue,
        AT_REST,
    ),
    row(
        "AWS::EC2::LaunchTemplate",
        "LaunchTemplateData.BlockDeviceMappings[].Ebs?.Encrypted",
        Unsafe::UnlessTrue,
        AT_REST,
    ),
    row(
        "AWS::AutoScaling::LaunchConfiguration",
        "BlockDeviceMappings[].Ebs?.Encrypted",
        Unsafe::UnlessTrue,
        AT_REST,
    ),
    row(
        "AWS::EFS::FileSystem",
        "Encrypted",
        Unsafe::UnlessTrue,
        AT_REST,
    ),
    row(
        "AWS::ElastiCache::ReplicationGroup",
        "AtRestEncryptionEnabled",
        Unsafe::UnlessTrue,
        AT_REST,
    ),
    row(
        "AWS::ElastiCache::ReplicationGroup",
        "TransitEncryptionEnabled",
        Unsafe::UnlessTrue,
        IN_TRANSIT,
    ),
    row(
        "AWS::OpenSearchService::Domain",
        "EncryptionAtRestOptions.Enabled",
        Unsafe::UnlessTrue,
        AT_REST,
    ),
    row(
        "AWS::OpenSearchService::Domain",
        "NodeToNodeEncryptionOptions.Enabled",
        Unsafe::UnlessTrue,
        IN_TRANSIT,
    ),
    row(
        "AWS::OpenSearchService::Domain",
        "DomainEndpointOptions.EnforceHTTPS",
        Unsafe::UnlessTrue,
        IN_TRANSIT,
    ),
    row(
        "AWS::Elasticsearch::Domain",
        "EncryptionAtRestOptions.Enabled",
        Unsafe::UnlessTrue,
        AT_REST,
    ),
    row(
        "AWS::Elasticsearch::Domain",
        "NodeToNodeEncryptionOptions.Enabled",
        Unsafe::UnlessTrue,
        IN_TRANSIT,
    ),
    row(
        "AWS::Elasticsearch::Domain",
        "DomainEndpointOptions.EnforceHTTPS",
        Unsafe::UnlessTrue,
        IN_TRANSIT,
    ),
    row(
        "AWS::Kinesis::Stream",
        "StreamEncryption",
        Unsafe::Absent,
        AT_REST,
    ),
    unless(
        "AWS::KinesisFirehose::DeliveryStream",
        "DeliveryStreamEncryptionConfigurationInput",
        Unsafe::Absent,
        AT_REST,
        ("DeliveryStreamType", "KinesisStreamAsSource"),
    ),
    row("AWS::SNS::Topic", "KmsMasterKeyId", Unsafe::Absent, AT_REST),
    row(
        "AWS::SQS::Queue",
        "SqsManagedSseEnabled",
        Unsafe::False,
        AT_REST,
    ),
    row(
        "AWS::DAX::Cluster",
        "SSESpecification.SSEEnabled",
        Unsafe::UnlessTrue,
        AT_REST,
    ),
    row(
        "AWS::DAX::Cluster",
        "ClusterEndpointEncryptionType",
        Unsafe::AbsentOrOneOf(&["NONE"]),
        IN_TRANSIT,
    ),
    row(
        "AWS::CodeBuild::Project",
        "Artifacts.EncryptionDisabled",
        Unsafe::True,
        AT_REST,
    ),
    row(
        "AWS::Athena::WorkGroup",
        "WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration",
        Unsafe::Absent,
        AT_REST,
    ),
    row(
        "AWS::MSK::Cluster",
        "EncryptionInfo.EncryptionInTransit.ClientBroker",
        Unsafe::OneOf(&["PLAINTEXT", "TLS_PLAINTEXT"]),
        IN_TRANSIT,
    ),
    row(
        "AWS::MSK::Cluster",
        "EncryptionInfo.EncryptionInTransit.InCluster",
        Unsafe::False,
        IN_TRANSIT,
    ),
    row(
        "AWS::DMS::Endpoint",
        "SslMode",
        Unsafe::AbsentOrOneOf(&["none"]),
        IN_TRANSIT,
    ),
    unless(
        "AWS::ElasticLoadBalancingV2::Listener",
        "Protocol",
        Unsafe::OneOf(PLAIN_LISTENERS),
        IN_TRANSIT,
        ("DefaultActions[].Type", "redirect"),
    ),
    row(
        "AWS::ElasticLoadBalancing::LoadBalancer",
        "Listeners[].Protocol",
        Unsafe::OneOf(&["HTTP", "TCP"]),
        IN_TRANSIT,
    ),
    row(
        "AWS::CloudFront::Distribution",
        "DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy",
        Unsafe::OneOf(&["allow-all"]),
        IN_TRANSIT,
    ),
    row(
        "AWS::CloudFront::Distribution",
        "DistributionConfig.CacheBehaviors[].ViewerProtocolPolicy",
        Unsafe::OneOf(&["allow-all"]),
        IN_TRANSIT,
    ),
    row(
        "AWS::CloudFront::Distribution",
        "DistributionConfig.Origins[].CustomOriginConfig?.OriginProtocolPolicy",
        Unsafe::OneOf(&["http-only"]),
        IN_TRANSIT,
    ),
    row(
        "AWS::Transfer::Server",
        "Protocols[]",
        Unsafe::OneOf(&["FTP"]),
        IN_TRANSIT,
    ),
    row(
        "AWS::ECS::TaskDefinition",
        "Volumes[].EFSVolumeConfiguration?.TransitEncryption",
        Unsafe::AbsentOrOneOf(&["DISABLED"]),
        IN_TRANSIT,
    ),
    row(
        "AWS::ApiGateway::DomainName",
        "SecurityPolicy",
        Unsafe::OneOf(&["TLS_1_0"]),
        "accepts obsolete TLS 1.0",
    ),
];

fn check(cx: &Context<'_>, out: &mut Emitter) {
    judge(cx.design, out, TABLE, |row| {
        format!(
            "Set `{}` of the {} so that its data is encrypted, or draw it in the design so that the rules judge it.",
            row.path.replace(['?'], "").replace("[]", "[*]"),
            row.resource_type
        )
    });
}
