//! Amazon Neptune clusters: storage encrypted with the design's key, IAM database
//! authentication unless the design turns it off, a cluster parameter group that turns the audit
//! log on, exported to CloudWatch Logs, and placement in a subnet group of the design's subnets
//! of the cluster's tier. Neptune takes only TLS from engine release 1.0.4.0 on, which covers
//! every release CloudFormation still creates, so there is no transport setting to draw: the
//! `neptune_enforce_ssl` parameter of older releases no longer applies. The cluster's instances
//! are folded into it on import.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-neptune-dbcluster.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-neptune-dbinstance.html>;
//! TLS and auditing: <https://docs.aws.amazon.com/neptune/latest/userguide/security-ssl.html>,
//! <https://docs.aws.amazon.com/neptune/latest/userguide/auditing.html>.

use zta_model::{Component, ComponentKind, Tier};

use crate::export::builder::{Builder, tags};
use crate::export::support::stateful;
use crate::import::{Importer, ResourceKey};
use crate::kinds::data::db_cluster::{
    NEPTUNE, absorb_instance, drawn_retention, instance_class, logging, put_instance_and_endpoint,
    record_not_known,
};
use crate::kinds::data::subnet_group;
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Neptune::DBCluster";

/// The resource type of the cluster's instances.
pub(crate) const INSTANCE: &str = "AWS::Neptune::DBInstance";

/// The engine version the export writes when the design states none.
const DEFAULT_VERSION: &str = "1.3.4.0";

/// The parameter that turns Neptune's audit log on (`1`; off, `0`, by default).
const AUDIT_PARAMETER: &str = "neptune_enable_audit_log";

/// The parameter group family of an engine version: `neptune1.3` for `1.3.4.0`.
fn family(version: &str) -> String {
    let mut parts = version.split('.');
    let major = parts.next().unwrap_or("1");
    let minor = parts.next().unwrap_or("3");
    format!("neptune{major}.{minor}")
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
    let subnet_group = subnet_group::NEPTUNE.export(b, &unit, c, group.clone(), subnets);
    let version = p
        .engine_version
        .clone()
        .unwrap_or_else(|| DEFAULT_VERSION.to_owned());
    let audit = p.logging != Some(false);
    let parameters = NEPTUNE.export(
        b,
        &unit,
        c,
        group.clone(),
        &family(&version),
        &[(AUDIT_PARAMETER, if audit { "1" } else { "0" })],
    );
    let encrypted = p.encrypted_at_rest != Some(false);
    let cluster_id = b.logical_id(&c.id);
    let mut cluster = Resource::new(RESOURCE_TYPE)
        .with_property("EngineVersion", version)
        .with_property(subnet_group::NEPTUNE.named_by, subnet_group)
        .with_property(NEPTUNE.named_by, parameters)
        .with_property(
            "VpcSecurityGroupIds",
            Value::list([Value::get_att(
                b.logical_id_for(&c.id, "SecurityGroup"),
                "GroupId",
            )]),
        )
        .with_property("IamAuthEnabled", p.iam_auth != Some(false))
        .with_property("StorageEncrypted", encrypted)
        .with_property("DeletionProtection", p.deletion_protection != Some(false))
        .with_property(
            "BackupRetentionPeriod",
            p.backup_retention_days.unwrap_or(7).clamp(1, 35),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    if audit {
        cluster = cluster.with_property(
            "EnableCloudwatchLogsExports",
            Value::list([Value::string("audit")]),
        );
    }
    if encrypted {
        cluster = cluster.with_property("KmsKeyId", b.key_arn(&unit, c));
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
    drawn_retention(b, c, "Neptune")
}

/// Reads `AWS::Neptune::DBCluster` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let subnets = subnet_group::NEPTUNE.subnets(im, key);
    let subnet = im.subnet_for_spread(&subnets, Tier::Isolated);
    let mut component = im.new_component(key, ComponentKind::NeptuneCluster, subnet);
    let p = &mut component.properties;
    p.engine_version = im.text(key, &["EngineVersion"]);
    p.instance_type = instance_class(im, INSTANCE, key);
    p.encrypted_at_rest = Some(im.flag(key, &["StorageEncrypted"]).unwrap_or(false));
    p.iam_auth = Some(im.flag(key, &["IamAuthEnabled"]).unwrap_or(false));
    p.logging = logging(im, key, &NEPTUNE, AUDIT_PARAMETER, |value| value == "1");
    p.deletion_protection = im.flag(key, &["DeletionProtection"]);
    p.backup_retention_days = im.number(key, &["BackupRetentionPeriod"]);
    component.encryption_key = im.key_component(key, &["KmsKeyId"]);
    let told = [("logging", component.properties.logging)];
    record_not_known(im, key, &mut component, &told);
    Some(component)
}

/// Folds `AWS::Neptune::DBInstance` into its cluster; an instance of a cluster the import did
/// not read stays carried.
pub(crate) fn import_instance(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    absorb_instance(im, key);
    None
}
