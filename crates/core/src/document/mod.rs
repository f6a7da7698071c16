//! One model of a document, built once and rendered to Markdown, HTML and DOCX.
//!
//! A document is headings, paragraphs, lists, quotes and tables of runs. A run is text in one style,
//! and may be a change: inserted or deleted, by someone, at a time — the word diff's operations become
//! the model's marks, so a marked text keeps its formatting with the changes in it, and a .docx shows
//! them as native tracked changes. Every text in a run is plain text: a renderer escapes it for its
//! format, so no markup from a clause ever reaches an output as markup.

mod docx;
mod html;
pub(crate) mod markdown;
mod marked;
mod parse;

pub use docx::to_docx;
pub use html::{page as html_page, to_html};
pub use markdown::to_markdown;
pub use marked::marked;
pub use parse::parse;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::words::Lang;

/// What a document is written as.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Markdown,
    /// One self-contained, printable page.
    Html,
    /// Word, changes as native tracked changes.
    Docx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }
}

/// A document written as `format`.
pub fn render(doc: &Document, format: Format) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Markdown => to_markdown(doc).into_bytes(),
        Format::Html => html_page(doc).into_bytes(),
        Format::Docx => to_docx(doc)?,
    })
}

/// A whole document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub title: String,
    /// The language it is written in: what a reader's spell-checker and screen reader are told.
    pub lang: Lang,
    pub landscape: bool,
    /// Changes are shown as formatting (underlined insertions, struck deletions) rather than as
    /// revisions to accept or reject: a comparison shows differences, it does not propose them.
    pub changes_as_formatting: bool,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading, level 1 to 6. `marker` names what it heads (`clause:12`) for a later import to
    /// match on; renderers that can keep it out of sight do (a DOCX bookmark).
    Heading {
        level: u8,
        runs: Vec<Run>,
        marker: Option<String>,
    },
    Paragraph(Vec<Run>),
    /// A line about the text rather than of it (a status, "no joint text yet"), shown muted.
    Note(Vec<Run>),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    /// A table; its header row repeats on every page.
    Table {
        header: Vec<Vec<Block>>,
        rows: Vec<Vec<Vec<Block>>>,
    },
    /// What follows begins a new page (an annex).
    PageBreak,
}

/// Text in one style. A `\n` in it is a line break.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Run {
    pub text: String,
    pub style: Style,
    pub change: Option<Change>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Style {
    pub strong: bool,
    pub emphasis: bool,
    pub strike: bool,
    pub code: bool,
}

/// A run inserted or deleted, by whom and when.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Change {
    pub kind: ChangeKind,
    pub author: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    Inserted,
    Deleted,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run { text: text.into(), ..Run::default() }
    }

    pub fn strong(text: impl Into<String>) -> Run {
        Run { text: text.into(), style: Style { strong: true, ..Style::default() }, change: None }
    }

    pub fn emphasis(text: impl Into<String>) -> Run {
        Run { text: text.into(), style: Style { emphasis: true, ..Style::default() }, change: None }
    }
}

impl Block {
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading { level, runs: vec![Run::plain(text)], marker: None }
    }

    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph(vec![Run::plain(text)])
    }

    pub fn note(text: impl Into<String>) -> Block {
        Block::Note(vec![Run::plain(text)])
    }
}

/// A table cell of one plain paragraph.
pub fn cell(text: &str) -> Vec<Block> {
    vec![Block::paragraph(text)]
}

/// A table whose header cells are bold words.
pub fn table(head: &[&str], rows: Vec<Vec<Vec<Block>>>) -> Block {
    Block::Table { header: head.iter().map(|h| vec![Block::Paragraph(vec![Run::strong(*h)])]).collect(), rows }
}

/// The plain text of some runs, as a reader sees it with every change accepted (`accepted`) or every
/// change rejected.
pub fn runs_text(runs: &[Run], accepted: bool) -> String {
    let dropped = if accepted { ChangeKind::Deleted } else { ChangeKind::Inserted };
    runs.iter().filter(|r| r.change.as_ref().is_none_or(|c| c.kind != dropped)).map(|r| r.text.as_str()).collect()
}

/// The blocks as they read with every change accepted: deleted runs gone, inserted ones plain text.
pub fn accepted(blocks: &[Block]) -> Vec<Block> {
    let runs = |runs: &[Run]| -> Vec<Run> {
        runs.iter()
            .filter(|r| r.change.as_ref().is_none_or(|c| c.kind != ChangeKind::Deleted))
            .map(|r| Run { change: None, ..r.clone() })
            .collect()
    };
    let all = |blocks: &[Block]| accepted(blocks);
    blocks
        .iter()
        .map(|b| match b {
            Block::Heading { level, runs: r, marker } => Block::Heading { level: *level, runs: runs(r), marker: marker.clone() },
            Block::Paragraph(r) => Block::Paragraph(runs(r)),
            Block::Note(r) => Block::Note(runs(r)),
            Block::List { ordered, items } => Block::List { ordered: *ordered, items: items.iter().map(|i| all(i)).collect() },
            Block::Quote(inner) => Block::Quote(all(inner)),
            Block::Table { header, rows } => Block::Table {
                header: header.iter().map(|c| all(c)).collect(),
                rows: rows.iter().map(|r| r.iter().map(|c| all(c)).collect()).collect(),
            },
            Block::PageBreak => Block::PageBreak,
        })
        .filter(|b| !matches!(b, Block::Paragraph(r) | Block::Heading { runs: r, .. } if r.iter().all(|x| x.text.trim().is_empty())))
        .collect()
}

/// Who made the changes in some blocks, in order of first change: each author with the number of
/// insertions and deletions.
pub fn revisions(blocks: &[Block]) -> Vec<(String, usize, usize)> {
    let mut out: Vec<(String, usize, usize)> = vec![];
    let mut count = |runs: &[Run]| {
        for c in runs.iter().filter_map(|r| r.change.as_ref()) {
            let i = match out.iter().position(|(a, ..)| *a == c.author) {
                Some(i) => i,
                None => {
                    out.push((c.author.clone(), 0, 0));
                    out.len() - 1
                }
            };
            match c.kind {
                ChangeKind::Inserted => out[i].1 += 1,
                ChangeKind::Deleted => out[i].2 += 1,
            }
        }
    };
    each_leaf_ref(blocks, &mut count);
    out
}

/// Calls `f` with the runs of every heading, paragraph and note, in reading order.
pub(crate) fn each_leaf_ref(blocks: &[Block], f: &mut impl FnMut(&[Run])) {
    for block in blocks {
        match block {
            Block::Heading { runs, .. } | Block::Paragraph(runs) | Block::Note(runs) => f(runs),
            Block::List { items, .. } => items.iter().for_each(|i| each_leaf_ref(i, f)),
            Block::Quote(inner) => each_leaf_ref(inner, f),
            Block::Table { header, rows } => {
                header.iter().chain(rows.iter().flatten()).for_each(|c| each_leaf_ref(c, f));
            }
            Block::PageBreak => {}
        }
    }
}

/// The same, to change the runs.
pub(crate) fn each_leaf(blocks: &mut [Block], f: &mut impl FnMut(&mut Vec<Run>)) {
    for block in blocks {
        match block {
            Block::Heading { runs, .. } | Block::Paragraph(runs) | Block::Note(runs) => f(runs),
            Block::List { items, .. } => items.iter_mut().for_each(|i| each_leaf(i, f)),
            Block::Quote(inner) => each_leaf(inner, f),
            Block::Table { header, rows } => {
                header.iter_mut().chain(rows.iter_mut().flatten()).for_each(|c| each_leaf(c, f));
            }
            Block::PageBreak => {}
        }
    }
}
