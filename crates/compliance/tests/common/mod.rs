//! Runs the rule engine on a design and assesses it, the way the report does, so that the
//! compliance tests can pin statuses on real designs: the examples and altered copies of them.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use zta_compliance::{
    ControlAssessment, ControlStatus, DesignFacts, FindingRecord, Framework, FrameworkAssessment,
    RuleDescriptor, Severity, assess,
};
use zta_model::{DataClass, Design};

pub fn example(name: &str) -> Design {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(format!("{name}.zta.yaml"));
    zta_model::load_file(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn severity(severity: zta_rules::Severity) -> Severity {
    match severity {
        zta_rules::Severity::Critical => Severity::Critical,
        zta_rules::Severity::High => Severity::High,
        zta_rules::Severity::Medium => Severity::Medium,
        zta_rules::Severity::Low => Severity::Low,
        zta_rules::Severity::Info => Severity::Info,
    }
}

/// A design's validation and its assessment against one framework.
pub struct Assessed {
    pub report: zta_rules::Report,
    pub rules: Vec<RuleDescriptor>,
    pub assessment: FrameworkAssessment,
}

impl Assessed {
    pub fn control(&self, id: &str) -> &ControlAssessment {
        self.assessment
            .controls
            .iter()
            .find(|control| control.id == id)
            .unwrap_or_else(|| panic!("no control {id}"))
    }

    pub fn status(&self, id: &str) -> ControlStatus {
        self.control(id).status
    }

    pub fn subjects(&self, rule: &str) -> usize {
        self.report.run_of(rule).map_or(0, |run| run.subjects)
    }

    pub fn fires(&self, rule: &str) -> bool {
        self.report
            .findings
            .iter()
            .any(|finding| finding.rule == rule)
    }
}

pub fn assessed(design: &Design, framework: Framework) -> Assessed {
    let report = zta_rules::validate(design);
    let rules: Vec<RuleDescriptor> = zta_rules::catalog()
        .into_iter()
        .map(|meta| RuleDescriptor {
            code: meta.code.to_string(),
            title: meta.title.to_string(),
            severity: severity(meta.severity),
            tenets: meta.tenets.iter().map(|t| t.id().to_string()).collect(),
            pillars: vec![meta.pillar.id().to_string()],
            subjects: report.run_of(meta.code).map_or(0, |run| run.subjects),
        })
        .collect();
    let findings: Vec<FindingRecord> = report
        .findings
        .iter()
        .enumerate()
        .map(|(index, finding)| FindingRecord {
            reference: format!("F-{:03}", index + 1),
            rule: finding.rule.clone(),
            severity: severity(finding.severity),
            message: finding.message.clone(),
            elements: finding.elements.clone(),
            accepted_risk: finding
                .suppressed
                .then(|| finding.suppression_reason.clone().unwrap_or_default()),
        })
        .collect();
    let carries = |class: DataClass| {
        design.components.iter().any(|c| c.stores.contains(&class))
            || design.flows.iter().any(|flow| flow.data.contains(&class))
    };
    let facts = DesignFacts {
        handles_cardholder_data: carries(DataClass::Cardholder),
        handles_personal_data: carries(DataClass::Pii) || carries(DataClass::Cardholder),
        ..DesignFacts::default()
    };
    let assessment = assess(framework, &rules, &findings, &facts);
    Assessed {
        report,
        rules,
        assessment,
    }
}
