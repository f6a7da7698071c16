//! Word diff between two clause texts.
//!
//! Texts are cut into Unicode word-boundary tokens (UAX #29): words, runs of spaces, and each punctuation
//! mark, so Kazakh and Russian diff by word and Markdown markup (`*`, `-`, `#`) is a token of its own —
//! adding emphasis marks only the asterisks, not the phrase. The edit script comes from imara-diff's
//! histogram algorithm, which falls back to Myers with git's heuristics on repetitive input and so stays
//! near-linear on texts that share nothing. The script is exact: the old text is the equal and deleted
//! parts in order, the new text the equal and inserted parts.

use std::ops::Range;

use imara_diff::{Algorithm, Diff, InternedInput, Token};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::markdown::escape_html;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    Equal,
    Delete,
    Insert,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    pub op: OpKind,
    pub text: String,
}

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

/// The word diff from `old` to `new`.
pub fn diff_words(old: &str, new: &str) -> WordDiff {
    let before = tokens(old);
    let after = tokens(new);
    let mut input = InternedInput::default();
    input.update_before(before.iter().copied());
    input.update_after(after.iter().copied());
    let mut diff = Diff::compute(Algorithm::Histogram, &input);
    diff.postprocess_with_heuristic(&input, |tokens: &[Token], hunk: Range<u32>, earliest_end: u32| {
        best_slider_end(tokens, hunk, earliest_end, |t| input.interner[t])
    });

    // Runs of tokens: (kind, token range) in order, deletions before insertions within a hunk.
    let mut runs: Vec<(OpKind, &[&str])> = Vec::new();
    let (mut pos_before, mut pos_after) = (0usize, 0usize);
    for hunk in diff.hunks() {
        let (b, a) = (hunk.before, hunk.after);
        runs.push((OpKind::Equal, &before[pos_before..b.start as usize]));
        runs.push((OpKind::Delete, &before[b.start as usize..b.end as usize]));
        runs.push((OpKind::Insert, &after[a.start as usize..a.end as usize]));
        pos_before = b.end as usize;
        pos_after = a.end as usize;
    }
    runs.push((OpKind::Equal, &before[pos_before..]));
    debug_assert_eq!(before.len() - pos_before, after.len() - pos_after);

    let count_words = |ts: &[&str]| ts.iter().filter(|t| is_word(t)).count();
    let (words_old, words_new) = (count_words(&before), count_words(&after));
    let words_equal: usize = runs.iter().filter(|(k, _)| *k == OpKind::Equal).map(|(_, ts)| count_words(ts)).sum();
    let similarity = if words_old + words_new == 0 {
        if old == new { 1.0 } else { 0.0 }
    } else {
        2.0 * words_equal as f64 / (words_old + words_new) as f64
    };

    let ops = merge_trivial_equalities(runs);
    WordDiff { similarity, words_deleted: words_old - words_equal, words_inserted: words_new - words_equal, ops }
}

/// Where an insertion or deletion that could slide (`a b| b` vs `a |b b`) is placed: preferably ending
/// at a line end and starting at a line start, so that an inserted list item or paragraph reads as a
/// whole line; otherwise starting at a word, after a space; otherwise as high as it goes.
fn best_slider_end<'a>(tokens: &[Token], hunk: Range<u32>, earliest_end: u32, text: impl Fn(Token) -> &'a str) -> u32 {
    let size = hunk.end - hunk.start;
    let score = |end: u32| {
        let start = end - size;
        let ends_line = text(tokens[end as usize - 1]).ends_with('\n');
        let starts_line = start == 0 || text(tokens[start as usize - 1]).ends_with('\n');
        let starts_word = is_word(text(tokens[start as usize]));
        (ends_line as u8) * 4 + (starts_line as u8) * 2 + starts_word as u8
    };
    (earliest_end.max(size)..=hunk.end).rev().max_by_key(|&end| score(end)).unwrap_or(hunk.end)
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
