//! Detection, logging and operations: CloudTrail (multi-region, validated, to an encrypted
//! bucket and to CloudWatch Logs), log groups, alarms on critical events, AWS Config, Security
//! Hub with its standards, GuardDuty, Macie, Inspector (a manual step: enabling Inspector v2 has
//! no CloudFormation resource), IAM Access Analyzer, Session Manager preferences, patching, and
//! RAM resource shares.

use zta_model::{Component, ComponentKind};

use super::builder::{Builder, Group, tags};
use super::support::{
    deny_insecure_transport, kms_bucket_encryption, log_delivery_policy, policy_document,
    same_account_condition, service_principal, service_trust_policy, stateful,
};
use crate::template::{Parameter, Resource};
use crate::value::Value;

pub(crate) fn generate(b: &mut Builder<'_>) {
    for c in &b.design.components {
        match c.kind {
            ComponentKind::Cloudtrail => trail(b, c),
            ComponentKind::LogGroup => log_group(b, c),
            ComponentKind::ConfigRecorder => config(b, c),
            ComponentKind::SecurityHub => security_hub(b, c),
            ComponentKind::Guardduty => guardduty(b, c),
            ComponentKind::Macie => macie(b, c),
            ComponentKind::Inspector => inspector(b, c),
            ComponentKind::AccessAnalyzer => analyzer(b, c),
            ComponentKind::SessionManager => session_manager(b, c),
            ComponentKind::PatchBaseline => patching(b, c),
            ComponentKind::RamShare => share(b, c),
            _ => {}
        }
    }
    // Alarms last: they watch the trails' log groups and notify the topics made above.
    for c in &b.design.components {
        if c.kind == ComponentKind::CloudwatchAlarm {
            alarm(b, c);
        }
    }
}

/// The bucket a trail or recorder delivers to: the design's log archive in the account (the
/// bucket a flow from CloudTrail or Config reaches), else a bucket of its own.
fn delivery_bucket(b: &mut Builder<'_>, unit: &str, c: &Component) -> (String, Option<String>) {
    let archive = b
        .design
        .components
        .iter()
        .filter(|bucket| {
            bucket.kind == ComponentKind::S3Bucket && b.unit_of_component(bucket) == unit
        })
        .find(|bucket| super::data::is_log_archive(b, &bucket.id))
        .map(|bucket| bucket.id.clone());
    if let Some(archive) = archive {
        return (b.logical_id(&archive), Some(archive));
    }
    let bucket = b.logical_id_for(&c.id, "Bucket");
    let key = b.default_key_arn(unit);
    let mut resource = Resource::new("AWS::S3::Bucket")
        .with_property("BucketEncryption", kms_bucket_encryption(key))
        .with_property(
            "PublicAccessBlockConfiguration",
            Value::map(
                [
                    "BlockPublicAcls",
                    "BlockPublicPolicy",
                    "IgnorePublicAcls",
                    "RestrictPublicBuckets",
                ]
                .map(|k| (k, Value::from(true))),
            ),
        )
        .with_property(
            "VersioningConfiguration",
            Value::map([("Status", Value::string("Enabled"))]),
        )
        .with_property(
            "OwnershipControls",
            Value::map([(
                "Rules",
                Value::list([Value::map([(
                    "ObjectOwnership",
                    Value::string("BucketOwnerEnforced"),
                )])]),
            )]),
        );
    stateful(&mut resource, "Retain");
    b.put(unit, bucket.clone(), &c.id, Group::Security, resource);
    b.skip_checkov(
        unit,
        &bucket,
        "CKV_AWS_18",
        "This bucket holds the service's own delivery logs; logging access to it into another bucket would need a log archive the design does not name.",
    );
    b.skip_checkov(
        unit,
        &bucket,
        "CKV_AWS_144",
        "Cross-region replication is a resilience choice the design does not make; the bucket is versioned and retained on deletion.",
    );
    let service = if c.kind == ComponentKind::Cloudtrail {
        "cloudtrail.amazonaws.com"
    } else {
        "config.amazonaws.com"
    };
    let policy = Resource::new("AWS::S3::BucketPolicy")
        .with_property("Bucket", Value::reference(&bucket))
        .with_property(
            "PolicyDocument",
            policy_document(delivery_statements(&bucket, &[service])),
        );
    b.put(
        unit,
        format!("{bucket}Policy"),
        &c.id,
        Group::Security,
        policy,
    );
    (bucket, None)
}

/// Bucket policy statements: TLS only, and delivery by the named services for this account.
pub(crate) fn delivery_statements(bucket: &str, services: &[&str]) -> Vec<Value> {
    let bucket_arn = Value::sub(format!("arn:${{AWS::Partition}}:s3:::${{{bucket}}}"));
    let objects_arn = Value::sub(format!(
        "arn:${{AWS::Partition}}:s3:::${{{bucket}}}/AWSLogs/${{AWS::AccountId}}/*"
    ));
    let mut statements = vec![deny_insecure_transport(
        "s3:*",
        Value::list([
            bucket_arn.clone(),
            Value::sub(format!("arn:${{AWS::Partition}}:s3:::${{{bucket}}}/*")),
        ]),
    )];
    for service in services {
        statements.extend(service_delivery_statements(
            service,
            &bucket_arn,
            &objects_arn,
        ));
    }
    statements
}

/// The two statements that let CloudTrail or Config (`service`) deliver to a bucket for this
/// account only: reading the bucket's ACL, and writing objects that the bucket's owner controls.
pub(crate) fn service_delivery_statements(
    service: &str,
    bucket_arn: &Value,
    objects_arn: &Value,
) -> [Value; 2] {
    let name = if service.starts_with("cloudtrail") {
        "CloudTrail"
    } else {
        "Config"
    };
    [
        Value::map([
            ("Sid", Value::string(format!("{name}AclCheck"))),
            ("Effect", Value::string("Allow")),
            ("Principal", service_principal(service)),
            (
                "Action",
                Value::list(["s3:GetBucketAcl", "s3:ListBucket"].map(Value::string)),
            ),
            ("Resource", bucket_arn.clone()),
            ("Condition", same_account_condition()),
        ]),
        Value::map([
            ("Sid", Value::string(format!("{name}Write"))),
            ("Effect", Value::string("Allow")),
            ("Principal", service_principal(service)),
            ("Action", Value::string("s3:PutObject")),
            ("Resource", objects_arn.clone()),
            (
                "Condition",
                Value::map([(
                    "StringEquals",
                    Value::map([
                        ("s3:x-amz-acl", Value::string("bucket-owner-full-control")),
                        ("aws:SourceAccount", Value::reference("AWS::AccountId")),
                    ]),
                )]),
            ),
        ]),
    ]
}

fn trail(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let p = &c.properties;
    let (bucket, archive) = delivery_bucket(b, &unit, c);
    let key = match (
        &c.encryption_key,
        archive.as_deref().and_then(|a| b.component(a)),
    ) {
        (Some(_), _) => b.key_arn(&unit, c),
        (None, Some(archive)) if archive.encryption_key.is_some() => b.key_arn(&unit, archive),
        _ => b.default_key_arn(&unit),
    };
    let logs = b.log_group(
        &unit,
        b.logical_id_for(&c.id, "LogGroup"),
        &c.id,
        Group::Security,
        p.retention_days,
        None,
    );
    let role = b.logical_id_for(&c.id, "LogsRole");
    b.put(
        &unit,
        role.clone(),
        &c.id,
        Group::Security,
        Resource::new("AWS::IAM::Role")
            .with_property(
                "AssumeRolePolicyDocument",
                service_trust_policy("cloudtrail.amazonaws.com"),
            )
            .with_property(
                "Policies",
                log_delivery_policy("deliver-to-log-group", &logs),
            ),
    );
    let mut resource = Resource::new("AWS::CloudTrail::Trail")
        .with_property("IsLogging", true)
        .with_property("S3BucketName", Value::reference(&bucket))
        .with_property("IsMultiRegionTrail", p.multi_region != Some(false))
        .with_property("IncludeGlobalServiceEvents", true)
        .with_property(
            "EnableLogFileValidation",
            p.log_file_validation != Some(false),
        )
        .with_property("KMSKeyId", key)
        .with_property("CloudWatchLogsLogGroupArn", Value::get_att(&logs, "Arn"))
        .with_property("CloudWatchLogsRoleArn", Value::get_att(&role, "Arn"))
        .with_property("Tags", tags(&c.id, &c.tags));
    let policy = match &archive {
        Some(archive) => b.logical_id_for(archive, "Policy"),
        None => format!("{bucket}Policy"),
    };
    resource.depends_on.push(policy);
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Security, resource);
    b.skip_checkov(
        &unit,
        &b.logical_id(&c.id),
        "CKV_AWS_252",
        "Notifications of delivered log files are not needed: alarms on the trail's log group notify on the events that matter.",
    );
}

fn log_group(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let mut resource = Resource::new("AWS::Logs::LogGroup")
        .with_property(
            "RetentionInDays",
            super::support::retention(c.properties.retention_days.unwrap_or(365)),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    if c.properties.encrypted_at_rest != Some(false) {
        resource = resource.with_property("KmsKeyId", b.key_arn(&unit, c));
    }
    stateful(&mut resource, "Retain");
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Security, resource);
}

/// Metric filters for the critical events the designer offers, as in the CIS benchmark.
fn filter_pattern(metric: &str) -> Option<&'static str> {
    Some(match metric {
        "root-account-usage" => {
            r#"{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }"#
        }
        "unauthorized-api-calls" => {
            r#"{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }"#
        }
        "console-sign-in-without-mfa" | "console-signin-without-mfa" => {
            r#"{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }"#
        }
        "iam-policy-changes" => {
            r#"{ ($.eventSource = iam.amazonaws.com) && (($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy)) }"#
        }
        "cloudtrail-changes" => {
            r#"{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }"#
        }
        "security-group-changes" => {
            r#"{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }"#
        }
        "nacl-changes" => {
            r#"{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }"#
        }
        "kms-key-deletion" => {
            r#"{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }"#
        }
        _ => return None,
    })
}

fn alarm(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let metric = c
        .properties
        .metric
        .clone()
        .unwrap_or_else(|| "unauthorized-api-calls".into());
    let Some(pattern) = filter_pattern(&metric) else {
        b.warn(format!("alarm `{}` watches `{metric}`, which the exporter has no metric filter for; not exported", c.id));
        return;
    };
    let Some(trail) = b
        .components_of(ComponentKind::Cloudtrail)
        .find(|t| b.unit_of_component(t) == unit)
    else {
        b.warn(format!(
            "alarm `{}` needs a CloudTrail trail in its account to watch; not exported",
            c.id
        ));
        return;
    };
    let metric_name = b.logical_id(&c.id);
    b.put(
        &unit,
        b.logical_id_for(&c.id, "MetricFilter"),
        &c.id,
        Group::Security,
        Resource::new("AWS::Logs::MetricFilter")
            .with_property(
                "LogGroupName",
                Value::reference(b.logical_id_for(&trail.id, "LogGroup")),
            )
            .with_property("FilterPattern", pattern)
            .with_property(
                "MetricTransformations",
                Value::list([Value::map([
                    ("MetricNamespace", Value::string("ZtaDesigner/Security")),
                    ("MetricName", Value::string(&metric_name)),
                    ("MetricValue", Value::string("1")),
                ])]),
            ),
    );
    let mut resource = Resource::new("AWS::CloudWatch::Alarm")
        .with_property("AlarmDescription", &c.name)
        .with_property("Namespace", "ZtaDesigner/Security")
        .with_property("MetricName", metric_name.clone())
        .with_property("Statistic", "Sum")
        .with_property("Period", 300_u32)
        .with_property("EvaluationPeriods", 1_u32)
        .with_property("Threshold", 1_u32)
        .with_property("ComparisonOperator", "GreaterThanOrEqualToThreshold")
        .with_property("TreatMissingData", "notBreaching");
    if let Some(topic) = b
        .components_of(ComponentKind::SnsTopic)
        .find(|t| b.unit_of_component(t) == unit)
    {
        resource = resource.with_property(
            "AlarmActions",
            Value::list([Value::reference(b.logical_id(&topic.id))]),
        );
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Security, resource);
}

fn config(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let (bucket, archive) = delivery_bucket(b, &unit, c);
    let role = b.logical_id_for(&c.id, "Role");
    b.put(
        &unit,
        role.clone(),
        &c.id,
        Group::Security,
        Resource::new("AWS::IAM::Role")
            .with_property(
                "AssumeRolePolicyDocument",
                service_trust_policy("config.amazonaws.com"),
            )
            .with_property(
                "ManagedPolicyArns",
                Value::list([Value::arn("iam::aws:policy/service-role/AWS_ConfigRole")]),
            ),
    );
    let recorder = b.logical_id(&c.id);
    b.put(
        &unit,
        recorder.clone(),
        &c.id,
        Group::Security,
        Resource::new("AWS::Config::ConfigurationRecorder")
            .with_property("RoleARN", Value::get_att(&role, "Arn"))
            .with_property(
                "RecordingGroup",
                Value::map([
                    ("AllSupported", Value::from(true)),
                    ("IncludeGlobalResourceTypes", Value::from(true)),
                ]),
            ),
    );
    let mut channel = Resource::new("AWS::Config::DeliveryChannel")
        .with_property("S3BucketName", Value::reference(&bucket))
        .with_property(
            "ConfigSnapshotDeliveryProperties",
            Value::map([("DeliveryFrequency", Value::string("TwentyFour_Hours"))]),
        );
    if archive.is_some() {
        channel = channel.with_property("S3KeyPrefix", "config");
    }
    b.put(
        &unit,
        b.logical_id_for(&c.id, "DeliveryChannel"),
        &c.id,
        Group::Security,
        channel,
    );
}

fn standard_arn(standard: &str) -> Option<&'static str> {
    Some(match standard {
        "aws-foundational-security-best-practices" => {
            "standards/aws-foundational-security-best-practices/v/1.0.0"
        }
        "cis-aws-foundations-benchmark" | "cis" => {
            "standards/cis-aws-foundations-benchmark/v/3.0.0"
        }
        "pci-dss" => "standards/pci-dss/v/4.0.1",
        "nist-800-53" => "standards/nist-800-53/v/5.0.0",
        "aws-resource-tagging-standard" => "standards/aws-resource-tagging-standard/v/1.0.0",
        _ => return None,
    })
}

fn security_hub(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let hub = b.logical_id(&c.id);
    b.put(
        &unit,
        hub.clone(),
        &c.id,
        Group::Security,
        Resource::new("AWS::SecurityHub::Hub")
            .with_property("EnableDefaultStandards", false)
            .with_property("ControlFindingGenerator", "SECURITY_CONTROL")
            .with_property("AutoEnableControls", true),
    );
    let standards = if c.properties.standards.is_empty() {
        vec!["aws-foundational-security-best-practices".to_owned()]
    } else {
        c.properties.standards.clone()
    };
    for standard in standards {
        let Some(path) = standard_arn(&standard) else {
            b.warn(format!(
                "Security Hub `{}`: unknown standard `{standard}`; not exported",
                c.id
            ));
            continue;
        };
        let mut resource = Resource::new("AWS::SecurityHub::Standard").with_property(
            "StandardsArn",
            Value::sub(format!(
                "arn:${{AWS::Partition}}:securityhub:${{AWS::Region}}::{path}"
            )),
        );
        resource.depends_on.push(hub.clone());
        b.put(
            &unit,
            b.logical_id_for(&c.id, &b.logical_id(&standard)),
            &c.id,
            Group::Security,
            resource,
        );
    }
}

fn guardduty(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let features = [
        "S3_DATA_EVENTS",
        "EKS_AUDIT_LOGS",
        "EBS_MALWARE_PROTECTION",
        "RDS_LOGIN_EVENTS",
        "LAMBDA_NETWORK_LOGS",
    ];
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Security,
        Resource::new("AWS::GuardDuty::Detector")
            .with_property("Enable", true)
            .with_property("FindingPublishingFrequency", "FIFTEEN_MINUTES")
            .with_property(
                "Features",
                Value::list(features.map(|f| {
                    Value::map([
                        ("Name", Value::string(f)),
                        ("Status", Value::string("ENABLED")),
                    ])
                })),
            ),
    );
}

fn macie(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Security,
        Resource::new("AWS::Macie::Session")
            .with_property("Status", "ENABLED")
            .with_property("FindingPublishingFrequency", "FIFTEEN_MINUTES"),
    );
}

fn inspector(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let types: Vec<String> = if c.properties.scan_types.is_empty() {
        vec!["EC2".into(), "ECR".into(), "LAMBDA".into()]
    } else {
        c.properties
            .scan_types
            .iter()
            .map(|t| t.to_uppercase())
            .collect()
    };
    let account = b
        .segment(&unit)
        .and_then(|s| s.account_id.clone())
        .unwrap_or_else(|| "<account id>".into());
    b.manual_step(
        &c.id,
        &unit,
        "Enable Amazon Inspector",
        format!(
            "Enabling Inspector v2 has no CloudFormation resource. In account `{unit}` run: aws inspector2 enable --resource-types {} --account-ids {account} (or enable it for the organization from the delegated administrator). Findings go to Security Hub automatically once both are on.",
            types.join(" ")
        ),
    );
}

fn analyzer(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Security,
        Resource::new("AWS::AccessAnalyzer::Analyzer")
            .with_property("Type", "ACCOUNT")
            .with_property(
                "AnalyzerName",
                Value::sub(format!("${{AWS::StackName}}-{}", c.id)),
            ),
    );
}

fn session_manager(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    // The preferences document has a fixed name, so an account holds one.
    let first = b
        .components_of(ComponentKind::SessionManager)
        .find(|other| b.unit_of_component(other) == unit)
        .map(|first| first.id.clone());
    if let Some(first) = first.filter(|first| *first != c.id) {
        b.warn(format!(
            "Session Manager `{}` shares the preferences of `{first}`: an account has one preferences document",
            c.id
        ));
        return;
    }
    let logs = b.log_group(
        &unit,
        b.logical_id_for(&c.id, "LogGroup"),
        &c.id,
        Group::Security,
        None,
        None,
    );
    let content = Value::map([
        ("schemaVersion", Value::string("1.0")),
        (
            "description",
            Value::string("Session Manager preferences: sessions logged to an encrypted log group"),
        ),
        ("sessionType", Value::string("Standard_Stream")),
        (
            "inputs",
            Value::map([
                ("cloudWatchLogGroupName", Value::reference(&logs)),
                ("cloudWatchEncryptionEnabled", Value::from(true)),
                ("cloudWatchStreamingEnabled", Value::from(true)),
                ("s3EncryptionEnabled", Value::from(true)),
                ("runAsEnabled", Value::from(false)),
                ("idleSessionTimeout", Value::string("20")),
            ]),
        ),
    ]);
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Security,
        Resource::new("AWS::SSM::Document")
            .with_property("Name", "SSM-SessionManagerRunShell")
            .with_property("DocumentType", "Session")
            .with_property("UpdateMethod", "NewVersion")
            .with_property("Content", content),
    );
    b.manual_step(
        &c.id,
        &unit,
        "Let Session Manager preferences be managed by the stack",
        format!("The preferences document SSM-SessionManagerRunShell exists once anyone opened Session Manager's preferences in account `{unit}`; delete it first (aws ssm delete-document --name SSM-SessionManagerRunShell) so that the stack can own it."),
    );
    // Instances write their session transcripts to the log group, through roles of the same
    // account (a role elsewhere cannot name the group, nor write to it).
    let roles: Vec<String> = b
        .components_of(ComponentKind::Ec2Instance)
        .filter(|i| b.unit_of_component(i) == unit && i.properties.ssm_managed != Some(false))
        .filter_map(|i| i.identity.as_deref())
        .filter(|role| {
            b.identity(role)
                .is_some_and(|role| b.unit_of_identity(role) == unit)
        })
        .map(str::to_owned)
        .collect();
    for role in roles {
        b.role_statement(
            &role,
            "SessionTranscripts",
            &["logs:CreateLogStream", "logs:PutLogEvents"],
            Value::get_att(&logs, "Arn"),
        );
    }
}

fn operating_system(os: Option<&str>) -> (&'static str, &'static str, &'static [&'static str]) {
    match os.unwrap_or("amazon_linux_2023") {
        os if os.starts_with("windows") => (
            "WINDOWS",
            "CLASSIFICATION",
            &["SecurityUpdates", "CriticalUpdates"],
        ),
        os if os.starts_with("ubuntu") => ("UBUNTU", "PRIORITY", &["Required", "Important"]),
        os if os.starts_with("rhel") || os.starts_with("redhat") => {
            ("REDHAT_ENTERPRISE_LINUX", "CLASSIFICATION", &["Security"])
        }
        "amazon_linux_2" => ("AMAZON_LINUX_2", "CLASSIFICATION", &["Security"]),
        _ => ("AMAZON_LINUX_2023", "CLASSIFICATION", &["Security"]),
    }
}

fn patching(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let (os, key, values) = operating_system(c.properties.os.as_deref());
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Security,
        Resource::new("AWS::SSM::PatchBaseline")
            .with_property("Name", Value::sub(format!("${{AWS::StackName}}-{}", c.id)))
            .with_property("OperatingSystem", os)
            .with_property("DefaultBaseline", true)
            .with_property(
                "ApprovalRules",
                Value::map([(
                    "PatchRules",
                    Value::list([Value::map([
                        ("ApproveAfterDays", Value::from(7_u32)),
                        ("ComplianceLevel", Value::string("CRITICAL")),
                        (
                            "PatchFilterGroup",
                            Value::map([(
                                "PatchFilters",
                                Value::list([Value::map([
                                    ("Key", Value::string(key)),
                                    (
                                        "Values",
                                        Value::list(values.iter().map(|v| Value::string(*v))),
                                    ),
                                ])]),
                            )]),
                        ),
                    ])]),
                )]),
            ),
    );
    let window = b.logical_id_for(&c.id, "Window");
    b.put(
        &unit,
        window.clone(),
        &c.id,
        Group::Security,
        Resource::new("AWS::SSM::MaintenanceWindow")
            .with_property("Name", Value::sub(format!("${{AWS::StackName}}-{}", c.id)))
            .with_property("Schedule", "cron(0 3 ? * SUN *)")
            .with_property("Duration", 3_u32)
            .with_property("Cutoff", 1_u32)
            .with_property("AllowUnassociatedTargets", false),
    );
    let target = b.logical_id_for(&c.id, "Targets");
    b.put(
        &unit,
        target.clone(),
        &c.id,
        Group::Security,
        Resource::new("AWS::SSM::MaintenanceWindowTarget")
            .with_property("WindowId", Value::reference(&window))
            .with_property("ResourceType", "INSTANCE")
            .with_property(
                "Targets",
                Value::list([Value::map([
                    ("Key", Value::string("tag-key")),
                    ("Values", Value::list([Value::string("zta:element")])),
                ])]),
            ),
    );
    b.put(
        &unit,
        b.logical_id_for(&c.id, "Task"),
        &c.id,
        Group::Security,
        Resource::new("AWS::SSM::MaintenanceWindowTask")
            .with_property("WindowId", Value::reference(&window))
            .with_property("TaskArn", "AWS-RunPatchBaseline")
            .with_property("TaskType", "RUN_COMMAND")
            .with_property("Priority", 1_u32)
            .with_property("MaxConcurrency", "50%")
            .with_property("MaxErrors", "10%")
            .with_property(
                "Targets",
                Value::list([Value::map([
                    ("Key", Value::string("WindowTargetIds")),
                    ("Values", Value::list([Value::reference(&target)])),
                ])]),
            )
            .with_property(
                "TaskInvocationParameters",
                Value::map([(
                    "MaintenanceWindowRunCommandParameters",
                    Value::map([(
                        "Parameters",
                        Value::map([("Operation", Value::list([Value::string("Install")]))]),
                    )]),
                )]),
            ),
    );
}

fn share(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let mut arns = Vec::new();
    for shared in &c.properties.shares {
        let Some(target) = b.component(shared) else {
            continue;
        };
        let id = b.logical_id(shared);
        let arn = match target.kind {
            ComponentKind::TransitGateway => Value::sub(format!(
                "arn:${{AWS::Partition}}:ec2:${{AWS::Region}}:${{AWS::AccountId}}:transit-gateway/${{{id}}}"
            )),
            ComponentKind::Route53Zone => Value::sub(format!(
                "arn:${{AWS::Partition}}:route53:::hostedzone/${{{id}}}"
            )),
            ComponentKind::NetworkFirewall => Value::reference(b.logical_id_for(shared, "Policy")),
            _ => {
                b.warn(format!(
                    "RAM share `{}` cannot share `{shared}` ({}); left out",
                    c.id,
                    target.kind.as_str()
                ));
                continue;
            }
        };
        arns.push(arn);
    }
    let mut principals = Vec::new();
    for account in &c.properties.share_with {
        let value = match b.segment(account).and_then(|s| s.account_id.clone()) {
            Some(id) => Value::string(id),
            None => b.parameter(
                &unit,
                &b.logical_id_for(account, "AccountId"),
                Parameter::new("String")
                    .with("AllowedPattern", "^[0-9]{12}$")
                    .with("Description", format!("The account id of `{account}`.")),
            ),
        };
        principals.push(value);
    }
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Network,
        Resource::new("AWS::RAM::ResourceShare")
            .with_property("Name", &c.name)
            .with_property("AllowExternalPrincipals", false)
            .with_property("ResourceArns", Value::list(arns))
            .with_property("Principals", Value::list(principals))
            .with_property("Tags", tags(&c.id, &c.tags)),
    );
}
