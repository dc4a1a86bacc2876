//! Every example design under `examples/`, validated by the rule engine and reported on
//! all three frameworks: the PDF passes `qpdf --check`, and `pdftotext` finds every
//! section, every finding's rule code and every control of every framework; the report
//! model is pinned by a JSON snapshot per example.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use zta_report::{Paper, ReportOptions, Validation, build, json, markdown, pdf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn examples() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(workspace().join("examples"))
        .expect("examples/ exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".zta.yaml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no example designs found");
    paths
}

fn report_on(path: &Path) -> zta_report::Report {
    let bytes = std::fs::read(path).unwrap();
    let design = zta_model::load_str(
        &String::from_utf8(bytes.clone()).unwrap(),
        &path.display().to_string(),
    )
    .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let validation = Validation::from_rules(&design, &zta_rules::validate(&design));
    build(
        &design,
        &bytes,
        &validation,
        &ReportOptions::new("2026-01-01", "zta-report tests"),
    )
}

/// Runs a poppler or qpdf tool, failing with a clear message when it is not installed.
fn tool(name: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|error| {
            panic!("cannot run {name} ({error}): install poppler-utils and qpdf (make setup)")
        })
}

#[test]
fn every_example_renders_a_complete_pdf() {
    for path in examples() {
        let report = report_on(&path);
        let output = std::env::temp_dir().join(format!(
            "zta-report-{}.pdf",
            path.file_name().unwrap().to_string_lossy()
        ));
        for paper in [Paper::A4, Paper::Letter] {
            std::fs::write(&output, pdf::render(&report, paper).unwrap()).unwrap();
            let check = tool("qpdf", &["--check".as_ref(), output.as_os_str()]);
            assert!(
                check.status.success(),
                "{}: qpdf: {}",
                path.display(),
                String::from_utf8_lossy(&check.stdout)
            );
            // The diagram has a page of its own on its side, followed by its sheets when it
            // does not read whole; every other page stands upright.
            let info = tool(
                "pdfinfo",
                &["-l".as_ref(), "9999".as_ref(), output.as_os_str()],
            );
            let landscape: Vec<usize> = String::from_utf8_lossy(&info.stdout)
                .lines()
                .filter_map(|line| {
                    let (page, size) = line.strip_prefix("Page")?.split_once(" size: ")?;
                    let mut sides = size.split(" x ");
                    let width: f32 = sides.next()?.trim().parse().ok()?;
                    let height: f32 = sides.next()?.split_whitespace().next()?.parse().ok()?;
                    (width > height).then(|| page.trim().parse().ok())?
                })
                .collect();
            assert!(
                !landscape.is_empty(),
                "{}: no landscape page",
                path.display()
            );
            let first = landscape[0];
            assert_eq!(
                landscape,
                (first..first + landscape.len()).collect::<Vec<_>>(),
                "{}: the landscape pages are not one run",
                path.display()
            );
            for (index, page) in landscape.iter().enumerate() {
                let page = page.to_string();
                let diagram = tool(
                    "pdftotext",
                    &[
                        "-f".as_ref(),
                        page.as_ref(),
                        "-l".as_ref(),
                        page.as_ref(),
                        output.as_os_str(),
                        "-".as_ref(),
                    ],
                );
                let diagram = String::from_utf8_lossy(&diagram.stdout);
                let expected = if index == 0 {
                    "Architecture".to_string()
                } else {
                    format!("Sheet {index} of {}", landscape.len() - 1)
                };
                assert!(
                    diagram.contains(&expected),
                    "{}: the landscape page {page} does not say {expected:?}",
                    path.display()
                );
            }
            let text = tool("pdftotext", &[output.as_os_str(), "-".as_ref()]);
            let text = String::from_utf8(text.stdout).unwrap();
            let words: HashSet<&str> = text.split_whitespace().collect();
            for section in [
                "Executive summary",
                "Zero-trust maturity",
                "Architecture",
                "Findings",
                "PCI DSS scope",
                "Appendix A: Rule catalog",
                "Appendix B: Method",
                "Contents",
            ] {
                assert!(
                    text.contains(section),
                    "{}: section {section} missing",
                    path.display()
                );
            }
            for finding in &report.findings {
                assert!(
                    words.contains(finding.rule.as_str()),
                    "{}: rule {} missing",
                    path.display(),
                    finding.rule
                );
                assert!(
                    words.contains(finding.reference.as_str()),
                    "{}: {} missing",
                    path.display(),
                    finding.reference
                );
            }
            for assessment in &report.compliance {
                assert!(
                    text.contains(&format!("{} compliance matrix", assessment.title)),
                    "{}: {} matrix missing",
                    path.display(),
                    assessment.title
                );
                for control in &assessment.controls {
                    assert!(
                        words.contains(control.id.as_str()),
                        "{}: {} control {} missing",
                        path.display(),
                        assessment.name,
                        control.id
                    );
                }
            }
        }
    }
}

#[test]
fn every_example_report_model_matches_its_snapshot() {
    for path in examples() {
        let report = report_on(&path);
        let name = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".zta.yaml", "");
        insta::assert_snapshot!(name.clone(), json::render(&report).unwrap());
        // Markdown is generated from the same model; it must name every finding too.
        let text = markdown::render(&report);
        for finding in &report.findings {
            assert!(
                text.contains(&finding.reference),
                "{name}: {} missing from Markdown",
                finding.reference
            );
        }
    }
}
