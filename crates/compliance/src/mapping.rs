//! Which controls each rule gives evidence for, per framework, read from the data files
//! under `data/mappings/`: kept apart from the rule logic so that a compliance reviewer
//! can change a mapping without touching a rule.
//!
//! A mapping file also names the controls that the report itself evidences (the
//! architecture diagram for PCI DSS 1.2.3, the component inventory for ISO A.5.9).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::framework::Framework;

/// A part of the report that is evidence in itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Artifact {
    /// The architecture diagram: segments, components and every connection.
    ArchitectureDiagram,
    /// The table of data flows with protocol, port, TLS, authentication and data classes.
    DataFlowInventory,
    /// The inventory of components, identities and their data classes.
    ComponentInventory,
    /// The PCI DSS scope listing from the rule engine's analysis.
    PciScope,
}

impl Artifact {
    /// How the artifact is named in evidence text.
    pub fn describe(self) -> &'static str {
        match self {
            Artifact::ArchitectureDiagram => {
                "the architecture diagram in this report, generated from the design file"
            }
            Artifact::DataFlowInventory => {
                "the data-flow inventory in this report (protocol, port, TLS, authentication and data classes of every flow)"
            }
            Artifact::ComponentInventory => {
                "the component and identity inventory in this report, with data classes"
            }
            Artifact::PciScope => "the PCI DSS scope listing in this report",
        }
    }
}

/// A control evidenced by an artifact of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArtifactEvidence {
    pub control: String,
    pub artifacts: Vec<Artifact>,
}

/// The rule-to-control mapping of one framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub framework: Framework,
    #[serde(default)]
    pub artifacts: Vec<ArtifactEvidence>,
    /// Rule code to the controls it evidences.
    pub rules: BTreeMap<String, Vec<String>>,
}

impl Mapping {
    /// The bundled mapping of an assessable framework, parsed on first use.
    pub fn of(framework: Framework) -> &'static Mapping {
        static MAPPINGS: OnceLock<Vec<Mapping>> = OnceLock::new();
        let mappings = MAPPINGS.get_or_init(|| {
            Framework::ASSESSABLE
                .iter()
                .map(|&framework| {
                    // Bundled and checked by the tests: failure is a build defect.
                    Mapping::parse_bundled(framework)
                        .unwrap_or_else(|error| panic!("bundled mapping is invalid: {error}"))
                })
                .collect()
        });
        mappings
            .iter()
            .find(|mapping| mapping.framework == framework)
            .unwrap_or_else(|| panic!("{framework} has no control mapping"))
    }

    /// Parses a bundled mapping and checks every control id against the catalog.
    pub fn parse_bundled(framework: Framework) -> Result<Mapping> {
        let (file, text) = bundled_file(framework).ok_or_else(|| Error::Inconsistent {
            file: "mappings/",
            message: format!("{framework} is not an assessable framework"),
        })?;
        let mapping: Mapping =
            serde_norway::from_str(text).map_err(|error| Error::data_file(file, &error))?;
        mapping.check(file, Catalog::of(framework))?;
        Ok(mapping)
    }

    /// Every mapped control id must exist in the framework's catalog.
    pub fn check(&self, file: &'static str, catalog: &Catalog) -> Result<()> {
        let unknown = |control: &str| catalog.control(control).is_none();
        for (rule, controls) in &self.rules {
            if controls.is_empty() {
                return Err(Error::Inconsistent {
                    file,
                    message: format!("rule {rule} maps to no control"),
                });
            }
            if let Some(control) = controls.iter().find(|control| unknown(control)) {
                return Err(Error::Inconsistent {
                    file,
                    message: format!(
                        "rule {rule} maps to `{control}`, which is not in the {} {} catalog",
                        catalog.name, catalog.version
                    ),
                });
            }
        }
        if let Some(entry) = self.artifacts.iter().find(|entry| unknown(&entry.control)) {
            return Err(Error::Inconsistent {
                file,
                message: format!(
                    "artifact evidence names unknown control `{}`",
                    entry.control
                ),
            });
        }
        Ok(())
    }

    /// The controls a rule evidences (empty when the rule is not mapped).
    pub fn controls_of(&self, rule: &str) -> &[String] {
        self.rules.get(rule).map_or(&[], Vec::as_slice)
    }

    /// The rules that evidence a control.
    pub fn rules_of<'a>(&'a self, control: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.rules
            .iter()
            .filter(move |(_, controls)| controls.iter().any(|c| c == control))
            .map(|(rule, _)| rule.as_str())
    }

    /// The report artifacts that evidence a control.
    pub fn artifacts_of(&self, control: &str) -> Vec<Artifact> {
        self.artifacts
            .iter()
            .filter(|entry| entry.control == control)
            .flat_map(|entry| entry.artifacts.iter().copied())
            .collect()
    }
}

fn bundled_file(framework: Framework) -> Option<(&'static str, &'static str)> {
    Some(match framework {
        Framework::PciDss => (
            "mappings/pci-dss.yaml",
            include_str!("../data/mappings/pci-dss.yaml"),
        ),
        Framework::Gdpr => (
            "mappings/gdpr.yaml",
            include_str!("../data/mappings/gdpr.yaml"),
        ),
        Framework::Iso27001 => (
            "mappings/iso27001.yaml",
            include_str!("../data/mappings/iso27001.yaml"),
        ),
        Framework::Nist800207 | Framework::CisaZtmm => return None,
    })
}
