//! Helpers shared by the generators: encryption keys, log groups, stateful-resource policies,
//! references to the roles and components of the design, and the policy statements, trust
//! policies and bucket encryption that several generators write.

use zta_model::{Component, Segment};

use super::builder::{Builder, Group};
use crate::template::Resource;
use crate::value::Value;

/// The name of the key each account gets when something must be encrypted and the design names
/// no key for it.
const DEFAULT_KEY: &str = "DefaultEncryptionKey";

/// The element named in the Metadata of resources that implement a zero-trust default rather
/// than one element.
pub(crate) const DESIGN_ELEMENT: &str = "(design default)";

/// The name of the inline policy that holds what a role's flows and components need (one
/// statement per flow, the dead-letter queue a function sends to): the export derives it from
/// the design, so an import of the template makes flows of it, not policy statements.
pub(crate) const FLOW_POLICY_NAME: &str = "design-flows";

/// The statement ids of the zero-trust defaults the export writes into key, bucket, queue, topic
/// and role policies. An import of an exported template drops them (the next export writes them
/// again), so that the design keeps only the statements it states.
const GENERATED_SIDS: [&str; 14] = [
    "AccountAdministersKey",
    "DesignRolesUseKey",
    "CloudWatchLogsUseKey",
    "CloudTrailEncryptsLogs",
    "ConfigDeliversToEncryptedBucket",
    "AlarmsPublishToEncryptedTopics",
    "DenyInsecureTransport",
    "DenyOutsideDesignVpcEndpoints",
    "CloudTrailAclCheck",
    "CloudTrailWrite",
    "ConfigAclCheck",
    "ConfigWrite",
    "DeadLetters",
    "SessionTranscripts",
];

/// Whether a statement id is one of the zero-trust defaults the export writes.
pub(crate) fn is_generated_sid(sid: &str) -> bool {
    GENERATED_SIDS.contains(&sid)
}

/// The retention periods CloudWatch Logs accepts, in days.
const RETENTION_DAYS: [u32; 22] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
];

impl Builder<'_> {
    /// The ARN of the key that encrypts `component`: its `encryption_key`, else the account's
    /// default key (created on first use, with rotation on).
    pub(crate) fn key_arn(&mut self, unit: &str, component: &Component) -> Value {
        match component.encryption_key.as_deref() {
            Some(key) => {
                let owner = self
                    .component(key)
                    .map(|key| self.unit_of_component(key))
                    .unwrap_or_else(|| unit.to_owned());
                self.reference(unit, &owner, &self.logical_id(key), Some("Arn"))
            }
            None => self.default_key_arn(unit),
        }
    }

    /// The ARN of the account's default key.
    pub(crate) fn default_key_arn(&mut self, unit: &str) -> Value {
        let logical = self.design_default_id(DEFAULT_KEY);
        if !self.has_resource(unit, &logical) {
            let key = Resource::new("AWS::KMS::Key")
                .with_property(
                    "Description",
                    "Encrypts what the design does not give a key of its own (zero-trust default).",
                )
                .with_property("EnableKeyRotation", true)
                .with_property("PendingWindowInDays", 30_u32)
                .with_property(
                    "KeyPolicy",
                    super::data::key_policy(
                        Vec::new(),
                        super::data::KeyServices {
                            logs: true,
                            cloudtrail: true,
                            alarms: true,
                        },
                        Vec::new(),
                    ),
                );
            let mut key = key;
            key.deletion_policy = Some(Value::string("Retain"));
            key.update_replace_policy = Some(Value::string("Retain"));
            self.put_shared(unit, logical.clone(), key);
        }
        Value::get_att(logical, "Arn")
    }

    /// A log group for `element`, encrypted with the account's default key and kept `days` days (rounded up to a
    /// period CloudWatch accepts; one year when the design says nothing).
    pub(crate) fn log_group(
        &mut self,
        unit: &str,
        logical: String,
        element: &str,
        group: Group,
        days: Option<u32>,
        name: Option<Value>,
    ) -> String {
        let key = self.default_key_arn(unit);
        let mut resource = Resource::new("AWS::Logs::LogGroup")
            .with_property("RetentionInDays", retention(days.unwrap_or(365)))
            .with_property("KmsKeyId", key);
        if let Some(name) = name {
            resource = resource.with_property("LogGroupName", name);
        }
        stateful(&mut resource, "Retain");
        self.put(unit, logical.clone(), element, group, resource);
        logical
    }

    /// The ARN of the role an identity id becomes, seen from `unit`.
    pub(crate) fn role_arn(&mut self, unit: &str, identity: &str) -> Value {
        let owner = self
            .identity(identity)
            .map(|identity| self.unit_of_identity(identity))
            .unwrap_or_else(|| unit.to_owned());
        self.reference(unit, &owner, &self.logical_id(identity), Some("Arn"))
    }

    /// A reference to a component's main resource (`Ref`, or an attribute) seen from `unit`.
    pub(crate) fn component_ref(&mut self, unit: &str, id: &str, attribute: Option<&str>) -> Value {
        let owner = self
            .component(id)
            .map(|component| self.unit_of_component(component))
            .unwrap_or_else(|| unit.to_owned());
        self.reference(unit, &owner, &self.logical_id(id), attribute)
    }

    /// A reference to a supporting resource of a component, seen from `unit`.
    pub(crate) fn support_ref(
        &mut self,
        unit: &str,
        id: &str,
        role: &str,
        attribute: Option<&str>,
    ) -> Value {
        let owner = self
            .component(id)
            .map(|component| self.unit_of_component(component))
            .unwrap_or_else(|| unit.to_owned());
        self.reference(unit, &owner, &self.logical_id_for(id, role), attribute)
    }

    /// A text the design holds for a policy (a resource, a principal, a managed policy ARN, a
    /// condition value), as a template value. Imported texts keep the `${...}` variables of
    /// their template: one naming an element becomes that element's resource, a pseudo
    /// parameter or a template name stays a variable, and anything else (an IAM policy variable
    /// such as `${aws:username}`) is written literally. Such a text becomes a `Sub`, as does an
    /// ARN with a written-out partition, which is made portable; any other text stays as it is.
    pub(crate) fn design_text(&self, text: &str) -> Value {
        let (prefix, rest) = ["arn:aws:", "arn:aws-cn:", "arn:aws-us-gov:"]
            .iter()
            .find_map(|partition| {
                text.strip_prefix(partition)
                    .map(|rest| ("arn:${AWS::Partition}:", rest))
            })
            .unwrap_or(("", text));
        let mut out = String::with_capacity(text.len() + 16);
        out.push_str(prefix);
        let mut variables = false;
        let mut remaining = rest;
        while let Some(start) = remaining.find("${") {
            let Some(length) = remaining[start..].find('}') else {
                break;
            };
            out.push_str(&remaining[..start]);
            let name = &remaining[start + 2..start + length];
            let (base, attribute) = match name.split_once('.') {
                Some((base, attribute)) => (base, Some(attribute)),
                None => (name, None),
            };
            let element = self.segment(base).is_some()
                || self.component(base).is_some()
                || self.identity(base).is_some();
            if element {
                out.push_str("${");
                out.push_str(&self.logical_id(base));
                if let Some(attribute) = attribute {
                    out.push('.');
                    out.push_str(attribute);
                }
                out.push('}');
                variables = true;
            } else if name.starts_with('!') {
                out.push_str(&remaining[start..start + length + 1]);
            } else if base.starts_with("AWS::") || super::ids::is_valid_logical_id(base) {
                out.push_str(&remaining[start..start + length + 1]);
                variables = true;
            } else {
                out.push_str("${!");
                out.push_str(name);
                out.push('}');
            }
            remaining = &remaining[start + length + 1..];
        }
        out.push_str(remaining);
        if variables || !prefix.is_empty() {
            Value::sub(out)
        } else {
            Value::string(text.to_owned())
        }
    }

    /// `Ref`s to the resources of the given segments (subnets, most often), in order.
    pub(crate) fn segment_refs(&self, segments: &[&Segment]) -> Vec<Value> {
        segments
            .iter()
            .map(|s| Value::reference(self.logical_id(&s.id)))
            .collect()
    }

    /// The group of a component's resources when a stack is split.
    pub(crate) fn workload_group(&self, component: &Component) -> Group {
        Group::Workload(component.segment.clone())
    }
}

/// Keeps a stateful resource (and its data) when the stack deletes or replaces it.
pub(crate) fn stateful(resource: &mut Resource, policy: &'static str) {
    resource.deletion_policy = Some(Value::string(policy));
    resource.update_replace_policy = Some(Value::string(policy));
}

/// The smallest retention CloudWatch Logs accepts that keeps logs at least `days` days.
pub(crate) fn retention(days: u32) -> u32 {
    RETENTION_DAYS
        .iter()
        .copied()
        .find(|allowed| *allowed >= days)
        .unwrap_or(3653)
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
        ("Sid", Value::string("DenyInsecureTransport")),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_rounds_up_to_an_accepted_period() {
        assert_eq!(retention(365), 365);
        assert_eq!(retention(366), 400);
        assert_eq!(retention(0), 1);
        assert_eq!(retention(100_000), 3653);
    }

    #[test]
    fn managed_policy_arns_lose_their_hard_coded_partition() {
        assert_eq!(
            portable_arn("arn:aws:iam::aws:policy/ReadOnlyAccess"),
            Value::sub("arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess")
        );
    }
}
