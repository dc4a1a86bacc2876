//! Which controls each rule gives evidence for, per framework, read from the data files
//! under `data/mappings/`: kept apart from the rule logic so that a compliance reviewer
//! can change a mapping without touching a rule.
//!
//! A mapping lists, for each control, the clauses a design can bear on, and for each clause
//! the rules that judge it and the report artifacts that show it (the architecture diagram
//! for PCI DSS 1.2.3, the component inventory for ISO A.5.9). A clause with neither is the
//! part of the control the design cannot show. Controls can also require capabilities
//! (`data/capabilities.yaml`), such as a trail recording every account.

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

/// One clause of a control: a part of what the control asks, in our own words, with the
/// rules that judge it and the report artifacts that show it. A clause with neither is a part
/// of the control that the design cannot show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// A short id, unique within the control (`validation`, `stores-private`).
    pub clause: String,
    /// What the clause asks.
    pub text: String,
    /// The rules whose subjects and findings judge the clause.
    #[serde(default)]
    pub rules: Vec<String>,
    /// The report artifacts that show the clause.
    #[serde(default)]
    pub artifacts: Vec<Artifact>,
}

impl Clause {
    /// Whether no rule and no artifact bears on the clause.
    pub fn is_unevidenced(&self) -> bool {
        self.rules.is_empty() && self.artifacts.is_empty()
    }
}

/// A capability that controls can require: it holds when each of its rules evaluated at least
/// one subject and has no finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capability {
    pub id: String,
    pub description: String,
    pub rules: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CapabilityFile {
    capabilities: Vec<Capability>,
}

impl Capability {
    /// Every capability of `data/capabilities.yaml`, parsed on first use.
    pub fn all() -> &'static [Capability] {
        static CAPABILITIES: OnceLock<Vec<Capability>> = OnceLock::new();
        CAPABILITIES.get_or_init(|| {
            // Bundled and checked by the tests: failure is a build defect.
            Capability::parse_bundled()
                .unwrap_or_else(|error| panic!("bundled capabilities are invalid: {error}"))
        })
    }

    /// Parses the bundled capability file.
    pub fn parse_bundled() -> Result<Vec<Capability>> {
        let file = "capabilities.yaml";
        let parsed: CapabilityFile =
            serde_norway::from_str(include_str!("../data/capabilities.yaml"))
                .map_err(|error| Error::data_file(file, &error))?;
        if let Some(empty) = parsed.capabilities.iter().find(|c| c.rules.is_empty()) {
            return Err(Error::Inconsistent {
                file,
                message: format!("capability `{}` names no rule", empty.id),
            });
        }
        Ok(parsed.capabilities)
    }

    /// The capability with this id.
    pub fn find(id: &str) -> Option<&'static Capability> {
        Capability::all()
            .iter()
            .find(|capability| capability.id == id)
    }
}

/// How one framework's controls are evidenced: clause by clause, with the capabilities each
/// control requires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub framework: Framework,
    /// Control id to the capabilities it requires.
    #[serde(default)]
    pub requires: BTreeMap<String, Vec<String>>,
    /// Control id to its clauses.
    pub controls: BTreeMap<String, Vec<Clause>>,
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

    /// Parses a bundled mapping and checks it against the catalog and the capabilities.
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

    /// Every control must exist in the catalog and list at least one clause, clause ids must
    /// be unique within a control, and every required capability must exist.
    pub fn check(&self, file: &'static str, catalog: &Catalog) -> Result<()> {
        let inconsistent = |message: String| Error::Inconsistent { file, message };
        for (control, clauses) in &self.controls {
            if catalog.control(control).is_none() {
                return Err(inconsistent(format!(
                    "`{control}` is not in the {} {} catalog",
                    catalog.name, catalog.version
                )));
            }
            if clauses.is_empty() {
                return Err(inconsistent(format!("`{control}` lists no clause")));
            }
            let mut seen = std::collections::HashSet::new();
            if let Some(clause) = clauses.iter().find(|c| !seen.insert(c.clause.as_str())) {
                return Err(inconsistent(format!(
                    "`{control}` lists clause `{}` twice",
                    clause.clause
                )));
            }
        }
        for (control, capabilities) in &self.requires {
            if catalog.control(control).is_none() {
                return Err(inconsistent(format!(
                    "`requires` names `{control}`, which is not in the catalog"
                )));
            }
            if let Some(unknown) = capabilities
                .iter()
                .find(|id| Capability::find(id).is_none())
            {
                return Err(inconsistent(format!(
                    "`{control}` requires unknown capability `{unknown}`"
                )));
            }
        }
        Ok(())
    }

    /// The controls a rule evidences (empty when the rule is not mapped).
    pub fn controls_of(&self, rule: &str) -> Vec<&str> {
        self.controls
            .iter()
            .filter(|(_, clauses)| clauses.iter().any(|c| c.rules.iter().any(|r| r == rule)))
            .map(|(control, _)| control.as_str())
            .collect()
    }

    /// Every rule code the mapping names.
    pub fn rule_codes(&self) -> std::collections::BTreeSet<&str> {
        self.controls
            .values()
            .flatten()
            .flat_map(|clause| clause.rules.iter().map(String::as_str))
            .collect()
    }

    /// The clauses of a control (empty when the mapping does not list it).
    pub fn clauses_of(&self, control: &str) -> &[Clause] {
        self.controls.get(control).map_or(&[], Vec::as_slice)
    }

    /// The rules that evidence a control, each once, in clause order.
    pub fn rules_of(&self, control: &str) -> Vec<&str> {
        let mut rules: Vec<&str> = Vec::new();
        for rule in self.clauses_of(control).iter().flat_map(|c| &c.rules) {
            if !rules.contains(&rule.as_str()) {
                rules.push(rule);
            }
        }
        rules
    }

    /// The report artifacts that evidence a control.
    pub fn artifacts_of(&self, control: &str) -> Vec<Artifact> {
        let mut artifacts: Vec<Artifact> = Vec::new();
        for artifact in self.clauses_of(control).iter().flat_map(|c| &c.artifacts) {
            if !artifacts.contains(artifact) {
                artifacts.push(*artifact);
            }
        }
        artifacts
    }

    /// The capabilities a control requires.
    pub fn requirements_of(&self, control: &str) -> Vec<&'static Capability> {
        self.requires
            .get(control)
            .into_iter()
            .flatten()
            .filter_map(|id| Capability::find(id))
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
