//! The actor dictionary: meanings, persons and the compiled phrase matcher.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use parley_types::{Date, Document};

use crate::builtin;
use crate::composition::Composer;
use crate::coreference;
use crate::entry::{CaseRule, Meaning, Person};
use crate::error::ActorError;
use crate::fold::fold_phrase;
use crate::matcher::{PatternInfo, PhraseMatcher};
use crate::mention::Mention;
use crate::petrarch;

/// Compiled actor knowledge: every phrase the recognizer knows, what it means, and
/// the people with their dated offices.
///
/// Build once ([`ActorDictionary::builtin`] is compiled on first use and shared),
/// then call [`ActorDictionary::recognize`] for any number of documents.
#[derive(Debug)]
pub struct ActorDictionary {
    pub(crate) meanings: Vec<Meaning>,
    pub(crate) matcher: PhraseMatcher,
    pub(crate) persons: Vec<Person>,
    /// (code root, office title) → persons who held it.
    pub(crate) holders: HashMap<(String, String), Vec<usize>>,
    /// Where the actor and role knowledge came from, for reports.
    pub(crate) sources: Vec<String>,
}

impl ActorDictionary {
    /// The project's own dictionaries, embedded in the binary and compiled once.
    ///
    /// The embedded data is checked by the crate's tests; should it ever fail to
    /// compile, this returns an empty dictionary rather than panicking.
    pub fn builtin() -> &'static ActorDictionary {
        static BUILTIN: OnceLock<ActorDictionary> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            ActorDictionary::try_builtin().unwrap_or_else(|_| ActorDictionary::empty())
        })
    }

    /// Compiles the embedded dictionaries, reporting the first bad line.
    ///
    /// # Errors
    /// [`ActorError::Syntax`] naming the embedded file and line that is malformed.
    pub fn try_builtin() -> Result<ActorDictionary, ActorError> {
        let mut b = DictionaryBuilder::default();
        builtin::load_actors(&mut b)?;
        builtin::load_roles(&mut b)?;
        builtin::load_references(&mut b)?;
        b.sources.push("builtin actors".into());
        b.sources.push("builtin roles".into());
        b.build()
    }

    /// Reads PETRARCH/TABARI dictionaries from `dir`: files whose name contains
    /// `actors` replace the built-in actors (states, places, organisations, people),
    /// files whose name contains `agents` replace the built-in role nouns. Kinds the
    /// folder lacks keep the built-in ones; pronouns and titles are always built in.
    ///
    /// # Errors
    /// [`ActorError::Read`] when the folder or a file cannot be read;
    /// [`ActorError::Syntax`] with file and line for a malformed entry.
    pub fn with_petrarch_dir(dir: &Path) -> Result<ActorDictionary, ActorError> {
        let read_dir = std::fs::read_dir(dir).map_err(|source| ActorError::Read {
            path: dir.into(),
            source,
        })?;
        let mut actors = Vec::new();
        let mut agents = Vec::new();
        for entry in read_dir {
            let entry = entry.map_err(|source| ActorError::Read {
                path: dir.into(),
                source,
            })?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_ascii_lowercase();
            if !path.is_file() {
                continue;
            }
            if name.contains("actors") {
                actors.push(path);
            } else if name.contains("agents") {
                agents.push(path);
            }
        }
        actors.sort();
        agents.sort();
        let mut b = DictionaryBuilder::default();
        if actors.is_empty() {
            builtin::load_actors(&mut b)?;
            b.sources.push("builtin actors".into());
        }
        for path in &actors {
            let text = read(path)?;
            petrarch::load_actors(&mut b, &path.display().to_string(), &text)?;
            b.sources.push(path.display().to_string());
        }
        if agents.is_empty() {
            builtin::load_roles(&mut b)?;
            b.sources.push("builtin roles".into());
        }
        for path in &agents {
            let text = read(path)?;
            petrarch::load_agents(&mut b, &path.display().to_string(), &text)?;
            b.sources.push(path.display().to_string());
        }
        builtin::load_references(&mut b)?;
        b.build()
    }

    fn empty() -> ActorDictionary {
        ActorDictionary {
            meanings: Vec::new(),
            matcher: PhraseMatcher::empty(),
            persons: Vec::new(),
            holders: HashMap::new(),
            sources: Vec::new(),
        }
    }

    /// Finds the actors of every sentence of `doc`: one list per sentence, in text
    /// order, non-overlapping, with spans in document offsets. Pronouns, titles,
    /// surnames and descriptions are resolved within the document; an official's
    /// office at `doc.doc_date` decides the code.
    pub fn recognize(&self, doc: &Document) -> Vec<Vec<Mention>> {
        let mut composer = Composer::new(self, doc.doc_date);
        let drafts: Vec<_> = doc.sentences.iter().map(|s| composer.sentence(s)).collect();
        coreference::resolve(self, doc, drafts)
    }

    /// Number of phrases in the matcher.
    pub fn phrase_count(&self) -> usize {
        self.matcher.len()
    }

    /// Where this dictionary's knowledge came from ("builtin actors", file paths).
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// The people holding `title` ("president", "foreign minister") for `root`
    /// (a country code) on `date`.
    pub(crate) fn holder(&self, root: &str, title: &str, date: Date) -> Option<usize> {
        let list = self.holders.get(&(root.to_string(), title.to_string()))?;
        list.iter().copied().find(|&p| {
            self.persons[p]
                .offices
                .iter()
                .any(|o| o.root == root && o.title == title && o.covers(date))
        })
    }
}

fn read(path: &Path) -> Result<String, ActorError> {
    let bytes = std::fs::read(path).map_err(|source| ActorError::Read {
        path: path.into(),
        source,
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Collects meanings and phrases, then compiles them.
#[derive(Debug, Default)]
pub(crate) struct DictionaryBuilder {
    meanings: Vec<Meaning>,
    phrases: Vec<String>,
    patterns: Vec<PatternInfo>,
    index: HashMap<String, usize>,
    persons: Vec<Person>,
    pub sources: Vec<String>,
}

impl DictionaryBuilder {
    /// Adds a meaning and returns its id.
    pub fn meaning(&mut self, m: Meaning) -> u32 {
        self.meanings.push(m);
        (self.meanings.len() - 1) as u32
    }

    /// Adds a person and returns its index.
    pub fn person(&mut self, p: Person) -> usize {
        self.persons.push(p);
        self.persons.len() - 1
    }

    /// Maps a phrase to a meaning; a phrase added again later takes the new meaning.
    pub fn phrase(&mut self, phrase: &str, meaning: u32, case: CaseRule) {
        let folded = fold_phrase(phrase);
        if folded.is_empty() {
            return;
        }
        let info = PatternInfo { meaning, case };
        match self.index.get(&folded) {
            // The same phrase written twice for one meaning ("al-Qaeda", "Al-Qaeda"):
            // accept either spelling's case.
            Some(&i) if self.patterns[i].meaning == meaning => {
                let old = self.patterns[i].case;
                self.patterns[i].case = CaseRule {
                    mask: old.mask & case.mask,
                    words: old.words.max(case.words),
                };
            }
            Some(&i) => self.patterns[i] = info,
            None => {
                self.index.insert(folded.clone(), self.phrases.len());
                self.phrases.push(folded);
                self.patterns.push(info);
            }
        }
    }

    /// Compiles the automaton.
    pub fn build(self) -> Result<ActorDictionary, ActorError> {
        let matcher = PhraseMatcher::new(&self.phrases, self.patterns)?;
        let mut holders: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (i, p) in self.persons.iter().enumerate() {
            for o in &p.offices {
                let list = holders
                    .entry((o.root.clone(), o.title.clone()))
                    .or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        Ok(ActorDictionary {
            meanings: self.meanings,
            matcher,
            persons: self.persons,
            holders,
            sources: self.sources,
        })
    }
}
