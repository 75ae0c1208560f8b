//! Charts of a purchase-option [`Comparison`], drawn with plotters: the cumulative cost of each
//! option month by month with its break-even crossing against On-Demand, and the commitment
//! optimiser's total-cost curve with the optimum marked.
//!
//! Same machinery as [`super::chart`]: one drawing function per chart paints onto any plotters
//! area; [`render_rgb`] gives pixels for an egui texture, [`render_svg`] / [`render_png`] /
//! [`save_png`] the files. Nothing is recomputed here: every figure comes from the comparison.

use super::chart::{
    ChartError, PALETTE, Theme, draw_err, font, png_bytes, register_font, write_file,
};
use super::format;
use crate::purchase::{Comparison, OptionResult};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::path::Path;

/// Which comparison chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompareChart {
    /// Cumulative cost per option over the horizon's months.
    Cumulative,
    /// Total cost over commitment levels (optimiser), optimum marked.
    Commitment,
}

impl CompareChart {
    /// Both charts, in the order they are shown and exported.
    pub const ALL: [CompareChart; 2] = [CompareChart::Cumulative, CompareChart::Commitment];

    /// File-name stem.
    pub fn stem(self) -> &'static str {
        match self {
            CompareChart::Cumulative => "cumulative-cost-by-option",
            CompareChart::Commitment => "commitment-cost-curve",
        }
    }

    /// Title drawn at the top of the chart.
    pub fn title(self) -> &'static str {
        match self {
            CompareChart::Cumulative => "Cumulative cost by purchase option (USD)",
            CompareChart::Commitment => "Total cost by Reserved Instance count (USD per month)",
        }
    }
}

/// Most lines drawn on the cumulative chart (On-Demand plus the cheapest others).
pub const MAX_LINES: usize = 7;

/// The options drawn on the cumulative chart: On-Demand, then the cheapest available ones.
pub fn drawn_options(c: &Comparison) -> Vec<&OptionResult> {
    let mut v = vec![c.on_demand()];
    for o in c.ranked() {
        if v.len() >= MAX_LINES {
            break;
        }
        if o.choice != c.on_demand().choice {
            v.push(o);
        }
    }
    v
}

fn message<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, h) = area.dim_in_pixel();
    let style = font(15.0, &theme.weak_text).pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(
        text.to_string(),
        (w as i32 / 2, h as i32 / 2),
        style,
    ))?;
    Ok(())
}

/// Draw `kind` for `c` onto `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Comparison,
    kind: CompareChart,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    register_font();
    area.fill(&theme.background)?;
    match kind {
        CompareChart::Cumulative => draw_cumulative(area, c, theme),
        CompareChart::Commitment => draw_commitment(area, c, theme),
    }
}

fn axis_money(v: &f64) -> String {
    if v.abs() >= 10_000.0 {
        format!("${}k", format::quantity(v / 1000.0, 1))
    } else {
        format::money(*v).trim_end_matches(".00").to_string()
    }
}

fn draw_cumulative<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Comparison,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let lines = drawn_options(c);
    let months = c.settings.horizon_months as usize;
    let y_max = lines
        .iter()
        .filter_map(|o| o.cumulative.last())
        .fold(0.0_f64, |a, b| a.max(*b))
        .max(1.0)
        * 1.05;
    let mut chart = ChartBuilder::on(area)
        .caption(CompareChart::Cumulative.title(), font(17.0, &theme.text))
        .margin(14)
        .x_label_area_size(34)
        .y_label_area_size(70)
        .build_cartesian_2d(0.0..months as f64, 0.0..y_max)?;
    chart
        .configure_mesh()
        .light_line_style(theme.background)
        .bold_line_style(theme.grid)
        .axis_style(theme.weak_text)
        .label_style(font(12.0, &theme.weak_text))
        .x_desc("month")
        .axis_desc_style(font(12.0, &theme.weak_text))
        .y_label_formatter(&axis_money)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .draw()?;
    for (i, o) in lines.iter().enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        let width = if i == 0 { 3 } else { 2 };
        // Month m's cumulative cost is reached at the end of month m; start at 0.
        let pts: Vec<(f64, f64)> = std::iter::once((0.0, 0.0))
            .chain(
                o.cumulative
                    .iter()
                    .enumerate()
                    .map(|(m, v)| ((m + 1) as f64, *v)),
            )
            .collect();
        chart
            .draw_series(LineSeries::new(pts, color.stroke_width(width)))?
            .label(o.label.clone())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(3))
            });
        if i > 0
            && let Some(m) = o.break_even_month
            && m > 1
        {
            let y = o.cumulative[m as usize - 1];
            chart.draw_series(std::iter::once(Circle::new(
                (m as f64, y),
                5,
                color.filled(),
            )))?;
            chart.draw_series(std::iter::once(Text::new(
                format!("break-even m{m}"),
                (m as f64, y),
                font(11.0, &theme.text).pos(Pos::new(HPos::Left, VPos::Bottom)),
            )))?;
        }
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(theme.background.mix(0.85))
        .border_style(theme.grid)
        .label_font(font(12.0, &theme.text))
        .draw()?;
    Ok(())
}

/// The optimiser result the commitment chart shows: the item's own for one item; for a whole
/// plan, the item whose optimum saves the most.
pub fn featured_optimum(c: &Comparison) -> Option<&crate::purchase::ItemOptimum> {
    c.optimiser.iter().max_by(|a, b| {
        a.curve
            .best_saving_usd()
            .total_cmp(&b.curve.best_saving_usd())
    })
}

fn draw_commitment<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Comparison,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let Some(opt) = featured_optimum(c) else {
        area.draw(&Text::new(
            CompareChart::Commitment.title().to_string(),
            (16, 12),
            font(17.0, &theme.text),
        ))?;
        return message(
            area,
            "No Reserved Instance rate in the catalogue for this item: nothing to optimise",
            theme,
        );
    };
    let pts: Vec<(f64, f64)> = opt
        .curve
        .points
        .iter()
        .map(|p| (p.level, p.total_usd))
        .collect();
    let x_max = pts.last().map(|p| p.0).unwrap_or(1.0).max(1.0);
    let y_max = pts.iter().map(|p| p.1).fold(0.0_f64, f64::max).max(1.0) * 1.08;
    let title = format!(
        "{} — {} ({})",
        CompareChart::Commitment.title(),
        opt.item_id,
        opt.label
    );
    let mut chart = ChartBuilder::on(area)
        .caption(title, font(16.0, &theme.text))
        .margin(14)
        .x_label_area_size(34)
        .y_label_area_size(70)
        .build_cartesian_2d(-0.03 * x_max..x_max * 1.03, 0.0..y_max)?;
    chart
        .configure_mesh()
        .light_line_style(theme.background)
        .bold_line_style(theme.grid)
        .axis_style(theme.weak_text)
        .label_style(font(12.0, &theme.weak_text))
        .axis_desc_style(font(12.0, &theme.weak_text))
        .x_desc("Reserved Instances")
        .x_labels((x_max as usize + 1).min(13))
        .x_label_formatter(&|v| {
            if (v - v.round()).abs() < 1e-6 && *v >= 0.0 {
                format!("{v:.0}")
            } else {
                String::new()
            }
        })
        .y_label_formatter(&axis_money)
        .draw()?;
    let color = PALETTE[0];
    chart.draw_series(LineSeries::new(pts.clone(), color.stroke_width(2)))?;
    chart.draw_series(pts.iter().map(|p| Circle::new(*p, 3, color.filled())))?;
    let b = opt.curve.best;
    let mark = PALETTE[3];
    chart.draw_series(std::iter::once(Circle::new(
        (b.level, b.total_usd),
        7,
        mark.stroke_width(3),
    )))?;
    let (w, _) = area.dim_in_pixel();
    area.draw(&Text::new(
        format!(
            "optimum: {} RIs, {} a month (all On-Demand {})",
            format::quantity(b.level, 2),
            format::money(b.total_usd),
            format::money(opt.curve.on_demand_usd)
        ),
        (w as i32 - 24, 44),
        font(13.0, &theme.text).pos(Pos::new(HPos::Right, VPos::Top)),
    ))?;
    let sp_text = match (&opt.savings_plan, &opt.savings_plan_unavailable) {
        (Some(sp), _) => Some(format!(
            "{}: optimum {}/h, {} a month",
            sp.label,
            format::unit_price((sp.curve.best.level * 1e4).round() / 1e4),
            format::money(sp.curve.best.total_usd)
        )),
        (None, Some(reason)) => Some(format!("Savings Plans commitment not optimised: {reason}")),
        (None, None) => None,
    };
    if let Some(text) = sp_text {
        let (w, h) = area.dim_in_pixel();
        area.draw(&Text::new(
            text,
            (w as i32 - 16, h as i32 - 4),
            font(11.0, &theme.weak_text).pos(Pos::new(HPos::Right, VPos::Bottom)),
        ))?;
    }
    Ok(())
}

/// Packed RGB pixels (`w × h × 3`) of the chart, for an egui texture.
pub fn render_rgb(c: &Comparison, kind: CompareChart, w: u32, h: u32, theme: &Theme) -> Vec<u8> {
    let mut buf = vec![0u8; (w as usize) * (h as usize) * 3];
    if w > 0 && h > 0 {
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        // Drawing into memory cannot fail for I/O reasons; an error leaves a partial picture.
        let _ = draw(&root, c, kind, theme);
        let _ = root.present();
    }
    buf
}

/// The chart as an SVG document (light theme).
pub fn render_svg(
    c: &Comparison,
    kind: CompareChart,
    w: u32,
    h: u32,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
        draw(&root, c, kind, &Theme::LIGHT).map_err(draw_err)?;
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}

/// Write the chart as a PNG file (light theme), atomically.
pub fn save_png(
    c: &Comparison,
    kind: CompareChart,
    w: u32,
    h: u32,
    path: &Path,
) -> Result<(), ChartError> {
    write_file(path, &render_png(c, kind, w, h)?)
}

/// The chart as PNG file bytes (light theme), drawn in memory.
pub fn render_png(
    c: &Comparison,
    kind: CompareChart,
    w: u32,
    h: u32,
) -> Result<Vec<u8>, ChartError> {
    png_bytes(w, h, |root| {
        draw(root, c, kind, &Theme::LIGHT).map_err(draw_err)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::purchase::{Settings, compare_item};

    fn comparison(item: &str) -> Comparison {
        // m5.large us-east-1 from the embedded catalogue: the full RI matrix is priced there.
        let plan = crate::plan::file::from_json_str(
            &format!(
                r#"{{"schema_version": 1, "name": "t", "default_region": "us-east-1",
                    "start_month": "2027-01", "horizon_months": 36, "items": [{item}]}}"#
            ),
            "test",
        )
        .unwrap();
        compare_item(
            &plan,
            crate::catalog::load::embedded(),
            "a",
            Settings {
                horizon_months: 36,
                spot_overhead_pct: 0.0,
            },
        )
        .unwrap()
    }

    #[test]
    fn cumulative_chart_marks_break_even_and_commitment_chart_the_optimum() {
        let c = comparison(
            r#"{"id": "a", "name": "a", "resource": {"kind": "ec2", "instance_type": "m5.large", "count": 2}}"#,
        );
        let drawn = drawn_options(&c);
        assert_eq!(drawn[0].label, "On-Demand");
        assert!(drawn.len() <= MAX_LINES);
        let svg = render_svg(&c, CompareChart::Cumulative, 900, 450).unwrap();
        assert!(
            svg.contains("break-even m"),
            "an upfront option's crossing is marked"
        );
        assert!(svg.contains("On-Demand"));
        let svg = render_svg(&c, CompareChart::Commitment, 900, 450).unwrap();
        assert!(svg.contains("optimum: 2 RIs"), "{}", &svg[..200]);
        let rgb = render_rgb(&c, CompareChart::Cumulative, 300, 200, &Theme::DARK);
        assert_eq!(rgb.len(), 300 * 200 * 3);
    }

    #[test]
    fn commitment_chart_says_when_there_is_nothing_to_optimise() {
        // With no optimiser result (an item without any RI rate) the chart says so.
        let mut c = comparison(
            r#"{"id": "a", "name": "a", "resource": {"kind": "ec2", "instance_type": "m5.large", "count": 1}}"#,
        );
        c.optimiser.clear();
        let svg = render_svg(&c, CompareChart::Commitment, 900, 450).unwrap();
        assert!(svg.contains("nothing to optimise"));
    }
}
