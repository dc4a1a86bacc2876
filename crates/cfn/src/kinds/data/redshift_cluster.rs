//! Amazon Redshift provisioned clusters: encrypted with the design's key, not publicly
//! accessible unless the design says so, COPY and UNLOAD routed through the VPC (enhanced VPC
//! routing), a cluster parameter group that requires TLS and logs user activity, audit logs
//! (connections, users, user activity) exported to CloudWatch Logs, a master password Secrets
//! Manager keeps, and placement in a cluster subnet group of the design's subnets. Redshift
//! Serverless workgroups and namespaces are not this kind: they stay carried, judged by the
//! generic checks.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-redshift-cluster.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-redshift-clustersubnetgroup.html>;
//! TLS and audit logging: <https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html>,
//! <https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html>.

use zta_model::{Component, ComponentKind, Tier};

use crate::export::builder::{Builder, tags};
use crate::export::support::stateful;
use crate::import::{Importer, ResourceKey};
use crate::kinds::data::db_cluster::{REDSHIFT, Setting, record_not_known};
use crate::kinds::data::subnet_group;
use crate::template::{Output, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Redshift::Cluster";

/// The parameter group family of every current Redshift engine.
const FAMILY: &str = "redshift-1.0";

/// The audit logs the export delivers to CloudWatch Logs.
const LOG_EXPORTS: [&str; 3] = ["connectionlog", "userlog", "useractivitylog"];

/// The days of automated snapshots the export keeps: what the design states, within what
/// Redshift allows (1 to 35), else 7.
fn snapshot_days(c: &Component) -> u32 {
    c.properties.backup_retention_days.unwrap_or(7).clamp(1, 35)
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let p = &c.properties;
    let group = b.workload_group(c);
    let subnets = b.segment_refs(&b.spread_subnets(subnet));
    let subnet_group = subnet_group::REDSHIFT.export(b, &unit, c, group.clone(), subnets);
    let tls = p.encrypted_in_transit != Some(false);
    let audit = p.logging != Some(false);
    let on_off = |on: bool| if on { "true" } else { "false" };
    let parameters = REDSHIFT.export(
        b,
        &unit,
        c,
        group.clone(),
        FAMILY,
        &[
            ("require_ssl", on_off(tls)),
            ("enable_user_activity_logging", on_off(audit)),
        ],
    );
    let encrypted = p.encrypted_at_rest != Some(false);
    let cluster_id = b.logical_id(&c.id);
    let mut cluster = Resource::new(RESOURCE_TYPE)
        .with_property("ClusterType", "single-node")
        .with_property(
            "NodeType",
            p.instance_type
                .clone()
                .unwrap_or_else(|| "ra3.xlplus".to_owned()),
        )
        .with_property("DBName", "dev")
        .with_property("MasterUsername", "dbadmin")
        .with_property("ManageMasterPassword", true)
        .with_property(subnet_group::REDSHIFT.named_by, subnet_group)
        .with_property(REDSHIFT.named_by, parameters)
        .with_property(
            "VpcSecurityGroupIds",
            Value::list([Value::get_att(
                b.logical_id_for(&c.id, "SecurityGroup"),
                "GroupId",
            )]),
        )
        .with_property("PubliclyAccessible", p.publicly_accessible == Some(true))
        .with_property("Encrypted", encrypted)
        .with_property("EnhancedVpcRouting", p.enhanced_vpc_routing != Some(false))
        .with_property("AutomatedSnapshotRetentionPeriod", snapshot_days(c))
        .with_property("Tags", tags(&c.id, &c.tags));
    if audit {
        cluster = cluster.with_property(
            "LoggingProperties",
            Value::map([
                ("LogDestinationType", Value::string("cloudwatch")),
                (
                    "LogExports",
                    Value::list(LOG_EXPORTS.iter().map(|log| Value::string(*log))),
                ),
            ]),
        );
    }
    if encrypted {
        let key = b.key_arn(&unit, c);
        cluster = cluster
            .with_property("KmsKeyId", key.clone())
            .with_property("MasterPasswordSecretKmsKeyId", key);
    }
    stateful(&mut cluster, "Snapshot");
    b.put(&unit, cluster_id.clone(), &c.id, group, cluster);
    b.output(
        &unit,
        &b.logical_id_for(&c.id, "Endpoint"),
        Output {
            description: Some(Value::string(format!("Endpoint of `{}`", c.name))),
            ..Output::new(Value::get_att(&cluster_id, "Endpoint.Address"))
        },
    );
}

/// What the design states about a cluster that a re-imported export cannot tell: the snapshot
/// retention it states beyond what Redshift allows (1 to 35 days), which the export changes.
pub(crate) fn drawn(
    b: &mut Builder<'_>,
    c: &Component,
) -> serde_json::Map<String, serde_json::Value> {
    match c.properties.backup_retention_days {
        Some(days) if days != snapshot_days(c) => {
            b.warn(format!(
                "Redshift cluster `{}` keeps snapshots for {days} days, which Redshift does not allow: it is exported with {} days",
                c.id,
                snapshot_days(c)
            ));
            crate::marker::drawn_properties(c, &["backup_retention_days"])
        }
        _ => serde_json::Map::new(),
    }
}

/// Whether the cluster delivers its audit logs (`LoggingProperties`, to S3 or CloudWatch Logs);
/// not known when a template parameter or another stack gives them.
fn audit_logging(im: &Importer<'_>, key: &ResourceKey) -> Option<bool> {
    let Some(logging) = im.resource(key).property("LoggingProperties") else {
        return Some(false);
    };
    // A mapping states the logging; anything else (a template parameter) does not tell.
    let logging = im.choose(key.0, logging).as_map()?;
    Some(
        ["BucketName", "LogDestinationType"]
            .iter()
            .any(|name| logging.get(name).is_some()),
    )
}

/// Reads `AWS::Redshift::Cluster` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let subnets = subnet_group::REDSHIFT.subnets(im, key);
    let subnet = im.subnet_for(&subnets, Tier::Isolated);
    let mut component = im.new_component(key, ComponentKind::RedshiftCluster, subnet);
    let p = &mut component.properties;
    p.instance_type = im.text(key, &["NodeType"]);
    p.publicly_accessible = Some(im.flag(key, &["PubliclyAccessible"]).unwrap_or(false));
    p.encrypted_at_rest = Some(im.flag(key, &["Encrypted"]).unwrap_or(false));
    // A cluster parameter group of the template's own leaves require_ssl off unless it sets
    // it; the service's default group is left out of the judgement, because AWS has changed
    // the defaults of new clusters and the template cannot tell which a cluster gets.
    p.encrypted_in_transit = match REDSHIFT.setting(im, key, "require_ssl") {
        Setting::DefaultGroup => None,
        setting => setting.holds(false, |value| value.eq_ignore_ascii_case("true")),
    };
    p.logging = audit_logging(im, key);
    p.enhanced_vpc_routing = Some(im.flag(key, &["EnhancedVpcRouting"]).unwrap_or(false));
    p.backup_retention_days = im.number(key, &["AutomatedSnapshotRetentionPeriod"]);
    component.encryption_key = im.key_component(key, &["KmsKeyId"]);
    let told = [
        (
            "encrypted_in_transit",
            component.properties.encrypted_in_transit,
        ),
        ("logging", component.properties.logging),
    ];
    record_not_known(im, key, &mut component, &told);
    Some(component)
}
