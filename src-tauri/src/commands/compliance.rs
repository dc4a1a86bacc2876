//! The compliance panel: the design's assessment against PCI DSS 4.0.1, GDPR and ISO/IEC
//! 27001:2022, control by control, and its CISA ZTMM stage per pillar. The assessment is the
//! zta crate's, and the panel receives it as it is.

use zta::{ComplianceAssessment, Design};

/// Assesses the design the UI holds. Async so that it runs off the thread that drives the window.
#[tauri::command]
pub async fn assess_compliance(design: Design) -> ComplianceAssessment {
    zta::compliance_assessment(&design)
}

#[cfg(test)]
mod tests {
    /// The panel switches on the statuses and stages as they serialise, and adds up the totals.
    #[test]
    fn the_panel_gets_every_framework_and_pillar_with_totals_that_add_up() {
        let design = zta::example_design("reference").unwrap().unwrap();
        let assessment = zta::compliance_assessment(&design);
        let json = serde_json::to_value(&assessment).unwrap();
        let ids: Vec<&str> = json["frameworks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|framework| framework["framework"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["pci-dss", "gdpr", "iso27001"]);
        for framework in json["frameworks"].as_array().unwrap() {
            let totals: u64 = framework["totals"]
                .as_object()
                .unwrap()
                .values()
                .map(|count| count.as_u64().unwrap())
                .sum();
            let controls = framework["controls"].as_array().unwrap();
            assert_eq!(totals as usize, controls.len(), "{}", framework["name"]);
            for control in controls {
                let status = control["status"].as_str().unwrap();
                assert!(
                    status.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                    "{status}"
                );
            }
        }
        let stage = json["zero_trust"]["pillars"][0]["stage"].as_str().unwrap();
        assert!(
            [
                "not-assessed",
                "traditional",
                "initial",
                "advanced",
                "optimal"
            ]
            .contains(&stage),
            "{stage}"
        );
    }
}
