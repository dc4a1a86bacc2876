//! Actors: people and systems outside the design that use it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Suppression, TransferSafeguard};

/// A person or an outside system that starts flows into the design.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Unique id across the whole design.
    pub id: String,
    /// Who this actor is.
    pub kind: ActorKind,
    /// The name people read on the canvas and in reports.
    pub name: String,
    /// Free text for reviewers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The zone the actor connects from (an internet, on-premises or partner segment);
    /// absent means the internet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// The identity the actor signs in with (a user pool, a permission set, an IAM user...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signs_in_with: Option<String>,
    /// Where the actor is established, as an ISO 3166 country code (`US`, `DE`), for GDPR
    /// transfers of personal data to it; absent means not recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// The legal basis recorded for sending personal data to the actor when its jurisdiction
    /// lies outside the EEA (GDPR Chapter V).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_safeguard: Option<TransferSafeguard>,
    /// Set when the actor is an outside party that provides services to the business, as
    /// PCI DSS 12.8 lists them: what it provides and the written agreement that binds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_provider: Option<ServiceProvider>,
    /// Rules accepted as risks for this actor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppress: Vec<Suppression>,
}

/// An outside party's standing as a service provider (PCI DSS 12.8.1, ISO/IEC 27001 A.5.19).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct ServiceProvider {
    /// The services it provides, in a few words each (`payment authorisation`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    /// Where the written agreement is kept (a contract number, a document URL); absent means
    /// none is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<String>,
}

/// The kinds of actor.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A customer of the business, signing in to its applications.
    Customer,
    /// An employee using internal applications.
    Workforce,
    /// An administrator of the AWS environment.
    Administrator,
    /// A developer or operator deploying and debugging workloads.
    Developer,
    /// A person at a partner organisation.
    Partner,
    /// A machine outside the design: a payment processor, a SaaS webhook, a CI system.
    ExternalSystem,
}

impl ActorKind {
    /// Whether the actor is a person (people need MFA; systems need other credentials).
    pub fn is_human(self) -> bool {
        self != ActorKind::ExternalSystem
    }

    /// Whether the actor administers the environment (admin access needs MFA and federation).
    pub fn is_privileged(self) -> bool {
        matches!(self, ActorKind::Administrator | ActorKind::Developer)
    }

    /// The name used in the file format and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Customer => "customer",
            ActorKind::Workforce => "workforce",
            ActorKind::Administrator => "administrator",
            ActorKind::Developer => "developer",
            ActorKind::Partner => "partner",
            ActorKind::ExternalSystem => "external_system",
        }
    }
}
