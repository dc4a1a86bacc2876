//! The security diff between two versions of a design: findings added and resolved, internet
//! paths opened and closed, and flows, identities and components whose exposure changed. This
//! is what a reviewer reads in a pull request (`zta diff OLD NEW`).

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;
use zta_model::{Design, Flow, Identity, MfaMode};

use crate::analysis::ExposurePath;
use crate::{Finding, Report, Severity, validate};

/// A finding present in one version and not the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingChange {
    /// The rule code.
    pub rule: String,
    /// The severity.
    pub severity: Severity,
    /// The rule title.
    pub title: String,
    /// The finding's message in the version that has it.
    pub message: String,
    /// The elements concerned.
    pub elements: Vec<String>,
}

/// An exposure path present in one version and not the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathChange {
    /// The zone the path starts in (`internet`, `on_premises`, `partner`).
    pub zone: String,
    /// The component reached.
    pub target: String,
    /// The enforcement points on the path.
    pub enforcement: Vec<String>,
    /// The ids along the path.
    pub path: Vec<String>,
}

/// A flow, identity or component whose exposure changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExposureChange {
    /// `flow`, `identity` or `component`.
    pub kind: &'static str,
    /// The element id.
    pub id: String,
    /// What changed, for people.
    pub change: String,
}

/// What changed for security between two designs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DesignDiff {
    /// The old design's name.
    pub old_design: String,
    /// The new design's name.
    pub new_design: String,
    /// Open findings of the new version that the old one did not have, most severe first.
    pub findings_added: Vec<FindingChange>,
    /// Open findings of the old version that the new one no longer has.
    pub findings_resolved: Vec<FindingChange>,
    /// Exposure paths of the new version that the old one did not have.
    pub paths_opened: Vec<PathChange>,
    /// Exposure paths of the old version that the new one no longer has.
    pub paths_closed: Vec<PathChange>,
    /// Flows, identities and components whose protection or reach changed.
    pub exposure_changed: Vec<ExposureChange>,
}

impl DesignDiff {
    /// Whether nothing changed for security.
    pub fn is_empty(&self) -> bool {
        self.findings_added.is_empty()
            && self.findings_resolved.is_empty()
            && self.paths_opened.is_empty()
            && self.paths_closed.is_empty()
            && self.exposure_changed.is_empty()
    }

    /// The most severe added finding, if any (what a pipeline gate asks).
    pub fn worst_added(&self) -> Option<Severity> {
        self.findings_added
            .iter()
            .map(|finding| finding.severity)
            .max()
    }
}

/// Compares two versions of a design.
pub fn diff(old: &Design, new: &Design) -> DesignDiff {
    let (old_report, new_report) = (validate(old), validate(new));
    let (findings_added, findings_resolved) = finding_changes(&old_report, &new_report);
    let (paths_opened, paths_closed) = path_changes(&old_report, &new_report);
    let mut exposure_changed = flow_changes(old, new);
    exposure_changed.extend(identity_changes(old, new, &old_report, &new_report));
    exposure_changed.extend(component_changes(new, &old_report, &new_report));
    DesignDiff {
        old_design: old.name.clone(),
        new_design: new.name.clone(),
        findings_added,
        findings_resolved,
        paths_opened,
        paths_closed,
        exposure_changed,
    }
}

fn finding_key(finding: &Finding) -> (String, Vec<String>) {
    (finding.rule.clone(), finding.elements.clone())
}

fn finding_changes(old: &Report, new: &Report) -> (Vec<FindingChange>, Vec<FindingChange>) {
    let keys = |report: &Report| -> BTreeSet<(String, Vec<String>)> {
        report.open_findings().map(finding_key).collect()
    };
    let (old_keys, new_keys) = (keys(old), keys(new));
    let change = |finding: &Finding| FindingChange {
        rule: finding.rule.clone(),
        severity: finding.severity,
        title: finding.title.clone(),
        message: finding.message.clone(),
        elements: finding.elements.clone(),
    };
    let added = new
        .open_findings()
        .filter(|finding| !old_keys.contains(&finding_key(finding)))
        .map(change)
        .collect();
    let resolved = old
        .open_findings()
        .filter(|finding| !new_keys.contains(&finding_key(finding)))
        .map(change)
        .collect();
    (added, resolved)
}

fn path_key(path: &ExposurePath) -> (String, String, Vec<&'static str>) {
    (
        zone_name(path),
        path.target.clone(),
        path.enforcement.names(),
    )
}

fn zone_name(path: &ExposurePath) -> String {
    serde_json::to_value(path.zone)
        .ok()
        .and_then(|value| value.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn path_changes(old: &Report, new: &Report) -> (Vec<PathChange>, Vec<PathChange>) {
    let keys = |report: &Report| -> BTreeSet<(String, String, Vec<&'static str>)> {
        report
            .analyses
            .exposure
            .paths
            .iter()
            .map(path_key)
            .collect()
    };
    let (old_keys, new_keys) = (keys(old), keys(new));
    let change = |path: &ExposurePath| PathChange {
        zone: zone_name(path),
        target: path.target.clone(),
        enforcement: path
            .enforcement
            .names()
            .into_iter()
            .map(String::from)
            .collect(),
        path: path.path.clone(),
    };
    let opened = new
        .analyses
        .exposure
        .paths
        .iter()
        .filter(|path| !old_keys.contains(&path_key(path)))
        .map(change)
        .collect();
    let closed = old
        .analyses
        .exposure
        .paths
        .iter()
        .filter(|path| !new_keys.contains(&path_key(path)))
        .map(change)
        .collect();
    (opened, closed)
}

fn flow_changes(old: &Design, new: &Design) -> Vec<ExposureChange> {
    let old_flows: HashMap<&str, &Flow> = old
        .flows
        .iter()
        .map(|flow| (flow.id.as_str(), flow))
        .collect();
    let mut changes = Vec::new();
    for flow in &new.flows {
        let mut notes: Vec<String> = Vec::new();
        match old_flows.get(flow.id.as_str()) {
            None => {
                if let Some(class) = flow.most_sensitive().filter(|class| class.is_sensitive()) {
                    notes.push(format!(
                        "new flow {} → {} carrying {} data ({})",
                        flow.source,
                        flow.target,
                        class.as_str(),
                        flow.label()
                    ));
                }
            }
            Some(before) => {
                if flow.tls < before.tls {
                    notes.push(format!(
                        "TLS weakened from {:?} to {:?}",
                        before.tls, flow.tls
                    ));
                }
                if before.auth.is_authenticated() && !flow.auth.is_authenticated() {
                    notes.push(format!(
                        "authentication removed (was {})",
                        before.auth.label().unwrap_or("none")
                    ));
                } else if flow.auth != before.auth {
                    notes.push(format!(
                        "authentication changed from {} to {}",
                        before.auth.label().unwrap_or("none"),
                        flow.auth.label().unwrap_or("none")
                    ));
                }
                if flow.most_sensitive() > before.most_sensitive()
                    && let Some(class) = flow.most_sensitive()
                {
                    notes.push(format!("now carries {} data", class.as_str()));
                }
                for via in before.via.iter().filter(|via| !flow.via.contains(via)) {
                    notes.push(format!("no longer passes through `{via}`"));
                }
                if flow.ports != before.ports {
                    notes.push(format!(
                        "ports changed from {} to {}",
                        ports(before),
                        ports(flow)
                    ));
                }
            }
        }
        if !notes.is_empty() {
            changes.push(ExposureChange {
                kind: "flow",
                id: flow.id.clone(),
                change: notes.join("; "),
            });
        }
    }
    changes
}

fn ports(flow: &Flow) -> String {
    if flow.ports.is_empty() {
        return "default".into();
    }
    flow.ports
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn mfa_name(mode: Option<MfaMode>) -> &'static str {
    match mode {
        None => "default",
        Some(MfaMode::Off) => "off",
        Some(MfaMode::Optional) => "optional",
        Some(MfaMode::Required) => "required",
    }
}

fn identity_changes(
    old: &Design,
    new: &Design,
    old_report: &Report,
    new_report: &Report,
) -> Vec<ExposureChange> {
    let old_identities: HashMap<&str, &Identity> = old
        .identities
        .iter()
        .map(|identity| (identity.id.as_str(), identity))
        .collect();
    let mut changes = Vec::new();
    for identity in &new.identities {
        let mut notes: Vec<String> = Vec::new();
        if let Some(before) = old_identities.get(identity.id.as_str()) {
            if before.mfa == Some(MfaMode::Required) && identity.mfa != Some(MfaMode::Required)
                || before.mfa.is_some() && identity.mfa.is_some() && identity.mfa < before.mfa
            {
                notes.push(format!(
                    "MFA {} → {}",
                    mfa_name(before.mfa),
                    mfa_name(identity.mfa)
                ));
            }
            for policy in identity
                .managed_policies
                .iter()
                .filter(|policy| !before.managed_policies.contains(policy))
            {
                notes.push(format!("managed policy {policy} attached"));
            }
        }
        let stores = |report: &Report| -> BTreeSet<String> {
            report
                .analyses
                .blast_radius
                .of(&identity.id)
                .map(|reach| {
                    reach
                        .stores
                        .iter()
                        .map(|reach| reach.store.clone())
                        .collect()
                })
                .unwrap_or_default()
        };
        let (before, after) = (stores(old_report), stores(new_report));
        let gained: Vec<&String> = after.difference(&before).collect();
        let lost: Vec<&String> = before.difference(&after).collect();
        if !gained.is_empty() && old_identities.contains_key(identity.id.as_str()) {
            notes.push(format!(
                "can now reach {}",
                gained
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !lost.is_empty() {
            notes.push(format!(
                "no longer reaches {}",
                lost.iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !notes.is_empty() {
            changes.push(ExposureChange {
                kind: "identity",
                id: identity.id.clone(),
                change: notes.join("; "),
            });
        }
    }
    changes
}

fn component_changes(
    new: &Design,
    old_report: &Report,
    new_report: &Report,
) -> Vec<ExposureChange> {
    let mut changes = Vec::new();
    for component in &new.components {
        let id = component.id.as_str();
        let mut notes: Vec<String> = Vec::new();
        let (was_exposed, is_exposed) = (
            old_report.analyses.exposure.is_exposed(id),
            new_report.analyses.exposure.is_exposed(id),
        );
        if is_exposed && !was_exposed {
            notes.push("now reachable from outside".into());
        } else if was_exposed && !is_exposed {
            notes.push("no longer reachable from outside".into());
        }
        let (was_cde, is_cde) = (
            old_report.analyses.data.in_pci_scope(id),
            new_report.analyses.data.in_pci_scope(id),
        );
        if is_cde && !was_cde {
            notes.push("entered PCI scope".into());
        } else if was_cde && !is_cde {
            notes.push("left PCI scope".into());
        }
        if !notes.is_empty() {
            changes.push(ExposureChange {
                kind: "component",
                id: component.id.clone(),
                change: notes.join("; "),
            });
        }
    }
    changes
}
