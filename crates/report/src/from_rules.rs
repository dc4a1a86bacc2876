//! The rule engine's results in the report's terms: its catalog, its findings with their
//! suppressions, and its PCI scope analysis.

use zta_compliance::RuleDescriptor;
use zta_model::Design;

use crate::input::{FindingInput, PciScopeInput, RuleInput, Validation};
use zta_rules::analysis::CdeRole;

/// The rule engine's catalog as the compliance crate describes rules, with the subjects each
/// rule evaluated in the validation `report`.
pub fn rule_descriptors(report: &zta_rules::Report) -> Vec<RuleDescriptor> {
    zta_rules::catalog()
        .into_iter()
        .map(|meta| RuleDescriptor {
            code: meta.code.to_string(),
            title: meta.title.to_string(),
            severity: meta.severity,
            tenets: meta
                .tenets
                .iter()
                .map(|tenet| tenet.id().to_string())
                .collect(),
            pillars: vec![meta.pillar.id().to_string()],
            subjects: report.run_of(meta.code).map_or(0, |run| run.subjects),
        })
        .collect()
}

impl Validation {
    /// Converts the rule engine's report on `design`.
    pub fn from_rules(design: &Design, report: &zta_rules::Report) -> Validation {
        let flow_ids: Vec<&str> = design.flows.iter().map(|flow| flow.id.as_str()).collect();
        let findings = report
            .findings
            .iter()
            .map(|finding| FindingInput {
                rule: finding.rule.clone(),
                severity: finding.severity,
                message: finding.message.clone(),
                elements: finding.elements.clone(),
                // The path alternates elements and the flows between them; the report names
                // the elements, and the flows are implied by consecutive elements.
                path: finding
                    .path
                    .iter()
                    .filter(|id| !flow_ids.contains(&id.as_str()))
                    .cloned()
                    .collect(),
                remediation: finding.remediation.clone(),
                accepted_risk: finding.suppressed.then(|| {
                    finding
                        .suppression_reason
                        .clone()
                        .unwrap_or_else(|| "Suppressed in the design without a reason.".to_string())
                }),
            })
            .collect();
        let scope = &report.analyses.data;
        let cde = scope
            .cde
            .iter()
            .map(|member| {
                let roles: Vec<&str> = member
                    .roles
                    .iter()
                    .map(|role| match role {
                        CdeRole::Stores => "stores",
                        CdeRole::Processes => "processes",
                        CdeRole::Transmits => "transmits",
                    })
                    .collect();
                (
                    member.id.clone(),
                    format!("It {} cardholder data.", join_words(&roles)),
                )
            })
            .collect();
        let connected = scope
            .connected
            .iter()
            .map(|member| {
                (
                    member.id.clone(),
                    format!(
                        "Connected to the cardholder data environment through {}.",
                        member
                            .because_of
                            .iter()
                            .map(|id| describe(design, id))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })
            .collect();
        Validation {
            rules: rule_descriptors(report)
                .into_iter()
                .map(|descriptor| RuleInput { descriptor })
                .collect(),
            findings,
            pci_scope: PciScopeInput { cde, connected },
            coverage: report.coverage.clone(),
        }
    }
}

/// An element by name: a flow as `source → target (label)`, anything else by its name.
fn describe(design: &Design, id: &str) -> String {
    let name = |id: &str| {
        design
            .components
            .iter()
            .map(|component| (&component.id, &component.name))
            .chain(design.actors.iter().map(|actor| (&actor.id, &actor.name)))
            .chain(
                design
                    .identities
                    .iter()
                    .map(|identity| (&identity.id, &identity.name)),
            )
            .find(|(element, _)| element.as_str() == id)
            .map_or_else(|| id.to_string(), |(_, name)| name.clone())
    };
    match design.flows.iter().find(|flow| flow.id == id) {
        Some(flow) => format!(
            "the flow {} → {} ({})",
            name(&flow.source),
            name(&flow.target),
            flow.label()
        ),
        None => name(id),
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_words(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [only] => (*only).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
