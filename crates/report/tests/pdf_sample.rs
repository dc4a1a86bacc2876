//! Renders the hand-written sample report and checks the PDF with qpdf and pdftotext.

mod common;

use std::process::Command;

use zta_report::{Paper, pdf};

#[test]
fn sample_report_renders_on_a4_and_letter() {
    let report = common::sample_report(40);
    for paper in [Paper::A4, Paper::Letter] {
        let bytes = pdf::render(&report, paper).unwrap();
        let path = std::env::temp_dir().join(format!("zta-sample-{paper:?}.pdf"));
        std::fs::write(&path, &bytes).unwrap();
        let check = Command::new("qpdf")
            .arg("--check")
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stdout)
        );
        let text = Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8(text.stdout).unwrap();
        for name in common::NAMES {
            assert!(text.contains(name), "{name} missing");
        }
    }
}
