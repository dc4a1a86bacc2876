//! What the desktop app needs beyond the file commands: the integrity problems of a design held
//! in memory, which the UI shows live, before the design is ever saved.

use serde::Serialize;
use zta_model::{Design, integrity};

/// A problem that makes a design not loadable as a file: an unknown reference, a subnet outside
/// a VPC, a field that does not apply to the element's kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DesignProblem {
    /// Where in the document, e.g. `components[3].segment`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// The obvious fix, when there is one.
    pub help: Option<String>,
}

/// Every integrity problem of `design`, in document order; empty for a sound design.
pub fn design_problems(design: &Design) -> Vec<DesignProblem> {
    integrity::check(design)
        .into_iter()
        .map(|issue| DesignProblem {
            path: issue.path,
            message: issue.message,
            help: issue.help,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dangling_reference_is_a_problem_with_its_path() {
        let mut design = Design::new("Shop");
        design.segments.push(zta_model::Segment {
            id: "vpc".into(),
            kind: zta_model::SegmentKind::Vpc,
            name: "VPC".into(),
            parent: Some("no-such-account".into()),
            description: None,
            account_id: None,
            region: None,
            cidr: None,
            az: None,
            tier: None,
            flow_logs: None,
            logical_id: None,
            suppress: Vec::new(),
        });
        let problems = design_problems(&design);
        assert!(
            problems.iter().any(|p| p.path == "segments[0].parent"),
            "{problems:?}"
        );
        assert!(design_problems(&Design::new("Empty")).is_empty());
    }
}
