//! Amazon DocumentDB clusters: storage encrypted with the design's key, a cluster parameter
//! group that requires TLS and turns the audit log and profiler on, both exported to CloudWatch
//! Logs, a master password Secrets Manager keeps, and placement in a subnet group of the
//! design's subnets of the cluster's tier (DocumentDB has no public endpoint). The cluster's
//! instances are folded into it on import.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-docdb-dbcluster.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-docdb-dbinstance.html>;
//! TLS and auditing: <https://docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html>,
//! <https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html>.

use zta_model::{Component, ComponentKind, Tier};

use crate::export::builder::{Builder, tags};
use crate::export::support::stateful;
use crate::import::{Importer, ResourceKey};
use crate::kinds::data::db_cluster::{
    DOCUMENTDB, absorb_instance, drawn_retention, instance_class, logging,
    put_instance_and_endpoint, record_not_known,
};
use crate::kinds::data::subnet_group;
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::DocDB::DBCluster";

/// The resource type of the cluster's instances.
pub(crate) const INSTANCE: &str = "AWS::DocDB::DBInstance";

/// The engine version the export writes when the design states none.
const DEFAULT_VERSION: &str = "5.0.0";

/// Whether a value of the `tls` parameter requires TLS (`enabled`, `tls1.2+`, `tls1.3+`,
/// `fips-140-3`), rather than refusing it (`disabled`).
fn requires_tls(value: &str) -> bool {
    !value.eq_ignore_ascii_case("disabled")
}

/// Whether a value of the `audit_logs` parameter records events (`enabled`, `all`, `ddl`,
/// `dml_read`, `dml_write`), rather than none (`disabled`, `none`).
fn audits(value: &str) -> bool {
    !(value.eq_ignore_ascii_case("disabled") || value.eq_ignore_ascii_case("none"))
}

/// The parameter group family of an engine version: `docdb5.0` for `5.0.0`.
fn family(version: &str) -> String {
    let mut parts = version.split('.');
    let major = parts.next().unwrap_or("5");
    let minor = parts.next().unwrap_or("0");
    format!("docdb{major}.{minor}")
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let p = &c.properties;
    let group = b.workload_group(c);
    let Some(spanned) = b.two_zone_subnets(c, subnet) else {
        return;
    };
    let subnets = b.segment_refs(&spanned);
    let subnet_group = subnet_group::DOCUMENTDB.export(b, &unit, c, group.clone(), subnets);
    let version = p
        .engine_version
        .clone()
        .unwrap_or_else(|| DEFAULT_VERSION.to_owned());
    let tls = p.encrypted_in_transit != Some(false);
    let audit = p.logging != Some(false);
    let parameters = DOCUMENTDB.export(
        b,
        &unit,
        c,
        group.clone(),
        &family(&version),
        &[
            ("tls", if tls { "enabled" } else { "disabled" }),
            ("audit_logs", if audit { "enabled" } else { "disabled" }),
            ("profiler", "enabled"),
        ],
    );
    let logs = if audit {
        vec!["audit", "profiler"]
    } else {
        vec!["profiler"]
    };
    let encrypted = p.encrypted_at_rest != Some(false);
    let cluster_id = b.logical_id(&c.id);
    let mut cluster = Resource::new(RESOURCE_TYPE)
        .with_property("EngineVersion", version)
        .with_property(subnet_group::DOCUMENTDB.named_by, subnet_group)
        .with_property(DOCUMENTDB.named_by, parameters)
        .with_property(
            "VpcSecurityGroupIds",
            Value::list([Value::get_att(
                b.logical_id_for(&c.id, "SecurityGroup"),
                "GroupId",
            )]),
        )
        .with_property("MasterUsername", "dbadmin")
        .with_property("ManageMasterUserPassword", true)
        .with_property("StorageEncrypted", encrypted)
        .with_property("DeletionProtection", p.deletion_protection != Some(false))
        .with_property(
            "BackupRetentionPeriod",
            p.backup_retention_days.unwrap_or(7).clamp(1, 35),
        )
        .with_property(
            "EnableCloudwatchLogsExports",
            Value::list(logs.into_iter().map(Value::string)),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    if encrypted {
        let key = b.key_arn(&unit, c);
        cluster = cluster
            .with_property("KmsKeyId", key.clone())
            .with_property("MasterUserSecretKmsKeyId", key);
    }
    stateful(&mut cluster, "Snapshot");
    b.put(&unit, cluster_id.clone(), &c.id, group.clone(), cluster);
    put_instance_and_endpoint(b, (&unit, group), c, &cluster_id, INSTANCE);
}

/// What the design states about a cluster that a re-imported export cannot tell.
pub(crate) fn drawn(
    b: &mut Builder<'_>,
    c: &Component,
) -> serde_json::Map<String, serde_json::Value> {
    drawn_retention(b, c, "DocumentDB")
}

/// Reads `AWS::DocDB::DBCluster` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let subnets = subnet_group::DOCUMENTDB.subnets(im, key);
    let subnet = im.subnet_for_spread(&subnets, Tier::Isolated);
    let mut component = im.new_component(key, ComponentKind::DocumentdbCluster, subnet);
    let p = &mut component.properties;
    p.engine_version = im.text(key, &["EngineVersion"]);
    p.instance_type = instance_class(im, INSTANCE, key);
    p.encrypted_at_rest = Some(im.flag(key, &["StorageEncrypted"]).unwrap_or(false));
    // DocumentDB requires TLS unless the cluster's parameter group turns it off.
    p.encrypted_in_transit = DOCUMENTDB.setting(im, key, "tls").holds(true, requires_tls);
    p.logging = logging(im, key, &DOCUMENTDB, "audit_logs", audits);
    p.deletion_protection = im.flag(key, &["DeletionProtection"]);
    p.backup_retention_days = im.number(key, &["BackupRetentionPeriod"]);
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

/// Folds `AWS::DocDB::DBInstance` into its cluster; an instance of a cluster the import did not
/// read stays carried.
pub(crate) fn import_instance(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    absorb_instance(im, key);
    None
}
