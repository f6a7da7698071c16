//! Word diff between two clause texts.
//!
//! Texts are cut into Unicode word-boundary tokens (UAX #29): words, runs of spaces, and each punctuation
//! mark, so Kazakh and Russian diff by word and Markdown markup (`*`, `-`, `#`) is a token of its own —
//! adding emphasis marks only the asterisks, not the phrase. The edit script comes from the `similar`
//! crate's patience algorithm (Myers within it) with a deadline, so it stays fast on texts that share nothing (measured
//! against imara-diff, which has no deadline: BENCHMARKS.md). The script is exact: the old text is the equal and deleted
//! parts in order, the new text the equal and inserted parts.

use std::ops::Range;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use similar::Algorithm;
use unicode_segmentation::UnicodeSegmentation;

use crate::markdown::escape_html;

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    Equal,
    Delete,
    Insert,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    pub op: OpKind,
    pub text: String,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordDiff {
    pub ops: Vec<DiffOp>,
    /// 1.0 for the same words, 0.0 for none in common (Dice coefficient over word tokens).
    pub similarity: f64,
    pub words_deleted: usize,
    pub words_inserted: usize,
}

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// Cuts a text into word-boundary tokens; their concatenation is the text.
pub fn tokens(text: &str) -> Vec<&str> {
    text.split_word_bounds().collect()
}

/// How long the search for a minimal edit script may take before the rest is treated as replaced.
/// Texts that share little would otherwise cost seconds (Myers is O(ND)); past the deadline the script
/// is still exact, only coarser.
const DEADLINE: Duration = Duration::from_millis(20);

/// The word diff from `old` to `new`.
pub fn diff_words(old: &str, new: &str) -> WordDiff {
    let before = tokens(old);
    let after = tokens(new);
    let deadline = Instant::now() + DEADLINE;
    let script = similar::capture_diff_slices_deadline(Algorithm::Patience, &before, &after, Some(deadline));
    let runs = slide_to_boundaries(runs_of(&script), &before, &after);

    let count_words = |ts: &[&str]| ts.iter().filter(|t| is_word(t)).count();
    let (words_old, words_new) = (count_words(&before), count_words(&after));
    let words_equal: usize =
        runs.iter().filter(|r| r.kind == OpKind::Equal).map(|r| count_words(&before[r.old.clone()])).sum();
    let similarity = if words_old + words_new == 0 {
        if old == new { 1.0 } else { 0.0 }
    } else {
        2.0 * words_equal as f64 / (words_old + words_new) as f64
    };
    let token_runs = runs
        .iter()
        .map(|r| match r.kind {
            OpKind::Equal | OpKind::Delete => (r.kind, &before[r.old.clone()]),
            OpKind::Insert => (r.kind, &after[r.new.clone()]),
        })
        .collect();
    WordDiff {
        similarity,
        words_deleted: words_old - words_equal,
        words_inserted: words_new - words_equal,
        ops: merge_trivial_equalities(token_runs),
    }
}

/// One run of the edit script: token ranges in the old and the new text.
#[derive(Debug, Clone)]
struct Run {
    kind: OpKind,
    old: Range<usize>,
    new: Range<usize>,
}

/// The edit script as runs: equal runs alternate with changes, a change being a deletion then an
/// insertion (either may be empty and is then left out); the first and last runs are equal (possibly
/// empty).
fn runs_of(script: &[similar::DiffOp]) -> Vec<Run> {
    let mut runs = vec![Run { kind: OpKind::Equal, old: 0..0, new: 0..0 }];
    for op in script {
        let (old, new) = (op.old_range(), op.new_range());
        let last = runs.len() - 1;
        if matches!(op, similar::DiffOp::Equal { .. }) {
            if runs[last].kind == OpKind::Equal {
                runs[last].old.end = old.end;
                runs[last].new.end = new.end;
            } else {
                runs.push(Run { kind: OpKind::Equal, old, new });
            }
        } else {
            if runs[last].kind == OpKind::Equal {
                let (o, n) = (old.start, new.start);
                runs.push(Run { kind: OpKind::Delete, old: o..o, new: n..n });
                runs.push(Run { kind: OpKind::Insert, old: o..o, new: n..n });
            }
            let len = runs.len();
            runs[len - 2].old.end = old.end;
            runs[len - 2].new = new.start..new.start;
            runs[len - 1].new.end = new.end;
            runs[len - 1].old = old.end..old.end;
        }
    }
    if runs.last().is_some_and(|r| r.kind != OpKind::Equal) {
        let (o, n) = (runs[runs.len() - 2].old.end, runs[runs.len() - 1].new.end);
        runs.push(Run { kind: OpKind::Equal, old: o..o, new: n..n });
    }
    runs.retain(|r| r.kind == OpKind::Equal || !r.old.is_empty() || !r.new.is_empty());
    runs
}

/// A pure insertion or deletion can often slide (`a b| b` or `a |b b`): this places it where it reads
/// best — ending at a line end and starting at a line start, so that an inserted list item or paragraph
/// is a whole line; otherwise starting at a word; otherwise where it is.
fn slide_to_boundaries(mut runs: Vec<Run>, before: &[&str], after: &[&str]) -> Vec<Run> {
    for i in 1..runs.len().saturating_sub(1) {
        if runs[i - 1].kind != OpKind::Equal || runs[i + 1].kind != OpKind::Equal {
            continue; // a deletion next to an insertion is a replacement: it stays
        }
        let (tokens, range) = match runs[i].kind {
            OpKind::Insert => (after, runs[i].new.clone()),
            OpKind::Delete => (before, runs[i].old.clone()),
            OpKind::Equal => continue,
        };
        let (room_up, room_down) = (runs[i - 1].old.len().min(range.len()), runs[i + 1].old.len().min(range.len()));
        let up = (1..=room_up).take_while(|k| tokens[range.start - k] == tokens[range.end - k]).count() as isize;
        let down = (0..room_down).take_while(|k| tokens[range.start + k] == tokens[range.end + k]).count() as isize;
        let score = |shift: isize| {
            let (start, end) = ((range.start as isize + shift) as usize, (range.end as isize + shift) as usize);
            let ends_line = tokens[end - 1].ends_with('\n');
            let starts_line = start == 0 || tokens[start - 1].ends_with('\n');
            (ends_line as u8) * 4 + (starts_line as u8) * 2 + is_word(tokens[start]) as u8
        };
        let best = (-up..=down).max_by_key(|&k| (score(k), k == 0)).unwrap_or(0);
        let moved = |at: usize| (at as isize + best) as usize;
        let (r, prev, next) = (runs[i].clone(), runs[i - 1].clone(), runs[i + 1].clone());
        runs[i].old = moved(r.old.start)..moved(r.old.end);
        runs[i].new = moved(r.new.start)..moved(r.new.end);
        runs[i - 1].old.end = moved(prev.old.end);
        runs[i - 1].new.end = moved(prev.new.end);
        runs[i + 1].old.start = moved(next.old.start);
        runs[i + 1].new.start = moved(next.new.start);
    }
    runs
}

/// Joins runs into operations. An equal run between two changes that holds no word (a space, a comma)
/// or very few words next to large changes is folded into the changes around it: a rewritten sentence
/// reads as one deletion and one insertion, not as a comb of fragments kept together by common spaces.
fn merge_trivial_equalities(runs: Vec<(OpKind, &[&str])>) -> Vec<DiffOp> {
    let words = |ts: &[&str]| ts.iter().filter(|t| is_word(t)).count();
    // Group runs into alternating (equal, change) segments.
    let mut segments: Vec<(String, String, String, usize)> = Vec::new(); // (equal, deleted, inserted, changed words)
    let mut iter = runs.into_iter().peekable();
    while let Some((kind, ts)) = iter.next() {
        debug_assert_eq!(kind, OpKind::Equal);
        let equal = ts.concat();
        let equal_words = words(ts);
        let (mut del, mut ins) = (String::new(), String::new());
        let mut changed = 0;
        while let Some((k, _)) = iter.peek() {
            if *k == OpKind::Equal {
                break;
            }
            let (k, ts) = iter.next().expect("peeked");
            changed += words(ts);
            if k == OpKind::Delete {
                del.push_str(&ts.concat());
            } else {
                ins.push_str(&ts.concat());
            }
        }
        let is_between_changes = !segments.is_empty() && (!del.is_empty() || !ins.is_empty());
        let prev_changed = segments.last().map_or(0, |s| s.3);
        let fold = is_between_changes
            && segments.last().is_some_and(|s| !s.1.is_empty() || !s.2.is_empty())
            && (equal_words == 0 || equal_words * 4 <= prev_changed.min(changed));
        if fold {
            let last = segments.last_mut().expect("not empty");
            last.1.push_str(&equal);
            last.1.push_str(&del);
            last.2.push_str(&equal);
            last.2.push_str(&ins);
            last.3 += changed;
        } else {
            segments.push((equal, del, ins, changed));
        }
    }
    let mut ops = Vec::new();
    for (equal, del, ins, _) in segments {
        for (op, text) in [(OpKind::Equal, equal), (OpKind::Delete, del), (OpKind::Insert, ins)] {
            if !text.is_empty() {
                ops.push(DiffOp { op, text });
            }
        }
    }
    ops
}

impl WordDiff {
    /// The old text, rebuilt from the operations.
    pub fn old_text(&self) -> String {
        self.side(OpKind::Delete)
    }

    /// The new text, rebuilt from the operations.
    pub fn new_text(&self) -> String {
        self.side(OpKind::Insert)
    }

    fn side(&self, changed: OpKind) -> String {
        self.ops.iter().filter(|o| o.op == OpKind::Equal || o.op == changed).map(|o| o.text.as_str()).collect()
    }

    /// The texts are the same.
    pub fn is_unchanged(&self) -> bool {
        self.ops.iter().all(|o| o.op == OpKind::Equal)
    }

    /// HTML with `<ins>` and `<del>`: every character of the texts is escaped, the only markup is ours.
    /// Line breaks become `<br>`; a break that was added or removed shows as a pilcrow inside the mark.
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(self.ops.iter().map(|o| o.text.len() + 16).sum());
        for op in &self.ops {
            let (open, close, lf) = match op.op {
                OpKind::Equal => ("", "", "<br>"),
                OpKind::Delete => ("<del>", "</del>", "¶"),
                OpKind::Insert => ("<ins>", "</ins>", "¶<br>"),
            };
            out.push_str(open);
            out.push_str(&escape_html(&op.text).replace('\n', lf));
            out.push_str(close);
        }
        out
    }

    /// Plain text in the word-diff notation of git: `[-deleted-]{+inserted+}`.
    pub fn to_text(&self) -> String {
        self.ops
            .iter()
            .map(|o| match o.op {
                OpKind::Equal => o.text.clone(),
                OpKind::Delete => format!("[-{}-]", o.text),
                OpKind::Insert => format!("{{+{}+}}", o.text),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed(d: &WordDiff) -> Vec<(OpKind, &str)> {
        d.ops.iter().filter(|o| o.op != OpKind::Equal).map(|o| (o.op, o.text.as_str())).collect()
    }

    #[test]
    fn a_changed_word_is_the_only_change() {
        let d = diff_words("The employer shall notify the union.", "The employer shall consult the union.");
        assert_eq!(changed(&d), vec![(OpKind::Delete, "notify"), (OpKind::Insert, "consult")]);
        assert!(d.similarity > 0.8 && d.similarity < 1.0);
    }

    #[test]
    fn cyrillic_diffs_by_word() {
        let d = diff_words(
            "Работодатель обязан уведомить профсоюз за три месяца.",
            "Работодатель обязан уведомить профсоюз за шесть месяцев.",
        );
        assert_eq!(changed(&d), vec![(OpKind::Delete, "три месяца"), (OpKind::Insert, "шесть месяцев")]);
        let kk = diff_words(
            "Жұмыс берушi қайта оқытуды қамтамасыз етеді.",
            "Жұмыс берушi қайта даярлауды қамтамасыз етеді.",
        );
        assert_eq!(changed(&kk), vec![(OpKind::Delete, "оқытуды"), (OpKind::Insert, "даярлауды")]);
    }

    #[test]
    fn emphasis_marks_only_the_markup() {
        let d = diff_words("Workers keep their pay during retraining.", "Workers keep *their pay* during retraining.");
        assert_eq!(changed(&d), vec![(OpKind::Insert, "*"), (OpKind::Insert, "*")]);
        let bold = diff_words("keep their pay", "keep **their pay**");
        assert_eq!(changed(&bold), vec![(OpKind::Insert, "**"), (OpKind::Insert, "**")]);
    }

    #[test]
    fn list_item_inserted_is_one_insertion() {
        let old = "Measures:\n\n- retraining\n- redeployment\n- severance";
        let new = "Measures:\n\n- retraining\n- reduced hours\n- redeployment\n- severance";
        let d = diff_words(old, new);
        assert_eq!(changed(&d), vec![(OpKind::Insert, "- reduced hours\n")]);
    }

    #[test]
    fn paragraph_split_marks_only_the_break() {
        let old = "The employer shall consult. The union shall answer within ten days.";
        let new = "The employer shall consult.\n\nThe union shall answer within ten days.";
        let d = diff_words(old, new);
        assert_eq!(changed(&d), vec![(OpKind::Delete, " "), (OpKind::Insert, "\n\n")]);
        assert!((d.similarity - 1.0).abs() < f64::EPSILON);
        assert!(d.to_html().contains("<ins>¶<br>¶<br></ins>"), "{}", d.to_html());
    }

    #[test]
    fn a_sentence_moved_is_one_deletion_and_one_insertion() {
        let old = "First sentence here. Second sentence there. Third one.";
        let new = "Second sentence there. First sentence here. Third one.";
        let d = diff_words(old, new);
        assert_eq!(d.new_text(), new);
        assert_eq!(d.old_text(), old);
        assert!(changed(&d).len() <= 2, "{:?}", d.ops);
    }

    #[test]
    fn rewritten_sentence_is_not_shredded_by_common_spaces() {
        let d = diff_words(
            "Dismissal requires notice of three months to the union.",
            "No worker may be dismissed before retraining has been offered.",
        );
        assert_eq!(changed(&d).len(), 2, "{:?}", d.ops);
        assert!(d.similarity < 0.2);
    }

    #[test]
    fn empty_sides() {
        let d = diff_words("", "New text.");
        assert_eq!(changed(&d), vec![(OpKind::Insert, "New text.")]);
        assert_eq!(d.similarity, 0.0);
        let d = diff_words("Old text.", "");
        assert_eq!(changed(&d), vec![(OpKind::Delete, "Old text.")]);
        assert_eq!(diff_words("", "").similarity, 1.0);
        assert!(diff_words("", "").is_unchanged());
    }

    #[test]
    fn html_escapes_every_text() {
        let d = diff_words("<b>a</b>", "<script>alert(1)</script>");
        let html = d.to_html();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;") && html.contains("script"), "{html}");
        assert_eq!(d.new_text(), "<script>alert(1)</script>");
    }

    #[test]
    fn text_notation() {
        let d = diff_words("a b c", "a x c");
        assert_eq!(d.to_text(), "a [-b-]{+x+} c");
    }
}
