//! Accepted risks: an element may silence one rule for itself, with a reason a reviewer can read.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A rule that the architect has accepted as a risk for one element.
///
/// Suppressed findings are still reported, marked as suppressed, so that an auditor sees every
/// accepted risk and its justification rather than a silently shorter list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Suppression {
    /// The stable code of the rule, e.g. `ZT-NET-004`.
    pub rule: String,
    /// Why the risk is accepted; required so that no suppression is anonymous.
    pub reason: String,
}
