//! The [`Coder`]: a compiled dictionary plus the engine, turning a parsed document and
//! its actors into event records.

use std::borrow::Cow;
use std::path::Path;
use std::sync::OnceLock;

use parley_types::{Actor, Attribution, Document, Event, Evidence, Sentence, Span, Token};

use crate::dictionary;
use crate::engine::modality::Lexicon;
use crate::engine::speech::speaker_actor;
use crate::engine::tree::Tree;
use crate::engine::{self, ActorRef, Coded, Context, Decision};
use crate::error::EventsError;
use crate::nationality;
use crate::pattern::PatternSet;

/// The event coder: patterns compiled once, shared by every document.
#[derive(Debug, Clone)]
pub struct Coder {
    pub(crate) set: PatternSet,
    pub(crate) lex: Lexicon,
}

/// What the coder did with one sentence (for `parley explain`).
#[derive(Debug, Clone)]
pub struct Explanation {
    /// Every trigger that matched a pattern and what became of it.
    pub decisions: Vec<Decision>,
    /// The events coded.
    pub events: Vec<Event>,
}

impl Coder {
    /// The coder with the built-in dictionary, compiled on first use.
    pub fn builtin() -> &'static Coder {
        static CODER: OnceLock<Coder> = OnceLock::new();
        CODER.get_or_init(|| match dictionary::builtin_set() {
            Ok((set, sets)) => Coder {
                set,
                lex: lexicon(&sets),
            },
            // The tests parse the embedded files; a broken build codes nothing
            // rather than abort a batch run.
            Err(e) => {
                eprintln!("parley-events: built-in dictionary unusable: {e}");
                Coder {
                    set: PatternSet::default(),
                    lex: Lexicon::default(),
                }
            }
        })
    }

    /// A coder with the PETRARCH/TABARI verb dictionary (and discards) found in `dir`
    /// in place of the built-in patterns; speech and control verbs stay built in.
    ///
    /// # Errors
    ///
    /// [`EventsError::NoVerbs`] when `dir` has no verb file, [`EventsError::Io`] when a
    /// file cannot be read, [`EventsError::Syntax`] naming file and line of a
    /// malformed entry.
    pub fn with_petrarch_dir(dir: &Path) -> Result<Coder, EventsError> {
        let set = crate::petrarch::verbs::read_dir(dir)?;
        Ok(Coder {
            set,
            lex: Coder::builtin().lex.clone(),
        })
    }

    /// The compiled patterns.
    pub fn patterns(&self) -> &PatternSet {
        &self.set
    }

    /// Codes every sentence of `doc`; `mentions[i]` are the actors of sentence `i`.
    /// Sentences must carry parsed tokens.
    pub fn code_document(
        &self,
        doc: &Document,
        mentions: &[Vec<parley_actors::Mention>],
    ) -> Vec<Event> {
        let article = article_countries(mentions);
        let actors: Vec<Vec<ActorRef>> = doc
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                mention_refs(
                    s,
                    mentions.get(i).map(Vec::as_slice).unwrap_or(&[]),
                    &article,
                )
            })
            .collect();
        self.code_refs(doc, actors, None)
    }

    /// The tree of a parsed sentence after the coder's repairs of recognisable parser
    /// errors, with the repairs made (token, what); for measuring the repairs.
    pub fn repair_tree(&self, tokens: &[Token]) -> (Vec<Token>, Vec<(usize, &'static str)>) {
        let mut notes = Vec::new();
        let out = engine::repair::repair_noting(tokens, &self.lex, &mut notes).into_owned();
        (out, notes)
    }

    /// Codes sentence `index` of `doc` and says why each trigger did or did not yield
    /// an event.
    pub fn explain(
        &self,
        doc: &Document,
        mentions: &[Vec<parley_actors::Mention>],
        index: usize,
    ) -> Explanation {
        let article = article_countries(mentions);
        let actors: Vec<Vec<ActorRef>> = doc
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                mention_refs(
                    s,
                    mentions.get(i).map(Vec::as_slice).unwrap_or(&[]),
                    &article,
                )
            })
            .collect();
        let mut decisions = Vec::new();
        let events = self.code_refs(doc, actors, Some((index, &mut decisions)));
        let events = events
            .into_iter()
            .filter(|e| e.sentence_index == index)
            .collect();
        Explanation { decisions, events }
    }

    /// Codes every sentence of `doc` with plain actors per sentence (each with its
    /// span in the cleaned text); actors sharing a span form a compound.
    pub fn code_actors(&self, doc: &Document, actors: &[Vec<Actor>]) -> Vec<Event> {
        let refs: Vec<Vec<ActorRef>> = doc
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| actor_refs(s, actors.get(i).map(Vec::as_slice).unwrap_or(&[])))
            .collect();
        self.code_refs(doc, refs, None)
    }

    pub(crate) fn code_refs(
        &self,
        doc: &Document,
        mut actors: Vec<Vec<ActorRef>>,
        mut explain: Option<(usize, &mut Vec<Decision>)>,
    ) -> Vec<Event> {
        use chrono::Datelike;
        let doc_year = doc.doc_date.map(|d| d.year());
        // Each tree is repaired once, for the speakers and for coding.
        let repaired: Vec<(Cow<'_, [Token]>, engine::repair::Notes)> = doc
            .sentences
            .iter()
            .map(|s| {
                let mut notes = Vec::new();
                (
                    engine::repair::repair_noting(&s.tokens, &self.lex, &mut notes),
                    notes,
                )
            })
            .collect();
        let speakers: Vec<Option<Actor>> = repaired
            .iter()
            .zip(&actors)
            .map(|((tokens, _), a)| self.sentence_speaker(tokens, a))
            .collect();
        let mut out = Vec::new();
        let discarded = |s: &Sentence, story: bool| {
            self.set
                .discards()
                .iter()
                .filter(|d| d.story == story)
                .any(|d| contains_words(&s.text, &d.words))
        };
        if doc.sentences.iter().any(|s| discarded(s, true)) {
            return out;
        }
        for (i, sentence) in doc.sentences.iter().enumerate() {
            if sentence.tokens.is_empty() || discarded(sentence, false) {
                continue;
            }
            let refs = &mut actors[i];
            // A quote's attribution may sit in the next sentence or the one before.
            let neighbour = speakers
                .get(i + 1)
                .cloned()
                .flatten()
                .or_else(|| i.checked_sub(1).and_then(|p| speakers[p].clone()));
            let neighbour_speaker = neighbour.map(|actor| {
                refs.push(ActorRef {
                    actor,
                    start: sentence.tokens.len(),
                    end: sentence.tokens.len(),
                });
                refs.len() - 1
            });
            let ctx = Context {
                doc_year,
                neighbour_speaker,
                foreign: self.set.any_part_of_speech(),
            };
            let log = match explain.as_mut() {
                Some((idx, log)) if *idx == i => Some(&mut **log),
                _ => None,
            };
            let (tokens, repairs) = &repaired[i];
            let coded =
                engine::code_repaired(&self.set, &self.lex, tokens, repairs, refs, ctx, log);
            self.records(doc, sentence, refs, coded, &mut out);
        }
        out
    }

    /// The speaker of a sentence's speech verb, if any (`tokens`: the repaired tree).
    fn sentence_speaker(&self, tokens: &[Token], actors: &[ActorRef]) -> Option<Actor> {
        let tree = Tree::new(tokens);
        let mut in_actor = vec![None; tokens.len()];
        for (k, a) in actors.iter().enumerate() {
            for slot in in_actor
                .iter_mut()
                .take(a.end.min(tokens.len()))
                .skip(a.start)
            {
                slot.get_or_insert(k);
            }
        }
        let canon: Vec<usize> = (0..actors.len()).collect();
        let r = engine::args::Resolver {
            canon: &canon,
            tree: &tree,
            in_actor: &in_actor,
            place: &[],
            together: &[],
        };
        (0..tree.len())
            .filter(|&t| self.lex.is_speech(tree.lemma(t)) && tree.is_verb(t))
            .find_map(|t| speaker_actor(&tree, &r, t))
            .map(|k| actors[k].actor.clone())
    }

    fn records(
        &self,
        doc: &Document,
        sentence: &Sentence,
        refs: &[ActorRef],
        coded: Vec<Coded>,
        out: &mut Vec<Event>,
    ) {
        let mut seen: Vec<(String, String, String, usize)> = Vec::new();
        let mut batch = Vec::new();
        for c in coded {
            let Some(src) = refs.get(c.source) else {
                continue;
            };
            let tgt = c.target.and_then(|t| refs.get(t));
            let first = sentence.tokens.get(c.trigger.0);
            let last = sentence.tokens.get(c.trigger.1);
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            let span = Span::new(first.span.start, last.span.end);
            let trigger = doc
                .text
                .get(span.start..span.end)
                .map(str::to_string)
                .unwrap_or_else(|| first.text.clone());
            let key = (
                src.actor.code.clone(),
                tgt.map(|t| t.actor.code.clone()).unwrap_or_default(),
                c.code.clone(),
                span.start,
            );
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let speaker = c.speaker.and_then(|k| refs.get(k)).map(|r| r.actor.clone());
            let attribution =
                speaker
                    .filter(|sp| sp.code != src.actor.code)
                    .map(|sp| Attribution {
                        speaker: Some(sp),
                        quoted: c.quoted,
                    });
            let mut ev = crate::record::event(
                &c.code,
                src.actor.clone(),
                tgt.map(|t| t.actor.clone()),
                c.flags,
                attribution,
            );
            ev.doc_id = doc.id.clone();
            ev.doc_date = doc.doc_date;
            ev.sentence_index = sentence.index;
            ev.sentence = sentence.text.clone();
            ev.evidence = Evidence {
                trigger,
                span,
                rule: c.rule,
            };
            ev.event_id = crate::record::event_id(&ev, self.set.version());
            batch.push(ev);
        }
        // Nested mentions of one actor ("Bree" inside "Bree's government") give the
        // same event twice; keep the more specific code.
        let snapshot: Vec<(String, Option<String>, String, usize)> = batch
            .iter()
            .map(|e| {
                (
                    e.source.code.clone(),
                    e.target.as_ref().map(|t| t.code.clone()),
                    e.cameo.clone(),
                    e.evidence.span.start,
                )
            })
            .collect();
        batch.retain(|e| {
            !snapshot.iter().any(|(s, t, c, at)| {
                s.len() > e.source.code.len()
                    && s.starts_with(&e.source.code)
                    && *t == e.target.as_ref().map(|t| t.code.clone())
                    && *c == e.cameo
                    && *at == e.evidence.span.start
            })
        });
        batch.sort_by(|a, b| {
            (
                a.evidence.span.start,
                &a.source.code,
                a.target.as_ref().map(|t| &t.code),
                &a.cameo,
            )
                .cmp(&(
                    b.evidence.span.start,
                    &b.source.code,
                    b.target.as_ref().map(|t| &t.code),
                    &b.cameo,
                ))
        });
        out.extend(batch);
    }
}

/// True when `text` contains the upper-case `words` in sequence, as whole words.
fn contains_words(text: &str, words: &[String]) -> bool {
    let toks: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect();
    !words.is_empty() && toks.windows(words.len()).any(|w| w == words)
}

/// Builds the engine's lexicon from the dictionary's word sets.
fn lexicon(sets: &dictionary::WordSets) -> Lexicon {
    let get = |name: &str| sets.get(name).cloned().unwrap_or_default();
    Lexicon {
        speech: get("SPEECH"),
        intent: get("INTENT"),
        threat: get("THREAT"),
        refusal: get("REFUSAL"),
        plan: get("PLAN"),
        demand_modals: Vec::new(),
    }
}

/// Token range `[start, end)` of the tokens overlapping `span`.
fn token_range(s: &Sentence, span: Span) -> Option<(usize, usize)> {
    let first = s
        .tokens
        .iter()
        .position(|t| t.span.overlaps(span) || (span.is_empty() && t.span.start == span.start))?;
    let last = s
        .tokens
        .iter()
        .rposition(|t| t.span.overlaps(span))
        .unwrap_or(first);
    Some((first, last + 1))
}

/// True for codes that name a sector and nothing else ("GOV", "MIL"): no real actor.
fn is_bare_sector(code: &str) -> bool {
    parley_types::is_sector(code) || matches!(code, "IGO" | "NGO" | "UNK" | "MNC" | "DEV")
}

fn actor_refs(s: &Sentence, actors: &[Actor]) -> Vec<ActorRef> {
    actors
        .iter()
        .filter(|a| !a.code.is_empty() && !is_bare_sector(&a.code))
        .filter_map(|a| {
            token_range(s, a.span).map(|(start, end)| ActorRef {
                actor: a.clone(),
                start,
                end,
            })
        })
        .collect()
}

/// The distinct countries named anywhere in an article.
fn article_countries(mentions: &[Vec<parley_actors::Mention>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in mentions.iter().flat_map(|m| nationality::countries(m)) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn mention_refs(
    s: &Sentence,
    mentions: &[parley_actors::Mention],
    article: &[String],
) -> Vec<ActorRef> {
    let mut out = Vec::new();
    let country = nationality::sole_country(&nationality::countries(mentions), article);
    for m in mentions {
        let Some((start, end)) = token_range(s, m.actor.span) else {
            continue;
        };
        if m.members.is_empty() {
            // "police said" in a story about one country: that country's police.
            if let Some(c) = country
                .as_deref()
                .filter(|_| nationality::is_local_sector(&m.actor.code))
            {
                out.push(ActorRef {
                    actor: nationality::localize(&m.actor, c),
                    start,
                    end,
                });
            } else if m.is_resolved() && !is_bare_sector(&m.actor.code) {
                out.push(ActorRef {
                    actor: m.actor.clone(),
                    start,
                    end,
                });
            }
        } else {
            // A distributed compound: every member on the same tokens; the coder
            // reads the first and joins the others to it (`Resolver::together`).
            for member in &m.members {
                if !member.code.is_empty() && !is_bare_sector(&member.code) {
                    let mut a = member.clone();
                    a.span = m.actor.span;
                    if a.text.is_empty() {
                        a.text = m.actor.text.clone();
                    }
                    out.push(ActorRef {
                        actor: a,
                        start,
                        end,
                    });
                }
            }
        }
    }
    out
}
