//! Data classes: how sensitive the data that a store holds or a flow carries is.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The classification of data, ordered from least to most sensitive.
///
/// The order matters: rules and the canvas use the most sensitive class of a flow, and PCI scope
/// follows `Cardholder` wherever it goes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum DataClass {
    /// Meant for anyone: marketing pages, public documentation.
    Public,
    /// For the organisation's own people and systems.
    Internal,
    /// Business-confidential data whose disclosure harms the organisation.
    Confidential,
    /// Personal data of people (GDPR personal data).
    Pii,
    /// Payment card account data (PCI DSS cardholder data).
    Cardholder,
}

impl DataClass {
    /// Every class, least sensitive first.
    pub const ALL: [DataClass; 5] = [
        DataClass::Public,
        DataClass::Internal,
        DataClass::Confidential,
        DataClass::Pii,
        DataClass::Cardholder,
    ];

    /// Whether the class needs protection in transit and at rest (everything but public data).
    pub fn is_sensitive(self) -> bool {
        self != DataClass::Public
    }

    /// The name used in the file format and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            DataClass::Public => "public",
            DataClass::Internal => "internal",
            DataClass::Confidential => "confidential",
            DataClass::Pii => "pii",
            DataClass::Cardholder => "cardholder",
        }
    }
}
