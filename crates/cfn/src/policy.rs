//! The policy documents and statements that several kinds write, and the names that export and
//! import both use for them (the inline policy of flows, the statement ids of the zero-trust
//! defaults). Nothing here touches the builder or the importer: it is a leaf both depend on.

use crate::value::Value;
/// The name of the inline policy that holds what a role's flows and components need (one
/// statement per flow, the dead-letter queue a function sends to): the export derives it from
/// the design, so an import of the template makes flows of it, not policy statements.
pub(crate) const FLOW_POLICY_NAME: &str = "design-flows";

/// The statement ids of the zero-trust defaults, each named once here and used where it is
/// written.
pub(crate) mod sid {
    pub(crate) const ACCOUNT_ADMINISTERS_KEY: &str = "AccountAdministersKey";
    pub(crate) const DESIGN_ROLES_USE_KEY: &str = "DesignRolesUseKey";
    pub(crate) const CLOUDWATCH_LOGS_USE_KEY: &str = "CloudWatchLogsUseKey";
    pub(crate) const CLOUDTRAIL_ENCRYPTS_LOGS: &str = "CloudTrailEncryptsLogs";
    pub(crate) const CONFIG_DELIVERS_TO_ENCRYPTED_BUCKET: &str = "ConfigDeliversToEncryptedBucket";
    pub(crate) const ALARMS_PUBLISH_TO_ENCRYPTED_TOPICS: &str = "AlarmsPublishToEncryptedTopics";
    pub(crate) const DENY_INSECURE_TRANSPORT: &str = "DenyInsecureTransport";
    pub(crate) const DENY_OUTSIDE_DESIGN_VPC_ENDPOINTS: &str = "DenyOutsideDesignVpcEndpoints";
    pub(crate) const CLOUDTRAIL_ACL_CHECK: &str = "CloudTrailAclCheck";
    pub(crate) const CLOUDTRAIL_WRITE: &str = "CloudTrailWrite";
    pub(crate) const CONFIG_ACL_CHECK: &str = "ConfigAclCheck";
    pub(crate) const CONFIG_WRITE: &str = "ConfigWrite";
    pub(crate) const DEAD_LETTERS: &str = "DeadLetters";
    pub(crate) const SESSION_TRANSCRIPTS: &str = "SessionTranscripts";
    pub(crate) const INVOKE_FROM_DESIGN_VPCS: &str = "InvokeFromDesignVpcs";
    pub(crate) const STATE_MACHINE_LOGS: &str = "StateMachineLogDelivery";
    pub(crate) const STATE_MACHINE_KEY: &str = "StateMachineUsesKey";
}

/// The statement ids of the zero-trust defaults the export writes into key, bucket, queue, topic
/// and role policies. An import of an exported template drops them (the next export writes them
/// again), so that the design keeps only the statements it states.
pub(crate) const GENERATED_SIDS: [&str; 17] = [
    sid::ACCOUNT_ADMINISTERS_KEY,
    sid::DESIGN_ROLES_USE_KEY,
    sid::CLOUDWATCH_LOGS_USE_KEY,
    sid::CLOUDTRAIL_ENCRYPTS_LOGS,
    sid::CONFIG_DELIVERS_TO_ENCRYPTED_BUCKET,
    sid::ALARMS_PUBLISH_TO_ENCRYPTED_TOPICS,
    sid::DENY_INSECURE_TRANSPORT,
    sid::DENY_OUTSIDE_DESIGN_VPC_ENDPOINTS,
    sid::CLOUDTRAIL_ACL_CHECK,
    sid::CLOUDTRAIL_WRITE,
    sid::CONFIG_ACL_CHECK,
    sid::CONFIG_WRITE,
    sid::DEAD_LETTERS,
    sid::SESSION_TRANSCRIPTS,
    sid::INVOKE_FROM_DESIGN_VPCS,
    sid::STATE_MACHINE_LOGS,
    sid::STATE_MACHINE_KEY,
];

/// Whether a statement id is one of the zero-trust defaults the export writes.
pub(crate) fn is_generated_sid(sid: &str) -> bool {
    GENERATED_SIDS.contains(&sid)
}

/// `{"Version": "2012-10-17", "Statement": [...]}`.
pub(crate) fn policy_document(statements: Vec<Value>) -> Value {
    Value::map([
        ("Version", Value::string("2012-10-17")),
        ("Statement", Value::list(statements)),
    ])
}

/// `{Sid, Effect: Allow, Action, Resource}`, with a single action or resource written alone.
pub(crate) fn allow_statement(
    sid: &'static str,
    actions: &[String],
    mut resources: Vec<Value>,
) -> Value {
    let actions = match actions {
        [only] => Value::string(only),
        _ => Value::list(actions.iter().map(Value::string)),
    };
    let resources = if resources.len() == 1 {
        resources.remove(0)
    } else {
        Value::list(resources)
    };
    Value::map([
        ("Sid", Value::string(sid)),
        ("Effect", Value::string("Allow")),
        ("Action", actions),
        ("Resource", resources),
    ])
}

/// The statement that denies `action` on `resource` to every request not made over TLS.
pub(crate) fn deny_insecure_transport(action: &'static str, resource: Value) -> Value {
    Value::map([
        ("Sid", Value::string(sid::DENY_INSECURE_TRANSPORT)),
        ("Effect", Value::string("Deny")),
        ("Principal", Value::string("*")),
        ("Action", Value::string(action)),
        ("Resource", resource),
        (
            "Condition",
            Value::map([(
                "Bool",
                Value::map([("aws:SecureTransport", Value::string("false"))]),
            )]),
        ),
    ])
}

/// A condition that a service acts for this account only, which keeps another account from
/// using the service to reach this account's resources (the confused-deputy problem).
pub(crate) fn same_account_condition() -> Value {
    Value::map([(
        "StringEquals",
        Value::map([("aws:SourceAccount", Value::reference("AWS::AccountId"))]),
    )])
}

/// The trust policy that lets one AWS service assume a role.
pub(crate) fn service_trust_policy(service: &str) -> Value {
    policy_document(vec![Value::map([
        ("Effect", Value::string("Allow")),
        ("Principal", service_principal(service)),
        ("Action", Value::string("sts:AssumeRole")),
    ])])
}

/// A role's or group's `Policies` property holding one inline policy.
pub(crate) fn inline_policy(name: &'static str, document: Value) -> Value {
    Value::list([Value::map([
        ("PolicyName", Value::string(name)),
        ("PolicyDocument", document),
    ])])
}

/// The inline policy, named `name`, that lets a service's role write to one log group.
pub(crate) fn log_delivery_policy(name: &'static str, log_group: &str) -> Value {
    inline_policy(
        name,
        policy_document(vec![Value::map([
            ("Effect", Value::string("Allow")),
            (
                "Action",
                Value::list(["logs:CreateLogStream", "logs:PutLogEvents"].map(Value::string)),
            ),
            ("Resource", Value::get_att(log_group.to_owned(), "Arn")),
        ])]),
    )
}

/// A bucket's `BucketEncryption`: SSE-KMS with `key`, and an S3 Bucket Key, which spares most of
/// the calls to KMS (and their cost) that encrypting each object would make.
pub(crate) fn kms_bucket_encryption(key: Value) -> Value {
    Value::map([(
        "ServerSideEncryptionConfiguration",
        Value::list([Value::map([
            (
                "ServerSideEncryptionByDefault",
                Value::map([
                    ("SSEAlgorithm", Value::string("aws:kms")),
                    ("KMSMasterKeyID", key),
                ]),
            ),
            ("BucketKeyEnabled", Value::from(true)),
        ])]),
    )])
}

/// A `Principal: {Service: name}` value.
pub(crate) fn service_principal(service: &str) -> Value {
    Value::map([("Service", Value::string(service.to_owned()))])
}

/// The ARN written in a design (a managed policy, a boundary) with its partition made portable.
pub(crate) fn portable_arn(arn: &str) -> Value {
    for partition in ["arn:aws:", "arn:aws-cn:", "arn:aws-us-gov:"] {
        if let Some(rest) = arn.strip_prefix(partition) {
            return Value::arn(rest.replace("${", "${!"));
        }
    }
    Value::string(arn.to_owned())
}

/// An ARN as a design writes it, from the portable form [`portable_arn`] exports.
pub(crate) fn design_arn(arn: &str) -> String {
    match arn.strip_prefix("arn:${AWS::Partition}:") {
        Some(rest) => format!("arn:aws:{}", rest.replace("${!", "${")),
        None => arn.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn managed_policy_arns_lose_their_hard_coded_partition() {
        assert_eq!(
            portable_arn("arn:aws:iam::aws:policy/ReadOnlyAccess"),
            Value::sub("arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess")
        );
    }
}

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
        ("Sid", Value::string(sid::ACCOUNT_ADMINISTERS_KEY)),
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
            ("Sid", Value::string(sid::DESIGN_ROLES_USE_KEY)),
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
            sid::CLOUDWATCH_LOGS_USE_KEY,
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
            sid::CLOUDTRAIL_ENCRYPTS_LOGS,
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
            sid::CONFIG_DELIVERS_TO_ENCRYPTED_BUCKET,
            service_principal("config.amazonaws.com"),
            &["kms:Decrypt", "kms:GenerateDataKey"],
            same_account_condition(),
        ));
    }
    if services.alarms {
        statements.push(service_uses_key(
            sid::ALARMS_PUBLISH_TO_ENCRYPTED_TOPICS,
            service_principal("cloudwatch.amazonaws.com"),
            &["kms:Decrypt", "kms:GenerateDataKey*"],
            same_account_condition(),
        ));
    }
    statements.extend(extra);
    policy_document(statements)
}

/// A key policy statement that lets one service use the key for `actions`, under `condition`.
pub(crate) fn service_uses_key(
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

pub(crate) fn service_principal_sub(service: &str) -> Value {
    Value::map([("Service", Value::sub(service.to_owned()))])
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
    let (acl_check, write) = if service.starts_with("cloudtrail") {
        (sid::CLOUDTRAIL_ACL_CHECK, sid::CLOUDTRAIL_WRITE)
    } else {
        (sid::CONFIG_ACL_CHECK, sid::CONFIG_WRITE)
    };
    [
        Value::map([
            ("Sid", Value::string(acl_check)),
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
            ("Sid", Value::string(write)),
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
