//! Rendering stays within bounds for any text the record accepts: every pathological text of the corpus
//! renders, inert, without losing its words — too deep a nesting degrades to plain escaped text. How
//! long the worst takes is measured in the benchmark (`render_pathological`), not here.

use crate::common;

use common::assert_inert;
use common::corpus::pathological;
use trilogue_core::markdown::{plain, render};
use trilogue_core::text::check_size;

#[test]
fn every_pathological_text_renders_inert_and_keeps_its_words() {
    for (name, text) in pathological() {
        check_size(name, &text).unwrap_or_else(|e| panic!("{name} is not a text the record accepts: {e}"));
        let html = render(&text);
        assert_inert(&html, name);
        if html.starts_with("<p class=\"plain-text\">") {
            assert_eq!(html, plain(&text), "{name}: degraded, the whole text shown as typed");
        }
        for word in ["x", "Статья", "a\u{301}"] {
            if text.contains(word) {
                assert!(html.contains(word), "{name}: '{word}' was lost");
            }
        }
    }
}

#[test]
fn the_deeply_nested_degrade_and_the_merely_large_do_not() {
    let degraded: Vec<&str> = pathological()
        .iter()
        .filter(|(_, text)| render(text).starts_with("<p class=\"plain-text\">"))
        .map(|(name, _)| *name)
        .collect();
    for name in ["nested quotes", "nested bullet lists", "quotes of lists", "nested emphasis", "a long table"] {
        assert!(degraded.contains(&name), "{name} should degrade: {degraded:?}");
    }
    for name in ["a wide table", "a long unbroken word", "mixed scripts", "unclosed divs"] {
        assert!(!degraded.contains(&name), "{name} is large, not deep or vast: it renders as Markdown");
    }
}
