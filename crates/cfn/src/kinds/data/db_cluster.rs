//! What the database clusters share (Aurora, DocumentDB, Neptune, Redshift): the parameter group
//! a cluster takes its engine settings from, written by the export and read back by the import
//! as far as the template tells it; the log types a cluster exports; and the folding of a
//! cluster's instances into the cluster's component.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbclusterparametergroup.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-docdb-dbclusterparametergroup.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-neptune-dbclusterparametergroup.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-redshift-clusterparametergroup.html>.

use zta_model::Component;

use crate::export::builder::{Builder, Group, tags};
use crate::import::eval::Sym;
use crate::import::{Disposition, Importer, ResourceKey};
use crate::template::{Output, Resource};
use crate::value::Value;

/// One service's parameter group: its resource type, the property that names its family, the
/// property by which the cluster names it, and whether its parameters are a list of
/// `ParameterName`/`ParameterValue` pairs (Redshift) rather than a mapping.
pub(crate) struct ParameterGroup {
    pub(crate) resource_type: &'static str,
    family: &'static str,
    pub(crate) named_by: &'static str,
    listed: bool,
}

pub(crate) const AURORA: ParameterGroup = ParameterGroup {
    resource_type: "AWS::RDS::DBClusterParameterGroup",
    family: "Family",
    named_by: "DBClusterParameterGroupName",
    listed: false,
};

pub(crate) const RDS_INSTANCE: ParameterGroup = ParameterGroup {
    resource_type: "AWS::RDS::DBParameterGroup",
    family: "Family",
    named_by: "DBParameterGroupName",
    listed: false,
};

pub(crate) const DOCUMENTDB: ParameterGroup = ParameterGroup {
    resource_type: "AWS::DocDB::DBClusterParameterGroup",
    family: "Family",
    named_by: "DBClusterParameterGroupName",
    listed: false,
};

pub(crate) const REDSHIFT: ParameterGroup = ParameterGroup {
    resource_type: "AWS::Redshift::ClusterParameterGroup",
    family: "ParameterGroupFamily",
    named_by: "ClusterParameterGroupName",
    listed: true,
};

pub(crate) const NEPTUNE: ParameterGroup = ParameterGroup {
    resource_type: "AWS::Neptune::DBClusterParameterGroup",
    family: "Family",
    named_by: "DBClusterParameterGroupName",
    listed: false,
};

/// What a template tells of one parameter of a cluster's parameter group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Setting {
    /// The cluster names no group, or one of the service's default groups: it gets the
    /// service's default group, which cannot be changed.
    DefaultGroup,
    /// The cluster's group in the template leaves the parameter at the family's default.
    Default,
    /// The group in the template sets the parameter to this value.
    Set(String),
    /// The group or the value comes from a template parameter, another stack or a group made
    /// outside the template: the template does not tell.
    NotKnown,
}

impl Setting {
    /// Whether the setting is on: the engine's `default` when the template leaves it to the
    /// engine, `on` of the value when it sets one, and not known otherwise.
    pub(crate) fn holds(&self, default: bool, on: impl Fn(&str) -> bool) -> Option<bool> {
        match self {
            Setting::DefaultGroup | Setting::Default => Some(default),
            Setting::Set(value) => Some(on(value)),
            Setting::NotKnown => None,
        }
    }
}

impl ParameterGroup {
    /// Writes the component's parameter group of `family` with `parameters` and returns a
    /// reference to it.
    pub(crate) fn export(
        &self,
        b: &mut Builder<'_>,
        unit: &str,
        c: &Component,
        group: Group,
        family: &str,
        parameters: &[(&'static str, &'static str)],
    ) -> Value {
        let logical = b.logical_id_for(&c.id, "ParameterGroup");
        let values = if self.listed {
            Value::list(parameters.iter().map(|(name, value)| {
                Value::map([
                    ("ParameterName", Value::string(*name)),
                    ("ParameterValue", Value::string(*value)),
                ])
            }))
        } else {
            Value::map(
                parameters
                    .iter()
                    .map(|(name, value)| (*name, Value::string(*value))),
            )
        };
        b.put(
            unit,
            logical.clone(),
            &c.id,
            group,
            Resource::new(self.resource_type)
                .with_property("Description", format!("Settings of {}", c.name))
                .with_property(self.family, family.to_owned())
                .with_property("Parameters", values),
        );
        Value::reference(logical)
    }

    /// What the template tells of parameter `name` of the group the cluster `key` names.
    pub(crate) fn setting(&self, im: &Importer<'_>, key: &ResourceKey, name: &str) -> Setting {
        let named = im.property(key.0, &key.1, &[self.named_by]);
        match &named {
            Sym::NoValue => return Setting::DefaultGroup,
            // The service's default groups are named `default.<family>`.
            Sym::Text(text) if text.starts_with("default.") => return Setting::DefaultGroup,
            _ => {}
        }
        let Some(group) = named
            .resource()
            .filter(|group| im.resource(group).resource_type == self.resource_type)
        else {
            return Setting::NotKnown;
        };
        let value = if self.listed {
            let Some(parameters) = im.resource(&group).property("Parameters") else {
                return Setting::Default;
            };
            im.list_items(group.0, parameters)
                .into_iter()
                .find(|item| {
                    im.lookup(group.0, item, "ParameterName")
                        .is_some_and(|named| im.eval(group.0, named).as_text() == Some(name))
                })
                .map_or(Sym::NoValue, |item| {
                    im.lookup(group.0, item, "ParameterValue")
                        .map_or(Sym::Unknown, |value| im.eval(group.0, value))
                })
        } else {
            im.property(group.0, &group.1, &["Parameters", name])
        };
        match value {
            Sym::NoValue => Setting::Default,
            Sym::Text(text) => Setting::Set(text),
            _ => Setting::NotKnown,
        }
    }
}

/// The log types a cluster exports to CloudWatch Logs (`EnableCloudwatchLogsExports`); `None`
/// when a template parameter or another stack gives them.
pub(crate) fn log_exports(im: &Importer<'_>, key: &ResourceKey) -> Option<Vec<String>> {
    im.property(key.0, &key.1, &["EnableCloudwatchLogsExports"])
        .values()
        .iter()
        .map(|item| item.as_text().map(str::to_owned))
        .collect()
}

/// Folds an instance of a cluster (`DBClusterIdentifier`) into the cluster's component and
/// returns that component's id; `None`, leaving the instance alone, when the cluster is not a
/// component of the import.
pub(crate) fn absorb_instance(im: &mut Importer<'_>, key: &ResourceKey) -> Option<String> {
    let cluster = im
        .property(key.0, &key.1, &["DBClusterIdentifier"])
        .resource()?;
    let element = im.element_for(&cluster).cloned()?;
    im.mark(
        key.clone(),
        Disposition::Absorbed {
            element: Some(element.clone()),
            how: "an instance of the database cluster".to_owned(),
        },
    );
    Some(element)
}

/// The instance class of the first instance of cluster `key` among instances of
/// `instance_type`, which is what the design draws as the cluster's instance type.
pub(crate) fn instance_class(
    im: &Importer<'_>,
    instance_type: &str,
    key: &ResourceKey,
) -> Option<String> {
    im.referring(instance_type, &["DBClusterIdentifier"], key)
        .first()
        .and_then(|instance| im.text(instance, &["DBInstanceClass"]))
}

/// Whether a cluster keeps an audit log: when it exports the `audit` log type and its parameter
/// group turns the engine's audit log on (`parameter`, off by default, on when `on` holds of its
/// value). Either one known to be missing is enough to say no; otherwise what is not known
/// keeps the answer not known.
pub(crate) fn logging(
    im: &Importer<'_>,
    key: &ResourceKey,
    group: &ParameterGroup,
    parameter: &str,
    on: impl Fn(&str) -> bool,
) -> Option<bool> {
    let exported = log_exports(im, key).map(|logs| logs.iter().any(|log| log == "audit"));
    let enabled = group.setting(im, key, parameter).holds(false, on);
    match (exported, enabled) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

/// Records the properties of `component` the template does not tell (`None` among `values`) as
/// not known, with a note in the import report, so that the rules say they did not judge them
/// instead of reading the export's default into them.
pub(crate) fn record_not_known(
    im: &mut Importer<'_>,
    key: &ResourceKey,
    component: &mut Component,
    values: &[(&str, Option<bool>)],
) {
    // What an export of ZTA Designer wrote comes back from its marker as the design stated it.
    if im.designer_element(key).is_some() {
        return;
    }
    for (property, value) in values {
        if value.is_none() {
            component.not_known.push((*property).to_owned());
            let logical_id = im.design_logical_id(key);
            im.notes.push(format!(
                "{logical_id}: `{property}` is not known from the template (a template parameter, another stack, a group made outside it or the service's default group decides it); the rules do not judge it"
            ));
        }
    }
}

/// Writes a DocumentDB or Neptune cluster's one instance (of `instance_type`, the design's class
/// or Graviton's smallest) and the output of the cluster's endpoint.
pub(crate) fn put_instance_and_endpoint(
    b: &mut Builder<'_>,
    (unit, group): (&str, Group),
    c: &Component,
    cluster_id: &str,
    instance_type: &str,
) {
    b.put(
        unit,
        b.logical_id_for(&c.id, "Instance"),
        &c.id,
        group,
        Resource::new(instance_type)
            .with_property(
                "DBClusterIdentifier",
                Value::reference(cluster_id.to_owned()),
            )
            .with_property(
                "DBInstanceClass",
                c.properties
                    .instance_type
                    .clone()
                    .unwrap_or_else(|| "db.t4g.medium".to_owned()),
            )
            .with_property("AutoMinorVersionUpgrade", true)
            .with_property("Tags", tags(&c.id, &c.tags)),
    );
    b.output(
        unit,
        &b.logical_id_for(&c.id, "Endpoint"),
        Output {
            description: Some(Value::string(format!("Endpoint of `{}`", c.name))),
            ..Output::new(Value::get_att(cluster_id.to_owned(), "Endpoint"))
        },
    );
}

/// What the design states about a DocumentDB or Neptune cluster that a re-imported export cannot
/// tell: a backup retention beyond what the `service` allows (1 to 35 days), which the export
/// changes, with a warning.
pub(crate) fn drawn_retention(
    b: &mut Builder<'_>,
    c: &Component,
    service: &str,
) -> serde_json::Map<String, serde_json::Value> {
    match c.properties.backup_retention_days {
        Some(days) if !(1..=35).contains(&days) => {
            b.warn(format!(
                "{service} cluster `{}` keeps backups for {days} days, which {service} does not allow: it is exported with {} days",
                c.id,
                days.clamp(1, 35)
            ));
            crate::marker::drawn_properties(c, &["backup_retention_days"])
        }
        _ => serde_json::Map::new(),
    }
}
