//! Reads channel statements out of a coded article.
//!
//! A sentence is cut into phrases at commas, semicolons, colons, quotes and dashes.
//! A phrase holding a state word (`suspended`, `cut to a minimum`, `in contact`) gives
//! that state to the channel words of the same phrase; a phrase holding only a
//! predicate ("…, are in contact") gives it to the channel words of the phrases before
//! it, which form its subject. Negation flips the state ("did not break off ties"), a
//! wish or plan ("necessary to maintain") marks the statement as intended, and a state
//! word used as an attribute ("this maintained dialogue") says nothing.
//!
//! The two states a statement concerns are the countries named in the channel's own
//! phrase, then the speaker's country, the rest of the sentence, the sentences just
//! before, and the article's two most named countries.

use std::collections::HashMap;

use parley_types::{Actor, Date, Document, Event, Span};

use crate::channel::{dyad_key, ChannelStatement, Modality};
use crate::lexicon::{Hit, Label, Lexicon};
use crate::words::{words_of, Word};
use crate::RelationsError;

/// Words that may open a phrase whose subject lies in the phrases before it.
const PREDICATE_OPENERS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "remain", "remains",
    "remained", "will", "would", "do", "does", "did", "can", "could", "may", "might", "must",
    "should", "now", "also", "all", "still",
];

/// Words after which a state word is an attribute of the following noun.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "any", "its", "their", "our", "his", "her",
    "such", "some",
];

/// Words after which a state word and a noun form one noun phrase ("but regular talks").
const ATTRIBUTE_OPENERS: &[&str] = &[
    "and", "but", "or", "with", "of", "in", "for", "on", "at", "from", "by", "between",
];

/// State words that are adjectives: before a noun they describe it, they do not predicate.
const ADJECTIVE_CUES: &[&str] = &[
    "active",
    "open",
    "operational",
    "intense",
    "intensive",
    "regular",
    "ongoing",
    "uninterrupted",
    "unaffected",
    "minimal",
    "sporadic",
    "frozen",
    "silent",
    "non-existent",
    "nonexistent",
    "functioning",
];

/// Words that attach a phrase to the noun before it.
const PREPOSITIONS: &[&str] = &[
    "with", "at", "of", "in", "from", "to", "between", "among", "for", "on",
];

/// Words opening a relative clause.
const RELATIVES: &[&str] = &["which", "who", "whom", "whose", "that", "where", "when"];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];

/// Reads [`ChannelStatement`]s from articles.
#[derive(Debug, Clone, Copy)]
pub struct ChannelReader<'a> {
    lexicon: &'a Lexicon,
}

/// One sentence, analysed.
struct Analysed {
    words: Vec<Word>,
    hits: Vec<Hit>,
    mentions: Vec<Actor>,
    speaker: Option<Actor>,
    date: Option<Date>,
}

impl ChannelReader<'static> {
    /// A reader with the built-in lexicon.
    ///
    /// # Errors
    /// When the embedded lexicon does not parse.
    pub fn builtin() -> Result<ChannelReader<'static>, RelationsError> {
        Ok(ChannelReader {
            lexicon: Lexicon::builtin()?,
        })
    }
}

impl<'a> ChannelReader<'a> {
    /// A reader with `lexicon`.
    pub fn new(lexicon: &'a Lexicon) -> ChannelReader<'a> {
        ChannelReader { lexicon }
    }

    /// The channel statements of `doc`. `mentions` holds the actors found in each
    /// sentence (by sentence position; may be empty, then the events' actors are
    /// used); `events` are the article's coded events, which give speakers and dates.
    pub fn read(
        &self,
        doc: &Document,
        mentions: &[Vec<Actor>],
        events: &[Event],
    ) -> Vec<ChannelStatement> {
        self.read_dated(doc, mentions, events, &[])
    }

    /// Like [`ChannelReader::read`], with the date references found in each sentence
    /// (by sentence position: byte range in the sentence text and resolved date). A
    /// sentence's statement date is then the reference nearest its verb of saying
    /// ("…, she said on Thursday"), else its first one.
    pub fn read_dated(
        &self,
        doc: &Document,
        mentions: &[Vec<Actor>],
        events: &[Event],
        dates: &[Vec<(Span, Date)>],
    ) -> Vec<ChannelStatement> {
        let sentences = self.analyse(doc, mentions, events, dates);
        let top = top_countries(&sentences);
        let mut out = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let before = sentences[si.saturating_sub(3)..si].iter().rev();
            let context: Vec<&Actor> = before.flat_map(|p| p.mentions.iter()).collect();
            let sentence = doc.sentences.get(si);
            let index = sentence.map_or(si, |x| x.index);
            let text = sentence.map_or("", |x| x.text.as_str());
            for mut st in self.statements(s, &context, &top) {
                st.doc_id = doc.id.clone();
                st.sentence_index = index;
                st.sentence = text.to_string();
                if !out.iter().any(|o: &ChannelStatement| {
                    o.sentence_index == st.sentence_index
                        && o.kind == st.kind
                        && o.state == st.state
                        && o.dyad == st.dyad
                }) {
                    out.push(st);
                }
            }
        }
        out
    }

    fn analyse(
        &self,
        doc: &Document,
        mentions: &[Vec<Actor>],
        events: &[Event],
        dates: &[Vec<(Span, Date)>],
    ) -> Vec<Analysed> {
        let mut out: Vec<Analysed> = Vec::with_capacity(doc.sentences.len());
        let mut own: Vec<Speaker> = Vec::with_capacity(doc.sentences.len());
        for (si, sentence) in doc.sentences.iter().enumerate() {
            let words = words_of(sentence);
            let hits = self.lexicon.scan(&words);
            let evs: Vec<&Event> = events
                .iter()
                .filter(|e| e.sentence_index == sentence.index)
                .collect();
            let mut ms: Vec<Actor> = mentions.get(si).cloned().unwrap_or_default();
            for e in &evs {
                for a in std::iter::once(&e.source).chain(e.target.as_ref()) {
                    if !ms.iter().any(|m| m.span == a.span && m.code == a.code) {
                        ms.push(a.clone());
                    }
                }
            }
            ms.sort_by_key(|m| m.span.start);
            let attributed = evs
                .iter()
                .find_map(|e| e.attribution.as_ref().and_then(|a| a.speaker.clone()));
            own.push(match attributed {
                Some(a) => Speaker::Found(a),
                None => find_speaker(&words, &hits, &ms),
            });
            let said_at = hits.iter().find(|h| h.label == Label::Speech).map(|h| {
                words[h.start]
                    .span
                    .start
                    .saturating_sub(sentence.span.start)
            });
            let referred = dates.get(si).and_then(|refs| match said_at {
                Some(at) => refs
                    .iter()
                    .min_by_key(|(sp, _)| {
                        if sp.start >= at {
                            sp.start - at
                        } else {
                            at - sp.end.min(at)
                        }
                    })
                    .map(|r| r.1),
                None => refs.first().map(|r| r.1),
            });
            let explicit = evs
                .iter()
                .filter_map(|e| e.date.filter(|d| Some(*d) != doc.doc_date))
                .min()
                .or(referred);
            out.push(Analysed {
                words,
                hits,
                mentions: ms,
                speaker: None,
                date: explicit,
            });
        }
        // Speakers: pronouns take the last speaker; quoted sentences take the speaker
        // named where the quotation closes.
        let quoted = quote_runs(doc);
        let mut last: Option<Actor> = None;
        for si in 0..out.len() {
            let speaker = match &own[si] {
                Speaker::Found(a) => Some(a.clone()),
                Speaker::Pronoun => last.clone(),
                Speaker::None if quoted[si] => (si + 1..out.len().min(si + 5))
                    .take_while(|&j| quoted[j] || j == si + 1 || quoted[j - 1])
                    .find_map(|j| match &own[j] {
                        Speaker::Found(a) => Some(a.clone()),
                        Speaker::Pronoun => last.clone(),
                        Speaker::None => None,
                    }),
                Speaker::None => None,
            };
            if speaker.is_some() {
                last = speaker.clone();
            }
            out[si].speaker = speaker;
        }
        // Dates: a sentence without a date of its own continues the last statement of
        // the same speaker.
        let mut dated: Vec<(Actor, Date)> = Vec::new();
        for s in &mut out {
            match (s.date, &s.speaker) {
                (Some(d), Some(sp)) => dated.push((sp.clone(), d)),
                (None, Some(sp)) => {
                    s.date = dated
                        .iter()
                        .rev()
                        .find(|(prev, _)| same_actor(prev, sp))
                        .map(|(_, d)| *d);
                }
                _ => {}
            }
            if s.date.is_none() {
                s.date = doc.doc_date;
            }
        }
        out
    }

    fn statements(
        &self,
        s: &Analysed,
        context: &[&Actor],
        top: &[String],
    ) -> Vec<ChannelStatement> {
        let mut out = Vec::new();
        let segments = segments(&s.words);
        let mut pending: Vec<(Hit, (usize, usize))> = Vec::new();
        for &(a, b) in &segments {
            let in_seg: Vec<Hit> = s
                .hits
                .iter()
                .copied()
                .filter(|h| h.start >= a && h.end <= b)
                .collect();
            let speech = in_seg
                .iter()
                .find(|h| h.label == Label::Speech)
                .map(|h| h.start);
            let mut markers: Vec<Hit> = in_seg
                .iter()
                .copied()
                .filter(|h| {
                    matches!(h.label, Label::Marker(_))
                        && speech.is_none_or(|sp| h.start > sp)
                        && !titles_a_name(&s.words, *h, b, &in_seg)
                })
                .collect();
            markers = prune_markers(&s.words, markers);
            let cues: Vec<Hit> = in_seg
                .iter()
                .copied()
                .filter(|h| matches!(h.label, Label::State(_)))
                .collect();
            if speech.is_some() {
                pending.clear();
            }
            if cues.is_empty() {
                // A relative clause ("which once brought ministers together") is not
                // part of the subject of the predicate that follows it.
                if !RELATIVES.contains(&s.words[a].lower.as_str()) {
                    pending.extend(markers.into_iter().map(|m| (m, (a, b))));
                }
                continue;
            }
            let first = &s.words[a];
            let opener = in_seg.first().is_some_and(|h| {
                h.start == a && matches!(h.label, Label::Coordinator | Label::State(_))
            }) || PREDICATE_OPENERS.contains(&first.lower.as_str())
                || matches!(first.upos.as_str(), "AUX" | "VERB");
            let mut targets: Vec<(Hit, (usize, usize))> =
                markers.into_iter().map(|m| (m, (a, b))).collect();
            if opener
                && (targets.is_empty()
                    || in_seg
                        .first()
                        .is_some_and(|h| h.label == Label::Coordinator))
            {
                targets.append(&mut pending);
            }
            pending.clear();
            for (m, seg) in targets {
                let usable: Vec<Hit> = cues
                    .iter()
                    .copied()
                    .filter(|c| !attributive(&s.words, *c, m, (a, b)))
                    .collect();
                let Some(cue) = nearest(&s.words, &usable, m) else {
                    continue;
                };
                if let Some(st) = self.statement(s, m, seg, cue, &in_seg, context, top) {
                    out.push(st);
                }
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn statement(
        &self,
        s: &Analysed,
        marker: Hit,
        marker_seg: (usize, usize),
        cue: Hit,
        in_seg: &[Hit],
        context: &[&Actor],
        top: &[String],
    ) -> Option<ChannelStatement> {
        let (Label::Marker(kind), Label::State(state)) = (marker.label, cue.label) else {
            return None;
        };
        let w = &s.words;
        // "did not break off ties", "no such consultations were taking place".
        let negated = in_seg.iter().any(|h| {
            h.label == Label::Negation
                && ((h.end <= cue.start && cue.start - h.end <= 2)
                    || (h.end <= marker.start && marker.start - h.end <= 1))
        });
        let intended = in_seg
            .iter()
            .any(|h| h.label == Label::Irrealis && h.end <= cue.start && cue.start - h.start <= 5);
        let state = if negated { state.negated() } else { state };
        let dyad = self.dyad(s, marker, marker_seg, cue, context, top)?;
        let text = |h: Hit| {
            w[h.start..h.end]
                .iter()
                .map(|x| x.lower.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let lo = w[marker.start].span.start.min(w[cue.start].span.start);
        let hi = w[marker.end - 1].span.end.max(w[cue.end - 1].span.end);
        Some(ChannelStatement {
            doc_id: String::new(),
            sentence_index: 0,
            sentence: String::new(),
            dyad,
            kind,
            state,
            modality: if intended {
                Modality::Intended
            } else {
                Modality::Asserted
            },
            negated,
            marker: text(marker),
            cue: text(cue),
            span: Span::new(lo, hi),
            speaker: s.speaker.clone(),
            date: s.date,
        })
    }

    fn dyad(
        &self,
        s: &Analysed,
        marker: Hit,
        seg: (usize, usize),
        cue: Hit,
        context: &[&Actor],
        top: &[String],
    ) -> Option<(String, String)> {
        let w = &s.words;
        let (lo, hi) = if marker.start >= seg.0
            && marker.end <= seg.1
            && cue.start >= seg.0
            && cue.start <= seg.1
        {
            if marker.start < cue.start {
                (seg.0, cue.start)
            } else {
                (seg.0, seg.1.min(marker.end + 8))
            }
        } else {
            seg
        };
        let span = Span::new(w[lo].span.start, w[hi.max(lo + 1) - 1].span.end);
        let speaker_span = s.speaker.as_ref().map(|a| a.span);
        // The speaker is added on purpose below; media outlets ("told the broadcaster")
        // are never a party to a channel.
        let not_speaker = |a: &&Actor| {
            speaker_span.is_none_or(|sp| !sp.overlaps(a.span)) && a.sector.as_deref() != Some("MED")
        };
        let mut found: Vec<String> = Vec::new();
        let mut add = |c: Option<&String>| {
            if let Some(c) = c {
                if found.len() < 2 && !found.contains(c) {
                    found.push(c.clone());
                }
            }
        };
        for a in s
            .mentions
            .iter()
            .filter(not_speaker)
            .filter(|a| span.contains(a.span))
        {
            add(a.country.as_ref());
        }
        add(s.speaker.as_ref().and_then(|a| a.country.as_ref()));
        for a in s.mentions.iter().filter(not_speaker) {
            add(a.country.as_ref());
        }
        for a in context
            .iter()
            .filter(|a| a.sector.as_deref() != Some("MED"))
        {
            add(a.country.as_ref());
        }
        for c in top {
            add(Some(c));
        }
        match found.as_slice() {
            [a, b] => Some(dyad_key(a, b)),
            _ => None,
        }
    }
}

enum Speaker {
    Found(Actor),
    Pronoun,
    None,
}

fn find_speaker(words: &[Word], hits: &[Hit], mentions: &[Actor]) -> Speaker {
    let Some(h) = hits.iter().find(|h| h.label == Label::Speech) else {
        return Speaker::None;
    };
    let at = words[h.start].span.start;
    if h.start > 0 && PRONOUNS.contains(&words[h.start - 1].lower.as_str()) {
        return Speaker::Pronoun;
    }
    let seg_start = (0..h.start)
        .rev()
        .find(|&i| words[i].boundary)
        .map_or(0, |i| words[i].span.end);
    let before: Vec<&Actor> = mentions.iter().filter(|m| m.span.end <= at).collect();
    if let Some(m) = before.iter().rev().find(|m| m.name.is_some()) {
        return Speaker::Found((*m).clone());
    }
    if let Some(m) = before.iter().rev().find(|m| m.span.start >= seg_start) {
        return Speaker::Found((*m).clone());
    }
    let after_end = words.get(h.end + 5).map_or(usize::MAX, |w| w.span.end);
    let after = |m: &&Actor| m.span.start >= at && m.span.end <= after_end;
    if let Some(m) = mentions.iter().filter(after).find(|m| m.name.is_some()) {
        return Speaker::Found(m.clone());
    }
    // The subject of the sentence: "A ministry spokesman rejected that, saying …".
    if let Some(m) = before.iter().find(|m| m.sector.as_deref() != Some("MED")) {
        return Speaker::Found((*m).clone());
    }
    match mentions.iter().find(after) {
        Some(m) => Speaker::Found(m.clone()),
        None => Speaker::None,
    }
}

/// For each sentence, true when it lies inside a quotation (it opens one, or one is
/// still open from the sentences before).
fn quote_runs(doc: &Document) -> Vec<bool> {
    let mut open = false;
    let mut out = Vec::with_capacity(doc.sentences.len());
    for s in &doc.sentences {
        let t = s.text.trim_start();
        let starts = t.starts_with(['"', '\u{201c}']);
        out.push(open || starts);
        let quotes = s
            .text
            .chars()
            .filter(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}'))
            .count();
        if quotes % 2 == 1 {
            open = !open;
        }
        if s.text.contains("\n\n") {
            open = false;
        }
    }
    out
}

fn same_actor(a: &Actor, b: &Actor) -> bool {
    // "Maria Zakharova" and "Zakharova" (or a description ending in the name) are one
    // speaker: compare surnames.
    let surname = |x: &Actor| {
        crate::channel::speaker_name(x)
            .split_whitespace()
            .last()
            .map(str::to_lowercase)
    };
    a.code == b.code && surname(a) == surname(b)
        || matches!((&a.name, &b.name), (Some(x), Some(y)) if x == y)
}

/// Phrases of a sentence as (first word, one past last word), split at boundary marks.
fn segments(words: &[Word]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        if w.boundary {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
        }
    }
    if words.len() > start {
        out.push((start, words.len()));
    }
    out
}

/// Drops generic channel words when a specific one is in the phrase, and channel words
/// attached by a preposition to a specific one before them ("diplomats … at the
/// foreign ministry" is about diplomats).
fn prune_markers(words: &[Word], markers: Vec<Hit>) -> Vec<Hit> {
    let specific = |h: &Hit| matches!(h.label, Label::Marker(k) if !k.is_generic());
    let has_specific = markers.iter().any(specific);
    let mut out: Vec<Hit> = Vec::new();
    for m in markers {
        if has_specific && !specific(&m) {
            continue;
        }
        let attached = out.last().is_some_and(|prev| {
            specific(prev) && {
                let between = &words[prev.end..m.start];
                between
                    .iter()
                    .any(|w| PREPOSITIONS.contains(&w.lower.as_str()))
                    && !between
                        .iter()
                        .any(|w| matches!(w.lower.as_str(), "and" | "or" | "nor"))
            }
        });
        if !attached {
            out.push(m);
        }
    }
    out
}

/// True when channel words are the title of a named person ("Foreign Minister Marise
/// Payne cancelled …"): the person acts; no channel is meant.
fn titles_a_name(w: &[Word], marker: Hit, seg_end: usize, hits: &[Hit]) -> bool {
    marker.end < seg_end && !hits.iter().any(|h| h.start == marker.end) && {
        let next = &w[marker.end];
        next.upos == "PROPN" || (next.upos.is_empty() && next.capitalised)
    }
}

/// True when a state word stands right before its channel noun as an attribute
/// ("this maintained dialogue", "but regular consultations").
fn attributive(w: &[Word], cue: Hit, marker: Hit, seg: (usize, usize)) -> bool {
    if w[cue.start].deprel == "amod" {
        return true;
    }
    cue.end == marker.start
        && cue.end - cue.start == 1
        && (cue.start == seg.0
            || w[cue.start].upos == "ADJ"
            || ADJECTIVE_CUES.contains(&w[cue.start].lower.as_str())
            || DETERMINERS.contains(&w[cue.start - 1].lower.as_str())
            || ATTRIBUTE_OPENERS.contains(&w[cue.start - 1].lower.as_str()))
}

/// The state word closest to channel words `m`, preferring one not separated from them
/// by a coordinator ("contacts were cut and exchanges were frozen": exchanges → frozen).
fn nearest(words: &[Word], cues: &[Hit], m: Hit) -> Option<Hit> {
    cues.iter().copied().min_by_key(|c| {
        let (lo, hi) = if c.start >= m.end {
            (m.end, c.start)
        } else {
            (c.end, m.start)
        };
        let split = words[lo..hi.max(lo)]
            .iter()
            .any(|w| matches!(w.lower.as_str(), "and" | "but" | "or" | "while" | "whereas"));
        (hi - lo) + if split { 100 } else { 0 }
    })
}

/// The article's most named countries, most named first.
fn top_countries(sentences: &[Analysed]) -> Vec<String> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut order = 0;
    for s in sentences {
        for m in &s.mentions {
            if let Some(c) = m.country.as_deref() {
                let e = counts.entry(c).or_insert((0, order));
                e.0 += 1;
                order += 1;
            }
        }
    }
    let mut v: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    v.into_iter().take(2).map(|(c, _)| c.to_string()).collect()
}
