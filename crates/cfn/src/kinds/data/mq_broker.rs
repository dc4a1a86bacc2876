//! Amazon MQ brokers (ActiveMQ or RabbitMQ): in the subnets of the tier the broker is drawn in,
//! behind the security group its flows open, active/standby (ActiveMQ) or a three-node cluster
//! (RabbitMQ) over two zones unless the design says `multi_az: false`, private unless the design
//! asks for a public endpoint, encrypted with the design's key (ActiveMQ; RabbitMQ takes only an
//! AWS-owned key), its general and audit logs in CloudWatch Logs, and its one user's password
//! generated into Secrets Manager, so the template holds only a dynamic reference. Amazon MQ
//! accepts only TLS on its endpoints (OpenWire, AMQP, STOMP, MQTT, WSS and the console), so a
//! broker is always encrypted in transit.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-amazonmq-broker.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-amazonmq-configuration.html>;
//! encryption: <https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/data-protection.html>.

use zta_model::{Component, ComponentKind, Tier};

use crate::export::builder::{Builder, tags};
use crate::export::support::stateful;
use crate::import::{Disposition, Importer, ResourceKey};
use crate::kinds::data::db_cluster::record_not_known;
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::AmazonMQ::Broker";

/// The resource type of a broker configuration, folded into the broker that uses it.
pub(crate) const CONFIGURATION_TYPE: &str = "AWS::AmazonMQ::Configuration";

/// The engines Amazon MQ runs, as the design names them.
const ENGINES: [&str; 2] = ["activemq", "rabbitmq"];

/// Whether an engine (as the design names it, `activemq` or `rabbitmq`) is RabbitMQ, which
/// keeps no audit log and encrypts only with an AWS-owned key.
fn is_rabbitmq(engine: Option<&str>) -> bool {
    engine == Some(ENGINES[1])
}

/// The broker name the export gives a component: Amazon MQ takes 1 to 50 letters, digits,
/// hyphens and underscores.
fn broker_name(c: &Component) -> String {
    let mut name: String =
        c.id.chars()
            .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
            .collect();
    name.truncate(50);
    name
}

/// Whether the broker can run in two zones where it is drawn: the design does not turn it off
/// and the tier offers two zones.
fn spans_zones(b: &Builder<'_>, c: &Component) -> bool {
    c.properties.multi_az != Some(false)
        && b.subnet_of(c)
            .is_some_and(|subnet| b.spread_subnets(subnet).len() >= 2)
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let group = b.workload_group(c);
    let p = &c.properties;
    let rabbit = is_rabbitmq(p.engine.as_deref());
    let multi_az = spans_zones(b, c);
    let zones = b.spread_subnets(subnet);
    let subnets = if multi_az { &zones[..2] } else { &zones[..1] };
    if p.encrypted_at_rest == Some(false) {
        b.warn(format!(
            "`{}` is drawn with `encrypted_at_rest: false`: Amazon MQ always encrypts its storage, so it is exported encrypted",
            c.id
        ));
    }
    if p.encrypted_in_transit == Some(false) {
        b.warn(format!(
            "`{}` is drawn with `encrypted_in_transit: false`: Amazon MQ accepts only TLS on its endpoints, so it is exported with TLS",
            c.id
        ));
    }
    if p.multi_az == Some(true) && !multi_az {
        b.warn(format!(
            "`{}` is drawn Multi-AZ, but its tier offers one zone: it is exported as a single instance",
            c.id
        ));
    }
    if rabbit && c.encryption_key.is_some() {
        b.warn(format!(
            "`{}` is a RabbitMQ broker, which Amazon MQ encrypts only with an AWS-owned key: its `encryption_key` is not used",
            c.id
        ));
    }
    let mode = match (multi_az, rabbit) {
        (false, _) => "SINGLE_INSTANCE",
        (true, false) => "ACTIVE_STANDBY_MULTI_AZ",
        (true, true) => "CLUSTER_MULTI_AZ",
    };
    // The broker's one user signs in with a password Secrets Manager generates; the template
    // holds only a dynamic reference to it. Amazon MQ refuses commas, colons and equals signs.
    let secret = b.logical_id_for(&c.id, "UserSecret");
    let mut user_secret = Resource::new("AWS::SecretsManager::Secret")
        .with_property("Description", format!("Broker user of {}", c.name))
        .with_property("KmsKeyId", b.default_key_arn(&unit))
        .with_property(
            "GenerateSecretString",
            Value::map([
                (
                    "SecretStringTemplate",
                    Value::string(r#"{"username":"broker"}"#),
                ),
                ("GenerateStringKey", Value::string("password")),
                ("PasswordLength", Value::from(32_u32)),
                ("ExcludePunctuation", Value::from(true)),
            ]),
        );
    stateful(&mut user_secret, "Retain");
    b.put(&unit, secret.clone(), &c.id, group.clone(), user_secret);
    b.skip_checkov(
        &unit,
        &secret,
        "CKV2_AWS_57",
        "Amazon MQ broker passwords cannot be rotated by a Secrets Manager schedule without an application-specific rotation function; rotate with UpdateUser.",
    );
    let encryption = if rabbit {
        Value::map([("UseAwsOwnedKey", Value::from(true))])
    } else {
        Value::map([
            ("UseAwsOwnedKey", Value::from(false)),
            ("KmsKeyId", b.key_arn(&unit, c)),
        ])
    };
    let mut logs = vec![("General", Value::from(p.logging != Some(false)))];
    if !rabbit {
        logs.push(("Audit", Value::from(p.logging != Some(false))));
    }
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("BrokerName", broker_name(c))
        .with_property("EngineType", if rabbit { "RABBITMQ" } else { "ACTIVEMQ" })
        .with_property(
            "EngineVersion",
            p.engine_version
                .clone()
                .unwrap_or_else(|| if rabbit { "3.13" } else { "5.18" }.to_owned()),
        )
        .with_property("AutoMinorVersionUpgrade", true)
        .with_property(
            "HostInstanceType",
            p.instance_type
                .clone()
                .unwrap_or_else(|| "mq.m5.large".to_owned()),
        )
        .with_property("DeploymentMode", mode)
        .with_property("PubliclyAccessible", p.publicly_accessible == Some(true))
        .with_property("SubnetIds", Value::list(b.segment_refs(subnets)))
        .with_property(
            "SecurityGroups",
            Value::list([Value::get_att(
                b.logical_id_for(&c.id, "SecurityGroup"),
                "GroupId",
            )]),
        )
        .with_property("AuthenticationStrategy", "SIMPLE")
        .with_property(
            "Users",
            Value::list([Value::map([
                ("Username", Value::string("broker")),
                (
                    "Password",
                    Value::sub(format!(
                        "{{{{resolve:secretsmanager:${{{secret}}}:SecretString:password}}}}"
                    )),
                ),
                ("ConsoleAccess", Value::from(false)),
            ])]),
        )
        .with_property("EncryptionOptions", encryption)
        .with_property("Logs", Value::map(logs))
        .with_property("Tags", tags(&c.id, &c.tags));
    if p.logging != Some(false) {
        // Amazon MQ creates its log groups (`/aws/amazonmq/broker/<id>/...`) itself and checks
        // that it may write to them when the broker is created.
        let policy = b.logical_id_for(&c.id, "LogPolicy");
        b.put(
            &unit,
            policy.clone(),
            &c.id,
            group.clone(),
            Resource::new("AWS::Logs::ResourcePolicy")
                .with_property("PolicyName", format!("{}-logs", broker_name(c)))
                .with_property(
                    "PolicyDocument",
                    Value::sub(
                        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"mq.amazonaws.com"},"Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/amazonmq/*","Condition":{"StringEquals":{"aws:SourceAccount":"${AWS::AccountId}"}}}]}"#,
                    ),
                ),
        );
        resource.depends_on.push(policy);
    }
    stateful(&mut resource, "Retain");
    b.put(&unit, b.logical_id(&c.id), &c.id, group, resource);
}

/// What the design states about a broker that its export cannot show: an engine Amazon MQ does
/// not run (exported as ActiveMQ), storage drawn unencrypted or endpoints drawn without TLS
/// (Amazon MQ always encrypts both), and Multi-AZ drawn in a tier with one zone.
pub(crate) fn drawn(
    b: &mut Builder<'_>,
    c: &Component,
) -> serde_json::Map<String, serde_json::Value> {
    let p = &c.properties;
    let mut names = Vec::new();
    if let Some(engine) = p.engine.as_deref()
        && !ENGINES.contains(&engine)
    {
        b.warn(format!(
            "`{}` is drawn with engine `{engine}`, which Amazon MQ does not run (`activemq` or `rabbitmq`): it is exported as ActiveMQ",
            c.id
        ));
        names.push("engine");
    }
    if p.encrypted_at_rest == Some(false) {
        names.push("encrypted_at_rest");
    }
    if p.encrypted_in_transit == Some(false) {
        names.push("encrypted_in_transit");
    }
    if p.multi_az == Some(true) && !spans_zones(b, c) {
        names.push("multi_az");
    }
    crate::marker::drawn_properties(c, &names)
}

/// Reads `AWS::AmazonMQ::Broker` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let subnets = im.property(key.0, &key.1, &["SubnetIds"]);
    let mode = im.text(key, &["DeploymentMode"]);
    let multi_az = mode.as_deref().map(|mode| mode != "SINGLE_INSTANCE");
    let subnet = if multi_az == Some(true) {
        im.subnet_for_spread(&subnets, Tier::Private)
    } else {
        im.subnet_for(&subnets, Tier::Private)
    };
    let mut component = im.new_component(key, ComponentKind::MqBroker, subnet);
    let engine = im
        .text(key, &["EngineType"])
        .map(|engine| engine.to_ascii_lowercase());
    let rabbit = is_rabbitmq(engine.as_deref());
    // Amazon MQ encrypts storage always (an AWS-owned key unless `UseAwsOwnedKey` is false) and
    // accepts only TLS on its endpoints.
    let p = &mut component.properties;
    p.engine = engine;
    p.engine_version = im.text(key, &["EngineVersion"]);
    p.instance_type = im.text(key, &["HostInstanceType"]);
    p.multi_az = multi_az;
    p.encrypted_at_rest = Some(true);
    p.encrypted_in_transit = Some(true);
    p.publicly_accessible = im.flag(key, &["PubliclyAccessible"]);
    // RabbitMQ keeps no audit log, so its general log is what is judged; an ActiveMQ broker
    // needs both. A log left out is off; one a parameter gives is not known.
    let kinds: &[&str] = if rabbit {
        &["General"]
    } else {
        &["General", "Audit"]
    };
    let logs: Vec<Option<bool>> = kinds
        .iter()
        .map(|log| {
            if im.present(key, &["Logs", log]) {
                im.flag(key, &["Logs", log])
            } else {
                Some(false)
            }
        })
        .collect();
    p.logging = if logs.contains(&Some(false)) {
        Some(false)
    } else if logs.contains(&None) {
        None
    } else {
        Some(true)
    };
    if im.flag(key, &["EncryptionOptions", "UseAwsOwnedKey"]) == Some(false) {
        component.encryption_key = im.key_component(key, &["EncryptionOptions", "KmsKeyId"]);
    }
    let told = [
        ("multi_az", component.properties.multi_az),
        (
            "publicly_accessible",
            component.properties.publicly_accessible,
        ),
        ("logging", component.properties.logging),
    ];
    record_not_known(im, key, &mut component, &told);
    Some(component)
}

/// Folds `AWS::AmazonMQ::Configuration` into the broker that uses it: its settings are the
/// broker's (users sign in whichever authentication strategy it names, and Amazon MQ keeps TLS
/// on whatever it holds); a configuration no broker of the import uses stays carried.
pub(crate) fn import_configuration(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let broker = im
        .referring(RESOURCE_TYPE, &["Configuration", "Id"], key)
        .into_iter()
        .next()?;
    let element = im.element_for(&broker).cloned()?;
    im.mark(
        key.clone(),
        Disposition::Absorbed {
            element: Some(element),
            how: "the configuration of the broker".to_owned(),
        },
    );
    None
}
