//! Loading and saving a generated 10,000-element design.

use criterion::{Criterion, criterion_group, criterion_main};
use zta_model::{load_str, synthetic, to_yaml};

fn load_and_save(criterion: &mut Criterion) {
    let design = synthetic::generate(42, 10_000);
    let text = to_yaml(&design, None);
    let mut group = criterion.benchmark_group("design_10k_elements");
    group.sample_size(20);
    group.bench_function("save_to_yaml", |bench| {
        bench.iter(|| to_yaml(&design, None))
    });
    group.bench_function("load_and_check", |bench| {
        bench.iter(|| load_str(&text, "bench.zta.yaml").unwrap())
    });
    group.finish();
}

criterion_group!(benches, load_and_save);
criterion_main!(benches);
