//! The PDF's own dates (creation, modification) are the report's date, as `pdfinfo` reads them,
//! not printpdf's default of 1970; a date that is not `YYYY-MM-DD` is refused, not replaced.

use std::path::Path;
use std::process::Command;

use zta_report::{Paper, ReportOptions, Validation, build, pdf};

fn report_dated(date: &str) -> zta_report::Report {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/three-tier-web-app.zta.yaml");
    let bytes = std::fs::read(&path).unwrap();
    let design = zta_model::load_str(
        &String::from_utf8(bytes.clone()).unwrap(),
        "three-tier-web-app.zta.yaml",
    )
    .unwrap();
    let validation = Validation::from_rules(&design, &zta_rules::validate(&design));
    build(
        &design,
        &bytes,
        &validation,
        &ReportOptions::new(date, "zta-report tests"),
    )
}

#[test]
fn the_pdf_is_dated_the_day_of_the_report() {
    let output = std::env::temp_dir().join(format!("zta-report-dates-{}.pdf", std::process::id()));
    std::fs::write(
        &output,
        pdf::render(&report_dated("2026-03-14"), Paper::A4).unwrap(),
    )
    .unwrap();
    let info = Command::new("pdfinfo")
        .arg("-isodates")
        .arg(&output)
        .output()
        .expect("pdfinfo runs (install poppler-utils: make setup)");
    std::fs::remove_file(&output).unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    for field in ["CreationDate", "ModDate"] {
        let line = info
            .lines()
            .find(|line| line.starts_with(field))
            .unwrap_or_else(|| panic!("pdfinfo shows no {field}:\n{info}"));
        assert!(line.contains("2026-03-14T00:00:00"), "{line}");
    }
}

#[test]
fn a_date_that_is_not_a_calendar_date_is_refused() {
    for date in ["14 March 2026", "2026-3-14", "2026-13-40", ""] {
        let error = pdf::render(&report_dated(date), Paper::A4).unwrap_err();
        assert!(error.to_string().contains("YYYY-MM-DD"), "{date}: {error}");
    }
}
