//! Share images: a 1200×630 PNG per entry at `s/<ID>/anh-chia-se.png`
//! (short title, unit, province and year, key figure, bank name, permanent
//! address) and one for the site at `anh-chia-se.png`, used by the Open
//! Graph and Twitter-card tags.
//!
//! Each image is a scene of rectangles and lines of text laid out here and
//! drawn by `raster` with fonts bundled in the repository (assets/fonts:
//! subsets of Noto Sans with every Vietnamese letter, SIL OFL 1.1) — never
//! system fonts, so every machine renders the same bytes. Lines are broken
//! here with the fonts' advance widths. Images are rendered in parallel, and
//! the scene's description is the key of the share-image cache.

use rayon::prelude::*;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, GlyphId, MetadataProvider};

use crate::content::Entry;
use crate::guard::{guarded, Stage};
use crate::output::Staging;
use crate::site::Site;
use crate::templates::number_vi;
use crate::views::urls;

use super::paths;
use super::raster::{Canvas, Face, Placed, Rgb};

pub(crate) const WIDTH: u32 = 1200;
pub(crate) const HEIGHT: u32 = 630;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
static ARROWS: &[u8] = include_bytes!("../../assets/fonts/NotoSansSymbols-Arrows.ttf");

/// Changes whenever the drawing or encoding code changes an image's bytes,
/// so cached images of an older renderer are not reused (a warm build must
/// give the bytes of a cold one).
const RENDERER: &str = "sangkien raster 2";
const WHITE: Rgb = [0xff, 0xff, 0xff];
const NAVY: Rgb = [0x12, 0x32, 0x5a];
const NAVY_SOFT: Rgb = [0xe8, 0xee, 0xf6];
const TEXT: Rgb = [0x1b, 0x1f, 0x24];
const MUTED: Rgb = [0x4b, 0x55, 0x63];
const YELLOW: Rgb = [0xff, 0xd5, 0x4f];
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
    /// The glyphs that set `text`: the regular or bold face, the arrows
    /// face for what it lacks, and `.notdef` (a box) for what neither has.
    fn glyphs<'s>(&'s self, text: &'s str, px: f32, bold: bool) -> impl Iterator<Item = Placed<'s>> + 's {
        let main = Face { id: u8::from(bold), font: if bold { &self.bold } else { &self.regular } };
        let arrows = Face { id: 2, font: &self.arrows };
        let size = Size::new(px);
        let (m_main, m_arrows) = (
            main.font.glyph_metrics(size, LocationRef::default()),
            arrows.font.glyph_metrics(size, LocationRef::default()),
        );
        let (c_main, c_arrows) = (main.font.charmap(), arrows.font.charmap());
        text.chars().map(move |c| {
            let found = c_main
                .map(c)
                .map(|g| (main, g, m_main.advance_width(g)))
                .or_else(|| c_arrows.map(c).map(|g| (arrows, g, m_arrows.advance_width(g))));
            match found {
                Some((face, glyph, advance)) => Placed { face, glyph, advance: advance.unwrap_or(px * 0.6) },
                None => Placed { face: main, glyph: GlyphId::NOTDEF, advance: px * 0.6 },
            }
        })
    }

    fn place<'s>(&'s self, text: &'s str, px: f32, bold: bool) -> Vec<Placed<'s>> {
        self.glyphs(text, px, bold).collect()
    }

    /// Measured without collecting the glyphs: line breaking measures often.
    fn width(&self, text: &str, px: f32, bold: bool) -> f32 {
        self.glyphs(text, px, bold).map(|g| g.advance).sum()
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

/// How a line of text is set: size in px, weight, colour, the colour
/// behind it, and whether `x` is its end.
#[derive(Clone, Copy, Debug)]
struct Font {
    px: f32,
    bold: bool,
    fill: Rgb,
    bg: Rgb,
    end: bool,
}

const fn font(px: f32, bold: bool, fill: Rgb) -> Font {
    Font { px, bold, fill, bg: WHITE, end: false }
}

/// One thing drawn, in order.
#[derive(Debug)]
enum Op {
    /// `x, y, w, h` in whole pixels, corner radius, colour, colour behind.
    Rect((u32, u32, u32, u32), f32, Rgb, Rgb),
    /// Baseline start (or end) and text.
    Text((f32, f32), Font, String),
}

/// An image being laid out: white, then each operation in order.
#[derive(Debug)]
struct Scene(Vec<Op>);

impl Scene {
    fn new() -> Scene {
        Scene(Vec::new())
    }
    /// `at` is `x, y, w, h` in whole pixels.
    fn rect(&mut self, at: (u32, u32, u32, u32), rx: f32, fill: Rgb, bg: Rgb) {
        self.0.push(Op::Rect(at, rx, fill, bg));
    }
    fn text(&mut self, at: (f32, f32), f: Font, text: &str) {
        self.0.push(Op::Text(at, f, text.to_string()));
    }

    /// What decides the image's bytes: the cache key.
    fn key(&self) -> String {
        format!("{RENDERER}\n{self:?}")
    }

    fn render(&self, m: &Metrics) -> Result<Vec<u8>, String> {
        let mut canvas = Canvas::new(WIDTH, HEIGHT, WHITE);
        for op in &self.0 {
            match op {
                Op::Rect(at, radius, fill, bg) => canvas.rect(*at, *radius, *fill, *bg)?,
                Op::Text((x, y), f, text) => {
                    let glyphs = m.place(text, f.px, f.bold);
                    let width: f32 = glyphs.iter().map(|g| g.advance).sum();
                    let x = if f.end { x - width } else { *x };
                    canvas.text(&glyphs, (x, *y), f.px, f.fill, f.bg)?;
                }
            }
        }
        canvas.png()
    }
}

/// The top band: bank name, and the "sample data" mark when fictional.
fn header(scene: &mut Scene, m: &Metrics, title: &str, mark: Option<&str>) {
    scene.rect((0, 0, WIDTH, 88), 0.0, NAVY, WHITE);
    scene.rect((MARGIN as u32, 30, 28, 28), 4.0, YELLOW, NAVY);
    let mut max = WIDTH as f32 - 2.0 * MARGIN - 44.0;
    if let Some(mark) = mark {
        let mark = mark.to_uppercase();
        scene.text((WIDTH as f32 - MARGIN, 54.0), Font { end: true, bg: NAVY, ..font(20.0, true, YELLOW) }, &mark);
        max -= m.width(&mark, 20.0, true) + 32.0;
    }
    scene.text(
        (MARGIN + 44.0, 55.0),
        Font { bg: NAVY, ..font(28.0, true, WHITE) },
        &m.truncate(title, 28.0, true, max),
    );
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

fn entry_scene(site: &Site, m: &Metrics, e: &Entry) -> Scene {
    let v = site.views();
    let card = v.card(e);
    let inner = WIDTH as f32 - 2.0 * MARGIN;
    let mut scene = Scene::new();
    let fictional = site.t("fictional_label");
    header(&mut scene, m, &site.config.title, e.fictional.then_some(fictional.as_str()));
    scene.text(
        (MARGIN, 146.0),
        font(24.0, true, MUTED),
        &format!("{} · {}", site.t("initiative").to_uppercase(), e.id),
    );
    let (px, lines) = fit(m, e.card_title(), &[60.0, 52.0, 46.0], true, inner, 3);
    let line_h = px * 1.2;
    let mut y = 146.0 + 16.0 + px;
    for l in &lines {
        scene.text((MARGIN, y), font(px, true, NAVY), l);
        y += line_h;
    }
    let mut place = vec![card.unit.name.clone()];
    if !card.province.name.is_empty() && card.province.name != card.unit.name {
        place.push(card.province.name.clone());
    }
    place.push(format!("{} {}", site.t("year_word"), e.year));
    let place = m.truncate(&place.join(" · "), 28.0, false, inner);
    scene.text((MARGIN, y - line_h + px.max(28.0) * 0.5 + 44.0), font(28.0, false, TEXT), &place);

    // The key figure, or the summary when the entry has no metric.
    let (box_y, box_h) = (452.0, 108.0);
    scene.rect((MARGIN as u32, box_y as u32, inner as u32, box_h as u32), 6.0, NAVY_SOFT, WHITE);
    scene.rect((MARGIN as u32, box_y as u32, 8, box_h as u32), 0.0, NAVY, NAVY_SOFT);
    let boxed = |px: f32, bold: bool, fill: Rgb| Font { bg: NAVY_SOFT, ..font(px, bold, fill) };
    let text_x = MARGIN + 32.0;
    let text_w = inner - 56.0;
    match e.key_metric() {
        Some(km) => {
            let label = m.truncate(&km.indicator, 24.0, false, text_w);
            scene.text((text_x, box_y + 38.0), boxed(24.0, false, MUTED), &label);
            let value = match km.before {
                Some(b) => format!("{} → {} {}", number_vi(b), number_vi(km.after), km.unit),
                None => format!("{} {}", number_vi(km.after), km.unit),
            };
            let (vpx, vl) = fit(m, &value, &[44.0, 38.0, 32.0], true, text_w, 1);
            if let Some(first) = vl.first() {
                scene.text((text_x, box_y + 88.0), boxed(vpx, true, NAVY), first);
            }
        }
        None => {
            let lines = m.wrap(&e.summary, 26.0, false, text_w, 2, true).unwrap_or_default();
            for (k, l) in lines.iter().enumerate() {
                scene.text((text_x, box_y + 44.0 + 36.0 * k as f32), boxed(26.0, false, TEXT), l);
            }
        }
    }
    footer(&mut scene, m, &site.config.abs_url(&urls::permalink(&e.id)), &site.config.owner);
    scene
}

/// The bottom line: an address on the left, the keeper of the bank on the right.
fn footer(scene: &mut Scene, m: &Metrics, url: &str, owner: &str) {
    let url = without_scheme(url);
    let url_w = m.width(url, 22.0, false);
    scene.text((MARGIN, 604.0), font(22.0, false, MUTED), url);
    let max = WIDTH as f32 - 2.0 * MARGIN - url_w - 40.0;
    if max > 100.0 {
        scene.text(
            (WIDTH as f32 - MARGIN, 604.0),
            Font { end: true, ..font(22.0, false, MUTED) },
            &m.truncate(owner, 22.0, false, max),
        );
    }
}

fn site_scene(site: &Site, m: &Metrics) -> Scene {
    let cfg = site.config;
    let inner = WIDTH as f32 - 2.0 * MARGIN;
    let mut scene = Scene::new();
    header(&mut scene, m, &cfg.owner, None);
    let (px, lines) = fit(m, &cfg.title, &[72.0, 60.0, 52.0], true, inner, 2);
    let mut y = 160.0 + px;
    for l in &lines {
        scene.text((MARGIN, y), font(px, true, NAVY), l);
        y += px * 1.2;
    }
    if !cfg.description.is_empty() {
        let desc = m.wrap(&cfg.description, 30.0, false, inner, 3, true).unwrap_or_default();
        y += 12.0;
        for l in &desc {
            scene.text((MARGIN, y), font(30.0, false, TEXT), l);
            y += 42.0;
        }
    }
    let count = format!("{} {}", number_vi(site.lib.entries.len() as f64), site.t("entries_word"));
    footer(&mut scene, m, &cfg.base_url, &count);
    scene
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

pub(crate) fn render_all(site: &Site, out: &Staging) -> Result<(), String> {
    let m = Metrics::new()?;
    let png = site_scene(site, &m).render(&m)?;
    out.write(paths::SITE_IMAGE, &png).map_err(|e| e.to_string())?;
    site.lib.entries.par_iter().try_for_each(|e| {
        guarded(Stage::Press, &e.source, || {
            let scene = entry_scene(site, &m, e);
            site.cache
                .write_through(out, &paths::share_image(&e.id), ("share-images", "png"), scene.key().as_bytes(), || {
                    scene.render(&m)
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

    /// The same scene as SVG, for resvg (a general, independent renderer)
    /// to draw as the reference. Kerning is off: the layout here uses plain
    /// advance widths.
    fn to_svg(scene: &Scene) -> String {
        let hex = |c: Rgb| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\"><rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>"
        );
        for op in &scene.0 {
            match op {
                Op::Rect((x, y, w, h), rx, fill, _) => svg.push_str(&format!(
                    "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"{rx}\" fill=\"{}\"/>",
                    hex(*fill)
                )),
                Op::Text((x, y), f, text) => svg.push_str(&format!(
                    "<text x=\"{x}\" y=\"{}\" font-family=\"Noto Sans\" font-kerning=\"none\" font-size=\"{}\" font-weight=\"{}\" fill=\"{}\" text-anchor=\"{}\">{}</text>",
                    y.round(),
                    f.px,
                    if f.bold { 700 } else { 400 },
                    hex(f.fill),
                    if f.end { "end" } else { "start" },
                    crate::site::esc(text)
                )),
            }
        }
        svg + "</svg>"
    }

    fn reference(scene: &Scene) -> Vec<[u8; 3]> {
        use resvg::{tiny_skia, usvg};
        let mut db = usvg::fontdb::Database::new();
        for font in [REGULAR, BOLD, ARROWS] {
            db.load_font_data(font.to_vec());
        }
        let opt = usvg::Options { fontdb: std::sync::Arc::new(db), ..usvg::Options::default() };
        let tree = usvg::Tree::from_str(&to_svg(scene), &opt).unwrap();
        let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).unwrap();
        resvg::render(&tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
        pixmap.data().chunks_exact(4).map(|p| [p[0], p[1], p[2]]).collect()
    }

    fn decoded(png_bytes: &[u8]) -> Vec<[u8; 3]> {
        let mut reader = png::Decoder::new(std::io::Cursor::new(png_bytes)).read_info().unwrap();
        let palette = reader.info().palette.clone().unwrap().to_vec();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height, info.color_type), (WIDTH, HEIGHT, png::ColorType::Indexed));
        buf.iter()
            .map(|&i| [palette[3 * i as usize], palette[3 * i as usize + 1], palette[3 * i as usize + 2]])
            .collect()
    }

    /// The largest difference in mean brightness between the two images
    /// over any 8×8-pixel cell: a missing accent, a misplaced glyph or a
    /// wrong colour changes a cell by far more than anti-aliasing and
    /// resvg's kerning (a pixel or two) do. Measured: 63 levels for the
    /// same scene, 152 with one tilde dropped.
    fn worst_cell(a: &[[u8; 3]], b: &[[u8; 3]]) -> f64 {
        let cell = 8;
        let mut worst = 0f64;
        for cy in (0..HEIGHT as usize).step_by(cell) {
            for cx in (0..WIDTH as usize).step_by(cell) {
                let mut diff = 0f64;
                for y in cy..(cy + cell).min(HEIGHT as usize) {
                    for x in cx..(cx + cell).min(WIDTH as usize) {
                        let i = y * WIDTH as usize + x;
                        diff += (0..3).map(|c| f64::from(a[i][c]) - f64::from(b[i][c])).sum::<f64>() / 3.0;
                    }
                }
                worst = worst.max((diff / (cell * cell) as f64).abs());
            }
        }
        worst
    }

    fn sample_scene(m: &Metrics, title: &str) -> Scene {
        let mut scene = Scene::new();
        header(&mut scene, m, "Ngân hàng sáng kiến tỉnh Cao Bằng", Some("Dữ liệu mẫu"));
        let (px, lines) = fit(m, title, &[60.0, 52.0, 46.0], true, 1072.0, 3);
        for (k, l) in lines.iter().enumerate() {
            scene.text((MARGIN, 220.0 + k as f32 * px * 1.2), font(px, true, NAVY), l);
        }
        scene.rect((MARGIN as u32, 452, 1072, 108), 6.0, NAVY_SOFT, WHITE);
        scene.rect((MARGIN as u32, 452, 8, 108), 0.0, NAVY, NAVY_SOFT);
        let boxed = Font { bg: NAVY_SOFT, ..font(44.0, true, NAVY) };
        scene.text((96.0, 540.0), boxed, "12 ngày → 3,5 ngày");
        footer(&mut scene, m, "https://example.gov.vn/s/CB-2025-0001/", "Sở Khoa học và Công nghệ");
        scene
    }

    #[test]
    fn share_images_match_an_independent_svg_renderer() {
        let m = Metrics::new().unwrap();
        let title = "Số hoá, chuẩn hóa dữ liệu hộ tịch: Ưu tiên thủ tục “một cửa” ở xã Đồng Văn, Quảng Hòa";
        let scene = sample_scene(&m, title);
        let ours = decoded(&scene.render(&m).unwrap());
        let theirs = reference(&scene);
        let worst = worst_cell(&ours, &theirs);
        assert!(worst < 100.0, "worst 8×8 cell differs by {worst:.1} levels");
        // The comparison is sharp enough to see one missing accent.
        let plain = sample_scene(&m, &title.replace('ữ', "ư"));
        let off = worst_cell(&decoded(&plain.render(&m).unwrap()), &theirs);
        assert!(off > 120.0, "a dropped tilde changes a cell by only {off:.1}");
    }

    #[test]
    fn rendering_is_deterministic_and_the_palette_fits() {
        let m = Metrics::new().unwrap();
        let scene = sample_scene(&m, "Bản đồ số di tích và mã QR thuyết minh");
        let (a, b) = (scene.render(&m).unwrap(), scene.render(&m).unwrap());
        assert_eq!(a, b);
        assert!(a.len() < 80_000, "{} bytes", a.len());
        assert_ne!(scene.key(), sample_scene(&m, "Bản đồ số di tích và mã QR thuyết minh.").key());
    }
}
