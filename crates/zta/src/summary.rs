//! A short account of what a design holds, for `zta check` and the app's status bar.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use zta_model::Design;

/// Counts of what a design holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DesignSummary {
    /// The design's name.
    pub name: String,
    /// Segments by kind.
    pub segments: BTreeMap<String, usize>,
    /// Components by kind.
    pub components: BTreeMap<String, usize>,
    /// Identities by kind.
    pub identities: BTreeMap<String, usize>,
    /// The number of actors.
    pub actors: usize,
    /// The number of flows.
    pub flows: usize,
    /// The number of flows that are not encrypted in transit.
    pub unencrypted_flows: usize,
    /// The number of element suppressions (accepted risks).
    pub suppressions: usize,
}

impl DesignSummary {
    /// Summarises a design.
    pub fn of(design: &Design) -> Self {
        fn count<'a>(names: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
            let mut counts = BTreeMap::new();
            for name in names {
                *counts.entry(name.to_string()).or_insert(0) += 1;
            }
            counts
        }
        Self {
            name: design.name.clone(),
            segments: count(design.segments.iter().map(|segment| segment.kind.as_str())),
            components: count(
                design
                    .components
                    .iter()
                    .map(|component| component.kind.as_str()),
            ),
            identities: count(
                design
                    .identities
                    .iter()
                    .map(|identity| identity.kind.as_str()),
            ),
            actors: design.actors.len(),
            flows: design.flows.len(),
            unencrypted_flows: design
                .flows
                .iter()
                .filter(|flow| !flow.is_encrypted())
                .count(),
            suppressions: design
                .elements()
                .map(|element| element.suppressions().len())
                .sum(),
        }
    }

    fn total(counts: &BTreeMap<String, usize>) -> usize {
        counts.values().sum()
    }
}

impl fmt::Display for DesignSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn line(
            f: &mut fmt::Formatter<'_>,
            label: &str,
            counts: &BTreeMap<String, usize>,
        ) -> fmt::Result {
            let detail = counts
                .iter()
                .map(|(kind, count)| format!("{count} {kind}"))
                .collect::<Vec<_>>()
                .join(", ");
            writeln!(
                f,
                "  {label:<11} {:>4}  {detail}",
                DesignSummary::total(counts)
            )
        }
        writeln!(f, "{}", self.name)?;
        line(f, "segments", &self.segments)?;
        line(f, "components", &self.components)?;
        line(f, "identities", &self.identities)?;
        writeln!(f, "  {:<11} {:>4}", "actors", self.actors)?;
        writeln!(
            f,
            "  {:<11} {:>4}  {} without TLS",
            "flows", self.flows, self.unencrypted_flows
        )?;
        write!(f, "  {:<11} {:>4}", "accepted risks", self.suppressions)
    }
}
