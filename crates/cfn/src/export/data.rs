//! Data stores and keys: KMS keys whose policies name the roles that use them, S3 buckets that
//! refuse plain HTTP and requests from outside the design's VPC endpoints, RDS with IAM
//! authentication and a managed master password, DynamoDB, ElastiCache, Secrets Manager, SQS
//! and SNS, all encrypted with KMS and kept on deletion.

use zta_model::{Component, ComponentKind};

use super::builder::{Builder, Group, tags};
use super::identities::{caller_role, statements};
use super::monitoring::service_delivery_statements;
use super::security_groups::is_gateway_endpoint;
use super::support::{
    deny_insecure_transport, kms_bucket_encryption, policy_document, same_account_condition,
    service_principal, service_trust_policy, stateful,
};
use crate::template::{Output, Parameter, Resource};
use crate::value::Value;

/// The AWS services a key policy lets use the key.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyServices {
    pub(crate) logs: bool,
    pub(crate) cloudtrail: bool,
    pub(crate) alarms: bool,
}

/// A key policy: the account administers the key (so it can never be locked out), the design's
/// roles that use it may encrypt and decrypt, and the listed services may use it for this
/// account's resources only.
pub(crate) fn key_policy(roles: Vec<Value>, services: KeyServices, extra: Vec<Value>) -> Value {
    let mut statements = vec![Value::map([
        ("Sid", Value::string("AccountAdministersKey")),
        ("Effect", Value::string("Allow")),
        (
            "Principal",
            Value::map([(
                "AWS",
                Value::sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root"),
            )]),
        ),
        ("Action", Value::string("kms:*")),
        ("Resource", Value::string("*")),
    ])];
    if !roles.is_empty() {
        statements.push(Value::map([
            ("Sid", Value::string("DesignRolesUseKey")),
            ("Effect", Value::string("Allow")),
            ("Principal", Value::map([("AWS", Value::list(roles))])),
            (
                "Action",
                Value::list(
                    [
                        "kms:Decrypt",
                        "kms:DescribeKey",
                        "kms:Encrypt",
                        "kms:GenerateDataKey*",
                        "kms:ReEncrypt*",
                    ]
                    .map(Value::string),
                ),
            ),
            ("Resource", Value::string("*")),
        ]));
    }
    if services.logs {
        statements.push(service_uses_key(
            "CloudWatchLogsUseKey",
            service_principal_sub("logs.${AWS::Region}.amazonaws.com"),
            &[
                "kms:Decrypt*",
                "kms:Describe*",
                "kms:Encrypt*",
                "kms:GenerateDataKey*",
                "kms:ReEncrypt*",
            ],
            Value::map([(
                "ArnLike",
                Value::map([(
                    "kms:EncryptionContext:aws:logs:arn",
                    Value::sub(
                        "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*",
                    ),
                )]),
            )]),
        ));
    }
    if services.cloudtrail {
        statements.push(service_uses_key(
            "CloudTrailEncryptsLogs",
            service_principal("cloudtrail.amazonaws.com"),
            &["kms:GenerateDataKey*", "kms:DescribeKey"],
            Value::map([(
                "StringLike",
                Value::map([(
                    "kms:EncryptionContext:aws:cloudtrail:arn",
                    Value::sub("arn:${AWS::Partition}:cloudtrail:*:${AWS::AccountId}:trail/*"),
                )]),
            )]),
        ));
        statements.push(service_uses_key(
            "ConfigDeliversToEncryptedBucket",
            service_principal("config.amazonaws.com"),
            &["kms:Decrypt", "kms:GenerateDataKey"],
            same_account_condition(),
        ));
    }
    if services.alarms {
        statements.push(service_uses_key(
            "AlarmsPublishToEncryptedTopics",
            service_principal("cloudwatch.amazonaws.com"),
            &["kms:Decrypt", "kms:GenerateDataKey*"],
            same_account_condition(),
        ));
    }
    statements.extend(extra);
    policy_document(statements)
}

/// A key policy statement that lets one service use the key for `actions`, under `condition`.
fn service_uses_key(
    sid: &'static str,
    principal: Value,
    actions: &[&'static str],
    condition: Value,
) -> Value {
    Value::map([
        ("Sid", Value::string(sid)),
        ("Effect", Value::string("Allow")),
        ("Principal", principal),
        (
            "Action",
            Value::list(actions.iter().copied().map(Value::string)),
        ),
        ("Resource", Value::string("*")),
        ("Condition", condition),
    ])
}

fn service_principal_sub(service: &str) -> Value {
    Value::map([("Service", Value::sub(service.to_owned()))])
}

pub(crate) fn generate(b: &mut Builder<'_>) {
    for c in &b.design.components {
        match c.kind {
            ComponentKind::KmsKey => key(b, c),
            ComponentKind::S3Bucket => bucket(b, c),
            ComponentKind::Rds => database(b, c),
            ComponentKind::DynamodbTable => table(b, c),
            ComponentKind::Elasticache => cache(b, c),
            ComponentKind::Secret => secret(b, c),
            ComponentKind::SqsQueue => queue(b, c),
            ComponentKind::SnsTopic => topic(b, c),
            _ => {}
        }
    }
}

/// The buckets that CloudTrail or Config write to.
pub(crate) fn is_log_archive(b: &Builder<'_>, bucket: &str) -> bool {
    b.flows_to(bucket).iter().any(|f| {
        b.component(&f.source).is_some_and(|s| {
            matches!(
                s.kind,
                ComponentKind::Cloudtrail | ComponentKind::ConfigRecorder
            )
        })
    })
}

fn key(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let users = b.encrypted_with(&c.id).to_vec();
    let mut role_ids: Vec<String> = Vec::new();
    for user in &users {
        if let Some(role) = &user.identity {
            role_ids.push(role.clone());
        }
        for flow in b.flows_to(&user.id) {
            if let Some(role) = caller_role(b, flow) {
                role_ids.push(role.id.clone());
            }
        }
    }
    role_ids.sort();
    role_ids.dedup();
    let roles: Vec<Value> = role_ids.iter().map(|r| b.role_arn(&unit, r)).collect();
    let services = KeyServices {
        logs: users.iter().any(|u| u.kind == ComponentKind::LogGroup),
        cloudtrail: users.iter().any(|u| {
            u.kind == ComponentKind::Cloudtrail
                || (u.kind == ComponentKind::S3Bucket && is_log_archive(b, &u.id))
        }),
        alarms: users.iter().any(|u| u.kind == ComponentKind::SnsTopic),
    };
    let extra = statements(b, &unit, &c.properties.resource_policy, true);
    let mut resource = Resource::new("AWS::KMS::Key")
        .with_property("Description", &c.name)
        .with_property(
            "EnableKeyRotation",
            c.properties.key_rotation.unwrap_or(true),
        )
        .with_property("PendingWindowInDays", 30_u32)
        .with_property("KeyPolicy", key_policy(roles, services, extra))
        .with_property("Tags", tags(&c.id, &c.tags));
    stateful(&mut resource, "Retain");
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Security, resource);
    b.put(
        &unit,
        b.logical_id_for(&c.id, "Alias"),
        &c.id,
        Group::Security,
        Resource::new("AWS::KMS::Alias")
            .with_property(
                "AliasName",
                Value::sub(format!("alias/${{AWS::StackName}}-{}", c.id)),
            )
            .with_property("TargetKeyId", Value::reference(b.logical_id(&c.id))),
    );
}

/// The gateway endpoints to S3 in an account.
fn s3_endpoints<'d>(b: &Builder<'d>, unit: &str) -> Vec<&'d Component> {
    b.components_of(ComponentKind::VpcEndpoint)
        .filter(|e| {
            is_gateway_endpoint(e) && e.properties.service.as_deref().is_none_or(|s| s == "s3")
        })
        .filter(|e| b.unit_of_component(e) == unit)
        .collect()
}

fn bucket(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let bucket = b.logical_id(&c.id);
    let p = &c.properties;
    let mut resource = Resource::new("AWS::S3::Bucket");
    if p.encrypted_at_rest != Some(false) {
        let key = b.key_arn(&unit, c);
        resource = resource.with_property("BucketEncryption", kms_bucket_encryption(key));
    }
    let block = p.block_public_access != Some(false);
    resource = resource.with_property(
        "PublicAccessBlockConfiguration",
        Value::map(
            [
                "BlockPublicAcls",
                "BlockPublicPolicy",
                "IgnorePublicAcls",
                "RestrictPublicBuckets",
            ]
            .map(|k| (k, Value::from(block))),
        ),
    );
    resource = resource
        .with_property(
            "OwnershipControls",
            Value::map([(
                "Rules",
                Value::list([Value::map([(
                    "ObjectOwnership",
                    Value::string("BucketOwnerEnforced"),
                )])]),
            )]),
        )
        .with_property(
            "VersioningConfiguration",
            Value::map([(
                "Status",
                Value::string(if p.versioning == Some(false) {
                    "Suspended"
                } else {
                    "Enabled"
                }),
            )]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    // Access logs go to the account's log archive (the bucket CloudTrail writes to); the archive
    // itself is not logged into itself, which would log its own logging forever.
    let archive = b
        .design
        .components
        .iter()
        .find(|other| {
            other.kind == ComponentKind::S3Bucket
                && b.unit_of_component(other) == unit
                && is_log_archive(b, &other.id)
        })
        .map(|a| a.id.clone());
    match &archive {
        Some(archive) if archive != &c.id => {
            resource = resource.with_property(
                "LoggingConfiguration",
                Value::map([
                    (
                        "DestinationBucketName",
                        Value::reference(b.logical_id(archive)),
                    ),
                    (
                        "LogFilePrefix",
                        Value::string(format!("s3-access/{}/", c.id)),
                    ),
                ]),
            );
        }
        _ => {}
    }
    stateful(&mut resource, "Retain");
    b.put(
        &unit,
        bucket.clone(),
        &c.id,
        Group::Workload(c.segment.clone()),
        resource,
    );
    match &archive {
        Some(archive) if archive == &c.id => b.skip_checkov(
            &unit,
            &bucket,
            "CKV_AWS_18",
            "This bucket is the account's log archive: it receives the access logs of the other buckets, and logging it into itself would loop.",
        ),
        None => b.skip_checkov(
            &unit,
            &bucket,
            "CKV_AWS_18",
            "The design names no log archive bucket (a CloudTrail destination) in this account to receive access logs; object-level access is recorded by CloudTrail data events instead.",
        ),
        _ => {}
    }
    b.skip_checkov(
        &unit,
        &bucket,
        "CKV_AWS_144",
        "Cross-region replication is a resilience choice the design does not make; the bucket is versioned and retained on deletion.",
    );
    bucket_policy(b, &unit, c);
    b.output(
        &unit,
        &b.logical_id_for(&c.id, "Name"),
        Output {
            description: Some(Value::string(format!("Bucket `{}`", c.name))),
            ..Output::new(Value::reference(&bucket))
        },
    );
}

fn bucket_policy(b: &mut Builder<'_>, unit: &str, c: &Component) {
    let bucket = b.logical_id(&c.id);
    let bucket_arn = Value::sub(format!("arn:${{AWS::Partition}}:s3:::${{{bucket}}}"));
    let objects_arn = Value::sub(format!("arn:${{AWS::Partition}}:s3:::${{{bucket}}}/*"));
    let mut statements = vec![deny_insecure_transport(
        "s3:*",
        Value::list([bucket_arn.clone(), objects_arn.clone()]),
    )];
    let endpoints = s3_endpoints(b, unit);
    let inbound: Vec<&zta_model::Flow> = b
        .flows_to(&c.id)
        .iter()
        .copied()
        .filter(|f| b.component(&f.source).is_some_and(|s| s.identity.is_some()))
        .collect();
    let all_via_endpoint = !inbound.is_empty()
        && inbound
            .iter()
            .all(|f| f.via.iter().any(|v| endpoints.iter().any(|e| &e.id == v)));
    let vpce_only = match c.properties.vpc_endpoint_only {
        Some(flag) => flag,
        None => all_via_endpoint,
    };
    if vpce_only {
        if endpoints.is_empty() {
            b.warn(format!(
                "bucket `{}` accepts requests only through VPC endpoints, but its account has no S3 gateway endpoint; the condition is not exported",
                c.id
            ));
        } else {
            let ids: Vec<Value> = endpoints
                .iter()
                .map(|e| Value::reference(b.logical_id(&e.id)))
                .collect();
            statements.push(Value::map([
                ("Sid", Value::string("DenyOutsideDesignVpcEndpoints")),
                ("Effect", Value::string("Deny")),
                ("Principal", Value::string("*")),
                (
                    "Action",
                    Value::list(
                        [
                            "s3:GetObject*",
                            "s3:PutObject*",
                            "s3:DeleteObject*",
                            "s3:RestoreObject",
                        ]
                        .map(Value::string),
                    ),
                ),
                ("Resource", Value::list([objects_arn.clone()])),
                (
                    "Condition",
                    Value::map([
                        (
                            "StringNotEquals",
                            Value::map([("aws:SourceVpce", Value::list(ids))]),
                        ),
                        (
                            "BoolIfExists",
                            Value::map([("aws:PrincipalIsAWSService", Value::string("false"))]),
                        ),
                    ]),
                ),
            ]));
        }
    }
    // CloudTrail and Config deliver to the log archive: every trail and recorder of the account
    // (they use the archive whether or not the design draws the flow) and any that a flow names.
    let mut services: Vec<&str> = Vec::new();
    let archive = is_log_archive(b, &c.id);
    for source in &b.design.components {
        // The service kind is checked first: the flow scan below is for trails and recorders
        // only, which keeps large designs linear.
        let service = match source.kind {
            ComponentKind::Cloudtrail => "cloudtrail.amazonaws.com",
            ComponentKind::ConfigRecorder => "config.amazonaws.com",
            _ => continue,
        };
        let delivers = (archive && b.unit_of_component(source) == unit)
            || b.flows_from(&source.id).iter().any(|f| f.target == c.id);
        if delivers && !services.contains(&service) {
            services.push(service);
        }
    }
    services.sort_unstable();
    for service in services {
        statements.extend(service_delivery_statements(
            service,
            &bucket_arn,
            &objects_arn,
        ));
    }
    let unit_owned = unit.to_owned();
    statements.extend(super::identities::statements(
        b,
        &unit_owned,
        &c.properties.resource_policy,
        true,
    ));
    b.put(
        unit,
        b.logical_id_for(&c.id, "Policy"),
        &c.id,
        Group::Workload(c.segment.clone()),
        Resource::new("AWS::S3::BucketPolicy")
            .with_property("Bucket", Value::reference(&bucket))
            .with_property("PolicyDocument", policy_document(statements)),
    );
}

/// Engine facts: default version, parameter group family, the TLS-enforcing parameter, and the
/// logs to export.
fn engine_facts(
    engine: &str,
    version: &str,
) -> (
    String,
    Option<(&'static str, &'static str)>,
    Vec<&'static str>,
) {
    let mut parts = version.split('.');
    let major = parts.next().unwrap_or_default();
    let minor = parts.next().unwrap_or_default();
    match engine {
        "postgres" => (
            format!("postgres{major}"),
            Some(("rds.force_ssl", "1")),
            vec!["postgresql", "upgrade"],
        ),
        "aurora-postgresql" => (
            format!("aurora-postgresql{major}"),
            Some(("rds.force_ssl", "1")),
            vec!["postgresql"],
        ),
        "mysql" => (
            format!("mysql{major}.{minor}"),
            Some(("require_secure_transport", "ON")),
            vec!["audit", "error", "general", "slowquery"],
        ),
        "mariadb" => (
            format!("mariadb{major}.{minor}"),
            Some(("require_secure_transport", "ON")),
            vec!["audit", "error", "general", "slowquery"],
        ),
        "aurora-mysql" => (
            "aurora-mysql8.0".into(),
            Some(("require_secure_transport", "ON")),
            vec!["audit", "error", "general", "slowquery"],
        ),
        _ => (String::new(), None, Vec::new()),
    }
}

fn default_version(engine: &str) -> &'static str {
    match engine {
        "aurora-postgresql" => "16.6",
        "mysql" => "8.4.5",
        "mariadb" => "11.4.5",
        "aurora-mysql" => "8.0.mysql_aurora.3.08.2",
        _ => "17.5",
    }
}

fn database(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let p = &c.properties;
    let group = b.workload_group(c);
    let engine = p.engine.clone().unwrap_or_else(|| "postgres".into());
    let version = p
        .engine_version
        .clone()
        .unwrap_or_else(|| default_version(&engine).into());
    let (family, tls_parameter, logs) = engine_facts(&engine, &version);
    let aurora = engine.starts_with("aurora");
    let spanned = b.at_least_two_subnets(&c.id, subnet);
    let subnets = b.segment_refs(&spanned);
    let subnet_group = b.logical_id_for(&c.id, "SubnetGroup");
    b.put(
        &unit,
        subnet_group.clone(),
        &c.id,
        group.clone(),
        Resource::new("AWS::RDS::DBSubnetGroup")
            .with_property("DBSubnetGroupDescription", format!("Subnets of {}", c.name))
            .with_property("SubnetIds", Value::list(subnets)),
    );
    let key = (p.encrypted_at_rest != Some(false)).then(|| b.key_arn(&unit, c));
    let parameter_group = match (p.encrypted_in_transit != Some(false), tls_parameter) {
        (true, Some((name, value))) if !family.is_empty() => {
            let logical = b.logical_id_for(&c.id, "ParameterGroup");
            let kind = if aurora {
                "AWS::RDS::DBClusterParameterGroup"
            } else {
                "AWS::RDS::DBParameterGroup"
            };
            b.put(
                &unit,
                logical.clone(),
                &c.id,
                group.clone(),
                Resource::new(kind)
                    .with_property("Description", format!("TLS-only connections to {}", c.name))
                    .with_property("Family", family.clone())
                    .with_property("Parameters", Value::map([(name, Value::string(value))])),
            );
            Some(logical)
        }
        _ => None,
    };
    let monitoring_role = b.logical_id_for(&c.id, "MonitoringRole");
    b.put(
        &unit,
        monitoring_role.clone(),
        &c.id,
        group.clone(),
        Resource::new("AWS::IAM::Role")
            .with_property(
                "AssumeRolePolicyDocument",
                service_trust_policy("monitoring.rds.amazonaws.com"),
            )
            .with_property(
                "ManagedPolicyArns",
                Value::list([Value::arn(
                    "iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
                )]),
            ),
    );
    let mut db = Resource::new(if aurora {
        "AWS::RDS::DBCluster"
    } else {
        "AWS::RDS::DBInstance"
    })
    .with_property("Engine", engine.clone())
    .with_property("EngineVersion", version.clone())
    .with_property("DBSubnetGroupName", Value::reference(&subnet_group))
    .with_property("MasterUsername", "dbadmin")
    .with_property("EnableIAMDatabaseAuthentication", p.iam_auth != Some(false))
    .with_property("DeletionProtection", p.deletion_protection != Some(false))
    .with_property(
        "BackupRetentionPeriod",
        p.backup_retention_days.unwrap_or(7).clamp(1, 35),
    )
    .with_property("CopyTagsToSnapshot", true)
    .with_property("StorageEncrypted", p.encrypted_at_rest != Some(false))
    .with_property("Tags", tags(&c.id, &c.tags));
    let sg = Value::list([Value::get_att(
        b.logical_id_for(&c.id, "SecurityGroup"),
        "GroupId",
    )]);
    db = if aurora {
        db.with_property("VpcSecurityGroupIds", sg)
    } else {
        db.with_property("VPCSecurityGroups", sg)
    };
    if p.managed_password != Some(false) {
        db = db.with_property("ManageMasterUserPassword", true);
        if let Some(key) = &key {
            db = db.with_property("MasterUserSecret", Value::map([("KmsKeyId", key.clone())]));
        }
    } else {
        db = db.with_property(
            "MasterUserPassword",
            format!("{{{{resolve:ssm-secure:/zta/{}/master-password}}}}", c.id),
        );
        b.manual_step(
            &c.id,
            &unit,
            "Store the database master password",
            format!("The design does not let RDS manage the master password of `{}`: store one as the SecureString parameter /zta/{}/master-password before deploying.", c.id, c.id),
        );
    }
    if let Some(key) = &key {
        db = db.with_property("KmsKeyId", key.clone());
    }
    if !logs.is_empty() {
        db = db.with_property(
            "EnableCloudwatchLogsExports",
            Value::list(logs.iter().map(|l| Value::string(*l))),
        );
    }
    if let Some(parameter_group) = &parameter_group {
        let property = if aurora {
            "DBClusterParameterGroupName"
        } else {
            "DBParameterGroupName"
        };
        db = db.with_property(property, Value::reference(parameter_group));
    }
    let instance_class = p
        .instance_type
        .clone()
        .unwrap_or_else(|| "db.t4g.medium".into());
    if aurora {
        stateful(&mut db, "Snapshot");
        b.put(&unit, b.logical_id(&c.id), &c.id, group.clone(), db);
        let mut instance = Resource::new("AWS::RDS::DBInstance")
            .with_property("DBClusterIdentifier", Value::reference(b.logical_id(&c.id)))
            .with_property("Engine", engine.clone())
            .with_property("DBInstanceClass", instance_class.clone())
            .with_property("PubliclyAccessible", p.publicly_accessible == Some(true))
            .with_property("AutoMinorVersionUpgrade", true)
            .with_property("MonitoringInterval", 60_u32)
            .with_property("MonitoringRoleArn", Value::get_att(&monitoring_role, "Arn"))
            .with_property("EnablePerformanceInsights", true);
        if let Some(key) = &key {
            instance = instance.with_property("PerformanceInsightsKMSKeyId", key.clone());
        }
        b.put(
            &unit,
            b.logical_id_for(&c.id, "Instance"),
            &c.id,
            group,
            instance,
        );
    } else {
        db = db
            .with_property("DBInstanceClass", instance_class.clone())
            .with_property("AllocatedStorage", "20")
            .with_property("StorageType", "gp3")
            .with_property("MultiAZ", p.multi_az != Some(false))
            .with_property("PubliclyAccessible", p.publicly_accessible == Some(true))
            .with_property("AutoMinorVersionUpgrade", true)
            .with_property("MonitoringInterval", 60_u32)
            .with_property("MonitoringRoleArn", Value::get_att(&monitoring_role, "Arn"))
            .with_property("EnablePerformanceInsights", true);
        if let Some(key) = &key {
            db = db.with_property("PerformanceInsightsKMSKeyId", key.clone());
        }
        stateful(&mut db, "Snapshot");
        b.put(&unit, b.logical_id(&c.id), &c.id, group, db);
    }
    if p.engine_version.is_some() {
        b.ignore_lint(
            &unit,
            &b.logical_id(&c.id),
            "W3691",
            "The design states this engine version: the export implements it as stated, and the design's rules report an outdated engine.",
        );
    }
    b.output(
        &unit,
        &b.logical_id_for(&c.id, "Endpoint"),
        Output {
            description: Some(Value::string(format!("Endpoint of `{}`", c.name))),
            ..Output::new(Value::get_att(b.logical_id(&c.id), "Endpoint.Address"))
        },
    );
}

fn table(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let p = &c.properties;
    let mut sse = crate::value::Map::default();
    sse.insert("SSEEnabled".into(), Value::from(true));
    if p.encrypted_at_rest != Some(false) {
        sse.insert("SSEType".into(), Value::string("KMS"));
        sse.insert("KMSMasterKeyId".into(), b.key_arn(&unit, c));
    }
    let mut resource = Resource::new("AWS::DynamoDB::Table")
        .with_property("BillingMode", "PAY_PER_REQUEST")
        .with_property(
            "AttributeDefinitions",
            Value::list([Value::map([
                ("AttributeName", Value::string("pk")),
                ("AttributeType", Value::string("S")),
            ])]),
        )
        .with_property(
            "KeySchema",
            Value::list([Value::map([
                ("AttributeName", Value::string("pk")),
                ("KeyType", Value::string("HASH")),
            ])]),
        )
        .with_property("SSESpecification", Value::from(sse))
        .with_property(
            "PointInTimeRecoverySpecification",
            Value::map([(
                "PointInTimeRecoveryEnabled",
                Value::from(p.point_in_time_recovery != Some(false)),
            )]),
        )
        .with_property(
            "DeletionProtectionEnabled",
            p.deletion_protection != Some(false),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    stateful(&mut resource, "Retain");
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        b.workload_group(c),
        resource,
    );
    b.manual_step(
        &c.id,
        &unit,
        "Confirm the table's key schema",
        format!("The design does not model item keys: table `{}` is exported with a string partition key `pk`; change it before the first deployment if the application uses another.", c.id),
    );
}

fn cache(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let p = &c.properties;
    let group = b.workload_group(c);
    let engine = p.engine.clone().unwrap_or_else(|| "valkey".into());
    let subnets = b.segment_refs(&b.spread_subnets(subnet));
    let subnet_group = b.logical_id_for(&c.id, "SubnetGroup");
    b.put(
        &unit,
        subnet_group.clone(),
        &c.id,
        group.clone(),
        Resource::new("AWS::ElastiCache::SubnetGroup")
            .with_property("Description", format!("Subnets of {}", c.name))
            .with_property("SubnetIds", Value::list(subnets)),
    );
    let sg = Value::list([Value::get_att(
        b.logical_id_for(&c.id, "SecurityGroup"),
        "GroupId",
    )]);
    let node = p
        .instance_type
        .clone()
        .unwrap_or_else(|| "cache.t4g.small".into());
    if engine == "memcached" {
        let mut cluster = Resource::new("AWS::ElastiCache::CacheCluster")
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
            .with_property("CacheSubnetGroupName", Value::reference(&subnet_group))
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
    let mut resource = Resource::new("AWS::ElastiCache::ReplicationGroup")
        .with_property("ReplicationGroupDescription", &c.name)
        .with_property("Engine", engine.clone())
        .with_property("CacheNodeType", node.clone())
        .with_property("NumCacheClusters", if multi_az { 2_u32 } else { 1 })
        .with_property("AutomaticFailoverEnabled", multi_az)
        .with_property("MultiAZEnabled", multi_az)
        .with_property("CacheSubnetGroupName", Value::reference(&subnet_group))
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
        );
    }
}

fn secret(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let key = b.key_arn(&unit, c);
    let secret = b.logical_id(&c.id);
    let mut resource = Resource::new("AWS::SecretsManager::Secret")
        .with_property("Description", &c.name)
        .with_property("KmsKeyId", key)
        .with_property(
            "GenerateSecretString",
            Value::map([
                ("PasswordLength", Value::from(32_u32)),
                ("ExcludePunctuation", Value::from(true)),
            ]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    stateful(&mut resource, "Retain");
    b.put(&unit, secret.clone(), &c.id, group.clone(), resource);
    let days = c.properties.rotation_days.unwrap_or(30).clamp(1, 365);
    let function = b.parameter(
        &unit,
        &b.logical_id_for(&c.id, "RotationFunctionArn"),
        Parameter::new("String")
            .with("AllowedPattern", "^arn:aws[a-z-]*:lambda:.+$")
            .with("Description", format!("The Lambda function that rotates secret `{}` (it knows the issuer of the credential).", c.id)),
    );
    b.put(
        &unit,
        b.logical_id_for(&c.id, "Rotation"),
        &c.id,
        group.clone(),
        Resource::new("AWS::SecretsManager::RotationSchedule")
            .with_property("SecretId", Value::reference(&secret))
            .with_property("RotationLambdaARN", function)
            .with_property(
                "RotationRules",
                Value::map([("AutomaticallyAfterDays", Value::from(days))]),
            ),
    );
    if !c.properties.resource_policy.is_empty() {
        let statements = statements(b, &unit, &c.properties.resource_policy, true);
        b.put(
            &unit,
            b.logical_id_for(&c.id, "Policy"),
            &c.id,
            group,
            Resource::new("AWS::SecretsManager::ResourcePolicy")
                .with_property("SecretId", Value::reference(&secret))
                .with_property("BlockPublicPolicy", true)
                .with_property("ResourcePolicy", policy_document(statements)),
        );
    }
}

fn queue(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let mut resource = Resource::new("AWS::SQS::Queue").with_property("Tags", tags(&c.id, &c.tags));
    if c.properties.encrypted_at_rest != Some(false) {
        resource = resource
            .with_property("KmsMasterKeyId", b.key_arn(&unit, c))
            .with_property("KmsDataKeyReusePeriodSeconds", 300_u32);
    } else {
        resource = resource.with_property("SqsManagedSseEnabled", false);
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, group.clone(), resource);
    let transport = deny_insecure_transport("sqs:*", Value::get_att(b.logical_id(&c.id), "Arn"));
    messaging_policy(
        b,
        &unit,
        c,
        group,
        transport,
        "AWS::SQS::QueuePolicy",
        "Queues",
    );
}

fn topic(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let mut resource = Resource::new("AWS::SNS::Topic")
        .with_property("DisplayName", &c.name)
        .with_property("Tags", tags(&c.id, &c.tags));
    if c.properties.encrypted_at_rest != Some(false) {
        resource = resource.with_property("KmsMasterKeyId", b.key_arn(&unit, c));
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, group.clone(), resource);
    let transport = deny_insecure_transport("sns:Publish", Value::reference(b.logical_id(&c.id)));
    messaging_policy(
        b,
        &unit,
        c,
        group,
        transport,
        "AWS::SNS::TopicPolicy",
        "Topics",
    );
}

/// The resource policy of a queue or topic: no request without TLS (`transport`), then the
/// statements the design gives. `targets` is the property that lists the queues or topics.
fn messaging_policy(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    group: Group,
    transport: Value,
    policy_type: &'static str,
    targets: &'static str,
) {
    let mut statements = vec![transport];
    statements.extend(super::identities::statements(
        b,
        unit,
        &c.properties.resource_policy,
        true,
    ));
    b.put(
        unit,
        b.logical_id_for(&c.id, "Policy"),
        &c.id,
        group,
        Resource::new(policy_type)
            .with_property(
                targets,
                Value::list([Value::reference(b.logical_id(&c.id))]),
            )
            .with_property("PolicyDocument", policy_document(statements)),
    );
}
