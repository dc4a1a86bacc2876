//! OpenSearch domains: in the VPC, behind the security group its flows open, when drawn in a
//! subnet (drawn in a region, the domain has a public endpoint); encrypted at rest with the
//! design's key and between nodes, HTTPS only with a TLS 1.2 policy, audit and error logs
//! published to a log group, and an access policy that admits the account's IAM identities,
//! the roles of callers drawn with `auth: iam` and what the design's resource policy adds.
//! Legacy `AWS::Elasticsearch::Domain` resources are read the same way.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-opensearchservice-domain.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticsearch-domain.html>;
//! TLS policies: <https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html>.

use zta_model::{Auth, Component, ComponentKind, Tier};

use crate::export::builder::{Builder, tags};
use crate::export::support::stateful;
use crate::import::eval::Sym;
use crate::import::{Importer, ResourceKey};
use crate::policy::policy_document;
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::OpenSearchService::Domain";

/// The legacy resource type of a domain, read only.
pub(crate) const LEGACY_TYPE: &str = "AWS::Elasticsearch::Domain";

/// The TLS policy the export writes when the design names none: TLS 1.2 or later with forward
/// secrecy.
const DEFAULT_TLS_POLICY: &str = "Policy-Min-TLS-1-2-PFS-2023-10";

/// The log types a domain publishes: who did what, and what failed.
const LOG_TYPES: [&str; 2] = ["AUDIT_LOGS", "ES_APPLICATION_LOGS"];

/// What a caller signing with its role may do on a domain's indexes.
const CALLER_ACTIONS: [&str; 4] = [
    "es:ESHttpDelete",
    "es:ESHttpGet",
    "es:ESHttpPost",
    "es:ESHttpPut",
];

/// The domain name the export gives a component: OpenSearch takes 3 to 28 lowercase letters,
/// digits and hyphens, starting with a letter.
fn domain_name(c: &Component) -> String {
    let mut name: String =
        c.id.to_ascii_lowercase()
            .chars()
            .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
            .collect();
    if !name.starts_with(|ch: char| ch.is_ascii_lowercase()) {
        name.insert_str(0, "d-");
    }
    name.truncate(28);
    while name.len() < 3 {
        name.push('0');
    }
    name
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let domain = b.logical_id(&c.id);
    let p = &c.properties;
    let name = domain_name(c);
    let multi_az = p.multi_az == Some(true);
    let subnet = b.subnet_of(c);
    if subnet.is_none() && p.publicly_accessible != Some(true) {
        b.warn(format!(
            "`{}` is drawn outside a subnet: it is exported with a public endpoint, reached only through its access policy; draw it in a subnet to keep it in the VPC",
            c.id
        ));
    } else if subnet.is_some() && p.publicly_accessible == Some(true) {
        b.warn(format!(
            "`{}` is drawn in a subnet with `publicly_accessible: true`: a domain in a VPC has no public endpoint, so it is exported private",
            c.id
        ));
    }
    let indexes = Value::sub(format!(
        "arn:${{AWS::Partition}}:es:${{AWS::Region}}:${{AWS::AccountId}}:domain/{name}/*"
    ));
    // The account itself is trusted, so that IAM policies decide who reaches the domain; the
    // roles of callers drawn with `auth: iam` are named so that the policy shows them.
    let mut statements = vec![Value::map([
        ("Sid", Value::string("AccountIdentities")),
        ("Effect", Value::string("Allow")),
        (
            "Principal",
            Value::map([(
                "AWS",
                Value::sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root"),
            )]),
        ),
        ("Action", Value::string("es:*")),
        ("Resource", indexes.clone()),
    ])];
    let callers: Vec<String> = b
        .flows_to(&c.id)
        .iter()
        .filter(|flow| flow.auth == Auth::Iam)
        .filter_map(|flow| crate::export::statements::caller_role(b, flow))
        .map(|identity| identity.id.clone())
        .collect();
    for identity in callers {
        let role_unit = b
            .identity(&identity)
            .map(|role| b.unit_of_identity(role))
            .unwrap_or_else(|| unit.clone());
        if role_unit == unit {
            b.role_statement(&identity, "SearchDomain", &CALLER_ACTIONS, indexes.clone());
        }
    }
    statements.extend(crate::export::statements::statements(
        b,
        &unit,
        &p.resource_policy,
        true,
    ));
    let in_transit = p.encrypted_in_transit != Some(false);
    let encrypted = p.encrypted_at_rest != Some(false);
    let mut cluster = vec![
        (
            "InstanceType",
            Value::string(
                p.instance_type
                    .clone()
                    .unwrap_or_else(|| "r6g.large.search".into()),
            ),
        ),
        (
            "InstanceCount",
            Value::from(if multi_az { 2_u32 } else { 1 }),
        ),
        ("ZoneAwarenessEnabled", Value::from(multi_az)),
    ];
    if multi_az {
        cluster.push((
            "ZoneAwarenessConfig",
            Value::map([("AvailabilityZoneCount", Value::from(2_u32))]),
        ));
    }
    let mut at_rest = vec![("Enabled", Value::from(encrypted))];
    if encrypted {
        at_rest.push(("KmsKeyId", b.key_arn(&unit, c)));
    }
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("DomainName", name.clone())
        .with_property(
            "EngineVersion",
            p.engine_version
                .clone()
                .unwrap_or_else(|| "OpenSearch_2.19".into()),
        )
        .with_property("ClusterConfig", Value::map(cluster))
        .with_property(
            "EBSOptions",
            Value::map([
                ("EBSEnabled", Value::from(true)),
                ("VolumeType", Value::string("gp3")),
                ("VolumeSize", Value::from(20_u32)),
            ]),
        )
        .with_property("EncryptionAtRestOptions", Value::map(at_rest))
        .with_property(
            "NodeToNodeEncryptionOptions",
            Value::map([("Enabled", Value::from(in_transit))]),
        )
        .with_property(
            "DomainEndpointOptions",
            Value::map([
                ("EnforceHTTPS", Value::from(in_transit)),
                (
                    "TLSSecurityPolicy",
                    Value::string(
                        p.tls_policy
                            .clone()
                            .unwrap_or_else(|| DEFAULT_TLS_POLICY.into()),
                    ),
                ),
            ]),
        )
        .with_property("AccessPolicies", policy_document(statements));
    if let Some(subnet) = subnet {
        let zones = if multi_az {
            b.spread_subnets(subnet)
        } else {
            vec![subnet]
        };
        resource = resource.with_property(
            "VPCOptions",
            Value::map([
                ("SubnetIds", Value::list(b.segment_refs(&zones))),
                (
                    "SecurityGroupIds",
                    Value::list([Value::get_att(
                        b.logical_id_for(&c.id, "SecurityGroup"),
                        "GroupId",
                    )]),
                ),
            ]),
        );
    }
    if p.logging != Some(false) {
        let log_group = b.log_group(
            &unit,
            b.logical_id_for(&c.id, "LogGroup"),
            &c.id,
            group.clone(),
            None,
            Some(Value::string(format!("/aws/opensearch/{name}"))),
        );
        b.put(
            &unit,
            b.logical_id_for(&c.id, "LogPolicy"),
            &c.id,
            group.clone(),
            Resource::new("AWS::Logs::ResourcePolicy")
                .with_property("PolicyName", format!("{name}-logs"))
                .with_property(
                    "PolicyDocument",
                    Value::sub(format!(
                        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Service":"es.amazonaws.com"}},"Action":["logs:PutLogEvents","logs:CreateLogStream"],"Resource":"${{{log_group}.Arn}}","Condition":{{"StringEquals":{{"aws:SourceAccount":"${{AWS::AccountId}}"}}}}}}]}}"#
                    )),
                ),
        );
        let options = LOG_TYPES.map(|log_type| {
            (
                log_type,
                Value::map([
                    (
                        "CloudWatchLogsLogGroupArn",
                        Value::get_att(&log_group, "Arn"),
                    ),
                    ("Enabled", Value::from(true)),
                ]),
            )
        });
        resource = resource.with_property("LogPublishingOptions", Value::map(options));
        // OpenSearch checks that it may write to the log group when the domain is created.
        resource
            .depends_on
            .push(b.logical_id_for(&c.id, "LogPolicy"));
    }
    resource = resource.with_property("Tags", tags(&c.id, &c.tags));
    stateful(&mut resource, "Retain");
    b.put(&unit, domain, &c.id, group, resource);
}

/// What the design states about a domain that its export cannot show: a public endpoint asked
/// of a domain drawn in a subnet, or a private one asked of a domain drawn outside any, which
/// the export places as drawn (with a warning).
pub(crate) fn drawn(b: &Builder<'_>, c: &Component) -> serde_json::Map<String, serde_json::Value> {
    let in_subnet = b.subnet_of(c).is_some();
    match c.properties.publicly_accessible {
        Some(public) if public == in_subnet => {
            crate::marker::drawn_properties(c, &["publicly_accessible"])
        }
        _ => serde_json::Map::new(),
    }
}

/// Reads an OpenSearch (or legacy Elasticsearch) domain into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let legacy = im.resource(key).resource_type == LEGACY_TYPE;
    let (cluster, version) = if legacy {
        ("ElasticsearchClusterConfig", "ElasticsearchVersion")
    } else {
        ("ClusterConfig", "EngineVersion")
    };
    let subnets = im.property(key.0, &key.1, &["VPCOptions", "SubnetIds"]);
    let in_vpc = !matches!(subnets, Sym::NoValue);
    let mut component = if in_vpc {
        let subnet = im.subnet_for(&subnets, Tier::Private);
        im.new_component(key, ComponentKind::OpensearchDomain, subnet)
    } else {
        im.account_component(key, ComponentKind::OpensearchDomain)
    };
    let p = &mut component.properties;
    p.publicly_accessible = Some(!in_vpc);
    p.engine_version = im.text(key, &[version]);
    p.instance_type = im.text(key, &[cluster, "InstanceType"]);
    p.multi_az = Some(im.flag(key, &[cluster, "ZoneAwarenessEnabled"]) == Some(true));
    p.encrypted_at_rest = Some(im.flag(key, &["EncryptionAtRestOptions", "Enabled"]) == Some(true));
    p.encrypted_in_transit = Some(
        im.flag(key, &["NodeToNodeEncryptionOptions", "Enabled"]) == Some(true)
            && im.flag(key, &["DomainEndpointOptions", "EnforceHTTPS"]) == Some(true),
    );
    p.tls_policy = im.text(key, &["DomainEndpointOptions", "TLSSecurityPolicy"]);
    p.logging = Some(LOG_TYPES.iter().any(|log_type| {
        im.flag(key, &["LogPublishingOptions", log_type, "Enabled"]) == Some(true)
    }));
    let document = im.resource(key).property("AccessPolicies").cloned();
    let designer = im.designer_element(key).is_some();
    p.resource_policy = document
        .map(|document| im.statements(key.0, &document))
        .unwrap_or_default()
        .into_iter()
        // The statement an export writes for the account's identities is the kind's, not the
        // design's.
        .filter(|statement| !(designer && statement.sid.as_deref() == Some("AccountIdentities")))
        .collect();
    component.encryption_key = im.key_component(key, &["EncryptionAtRestOptions", "KmsKeyId"]);
    Some(component)
}
