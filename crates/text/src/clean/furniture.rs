//! Page furniture: the kinds of non-body lines a scraped news page carries, and the
//! rules that recognise each from a line's own text.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;

use super::line::{ends_like_sentence, has_inner_sentence_break, word_count, Line};
use crate::dates::calendar::{month_number, weekday};

/// What a removed piece of the page was; [`Furniture::as_str`] is the `kind` written
/// to [`parley_types::Removed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Furniture {
    /// The headline (kept in `Document::title`).
    Title,
    /// A date or time line ("15:46 GMT +3 12 April 2018", "Updated 2 hours ago").
    Timestamp,
    /// A photo credit ("© AP Photo/ Name", "REUTERS/ Name", "Photo: …").
    PhotoCredit,
    /// A picture caption.
    Caption,
    /// A "READ MORE:" / "ALSO READ" line with another story's headline.
    ReadMore,
    /// A list of other stories under a "Related" / "Next In World" header.
    Related,
    /// A headline of another story embedded in the body.
    Teaser,
    /// A view, share or comment counter.
    Counter,
    /// A section label ("World", "Politics").
    Section,
    /// A subscription or follow-us blurb.
    Subscribe,
    /// A comments blurb ("Join the discussion", "Comments").
    Comments,
    /// Share buttons ("Share", "Tweet", "Facebook").
    Share,
    /// An advertisement marker.
    Advert,
    /// Site footer ("All rights reserved", "This article was originally published …").
    Footer,
    /// Reporting and editing credits ("(Reporting by …; Editing by …)").
    Credits,
    /// A line of hashtags.
    Hashtags,
    /// A "Tags:" / "Topics:" line.
    Tags,
    /// A social-media handle ("(@SomeHandle)").
    Handle,
    /// The byline (kept in `Document::author`).
    Byline,
    /// The dateline prefix of the first paragraph (kept in `dateline` and `outlet`).
    Dateline,
    /// A line of punctuation only, left over from the page layout.
    Debris,
}

impl Furniture {
    /// The kind name written out with removed spans.
    pub fn as_str(self) -> &'static str {
        match self {
            Furniture::Title => "title",
            Furniture::Timestamp => "timestamp",
            Furniture::PhotoCredit => "photo_credit",
            Furniture::Caption => "caption",
            Furniture::ReadMore => "read_more",
            Furniture::Related => "related",
            Furniture::Teaser => "teaser",
            Furniture::Counter => "counter",
            Furniture::Section => "section",
            Furniture::Subscribe => "subscribe",
            Furniture::Comments => "comments",
            Furniture::Share => "share",
            Furniture::Advert => "advert",
            Furniture::Footer => "footer",
            Furniture::Credits => "credits",
            Furniture::Hashtags => "hashtags",
            Furniture::Tags => "tags",
            Furniture::Handle => "handle",
            Furniture::Byline => "byline",
            Furniture::Dateline => "dateline",
            Furniture::Debris => "debris",
        }
    }
}

/// A "READ MORE" style header: alone on its line (a list follows) or followed by the
/// headline on the same line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Header {
    Alone,
    Inline,
}

const AGENCIES: &str = include_str!("../../data/agencies.txt");
const SECTIONS: &str = include_str!("../../data/sections.txt");

pub(crate) struct Rules {
    credit_start: Regex,
    credit_mark: Regex,
    agency_credit: Regex,
    pub inline_credit: Regex,
    caption_file: Regex,
    caption_pictured: Regex,
    reporting: Regex,
    read_more: Regex,
    next_in: Regex,
    subscribe: Regex,
    comments: Regex,
    share: Regex,
    advert: Regex,
    footer: Regex,
    credits: Regex,
    hashtags: Regex,
    tags: Regex,
    handles: Regex,
    pub inline_handle: Regex,
    counter: Regex,
    sections: HashSet<String>,
}

fn list(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file, checked by the unit tests below.
    #[allow(clippy::expect_used)]
    Regex::new(pattern).expect("furniture pattern compiles")
}

pub(crate) fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let agencies = list(AGENCIES).map(regex::escape).collect::<Vec<_>>().join("|");
        Rules {
            credit_start: re(r"^(?:©|ⓒ|\([cC]\)\s|(?i:(?:photo|image|picture|pic|video)s?\s*(?:credits?|sources?)?|credits?|photograph(?:er)?s?)\s*:|(?i:(?:photo(?:graph)?|picture|image)s?\s+(?:by|courtesy(?:\s+of)?|via)\s))"),
            credit_mark: re(r"(?i)\b(?:getty\s+images|shutterstock|via\s+getty|afp\s+via|ap\s+photo|reuters\s+photo|alamy(?:\s+stock\s+photo)?|imago\s+images|pool\s+photo|handout\s+photo|photo\s+illustration)\b"),
            agency_credit: re(&format!(r"(?i)^(?:{agencies})(?:\s+(?:photo|images?|pictures?|pool|handout|file))?\s*/\s*\S")),
            inline_credit: re(&format!(r"\((?:(?i:photos?|images?|pictures?|pic)\s*(?i:credit)?\s*:|(?i:(?:{agencies})(?:\s+photo)?)\s*/)[^()]{{0,80}}\)")),
            caption_file: re(r"(?i)(?:(?:^|[\s.,;:|(\-—–])(?:file|archive)\s+(?:photo|image|picture|pic|footage)\)?\.?$|^(?:file\s+(?:photo|image|picture)|file)\s*[:\-—–]\s)"),
            caption_pictured: re(r"(?i)\b(?:is|are|was|were)\s+(?:pictured|photographed|seen|shown)\s+(?:in|at|on|during|near|outside|inside|with|here|after|before|while|alongside|next\s+to|above|below|left|right|as\s+(?:he|she|they))\b|\bpictured\s+(?:here|above|below|left|right|with)\b|\bposes?\s+for\s+(?:a\s+)?(?:photo|picture|photograph)s?\b"),
            reporting: re(r"(?i)\b(?:said|says|told|tells|added|adds|stated|according|announced|reported|wrote|will|would|has|have|had)\b"),
            read_more: re(r"(?i)^(?:read\s+more|read\s+also|also\s+read|see\s+also|more\s+reading|further\s+reading|related(?:\s+(?:articles?|stories|news|content|coverage|topics|posts|reading|links))?|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in|have\s+missed)|don'?t\s+miss|must\s+read|most\s+(?:read|popular|viewed|shared|watched)|trending(?:\s+(?:now|stories|news))?|top\s+stories|latest(?:\s+(?:news|stories|articles))?|editor'?s\s+picks?|more\s+stories|more\s+news|watch|listen)\b"),
            next_in: re(r"^(?i:next|more)\s+(?i:in|from|on|about)\s+\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*){0,2}\s*:?$"),
            subscribe: re(r"(?i)^(?:subscribe(?:\s+(?:to|now|for|today|here)\b|\s*$)|sign\s+up(?:\s+(?:for|to|now|here|today)\b|\s*$)|register\s+(?:now|for\s+free|here)\b|get\s+(?:our|the)\s+(?:\w+\s+){0,3}newsletter|(?:our|the)\s+(?:\w+\s+)?newsletter\b|newsletter\b|join\s+(?:us|our)\s+(?:on|at|in|newsletter|channel|community|telegram|mailing)\b|follow\s+(?:us|@\w+)\b|follow\s+\S+(?:\s+\S+)?\s+on\s+(?:twitter|facebook|telegram|instagram|x|youtube|tiktok|linkedin|vk)\b|like\s+us\s+on\b|download\s+(?:our|the)\s+(?:\w+\s+)?app|get\s+the\s+app|become\s+a\s+(?:member|subscriber|patron)|support\s+(?:our|independent)\s+journalism|click\s+here\b|tap\s+here\b|already\s+a\s+subscriber|log\s*in\s+to\s+(?:read|continue|comment)|you\s+have\s+\d+\s+free\s+articles?)"),
            comments: re(r"(?i)^(?:join\s+the\s+(?:discussion|conversation|debate)|comments?\s*(?:\(\d+\)|:|$)|\d+\s+comments?\b|leave\s+a\s+(?:comment|reply)|add\s+(?:a|your)\s+comment|show\s+(?:all\s+)?comments|view\s+(?:all\s+)?comments|post\s+a\s+comment|commenting\s+(?:is|has\s+been)\s+(?:closed|disabled)|discuss\s*(?:this)?\s*$|have\s+your\s+say)"),
            share: re(r"(?i)^(?:(?:share(?:\s+this)?(?:\s+(?:on|via|article|story|post|page))?|tweet|print|e-?mail|whatsapp|facebook|twitter|telegram|linkedin|reddit|copy\s+link|vk|pinterest|messenger)[\s:|,·•/]*)+$"),
            advert: re(r"(?i)^(?:advertisement|advert|ad|ads|sponsored(?:\s+content)?|story\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?advertisement)?|continue\s+reading(?:\s+below)?|scroll\s+to\s+continue(?:\s+with\s+content)?|loading|skip\s+(?:ad|advert)|promoted(?:\s+content)?|partner\s+content)[\s.:…]*$"),
            footer: re(r"(?i)^(?:(?:©|\(c\)|copyright)\s*(?:\d{4}|\p{L}[^.]{0,60}\.\s+all\s+rights)|all\s+rights\s+reserved|this\s+(?:article|story|report)\s+(?:was\s+)?(?:originally\s+|first\s+)?(?:published|appeared)|terms\s+of\s+(?:use|service)|privacy\s+policy|cookie\s+(?:policy|settings)|the\s+views\s+(?:and\s+opinions\s+)?expressed\s+(?:in\s+this\s+article\s+)?are)"),
            credits: re(r"(?i)^\(?(?:(?:additional\s+)?reporting|editing|writing|compiled|translated|edited)\s+by\b"),
            hashtags: re(r"^(?:#[\p{L}\p{N}_]+[\s,;|·•]*)+$"),
            tags: re(r"(?i)^(?:tags?|topics?|keywords?|filed\s+under|categor(?:y|ies))\s*:"),
            handles: re(r"^(?:\(?@[A-Za-z0-9_]{1,30}\)?[\s,;|·•]*)+$"),
            inline_handle: re(r"\(@[A-Za-z0-9_]{1,30}\)"),
            counter: re(r"(?i)^(?:(?:views?|shares?|reads?|likes?|comments?)\s*:?\s*)?\d[\d,.\s]{0,12}[km]?\+?(?:\s*(?:views?|shares?|comments?|reads?|likes?|reactions?|replies))?$"),
            sections: list(SECTIONS).map(str::to_lowercase).collect(),
        }
    })
}

/// Words that may appear in a timestamp line besides numbers, months and weekdays.
const TIMESTAMP_WORDS: &[&str] = &[
    "date",
    "dated",
    "published",
    "updated",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "gmt",
    "utc",
    "ut",
    "z",
    "t",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    "eet",
    "eest",
    "msk",
    "ist",
    "jst",
    "aest",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "of",
    "time",
    "local",
    "hours",
    "hour",
    "hrs",
    "hr",
    "h",
    "minutes",
    "minute",
    "mins",
    "min",
    "ago",
    "days",
    "day",
    "yesterday",
    "today",
    "th",
    "st",
    "nd",
    "rd",
];

/// A line made of a date and/or time and nothing else (social handles aside).
pub(crate) fn is_timestamp(s: &str) -> bool {
    if s.len() > 120 {
        return false;
    }
    let r = rules();
    let s = r.inline_handle.replace_all(s, " ");
    let mut digits = false;
    for tok in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        // "05th", "12T15", "46Z": runs of digits and letters.
        let mut rest = tok;
        while let Some(c0) = rest.chars().next() {
            let digit = c0.is_ascii_digit();
            let len = rest
                .find(|c: char| c.is_ascii_digit() != digit)
                .unwrap_or(rest.len());
            let (run, tail) = rest.split_at(len);
            rest = tail;
            if digit {
                digits = true;
                continue;
            }
            let lower = run.to_lowercase();
            let known = month_number(run).is_some()
                || weekday(run).is_some()
                || TIMESTAMP_WORDS.contains(&lower.as_str());
            if !known {
                return false;
            }
        }
    }
    digits
}

/// A photo credit line.
pub(crate) fn is_photo_credit(s: &str) -> bool {
    let r = rules();
    let words = word_count(s);
    let whole_inline = r
        .inline_credit
        .find(s)
        .is_some_and(|m| m.start() == 0 && m.end() == s.len());
    whole_inline
        || (r.credit_start.is_match(s) && words <= 30 && !has_inner_sentence_break(s))
        || (r.agency_credit.is_match(s) && words <= 12)
        || (r.credit_mark.is_match(s) && words <= 12)
}

/// A caption recognisable from its own text: "… File photo", a credit in brackets
/// after a short description, or a "pictured in" description without sentence
/// punctuation.
pub(crate) fn is_caption(s: &str) -> bool {
    let r = rules();
    let words = word_count(s);
    if r.caption_file.is_match(s) && words <= 60 {
        return true;
    }
    if (r.credit_mark.is_match(s) || r.inline_credit.is_match(s)) && words <= 60 {
        // A description carrying its credit; a sentence that merely ends with a
        // bracketed credit stays, and only the credit is cut from it.
        let rest = r.inline_credit.replace_all(s, " ");
        let rest = rest.trim();
        return !ends_like_sentence(rest) || r.caption_pictured.is_match(rest);
    }
    r.caption_pictured.is_match(s) && !ends_like_sentence(s) && words <= 60
}

/// A line right above or below a photo credit that reads like a caption: short, one
/// sentence at most, not a quotation, no reporting verb.
pub(crate) fn is_caption_beside_credit(s: &str) -> bool {
    let r = rules();
    let words = word_count(s);
    if r.caption_pictured.is_match(s) && words <= 60 {
        return true;
    }
    // A sentence with its full stop next to a credit is more likely body text than a
    // caption: captions are mostly written without one.
    let quoted = s.chars().next().is_some_and(super::line::is_opening_quote);
    (1..=40).contains(&words) && !ends_like_sentence(s) && !quoted && !r.reporting.is_match(s)
}

/// A short line that sits alone between a photo credit and other furniture (or the
/// page's edge), blank lines aside: a caption even when it ends with a full stop
/// ("Protesters hold candles in central Seoul."). Body sentences are not sandwiched
/// between a credit and a teaser, a section label or the end of the page.
pub(crate) fn is_isolated_caption(s: &str) -> bool {
    let r = rules();
    let words = word_count(s);
    let quoted = s.chars().next().is_some_and(super::line::is_opening_quote);
    (2..=20).contains(&words) && !quoted && !r.reporting.is_match(s)
}

/// A line labelled as a caption ("Caption: …", "Photo caption: …").
pub(crate) fn is_labelled_caption(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    ["caption:", "photo caption:", "image caption:", "pictured:"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// A "READ MORE" / "Related" / "Next In World" header.
pub(crate) fn header(s: &str) -> Option<Header> {
    let r = rules();
    if r.next_in.is_match(s) {
        return Some(Header::Alone);
    }
    let m = r.read_more.find(s)?;
    let head = &s[..m.end()];
    let rest = &s[m.end()..];
    let trimmed = rest.trim_start();
    if trimmed.is_empty() {
        return Some(Header::Alone);
    }
    if let Some(c) = trimmed.chars().next() {
        if matches!(c, ':' | '—' | '–' | '-' | '|' | '»' | '›' | '>') {
            let after = trimmed[c.len_utf8()..]
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '>' | '»'));
            return Some(if after.is_empty() {
                Header::Alone
            } else {
                Header::Inline
            });
        }
    }
    let shouted = head.chars().any(char::is_alphabetic) && !head.chars().any(char::is_lowercase);
    (shouted && rest.starts_with(char::is_whitespace)).then_some(Header::Inline)
}

/// Furniture recognisable from the line alone, apart from headers, titles, teasers
/// and the dateline.
pub(crate) fn intrinsic(line: &Line) -> Option<Furniture> {
    if line.long || line.norm.is_empty() {
        return None;
    }
    let s = line.norm.as_str();
    let r = rules();
    let words = word_count(s);
    let ends = ends_like_sentence(s);
    let blurb = !ends || words <= 8;
    if !s.chars().any(char::is_alphanumeric) {
        // A stray quote mark is kept: it may close the quotation above it.
        return (!s.chars().all(super::line::is_closer)).then_some(Furniture::Debris);
    }
    let kind = if r.counter.is_match(s) {
        Furniture::Counter
    } else if is_timestamp(s) {
        Furniture::Timestamp
    } else if r.handles.is_match(s) {
        Furniture::Handle
    } else if r.hashtags.is_match(s) {
        Furniture::Hashtags
    } else if r.tags.is_match(s) && words <= 40 {
        Furniture::Tags
    } else if r.footer.is_match(s) && words <= 40 {
        Furniture::Footer
    } else if is_photo_credit(s) {
        Furniture::PhotoCredit
    } else if is_caption(s) {
        Furniture::Caption
    } else if r.subscribe.is_match(s) && blurb && words <= 25 {
        Furniture::Subscribe
    } else if r.comments.is_match(s) && blurb && words <= 25 {
        Furniture::Comments
    } else if r.share.is_match(s) {
        Furniture::Share
    } else if r.advert.is_match(s) {
        Furniture::Advert
    } else if r.credits.is_match(s) && words <= 40 {
        Furniture::Credits
    } else if is_section(s) {
        Furniture::Section
    } else {
        return None;
    };
    Some(kind)
}

/// A section label: a known one, or a single capitalised word without punctuation.
pub(crate) fn is_section(s: &str) -> bool {
    let key = s
        .trim_end_matches([':', '›', '»', '>'])
        .trim()
        .to_lowercase();
    if rules().sections.contains(&key) {
        return true;
    }
    let single = !s.contains(' ') && s.len() <= 24;
    single
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::line::normalize;

    fn kind(s: &str) -> Option<&'static str> {
        let norm = normalize(s);
        let line = Line {
            start: 0,
            end: s.len(),
            norm,
            long: false,
        };
        intrinsic(&line).map(Furniture::as_str)
    }

    #[test]
    fn rules_compile() {
        let _ = rules();
    }

    #[test]
    fn kinds() {
        assert_eq!(kind("© AFP Photo/ Jane Roe"), Some("photo_credit"));
        assert_eq!(kind("REUTERS/ Sam Poe"), Some("photo_credit"));
        assert_eq!(kind("Photo: Kremlin press service"), Some("photo_credit"));
        assert_eq!(kind("1,204"), Some("counter"));
        assert_eq!(kind("09:12 GMT +211 June 2019"), Some("timestamp"));
        assert_eq!(kind("Politics"), Some("section"));
        assert_eq!(kind("Join the discussion"), Some("comments"));
        assert_eq!(kind("#Kenya #Elections"), Some("hashtags"));
        assert_eq!(kind("(@NewsDesk)"), Some("handle"));
        assert_eq!(
            kind("Comments by the foreign minister drew an angry reply from Rome."),
            None
        );
        assert_eq!(kind("The minister said talks would go on."), None);
    }

    #[test]
    fn headers() {
        assert_eq!(
            header("READ MORE: Talks Stall in Vienna"),
            Some(Header::Inline)
        );
        assert_eq!(header("ALSO READ"), Some(Header::Alone));
        assert_eq!(header("Next In World"), Some(Header::Alone));
        assert_eq!(header("Related:"), Some(Header::Alone));
        assert_eq!(header("Related to this, the ministry said more."), None);
        assert_eq!(
            header("Next in line for the post is the deputy minister"),
            None
        );
        assert_eq!(header("Watch the video to see more."), None);
    }
}
