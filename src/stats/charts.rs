//! Charts as inline SVG, drawn at build time: no script, no external
//! resource, readable by screen readers.
//!
//! Each chart is an `<svg role="img">` labelled by its own `<title>` and
//! `<desc>` (the description ends with the data in words), and each bar
//! carries `data-label`, `data-value` and a `<title>` of its own. The same
//! rows go to the template, which prints them as a table beside the chart;
//! tests check that the SVG and the table agree.
//!
//! Every text put in the SVG is escaped here (`site::esc`), so the template
//! prints `svg` with `| safe`. The SVG scales with its `viewBox`: at 375 px
//! the drawing is about as wide as its viewBox (360), so 13- and 14-unit text stays
//! readable; labels sit above their bars so long Vietnamese names need no
//! horizontal room.

use serde::Serialize;

use crate::site::esc;
use crate::templates::number_vi;

const WIDTH: f64 = 360.0;
const BAR: &str = "#12325a"; // navy: 12.9:1 on white
const TEXT: &str = "#1b1f24"; // 16.6:1 on white
const AXIS: &str = "#8a94a3";
/// Characters per label line before wrapping.
const LINE_CHARS: usize = 42;

/// One value of a chart and its row in the data table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub label: String,
    /// A page about this row (from the site root), or empty.
    pub url: String,
    /// The number drawn.
    pub value: f64,
    /// The number as printed (Vietnamese style, with its unit).
    pub display: String,
    /// Further table cells, printed before the value (see `Chart::extra_headers`).
    pub extra: Vec<String>,
}

impl Row {
    pub fn count(label: impl Into<String>, url: impl Into<String>, n: usize) -> Row {
        Row { label: label.into(), url: url.into(), value: n as f64, display: number_vi(n as f64), extra: vec![] }
    }
}

/// A chart and the data table that goes with it.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// Unique on its page; used for the SVG's title and description ids.
    pub id: String,
    pub title: String,
    pub desc: String,
    /// The drawing: built and escaped here, safe to print.
    pub svg: String,
    pub label_header: String,
    pub value_header: String,
    pub extra_headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// Headers of a chart's data table.
pub struct Headers {
    pub label: String,
    pub value: String,
    pub extra: Vec<String>,
}

impl Chart {
    /// Horizontal bars, one per row, label above each bar: for categories.
    pub fn bars(id: &str, title: &str, intro: &str, h: Headers, rows: Vec<Row>) -> Chart {
        let desc = describe(intro, &rows);
        let svg = bars_svg(id, title, &desc, &rows);
        Chart::assemble(id, title, desc, svg, h, rows)
    }

    /// Vertical columns in row order: for values over time.
    pub fn columns(id: &str, title: &str, intro: &str, h: Headers, rows: Vec<Row>) -> Chart {
        let desc = describe(intro, &rows);
        let svg = columns_svg(id, title, &desc, &rows);
        Chart::assemble(id, title, desc, svg, h, rows)
    }

    fn assemble(id: &str, title: &str, desc: String, svg: String, h: Headers, rows: Vec<Row>) -> Chart {
        Chart {
            id: id.to_string(),
            title: title.to_string(),
            desc,
            svg,
            label_header: h.label,
            value_header: h.value,
            extra_headers: h.extra,
            rows,
        }
    }
}

/// The description read by screen readers: the intro, then the data.
fn describe(intro: &str, rows: &[Row]) -> String {
    let data: Vec<String> = rows.iter().map(|r| format!("{}: {}", r.label, r.display)).collect();
    if data.is_empty() {
        intro.to_string()
    } else {
        format!("{intro} {}.", data.join("; "))
    }
}

/// The number for `data-value`: plain digits, a dot for decimals.
pub fn data_value(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{}", (v * 100.0).round() / 100.0)
    }
}

fn open_svg(id: &str, title: &str, desc: &str, height: f64, class: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart__svg {class}\" viewBox=\"0 0 {WIDTH} {height}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        esc(title),
        esc(desc),
        id = esc(id)
    )
}

fn item_open(svg: &mut String, r: &Row) {
    svg.push_str(&format!(
        "<g class=\"chart__item\" data-label=\"{}\" data-value=\"{}\"><title>{}: {}</title>",
        esc(&r.label),
        data_value(r.value),
        esc(&r.label),
        esc(&r.display)
    ));
}

fn max_value(rows: &[Row]) -> f64 {
    rows.iter().map(|r| r.value).fold(0.0, f64::max)
}

/// Scales `v` to `span`, keeping non-zero values visible.
fn scale(v: f64, max: f64, span: f64) -> f64 {
    if max <= 0.0 || v <= 0.0 {
        0.0
    } else {
        (v / max * span).max(2.0)
    }
}

fn bars_svg(id: &str, title: &str, desc: &str, rows: &[Row]) -> String {
    const LINE: f64 = 17.0;
    const BAR_H: f64 = 16.0;
    let span = WIDTH - 64.0;
    let max = max_value(rows);
    let mut body = String::new();
    let mut y = 4.0;
    for r in rows {
        item_open(&mut body, r);
        let lines = wrap(&r.label, LINE_CHARS, 2);
        for (k, line) in lines.iter().enumerate() {
            body.push_str(&format!(
                "<text class=\"chart__label\" x=\"0\" y=\"{}\" fill=\"{TEXT}\" font-size=\"14\">{}</text>",
                y + 14.0 + k as f64 * LINE,
                esc(line)
            ));
        }
        let bar_y = y + lines.len() as f64 * LINE + 4.0;
        let w = scale(r.value, max, span);
        body.push_str(&format!(
            "<rect class=\"chart__bar\" x=\"0\" y=\"{bar_y}\" width=\"{:.1}\" height=\"{BAR_H}\" fill=\"{BAR}\"/>",
            w
        ));
        body.push_str(&format!(
            "<text class=\"chart__value\" x=\"{:.1}\" y=\"{}\" fill=\"{TEXT}\" font-size=\"14\" font-weight=\"bold\">{}</text></g>",
            w + 6.0,
            bar_y + 13.0,
            esc(&r.display)
        ));
        y = bar_y + BAR_H + 10.0;
    }
    let height = y.max(24.0);
    let mut svg = open_svg(id, title, desc, height, "chart__svg--bars");
    svg.push_str(&body);
    svg.push_str("</svg>");
    svg
}

fn columns_svg(id: &str, title: &str, desc: &str, rows: &[Row]) -> String {
    const HEIGHT: f64 = 200.0;
    const TOP: f64 = 22.0;
    const BOTTOM: f64 = 24.0;
    let plot = HEIGHT - TOP - BOTTOM;
    let base = TOP + plot;
    let n = rows.len().max(1);
    let slot = (WIDTH - 8.0) / n as f64;
    let col = (slot * 0.6).min(48.0);
    // Labels that would overlap are thinned out (every k-th); the table and
    // each column's title still carry every value.
    let label_every = n.div_ceil(8);
    let show_values = n <= 12;
    let max = max_value(rows);
    let mut svg = open_svg(id, title, desc, HEIGHT, "chart__svg--columns");
    svg.push_str(&format!(
        "<line class=\"chart__axis\" x1=\"0\" y1=\"{base}\" x2=\"{WIDTH}\" y2=\"{base}\" stroke=\"{AXIS}\" stroke-width=\"1\"/>"
    ));
    for (k, r) in rows.iter().enumerate() {
        let cx = 4.0 + slot * (k as f64 + 0.5);
        let h = scale(r.value, max, plot);
        item_open(&mut svg, r);
        svg.push_str(&format!(
            "<rect class=\"chart__bar\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{BAR}\"/>",
            cx - col / 2.0,
            base - h,
            col,
            h
        ));
        if show_values {
            svg.push_str(&format!(
                "<text class=\"chart__value\" x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{TEXT}\" font-size=\"13\" font-weight=\"bold\">{}</text>",
                base - h - 5.0,
                esc(&r.display)
            ));
        }
        if k % label_every == 0 {
            svg.push_str(&format!(
                "<text class=\"chart__label\" x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{TEXT}\" font-size=\"13\">{}</text>",
                base + 17.0,
                esc(&truncate(&r.label, 10))
            ));
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

/// Splits `s` at spaces into at most `max_lines` lines of about `width`
/// characters; what does not fit ends with "…".
fn wrap(s: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in s.split_whitespace() {
        let len = current.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = format!("{}…", truncate(last, width.saturating_sub(1)).trim_end_matches('…'));
        }
    }
    lines.into_iter().map(|l| truncate(&l, width)).collect()
}

/// Cuts `s` to `max` characters, ending with "…" when cut.
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h() -> Headers {
        Headers { label: "L".into(), value: "V".into(), extra: vec![] }
    }

    #[test]
    fn labels_are_escaped_and_values_carried() {
        let rows = vec![Row::count("A & <B>", "", 3), Row::count("C\"", "", 0)];
        let c = Chart::bars("c1", "T <x>", "Intro", h(), rows);
        assert!(c.svg.contains("A &amp; &lt;B&gt;"));
        assert!(!c.svg.contains("<B>"));
        assert!(c.svg.contains("data-value=\"3\""));
        assert!(c.svg.contains("data-value=\"0\""));
        assert!(c.svg.contains("<title id=\"c1-title\">T &lt;x&gt;</title>"));
        assert!(c.desc.ends_with("A & <B>: 3; C\": 0."));
    }

    #[test]
    fn long_labels_wrap_on_two_lines_at_most() {
        let l = wrap("một hai ba bốn năm sáu bảy tám chín mười một hai ba bốn năm sáu bảy tám chín mười", 20, 2);
        assert_eq!(l.len(), 2);
        assert!(l.iter().all(|x| x.chars().count() <= 20));
        assert!(l[1].ends_with('…'));
        assert_eq!(wrap("ngắn", 20, 2), vec!["ngắn".to_string()]);
    }

    #[test]
    fn data_values_are_plain_numbers() {
        assert_eq!(data_value(12.0), "12");
        assert_eq!(data_value(5.9), "5.9");
        assert_eq!(data_value(1234.0), "1234");
    }
}
