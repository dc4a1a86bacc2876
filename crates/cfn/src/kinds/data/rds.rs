//! RDS instances and Aurora clusters: IAM authentication, a managed master password, encrypted
//! storage in a subnet group of the design's subnets.

use zta_model::{Component, ComponentKind, Tier};

use crate::export::builder::{Builder, tags};
use crate::export::support::stateful;
use crate::import::{Importer, ResourceKey};
use crate::kinds::data::db_cluster::{
    AURORA, RDS_INSTANCE, Setting, absorb_instance, record_not_known,
};
use crate::kinds::data::subnet_group::DATABASE;
use crate::policy::service_trust_policy;
use crate::template::{Output, Resource};
use crate::value::Value;

/// The parameters that make an engine refuse connections without TLS, with the value that does.
const TLS_PARAMETERS: [(&str, &str); 2] =
    [("rds.force_ssl", "1"), ("require_secure_transport", "ON")];

/// A resource type of this kind: `AWS::RDS::DBCluster`.
pub(crate) const DB_CLUSTER: &str = "AWS::RDS::DBCluster";

/// A resource type of this kind: `AWS::RDS::DBInstance`.
pub(crate) const DB_INSTANCE: &str = "AWS::RDS::DBInstance";

/// Engine facts: default version, parameter group family, the TLS-enforcing parameter, and the
/// logs to export.
pub(crate) fn engine_facts(
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
            Some(TLS_PARAMETERS[0]),
            vec!["postgresql", "upgrade"],
        ),
        "aurora-postgresql" => (
            format!("aurora-postgresql{major}"),
            Some(TLS_PARAMETERS[0]),
            vec!["postgresql"],
        ),
        "mysql" => (
            format!("mysql{major}.{minor}"),
            Some(TLS_PARAMETERS[1]),
            vec!["audit", "error", "general", "slowquery"],
        ),
        "mariadb" => (
            format!("mariadb{major}.{minor}"),
            Some(TLS_PARAMETERS[1]),
            vec!["audit", "error", "general", "slowquery"],
        ),
        "aurora-mysql" => (
            "aurora-mysql8.0".into(),
            Some(TLS_PARAMETERS[1]),
            vec!["audit", "error", "general", "slowquery"],
        ),
        _ => (String::new(), None, Vec::new()),
    }
}

pub(crate) fn default_version(engine: &str) -> &'static str {
    match engine {
        "aurora-postgresql" => "16.6",
        "mysql" => "8.4.5",
        "mariadb" => "11.4.5",
        "aurora-mysql" => "8.0.mysql_aurora.3.08.2",
        _ => "17.5",
    }
}

/// A database's engine and version, the export's defaults where the design states none.
fn engine_and_version(c: &Component) -> (String, String) {
    let engine = c
        .properties
        .engine
        .clone()
        .unwrap_or_else(|| "postgres".into());
    let version = c
        .properties
        .engine_version
        .clone()
        .unwrap_or_else(|| default_version(&engine).into());
    (engine, version)
}

/// Whether the export writes the parameter group that makes the engine refuse connections
/// without TLS: unless the design turns TLS off, for every engine that has such a parameter.
fn requires_tls(c: &Component) -> bool {
    let (engine, version) = engine_and_version(c);
    let (family, tls_parameter, _) = engine_facts(&engine, &version);
    c.properties.encrypted_in_transit != Some(false)
        && tls_parameter.is_some()
        && !family.is_empty()
}

/// The days of automated backups the export keeps: what the design states, within what RDS
/// allows (none for a DB instance, at least one for an Aurora cluster; at most 35), else 7.
fn backup_days(c: &Component) -> u32 {
    let aurora = engine_and_version(c).0.starts_with("aurora");
    c.properties
        .backup_retention_days
        .unwrap_or(7)
        .clamp(u32::from(aurora), 35)
}

/// What the marker keeps of a database: `encrypted_in_transit` where no parameter group shows
/// it (the engine's default then applies, which the template does not tell), and a backup
/// retention RDS does not allow, which the export changes with a warning.
pub(crate) fn drawn(
    b: &mut Builder<'_>,
    c: &Component,
) -> serde_json::Map<String, serde_json::Value> {
    let mut names = Vec::new();
    if !requires_tls(c) {
        names.push("encrypted_in_transit");
    }
    if let Some(stated) = c.properties.backup_retention_days
        && stated != backup_days(c)
    {
        b.warn(format!(
            "Database `{}` keeps backups for {stated} days, which RDS does not allow: it is exported with {} days",
            c.id,
            backup_days(c)
        ));
        names.push("backup_retention_days");
    }
    crate::marker::drawn_properties(c, &names)
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let p = &c.properties;
    let group = b.workload_group(c);
    let (engine, version) = engine_and_version(c);
    let (family, tls_parameter, logs) = engine_facts(&engine, &version);
    let aurora = engine.starts_with("aurora");
    let Some(spanned) = b.two_zone_subnets(c, subnet) else {
        return;
    };
    let subnets = b.segment_refs(&spanned);
    let subnet_group = DATABASE.export(b, &unit, c, group.clone(), subnets);
    let key = (p.encrypted_at_rest != Some(false)).then(|| b.key_arn(&unit, c));
    let parameter_group = match tls_parameter.filter(|_| requires_tls(c)) {
        Some((name, value)) => {
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
    let mut db = Resource::new(if aurora { DB_CLUSTER } else { DB_INSTANCE })
        .with_property("Engine", engine.clone())
        .with_property("EngineVersion", version.clone())
        .with_property(DATABASE.named_by, subnet_group)
        .with_property("MasterUsername", "dbadmin")
        .with_property("EnableIAMDatabaseAuthentication", p.iam_auth != Some(false))
        .with_property("DeletionProtection", p.deletion_protection != Some(false))
        .with_property("BackupRetentionPeriod", backup_days(c))
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
        )
        .command(format!("aws ssm put-parameter --name /zta/{}/master-password --type SecureString --value '<master password>'", c.id));
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
        let mut instance = Resource::new(DB_INSTANCE)
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

impl Importer<'_> {
    /// Whether the database's parameter group makes it refuse connections without TLS
    /// (`rds.force_ssl`, `require_secure_transport`; both when the engine is not known). A
    /// value the group sets decides. An Aurora cluster whose own group in the template leaves
    /// the parameter out has it off, the Aurora engines' default. A group from a template
    /// parameter or another stack, the service's default group of a cluster (whose value
    /// depends on the engine version) and an instance's group without the parameter do not
    /// tell.
    fn tls_required(
        &self,
        key: &ResourceKey,
        cluster: bool,
        properties: &zta_model::ComponentProperties,
    ) -> Option<bool> {
        let engine = properties.engine.as_deref().unwrap_or_default();
        let version = properties.engine_version.as_deref().unwrap_or_default();
        let parameters = match engine_facts(engine, version).1 {
            Some(parameter) => vec![parameter],
            None => TLS_PARAMETERS.to_vec(),
        };
        let group = if cluster { &AURORA } else { &RDS_INSTANCE };
        let settings: Vec<Setting> = parameters
            .iter()
            .map(|(name, _)| group.setting(self, key, name))
            .collect();
        let on = |value: &str| ["1", "on", "true"].contains(&value.to_ascii_lowercase().as_str());
        if let Some(value) = settings.iter().find_map(|setting| match setting {
            Setting::Set(value) => Some(on(value)),
            _ => None,
        }) {
            return Some(value);
        }
        match settings.first() {
            Some(Setting::Default) if cluster => Some(false),
            _ => None,
        }
    }

    fn database(&mut self, key: &ResourceKey, cluster: bool) -> Component {
        let subnets = DATABASE.subnets(self, key);
        let subnet = self.subnet_for_spread(&subnets, Tier::Isolated);
        let mut component = self.new_component(key, ComponentKind::Rds, subnet);
        let properties = &mut component.properties;
        properties.engine = self
            .text(key, &["Engine"])
            .map(|engine| engine.to_ascii_lowercase());
        properties.engine_version = self.text(key, &["EngineVersion"]);
        // A cluster whose engine only a parameter names is an Aurora cluster (what the design
        // draws as a cluster); which Aurora engine is a guess the note owns up to.
        if cluster && properties.engine.is_none() {
            properties.engine = Some("aurora-postgresql".to_owned());
            let logical_id = self.design_logical_id(key);
            self.notes.push(format!(
                "DB cluster {logical_id}: the engine is not known from the template; taken as aurora-postgresql"
            ));
        }
        properties.instance_type = self.text(key, &["DBInstanceClass"]);
        properties.multi_az = self.flag(key, &["MultiAZ"]);
        properties.publicly_accessible = if cluster {
            None
        } else {
            Some(self.flag(key, &["PubliclyAccessible"]).unwrap_or(false))
        };
        properties.iam_auth = Some(
            self.flag(key, &["EnableIAMDatabaseAuthentication"])
                .unwrap_or(false),
        );
        properties.managed_password = Some(
            self.flag(key, &["ManageMasterUserPassword"])
                .unwrap_or(false),
        );
        properties.encrypted_at_rest = Some(self.flag(key, &["StorageEncrypted"]).unwrap_or(false));
        properties.encrypted_in_transit = self.tls_required(key, cluster, properties);
        properties.deletion_protection = self.flag(key, &["DeletionProtection"]);
        properties.backup_retention_days = self.number(key, &["BackupRetentionPeriod"]);
        component.encryption_key = self.key_component(key, &["KmsKeyId"]);
        component
    }
}

/// Reads `AWS::RDS::DBCluster` into a component.
pub(crate) fn import_cluster(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.database(key, true);
    let told = [(
        "encrypted_in_transit",
        component.properties.encrypted_in_transit,
    )];
    record_not_known(im, key, &mut component, &told);
    Some(component)
}

/// Reads `AWS::RDS::DBInstance` into a component.
pub(crate) fn import_instance(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let public = im.flag(key, &["PubliclyAccessible"]);
    if let Some(cluster) = absorb_instance(im, key) {
        if let Some(component) = im
            .design
            .components
            .iter_mut()
            .find(|component| component.id == cluster)
        {
            component.properties.publicly_accessible =
                component.properties.publicly_accessible.max(public);
        }
        return None;
    }
    Some(im.database(key, false))
}
