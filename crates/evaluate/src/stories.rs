//! The project's own story fixtures (`tests/data/stories/*.expected.toml`): pages the
//! team wrote about other pairs of states, with the events, furniture and metadata a
//! correct reading yields. Their event recall is a figure, not a test: the tests check
//! what must always hold (metadata, no event from furniture).

use std::path::{Path, PathBuf};

use parley_types::{Document, Event};
use serde::Deserialize;

use crate::{ratio, EvalError};

/// One story's expectations.
#[derive(Debug, Clone, Deserialize)]
pub struct Story {
    /// The page's file name, beside the TOML file.
    pub story: String,
    /// Publication date, `YYYY-MM-DD`.
    pub publication_date: String,
    /// Dateline as printed.
    pub dateline: String,
    /// Key events.
    #[serde(default)]
    pub events: Vec<StoryEvent>,
    /// Furniture lines.
    #[serde(default)]
    pub furniture: Vec<FurnitureLine>,
}

/// An expected event, anchored in the sentence it is coded from.
#[derive(Debug, Clone, Deserialize)]
pub struct StoryEvent {
    /// Source key.
    pub source: String,
    /// Target key or `*`.
    pub target: String,
    /// Allowed PLOVER types.
    pub types: Vec<String>,
    /// Exact text inside the event's sentence.
    pub anchor: String,
    /// False for acceptable but optional events.
    #[serde(default = "yes")]
    pub required: bool,
    /// Why.
    #[serde(default)]
    pub note: String,
}

/// A furniture line of the page.
#[derive(Debug, Clone, Deserialize)]
pub struct FurnitureLine {
    /// The line as printed.
    pub line: String,
    /// Its kind (`caption`, `teaser`, `byline`, …).
    pub kind: String,
}

fn yes() -> bool {
    true
}

impl StoryEvent {
    /// True when `e` is this event: coded from the anchored sentence with the right
    /// keys and an allowed type.
    pub fn matches(&self, e: &Event) -> bool {
        e.sentence.contains(self.anchor.trim())
            && e.source.key() == self.source
            && (self.target == "*" || e.target.as_ref().is_some_and(|t| t.key() == self.target))
            && e.plover
                .as_deref()
                .is_some_and(|p| self.types.iter().any(|t| t == p))
    }
}

impl FurnitureLine {
    /// True when the line is furniture that cleaning removes (bylines and date lines
    /// become metadata instead).
    pub fn is_removed(&self) -> bool {
        !matches!(self.kind.as_str(), "byline" | "date_line" | "outlet_line")
    }

    /// True when `e` was coded from this line.
    pub fn yielded(&self, e: &Event) -> bool {
        let line = self.line.trim();
        let sentence = e.sentence.trim();
        if line.split_whitespace().count() < 3 {
            sentence == line
        } else {
            sentence.contains(line) || (sentence.len() >= 12 && line.contains(sentence))
        }
    }
}

/// Reads every `*.expected.toml` of `dir`, sorted by name, with the page's path.
///
/// # Errors
/// When the folder or a file cannot be read or parsed.
pub fn read_dir(dir: &Path) -> Result<Vec<(PathBuf, Story)>, EvalError> {
    let io = |source| EvalError::Io {
        path: dir.display().to_string(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".expected.toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(|source| EvalError::Io {
                path: p.display().to_string(),
                source,
            })?;
            let story: Story = toml::from_str(&text).map_err(|e| EvalError::Format {
                path: p.display().to_string(),
                line: e.span().map_or(0, |s| text[..s.start].lines().count()),
                message: e.message().to_string(),
            })?;
            Ok((dir.join(&story.story), story))
        })
        .collect()
}

/// What one story scored.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct StoryScore {
    /// Page file name.
    pub story: String,
    /// Required events found.
    pub found: usize,
    /// Required events missed, described.
    pub missed: Vec<String>,
    /// Events coded from furniture: (line, CAMEO code).
    pub furniture_events: Vec<(String, String)>,
    /// Removable furniture lines still in the cleaned text.
    pub furniture_left: Vec<String>,
    /// Metadata mismatches.
    pub metadata: Vec<String>,
}

/// Scores one story.
pub fn score_story(story: &Story, doc: &Document, events: &[Event]) -> StoryScore {
    let mut s = StoryScore {
        story: story.story.clone(),
        ..StoryScore::default()
    };
    for ev in story.events.iter().filter(|e| e.required) {
        if events.iter().any(|e| ev.matches(e)) {
            s.found += 1;
        } else {
            s.missed.push(format!(
                "{}→{} {:?} «{}»",
                ev.source, ev.target, ev.types, ev.anchor
            ));
        }
    }
    for f in story.furniture.iter().filter(|f| f.is_removed()) {
        if let Some(e) = events.iter().find(|e| f.yielded(e)) {
            s.furniture_events.push((f.line.clone(), e.cameo.clone()));
        }
        let line = f.line.trim();
        if line.split_whitespace().count() >= 3 && doc.text.contains(line) {
            s.furniture_left.push(line.to_string());
        }
    }
    let date = doc.doc_date.map(|d| d.to_string());
    if date.as_deref() != Some(story.publication_date.as_str()) {
        s.metadata.push(format!(
            "doc_date {date:?}, want {}",
            story.publication_date
        ));
    }
    if doc.dateline.as_deref() != Some(story.dateline.as_str()) {
        s.metadata.push(format!(
            "dateline {:?}, want {}",
            doc.dateline, story.dateline
        ));
    }
    s
}

/// Totals over the stories.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct StoriesReport {
    /// Per story.
    pub stories: Vec<StoryScore>,
}

impl StoriesReport {
    /// Share of required events found.
    pub fn recall(&self) -> f64 {
        let found: usize = self.stories.iter().map(|s| s.found).sum();
        let missed: usize = self.stories.iter().map(|s| s.missed.len()).sum();
        ratio(found, found + missed)
    }
}
