//! SVG drawing of a dyad timeline, written by hand: no font files, no plotting
//! library. Top panel: mean Goldstein per period (bars above zero are cooperative,
//! below are conflictual). Bottom panel: events per period stacked by QuadClass.

use std::fmt::Write;

use crate::timeline::Timeline;

const WIDTH: f64 = 900.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 20.0;
const TOP_H: f64 = 220.0;
const BOTTOM_H: f64 = 160.0;
const GAP: f64 = 50.0;
const QUAD_COLOURS: [&str; 4] = ["#7fb3d5", "#1f618d", "#f5b041", "#c0392b"];
const QUAD_NAMES: [&str; 4] = [
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The timeline as a standalone SVG document.
pub fn svg(t: &Timeline) -> String {
    let mut s = String::new();
    let height = 40.0 + TOP_H + GAP + BOTTOM_H + 60.0;
    let n = t.periods.len().max(1) as f64;
    let plot_w = WIDTH - LEFT - RIGHT;
    let slot = plot_w / n;
    let bar = (slot * 0.7).max(1.0);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="11">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        s,
        r#"<text x="{LEFT}" y="20" font-size="14" font-weight="bold">{} – {}: mean Goldstein and events per {}</text>"#,
        esc(&t.a),
        esc(&t.b),
        match t.by {
            crate::Period::Day => "day",
            crate::Period::Week => "week",
            crate::Period::Month => "month",
            crate::Period::Year => "year",
        }
    );
    // Goldstein panel: -10 … +10.
    let top = 40.0;
    let zero = top + TOP_H / 2.0;
    let scale = TOP_H / 20.0;
    for g in [-10, -5, 0, 5, 10] {
        let y = zero - f64::from(g) * scale;
        let _ = writeln!(
            s,
            r##"<line x1="{LEFT}" y1="{y}" x2="{}" y2="{y}" stroke="{}" stroke-width="1"/>"##,
            WIDTH - RIGHT,
            if g == 0 { "#333" } else { "#ddd" }
        );
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" text-anchor="end">{g}</text>"#,
            LEFT - 6.0,
            y + 4.0
        );
    }
    for (i, p) in t.periods.iter().enumerate() {
        let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
        if let Some(m) = p.goldstein_mean {
            let h = m.abs() * scale;
            let y = if m >= 0.0 { zero - h } else { zero };
            let colour = if m >= 0.0 { "#1e8449" } else { "#c0392b" };
            let _ = writeln!(
                s,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{bar:.1}" height="{h:.1}" fill="{colour}"><title>{}: mean {m:.2}, sum {:.1}</title></rect>"#,
                esc(&p.period),
                p.goldstein_sum
            );
        }
    }
    // Events panel.
    let base = top + TOP_H + GAP + BOTTOM_H;
    let max = t.periods.iter().map(|p| p.events).max().unwrap_or(1).max(1) as f64;
    let _ = writeln!(
        s,
        r##"<line x1="{LEFT}" y1="{base}" x2="{}" y2="{base}" stroke="#333"/>"##,
        WIDTH - RIGHT
    );
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" text-anchor="end">{max}</text>"#,
        LEFT - 6.0,
        base - BOTTOM_H + 4.0
    );
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" text-anchor="end">0</text>"#,
        LEFT - 6.0,
        base + 4.0
    );
    let every = (t.periods.len() / 12).max(1);
    for (i, p) in t.periods.iter().enumerate() {
        let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
        let q = p.quad_counts;
        let mut y = base;
        for (k, c) in [
            q.verbal_cooperation,
            q.material_cooperation,
            q.verbal_conflict,
            q.material_conflict,
        ]
        .into_iter()
        .enumerate()
        {
            if c == 0 {
                continue;
            }
            let h = c as f64 / max * BOTTOM_H;
            y -= h;
            let _ = writeln!(
                s,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{bar:.1}" height="{h:.1}" fill="{}"><title>{}: {c} {}</title></rect>"#,
                QUAD_COLOURS[k],
                esc(&p.period),
                QUAD_NAMES[k]
            );
        }
        if i % every == 0 {
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{}" text-anchor="middle">{}</text>"#,
                x + bar / 2.0,
                base + 16.0,
                esc(&p.period)
            );
        }
    }
    for (k, name) in QUAD_NAMES.iter().enumerate() {
        let x = LEFT + k as f64 * 190.0;
        let y = base + 36.0;
        let _ = writeln!(
            s,
            r#"<rect x="{x}" y="{}" width="10" height="10" fill="{}"/>"#,
            y - 9.0,
            QUAD_COLOURS[k]
        );
        let _ = writeln!(s, r#"<text x="{}" y="{y}">{name}</text>"#, x + 14.0);
    }
    s.push_str("</svg>\n");
    s
}
