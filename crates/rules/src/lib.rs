//! The ZTA Designer rule engine: it builds the design as a graph, runs the analyses that rules
//! share (internet exposure, PCI scope, blast radius, segmentation), checks every zero-trust
//! rule of the catalog and returns findings, rendered as text, JSON or SARIF; and it compares
//! two versions of a design for what changed in security.
//!
//! **Invariant:** validation never fails on a design, however broken: it always returns a
//! report. **Boundary:** no I/O; callers load designs and write the renderings.
//!
//! ```
//! let design = zta_model::Design::new("empty");
//! let report = zta_rules::validate(&design);
//! assert!(report.findings.is_empty());
//! assert!(zta_rules::catalog().len() >= 60);
//! ```

pub mod actions;
pub mod analysis;
mod carried;
mod catalog;
mod context;
mod coverage;
mod diff;
mod error;
mod finding;
mod graph;
pub mod render;
mod rule;
mod rules;
mod severity;
mod zero_trust;

pub use carried::subject as carried_subject;
pub use catalog::{RuleSummary, catalog, find_rule, rule_summaries};
pub use context::{Context, Index, Place, Zone};
pub use coverage::Coverage;
pub use diff::{DesignDiff, ExposureChange, FindingChange, PathChange, diff};
pub use error::{Error, Result};
pub use finding::{Emitter, Finding, Report, RuleRun, Summary};
pub use graph::{DesignGraph, Edge, Node};
pub use rule::{DOC_SECTIONS, Family, Rule, RuleMeta};
pub use severity::Severity;
pub use zero_trust::{Pillar, Tenet};

use zta_model::{Design, ElementRef};

/// Validates a design against every rule of the catalog.
///
/// Findings come most severe first, then by rule code, then in the order the rule found them
/// (design order), so the same design always gives the same list.
pub fn validate(design: &Design) -> Report {
    let context = Context::new(design);
    let suppressions = suppressions_of(design);
    let mut findings = Vec::new();
    let mut runs = Vec::with_capacity(rules::ALL.len());
    let mut judged = std::collections::BTreeSet::new();
    for rule in rules::ALL {
        let mut emitter = Emitter::new(rule.meta);
        (rule.check)(&context, &mut emitter);
        let (found, run, subjects) = emitter.finish();
        runs.push(run);
        judged.extend(subjects);
        for mut finding in found {
            let reason = finding.elements.iter().find_map(|element| {
                suppressions.get(element.as_str()).and_then(|list| {
                    list.iter()
                        .find(|suppression| suppression.rule == finding.rule)
                        .map(|suppression| suppression.reason.clone())
                })
            });
            finding.suppressed = reason.is_some();
            finding.suppression_reason = reason;
            findings.push(finding);
        }
    }
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.rule.cmp(&b.rule))
    });
    Report {
        design: design.name.clone(),
        summary: Summary::of(&findings),
        findings,
        rules: runs,
        coverage: Coverage::of(design, &judged),
        judged,
        analyses: context.analyses,
    }
}

fn suppressions_of(design: &Design) -> std::collections::HashMap<&str, &[zta_model::Suppression]> {
    design
        .elements()
        .filter(|element| !element.suppressions().is_empty())
        .map(|element: ElementRef<'_>| (element.id(), element.suppressions()))
        .collect()
}
