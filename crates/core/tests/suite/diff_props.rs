//! The word diff is exact: the old text is its equal and deleted parts, the new text its equal and
//! inserted parts, whatever the texts — Latin, Cyrillic, Markdown, or nothing in common.

use proptest::prelude::*;
use trilogue_core::diff::{OpKind, diff_words};

/// Text made of words from a small vocabulary, so that random pairs share a lot and the diff has work.
fn text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "the",
        "employer",
        "shall",
        "retrain",
        "workers",
        "ҚАЙТА",
        "даярлау",
        "работник",
        "*",
        "**",
        "- ",
        "\n",
        "\n\n",
        ", ",
        ". ",
        " ",
        "  ",
        "é",
        "e\u{301}",
        "😀",
        "1.2",
        "(a)",
        "«",
        "»",
    ]);
    prop::collection::vec(word, 0..60).prop_map(|w| w.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn applying_the_diff_gives_the_new_text(old in text(), new in text()) {
        let d = diff_words(&old, &new);
        prop_assert_eq!(d.old_text(), old.clone());
        prop_assert_eq!(d.new_text(), new.clone());
        prop_assert!((0.0..=1.0).contains(&d.similarity));
        prop_assert_eq!(d.is_unchanged(), old == new);
        // no empty operation, and no two of the same kind in a row
        prop_assert!(d.ops.iter().all(|o| !o.text.is_empty()));
        prop_assert!(d.ops.windows(2).all(|w| w[0].op != w[1].op));
    }

    #[test]
    fn any_unicode_round_trips(old in "\\PC{0,200}", new in "\\PC{0,200}") {
        let d = diff_words(&old, &new);
        prop_assert_eq!(d.old_text(), old);
        prop_assert_eq!(d.new_text(), new);
    }

    #[test]
    fn a_text_against_itself_is_all_equal(t in text()) {
        let d = diff_words(&t, &t);
        prop_assert!(d.ops.iter().all(|o| o.op == OpKind::Equal));
        prop_assert_eq!(d.similarity, 1.0);
    }
}

#[test]
fn disjoint_texts_are_one_replacement() {
    let old: String = (0..2000).map(|i| format!("alpha{i} ")).collect();
    let new: String = (0..2000).map(|i| format!("omega{i} ")).collect();
    let d = diff_words(&old, &new);
    assert_eq!(d.new_text(), new);
    assert_eq!(d.similarity, 0.0);
    assert!(d.ops.len() <= 3, "{} ops", d.ops.len());
}
