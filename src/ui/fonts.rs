//! Fonts: egui's default fonts plus the embedded NanumGothic as a fallback, so Hangul (and the
//! rest of Korean text) renders instead of boxes. The same bytes are used by the charts.

use std::sync::Arc;

/// Install the fonts on `ctx`. Latin text keeps egui's default look; any glyph the default
/// fonts lack is taken from NanumGothic (SIL OFL 1.1, `assets/fonts/OFL.txt`).
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "nanum-gothic".to_owned(),
        Arc::new(egui::FontData::from_static(
            crate::report::chart::FONT_BYTES,
        )),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("nanum-gothic".to_owned());
    }
    ctx.set_fonts(fonts);
}
