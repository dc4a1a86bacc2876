//! Coverage: how much of a design the rules judged. The design rules judge segments,
//! components and identities; the generic checks judge the resources the design carries
//! verbatim (`carried_cloudformation`). Whatever no rule judged is listed by id, so that a
//! report never lets silence about a part read as a pass.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use zta_model::Design;

use crate::carried;

/// How much of a design the rules judged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// Segments, components and identities of the design.
    pub elements: usize,
    /// Those that at least one design rule judged.
    pub elements_judged: usize,
    /// Resources carried verbatim.
    pub carried: usize,
    /// Those that at least one generic check judged.
    pub carried_judged: usize,
    /// What no rule judged: element ids, and carried resources as
    /// `carried_cloudformation.Resources.Id`, in design order.
    pub not_judged: Vec<String>,
}

impl Coverage {
    /// The coverage of a design given every subject the rules judged.
    pub fn of(design: &Design, judged: &BTreeSet<String>) -> Self {
        let mut coverage = Coverage::default();
        let elements = design
            .segments
            .iter()
            .map(|segment| segment.id.as_str())
            .chain(
                design
                    .components
                    .iter()
                    .map(|component| component.id.as_str()),
            )
            .chain(
                design
                    .identities
                    .iter()
                    .map(|identity| identity.id.as_str()),
            );
        for id in elements {
            coverage.elements += 1;
            if judged.contains(id) {
                coverage.elements_judged += 1;
            } else {
                coverage.not_judged.push(id.to_owned());
            }
        }
        for resource in carried::resources(design) {
            let subject = carried::subject("Resources", resource.logical_id);
            coverage.carried += 1;
            if judged.contains(&subject) {
                coverage.carried_judged += 1;
            } else {
                coverage.not_judged.push(subject);
            }
        }
        coverage
    }

    /// Everything counted, judged or not.
    pub fn total(&self) -> usize {
        self.elements + self.carried
    }

    /// Everything judged, by a design rule or a generic check.
    pub fn judged(&self) -> usize {
        self.elements_judged + self.carried_judged
    }

    /// One line for people: "judged 40 of 42 parts: 30 of 31 elements by design rules, 10 of
    /// 11 carried resources by generic checks; 2 not judged".
    pub fn summary(&self) -> String {
        format!(
            "judged {} of {} parts: {} of {} elements by design rules, {} of {} carried resources by generic checks; {} not judged",
            self.judged(),
            self.total(),
            self.elements_judged,
            self.elements,
            self.carried_judged,
            self.carried,
            self.not_judged.len()
        )
    }
}
