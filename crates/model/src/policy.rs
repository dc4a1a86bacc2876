//! IAM policy statements, shared by identities (permissions) and components (resource policies).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One statement of an IAM policy document, in the shape IAM itself uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct PolicyStatement {
    /// An optional statement id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// Whether the statement allows or denies.
    #[serde(default, skip_serializing_if = "Effect::is_allow")]
    pub effect: Effect,
    /// Who the statement applies to, for resource policies (`*` for anyone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub principals: Vec<String>,
    /// IAM actions such as `s3:GetObject`; wildcards are kept as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
    /// Resource ARNs, or ids of design elements that the exporter turns into ARNs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
    /// Conditions: operator → condition key → values, as in IAM.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conditions: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

/// The effect of a policy statement.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The statement grants its actions.
    #[default]
    Allow,
    /// The statement denies its actions, overriding any allow.
    Deny,
}

impl Effect {
    /// Whether this is the default effect, so that files do not repeat `effect: allow`.
    pub fn is_allow(&self) -> bool {
        *self == Effect::Allow
    }
}
