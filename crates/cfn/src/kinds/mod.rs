//! One module per component kind (and per identity kind), grouped as the palette groups them.
//! Each category's `mod.rs` holds its generator: the passes that export its kinds, in the order
//! that fixes where their resources stand in the template.

pub(crate) mod account_id;
pub(crate) mod compute;
pub(crate) mod data;
pub(crate) mod edge;
pub(crate) mod identity;
pub(crate) mod monitoring;
pub(crate) mod network;

use zta_model::{Component, ComponentKind};

use crate::export::builder::Builder;
use crate::import::{Importer, ResourceKey};

/// Adds to the marker of each component's main resource what the design states about it that
/// its kind's resources cannot show (`marker::DRAWN`), once every resource is written.
pub(crate) fn mark_drawn(b: &mut Builder<'_>) {
    for c in &b.design.components {
        let unit = b.unit_of_component(c);
        let logical = b.logical_id(&c.id);
        if !b.has_resource(&unit, &logical) {
            continue;
        }
        if let Some(value) = crate::marker::drawn_field(drawn(b, c)) {
            b.add_marker_field(&unit, &logical, crate::marker::DRAWN, value);
        }
    }
}

/// What the design states about a component that its kind's resources cannot show, in the
/// design file's form, for the marker of its main resource (`marker::DRAWN`).
fn drawn(b: &mut Builder<'_>, c: &Component) -> serde_json::Map<String, serde_json::Value> {
    match c.kind {
        ComponentKind::S3Bucket => data::s3_bucket::drawn(b, c),
        ComponentKind::DynamodbTable => data::dynamodb_table::drawn(b, c),
        ComponentKind::Ec2Instance => compute::ec2_instance::drawn(c),
        ComponentKind::AutoScalingGroup => compute::auto_scaling_group::drawn(c),
        ComponentKind::Rds => data::rds::drawn(b, c),
        ComponentKind::Alb => plain_http_refused(b, c, "without an HTTP listener"),
        ComponentKind::Nlb => edge::nlb::drawn(b, c),
        ComponentKind::TransitGateway => network::transit_gateway::drawn(b, c),
        ComponentKind::Guardduty | ComponentKind::Macie | ComponentKind::ConfigRecorder => {
            monitoring::findings_routing(b, c)
        }
        ComponentKind::EcsService => compute::ecs_service::drawn(b, c),
        ComponentKind::EcsCluster => compute::ecs_cluster::drawn(b, c),
        ComponentKind::Cloudfront => plain_http_refused(b, c, "to refuse plain HTTP (https-only)"),
        ComponentKind::EksCluster => compute::eks_cluster::drawn(b, c),
        ComponentKind::ApiGateway => edge::api_gateway::drawn(b, c),
        ComponentKind::EfsFileSystem => data::efs_file_system::drawn(c),
        ComponentKind::DocumentdbCluster => data::documentdb_cluster::drawn(b, c),
        ComponentKind::NeptuneCluster => data::neptune_cluster::drawn(b, c),
        ComponentKind::FirehoseStream => data::firehose_stream::drawn(b, c),
        ComponentKind::OpensearchDomain => data::opensearch_domain::drawn(b, c),
        ComponentKind::MskCluster => data::msk_cluster::drawn(c),
        ComponentKind::MqBroker => data::mq_broker::drawn(b, c),
        ComponentKind::RedshiftCluster => data::redshift_cluster::drawn(b, c),
        _ => Default::default(),
    }
}

/// Reads one resource into a component; `None` when the resource is absorbed into another
/// element instead (a database cluster's instances) or is not one the design can express.
pub(crate) type Reader = fn(&mut Importer<'_>, &ResourceKey) -> Option<Component>;

/// A load balancer or distribution drawn without an HTTP-to-HTTPS redirect is exported `how`,
/// so that plain HTTP is not served at all, which an import cannot tell from a load balancer the
/// design says nothing about, and reads as a distribution that redirects: the marker keeps the
/// design's `http_redirect: false`.
fn plain_http_refused(
    b: &mut Builder<'_>,
    c: &Component,
    how: &str,
) -> serde_json::Map<String, serde_json::Value> {
    if c.properties.http_redirect != Some(false) {
        return serde_json::Map::new();
    }
    b.warn(format!(
        "`{}` is drawn without an HTTP-to-HTTPS redirect; it is exported {how}, so plain HTTP is not served at all",
        c.id
    ));
    crate::marker::drawn_properties(c, &["http_redirect"])
}

/// The resource types that become components, with their readers, in the order an import reads
/// them: first those that other components point at (keys, certificates, stores), then compute,
/// databases and the edge, and last those that point at the components above.
pub(crate) const READERS: &[(&str, Reader)] = &[
    (data::kms_key::RESOURCE_TYPE, data::kms_key::import),
    (
        edge::acm_certificate::RESOURCE_TYPE,
        edge::acm_certificate::import,
    ),
    (
        monitoring::log_group::RESOURCE_TYPE,
        monitoring::log_group::import,
    ),
    (data::s3_bucket::RESOURCE_TYPE, data::s3_bucket::import),
    (
        data::dynamodb_table::RESOURCE_TYPE,
        data::dynamodb_table::import,
    ),
    (data::sqs_queue::RESOURCE_TYPE, data::sqs_queue::import),
    (data::sns_topic::RESOURCE_TYPE, data::sns_topic::import),
    (
        data::efs_file_system::RESOURCE_TYPE,
        data::efs_file_system::import,
    ),
    (
        data::kinesis_stream::RESOURCE_TYPE,
        data::kinesis_stream::import,
    ),
    (
        data::firehose_stream::RESOURCE_TYPE,
        data::firehose_stream::import,
    ),
    (
        data::opensearch_domain::RESOURCE_TYPE,
        data::opensearch_domain::import,
    ),
    (
        data::opensearch_domain::LEGACY_TYPE,
        data::opensearch_domain::import,
    ),
    (data::msk_cluster::RESOURCE_TYPE, data::msk_cluster::import),
    (
        data::msk_cluster::SERVERLESS_TYPE,
        data::msk_cluster::import,
    ),
    (data::mq_broker::RESOURCE_TYPE, data::mq_broker::import),
    (
        data::mq_broker::CONFIGURATION_TYPE,
        data::mq_broker::import_configuration,
    ),
    (data::secret::RESOURCE_TYPE, data::secret::import),
    (
        compute::ecr_repository::RESOURCE_TYPE,
        compute::ecr_repository::import,
    ),
    (
        network::route53_zone::RESOURCE_TYPE,
        network::route53_zone::import,
    ),
    (
        monitoring::cloudtrail::RESOURCE_TYPE,
        monitoring::cloudtrail::import,
    ),
    (
        monitoring::cloudwatch_alarm::RESOURCE_TYPE,
        monitoring::cloudwatch_alarm::import,
    ),
    (
        monitoring::config_recorder::RESOURCE_TYPE,
        monitoring::config_recorder::import,
    ),
    (
        monitoring::security_hub::RESOURCE_TYPE,
        monitoring::security_hub::import,
    ),
    (
        monitoring::guardduty::RESOURCE_TYPE,
        monitoring::guardduty::import,
    ),
    (monitoring::macie::RESOURCE_TYPE, monitoring::macie::import),
    (
        monitoring::access_analyzer::RESOURCE_TYPE,
        monitoring::access_analyzer::import,
    ),
    (
        monitoring::patch_baseline::RESOURCE_TYPE,
        monitoring::patch_baseline::import,
    ),
    (compute::app_mesh::RESOURCE_TYPE, compute::app_mesh::import),
    (data::rds::DB_CLUSTER, data::rds::import_cluster),
    (data::rds::DB_INSTANCE, data::rds::import_instance),
    (
        data::documentdb_cluster::RESOURCE_TYPE,
        data::documentdb_cluster::import,
    ),
    (
        data::documentdb_cluster::INSTANCE,
        data::documentdb_cluster::import_instance,
    ),
    (
        data::neptune_cluster::RESOURCE_TYPE,
        data::neptune_cluster::import,
    ),
    (
        data::neptune_cluster::INSTANCE,
        data::neptune_cluster::import_instance,
    ),
    (
        data::redshift_cluster::RESOURCE_TYPE,
        data::redshift_cluster::import,
    ),
    (
        data::elasticache::REPLICATION_GROUP,
        data::elasticache::import,
    ),
    (data::elasticache::CACHE_CLUSTER, data::elasticache::import),
    (data::ebs_volume::RESOURCE_TYPE, data::ebs_volume::import),
    (
        edge::load_balancing::RESOURCE_TYPE,
        edge::load_balancing::import,
    ),
    (
        edge::classic_load_balancer::RESOURCE_TYPE,
        edge::classic_load_balancer::import,
    ),
    (
        edge::transfer_server::RESOURCE_TYPE,
        edge::transfer_server::import,
    ),
    (edge::cloudfront::RESOURCE_TYPE, edge::cloudfront::import),
    (
        edge::api_gateway::REST_API,
        edge::api_gateway::import_rest_api,
    ),
    (edge::http_api::HTTP_API, edge::http_api::import),
    (edge::appsync_api::RESOURCE_TYPE, edge::appsync_api::import),
    (
        compute::ec2_instance::RESOURCE_TYPE,
        compute::ec2_instance::import,
    ),
    (
        compute::auto_scaling_group::RESOURCE_TYPE,
        compute::auto_scaling_group::import,
    ),
    (
        compute::lambda_function::RESOURCE_TYPE,
        compute::lambda_function::import,
    ),
    (
        compute::step_functions_state_machine::RESOURCE_TYPE,
        compute::step_functions_state_machine::import,
    ),
    (
        compute::ecs_service::RESOURCE_TYPE,
        compute::ecs_service::import,
    ),
    (
        compute::eks_cluster::RESOURCE_TYPE,
        compute::eks_cluster::import,
    ),
    (
        network::network_firewall::RESOURCE_TYPE,
        network::network_firewall::import,
    ),
    (
        compute::ecs_cluster::RESOURCE_TYPE,
        compute::ecs_cluster::import,
    ),
    (edge::waf_web_acl::RESOURCE_TYPE, edge::waf_web_acl::import),
    (
        edge::shield_protection::RESOURCE_TYPE,
        edge::shield_protection::import,
    ),
    (
        monitoring::ram_share::RESOURCE_TYPE,
        monitoring::ram_share::import,
    ),
    (
        monitoring::session_manager::RESOURCE_TYPE,
        monitoring::session_manager::import,
    ),
    (
        network::vpn_connection::RESOURCE_TYPE,
        network::vpn_connection::import,
    ),
];
