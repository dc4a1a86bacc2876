//! Firehose delivery streams: records taken from the Kinesis stream the design's flow reads, or
//! put directly and then encrypted with the design's key, delivered to the S3 bucket the
//! design's flow leads to (encrypted with the same key), and delivery errors logged to a log
//! group of their own. Firehose reads and delivers with a role: the design's identity for the
//! stream, or one of its own trusted by Firehose for this account only.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kinesisfirehose-deliverystream.html>;
//! the role: <https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html>.

use zta_model::{Component, ComponentKind, Flow};

use crate::export::builder::{Builder, Group, tags};
use crate::import::{Importer, ResourceKey};
use crate::policy::{allow_statement, inline_policy, policy_document};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::KinesisFirehose::DeliveryStream";

/// The path of the Kinesis stream a delivery stream reads.
pub(crate) const SOURCE_STREAM: [&str; 2] =
    ["KinesisStreamSourceConfiguration", "KinesisStreamARN"];

/// The destination configurations that deliver to an S3 bucket named by `BucketARN`.
const S3_DESTINATIONS: [&str; 2] = [
    "ExtendedS3DestinationConfiguration",
    "S3DestinationConfiguration",
];

/// The destination configurations that deliver to an AWS service, with the property that names
/// it; each may also back up to (or stage through) a bucket in `S3Configuration`.
pub(crate) const SERVICE_DESTINATIONS: [(&str, &str); 5] = [
    (
        "AmazonopensearchserviceDestinationConfiguration",
        "DomainARN",
    ),
    ("ElasticsearchDestinationConfiguration", "DomainARN"),
    (
        "AmazonOpenSearchServerlessDestinationConfiguration",
        "CollectionEndpoint",
    ),
    ("RedshiftDestinationConfiguration", "ClusterJDBCURL"),
    ("IcebergDestinationConfiguration", "CatalogConfiguration"),
];

/// A destination outside AWS: its configuration, the path of its URL within it, and the paths
/// of the credentials Firehose may present to it.
pub(crate) struct Endpoint {
    pub(crate) configuration: &'static str,
    pub(crate) url: &'static [&'static str],
    pub(crate) credentials: &'static [&'static [&'static str]],
}

/// The destination configurations that deliver to an endpoint outside AWS.
pub(crate) const ENDPOINT_DESTINATIONS: [Endpoint; 3] = [
    Endpoint {
        configuration: "HttpEndpointDestinationConfiguration",
        url: &["EndpointConfiguration", "Url"],
        credentials: &[
            &["EndpointConfiguration", "AccessKey"],
            &["SecretsManagerConfiguration"],
        ],
    },
    Endpoint {
        configuration: "SplunkDestinationConfiguration",
        url: &["HECEndpoint"],
        credentials: &[&["HECToken"], &["SecretsManagerConfiguration"]],
    },
    Endpoint {
        configuration: "SnowflakeDestinationConfiguration",
        url: &["AccountUrl"],
        credentials: &[&["PrivateKey"], &["SecretsManagerConfiguration"]],
    },
];

/// The paths, within a destination configuration, of the buckets it writes to: its own, and
/// the one it stages through or backs up to.
pub(crate) const BUCKET_PATHS: [&[&str]; 3] = [
    &["BucketARN"],
    &["S3Configuration", "BucketARN"],
    &["S3BackupConfiguration", "BucketARN"],
];

/// What Firehose needs on the bucket it delivers to.
const BUCKET_ACTIONS: [&str; 2] = ["s3:GetBucketLocation", "s3:ListBucket"];
/// What Firehose needs on the bucket's objects.
pub(crate) const OBJECT_ACTIONS: [&str; 3] =
    ["s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"];
/// What Firehose needs on the stream it reads.
pub(crate) const STREAM_ACTIONS: [&str; 4] = [
    "kinesis:DescribeStream",
    "kinesis:GetRecords",
    "kinesis:GetShardIterator",
    "kinesis:ListShards",
];
/// What Firehose needs on the key it encrypts deliveries with.
const KEY_ACTIONS: [&str; 2] = ["kms:Decrypt", "kms:GenerateDataKey"];
/// What Firehose needs on its error log group.
const LOG_ACTIONS: [&str; 1] = ["logs:PutLogEvents"];

/// The log stream Firehose writes delivery errors to.
const ERROR_LOG_STREAM: &str = "DestinationDelivery";

/// One grant the delivery role needs: its statement id, actions and resource.
struct Grant {
    sid: &'static str,
    actions: &'static [&'static str],
    resource: Value,
}

/// Whether the export writes a delivery stream: only one drawn with a flow to an S3 bucket, the
/// one destination it writes, so that nothing refers to a stream that is not there.
pub(crate) fn is_exported(b: &Builder<'_>, c: &Component) -> bool {
    b.flows_from(&c.id).iter().any(|flow| {
        b.component(&flow.target)
            .is_some_and(|target| target.kind == ComponentKind::S3Bucket)
    })
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let flows: Vec<Flow> = b.flows_from(&c.id).iter().map(|f| (*f).clone()).collect();
    let target_kind = |b: &Builder<'_>, flow: &Flow| b.component(&flow.target).map(|t| t.kind);
    let Some(destination) = flows
        .iter()
        .find(|flow| target_kind(b, flow) == Some(ComponentKind::S3Bucket))
        .cloned()
    else {
        b.warn(format!(
            "`{}` is drawn without a flow to an S3 bucket, the one destination the export writes; it is not exported",
            c.id
        ));
        return;
    };
    let source = flows
        .iter()
        .find(|flow| target_kind(b, flow) == Some(ComponentKind::KinesisStream))
        .cloned();
    for flow in &flows {
        if flow.id != destination.id && source.as_ref().is_none_or(|source| source.id != flow.id) {
            b.warn(format!(
                "flow `{}` leaves delivery stream `{}` for a second destination or one other than an S3 bucket; the export delivers to `{}` only",
                flow.id, c.id, destination.target
            ));
        }
    }
    let stream = b.logical_id(&c.id);
    let key = b.key_arn(&unit, c);
    let bucket = b.component_ref(&unit, &destination.target, Some("Arn"));
    let mut grants = Vec::new();
    // A flow that states its actions is granted through the role's flow statements when the
    // role is the design's; otherwise the delivery role gets what Firehose needs.
    if destination.actions.is_empty() || c.identity.is_none() {
        grants.push(Grant {
            sid: "DeliverToBucket",
            actions: &BUCKET_ACTIONS,
            resource: bucket.clone(),
        });
        grants.push(Grant {
            sid: "DeliverObjects",
            actions: &OBJECT_ACTIONS,
            resource: Value::sub_with("${Bucket}/*", [("Bucket", bucket.clone())]),
        });
    }
    grants.push(Grant {
        sid: "EncryptDeliveries",
        actions: &KEY_ACTIONS,
        resource: key.clone(),
    });
    let mut resource = Resource::new(RESOURCE_TYPE);
    let role_arn = Value::get_att(b.logical_id_for(&c.id, "Role"), "Arn");
    let role = match &c.identity {
        Some(identity) => b.role_arn(&unit, identity),
        None => role_arn,
    };
    match &source {
        Some(flow) => {
            let stream_arn = b.component_ref(&unit, &flow.target, Some("Arn"));
            if flow.actions.is_empty() || c.identity.is_none() {
                grants.push(Grant {
                    sid: "ReadSourceStream",
                    actions: &STREAM_ACTIONS,
                    resource: stream_arn.clone(),
                });
            }
            if let Some(stream_component) = b.component(&flow.target).cloned() {
                grants.push(Grant {
                    sid: "DecryptSourceStream",
                    actions: &["kms:Decrypt"],
                    resource: b.key_arn(&unit, &stream_component),
                });
            }
            // Records read from a Kinesis stream stay encrypted with the stream's key:
            // Firehose takes no encryption setting of its own for them.
            resource = resource
                .with_property("DeliveryStreamType", "KinesisStreamAsSource")
                .with_property(
                    "KinesisStreamSourceConfiguration",
                    Value::map([("KinesisStreamARN", stream_arn), ("RoleARN", role.clone())]),
                );
        }
        None => {
            resource = resource.with_property("DeliveryStreamType", "DirectPut");
            if c.properties.encrypted_at_rest != Some(false) {
                resource = resource.with_property(
                    "DeliveryStreamEncryptionConfigurationInput",
                    Value::map([
                        ("KeyType", Value::string("CUSTOMER_MANAGED_CMK")),
                        ("KeyARN", key.clone()),
                    ]),
                );
            }
        }
    }
    let mut s3 = vec![
        ("BucketARN", bucket),
        ("RoleARN", role),
        ("CompressionFormat", Value::string("GZIP")),
        (
            "BufferingHints",
            Value::map([
                ("IntervalInSeconds", Value::from(300_u32)),
                ("SizeInMBs", Value::from(5_u32)),
            ]),
        ),
        (
            "EncryptionConfiguration",
            Value::map([("KMSEncryptionConfig", Value::map([("AWSKMSKeyARN", key)]))]),
        ),
    ];
    if c.properties.logging != Some(false) {
        let log_group = b.log_group(
            &unit,
            b.logical_id_for(&c.id, "LogGroup"),
            &c.id,
            group.clone(),
            None,
            None,
        );
        let log_stream = b.logical_id_for(&c.id, "LogStream");
        b.put(
            &unit,
            log_stream.clone(),
            &c.id,
            group.clone(),
            Resource::new("AWS::Logs::LogStream")
                .with_property("LogGroupName", Value::reference(&log_group))
                .with_property("LogStreamName", ERROR_LOG_STREAM),
        );
        grants.push(Grant {
            sid: "LogDeliveryErrors",
            actions: &LOG_ACTIONS,
            resource: Value::get_att(&log_group, "Arn"),
        });
        s3.push((
            "CloudWatchLoggingOptions",
            Value::map([
                ("Enabled", Value::from(true)),
                ("LogGroupName", Value::reference(&log_group)),
                ("LogStreamName", Value::reference(&log_stream)),
            ]),
        ));
    }
    resource = resource
        .with_property("ExtendedS3DestinationConfiguration", Value::map(s3))
        .with_property("Tags", tags(&c.id, &c.tags));
    match &c.identity {
        Some(identity) => {
            for grant in grants {
                b.role_statement(identity, grant.sid, grant.actions, grant.resource);
            }
        }
        None => own_delivery_role(b, &unit, c, grants),
    }
    b.put(&unit, stream.clone(), &c.id, group, resource);
    if source.is_some() {
        for check in ["CKV_AWS_240", "CKV_AWS_241"] {
            b.skip_checkov(
                &unit,
                &stream,
                check,
                "The delivery stream reads a Kinesis stream, whose own key encrypts the records; Firehose takes no encryption setting then.",
            );
        }
    }
}

/// What the design states about a delivery stream that its export cannot show: whether records
/// rest encrypted, when they come from a Kinesis stream (whose own key then protects them).
pub(crate) fn drawn(b: &Builder<'_>, c: &Component) -> serde_json::Map<String, serde_json::Value> {
    let reads_stream = b.flows_from(&c.id).iter().any(|flow| {
        b.component(&flow.target)
            .is_some_and(|target| target.kind == ComponentKind::KinesisStream)
    });
    if reads_stream {
        crate::marker::drawn_properties(c, &["encrypted_at_rest"])
    } else {
        serde_json::Map::new()
    }
}

/// The delivery stream's own role: trusted by Firehose on this account's behalf only (the
/// confused-deputy guard), with the grants it needs.
fn own_delivery_role(b: &mut Builder<'_>, unit: &str, c: &Component, grants: Vec<Grant>) {
    let trust = policy_document(vec![Value::map([
        ("Effect", Value::string("Allow")),
        (
            "Principal",
            Value::map([("Service", Value::string("firehose.amazonaws.com"))]),
        ),
        ("Action", Value::string("sts:AssumeRole")),
        (
            "Condition",
            Value::map([(
                "StringEquals",
                Value::map([("aws:SourceAccount", Value::reference("AWS::AccountId"))]),
            )]),
        ),
    ])]);
    let statements = grants
        .into_iter()
        .map(|grant| {
            let actions: Vec<String> = grant.actions.iter().map(|a| (*a).to_owned()).collect();
            allow_statement(grant.sid, &actions, vec![grant.resource])
        })
        .collect();
    b.put(
        unit,
        b.logical_id_for(&c.id, "Role"),
        &c.id,
        Group::Security,
        Resource::new("AWS::IAM::Role")
            .with_property("AssumeRolePolicyDocument", trust)
            .with_property(
                "Policies",
                inline_policy("delivery", policy_document(statements)),
            ),
    );
}

/// Reads `AWS::KinesisFirehose::DeliveryStream` into a component. Records from a Kinesis
/// stream rest encrypted as the stream encrypts them; direct puts only when the stream's
/// server-side encryption is on. Its flows are read once every element exists
/// (`import::flows::streams`).
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::FirehoseStream);
    let source = im.property(key.0, &key.1, &SOURCE_STREAM);
    let source_stream = im
        .element_of(&source)
        .and_then(|id| im.design.component(&id).cloned());
    let configurations = destinations(im, key);
    let p = &mut component.properties;
    match source_stream {
        Some(stream) => {
            p.encrypted_at_rest = Some(stream.properties.encrypted_at_rest == Some(true));
            component.encryption_key = stream.encryption_key;
        }
        None => {
            // A stream fed by a stream outside the template keeps what that stream does, which
            // the template cannot show: it reads as unencrypted.
            let sse = ["DeliveryStreamEncryptionConfigurationInput"];
            let key_type = im.text(key, &[sse[0], "KeyType"]);
            p.encrypted_at_rest = Some(key_type.is_some());
            component.encryption_key = im.key_component(key, &[sse[0], "KeyARN"]);
        }
    }
    component.properties.logging = Some(configurations.iter().any(|configuration| {
        im.flag(key, &[configuration, "CloudWatchLoggingOptions", "Enabled"]) == Some(true)
    }));
    let roles = configurations
        .iter()
        .map(|configuration| im.property(key.0, &key.1, &[configuration, "RoleARN"]))
        .chain([im.property(
            key.0,
            &key.1,
            &["KinesisStreamSourceConfiguration", "RoleARN"],
        )]);
    component.identity = roles.into_iter().find_map(|role| im.role_of(&role));
    Some(component)
}

/// The destination configurations a delivery stream sets.
pub(crate) fn destinations(im: &Importer<'_>, key: &ResourceKey) -> Vec<&'static str> {
    let resource = im.resource(key);
    S3_DESTINATIONS
        .into_iter()
        .chain(SERVICE_DESTINATIONS.map(|(name, _)| name))
        .chain(ENDPOINT_DESTINATIONS.map(|endpoint| endpoint.configuration))
        .filter(|name| resource.property(name).is_some())
        .collect()
}
