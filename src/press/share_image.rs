//! Share images: a 1200×630 PNG per entry at `s/<ID>/anh-chia-se.png`
//! (short title, unit, province and year, key figure, bank name, permanent
//! address) and one for the site at `anh-chia-se.png`, used by the Open
//! Graph and Twitter-card tags.
//!
//! Each image is an SVG drawn here and rasterised by resvg with fonts
//! bundled in the repository (assets/fonts: subsets of Noto Sans with every
//! Vietnamese letter, SIL OFL 1.1) — never system fonts, so every machine
//! renders the same bytes. SVG has no line wrapping: lines are broken here
//! with the fonts' advance widths. Images are rendered in parallel.

use std::sync::Arc;

use rayon::prelude::*;
use resvg::{tiny_skia, usvg};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use crate::content::Entry;
use crate::guard::{guarded, Stage};
use crate::output::Staging;
use crate::site::{esc, Site};
use crate::templates::number_vi;
use crate::views::urls;

use super::paths;

pub(crate) const WIDTH: u32 = 1200;
pub(crate) const HEIGHT: u32 = 630;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
static ARROWS: &[u8] = include_bytes!("../../assets/fonts/NotoSansSymbols-Arrows.ttf");

const FAMILY: &str = "Noto Sans";
const NAVY: &str = "#12325a";
const NAVY_SOFT: &str = "#e8eef6";
const TEXT: &str = "#1b1f24";
const MUTED: &str = "#4b5563";
const YELLOW: &str = "#ffd54f";
const MARGIN: f32 = 64.0;

/// Measures text the way the renderer will set it (advance widths, no
/// kerning, so a measured line is never narrower than the drawn one).
struct Metrics<'a> {
    regular: FontRef<'a>,
    bold: FontRef<'a>,
    arrows: FontRef<'a>,
}

impl Metrics<'static> {
    fn new() -> Result<Self, String> {
        let load = |b: &'static [u8]| FontRef::new(b).map_err(|e| format!("bundled font: {e}"));
        Ok(Metrics { regular: load(REGULAR)?, bold: load(BOLD)?, arrows: load(ARROWS)? })
    }
}

impl Metrics<'_> {
    fn width(&self, text: &str, px: f32, bold: bool) -> f32 {
        let main = if bold { &self.bold } else { &self.regular };
        let size = Size::new(px);
        let (m_main, m_arrows) =
            (main.glyph_metrics(size, LocationRef::default()), self.arrows.glyph_metrics(size, LocationRef::default()));
        let (c_main, c_arrows) = (main.charmap(), self.arrows.charmap());
        text.chars()
            .map(|c| {
                c_main
                    .map(c)
                    .and_then(|g| m_main.advance_width(g))
                    .or_else(|| c_arrows.map(c).and_then(|g| m_arrows.advance_width(g)))
                    .unwrap_or(px * 0.6)
            })
            .sum()
    }

    /// Cuts `text` to fit `max` with an ellipsis.
    fn truncate(&self, text: &str, px: f32, bold: bool, max: f32) -> String {
        if self.width(text, px, bold) <= max {
            return text.to_string();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
            if self.width(&candidate, px, bold) <= max {
                return candidate;
            }
        }
        "…".into()
    }

    /// Greedy line breaking at spaces; `None` when the text needs more than
    /// `max_lines` (the caller may try a smaller size), unless `force`, which
    /// cuts the last line with an ellipsis.
    fn wrap(&self, text: &str, px: f32, bold: bool, max: f32, max_lines: usize, force: bool) -> Option<Vec<String>> {
        let mut lines: Vec<String> = Vec::new();
        let mut cur = String::new();
        for word in text.split_whitespace() {
            let candidate = if cur.is_empty() { word.to_string() } else { format!("{cur} {word}") };
            if self.width(&candidate, px, bold) <= max || cur.is_empty() {
                cur = candidate;
            } else {
                lines.push(std::mem::take(&mut cur));
                cur = word.to_string();
            }
        }
        if !cur.is_empty() {
            lines.push(cur);
        }
        if lines.len() <= max_lines && lines.iter().all(|l| self.width(l, px, bold) <= max) {
            return Some(lines);
        }
        if !force {
            return None;
        }
        let rest = lines.split_off(max_lines.min(lines.len()).saturating_sub(1));
        let last = rest.join(" ");
        let cut = self.truncate(&format!("{last} …"), px, bold, max);
        let cut = if cut.ends_with(" …") { cut } else { cut.trim_end_matches('…').trim_end().to_string() + "…" };
        lines.push(cut);
        Some(lines.into_iter().map(|l| self.truncate(&l, px, bold, max)).collect())
    }
}

/// How a line of text is set: size in px, weight, colour, and whether `x` is its end.
#[derive(Clone, Copy)]
struct Font {
    px: f32,
    bold: bool,
    fill: &'static str,
    end: bool,
}

const fn font(px: f32, bold: bool, fill: &'static str) -> Font {
    Font { px, bold, fill, end: false }
}

/// An SVG being drawn.
struct Svg(String);

impl Svg {
    fn new() -> Svg {
        Svg(format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\">\
             <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>"
        ))
    }
    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, rx: f32, fill: &str) {
        self.0
            .push_str(&format!("<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"{rx}\" fill=\"{fill}\"/>"));
    }
    fn text(&mut self, (x, y): (f32, f32), f: Font, text: &str) {
        self.0.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" font-family=\"{FAMILY}\" font-size=\"{}\" font-weight=\"{}\" fill=\"{}\" text-anchor=\"{}\">{}</text>",
            f.px,
            if f.bold { 700 } else { 400 },
            f.fill,
            if f.end { "end" } else { "start" },
            esc(text)
        ));
    }
    fn finish(mut self) -> String {
        self.0.push_str("</svg>");
        self.0
    }
}

/// The top band: bank name, and the "sample data" mark when fictional.
fn header(svg: &mut Svg, m: &Metrics, title: &str, mark: Option<&str>) {
    svg.rect(0.0, 0.0, WIDTH as f32, 88.0, 0.0, NAVY);
    svg.rect(MARGIN, 30.0, 28.0, 28.0, 4.0, YELLOW);
    let mut max = WIDTH as f32 - 2.0 * MARGIN - 44.0;
    if let Some(mark) = mark {
        let mark = mark.to_uppercase();
        svg.text((WIDTH as f32 - MARGIN, 54.0), Font { end: true, ..font(20.0, true, YELLOW) }, &mark);
        max -= m.width(&mark, 20.0, true) + 32.0;
    }
    svg.text((MARGIN + 44.0, 55.0), font(28.0, true, "#ffffff"), &m.truncate(title, 28.0, true, max));
}

/// Picks the largest size at which `text` fits in `lines` lines.
fn fit(m: &Metrics, text: &str, sizes: &[f32], bold: bool, max: f32, lines: usize) -> (f32, Vec<String>) {
    for &px in sizes {
        if let Some(l) = m.wrap(text, px, bold, max, lines, false) {
            return (px, l);
        }
    }
    let px = sizes.last().copied().unwrap_or(40.0);
    (px, m.wrap(text, px, bold, max, lines, true).unwrap_or_default())
}

fn without_scheme(url: &str) -> &str {
    url.split_once("://").map_or(url, |(_, r)| r).trim_end_matches('/')
}

fn entry_svg(site: &Site, m: &Metrics, e: &Entry) -> String {
    let v = site.views();
    let card = v.card(e);
    let inner = WIDTH as f32 - 2.0 * MARGIN;
    let mut svg = Svg::new();
    let fictional = site.t("fictional_label");
    header(&mut svg, m, &site.config.title, e.fictional.then_some(fictional.as_str()));
    svg.text((MARGIN, 146.0), font(24.0, true, MUTED), &format!("{} · {}", site.t("initiative").to_uppercase(), e.id));
    let (px, lines) = fit(m, e.card_title(), &[60.0, 52.0, 46.0], true, inner, 3);
    let line_h = px * 1.2;
    let mut y = 146.0 + 16.0 + px;
    for l in &lines {
        svg.text((MARGIN, y), font(px, true, NAVY), l);
        y += line_h;
    }
    let mut place = vec![card.unit.name.clone()];
    if !card.province.name.is_empty() && card.province.name != card.unit.name {
        place.push(card.province.name.clone());
    }
    place.push(format!("{} {}", site.t("year_word"), e.year));
    let place = m.truncate(&place.join(" · "), 28.0, false, inner);
    svg.text((MARGIN, y - line_h + px.max(28.0) * 0.5 + 44.0), font(28.0, false, TEXT), &place);

    // The key figure, or the summary when the entry has no metric.
    let (box_y, box_h) = (452.0, 108.0);
    svg.rect(MARGIN, box_y, inner, box_h, 6.0, NAVY_SOFT);
    svg.rect(MARGIN, box_y, 8.0, box_h, 0.0, NAVY);
    let text_x = MARGIN + 32.0;
    let text_w = inner - 56.0;
    match e.key_metric() {
        Some(km) => {
            let label = m.truncate(&km.indicator, 24.0, false, text_w);
            svg.text((text_x, box_y + 38.0), font(24.0, false, MUTED), &label);
            let value = match km.before {
                Some(b) => format!("{} → {} {}", number_vi(b), number_vi(km.after), km.unit),
                None => format!("{} {}", number_vi(km.after), km.unit),
            };
            let (vpx, vl) = fit(m, &value, &[44.0, 38.0, 32.0], true, text_w, 1);
            if let Some(first) = vl.first() {
                svg.text((text_x, box_y + 88.0), font(vpx, true, NAVY), first);
            }
        }
        None => {
            let lines = m.wrap(&e.summary, 26.0, false, text_w, 2, true).unwrap_or_default();
            for (k, l) in lines.iter().enumerate() {
                svg.text((text_x, box_y + 44.0 + 36.0 * k as f32), font(26.0, false, TEXT), l);
            }
        }
    }
    footer(&mut svg, m, &site.config.abs_url(&urls::permalink(&e.id)), &site.config.owner);
    svg.finish()
}

/// The bottom line: an address on the left, the keeper of the bank on the right.
fn footer(svg: &mut Svg, m: &Metrics, url: &str, owner: &str) {
    let url = without_scheme(url);
    let url_w = m.width(url, 22.0, false);
    svg.text((MARGIN, 604.0), font(22.0, false, MUTED), url);
    let max = WIDTH as f32 - 2.0 * MARGIN - url_w - 40.0;
    if max > 100.0 {
        svg.text(
            (WIDTH as f32 - MARGIN, 604.0),
            Font { end: true, ..font(22.0, false, MUTED) },
            &m.truncate(owner, 22.0, false, max),
        );
    }
}

fn site_svg(site: &Site, m: &Metrics) -> String {
    let cfg = site.config;
    let inner = WIDTH as f32 - 2.0 * MARGIN;
    let mut svg = Svg::new();
    header(&mut svg, m, &cfg.owner, None);
    let (px, lines) = fit(m, &cfg.title, &[72.0, 60.0, 52.0], true, inner, 2);
    let mut y = 160.0 + px;
    for l in &lines {
        svg.text((MARGIN, y), font(px, true, NAVY), l);
        y += px * 1.2;
    }
    if !cfg.description.is_empty() {
        let desc = m.wrap(&cfg.description, 30.0, false, inner, 3, true).unwrap_or_default();
        y += 12.0;
        for l in &desc {
            svg.text((MARGIN, y), font(30.0, false, TEXT), l);
            y += 42.0;
        }
    }
    let count = format!("{} {}", number_vi(site.lib.entries.len() as f64), site.t("entries_word"));
    footer(&mut svg, m, &cfg.base_url, &count);
    svg.finish()
}

/// The description of an entry's image, for `og:image:alt`.
pub(crate) fn alt_text(site: &Site, e: &Entry) -> String {
    let v = site.views();
    let mut parts = vec![e.card_title().to_string(), v.unit_link(&e.owner_unit).name];
    let key = v.key_figure(e);
    if !key.is_empty() {
        parts.push(key);
    }
    parts.push(site.config.title.clone());
    parts.join(" – ")
}

fn options() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    for font in [REGULAR, BOLD, ARROWS] {
        db.load_font_data(font.to_vec());
    }
    db.set_sans_serif_family(FAMILY);
    usvg::Options { font_family: FAMILY.into(), fontdb: Arc::new(db), ..usvg::Options::default() }
}

fn rasterise(svg: &str, opt: &usvg::Options) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_str(svg, opt).map_err(|e| format!("share image: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("share image: cannot allocate")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    encode_png(&pixmap).map_err(|e| format!("share image: {e}"))
}

/// Encodes the (opaque) image as a PNG. Share images are flat colours and
/// anti-aliased text: a few hundred colours at most, so most fit an exact
/// 256-colour palette — one byte per pixel, lossless, and a third of the
/// RGB size. Images with more colours are written as 8-bit RGB. The
/// profile of a 10,000-entry build showed zlib's default level taking half
/// of the whole build's CPU time for these images; png's fast (fdeflate)
/// level on palette bytes takes a small fraction of that.
fn encode_png(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    // The pixmap is premultiplied RGBA, but every pixel is opaque (white
    // fill first), so its colour bytes are the plain colour.
    let pixels = pixmap.data().chunks_exact(4);
    let mut bytes = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut bytes, WIDTH, HEIGHT);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::Filter::Adaptive);
    let data = match palette_indices(pixels.clone()) {
        Some((palette, indices)) => {
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_palette(palette);
            indices
        }
        None => {
            encoder.set_color(png::ColorType::Rgb);
            pixels.flat_map(|p| [p[0], p[1], p[2]]).collect()
        }
    };
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&data)?;
    writer.finish()?;
    Ok(bytes)
}

/// The image's colours in order of first appearance (deterministic) and
/// each pixel's index into them, or `None` past 256 colours.
fn palette_indices<'p>(pixels: impl Iterator<Item = &'p [u8]>) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut index: std::collections::HashMap<[u8; 3], u8> = std::collections::HashMap::with_capacity(256);
    let mut palette = Vec::with_capacity(3 * 256);
    let mut indices = Vec::with_capacity((WIDTH * HEIGHT) as usize);
    let mut last: Option<([u8; 3], u8)> = None;
    for p in pixels {
        let colour = [p[0], p[1], p[2]];
        // Runs of one colour are the common case: skip the hash lookup.
        let i = match last {
            Some((c, i)) if c == colour => i,
            _ => {
                let i = match index.get(&colour) {
                    Some(&i) => i,
                    None if index.len() == 256 => return None,
                    None => {
                        let i = index.len() as u8;
                        index.insert(colour, i);
                        palette.extend_from_slice(&colour);
                        i
                    }
                };
                last = Some((colour, i));
                i
            }
        };
        indices.push(i);
    }
    Some((palette, indices))
}

pub(crate) fn render_all(site: &Site, out: &Staging) -> Result<(), String> {
    let m = Metrics::new()?;
    let opt = options();
    let png = rasterise(&site_svg(site, &m), &opt)?;
    out.write(paths::SITE_IMAGE, &png).map_err(|e| e.to_string())?;
    site.lib.entries.par_iter().try_for_each(|e| {
        guarded(Stage::Press, &e.source, || {
            let svg = entry_svg(site, &m, e);
            site.cache
                .write_through(out, &paths::share_image(&e.id), ("share-images", "png"), svg.as_bytes(), || {
                    rasterise(&svg, &opt)
                })
                .map_err(|err| format!("{}: {err}", e.id))
        })
        .unwrap_or_else(|p| Err(p.to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_cover_vietnamese_and_wrapping_respects_the_width() {
        let m = Metrics::new().unwrap();
        for font in [&m.regular, &m.bold] {
            let cmap = font.charmap();
            for c in "ộữẫđĐƯơăâêôÝỹẠặ–“”…".chars() {
                assert!(cmap.map(c).is_some(), "no glyph for {c}");
            }
        }
        assert!(m.arrows.charmap().map('→').is_some());
        let text = "Số hóa, chuẩn hóa dữ liệu sổ hộ tịch giấy giai đoạn 1995–2015 để cấp bản sao trích lục trên môi trường điện tử tại xã Thanh Mẫu";
        let lines = m.wrap(text, 52.0, true, 1072.0, 3, true).unwrap();
        assert!(lines.len() <= 3);
        assert!(lines.iter().all(|l| m.width(l, 52.0, true) <= 1072.0));
        assert!(lines[2].ends_with('…'));
        assert!(m.wrap(text, 52.0, true, 1072.0, 3, false).is_none());
    }
}
