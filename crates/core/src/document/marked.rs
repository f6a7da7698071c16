//! A text marked against another: the newer text's blocks, with what it inserted and what it deleted
//! marked as changes in them, so its formatting shows with the changes inside it (a joint text's
//! `**twelve months**` is bold twelve months, not asterisks).
//!
//! Both texts are parsed and cut into word-boundary tokens that keep their style (UAX #29, as the word
//! diff); the tokens are diffed with the same algorithm and deadline as the word diff, and the newer
//! text's paragraphs are rebuilt from the edit script. A deleted run sits where it was, in the paragraph
//! it was deleted from or the one before.

use std::ops::Range;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use similar::{Algorithm, DiffOp};
use unicode_segmentation::UnicodeSegmentation;

use super::{Block, Change, ChangeKind, Run, Style, each_leaf, each_leaf_ref, parse};

const DEADLINE: Duration = Duration::from_millis(20);

/// `new`'s blocks with the changes from `old` marked in them, made by `author` at `at`.
pub fn marked(old: &str, new: &str, author: &str, at: DateTime<Utc>) -> Vec<Block> {
    let (old_blocks, mut blocks) = (parse(old), parse(new));
    let (before, after) = (tokens(&old_blocks), tokens(&blocks));
    let keys = |ts: &[Token]| ts.iter().map(|t| (t.text.clone(), t.style)).collect::<Vec<_>>();
    let (old_keys, new_keys) = (keys(&before), keys(&after));
    let deadline = Instant::now() + DEADLINE;
    let script = similar::capture_diff_slices_deadline(Algorithm::Patience, &old_keys, &new_keys, Some(deadline));

    let mark = |kind| Some(Change { kind, author: author.to_string(), at });
    let leaf_count = after.last().map_or(0, |t| t.leaf + 1);
    let mut leaves: Vec<Vec<Run>> = vec![vec![]; leaf_count.max(1)];
    // deleted words after a paragraph's end are set apart from the text they now run on from, so that
    // rejecting the changes never glues two paragraphs' words together
    let mut gap = false;
    let mut push = |leaf: usize, token: &Token, change: Option<Change>| {
        let deleted = change.as_ref().is_some_and(|c| c.kind == ChangeKind::Deleted);
        if token.text == BOUNDARY {
            gap = true;
            return;
        }
        let runs = &mut leaves[leaf];
        let token = match std::mem::take(&mut gap) {
            true if deleted && runs.last().is_some_and(|r| !r.text.ends_with(char::is_whitespace)) => {
                &Token { text: format!(" {}", token.text), style: token.style, leaf: token.leaf }
            }
            _ => token,
        };
        match runs.last_mut() {
            Some(last) if last.style == token.style && last.change == change => last.text.push_str(&token.text),
            _ => runs.push(Run { text: token.text.clone(), style: token.style, change }),
        }
    };
    for segment in segments(&script, &after) {
        match segment {
            Segment::Equal { new } => {
                for t in &after[new] {
                    push(t.leaf, t, None);
                }
            }
            Segment::Change { old, new } => {
                let leaf = home(&after, new.start);
                for t in &before[old] {
                    push(leaf, t, mark(ChangeKind::Deleted));
                }
                for t in &after[new] {
                    push(t.leaf, t, mark(ChangeKind::Inserted));
                }
            }
        }
    }
    if blocks.is_empty() {
        // the newer text is empty: the older one, all deleted, in a paragraph
        return vec![Block::Paragraph(leaves.swap_remove(0))]
            .into_iter()
            .filter(|b| b != &Block::Paragraph(vec![]))
            .collect();
    }
    let mut taken = leaves.into_iter();
    each_leaf(&mut blocks, &mut |runs| *runs = taken.next().unwrap_or_default());
    blocks
}

enum Segment {
    Equal { new: Range<usize> },
    Change { old: Range<usize>, new: Range<usize> },
}

/// The edit script as equal stretches and changes, a change being what was deleted and what was
/// inserted in its place. Spaces alone between two changes join them, so that a reader sees "six
/// months" replaced by "twelve weeks", not each word apart.
fn segments(script: &[DiffOp], after: &[Token]) -> Vec<Segment> {
    let mut out: Vec<Segment> = vec![];
    for op in script {
        let (old, new) = (op.old_range(), op.new_range());
        let segment = match op {
            DiffOp::Equal { .. } => Segment::Equal { new },
            _ => Segment::Change { old, new },
        };
        match (out.as_mut_slice(), segment) {
            // a change after a change: one change
            ([.., Segment::Change { old: o, new: n }], Segment::Change { old, new }) => {
                o.end = old.end;
                n.end = new.end;
            }
            // a change after spaces after a change: the spaces join it
            ([.., Segment::Change { .. }, Segment::Equal { new: spaces }], Segment::Change { old, new })
                if after[spaces.clone()].iter().all(|t| t.text.trim().is_empty() && t.text != BOUNDARY) =>
            {
                out.pop();
                if let Some(Segment::Change { old: o, new: n }) = out.last_mut() {
                    o.end = old.end;
                    n.end = new.end;
                }
            }
            (_, segment) => out.push(segment),
        }
    }
    out
}

/// The paragraph a deletion before new token `at` belongs in: the one the token before it is in, or
/// the next one's when that token ended its paragraph.
fn home(after: &[Token], at: usize) -> usize {
    let before = at.checked_sub(1).and_then(|i| after.get(i));
    match (before, after.get(at)) {
        (Some(b), Some(next)) if b.text == BOUNDARY => next.leaf,
        (Some(b), _) => b.leaf,
        (None, next) => next.map_or(0, |t| t.leaf),
    }
}

/// Ends each paragraph in the token stream, so that words do not match across paragraphs.
const BOUNDARY: &str = "\u{2029}";

#[derive(Clone)]
struct Token {
    text: String,
    style: Style,
    /// The paragraph (heading, note, cell paragraph) it is in, counted in reading order.
    leaf: usize,
}

fn tokens(blocks: &[Block]) -> Vec<Token> {
    let mut out = vec![];
    let mut leaf = 0;
    each_leaf_ref(blocks, &mut |runs| {
        for run in runs {
            for word in run.text.split_word_bounds() {
                out.push(Token { text: word.to_string(), style: run.style, leaf });
            }
        }
        out.push(Token { text: BOUNDARY.into(), style: Style::default(), leaf });
        leaf += 1;
    });
    out
}

#[cfg(test)]
mod tests {
    use super::super::{runs_text, to_markdown};
    use super::*;

    fn at() -> DateTime<Utc> {
        "2027-01-12T09:00:00Z".parse().unwrap()
    }

    fn all_runs(blocks: &[Block]) -> Vec<Run> {
        let mut out = vec![];
        each_leaf_ref(blocks, &mut |r| out.extend_from_slice(r));
        out
    }

    #[test]
    fn formatting_shows_with_the_changes_in_it() {
        let blocks = marked("Notice of **six months**.", "Notice of **twelve months**.", "TU", at());
        let runs = all_runs(&blocks);
        let changed: Vec<_> = runs.iter().filter(|r| r.change.is_some()).collect();
        assert_eq!(changed.len(), 2, "{runs:#?}");
        assert_eq!((changed[0].text.as_str(), changed[0].style.strong), ("six", true));
        assert_eq!(changed[0].change.as_ref().unwrap().kind, ChangeKind::Deleted);
        assert_eq!((changed[1].text.as_str(), changed[1].style.strong), ("twelve", true));
        assert!(!runs.iter().any(|r| r.text.contains('*')), "no Markdown syntax in the runs");
    }

    #[test]
    fn accepting_gives_the_new_text_and_rejecting_the_old() {
        let (old, new) = (
            "First paragraph stays.\n\nThis one goes away.",
            "First paragraph stays, changed.\n\n- a list\n- comes in",
        );
        let blocks = marked(old, new, "EMP", at());
        let all = all_runs(&blocks);
        let words = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(words(&runs_text(&all, true)), words("First paragraph stays, changed. a list comes in"));
        assert_eq!(words(&runs_text(&all, false)), words("First paragraph stays. This one goes away."));
        let doc = super::super::Document { blocks, ..Default::default() };
        assert!(to_markdown(&doc).contains("changed+}"), "{}", to_markdown(&doc));
    }

    #[test]
    fn a_deleted_point_keeps_its_words_apart_from_the_one_it_joins() {
        let old = "1. Employers retrain.\n2. The Government co-finances.\n3. Trade unions take part.";
        let new = "1. Employers retrain.\n2. The Government co-finances.";
        let (mut rejected, mut accepted) = (vec![], vec![]);
        each_leaf_ref(&marked(old, new, "EMP", at()), &mut |runs| {
            rejected.push(runs_text(runs, false));
            accepted.push(runs_text(runs, true));
        });
        assert_eq!(rejected, ["Employers retrain.", "The Government co-finances. Trade unions take part."]);
        assert_eq!(accepted, ["Employers retrain.", "The Government co-finances."]);
    }

    #[test]
    fn everything_deleted_is_still_shown() {
        let blocks = marked("Gone entirely.", "", "GOV", at());
        assert_eq!(runs_text(&all_runs(&blocks), false), "Gone entirely.");
        assert_eq!(runs_text(&all_runs(&blocks), true), "");
    }
}
