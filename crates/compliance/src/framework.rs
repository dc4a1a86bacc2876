//! The frameworks the tool knows, by their stable command-line names.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Error;

/// A control framework with a bundled catalog.
///
/// The first three are compliance frameworks a report can be assessed against; the
/// last two are the zero-trust references every rule is tagged with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Framework {
    PciDss,
    Gdpr,
    Iso27001,
    #[serde(rename = "nist-800-207")]
    Nist800207,
    CisaZtmm,
}

impl Framework {
    /// Every framework, in the order reports present them.
    pub const ALL: [Framework; 5] = [
        Framework::PciDss,
        Framework::Gdpr,
        Framework::Iso27001,
        Framework::Nist800207,
        Framework::CisaZtmm,
    ];

    /// The frameworks a design can be assessed against control by control.
    pub const ASSESSABLE: [Framework; 3] =
        [Framework::PciDss, Framework::Gdpr, Framework::Iso27001];

    /// The stable name used on the command line and in data files.
    pub fn name(self) -> &'static str {
        match self {
            Framework::PciDss => "pci-dss",
            Framework::Gdpr => "gdpr",
            Framework::Iso27001 => "iso27001",
            Framework::Nist800207 => "nist-800-207",
            Framework::CisaZtmm => "cisa-ztmm",
        }
    }
}

impl fmt::Display for Framework {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.name())
    }
}

impl FromStr for Framework {
    type Err = Error;

    /// Accepts the stable name and the common spellings people type (`pci`, `iso`,
    /// `iso-27001`, `nist`, `ztmm`), case-insensitively.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let normalized = text.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        let framework = match normalized.as_str() {
            "pci-dss" | "pci" | "pcidss" => Framework::PciDss,
            "gdpr" => Framework::Gdpr,
            "iso27001" | "iso-27001" | "iso" | "iso-iec-27001" => Framework::Iso27001,
            "nist-800-207" | "nist" | "sp800-207" | "nist-sp-800-207" => Framework::Nist800207,
            "cisa-ztmm" | "ztmm" => Framework::CisaZtmm,
            _ => {
                return Err(Error::UnknownFramework {
                    name: text.to_string(),
                    expected: Framework::ALL.map(Framework::name).join(", "),
                });
            }
        };
        Ok(framework)
    }
}
