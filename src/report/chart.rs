//! Charts of an [`Estimate`] drawn with plotters: monthly cost by service and by group.
//!
//! One drawing function ([`draw`]) paints onto any plotters `DrawingArea`; the app uploads the
//! RGB pixels from [`render_rgb`] as an egui texture, and File ▸ Export writes the very same
//! picture as PNG ([`render_png`], [`save_png`]) or SVG ([`render_svg`]). Text is rendered by
//! plotters' `ab_glyph` backend with the embedded NanumGothic font (Latin and Hangul), so no
//! system fontconfig is needed and Korean group names draw correctly.

use crate::cost::Estimate;
use crate::text::format;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::path::Path;
use std::sync::Once;

/// The font file shared by the app (egui) and the charts (plotters): NanumGothic, SIL OFL 1.1,
/// see `assets/fonts/OFL.txt`.
pub static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/NanumGothic.ttf");

/// Family name under which the embedded font is registered with plotters.
pub(crate) const FAMILY: &str = "cloudplan-sans";

pub(crate) fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are a valid TrueType font compiled into the binary; a failure here would
        // only mean text is skipped, never a crash.
        let _ = plotters::style::register_font(FAMILY, FontStyle::Normal, FONT_BYTES);
    });
}

/// Which breakdown a chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// One bar per AWS service: monthly cost of each service.
    ByService,
    /// One bar per group of plan items (items without a group under `(ungrouped)`).
    ByGroup,
}

impl ChartKind {
    /// Both breakdowns, in the order charts are listed and exported.
    pub const ALL: [ChartKind; 2] = [ChartKind::ByService, ChartKind::ByGroup];

    /// File-name stem (`cost-by-service`).
    pub fn stem(self) -> &'static str {
        match self {
            ChartKind::ByService => "cost-by-service",
            ChartKind::ByGroup => "cost-by-group",
        }
    }
}

/// Colours of a chart; [`Theme::LIGHT`] for files, the app picks by its visuals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Fill behind the whole chart.
    pub background: RGBColor,
    /// Main text: titles, labels and values.
    pub text: RGBColor,
    /// Secondary text: axis ticks, legends, notes and empty-chart messages.
    pub weak_text: RGBColor,
    /// Grid lines behind the plotted data.
    pub grid: RGBColor,
}

impl Theme {
    /// Light colours: files (PNG, SVG) and the app's light mode.
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        text: RGBColor(30, 34, 40),
        weak_text: RGBColor(110, 116, 126),
        grid: RGBColor(228, 231, 236),
    };
    /// Dark colours for the app's dark mode.
    pub const DARK: Theme = Theme {
        background: RGBColor(27, 27, 27),
        text: RGBColor(225, 228, 232),
        weak_text: RGBColor(150, 156, 164),
        grid: RGBColor(60, 63, 68),
    };
}

/// Bar colours, in order of bar rank (a calm categorical palette).
pub(crate) const PALETTE: [RGBColor; 8] = [
    RGBColor(52, 120, 198),
    RGBColor(242, 142, 43),
    RGBColor(89, 161, 79),
    RGBColor(225, 87, 89),
    RGBColor(118, 183, 178),
    RGBColor(176, 122, 161),
    RGBColor(237, 201, 72),
    RGBColor(156, 117, 95),
];

/// The bars of a chart: (label, monthly USD), largest first; zero rows are dropped.
pub fn chart_data(estimate: &Estimate, kind: ChartKind) -> Vec<(String, f64)> {
    let mut rows: Vec<(String, f64)> = match kind {
        ChartKind::ByService => estimate
            .by_service
            .iter()
            .map(|(s, t)| (s.display_name().to_string(), t.monthly_usd))
            .collect(),
        ChartKind::ByGroup => estimate
            .by_group
            .iter()
            .map(|(g, t)| {
                let name = if g.is_empty() {
                    "(ungrouped)".to_string()
                } else {
                    g.clone()
                };
                (name, t.monthly_usd)
            })
            .collect(),
    };
    rows.retain(|(_, v)| *v != 0.0);
    rows.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// Title of a chart as drawn.
pub fn title(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::ByService => "Monthly cost by service (USD)",
        ChartKind::ByGroup => "Monthly cost by group (USD)",
    }
}

/// Draw a horizontal bar chart of `rows` onto `area`. At most 12 bars are drawn; the rest are
/// summed into "Other".
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart_title: &str,
    rows: &[(String, f64)],
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    register_font();
    area.fill(&theme.background)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);

    let title_style = font(17.0, &theme.text);
    area.draw(&Text::new(chart_title.to_string(), (16, 12), title_style))?;

    let mut bars: Vec<(String, f64)> = rows.iter().take(11).cloned().collect();
    if rows.len() > 12 {
        let other: f64 = rows[11..].iter().map(|r| r.1).sum();
        bars.push((format!("Other ({})", rows.len() - 11), other));
    } else if rows.len() == 12 {
        bars.push(rows[11].clone());
    }
    if bars.is_empty() {
        let style = font(15.0, &theme.weak_text).pos(Pos::new(HPos::Center, VPos::Center));
        area.draw(&Text::new(
            "No priced items yet".to_string(),
            (w / 2, h / 2),
            style,
        ))?;
        return Ok(());
    }

    let total: f64 = bars.iter().map(|b| b.1.max(0.0)).sum();
    let max = bars
        .iter()
        .map(|b| b.1)
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let label_style = font(13.0, &theme.text);
    let value_style = font(13.0, &theme.text);
    let weak_style = font(12.0, &theme.weak_text);

    // Column widths from the text actually drawn.
    let label_w = bars
        .iter()
        .map(|(l, _)| {
            area.estimate_text_size(l, &label_style)
                .map(|s| s.0 as i32)
                .unwrap_or(80)
        })
        .max()
        .unwrap_or(80)
        .clamp(60, w / 3);
    let value_texts: Vec<String> = bars
        .iter()
        .map(|(_, v)| {
            let pct = if total > 0.0 { v / total * 100.0 } else { 0.0 };
            format!("{}  {:.1}%", format::money(*v), pct)
        })
        .collect();
    let value_w = value_texts
        .iter()
        .map(|t| {
            area.estimate_text_size(t, &value_style)
                .map(|s| s.0 as i32)
                .unwrap_or(120)
        })
        .max()
        .unwrap_or(120);

    let left = 16 + label_w + 12;
    let right = (w - 16 - value_w - 10).max(left + 20);
    let top = 46;
    let bottom = h - 14;
    let n = bars.len() as i32;
    let pitch = ((bottom - top) / n.max(1)).clamp(14, 44);
    let bar_h = (pitch as f64 * 0.62) as i32;

    // Light vertical grid at quarters of the largest bar.
    for q in 1..=4 {
        let x = left + ((right - left) as f64 * q as f64 / 4.0) as i32;
        area.draw(&PathElement::new(
            vec![(x, top - 4), (x, top + pitch * n)],
            theme.grid.stroke_width(1),
        ))?;
    }
    for (i, ((label, value), vtext)) in bars.iter().zip(&value_texts).enumerate() {
        let y = top + pitch * i as i32;
        let cy = y + pitch / 2;
        let color = PALETTE[i % PALETTE.len()];
        let len = ((value.max(0.0) / max) * (right - left) as f64).round() as i32;
        area.draw(&Rectangle::new(
            [(left, cy - bar_h / 2), (left + len.max(1), cy + bar_h / 2)],
            color.filled(),
        ))?;
        let ls = label_style.pos(Pos::new(HPos::Right, VPos::Center));
        area.draw(&Text::new(label.clone(), (left - 10, cy), ls))?;
        let vs = value_style.pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(vtext.clone(), (left + len.max(1) + 8, cy), vs))?;
    }
    let ws = weak_style.pos(Pos::new(HPos::Right, VPos::Bottom));
    area.draw(&Text::new(
        format!("Total {} / month", format::money(total)),
        (w - 16, h - 2),
        ws,
    ))?;
    Ok(())
}

/// Why a chart file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("drawing the chart failed: {0}")]
    /// plotters failed to draw the chart; the message is its error.
    Draw(String),
    #[error("{path}: {source}")]
    /// The chart file could not be written or read back.
    Io {
        /// Path of the file.
        path: String,
        /// The operating system's error.
        source: std::io::Error,
    },
}

pub(crate) fn font(size: f64, color: &RGBColor) -> TextStyle<'static> {
    let mut style = TextStyle::from((FAMILY, size).into_font());
    style.color = color.to_backend_color();
    style
}

pub(crate) fn draw_err<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError::Draw(format!("{e:?}"))
}

/// PNG file bytes of a `w × h` chart that `draw` paints into memory (no file is touched).
pub(crate) fn png_bytes(
    w: u32,
    h: u32,
    draw: impl FnOnce(&DrawingArea<BitMapBackend<'_>, Shift>) -> Result<(), ChartError>,
) -> Result<Vec<u8>, ChartError> {
    use image::ImageEncoder;
    if w == 0 || h == 0 {
        return Err(ChartError::Draw(format!("empty chart size {w} × {h}")));
    }
    let mut rgb = vec![0u8; (w as usize) * (h as usize) * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
        draw(&root)?;
        root.present().map_err(draw_err)?;
    }
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&rgb, w, h, image::ExtendedColorType::Rgb8)
        .map_err(draw_err)?;
    Ok(png)
}

/// Write a chart file through [`crate::atomic_file::write`] (never a torn file).
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ChartError> {
    crate::atomic_file::write(path, bytes).map_err(|e| ChartError::Io {
        path: path.display().to_string(),
        source: std::io::Error::new(e.source.kind(), e.to_string()),
    })
}

/// Packed RGB pixels (`w × h × 3` bytes) of the chart, for an egui texture.
pub fn render_rgb(estimate: &Estimate, kind: ChartKind, w: u32, h: u32, theme: &Theme) -> Vec<u8> {
    let mut buf = vec![0u8; (w as usize) * (h as usize) * 3];
    if w > 0 && h > 0 {
        let rows = chart_data(estimate, kind);
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        // Drawing into memory cannot fail for I/O reasons; an error leaves a partial picture.
        let _ = draw(&root, title(kind), &rows, theme);
        let _ = root.present();
    }
    buf
}

/// The chart as an SVG document (light theme).
pub fn render_svg(
    estimate: &Estimate,
    kind: ChartKind,
    w: u32,
    h: u32,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let rows = chart_data(estimate, kind);
        let root = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
        draw(&root, title(kind), &rows, &Theme::LIGHT).map_err(draw_err)?;
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}

/// Write the chart as a PNG file (light theme), atomically.
pub fn save_png(
    estimate: &Estimate,
    kind: ChartKind,
    w: u32,
    h: u32,
    path: &Path,
) -> Result<(), ChartError> {
    write_file(path, &render_png(estimate, kind, w, h)?)
}

/// The chart as PNG file bytes (light theme), drawn in memory.
pub fn render_png(
    estimate: &Estimate,
    kind: ChartKind,
    w: u32,
    h: u32,
) -> Result<Vec<u8>, ChartError> {
    let rows = chart_data(estimate, kind);
    png_bytes(w, h, |root| {
        draw(root, title(kind), &rows, &Theme::LIGHT).map_err(draw_err)
    })
}

/// The mark beside a legend label: a filled box (bars, areas, bands), a line, or a triangle marker.
pub(crate) enum LegendMark {
    Box(RGBAColor),
    Line(RGBAColor),
    Triangle(RGBAColor),
}

/// Split `area` into the plotting part and a legend strip on its right, so a legend never hides
/// the data it explains (plotters' in-plot legend box covered bars and lines).
pub(crate) fn split_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
) -> (DrawingArea<DB, Shift>, DrawingArea<DB, Shift>) {
    let width = area.dim_in_pixel().0;
    let legend_w = (width / 5).clamp(120, 210);
    area.split_horizontally(width.saturating_sub(legend_w))
}

/// Draw legend `entries` top-down in a strip made by [`split_legend`].
pub(crate) fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(String, LegendMark)],
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let label_style = font(12.0, &theme.text).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, (label, mark)) in entries.iter().enumerate() {
        let y = 48 + 20 * i as i32;
        match mark {
            LegendMark::Box(c) => {
                area.draw(&Rectangle::new([(6, y - 6), (18, y + 6)], c.filled()))?
            }
            LegendMark::Line(c) => {
                area.draw(&PathElement::new(vec![(4, y), (20, y)], c.stroke_width(2)))?
            }
            LegendMark::Triangle(c) => area.draw(&TriangleMarker::new((12, y), 5, c.filled()))?,
        }
        area.draw(&Text::new(label.clone(), (26, y), label_style.clone()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{CatalogId, Service};
    use crate::cost::Totals;
    use std::collections::BTreeMap;

    fn estimate() -> Estimate {
        // Synthetic totals (not prices): the chart only reads the aggregates.
        let mut by_service = BTreeMap::new();
        let mut t = Totals::default();
        t.add(300.0, 0.0);
        by_service.insert(Service::Ec2, t);
        let mut t = Totals::default();
        t.add(100.0, 0.0);
        by_service.insert(Service::S3, t);
        let mut by_group = BTreeMap::new();
        let mut t = Totals::default();
        t.add(400.0, 0.0);
        by_group.insert("웹 서버".to_string(), t);
        Estimate {
            plan_name: "t".into(),
            catalog: CatalogId {
                name: "test".into(),
                effective_from: Default::default(),
                effective_to: Default::default(),
            },
            items: vec![],
            total: Totals::default(),
            by_group,
            by_service,
            by_region: BTreeMap::new(),
            by_tag: BTreeMap::new(),
        }
    }

    #[test]
    fn data_is_sorted_largest_first() {
        let rows = chart_data(&estimate(), ChartKind::ByService);
        assert_eq!(rows[0], ("Amazon EC2".to_string(), 300.0));
        assert_eq!(rows[1], ("Amazon S3".to_string(), 100.0));
    }

    #[test]
    fn svg_and_png_carry_the_same_labels() {
        let e = estimate();
        let svg = render_svg(&e, ChartKind::ByGroup, 600, 300).unwrap();
        assert!(svg.contains("웹 서버"), "Hangul group name is drawn");
        assert!(svg.contains("$400.00"));
        let png = render_png(&e, ChartKind::ByService, 600, 300).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let rgb = render_rgb(&e, ChartKind::ByService, 600, 300, &Theme::DARK);
        assert_eq!(rgb.len(), 600 * 300 * 3);
        // Something other than the background was drawn.
        assert!(rgb.chunks(3).any(|p| p != [27, 27, 27]));
    }
}
