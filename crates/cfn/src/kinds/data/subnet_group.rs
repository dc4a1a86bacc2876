//! The subnet group a database or a cache is placed with: written from the design's subnets by
//! the export, and read back by the import to place the element, with the names both use.
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbsubnetgroup.html>
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-subnetgroup.html>

use zta_model::Component;

use crate::export::builder::{Builder, Group};
use crate::import::eval::Sym;
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// One service's subnet group: its resource type, the property that describes it, and the
/// property by which the database or cache names it.
pub(crate) struct SubnetGroup {
    resource_type: &'static str,
    description: &'static str,
    pub(crate) named_by: &'static str,
}

pub(crate) const DATABASE: SubnetGroup = SubnetGroup {
    resource_type: "AWS::RDS::DBSubnetGroup",
    description: "DBSubnetGroupDescription",
    named_by: "DBSubnetGroupName",
};

pub(crate) const DOCUMENTDB: SubnetGroup = SubnetGroup {
    resource_type: "AWS::DocDB::DBSubnetGroup",
    description: "DBSubnetGroupDescription",
    named_by: "DBSubnetGroupName",
};

pub(crate) const NEPTUNE: SubnetGroup = SubnetGroup {
    resource_type: "AWS::Neptune::DBSubnetGroup",
    description: "DBSubnetGroupDescription",
    named_by: "DBSubnetGroupName",
};

pub(crate) const REDSHIFT: SubnetGroup = SubnetGroup {
    resource_type: "AWS::Redshift::ClusterSubnetGroup",
    description: "Description",
    named_by: "ClusterSubnetGroupName",
};

pub(crate) const CACHE: SubnetGroup = SubnetGroup {
    resource_type: "AWS::ElastiCache::SubnetGroup",
    description: "Description",
    named_by: "CacheSubnetGroupName",
};

/// The resource types of every service's subnet group, which the import folds into the
/// elements placed with them (or drops, when none is).
pub(crate) const RESOURCE_TYPES: [&str; 5] = [
    DATABASE.resource_type,
    DOCUMENTDB.resource_type,
    NEPTUNE.resource_type,
    REDSHIFT.resource_type,
    CACHE.resource_type,
];

impl SubnetGroup {
    /// Writes the component's subnet group of `subnets` and returns a reference to it.
    pub(crate) fn export(
        &self,
        b: &mut Builder<'_>,
        unit: &str,
        c: &Component,
        group: Group,
        subnets: Vec<Value>,
    ) -> Value {
        let logical = b.logical_id_for(&c.id, "SubnetGroup");
        b.put(
            unit,
            logical.clone(),
            &c.id,
            group,
            Resource::new(self.resource_type)
                .with_property(self.description, format!("Subnets of {}", c.name))
                .with_property("SubnetIds", Value::list(subnets)),
        );
        Value::reference(logical)
    }

    /// The subnets a database or cache is placed in, through its subnet group.
    pub(crate) fn subnets(&self, im: &Importer<'_>, key: &ResourceKey) -> Sym {
        im.subnet_group_subnets(key, self.named_by, self.resource_type)
    }
}
