//! No panic and bounded time on any input.

use std::time::{Duration, Instant};

use parley_nlp::Model;
use parley_types::{Sentence, Span};
use proptest::prelude::*;

fn annotate(text: &str) -> Sentence {
    let mut s = Sentence {
        span: Span::new(3, 3 + text.len()),
        text: text.to_string(),
        ..Default::default()
    };
    Model::embedded().annotate(&mut s);
    s
}

fn check_tree(s: &Sentence) {
    let n = s.tokens.len();
    for (i, t) in s.tokens.iter().enumerate() {
        assert!(
            s.text.is_char_boundary(t.span.start - 3) && s.text.is_char_boundary(t.span.end - 3)
        );
        assert_eq!(&s.text[t.span.start - 3..t.span.end - 3], t.text);
        assert!(
            !t.text.is_empty() && !t.upos.is_empty() && !t.xpos.is_empty() && !t.deprel.is_empty()
        );
        if let Some(h) = t.head {
            assert!(h < n && h != i);
        }
    }
    if n > 0 {
        assert_eq!(
            s.tokens.iter().filter(|t| t.head.is_none()).count(),
            1,
            "one root"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_string_gives_a_well_formed_tree(text in any::<String>()) {
        check_tree(&annotate(&text));
    }

    #[test]
    fn punctuation_emoji_and_scripts(text in "[ .,;:!?'\"()\\-–—…\u{1F600}-\u{1F64F}a-zA-Zа-яА-Я中文ا-ي0-9\u{0}-\u{1f}\u{200b}\u{301}]{0,200}") {
        check_tree(&annotate(&text));
    }
}

#[test]
fn ten_thousand_tokens_in_bounded_time() {
    let text = "the minister said that , ".repeat(2000);
    let t = Instant::now();
    let s = annotate(&text);
    assert_eq!(s.tokens.len(), 10_000);
    check_tree(&s);
    assert!(
        t.elapsed() < Duration::from_secs(20),
        "took {:?}",
        t.elapsed()
    );
    let all_punct = "!?.,;:".repeat(2000);
    check_tree(&annotate(&all_punct));
}
