//! A design whose names use accents, Cyrillic, Chinese, Japanese and Korean comes back
//! unchanged through `pdftotext`: the embedded fonts have the glyphs and the PDF maps
//! them back to the same characters.

mod common;

use std::process::Command;

use zta_report::{Paper, pdf};

#[test]
fn names_in_every_script_survive_pdftotext() {
    let report = common::sample_report(12);
    for paper in [Paper::A4, Paper::Letter] {
        let path = std::env::temp_dir().join(format!("zta-unicode-{paper:?}.pdf"));
        std::fs::write(&path, pdf::render(&report, paper).unwrap()).unwrap();
        let check = Command::new("qpdf")
            .arg("--check")
            .arg(&path)
            .output()
            .expect("qpdf is installed (make setup)");
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stdout)
        );
        let text = Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext is installed (make setup)");
        let text = String::from_utf8(text.stdout).unwrap();
        for name in common::NAMES {
            assert!(text.contains(name), "{name} did not survive pdftotext");
        }
        assert!(
            text.contains(&report.meta.design_name),
            "design name did not survive"
        );
    }
}
