//! Helpers shared by the generators that need the builder: encryption keys, log groups,
//! delivery buckets, stateful-resource policies, and references to the roles and components of
//! the design. Policy values that need no builder are in [`crate::policy`].

use zta_model::{Component, ComponentKind, Segment};

use super::builder::{Builder, Group};
use crate::policy::{delivery_statements, kms_bucket_encryption, policy_document};
use crate::template::Resource;
use crate::value::Value;

/// The name of the key each account gets when something must be encrypted and the design names
/// no key for it.
const DEFAULT_KEY: &str = "DefaultEncryptionKey";

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
                    crate::policy::key_policy(
                        Vec::new(),
                        crate::policy::KeyServices {
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
            } else if base.starts_with("AWS::") || crate::export::ids::is_valid_logical_id(base) {
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

/// The bucket a trail or recorder delivers to: the design's log archive in the account (the
/// bucket a flow from CloudTrail or Config reaches), else a bucket of its own.
pub(crate) fn delivery_bucket(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
) -> (String, Option<String>) {
    let archive = b
        .design
        .components
        .iter()
        .filter(|bucket| {
            bucket.kind == ComponentKind::S3Bucket && b.unit_of_component(bucket) == unit
        })
        .find(|bucket| is_log_archive(b, &bucket.id))
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
}
