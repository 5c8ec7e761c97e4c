//! Cleaning a raw page: metadata (title, dateline, outlet, author, publication date)
//! and the body with page furniture removed, mapped back to the raw bytes.
//!
//! Lines are judged in passes: first each line on its own text (credits, counters,
//! timestamps, blurbs, section labels, "READ MORE" headers and the lists under them,
//! bylines); then by position — a short line right beside a photo credit is its
//! caption, the headline-like lines before the first body paragraph are the title and
//! teasers, headline-like lines inside the body are teasers of other stories; then the
//! dateline is cut from the first paragraph. What is left is the body: every line that
//! reads like text stays, so a body paragraph right under a teaser, one opening with a
//! quotation or one indented by the page layout is kept.

pub(crate) mod body;
pub(crate) mod dateline;
pub(crate) mod furniture;
pub(crate) mod line;

use parley_types::{Date, Document, Removed, Span};

use crate::dates::find_date;
use crate::ingest::RawArticle;
use crate::sentence::is_non_final_abbreviation;
use body::{BodyBuilder, Gap};
use dateline::{parse_byline, parse_dateline};
use furniture::{
    header, intrinsic, is_caption_beside_credit, is_isolated_caption, is_labelled_caption, rules,
    Furniture, Header,
};
use line::{
    ends_like_sentence, is_body_like, is_closer, is_headline_like, split_lines, word_count, Line,
};

/// Most items a "Related" list is allowed to swallow.
const MAX_LIST_ITEMS: usize = 15;

/// Cleans a raw article into a [`Document`]: metadata, the cleaned body text (with
/// `\n\n` between paragraphs), the removed furniture in raw offsets and the offset map
/// from cleaned to raw bytes. Sentences are left empty (see
/// [`split_sentences`](crate::split_sentences)).
///
/// The dateline prefix ("MOSCOW (Sputnik) - ") is removed from the body (kind
/// `dateline`) and kept in `dateline` and `outlet`, so the first sentence reads as a
/// sentence. A publication date given with the input wins over one found in the page;
/// in the page, the dateline's date wins over timestamp lines, which win over other
/// header lines (captions never count: a photo may be older than the story).
pub fn clean(raw: &RawArticle) -> Document {
    let text = raw.text.as_str();
    let lines = split_lines(text);
    let mut kinds: Vec<Option<Furniture>> = vec![None; lines.len()];
    let mut author = None;

    mark_intrinsic(&lines, &mut kinds, &mut author);
    mark_captions_beside_credits(&lines, &mut kinds);

    let first_body = (0..lines.len()).find(|&i| {
        kinds[i].is_none()
            && !lines[i].is_blank()
            && (is_body_like(&lines[i])
                || continues(text, &lines, &kinds, i)
                || parse_dateline(&text[lines[i].start..lines[i].end]).is_some())
    });
    let outlet_hint = first_body
        .and_then(|i| parse_dateline(&text[lines[i].start..lines[i].end]))
        .and_then(|d| d.outlet)
        .or_else(|| raw.source.clone());
    let title = mark_title_and_teasers(
        text,
        &lines,
        &mut kinds,
        first_body,
        raw.title.as_deref(),
        outlet_hint.as_deref(),
    );

    let mut removed: Vec<Removed> = Vec::new();
    for (line, kind) in lines.iter().zip(&kinds) {
        if let Some(k) = kind {
            removed.push(Removed {
                span: Span::new(line.start, line.end),
                kind: k.as_str().to_string(),
            });
        }
    }

    // The dateline opens the first body paragraph (a kept standfirst may come before).
    let mut dateline = None;
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let body_start = first_body.unwrap_or(0);
    if let Some(i) = (body_start..lines.len()).find(|&i| kinds[i].is_none() && !lines[i].is_blank())
    {
        let l = &lines[i];
        if let Some(d) = parse_dateline(&text[l.start..l.end]) {
            let span = Span::new(l.start, l.start + d.len);
            removed.push(Removed {
                span,
                kind: Furniture::Dateline.as_str().to_string(),
            });
            cut.push((span.start, span.end));
            dateline = Some(d);
        }
    }
    inline_removals(text, &lines, &kinds, &mut cut, &mut removed);
    cut.sort_unstable();
    removed.sort_by_key(|r| (r.span.start, r.span.end));

    let (body, offsets) = assemble(text, &lines, &kinds, &cut);

    let doc_date = raw
        .date
        .or_else(|| dateline.as_ref().and_then(|d| d.date))
        .or_else(|| page_date(text, &lines, &kinds, first_body));
    let (city, outlet) = match dateline {
        Some(d) => (Some(d.city), d.outlet),
        None => (None, None),
    };
    Document {
        id: raw.id.clone(),
        origin: Some(raw.origin.clone()).filter(|o| !o.is_empty()),
        url: raw.url.clone(),
        title: raw.title.clone().or(title),
        dateline: city,
        outlet: outlet.or_else(|| raw.source.clone()),
        author,
        doc_date,
        raw: raw.text.clone(),
        text: body,
        removed,
        offsets,
        sentences: Vec::new(),
    }
}

/// Pass 1: furniture known from the line's own text, headers with their lists, bylines.
fn mark_intrinsic(lines: &[Line], kinds: &mut [Option<Furniture>], author: &mut Option<String>) {
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() || kinds[i].is_some() || line.long {
            i += 1;
            continue;
        }
        if let Some(h) = header(&line.norm) {
            kinds[i] = Some(Furniture::ReadMore);
            mark_list(lines, kinds, i, h);
        } else if let Some(k) = intrinsic(line) {
            kinds[i] = Some(k);
        } else if let Some(name) = parse_byline(&line.norm) {
            kinds[i] = Some(Furniture::Byline);
            author.get_or_insert(name);
        }
        i += 1;
    }
}

/// The teasers under a header: for an inline header the headline-like lines right
/// below it; for a header alone on its line every following line up to the first one
/// that reads like body text.
fn mark_list(lines: &[Line], kinds: &mut [Option<Furniture>], at: usize, h: Header) {
    let mut items = 0;
    for j in at + 1..lines.len() {
        let l = &lines[j];
        if l.is_blank() {
            if h == Header::Inline {
                return;
            }
            continue;
        }
        if l.long || is_body_like(l) || items >= MAX_LIST_ITEMS {
            return;
        }
        if kinds[j].is_none() {
            if h == Header::Inline && !is_headline_like(&l.norm) {
                return;
            }
            kinds[j] = Some(intrinsic(l).unwrap_or(Furniture::Related));
        }
        items += 1;
    }
}

/// Pass 2: a short description right above or below a photo credit is its caption.
fn mark_captions_beside_credits(lines: &[Line], kinds: &mut [Option<Furniture>]) {
    for i in 0..lines.len() {
        if kinds[i].is_none() && !lines[i].is_blank() && is_labelled_caption(&lines[i].norm) {
            kinds[i] = Some(Furniture::Caption);
        }
    }
    for i in 0..lines.len() {
        if kinds[i] != Some(Furniture::PhotoCredit) {
            continue;
        }
        for j in [i.wrapping_sub(1), i + 1] {
            let Some(l) = lines.get(j) else { continue };
            if kinds[j].is_none() && !l.is_blank() && !l.long && is_caption_beside_credit(&l.norm) {
                kinds[j] = Some(Furniture::Caption);
            }
        }
        // A caption one blank line away, alone between the credit and other furniture.
        for forward in [true, false] {
            let Some(j) = non_blank_from(lines, i, forward) else {
                continue;
            };
            let beyond = non_blank_from(lines, j, forward);
            let l = &lines[j];
            if kinds[j].is_none()
                && !l.long
                && is_isolated_caption(&l.norm)
                && !is_headline_like(&l.norm)
                && beyond.map_or(!ends_like_sentence(&l.norm), |k| kinds[k].is_some())
            {
                kinds[j] = Some(Furniture::Caption);
            }
        }
    }
}

/// The nearest non-blank line after (or before) line `i`.
fn non_blank_from(lines: &[Line], i: usize, forward: bool) -> Option<usize> {
    if forward {
        (i + 1..lines.len()).find(|&j| !lines[j].is_blank())
    } else {
        (0..i).rev().find(|&j| !lines[j].is_blank())
    }
}

/// The line goes on in the next one, as wrapped text does: the next line is kept text
/// that starts in lower case, or this line stops mid-sentence without being a
/// headline and the next is not a new dateline.
fn continues(text: &str, lines: &[Line], kinds: &[Option<Furniture>], i: usize) -> bool {
    let next = i + 1;
    let (Some(cur), Some(l)) = (lines.get(i), lines.get(next)) else {
        return false;
    };
    if kinds[i].is_some() || kinds[next].is_some() || cur.is_blank() || l.is_blank() {
        return false;
    }
    let lower = text[l.start..l.end]
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    lower
        || (!ends_like_sentence(&cur.norm)
            && !is_headline_like(&cur.norm)
            && parse_dateline(&text[l.start..l.end]).is_none())
}

fn same_title(a: &str, b: &str) -> bool {
    line::normalize(a).eq_ignore_ascii_case(&line::normalize(b))
}

/// Pass 3: title and teasers. Before the first body line, the first headline-like line
/// is the title (or the line equal to a given title) and other Title Case lines are
/// teasers; after it, headline-like lines are teasers of other stories.
fn mark_title_and_teasers(
    text: &str,
    lines: &[Line],
    kinds: &mut [Option<Furniture>],
    first_body: Option<usize>,
    given: Option<&str>,
    outlet: Option<&str>,
) -> Option<String> {
    let first_body = first_body?;
    let mut title: Option<String> = None;
    for i in 0..lines.len() {
        let l = &lines[i];
        if kinds[i].is_some() || l.is_blank() || l.long {
            continue;
        }
        let s = l.norm.as_str();
        // Wrapped text: a line that runs on into the next, or that the line above runs
        // into, is part of a paragraph.
        let wrapped =
            continues(text, lines, kinds, i) || (i > 0 && continues(text, lines, kinds, i - 1));
        if wrapped {
            continue;
        }
        if given.is_some_and(|g| same_title(g, s))
            || title.as_deref().is_some_and(|t| same_title(t, s))
        {
            kinds[i] = Some(Furniture::Title);
        } else if i < first_body && outlet.is_some_and(|o| same_title(o, s)) {
            // The outlet's name on a line of its own is a masthead, not a headline.
            kinds[i] = Some(Furniture::Byline);
        } else if i < first_body && find_date(s).is_some() {
            // A header line with a full date ("Posted on 25th Aug. 2021 by …") dates
            // the page; it is no headline.
            kinds[i] = Some(Furniture::Timestamp);
        } else if i < first_body {
            let candidate = (2..=30).contains(&word_count(s))
                && (!ends_like_sentence(s) || s.ends_with(['?', '!']));
            if given.is_none() && title.is_none() && candidate {
                kinds[i] = Some(Furniture::Title);
                title = Some(s.to_string());
            } else if is_headline_like(s) {
                kinds[i] = Some(Furniture::Teaser);
            }
        } else if is_headline_like(s) {
            kinds[i] = Some(Furniture::Teaser);
        }
    }
    title
}

/// Social handles and bracketed photo credits inside kept lines.
fn inline_removals(
    text: &str,
    lines: &[Line],
    kinds: &[Option<Furniture>],
    cut: &mut Vec<(usize, usize)>,
    removed: &mut Vec<Removed>,
) {
    let r = rules();
    for (l, k) in lines.iter().zip(kinds) {
        if k.is_some() || l.is_blank() {
            continue;
        }
        let s = &text[l.start..l.end];
        for (re, kind) in [
            (&r.inline_handle, Furniture::Handle),
            (&r.inline_credit, Furniture::PhotoCredit),
        ] {
            for m in re.find_iter(s) {
                let span = Span::new(l.start + m.start(), l.start + m.end());
                if cut.iter().any(|&(a, b)| a < span.end && span.start < b) {
                    continue;
                }
                cut.push((span.start, span.end));
                removed.push(Removed {
                    span,
                    kind: kind.as_str().to_string(),
                });
            }
        }
    }
}

/// Pass 4: the cleaned text from the kept lines. Lines separated by a blank line or by
/// removed furniture are separate paragraphs; adjacent lines are one paragraph
/// (wrapped text) unless the first ends a sentence; a line of closing quotes only is
/// glued to the paragraph above.
fn assemble(
    text: &str,
    lines: &[Line],
    kinds: &[Option<Furniture>],
    cut: &[(usize, usize)],
) -> (String, parley_types::OffsetMap) {
    let mut b = BodyBuilder::new(text);
    let mut prev: Option<&str> = None;
    let mut broken = false;
    let mut c = 0; // index into `cut`
    for (l, k) in lines.iter().zip(kinds) {
        if l.is_blank() || k.is_some() {
            broken = true;
            continue;
        }
        let content = &text[l.start..l.end];
        if let Some(p) = prev {
            let closers_only = content
                .chars()
                .all(|ch| is_closer(ch) || ch.is_whitespace());
            if closers_only {
                b.no_gap();
            } else if broken
                || ends_sentence(p)
                || content.starts_with(['-', '•', '*', '–', '—', '·'])
            {
                b.gap(Gap::Paragraph);
            } else {
                b.gap(Gap::Space);
            }
        }
        // Push the line minus cut ranges inside it.
        let mut pos = l.start;
        while c < cut.len() && cut[c].1 <= l.start {
            c += 1;
        }
        let mut j = c;
        while j < cut.len() && cut[j].0 < l.end {
            let (a, e) = cut[j];
            if a > pos {
                b.push(pos, a);
                b.gap(Gap::Space);
            }
            pos = pos.max(e.min(l.end));
            j += 1;
        }
        if pos < l.end {
            b.push(pos, l.end);
        }
        prev = Some(content);
        broken = false;
    }
    b.finish()
}

/// The line ends a sentence (and not with an abbreviation such as "Gen.").
fn ends_sentence(s: &str) -> bool {
    let last = s.split_whitespace().last().unwrap_or("");
    ends_like_sentence(s) && !is_non_final_abbreviation(last)
}

/// The publication date from the page: timestamp lines first, then other header lines
/// that are not captions or credits.
fn page_date(
    text: &str,
    lines: &[Line],
    kinds: &[Option<Furniture>],
    first_body: Option<usize>,
) -> Option<Date> {
    let from_timestamps = lines
        .iter()
        .zip(kinds)
        .filter(|(_, k)| **k == Some(Furniture::Timestamp))
        .find_map(|(l, _)| find_date(&text[l.start..l.end]).map(|(d, _)| d));
    let end = first_body.unwrap_or(0).min(lines.len());
    let header = |teasers: bool| {
        lines[..end]
            .iter()
            .zip(kinds)
            .filter(move |(l, k)| {
                !l.long
                    && match k {
                        Some(Furniture::Teaser) => teasers,
                        Some(
                            Furniture::Caption
                            | Furniture::PhotoCredit
                            | Furniture::ReadMore
                            | Furniture::Related,
                        ) => false,
                        _ => !teasers,
                    }
            })
            .find_map(|(l, _)| find_date(&l.norm).map(|(d, _)| d))
    };
    // A header line in Title Case ("Courier | Mon 17th November 2014 | 06:45 PM")
    // looks like a teaser headline; it is read only when no other header line dates
    // the page.
    from_timestamps
        .or_else(|| header(false))
        .or_else(|| header(true))
}
