//! Export speed: a design from the workspace's shared generator that exports to about 5,000
//! resources, exported and written as YAML.
//!
//! `cargo bench -p zta-cfn --bench export`. With `ZTA_EXPORT_BENCH_DIR=<folder>` the templates
//! are also written there, so that cfn-lint's time on the same output can be measured
//! (`time .venv/bin/cfn-lint -- <folder>/*.yaml`); BENCHMARKS.md has both figures.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use zta_cfn::export::{ExportOptions, TemplateFormat, export_design};

/// The allocator the `zta` and `zta-designer` binaries use, so that the figure is what they see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// 3,500 elements: 29 VPCs in 8 accounts, about 1,400 components and 1,400 flows.
fn large_design() -> zta_model::Design {
    zta_model::synthetic::generate(2026, 3_500)
}

fn bench_export(c: &mut Criterion) {
    let design = large_design();
    let export = export_design(&design, &ExportOptions::default()).expect("the design exports");
    let resources: usize = export
        .stacks
        .iter()
        .map(|s| s.template.resources.len())
        .sum();
    eprintln!(
        "design: {} elements; export: {resources} resources in {} stacks",
        design.element_count(),
        export.stacks.len()
    );
    if let Some(dir) = std::env::var_os("ZTA_EXPORT_BENCH_DIR") {
        std::fs::create_dir_all(&dir).expect("the output folder can be created");
        for file in export.files(TemplateFormat::Yaml) {
            std::fs::write(std::path::Path::new(&dir).join(&file.name), file.contents)
                .expect("writable");
        }
    }
    // The export and its text are handed back and freed outside the timing, as a caller frees
    // them after writing the files (or, as the CLI, leaves them to the process's exit); what
    // freeing them costs is measured on its own below.
    c.bench_function("export_5000_resources_to_yaml", |b| {
        b.iter_with_large_drop(|| {
            let export =
                export_design(black_box(&design), &ExportOptions::default()).expect("exports");
            let files = export.files(TemplateFormat::Yaml);
            (export, files)
        });
    });
    c.bench_function("export_5000_resources_to_yaml_and_free", |b| {
        b.iter(|| {
            let export =
                export_design(black_box(&design), &ExportOptions::default()).expect("exports");
            export.files(TemplateFormat::Yaml)
        });
    });
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
