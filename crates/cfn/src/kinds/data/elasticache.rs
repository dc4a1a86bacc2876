//! ElastiCache replication groups: encryption at rest and in transit in a subnet group of the
//! design's subnets.

use zta_model::{Component, ComponentKind, Tier};

use crate::export::builder::{Builder, tags};
use crate::export::support::stateful;
use crate::import::{Importer, ResourceKey};
use crate::kinds::data::subnet_group::CACHE;
use crate::template::Resource;
use crate::value::Value;

/// A resource type of this kind: `AWS::ElastiCache::ReplicationGroup`.
pub(crate) const REPLICATION_GROUP: &str = "AWS::ElastiCache::ReplicationGroup";

/// A resource type of this kind: `AWS::ElastiCache::CacheCluster`.
pub(crate) const CACHE_CLUSTER: &str = "AWS::ElastiCache::CacheCluster";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let p = &c.properties;
    let group = b.workload_group(c);
    let engine = p.engine.clone().unwrap_or_else(|| "valkey".into());
    let Some(spanned) = b.two_zone_subnets(c, subnet) else {
        return;
    };
    let subnets = b.segment_refs(&spanned);
    let subnet_group = CACHE.export(b, &unit, c, group.clone(), subnets);
    let sg = Value::list([Value::get_att(
        b.logical_id_for(&c.id, "SecurityGroup"),
        "GroupId",
    )]);
    let node = p
        .instance_type
        .clone()
        .unwrap_or_else(|| "cache.t4g.small".into());
    if engine == "memcached" {
        let mut cluster = Resource::new(CACHE_CLUSTER)
            .with_property("Engine", "memcached")
            .with_property("CacheNodeType", node.clone())
            .with_property(
                "NumCacheNodes",
                if p.multi_az == Some(false) { 1_u32 } else { 2 },
            )
            .with_property(
                "AZMode",
                if p.multi_az == Some(false) {
                    "single-az"
                } else {
                    "cross-az"
                },
            )
            .with_property(CACHE.named_by, subnet_group.clone())
            .with_property("VpcSecurityGroupIds", sg)
            .with_property(
                "TransitEncryptionEnabled",
                p.encrypted_in_transit != Some(false),
            )
            .with_property("Tags", tags(&c.id, &c.tags));
        if let Some(version) = &p.engine_version {
            cluster = cluster.with_property("EngineVersion", version);
        }
        b.put(&unit, b.logical_id(&c.id), &c.id, group, cluster);
        return;
    }
    let multi_az = p.multi_az != Some(false);
    let mut resource = Resource::new(REPLICATION_GROUP)
        .with_property("ReplicationGroupDescription", &c.name)
        .with_property("Engine", engine.clone())
        .with_property("CacheNodeType", node.clone())
        .with_property("NumCacheClusters", if multi_az { 2_u32 } else { 1 })
        .with_property("AutomaticFailoverEnabled", multi_az)
        .with_property("MultiAZEnabled", multi_az)
        .with_property(CACHE.named_by, subnet_group.clone())
        .with_property("SecurityGroupIds", sg)
        .with_property(
            "AtRestEncryptionEnabled",
            p.encrypted_at_rest != Some(false),
        )
        .with_property(
            "TransitEncryptionEnabled",
            p.encrypted_in_transit != Some(false),
        )
        .with_property("SnapshotRetentionLimit", 7_u32)
        .with_property("AutoMinorVersionUpgrade", true)
        .with_property("Tags", tags(&c.id, &c.tags));
    if p.encrypted_in_transit != Some(false) {
        resource = resource.with_property("TransitEncryptionMode", "required");
    }
    if let Some(version) = &p.engine_version {
        resource = resource.with_property("EngineVersion", version);
    }
    if p.encrypted_at_rest != Some(false) {
        resource = resource.with_property("KmsKeyId", b.key_arn(&unit, c));
    }
    // Callers with a password get an AUTH token generated into Secrets Manager (the template
    // holds only a dynamic reference); callers with IAM connect as ElastiCache users instead.
    let inbound: Vec<zta_model::Auth> = b.flows_to(&c.id).iter().map(|f| f.auth).collect();
    let password_callers = inbound.contains(&zta_model::Auth::Password);
    let iam_callers = inbound.contains(&zta_model::Auth::Iam);
    if password_callers && p.encrypted_in_transit != Some(false) {
        let token = b.logical_id_for(&c.id, "AuthToken");
        let key = b.key_arn(&unit, c);
        let mut secret = Resource::new("AWS::SecretsManager::Secret")
            .with_property("Description", format!("AUTH token of {}", c.name))
            .with_property("KmsKeyId", key)
            .with_property(
                "GenerateSecretString",
                Value::map([
                    ("PasswordLength", Value::from(64_u32)),
                    ("ExcludePunctuation", Value::from(true)),
                ]),
            );
        stateful(&mut secret, "Retain");
        b.put(&unit, token.clone(), &c.id, group.clone(), secret);
        b.skip_checkov(
            &unit,
            &token,
            "CKV2_AWS_57",
            "ElastiCache AUTH tokens cannot be rotated by a Secrets Manager schedule without an application-specific rotation function; rotate with ModifyReplicationGroup AuthTokenUpdateStrategy ROTATE.",
        );
        resource = resource.with_property(
            "AuthToken",
            Value::sub(format!(
                "{{{{resolve:secretsmanager:${{{token}}}:SecretString}}}}"
            )),
        );
    }
    stateful(&mut resource, "Snapshot");
    let cache = b.logical_id(&c.id);
    b.put(&unit, cache.clone(), &c.id, group, resource);
    if iam_callers && !password_callers {
        b.skip_checkov(
            &unit,
            &cache,
            "CKV_AWS_31",
            "Callers authenticate with IAM (the design's flows say auth: iam) through ElastiCache users bound to their roles, which replaces a shared AUTH token; transit encryption is required.",
        );
    }
    if iam_callers {
        b.manual_step(
            &c.id,
            &unit,
            "Create the cache's IAM-authenticated users",
            format!("Flows into `{}` authenticate with IAM: create an ElastiCache user with IAM authentication for each calling role and a user group, and attach it to the replication group.", c.id),
        )
        .command("aws elasticache create-user --user-id <role name> --user-name <role name> --engine valkey --authentication-mode Type=iam --access-string 'on ~* +@all'")
        .command("aws elasticache create-user-group --user-group-id <group id> --engine valkey --user-ids default <role name>")
        .command("aws elasticache modify-replication-group --replication-group-id <replication group id from the stack> --user-group-ids-to-add <group id> --apply-immediately");
    }
}

/// Reads `AWS::ElastiCache::ReplicationGroup` and `AWS::ElastiCache::CacheCluster` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let subnets = CACHE.subnets(im, key);
    let subnet = im.subnet_for(&subnets, Tier::Private);
    let mut component = im.new_component(key, ComponentKind::Elasticache, subnet);
    component.properties.engine = im.text(key, &["Engine"]);
    component.properties.engine_version = im.text(key, &["EngineVersion"]);
    component.properties.instance_type = im.text(key, &["CacheNodeType"]);
    component.properties.multi_az = im.flag(key, &["MultiAZEnabled"]);
    component.properties.encrypted_at_rest =
        Some(im.flag(key, &["AtRestEncryptionEnabled"]).unwrap_or(false));
    component.properties.encrypted_in_transit =
        Some(im.flag(key, &["TransitEncryptionEnabled"]).unwrap_or(false));
    component.encryption_key = im.key_component(key, &["KmsKeyId"]);
    Some(component)
}
