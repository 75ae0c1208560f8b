//! The forecast chart: the plan's projected monthly cost stacked by service or group across the
//! horizon, the bill history as a line, and the history model's forecast with its 80 % and 95 %
//! prediction-interval band; a dashed vertical line marks each month a commitment expires
//! without renewal ([`expiry_months`]). Drawn with the helpers of [`super::chart`] (font, palette, theme),
//! to RGB pixels for the app and to PNG / SVG files.

use super::chart::{
    ChartError, ChartKind, LegendMark, PALETTE, Theme, draw_err, draw_legend, font, png_bytes,
    register_font, split_legend, write_file,
};
use super::format;
use crate::forecast::Forecast;
use crate::plan::growth as drivers;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// The months on the x axis (history, then projection / model months), oldest first.
pub fn axis_months(f: &Forecast) -> Vec<String> {
    let mut all: Vec<&str> = f
        .projection
        .months
        .iter()
        .map(|m| m.month.as_str())
        .collect();
    if let Some(h) = &f.history {
        all.extend(h.history.months.iter().map(String::as_str));
        all.extend(h.months.iter().map(|m| m.month.as_str()));
    }
    let (Some(first), Some(last)) = (all.iter().min(), all.iter().max()) else {
        return Vec::new();
    };
    let n = drivers::month_offset(first, last).unwrap_or(0).max(0);
    (0..=n)
        .filter_map(|t| drivers::add_months(first, t))
        .collect()
}

/// Stacked series of the projection: (label, value per projection month), largest first; at
/// most 7 series, the rest summed into "Other".
pub fn stacks(f: &Forecast, kind: ChartKind) -> Vec<(String, Vec<f64>)> {
    let n = f.projection.months.len();
    let mut by: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (i, m) in f.projection.months.iter().enumerate() {
        let parts: Vec<(String, f64)> = match kind {
            ChartKind::ByService => m
                .by_service
                .iter()
                .map(|(s, v)| (s.display_name().to_string(), *v))
                .collect(),
            ChartKind::ByGroup => m
                .by_group
                .iter()
                .map(|(g, v)| {
                    let g = if g.is_empty() { "(ungrouped)" } else { g };
                    (g.to_string(), *v)
                })
                .collect(),
        };
        for (k, v) in parts {
            by.entry(k).or_insert_with(|| vec![0.0; n])[i] += v;
        }
    }
    let mut rows: Vec<(String, Vec<f64>)> = by.into_iter().collect();
    rows.retain(|(_, v)| v.iter().any(|x| *x != 0.0));
    rows.sort_by(|a, b| {
        let (sa, sb): (f64, f64) = (a.1.iter().sum(), b.1.iter().sum());
        sb.total_cmp(&sa).then_with(|| a.0.cmp(&b.0))
    });
    if rows.len() > 7 {
        let rest = rows.split_off(6);
        let mut other = vec![0.0; n];
        for (_, v) in &rest {
            for (o, x) in other.iter_mut().zip(v) {
                *o += x;
            }
        }
        rows.push((format!("Other ({})", rest.len()), other));
    }
    rows
}

/// Projection months (indices) in which a commitment expires and is not renewed.
pub fn expiry_months(f: &Forecast) -> Vec<usize> {
    f.projection
        .months
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.events
                .iter()
                .any(|e| e.kind == crate::forecast::EventKind::Expires)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Colour of the expiry markers.
const EXPIRY: RGBColor = RGBColor(200, 60, 40);

/// Title of the chart.
pub fn title(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::ByService => "Monthly bill forecast by service (USD)",
        ChartKind::ByGroup => "Monthly bill forecast by group (USD)",
    }
}

/// Draw the forecast chart onto `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    f: &Forecast,
    kind: ChartKind,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    register_font();
    area.fill(&theme.background)?;
    let months = axis_months(f);
    if months.is_empty() {
        return Ok(());
    }
    let index = |m: &str| months.iter().position(|x| x == m).map(|i| i as f64);
    let series = stacks(f, kind);
    let mut ymax: f64 = 0.0;
    for i in 0..f.projection.months.len() {
        ymax = ymax.max(series.iter().map(|(_, v)| v[i].max(0.0)).sum());
    }
    if let Some(h) = &f.history {
        ymax = h.history.total.iter().copied().fold(ymax, f64::max);
        ymax = h.months.iter().map(|m| m.band.hi95).fold(ymax, f64::max);
    }
    let ymax = if ymax > 0.0 { ymax * 1.08 } else { 1.0 };
    let n = months.len();
    let label_every = n.div_ceil(10).max(1);
    let (plot_area, legend_area) = split_legend(area);
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(title(kind), font(17.0, &theme.text))
        .margin(14)
        .x_label_area_size(30)
        .y_label_area_size(78)
        .build_cartesian_2d(-0.6f64..(n as f64 - 0.4), 0f64..ymax)?;
    let months_for_labels = months.clone();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(theme.background)
        .y_labels(8)
        .bold_line_style(theme.grid)
        .axis_style(theme.weak_text)
        .x_labels(n.min(60))
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            let i = i as usize;
            if !i.is_multiple_of(label_every) {
                return String::new();
            }
            months_for_labels.get(i).cloned().unwrap_or_default()
        })
        .y_label_formatter(&|y| format::money(*y).trim_end_matches(".00").to_string())
        .label_style(font(12.0, &theme.weak_text))
        .draw()?;

    // Stacked bars of the plan projection.
    let mut base = vec![0.0; f.projection.months.len()];
    for (si, (label, values)) in series.iter().enumerate() {
        let color = PALETTE[si % PALETTE.len()];
        let bars: Vec<Rectangle<(f64, f64)>> = f
            .projection
            .months
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let x = index(&m.month)?;
                let (y0, y1) = (base[i], base[i] + values[i].max(0.0));
                Some(Rectangle::new(
                    [(x - 0.38, y0), (x + 0.38, y1)],
                    color.filled(),
                ))
            })
            .collect();
        for (b, v) in base.iter_mut().zip(values) {
            *b += v.max(0.0);
        }
        chart
            .draw_series(bars)?
            .label(label.clone())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], color.filled()));
    }

    // Commitment expiries: a dashed line on the boundary before the month.
    let expiries = expiry_months(f);
    for &i in &expiries {
        if let Some(x) = index(&f.projection.months[i].month) {
            chart.draw_series(DashedLineSeries::new(
                [(x - 0.5, 0.0), (x - 0.5, ymax)],
                6,
                4,
                EXPIRY.stroke_width(2),
            ))?;
        }
    }
    if let Some(h) = &f.history {
        let band_color = RGBColor(120, 80, 170);
        let pts = |sel: &dyn Fn(&crate::forecast::Band) -> f64| -> Vec<(f64, f64)> {
            h.months
                .iter()
                .filter_map(|m| Some((index(&m.month)?, sel(&m.band))))
                .collect()
        };
        for (lo, hi, alpha, label) in [
            (
                pts(&|b| b.lo95),
                pts(&|b| b.hi95),
                0.15,
                "95% prediction interval",
            ),
            (
                pts(&|b| b.lo80),
                pts(&|b| b.hi80),
                0.25,
                "80% prediction interval",
            ),
        ] {
            let mut poly = lo.clone();
            poly.extend(hi.iter().rev());
            chart
                .draw_series(std::iter::once(Polygon::new(
                    poly,
                    band_color.mix(alpha).filled(),
                )))?
                .label(label)
                .legend(move |(x, y)| {
                    Rectangle::new(
                        [(x, y - 5), (x + 10, y + 5)],
                        band_color.mix(alpha).filled(),
                    )
                });
        }
        chart
            .draw_series(LineSeries::new(
                pts(&|b| b.mean),
                band_color.stroke_width(2),
            ))?
            .label(format!("Model forecast ({})", h.model))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 12, y)], band_color.stroke_width(2))
            });
        let hist: Vec<(f64, f64)> = h
            .history
            .months
            .iter()
            .zip(&h.history.total)
            .filter_map(|(m, v)| Some((index(m)?, *v)))
            .collect();
        let text = theme.text;
        chart
            .draw_series(LineSeries::new(hist, text.stroke_width(2)))?
            .label("Bill history")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 12, y)], text.stroke_width(2))
            });
    }
    // Legend entries in drawing order: the stacked series, then the model band, line and history.
    let mut entries: Vec<(String, LegendMark)> = series
        .iter()
        .enumerate()
        .map(|(i, (l, _))| {
            let c = PALETTE[i % PALETTE.len()].to_rgba();
            (l.clone(), LegendMark::Box(c))
        })
        .collect();
    if !expiries.is_empty() {
        entries.push((
            "Commitment expires".into(),
            LegendMark::Line(EXPIRY.to_rgba()),
        ));
    }
    if let Some(h) = &f.history {
        let band = RGBColor(120, 80, 170);
        entries.push((
            "95% prediction interval".into(),
            LegendMark::Box(band.mix(0.15)),
        ));
        entries.push((
            "80% prediction interval".into(),
            LegendMark::Box(band.mix(0.25)),
        ));
        entries.push((
            format!("Model: {}", h.model),
            LegendMark::Line(band.to_rgba()),
        ));
        entries.push((
            "Bill history".into(),
            LegendMark::Line(theme.text.to_rgba()),
        ));
    }
    draw_legend(&legend_area, &entries, theme)?;
    Ok(())
}

/// Packed RGB pixels (`w × h × 3` bytes), for an egui texture.
pub fn render_rgb(f: &Forecast, kind: ChartKind, w: u32, h: u32, theme: &Theme) -> Vec<u8> {
    let mut buf = vec![0u8; (w as usize) * (h as usize) * 3];
    if w > 0 && h > 0 {
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        let _ = draw(&root, f, kind, theme);
        let _ = root.present();
    }
    buf
}

/// The chart as an SVG document (light theme).
pub fn render_svg(f: &Forecast, kind: ChartKind, w: u32, h: u32) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
        draw(&root, f, kind, &Theme::LIGHT).map_err(draw_err)?;
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}

/// The chart as PNG file bytes (light theme), drawn in memory.
pub fn render_png(f: &Forecast, kind: ChartKind, w: u32, h: u32) -> Result<Vec<u8>, ChartError> {
    png_bytes(w, h, |root| {
        draw(root, f, kind, &Theme::LIGHT).map_err(draw_err)
    })
}

/// Write the chart as a PNG file (light theme), atomically.
pub fn save_png(
    f: &Forecast,
    kind: ChartKind,
    w: u32,
    h: u32,
    path: &Path,
) -> Result<(), ChartError> {
    write_file(path, &render_png(f, kind, w, h)?)
}

/// Write the chart to `path` as PNG or SVG, by the file's extension.
pub fn save(f: &Forecast, kind: ChartKind, w: u32, h: u32, path: &Path) -> Result<(), ChartError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if ext == "svg" {
        write_file(path, render_svg(f, kind, w, h)?.as_bytes())
    } else {
        save_png(f, kind, w, h, path)
    }
}
