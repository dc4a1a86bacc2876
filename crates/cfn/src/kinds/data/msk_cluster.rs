//! MSK clusters: brokers in each zone of the tier the cluster is drawn in, behind the security
//! group its flows open; data volumes encrypted with the design's key, TLS between clients and
//! brokers and between brokers, clients signing in with IAM (SASL/SCRAM passwords when the
//! design turns IAM off, never unauthenticated), no public access unless the design asks for
//! it, and broker logs in a log group. Serverless clusters are read too; they always take TLS
//! and IAM.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-msk-cluster.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-msk-serverlesscluster.html>;
//! client authentication: <https://docs.aws.amazon.com/msk/latest/developerguide/kafka_apis_iam.html>.

use zta_model::{Auth, Component, ComponentKind, Tier};

use crate::export::builder::{Builder, tag_map};
use crate::import::eval::Sym;
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::MSK::Cluster";

/// The resource type of a serverless cluster, read only.
pub(crate) const SERVERLESS_TYPE: &str = "AWS::MSK::ServerlessCluster";

/// What a client signing with its role needs to produce and consume.
pub(crate) const CLIENT_ACTIONS: [&str; 6] = [
    "kafka-cluster:Connect",
    "kafka-cluster:DescribeGroup",
    "kafka-cluster:AlterGroup",
    "kafka-cluster:DescribeTopic",
    "kafka-cluster:ReadData",
    "kafka-cluster:WriteData",
];

/// The cluster name the export gives a component: MSK takes 1 to 64 letters, digits and hyphens,
/// starting with a letter.
fn cluster_name(c: &Component) -> String {
    let mut name: String =
        c.id.chars()
            .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
            .collect();
    if !name.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        name.insert_str(0, "c-");
    }
    name.truncate(64);
    name
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let group = b.workload_group(c);
    let p = &c.properties;
    let zones = b.spread_subnets(subnet);
    let brokers = u32::try_from(zones.len()).unwrap_or(2).max(2);
    let in_transit = p.encrypted_in_transit != Some(false);
    let iam = p.iam_auth != Some(false);
    if p.encrypted_at_rest == Some(false) {
        b.warn(format!(
            "`{}` is drawn with `encrypted_at_rest: false`: MSK always encrypts its data volumes, so it is exported encrypted with the design's key",
            c.id
        ));
    }
    let public = p.publicly_accessible == Some(true);
    if public && !in_transit {
        b.warn(format!(
            "`{}` is drawn public without TLS: MSK opens public access only to TLS clients, so it is exported private",
            c.id
        ));
    }
    let authentication = if iam {
        Value::map([(
            "Sasl",
            Value::map([("Iam", Value::map([("Enabled", Value::from(true))]))]),
        )])
    } else {
        Value::map([(
            "Sasl",
            Value::map([("Scram", Value::map([("Enabled", Value::from(true))]))]),
        )])
    };
    let mut broker_group = vec![
        (
            "InstanceType",
            Value::string(
                p.instance_type
                    .clone()
                    .unwrap_or_else(|| "kafka.m7g.large".into()),
            ),
        ),
        ("ClientSubnets", Value::list(b.segment_refs(&zones))),
        (
            "SecurityGroups",
            Value::list([Value::get_att(
                b.logical_id_for(&c.id, "SecurityGroup"),
                "GroupId",
            )]),
        ),
        (
            "StorageInfo",
            Value::map([(
                "EBSStorageInfo",
                Value::map([("VolumeSize", Value::from(100_u32))]),
            )]),
        ),
    ];
    if public && in_transit {
        broker_group.push((
            "ConnectivityInfo",
            Value::map([(
                "PublicAccess",
                Value::map([("Type", Value::string("SERVICE_PROVIDED_EIPS"))]),
            )]),
        ));
    }
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("ClusterName", cluster_name(c))
        .with_property(
            "KafkaVersion",
            p.engine_version.clone().unwrap_or_else(|| "3.6.0".into()),
        )
        .with_property("NumberOfBrokerNodes", brokers)
        .with_property("BrokerNodeGroupInfo", Value::map(broker_group))
        .with_property(
            "EncryptionInfo",
            Value::map([
                (
                    "EncryptionAtRest",
                    Value::map([("DataVolumeKMSKeyId", b.key_arn(&unit, c))]),
                ),
                (
                    "EncryptionInTransit",
                    Value::map([
                        (
                            "ClientBroker",
                            Value::string(if in_transit { "TLS" } else { "TLS_PLAINTEXT" }),
                        ),
                        ("InCluster", Value::from(in_transit)),
                    ]),
                ),
            ]),
        )
        .with_property("ClientAuthentication", authentication);
    if p.logging != Some(false) {
        let log_group = b.log_group(
            &unit,
            b.logical_id_for(&c.id, "LogGroup"),
            &c.id,
            group.clone(),
            None,
            None,
        );
        resource = resource.with_property(
            "LoggingInfo",
            Value::map([(
                "BrokerLogs",
                Value::map([(
                    "CloudWatchLogs",
                    Value::map([
                        ("Enabled", Value::from(true)),
                        ("LogGroup", Value::reference(&log_group)),
                    ]),
                )]),
            )]),
        );
    }
    resource = resource.with_property("Tags", tag_map(&c.id, &c.tags));
    b.put(&unit, b.logical_id(&c.id), &c.id, group, resource);
    // Callers drawn with `auth: iam` sign in with their role, which needs the client actions.
    let callers: Vec<String> = b
        .flows_to(&c.id)
        .iter()
        .filter(|flow| flow.auth == Auth::Iam)
        .filter_map(|flow| crate::export::statements::caller_role(b, flow))
        .map(|identity| identity.id.clone())
        .collect();
    let cluster = b.logical_id(&c.id);
    for identity in callers {
        let role_unit = b
            .identity(&identity)
            .map(|role| b.unit_of_identity(role))
            .unwrap_or_else(|| unit.clone());
        if role_unit == unit {
            let arn = Value::get_att(&cluster, "Arn");
            b.role_statement(&identity, "UseKafkaCluster", &CLIENT_ACTIONS, arn);
        }
    }
}

/// What the design states about a cluster that its export cannot show: data volumes drawn
/// unencrypted (MSK always encrypts them), and public access drawn without TLS (MSK opens it
/// only to TLS clients).
pub(crate) fn drawn(c: &Component) -> serde_json::Map<String, serde_json::Value> {
    let p = &c.properties;
    let mut names = Vec::new();
    if p.encrypted_at_rest == Some(false) {
        names.push("encrypted_at_rest");
    }
    if p.publicly_accessible == Some(true) && p.encrypted_in_transit == Some(false) {
        names.push("publicly_accessible");
    }
    crate::marker::drawn_properties(c, &names)
}

/// Reads an MSK cluster (provisioned or serverless) into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let serverless = im.resource(key).resource_type == SERVERLESS_TYPE;
    let subnets = if serverless {
        first_vpc_config_subnets(im, key)
    } else {
        im.property(key.0, &key.1, &["BrokerNodeGroupInfo", "ClientSubnets"])
    };
    let subnet = im.subnet_for(&subnets, Tier::Private);
    let mut component = im.new_component(key, ComponentKind::MskCluster, subnet);
    let p = &mut component.properties;
    // MSK encrypts data volumes always, with an AWS-managed key unless one is named.
    p.encrypted_at_rest = Some(true);
    if serverless {
        // Serverless clusters take TLS and IAM only, and keep no broker logs.
        p.encrypted_in_transit = Some(true);
        p.iam_auth = Some(true);
        p.publicly_accessible = Some(false);
        return Some(component);
    }
    p.engine_version = im.text(key, &["KafkaVersion"]);
    p.instance_type = im.text(key, &["BrokerNodeGroupInfo", "InstanceType"]);
    p.publicly_accessible = Some(
        im.text(
            key,
            &[
                "BrokerNodeGroupInfo",
                "ConnectivityInfo",
                "PublicAccess",
                "Type",
            ],
        )
        .as_deref()
            == Some("SERVICE_PROVIDED_EIPS"),
    );
    let in_transit = ["EncryptionInfo", "EncryptionInTransit"];
    // Left out, clients and brokers use TLS only and brokers encrypt between them.
    let client_broker = im.text(key, &[in_transit[0], in_transit[1], "ClientBroker"]);
    let in_cluster = im.flag(key, &[in_transit[0], in_transit[1], "InCluster"]);
    p.encrypted_in_transit = Some(
        client_broker.as_deref().is_none_or(|mode| mode == "TLS") && in_cluster != Some(false),
    );
    p.iam_auth =
        Some(im.flag(key, &["ClientAuthentication", "Sasl", "Iam", "Enabled"]) == Some(true));
    p.logging = Some(["CloudWatchLogs", "Firehose", "S3"].iter().any(|target| {
        im.flag(key, &["LoggingInfo", "BrokerLogs", target, "Enabled"]) == Some(true)
    }));
    component.encryption_key = im.key_component(
        key,
        &["EncryptionInfo", "EncryptionAtRest", "DataVolumeKMSKeyId"],
    );
    Some(component)
}

/// The subnets of a serverless cluster's first VPC configuration.
fn first_vpc_config_subnets(im: &Importer<'_>, key: &ResourceKey) -> Sym {
    let Some(configs) = im.resource(key).property("VpcConfigs").cloned() else {
        return Sym::NoValue;
    };
    im.list_items(key.0, &configs)
        .first()
        .and_then(|config| config.get("SubnetIds"))
        .map(|subnets| im.eval(key.0, subnets))
        .unwrap_or(Sym::NoValue)
}

/// How clients authenticate to a cluster of the template, for flows drawn from its security
/// group: with nothing when unauthenticated access is on (also when the template sets no client
/// authentication, MSK's default), else with IAM, a SCRAM password or a client certificate.
pub(crate) fn client_auth(im: &Importer<'_>, key: &ResourceKey) -> Auth {
    if im.resource(key).resource_type == SERVERLESS_TYPE {
        return Auth::Iam;
    }
    let on = |path: &[&str]| {
        let mut full = vec!["ClientAuthentication"];
        full.extend_from_slice(path);
        im.flag(key, &full) == Some(true)
    };
    let certificates = !matches!(
        im.property(
            key.0,
            &key.1,
            &["ClientAuthentication", "Tls", "CertificateAuthorityArnList"]
        ),
        Sym::NoValue
    );
    if on(&["Unauthenticated", "Enabled"]) {
        Auth::None
    } else if on(&["Sasl", "Iam", "Enabled"]) {
        Auth::Iam
    } else if on(&["Sasl", "Scram", "Enabled"]) {
        Auth::Password
    } else if on(&["Tls", "Enabled"]) || certificates {
        Auth::Mtls
    } else {
        Auth::None
    }
}
