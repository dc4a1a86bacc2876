//! Data stores and keys: KMS keys whose policies name the roles that use them, S3 buckets that
//! refuse plain HTTP and requests from outside the design's VPC endpoints, RDS with IAM
//! authentication and a managed master password, DynamoDB, ElastiCache, EBS volumes, Secrets
//! Manager, SQS and SNS, EFS file systems that require TLS and IAM, Kinesis data streams and the
//! Firehose delivery streams that carry records on, OpenSearch domains that require TLS 1.2,
//! MSK clusters that require TLS and IAM, Amazon MQ brokers whose users' passwords Secrets Manager
//! keeps, DocumentDB clusters that require TLS and Neptune clusters that require IAM, both
//! keeping an audit log, Redshift clusters that require TLS and log user activity, all encrypted
//! with KMS and kept on deletion.

pub(crate) mod db_cluster;
pub(crate) mod documentdb_cluster;
pub(crate) mod dynamodb_table;
pub(crate) mod ebs_volume;
pub(crate) mod efs_file_system;
pub(crate) mod elasticache;
pub(crate) mod firehose_stream;
pub(crate) mod kinesis_stream;
pub(crate) mod kms_key;
pub(crate) mod mq_broker;
pub(crate) mod msk_cluster;
pub(crate) mod neptune_cluster;
pub(crate) mod opensearch_domain;
pub(crate) mod rds;
pub(crate) mod redshift_cluster;
pub(crate) mod s3_bucket;
pub(crate) mod secret;
pub(crate) mod sns_topic;
pub(crate) mod sqs_queue;
pub(crate) mod subnet_group;

use zta_model::ComponentKind;

use crate::export::builder::Builder;

pub(crate) fn generate(b: &mut Builder<'_>) {
    for c in &b.design.components {
        match c.kind {
            ComponentKind::KmsKey => kms_key::export(b, c),
            ComponentKind::S3Bucket => s3_bucket::export(b, c),
            ComponentKind::Rds => rds::export(b, c),
            ComponentKind::DynamodbTable => dynamodb_table::export(b, c),
            ComponentKind::Elasticache => elasticache::export(b, c),
            ComponentKind::EbsVolume => ebs_volume::export(b, c),
            ComponentKind::Secret => secret::export(b, c),
            ComponentKind::SqsQueue => sqs_queue::export(b, c),
            ComponentKind::SnsTopic => sns_topic::export(b, c),
            ComponentKind::EfsFileSystem => efs_file_system::export(b, c),
            ComponentKind::KinesisStream => kinesis_stream::export(b, c),
            ComponentKind::FirehoseStream => firehose_stream::export(b, c),
            ComponentKind::DocumentdbCluster => documentdb_cluster::export(b, c),
            ComponentKind::NeptuneCluster => neptune_cluster::export(b, c),
            ComponentKind::OpensearchDomain => opensearch_domain::export(b, c),
            ComponentKind::MskCluster => msk_cluster::export(b, c),
            ComponentKind::MqBroker => mq_broker::export(b, c),
            ComponentKind::RedshiftCluster => redshift_cluster::export(b, c),
            _ => {}
        }
    }
}
