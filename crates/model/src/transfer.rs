//! Transfers of personal data outside the EEA (GDPR Chapter V): the legal bases a design can
//! record for a region or a recipient, and which places lie inside the EEA.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The GDPR Chapter V basis for transferring personal data outside the EEA.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum TransferSafeguard {
    /// A Commission adequacy decision covers the destination (Art. 45).
    AdequacyDecision,
    /// Standard contractual clauses bind the recipient (Art. 46(2)(c)).
    StandardContractualClauses,
    /// Approved binding corporate rules cover the transfer within the group (Art. 47).
    BindingCorporateRules,
}

impl TransferSafeguard {
    /// The name used in the file format and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            TransferSafeguard::AdequacyDecision => "adequacy_decision",
            TransferSafeguard::StandardContractualClauses => "standard_contractual_clauses",
            TransferSafeguard::BindingCorporateRules => "binding_corporate_rules",
        }
    }
}

/// The AWS regions inside the EEA. London (`eu-west-2`) and Zurich (`eu-central-2`) are in
/// Europe but outside the EEA: transfers there rely on an adequacy decision.
const EEA_REGIONS: [&str; 6] = [
    "eu-central-1",
    "eu-west-1",
    "eu-west-3",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
];

/// The EEA member states (the EU's 27 and Iceland, Liechtenstein and Norway), as ISO 3166
/// alpha-2 codes.
const EEA_COUNTRIES: [&str; 30] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

/// Whether an AWS region code lies inside the EEA.
pub fn region_in_eea(region: &str) -> bool {
    EEA_REGIONS.contains(&region.trim().to_ascii_lowercase().as_str())
}

/// Whether a jurisdiction (an ISO 3166 alpha-2 country code, or `EU` / `EEA`) lies inside the
/// EEA.
pub fn jurisdiction_in_eea(jurisdiction: &str) -> bool {
    let code = jurisdiction.trim().to_ascii_uppercase();
    code == "EU" || code == "EEA" || EEA_COUNTRIES.contains(&code.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eea_excludes_london_and_zurich() {
        assert!(region_in_eea("eu-central-1"));
        assert!(!region_in_eea("eu-west-2"));
        assert!(!region_in_eea("eu-central-2"));
        assert!(!region_in_eea("us-east-1"));
        assert!(jurisdiction_in_eea("no") && jurisdiction_in_eea("EU"));
        assert!(!jurisdiction_in_eea("GB") && !jurisdiction_in_eea("US"));
    }
}
