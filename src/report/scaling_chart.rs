//! Charts of a scaling simulation drawn with plotters, reusing [`super::chart`]'s font,
//! palette, themes and error type: demand vs in-service capacity with scale events marked,
//! running capacity stacked by purchase class, and monthly cost by purchase class. Each
//! renders to RGB pixels (egui texture), PNG bytes or an SVG document.

use super::chart::{
    ChartError, LegendMark, PALETTE, Theme, draw_err, draw_legend, font, png_bytes, register_font,
    split_legend, write_file,
};
use super::format;
use crate::scaling::run::Outcome;
use crate::scaling::simulate::Cause;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;
use std::path::Path;

/// Which scaling chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScalingChart {
    /// Demand against in-service capacity over time, scale-out and scale-in events marked.
    DemandVsCapacity,
    /// Running capacity over time, stacked by purchase class (On-Demand, Spot).
    CapacityByClass,
    /// Monthly cost stacked by purchase class (On-Demand, Reserved, Spot), USD.
    MonthlyCost,
}

impl ScalingChart {
    /// All three charts, in the order they are shown and exported.
    pub const ALL: [ScalingChart; 3] = [
        ScalingChart::DemandVsCapacity,
        ScalingChart::CapacityByClass,
        ScalingChart::MonthlyCost,
    ];
    /// File-name stem (`scaling-demand-capacity` …); the CLI adds `.png` / `.svg`.
    pub fn stem(self) -> &'static str {
        match self {
            ScalingChart::DemandVsCapacity => "scaling-demand-capacity",
            ScalingChart::CapacityByClass => "scaling-capacity-by-class",
            ScalingChart::MonthlyCost => "scaling-monthly-cost",
        }
    }
    /// Title drawn at the top of the chart.
    pub fn title(self) -> &'static str {
        match self {
            ScalingChart::DemandVsCapacity => "Demand vs in-service capacity (demand units)",
            ScalingChart::CapacityByClass => "Running capacity by purchase class (units)",
            ScalingChart::MonthlyCost => "Monthly cost by purchase class (USD)",
        }
    }
}

/// Series, their names and colours.
type Lines = (Vec<Vec<(f64, f64)>>, Vec<&'static str>, Vec<RGBColor>);
/// One stacked part of the monthly cost chart.
type CostPart = (
    &'static str,
    RGBColor,
    fn(&crate::scaling::billing::MonthCost) -> f64,
);

/// At most this many points are drawn per series; longer windows are averaged into buckets.
const MAX_POINTS: usize = 1200;

fn buckets(range: &Range<usize>) -> Vec<Range<usize>> {
    let n = range.end.saturating_sub(range.start);
    let k = n.div_ceil(MAX_POINTS).max(1);
    (range.start..range.end)
        .step_by(k)
        .map(|s| s..(s + k).min(range.end))
        .collect()
}

/// Draw `chart` for steps `window` (ignored by the monthly chart) onto `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    o: &Outcome,
    capacity_per_unit: f64,
    chart: ScalingChart,
    window: Range<usize>,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    register_font();
    area.fill(&theme.background)?;
    let sim = &o.simulation;
    let n = sim.steps.len();
    let window = window.start.min(n)..window.end.min(n);
    let step_h = sim.step_minutes as f64 / 60.0;
    let x_of = |i: usize| i as f64 * step_h;
    let label_x = |h: &f64| {
        let t = sim.start + chrono::Duration::minutes((*h * 60.0) as i64);
        t.format("%m-%d %H:%M").to_string()
    };
    let (plot_area, legend_area) = split_legend(area);
    let mut entries: Vec<(String, LegendMark)> = Vec::new();
    let mut builder = ChartBuilder::on(&plot_area);
    builder
        .caption(chart.title(), font(16.0, &theme.text))
        .margin(12)
        .x_label_area_size(32)
        .y_label_area_size(64);
    match chart {
        ScalingChart::DemandVsCapacity | ScalingChart::CapacityByClass => {
            if window.is_empty() {
                return Ok(());
            }
            let bs = buckets(&window);
            let avg = |r: &Range<usize>, f: &dyn Fn(usize) -> f64| {
                r.clone().map(f).sum::<f64>() / r.len().max(1) as f64
            };
            let x0 = x_of(window.start);
            let x1 = x_of(window.end).max(x0 + step_h);
            let (series, names, colors): Lines = if chart == ScalingChart::DemandVsCapacity {
                let demand = bs
                    .iter()
                    .map(|r| (x_of(r.start), avg(r, &|i| sim.steps[i].demand)))
                    .collect();
                let cap = bs
                    .iter()
                    .map(|r| {
                        (
                            x_of(r.start),
                            avg(r, &|i| sim.steps[i].in_service as f64 * capacity_per_unit),
                        )
                    })
                    .collect();
                (
                    vec![demand, cap],
                    vec!["demand", "in-service capacity at 100 %"],
                    vec![PALETTE[3], PALETTE[0]],
                )
            } else {
                // Stacked: On-Demand at the bottom, On-Demand + Spot on top.
                let od: Vec<(f64, f64)> = bs
                    .iter()
                    .map(|r| (x_of(r.start), avg(r, &|i| sim.steps[i].on_demand as f64)))
                    .collect();
                let all: Vec<(f64, f64)> = bs
                    .iter()
                    .map(|r| (x_of(r.start), avg(r, &|i| sim.steps[i].running() as f64)))
                    .collect();
                (
                    vec![all, od],
                    vec!["Spot", "On-Demand"],
                    vec![PALETTE[1], PALETTE[0]],
                )
            };
            let ymax = series
                .iter()
                .flat_map(|s| s.iter().map(|p| p.1))
                .fold(0.0, f64::max)
                .max(1.0)
                * 1.1;
            let mut c = builder.build_cartesian_2d(x0..x1, 0.0..ymax)?;
            c.configure_mesh()
                .light_line_style(theme.grid)
                .bold_line_style(theme.grid)
                .axis_style(theme.weak_text)
                .label_style(font(11.0, &theme.text))
                .x_labels(6)
                .x_label_formatter(&label_x)
                .y_label_formatter(&|v| format::quantity(*v, 0))
                .draw()?;
            for ((s, name), color) in series.iter().zip(&names).zip(&colors) {
                let color = *color;
                if chart == ScalingChart::CapacityByClass {
                    // Nearly opaque, so On-Demand drawn over the Spot area keeps its own colour.
                    c.draw_series(AreaSeries::new(s.iter().copied(), 0.0, color.mix(0.85)))?;
                    entries.push((name.to_string(), LegendMark::Box(color.mix(0.85))));
                } else {
                    c.draw_series(LineSeries::new(s.iter().copied(), color.stroke_width(2)))?;
                    entries.push((name.to_string(), LegendMark::Line(color.to_rgba())));
                }
            }
            if chart == ScalingChart::DemandVsCapacity {
                // Scale events (not Spot interruptions) as triangles on the capacity line.
                let all: Vec<(f64, f64)> = sim
                    .events
                    .iter()
                    .filter(|e| e.cause != Cause::SpotInterruption && window.contains(&e.step))
                    .map(|e| (x_of(e.step), e.to as f64 * capacity_per_unit))
                    .collect();
                // At most 400 markers, spread over the window.
                let every = all.len().div_ceil(400).max(1);
                let marks: Vec<(f64, f64)> = all.into_iter().step_by(every).collect();
                let ec = PALETTE[2];
                c.draw_series(
                    marks
                        .iter()
                        .map(|p| TriangleMarker::new(*p, 5, ec.filled())),
                )?;
                entries.push(("scale event".into(), LegendMark::Triangle(ec.to_rgba())));
            }
            draw_legend(&legend_area, &entries, theme)?;
        }
        ScalingChart::MonthlyCost => {
            let months = &o.bill.months;
            if months.is_empty() {
                return Ok(());
            }
            let ymax = months
                .iter()
                .map(|m| m.total_usd)
                .fold(0.0, f64::max)
                .max(1.0)
                * 1.15;
            let labels: Vec<String> = months
                .iter()
                .map(|m| m.month.format("%Y-%m").to_string())
                .collect();
            let k = months.len();
            let mut c = builder.build_cartesian_2d(0.0..k as f64, 0.0..ymax)?;
            c.configure_mesh()
                .disable_x_mesh()
                .light_line_style(theme.grid)
                .bold_line_style(theme.grid)
                .axis_style(theme.weak_text)
                .label_style(font(11.0, &theme.text))
                .x_labels(k.min(12))
                .x_label_formatter(&|x| labels.get(x.floor() as usize).cloned().unwrap_or_default())
                .y_label_formatter(&|v| format::money(*v))
                .draw()?;
            let parts: [CostPart; 3] = [
                ("On-Demand", PALETTE[0], |m| m.on_demand_usd),
                ("Reserved", PALETTE[2], |m| m.reserved_usd),
                ("Spot", PALETTE[1], |m| m.spot_usd),
            ];
            let mut base = vec![0.0; k];
            for (name, color, f) in parts {
                let rects: Vec<Rectangle<(f64, f64)>> = months
                    .iter()
                    .enumerate()
                    .map(|(i, m)| {
                        let v = f(m);
                        let r = Rectangle::new(
                            [(i as f64 + 0.15, base[i]), (i as f64 + 0.85, base[i] + v)],
                            color.filled(),
                        );
                        base[i] += v;
                        r
                    })
                    .collect();
                c.draw_series(rects)?;
                entries.push((name.to_string(), LegendMark::Box(color.to_rgba())));
            }
            draw_legend(&legend_area, &entries, theme)?;
        }
    }
    Ok(())
}

/// Packed RGB pixels (`w × h × 3`) for an egui texture.
pub fn render_rgb(
    o: &Outcome,
    capacity_per_unit: f64,
    chart: ScalingChart,
    window: Range<usize>,
    w: u32,
    h: u32,
    theme: &Theme,
) -> Vec<u8> {
    let mut buf = vec![0u8; (w as usize) * (h as usize) * 3];
    if w > 0 && h > 0 {
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        let _ = draw(&root, o, capacity_per_unit, chart, window, theme);
        let _ = root.present();
    }
    buf
}

/// The chart as an SVG document (light theme).
pub fn render_svg(
    o: &Outcome,
    capacity_per_unit: f64,
    chart: ScalingChart,
    window: Range<usize>,
    w: u32,
    h: u32,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
        draw(&root, o, capacity_per_unit, chart, window, &Theme::LIGHT).map_err(draw_err)?;
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}

/// The chart as PNG file bytes (light theme), drawn in memory.
pub fn render_png(
    o: &Outcome,
    capacity_per_unit: f64,
    chart: ScalingChart,
    window: Range<usize>,
    w: u32,
    h: u32,
) -> Result<Vec<u8>, ChartError> {
    png_bytes(w, h, |root| {
        draw(root, o, capacity_per_unit, chart, window, &Theme::LIGHT).map_err(draw_err)
    })
}

/// Write the chart as a PNG file (light theme), atomically.
pub fn save_png(
    o: &Outcome,
    capacity_per_unit: f64,
    chart: ScalingChart,
    window: Range<usize>,
    w: u32,
    h: u32,
    path: &Path,
) -> Result<(), ChartError> {
    write_file(
        path,
        &render_png(o, capacity_per_unit, chart, window, w, h)?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scaling::run::run;

    #[test]
    fn week_window_png_and_svg() {
        let text = include_str!("../../samples/autoscaling-web.cloudplan.json");
        let plan = crate::plan::file::from_json_str(text, "sample").unwrap();
        let crate::plan::Resource::ScalingGroup(g) = &plan.items[0].resource else {
            panic!()
        };
        let start = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let o = run(
            g,
            start,
            crate::catalog::load::embedded(),
            "us-east-1",
            None,
            true,
        )
        .unwrap();
        let week = 0..7 * 24 * 12;
        let svg = render_svg(
            &o,
            g.capacity_per_unit,
            ScalingChart::DemandVsCapacity,
            week.clone(),
            900,
            400,
        )
        .unwrap();
        assert!(svg.contains("scale event"));
        let dir =
            std::env::temp_dir().join(format!("cloudplan-scaling-chart-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for c in ScalingChart::ALL {
            let p = dir.join(format!("{}.png", c.stem()));
            save_png(&o, g.capacity_per_unit, c, week.clone(), 900, 400, &p).unwrap();
            assert!(std::fs::metadata(&p).unwrap().len() > 1000);
        }
        let rgb = render_rgb(
            &o,
            g.capacity_per_unit,
            ScalingChart::MonthlyCost,
            week,
            300,
            200,
            &Theme::DARK,
        );
        assert_eq!(rgb.len(), 300 * 200 * 3);
    }
}
