//! S3 buckets: SSE-KMS with a bucket key, public access blocked, versioning, and a bucket policy
//! that refuses plain HTTP and requests from outside the design's VPC endpoints.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::export::security_groups::is_gateway_endpoint;
use crate::export::support::{is_log_archive, stateful};
use crate::import::{Importer, ResourceKey};
use crate::policy::{
    deny_insecure_transport, kms_bucket_encryption, policy_document, service_delivery_statements,
    sid,
};
use crate::template::{Output, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::S3::Bucket";

/// The gateway endpoints to S3 in an account.
pub(crate) fn s3_endpoints<'d>(b: &Builder<'d>, unit: &str) -> Vec<&'d Component> {
    b.components_of(ComponentKind::VpcEndpoint)
        .filter(|e| {
            is_gateway_endpoint(e) && e.properties.service.as_deref().is_none_or(|s| s == "s3")
        })
        .filter(|e| b.unit_of_component(e) == unit)
        .collect()
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let bucket = b.logical_id(&c.id);
    let p = &c.properties;
    let mut resource = Resource::new(RESOURCE_TYPE);
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

pub(crate) fn bucket_policy(b: &mut Builder<'_>, unit: &str, c: &Component) {
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
                ("Sid", Value::string(sid::DENY_OUTSIDE_DESIGN_VPC_ENDPOINTS)),
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
    statements.extend(crate::export::statements::statements(
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

/// For a store that AWS always encrypts at rest (S3 since January 2023, DynamoDB always), a
/// design's `encrypted_at_rest: false`, which no template can deploy: the export writes no key
/// of the design's and says that the store stays encrypted all the same; the property is named
/// for the marker to keep, so that an import gives back the design as drawn.
pub(crate) fn always_encrypted(
    b: &mut Builder<'_>,
    c: &Component,
    service: &str,
) -> Option<&'static str> {
    if c.properties.encrypted_at_rest != Some(false) {
        return None;
    }
    b.warn(format!(
        "`{}` is drawn unencrypted at rest, which {service} cannot be: it is exported without a KMS key and stays encrypted with an AWS-owned key",
        c.id
    ));
    Some("encrypted_at_rest")
}

/// What the marker keeps of a bucket: `encrypted_at_rest: false`, which S3 cannot be, and a
/// stated `vpc_endpoint_only` that the bucket policy does not show: `false`, which shows only
/// as a deny the policy lacks (as for a bucket the design says nothing about), and `true` where
/// the account has no gateway endpoint to S3 to name (the export warns of that).
pub(crate) fn drawn(
    b: &mut Builder<'_>,
    c: &Component,
) -> serde_json::Map<String, serde_json::Value> {
    let mut names = Vec::from_iter(always_encrypted(b, c, "S3"));
    let unit = b.unit_of_component(c);
    let shown = match c.properties.vpc_endpoint_only {
        Some(true) => !s3_endpoints(b, &unit).is_empty(),
        _ => false,
    };
    if c.properties.vpc_endpoint_only.is_some() && !shown {
        names.push("vpc_endpoint_only");
    }
    crate::marker::drawn_properties(c, &names)
}

impl Importer<'_> {
    fn bucket(&mut self, key: &ResourceKey) -> Component {
        let mut component = self.new_component(key, ComponentKind::S3Bucket, self.account.clone());
        // S3 encrypts every new object since January 2023; the template may choose a KMS key.
        component.properties.encrypted_at_rest = Some(true);
        let encryption = self.resource(key).property("BucketEncryption").cloned();
        if let Some(encryption) = encryption {
            let rules = encryption
                .get("ServerSideEncryptionConfiguration")
                .cloned()
                .unwrap_or(Value::null());
            component.encryption_key = self.list_items(key.0, &rules).iter().find_map(|rule| {
                let key_id = rule
                    .get("ServerSideEncryptionByDefault")?
                    .get("KMSMasterKeyID")?;
                let sym = self.eval(key.0, key_id);
                sym.resources()
                    .into_iter()
                    .find_map(|target| self.element_for(&target).cloned())
            });
        }
        component.properties.versioning = Some(
            self.text(key, &["VersioningConfiguration", "Status"])
                .as_deref()
                == Some("Enabled"),
        );
        if self.present(key, &["PublicAccessBlockConfiguration"]) {
            let all_blocked = [
                "BlockPublicAcls",
                "BlockPublicPolicy",
                "IgnorePublicAcls",
                "RestrictPublicBuckets",
            ]
            .iter()
            .all(|setting| {
                self.flag(key, &["PublicAccessBlockConfiguration", setting]) == Some(true)
            });
            component.properties.block_public_access = Some(all_blocked);
        }
        let canned_acl = self
            .text(key, &["AccessControl"])
            .and_then(|acl| canned_acl_grant(&acl));
        // The export's own deny outside the design's endpoints says the bucket takes requests
        // only through them, so the check reads the generated statements too.
        let all = self.attached_policies("AWS::S3::BucketPolicy", &["Bucket"], key, true);
        let vpce_only = all.iter().any(|statement| {
            statement.effect == zta_model::Effect::Deny
                && statement.conditions.values().any(|tests| {
                    tests
                        .keys()
                        .any(|name| name.eq_ignore_ascii_case("aws:SourceVpce"))
                })
        });
        component.properties.vpc_endpoint_only = vpce_only.then_some(true);
        component.properties.resource_policy =
            self.attached_policies("AWS::S3::BucketPolicy", &["Bucket"], key, false);
        if let Some((acl, actions)) = canned_acl {
            // The grant to everyone is what the template says; the design holds it as the
            // statement that grants the same, and Block Public Access cannot be on with it.
            component.properties.block_public_access = Some(false);
            component
                .properties
                .resource_policy
                .push(zta_model::PolicyStatement {
                    sid: Some(format!("CannedAcl{acl}")),
                    effect: zta_model::Effect::Allow,
                    principals: vec!["*".to_owned()],
                    actions: actions.iter().map(|action| (*action).to_owned()).collect(),
                    resources: vec![component.id.clone()],
                    conditions: Default::default(),
                });
            self.notes.push(format!(
                "bucket {}: the canned ACL `{acl}` grants anyone {}; the design holds it as a resource-policy statement for `*`",
                key.1,
                actions.join(", ")
            ));
        }
        component
    }
}

/// What a canned ACL grants to everyone (`PublicRead`, `PublicReadWrite`) or to every AWS
/// account (`AuthenticatedRead`) on the bucket (Amazon S3 User Guide, "Access control list
/// (ACL) overview", canned ACL): the ACL's name and the bucket actions its grant allows.
fn canned_acl_grant(acl: &str) -> Option<(String, &'static [&'static str])> {
    let actions: &'static [&'static str] = match acl {
        "PublicRead" | "AuthenticatedRead" => &["s3:ListBucket"],
        "PublicReadWrite" => &["s3:ListBucket", "s3:PutObject", "s3:DeleteObject"],
        _ => return None,
    };
    Some((acl.to_owned(), actions))
}

/// Reads `AWS::S3::Bucket` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    Some(im.bucket(key))
}
