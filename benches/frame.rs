//! CPU time of one app frame with a generated 10,000-item plan open in the Plan grid (and on the
//! Estimate tab), measured headless with `Context::run_ui` plus tessellation. Target ≤ 4 ms.
//!
//! Run with `cargo bench --bench frame`.

use cloudplan::catalog::load::embedded;
use cloudplan::ui::app::{App, Settings, Tab};
use cloudplan::ui::dialogs::FixedPaths;
#[path = "common.rs"]
mod common;
use common::big_plan;
use criterion::{Criterion, criterion_group, criterion_main};

fn frame(ctx: &egui::Context, app: &mut App) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..Default::default()
    };
    let out = ctx.run_ui(input, |ui| app.ui(ui));
    let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
    std::hint::black_box(prims);
}

fn bench(c: &mut Criterion) {
    let catalog = embedded();
    let ctx = egui::Context::default();
    cloudplan::ui::fonts::install(&ctx);
    let mut app = App::new(
        catalog,
        None,
        Box::new(FixedPaths::default()),
        Settings::default(),
        None,
    );
    let plan = big_plan(10_000);
    app.doc.replace(plan, None, catalog);
    assert!(
        app.doc.priced.estimate.is_some(),
        "{:?}",
        app.doc.priced.messages.first()
    );
    app.grid
        .select_only(5_000, cloudplan::ui::cells::Col::Quantity);
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    c.bench_function("frame_plan_tab_10k_items", |b| {
        b.iter(|| frame(&ctx, &mut app))
    });
    app.tab = Tab::Estimate;
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    c.bench_function("frame_estimate_tab_10k_items", |b| {
        b.iter(|| frame(&ctx, &mut app))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
