//! Components: the AWS resources an architect places in segments.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ComponentKind, ComponentProperties, DataClass, Suppression};

/// A component: one AWS service instance in the design (a load balancer, a database...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// Unique id across the whole design.
    pub id: String,
    /// What the component is; it decides which properties apply.
    pub kind: ComponentKind,
    /// The name people read on the canvas and in reports.
    pub name: String,
    /// The segment the component sits in: a subnet for network-attached resources, a VPC for
    /// VPC-wide ones, a region or account for regional and account-wide services.
    pub segment: String,
    /// Free text for reviewers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The identity the component runs as (a task role, an instance role, a function role).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
    /// The classes of data the component stores.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stores: Vec<DataClass>,
    /// The KMS key component that encrypts the component's data at rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_key: Option<String>,
    /// The kind-specific properties.
    #[serde(default, skip_serializing_if = "is_default_properties")]
    pub properties: ComponentProperties,
    /// Tags the exporter puts on the resources.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
    /// The CloudFormation logical id this component maps to, when it came from a template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logical_id: Option<String>,
    /// Rules accepted as risks for this component.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppress: Vec<Suppression>,
    /// Properties the template this component was imported from does not tell (a template
    /// parameter, another stack or a resource made outside the template decides them). The
    /// rules do not judge them and say so; an export writes its zero-trust default for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_known: Vec<String>,
}

fn is_default_properties(properties: &ComponentProperties) -> bool {
    *properties == ComponentProperties::default()
}

impl Component {
    /// The most sensitive class of data the component stores, if any.
    pub fn most_sensitive_stored(&self) -> Option<DataClass> {
        self.stores.iter().copied().max()
    }

    /// Whether the design knows `property` of this component: it does unless the component was
    /// imported from a template that does not tell it.
    pub fn is_known(&self, property: &str) -> bool {
        !self.not_known.iter().any(|name| name == property)
    }

    /// Whether an ECS cluster's services encrypt their Service Connect traffic with TLS: on
    /// whenever the cluster has a namespace, unless the design turns it off.
    pub fn uses_service_connect_tls(&self) -> bool {
        self.properties.service_connect_namespace.is_some()
            && self.properties.service_connect_tls != Some(false)
    }
}
