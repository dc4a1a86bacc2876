//! Rendering speed: the report model of a design with 1,000 findings (the hand-written
//! sample of the renderer tests, scaled up) as PDF on A4, as JSON and as Markdown.
//!
//! Run with `cargo bench -p zta-report --bench render`.

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use zta_report::{Paper, json, markdown, pdf};

fn render_1000_findings(criterion: &mut Criterion) {
    let report = common::sample_report(1000);
    let mut group = criterion.benchmark_group("report_1000_findings");
    group.sample_size(10);
    group.bench_function("pdf_a4", |bench| {
        bench.iter(|| pdf::render(&report, Paper::A4).unwrap());
    });
    group.bench_function("json", |bench| {
        bench.iter(|| json::render(&report).unwrap())
    });
    group.bench_function("markdown", |bench| bench.iter(|| markdown::render(&report)));
    group.finish();
}

criterion_group!(benches, render_1000_findings);
criterion_main!(benches);
