//! Components: every resource type of the product table and the everyday ones, with the
//! properties the rules judge read from the template, placed in the subnets their properties
//! name (or, for regional services, in the account).

use zta_model::ComponentKind;

use super::eval::Sym;
use super::{Disposition, Importer, ResourceKey};
use crate::{kinds, marker};

impl Importer<'_> {
    pub(crate) fn map_components(&mut self) {
        for (resource_type, read) in kinds::READERS {
            for key in self.element_resources_of_type(resource_type) {
                if self.dispositions.contains_key(&key) {
                    continue;
                }
                if let Some(component) = read(self, &key) {
                    self.push_component(&key, component);
                }
            }
        }
        self.absorb_component_helpers();
    }

    /// Takes away what the template states but the design did not: the properties and identity
    /// fields an export of ZTA Designer chose for the design (listed in each element's marker);
    /// and gives back what the design stated that the template cannot show (kept there too).
    pub(crate) fn restore_unstated(&mut self) {
        let mut unstated: Vec<(String, Vec<String>)> = self
            .elements
            .iter()
            .filter_map(|(key, element)| {
                let names = marker::unstated(self.resource(key));
                (!names.is_empty()).then(|| (element.clone(), names))
            })
            .collect();
        unstated.sort();
        let mut drawn: Vec<(String, serde_json::Value)> = self
            .elements
            .iter()
            .filter_map(|(key, element)| {
                Some((element.clone(), marker::drawn(self.resource(key))?))
            })
            .collect();
        drawn.sort_by(|left, right| left.0.cmp(&right.0));
        // An element whose logical ID is the one an export derives from its id had none of its
        // own in the design: the export gave it that one.
        let derived = |id: &str, logical_id: &mut Option<String>| {
            if logical_id.as_deref() == Some(crate::export::logical_id(id).as_str()) {
                *logical_id = None;
            }
        };
        let exported: std::collections::HashSet<String> = self
            .elements
            .iter()
            .filter(|(key, _)| self.designer_element(key).is_some())
            .map(|(_, element)| element.clone())
            .collect();
        for component in &mut self.design.components {
            if exported.contains(&component.id) {
                derived(&component.id, &mut component.logical_id);
            }
        }
        for identity in &mut self.design.identities {
            if exported.contains(&identity.id) {
                derived(&identity.id, &mut identity.logical_id);
            }
        }
        for segment in &mut self.design.segments {
            if exported.contains(&segment.id) {
                derived(&segment.id, &mut segment.logical_id);
            }
        }
        for (element, names) in unstated {
            if let Some(component) = self.design.components.iter_mut().find(|c| c.id == element)
                && let Some(properties) = marker::without_fields(&component.properties, &names)
            {
                component.properties = properties;
            } else if let Some(identity) =
                self.design.identities.iter_mut().find(|i| i.id == element)
                && let Some(cleared) = marker::without_fields(&*identity, &names)
            {
                *identity = cleared;
            } else if let Some(segment) = self.design.segments.iter_mut().find(|s| s.id == element)
                && let Some(cleared) = marker::without_fields(&*segment, &names)
            {
                *segment = cleared;
            }
        }
        for (element, fields) in drawn {
            if let Some(component) = self.design.components.iter_mut().find(|c| c.id == element)
                && let Some(restated) = marker::with_fields(&*component, &fields)
            {
                *component = restated;
            }
        }
    }

    pub(crate) fn flag(&self, key: &ResourceKey, path: &[&str]) -> Option<bool> {
        match self.property(key.0, &key.1, path).as_text() {
            Some(text) if text.eq_ignore_ascii_case("true") => Some(true),
            Some(text) if text.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        }
    }

    pub(crate) fn number(&self, key: &ResourceKey, path: &[&str]) -> Option<u32> {
        self.property(key.0, &key.1, path).as_text()?.parse().ok()
    }

    pub(crate) fn text(&self, key: &ResourceKey, path: &[&str]) -> Option<String> {
        self.property(key.0, &key.1, path)
            .as_text()
            .filter(|text| !text.is_empty())
            .map(str::to_owned)
    }

    pub(crate) fn present(&self, key: &ResourceKey, path: &[&str]) -> bool {
        !matches!(self.property(key.0, &key.1, path), Sym::NoValue)
    }

    /// The KMS key component a key reference names, if it is one of the template's keys.
    pub(crate) fn key_component(&self, key: &ResourceKey, path: &[&str]) -> Option<String> {
        self.key_named(&self.property(key.0, &key.1, path))
    }

    /// The KMS key component a value names (a key, or an alias of one), if any.
    pub(crate) fn key_named(&self, sym: &Sym) -> Option<String> {
        sym.resources().into_iter().find_map(|target| {
            match self.resource(&target).resource_type.as_str() {
                "AWS::KMS::Key" => self.element_for(&target).cloned(),
                "AWS::KMS::Alias" => {
                    let aliased = self.property(target.0, &target.1, &["TargetKeyId"]);
                    self.element_of(&aliased)
                }
                _ => None,
            }
        })
    }

    /// Resources of `resource_type` whose `property` refers to `target`.
    pub(crate) fn referring(
        &self,
        resource_type: &str,
        property: &[&str],
        target: &ResourceKey,
    ) -> Vec<ResourceKey> {
        self.resources_of_type(resource_type)
            .into_iter()
            .filter(|key| {
                self.property(key.0, &key.1, property)
                    .resources()
                    .contains(target)
            })
            .collect()
    }

    /// The statements of the policies of `resource_type` attached to `target`; `generated` keeps
    /// the zero-trust defaults an export of ZTA Designer wrote into them.
    pub(crate) fn attached_policies(
        &self,
        resource_type: &str,
        property: &[&str],
        target: &ResourceKey,
        generated: bool,
    ) -> Vec<zta_model::PolicyStatement> {
        self.referring(resource_type, property, target)
            .iter()
            .flat_map(|policy| {
                let document = ["PolicyDocument", "ResourcePolicy"]
                    .iter()
                    .find_map(|name| self.resource(policy).property(name));
                document.map_or_else(Vec::new, |document| {
                    if generated {
                        self.statements(policy.0, document)
                    } else {
                        self.design_statements(policy, document)
                    }
                })
            })
            .collect()
    }

    pub(crate) fn subnet_group_subnets(
        &self,
        key: &ResourceKey,
        property: &str,
        group_type: &str,
    ) -> Sym {
        let group = self.property(key.0, &key.1, &[property]);
        match group.resource() {
            Some(group) if self.resource(&group).resource_type == group_type => {
                self.property(group.0, &group.1, &["SubnetIds"])
            }
            _ => group,
        }
    }

    /// Resources whose meaning is a property of a component mapped above.
    fn absorb_component_helpers(&mut self) {
        let helpers: [(&str, &[&str], &str); 14] = [
            ("AWS::S3::BucketPolicy", &["Bucket"], "the bucket's policy"),
            ("AWS::SQS::QueuePolicy", &["Queues"], "the queue's policy"),
            ("AWS::SNS::TopicPolicy", &["Topics"], "the topic's policy"),
            (
                "AWS::SecretsManager::ResourcePolicy",
                &["SecretId"],
                "the secret's policy",
            ),
            (
                "AWS::SecretsManager::RotationSchedule",
                &["SecretId"],
                "the secret's rotation",
            ),
            (
                "AWS::RDS::DBSubnetGroup",
                &["SubnetIds"],
                "the database's subnets",
            ),
            (
                "AWS::DocDB::DBSubnetGroup",
                &["SubnetIds"],
                "the database's subnets",
            ),
            (
                "AWS::Neptune::DBSubnetGroup",
                &["SubnetIds"],
                "the database's subnets",
            ),
            (
                "AWS::Redshift::ClusterSubnetGroup",
                &["SubnetIds"],
                "the data warehouse's subnets",
            ),
            (
                "AWS::ElastiCache::SubnetGroup",
                &["SubnetIds"],
                "the cache's subnets",
            ),
            (
                "AWS::WAFv2::WebACLAssociation",
                &["WebACLArn"],
                "what the web ACL protects",
            ),
            (
                "AWS::SecurityHub::Standard",
                &["StandardsArn"],
                "a Security Hub standard",
            ),
            (
                "AWS::ElasticLoadBalancingV2::Listener",
                &["LoadBalancerArn"],
                "the load balancer's listener",
            ),
            (
                "AWS::Kinesis::ResourcePolicy",
                &["ResourceArn"],
                "the stream's policy",
            ),
        ];
        for (resource_type, property, how) in helpers {
            for key in self.resources_of_type(resource_type) {
                let element = self.element_of(&self.property(key.0, &key.1, property));
                let element = match (resource_type, element) {
                    ("AWS::SecurityHub::Standard", _) => self
                        .design
                        .components
                        .iter()
                        .find(|component| component.kind == ComponentKind::SecurityHub)
                        .map(|component| component.id.clone()),
                    (_, element) => element,
                };
                if element.is_none()
                    && !kinds::data::subnet_group::RESOURCE_TYPES.contains(&resource_type)
                {
                    continue;
                }
                self.mark(
                    key,
                    Disposition::Absorbed {
                        element,
                        how: how.to_owned(),
                    },
                );
            }
        }
    }
}
