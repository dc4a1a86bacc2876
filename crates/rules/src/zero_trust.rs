//! The zero-trust frameworks every rule is tagged with: the seven tenets of NIST SP 800-207
//! (§2.1) and the pillars and cross-cutting capabilities of the CISA Zero Trust Maturity Model
//! v2.0. The ids match the compliance catalogs (`T1`..`T7`; `identity`, `networks`...), so that
//! scoring reads the tags without a translation table.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A tenet of NIST SP 800-207 §2.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tenet {
    /// All data sources and computing services are resources.
    T1,
    /// All communication is secured regardless of network location.
    T2,
    /// Access to individual resources is granted per session.
    T3,
    /// Access is determined by dynamic policy.
    T4,
    /// The enterprise monitors the integrity and security posture of all assets.
    T5,
    /// Authentication and authorisation are dynamic and strictly enforced before access.
    T6,
    /// The enterprise collects as much state as possible and uses it to improve posture.
    T7,
}

impl Tenet {
    /// The tenet's id, `T1`..`T7`.
    pub fn id(self) -> &'static str {
        match self {
            Tenet::T1 => "T1",
            Tenet::T2 => "T2",
            Tenet::T3 => "T3",
            Tenet::T4 => "T4",
            Tenet::T5 => "T5",
            Tenet::T6 => "T6",
            Tenet::T7 => "T7",
        }
    }

    /// A short paraphrase of the tenet.
    pub fn title(self) -> &'static str {
        match self {
            Tenet::T1 => "Every data source and computing service is a resource",
            Tenet::T2 => "All communication is secured regardless of network location",
            Tenet::T3 => "Access to each resource is granted per session",
            Tenet::T4 => "Access is decided by dynamic policy",
            Tenet::T5 => "The posture of all assets is monitored and measured",
            Tenet::T6 => "Authentication and authorisation are strictly enforced before access",
            Tenet::T7 => "As much state as possible is collected to improve security",
        }
    }
}

impl fmt::Display for Tenet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A pillar or cross-cutting capability of the CISA Zero Trust Maturity Model v2.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pillar {
    /// Identity.
    Identity,
    /// Devices.
    Devices,
    /// Networks.
    Networks,
    /// Applications and workloads.
    Applications,
    /// Data.
    Data,
    /// Visibility and analytics (cross-cutting).
    Visibility,
    /// Automation and orchestration (cross-cutting).
    Automation,
    /// Governance (cross-cutting).
    Governance,
}

impl Pillar {
    /// The id used by the compliance catalog, e.g. `networks`.
    pub fn id(self) -> &'static str {
        match self {
            Pillar::Identity => "identity",
            Pillar::Devices => "devices",
            Pillar::Networks => "networks",
            Pillar::Applications => "applications",
            Pillar::Data => "data",
            Pillar::Visibility => "visibility",
            Pillar::Automation => "automation",
            Pillar::Governance => "governance",
        }
    }

    /// The pillar's name as CISA writes it.
    pub fn title(self) -> &'static str {
        match self {
            Pillar::Identity => "Identity",
            Pillar::Devices => "Devices",
            Pillar::Networks => "Networks",
            Pillar::Applications => "Applications and Workloads",
            Pillar::Data => "Data",
            Pillar::Visibility => "Visibility and Analytics",
            Pillar::Automation => "Automation and Orchestration",
            Pillar::Governance => "Governance",
        }
    }
}

impl fmt::Display for Pillar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
