//! Framework catalogs: the controls of each framework, read from the versioned data
//! files under `data/catalogs/` that are compiled into the crate.
//!
//! The files are data rather than code so that a reviewer can check a control title or
//! evidence level against the standard without reading Rust, and so that a new version
//! of a standard is a new file, not a code change.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::framework::Framework;

/// What a design can show about a control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceLevel {
    /// A design property or topology fact proves or disproves the control.
    Design,
    /// The design shows the enabling control; its operation must be attested as well.
    Partial,
    /// Organisational or procedural: a design cannot show it, so it needs attestation.
    Process,
    /// AWS's responsibility under the shared-responsibility model; the evidence is
    /// AWS's own attestation (AWS Artifact).
    Inherited,
}

impl EvidenceLevel {
    /// A short label for tables.
    pub fn label(self) -> &'static str {
        match self {
            EvidenceLevel::Design => "design",
            EvidenceLevel::Partial => "partial",
            EvidenceLevel::Process => "process",
            EvidenceLevel::Inherited => "inherited (AWS)",
        }
    }
}

/// A heading that groups controls (a PCI requirement, an ISO theme, a GDPR chapter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlGroup {
    pub id: String,
    pub title: String,
}

/// One control of a framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Control {
    /// The framework's own identifier (`1.3.1`, `A.8.20`, `32(1)(a)`, `T2`).
    pub id: String,
    /// Short title in our own words.
    pub title: String,
    /// The id of the group the control belongs to.
    pub group: String,
    pub evidence: EvidenceLevel,
    /// Why the control cannot apply to a design of AWS infrastructure, when it cannot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<String>,
    /// For CISA ZTMM pillars: the functions the pillar is made of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<String>,
}

/// The controls of one framework version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub framework: Framework,
    /// Display name (`PCI DSS`).
    pub name: String,
    /// The version of the standard the file describes (`4.0.1`).
    pub version: String,
    /// When that version was published (`YYYY-MM`).
    pub published: String,
    pub groups: Vec<ControlGroup>,
    pub controls: Vec<Control>,
}

impl Catalog {
    /// The bundled catalog of a framework, parsed on first use.
    pub fn of(framework: Framework) -> &'static Catalog {
        static CATALOGS: OnceLock<Vec<Catalog>> = OnceLock::new();
        let catalogs = CATALOGS.get_or_init(|| {
            Framework::ALL
                .iter()
                .map(|&framework| {
                    // The files are part of the crate and checked by its tests, so a
                    // failure here is a build defect, not a user error.
                    Catalog::parse_bundled(framework)
                        .unwrap_or_else(|error| panic!("bundled catalog is invalid: {error}"))
                })
                .collect()
        });
        catalogs
            .iter()
            .find(|catalog| catalog.framework == framework)
            .expect("every framework has a bundled catalog")
    }

    /// Parses and checks the bundled file of a framework.
    pub fn parse_bundled(framework: Framework) -> Result<Catalog> {
        let (file, text) = bundled_file(framework);
        let catalog = Catalog::parse(file, text)?;
        if catalog.framework != framework {
            return Err(Error::Inconsistent {
                file,
                message: format!(
                    "declares framework `{}` but is bundled as `{framework}`",
                    catalog.framework
                ),
            });
        }
        Ok(catalog)
    }

    /// Parses a catalog and checks that ids are unique and every group exists.
    pub fn parse(file: &'static str, text: &str) -> Result<Catalog> {
        let catalog: Catalog =
            serde_norway::from_str(text).map_err(|error| Error::data_file(file, &error))?;
        let group_ids: HashSet<&str> = catalog.groups.iter().map(|g| g.id.as_str()).collect();
        let mut seen = HashSet::new();
        for control in &catalog.controls {
            if !seen.insert(control.id.as_str()) {
                return Err(Error::Inconsistent {
                    file,
                    message: format!("control `{}` is listed twice", control.id),
                });
            }
            if !group_ids.contains(control.group.as_str()) {
                return Err(Error::Inconsistent {
                    file,
                    message: format!(
                        "control `{}` names group `{}`, which is not declared",
                        control.id, control.group
                    ),
                });
            }
        }
        Ok(catalog)
    }

    /// How reports name the framework and version: `PCI DSS 4.0.1`,
    /// `ISO/IEC 27001:2022`, `GDPR (EU) 2016/679`.
    pub fn label(&self) -> String {
        match self.framework {
            Framework::Iso27001 => format!("{}:{}", self.name, self.version),
            Framework::Gdpr => format!("{} (EU) {}", self.name, self.version),
            _ => format!("{} {}", self.name, self.version),
        }
    }

    /// The control with this id, if the catalog has it.
    pub fn control(&self, id: &str) -> Option<&Control> {
        self.controls.iter().find(|control| control.id == id)
    }

    /// The title of a group, or its id when the group is unknown.
    pub fn group_title<'a>(&'a self, group_id: &'a str) -> &'a str {
        self.groups
            .iter()
            .find(|group| group.id == group_id)
            .map_or(group_id, |group| group.title.as_str())
    }
}

/// The file name and text of a framework's bundled catalog.
fn bundled_file(framework: Framework) -> (&'static str, &'static str) {
    match framework {
        Framework::PciDss => (
            "catalogs/pci-dss.yaml",
            include_str!("../data/catalogs/pci-dss.yaml"),
        ),
        Framework::Gdpr => (
            "catalogs/gdpr.yaml",
            include_str!("../data/catalogs/gdpr.yaml"),
        ),
        Framework::Iso27001 => (
            "catalogs/iso27001.yaml",
            include_str!("../data/catalogs/iso27001.yaml"),
        ),
        Framework::Nist800207 => (
            "catalogs/nist-800-207.yaml",
            include_str!("../data/catalogs/nist-800-207.yaml"),
        ),
        Framework::CisaZtmm => (
            "catalogs/cisa-ztmm.yaml",
            include_str!("../data/catalogs/cisa-ztmm.yaml"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_catalog_parses_and_is_consistent() {
        for framework in Framework::ALL {
            let catalog = Catalog::parse_bundled(framework).unwrap();
            assert!(!catalog.controls.is_empty(), "{framework} has no controls");
        }
    }

    #[test]
    fn iso27001_lists_all_93_annex_a_controls_by_theme() {
        let catalog = Catalog::of(Framework::Iso27001);
        let count = |theme: &str| catalog.controls.iter().filter(|c| c.group == theme).count();
        assert_eq!(
            (count("5"), count("6"), count("7"), count("8")),
            (37, 8, 14, 34)
        );
        assert_eq!(catalog.controls.len(), 93);
        // Prowler's ISO mapping drops A.8.28; ours must not.
        assert!(catalog.control("A.8.28").is_some());
    }

    #[test]
    fn nist_has_seven_tenets_and_ztmm_five_pillars_and_three_capabilities() {
        assert_eq!(Catalog::of(Framework::Nist800207).controls.len(), 7);
        let ztmm = Catalog::of(Framework::CisaZtmm);
        let pillars = ztmm.controls.iter().filter(|c| c.group == "pillar").count();
        let crosscutting = ztmm
            .controls
            .iter()
            .filter(|c| c.group == "cross-cutting")
            .count();
        assert_eq!((pillars, crosscutting), (5, 3));
    }

    #[test]
    fn pci_dss_is_version_4_0_1_and_covers_all_twelve_requirements() {
        let catalog = Catalog::of(Framework::PciDss);
        assert_eq!(catalog.version, "4.0.1");
        for requirement in 1..=12 {
            let group = requirement.to_string();
            assert!(
                catalog.controls.iter().any(|c| c.group == group),
                "requirement {requirement} has no controls"
            );
        }
    }

    #[test]
    fn a_duplicate_control_id_is_rejected_with_the_file_name() {
        let text = "framework: gdpr\nname: x\nversion: '1'\npublished: '2020-01'\n\
                    groups: [{id: g, title: G}]\n\
                    controls:\n  - {id: '1', group: g, evidence: design, title: a}\n  \
                    - {id: '1', group: g, evidence: design, title: b}\n";
        let error = Catalog::parse("test.yaml", text).unwrap_err();
        assert_eq!(error.to_string(), "test.yaml: control `1` is listed twice");
    }

    #[test]
    fn a_malformed_catalog_reports_line_and_column() {
        let text = "framework: gdpr\nname: x\nversion: '1'\npublished: '2020-01'\n\
                    groups: []\ncontrols:\n  - {id: '1', evidence: sometimes}\n";
        let error = Catalog::parse("bad.yaml", text).unwrap_err().to_string();
        assert!(error.starts_with("bad.yaml:7:"), "{error}");
    }
}
