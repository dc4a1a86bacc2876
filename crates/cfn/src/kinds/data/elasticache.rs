//! ElastiCache replication groups: encryption at rest and in transit in a subnet group of the
//! design's subnets, and role-based access control for callers that authenticate with IAM (an
//! IAM-authenticated user per calling role, in a user group attached to the replication group).
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-replicationgroup.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-user.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-usergroup.html>;
//! IAM authentication: <https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html>.

use zta_model::{Component, ComponentKind, Tier};

use crate::export::builder::{Builder, tags};
use crate::export::support::stateful;
use crate::import::{Disposition, Importer, ResourceKey};
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
    let cache = b.logical_id(&c.id);
    if iam_callers {
        let transit = p.encrypted_in_transit != Some(false);
        if password_callers {
            b.warn(format!(
                "Callers of `{}` authenticate both with a password and with IAM; a replication group takes an AUTH token or a user group, not both, so the IAM callers get no ElastiCache user",
                c.id
            ));
        } else if !transit {
            b.warn(format!(
                "Callers of `{}` authenticate with IAM, which ElastiCache allows only with encryption in transit; the design turns it off, so no ElastiCache user is exported",
                c.id
            ));
        } else {
            let group_id = iam_user_group(b, &unit, c, &engine, &cache);
            resource =
                resource.with_property("UserGroupIds", Value::list([Value::reference(&group_id)]));
        }
    }
    stateful(&mut resource, "Snapshot");
    b.put(&unit, cache.clone(), &c.id, group, resource);
    if iam_callers && !password_callers {
        b.skip_checkov(
            &unit,
            &cache,
            "CKV_AWS_31",
            "Callers authenticate with IAM (the design's flows say auth: iam) through ElastiCache users bound to their roles, which replaces a shared AUTH token; transit encryption is required.",
        );
    }
}

/// An ElastiCache id: lower-case letters, digits and single hyphens, starting with a letter, at
/// most 40 characters.
fn cache_user_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.to_lowercase().chars() {
        let c = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            c
        } else {
            '-'
        };
        if c == '-' && (id.is_empty() || id.ends_with('-')) {
            continue;
        }
        id.push(c);
    }
    if !id.starts_with(|c: char| c.is_ascii_lowercase()) {
        id.insert_str(0, "u-");
    }
    id.truncate(40);
    id.trim_end_matches('-').to_owned()
}

/// The user group of a cache whose callers authenticate with IAM: one IAM-authenticated user per
/// calling role (IAM requires the user's id and name to be equal), allowed every key and every
/// command but the dangerous ones, and a switched-off `default` user, which Redis OSS requires
/// in every group. Each calling role may connect as its user. Returns the group's logical id.
fn iam_user_group(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    engine: &str,
    cache: &str,
) -> String {
    let group = b.workload_group(c);
    let user_engine = if engine == "redis" { "redis" } else { "valkey" };
    let mut callers: Vec<String> = b
        .flows_to(&c.id)
        .iter()
        .filter(|flow| flow.auth == zta_model::Auth::Iam)
        .filter_map(|flow| crate::export::statements::caller_role(b, flow))
        .map(|identity| identity.id.clone())
        .collect();
    callers.sort();
    callers.dedup();
    let default_user = b.logical_id_for(&c.id, "DefaultUser");
    b.put(
        unit,
        default_user.clone(),
        &c.id,
        group.clone(),
        Resource::new("AWS::ElastiCache::User")
            .with_property("UserId", cache_user_id(&format!("{}-default", c.id)))
            .with_property("UserName", "default")
            .with_property("Engine", user_engine)
            .with_property("AccessString", "off ~* -@all")
            .with_property(
                "AuthenticationMode",
                Value::map([("Type", Value::string("no-password-required"))]),
            ),
    );
    let mut members = vec![Value::reference(&default_user)];
    for identity in &callers {
        let user = b.logical_id_for(&c.id, &format!("{}User", b.logical_id(identity)));
        let user_id = cache_user_id(&format!("{}-{identity}", c.id));
        b.put(
            unit,
            user.clone(),
            &c.id,
            group.clone(),
            Resource::new("AWS::ElastiCache::User")
                .with_property("UserId", user_id.clone())
                .with_property("UserName", user_id.clone())
                .with_property("Engine", user_engine)
                .with_property("AccessString", "on ~* +@all -@dangerous")
                .with_property(
                    "AuthenticationMode",
                    Value::map([("Type", Value::string("iam"))]),
                ),
        );
        members.push(Value::reference(&user));
        let role_unit = b
            .identity(identity)
            .map(|role| b.unit_of_identity(role))
            .unwrap_or_else(|| unit.to_owned());
        let account = crate::export::statements::account_of(b, &role_unit, unit);
        // The user's ARN is written out from its id, which the design fixes, rather than taken
        // from the user resource, so that a role in another account's stack can name it too.
        let user_arn = Value::sub(format!(
            "arn:${{AWS::Partition}}:elasticache:${{AWS::Region}}:{account}:user:{user_id}"
        ));
        let cache_ref = b.reference(&role_unit, unit, cache, None);
        let group_arn = Value::sub_with(
            format!(
                "arn:${{AWS::Partition}}:elasticache:${{AWS::Region}}:{account}:replicationgroup:${{Target}}"
            ),
            [("Target", cache_ref)],
        );
        b.role_statement(
            identity,
            "ConnectAsCacheUser",
            &["elasticache:Connect"],
            group_arn,
        );
        b.role_statement(
            identity,
            "ConnectAsCacheUser",
            &["elasticache:Connect"],
            user_arn,
        );
    }
    let group_id = b.logical_id_for(&c.id, "UserGroup");
    b.put(
        unit,
        group_id.clone(),
        &c.id,
        group,
        Resource::new("AWS::ElastiCache::UserGroup")
            .with_property("UserGroupId", cache_user_id(&format!("{}-users", c.id)))
            .with_property("Engine", user_engine)
            .with_property("UserIds", Value::list(members)),
    );
    group_id
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
    absorb_users(im, key, &component.id);
    Some(component)
}

/// Marks the user group of a replication group and its users as part of the cache: the design
/// states them through its flows' `auth: iam`, so the next export writes them again.
fn absorb_users(im: &mut Importer<'_>, key: &ResourceKey, element: &str) {
    let groups: Vec<ResourceKey> = im
        .property(key.0, &key.1, &["UserGroupIds"])
        .resources()
        .into_iter()
        .filter(|group| im.resource(group).resource_type == "AWS::ElastiCache::UserGroup")
        .collect();
    for group in groups {
        let users = im.property(group.0, &group.1, &["UserIds"]).resources();
        for user in users {
            im.mark(
                user,
                Disposition::Absorbed {
                    element: Some(element.to_owned()),
                    how: "a user of the cache, for callers that authenticate with IAM".to_owned(),
                },
            );
        }
        im.mark(
            group,
            Disposition::Absorbed {
                element: Some(element.to_owned()),
                how: "the cache's user group, for callers that authenticate with IAM".to_owned(),
            },
        );
    }
}
