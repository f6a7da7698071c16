//! The whole agreement as the four-column document: one row per clause in order, a column per party,
//! the joint text and the status quo, each marked against a reference. What the mediator hands to the
//! parties, and what the trilogue's "four-column document" is, assembled here instead of by hand.
//!
//! A front end first takes the outline (no text is read: it lists the rows, which columns have a text
//! and whether the texts differ, by their hashes), then the marked rows it shows; exports take every
//! row. Only tabled texts appear — never a draft, never a private note.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::compare::{
    Cell, ColumnHead, Reference, RowTexts, column_heads, convergence, last_session, mark_row, resolve,
};
use crate::document::{self, Block, Run};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{Clause, ClauseStatus, Negotiation, Session};
use crate::reader::Reader;
use crate::spreadsheet::guard;
use crate::words::{Lang, Words};

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OutlineRow {
    pub clause_id: i64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub status: ClauseStatus,
    /// Which columns have a text, in the columns' order.
    pub present: Vec<bool>,
    /// Whether the parties' and the joint texts are not all the same.
    pub differs: bool,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outline {
    pub columns: Vec<ColumnHead>,
    /// The columns shown: those some row has a text in (see [`columns_with_text`]).
    pub with_text: Vec<u32>,
    pub rows: Vec<OutlineRow>,
    pub last_session: Option<Session>,
}

/// A clause of the document with its columns marked.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Row {
    pub clause_id: i64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub status: ClauseStatus,
    pub cells: Vec<Cell>,
    /// The mean similarity of the parties' texts.
    pub convergence: Option<f64>,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    pub negotiation: Negotiation,
    pub reference: Reference,
    pub since: Option<Session>,
    pub columns: Vec<ColumnHead>,
    /// The columns shown and printed: those some row has a text in (see [`columns_with_text`]).
    pub with_text: Vec<u32>,
    pub rows: Vec<Row>,
    /// Where the agreement has several authentic texts, the one language its texts are compared in.
    pub texts_in: Option<Lang>,
}

pub async fn outline(store: &impl Reader, negotiation_id: i64, now: DateTime<Utc>) -> Result<Outline> {
    let columns = column_heads(&store.parties(negotiation_id).await?);
    let rows: Vec<OutlineRow> = store
        .tabled_hashes(negotiation_id)
        .await?
        .into_iter()
        .map(|c| {
            let present = columns
                .iter()
                .map(|col| match col.reference {
                    Reference::Party(id) => c.hashes.iter().any(|(p, _)| *p == Some(id)),
                    Reference::Joint => c.hashes.iter().any(|(p, _)| p.is_none()),
                    Reference::Base => c.has_status_quo,
                    Reference::Since(_) => false,
                })
                .collect();
            let differs = c.hashes.iter().any(|(_, h)| *h != c.hashes[0].1);
            OutlineRow {
                clause_id: c.clause_id,
                reference: c.reference,
                title: c.title,
                status: c.status,
                present,
                differs,
            }
        })
        .collect();
    let sessions = store.sessions(negotiation_id).await?;
    let with_text = columns_with_text(columns.len(), |i| rows.iter().any(|r| r.present[i]));
    Ok(Outline { columns, with_text, rows, last_session: last_session(&sessions, now).cloned() })
}

/// The columns some row has a text in, in order. A column with none — no joint text yet, no status quo
/// in an imported table — is left out of the document on screen, on paper and in its HTML export.
fn columns_with_text(count: usize, has_text: impl Fn(usize) -> bool) -> Vec<u32> {
    (0..count).filter(|&i| has_text(i)).map(|i| i as u32).collect()
}

/// The given clauses' rows, marked against `reference`, in the order given; where the agreement has
/// several authentic texts, within one language (`lang`; none: the first).
pub async fn rows(
    store: &impl Reader,
    negotiation_id: i64,
    reference: Reference,
    clause_ids: &[i64],
    lang: Option<Lang>,
) -> Result<Vec<Row>> {
    let mut clauses = Vec::with_capacity(clause_ids.len());
    for id in clause_ids {
        let clause = store.clause(*id).await?;
        if clause.negotiation_id != negotiation_id {
            return Err(Error::Invalid(Msg::ClauseElsewhere { id: *id }));
        }
        clauses.push(clause);
    }
    Ok(mark(store, negotiation_id, reference, clauses, Some(clause_ids), lang).await?.rows)
}

/// Every row of the agreement, marked against `reference`; where the agreement has several authentic
/// texts, within one language (`lang`; none: the first).
pub async fn document(
    store: &impl Reader,
    negotiation_id: i64,
    reference: Reference,
    lang: Option<Lang>,
) -> Result<Document> {
    let negotiation = store.negotiation(negotiation_id).await?;
    let clauses: Vec<Clause> = store.list_clauses(negotiation_id).await?.into_iter().map(|r| r.clause).collect();
    let Marked { columns, since, rows } = mark(store, negotiation_id, reference, clauses, None, lang).await?;
    let with_text = columns_with_text(columns.len(), |i| rows.iter().any(|r| r.cells[i].text.is_some()));
    let texts_in = texts_in(&negotiation, lang);
    Ok(Document { negotiation, reference, since, columns, with_text, rows, texts_in })
}

/// The language a comparison's texts are in, where the agreement has more than one: the one asked
/// for if it is authentic, else the first.
fn texts_in(negotiation: &Negotiation, lang: Option<Lang>) -> Option<Lang> {
    let authentic = negotiation.authentic();
    if authentic.len() < 2 {
        return None;
    }
    Some(lang.filter(|l| authentic.contains(l)).unwrap_or(authentic[0]))
}

/// Marks the rows of `clauses` on the worker threads; the diffs are remembered by the store.
async fn mark(
    store: &impl Reader,
    negotiation_id: i64,
    reference: Reference,
    clauses: Vec<Clause>,
    only: Option<&[i64]>,
    lang: Option<Lang>,
) -> Result<Marked> {
    let columns = column_heads(&store.parties(negotiation_id).await?);
    let since = resolve(store, negotiation_id, &columns, reference).await?;
    let mut now = store.heads(negotiation_id, only, None).await?;
    store.in_language(negotiation_id, &mut now, lang).await?;
    let then = match &since {
        Some(s) => {
            let mut then = store.heads(negotiation_id, only, Some(s)).await?;
            store.in_language(negotiation_id, &mut then, lang).await?;
            Some(then)
        }
        None => None,
    };
    let cache = store.diffs().clone();
    let heads = columns.clone();
    let rows = tokio::task::spawn_blocking(move || {
        use rayon::prelude::*;
        clauses
            .into_par_iter()
            .map(|clause| {
                let texts = RowTexts::new(&clause, &heads, &now);
                let earlier = then.as_ref().map(|h| RowTexts::new(&clause, &heads, h));
                Row {
                    cells: mark_row(&cache, &heads, &texts, earlier.as_ref(), reference),
                    convergence: convergence(&cache, &heads, &texts).1,
                    clause_id: clause.id,
                    reference: clause.reference,
                    title: clause.title,
                    status: clause.status,
                }
            })
            .collect()
    })
    .await
    .map_err(|e| Error::Io(std::io::Error::other(e)))?;
    Ok(Marked { columns, since, rows })
}

struct Marked {
    columns: Vec<ColumnHead>,
    since: Option<Session>,
    rows: Vec<Row>,
}

impl Document {
    fn reference_label(&self, w: &Words) -> String {
        match (&self.since, self.columns.iter().find(|c| c.reference == self.reference)) {
            (Some(s), _) => {
                w.f("reference-since-day", &[("number", s.number.into()), ("date", (&w.date(&s.starts_at)).into())])
            }
            (None, Some(c)) => match c.reference {
                Reference::Joint => w.t("reference-joint"),
                Reference::Base => w.t("reference-base"),
                _ => w.f("reference-party", &[("party", (&c.title(w)).into())]),
            },
            (None, None) => "?".into(),
        }
    }

    /// One self-contained printable HTML file: landscape, a column per party, the changes marked so that
    /// they read in grey print too (underlined insertions, struck deletions), every text escaped.
    pub fn to_html(&self) -> String {
        document::html_page(&self.to_model(&Words::new(Lang::En)))
    }

    /// The comparison table as the one document model: a landscape table with a column per party whose
    /// header row repeats on every page, each text marked against the reference as formatting.
    pub fn to_model(&self, w: &Words) -> document::Document {
        let shown: Vec<usize> = self.with_text.iter().map(|&i| i as usize).collect();
        let para = |runs: Vec<Run>| vec![Block::Paragraph(runs)];
        let mut header = vec![para(vec![Run::strong(w.t("clause"))])];
        for c in shown.iter().map(|&i| &self.columns[i]) {
            let mut runs = vec![Run::strong(c.title(w))];
            if c.reference == self.reference {
                runs.push(Run::emphasis(format!(" ({})", w.t("is-reference"))));
            }
            header.push(para(runs));
        }
        let rows = self
            .rows
            .iter()
            .map(|row| {
                let status = w.name("status", row.status.as_str());
                let convergence = row
                    .convergence
                    .map(|c| format!(" · {}", w.f("convergence", &[("value", (&format!("{c:.2}")).into())])))
                    .unwrap_or_default();
                let mut cells = vec![vec![
                    Block::Paragraph(vec![Run::strong(row.reference.clone())]),
                    Block::paragraph(row.title.clone()),
                    Block::note(format!("{status}{convergence}")),
                ]];
                for (cell, column) in shown.iter().map(|&i| (&row.cells[i], &self.columns[i])) {
                    cells.push(cell.to_blocks(&column.label, w));
                }
                cells
            })
            .collect();
        let reference = self.reference_label(w);
        let mut intro =
            w.f("comparison-intro", &[("count", self.rows.len().into()), ("reference", (&reference).into())]);
        if let Some(lang) = self.texts_in {
            let language = w.name("language", lang.code());
            intro = format!("{intro} {}", w.f("comparison-texts-in", &[("language", (&language).into())]));
        }
        document::Document {
            title: self.negotiation.title.clone(),
            lang: w.lang(),
            landscape: true,
            changes_as_formatting: true,
            blocks: vec![Block::note(intro), Block::Table { header, rows }],
        }
    }

    /// CSV: one row per clause; for each column its text and its similarity to the reference. No cell
    /// can begin a formula ([`guard`]).
    pub fn to_csv(&self) -> Result<String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut header = vec!["ref".to_string(), "title".into(), "status".into(), "convergence".into()];
        for c in &self.columns {
            header.push(c.label.clone());
            header.push(format!("{} similarity", c.label));
        }
        w.write_record(header.iter().map(|h| guard(h))).map_err(csv_error)?;
        for row in &self.rows {
            let mut record = vec![
                row.reference.clone(),
                row.title.clone(),
                row.status.as_str().to_string(),
                row.convergence.map(|c| format!("{c:.3}")).unwrap_or_default(),
            ];
            for cell in &row.cells {
                record.push(cell.text.clone().unwrap_or_default());
                record.push(match (&cell.diff, cell.is_reference) {
                    (_, true) => "1.000".into(),
                    (Some(d), _) => format!("{:.3}", d.similarity),
                    _ => String::new(),
                });
            }
            w.write_record(record.iter().map(|r| guard(r))).map_err(csv_error)?;
        }
        let bytes = w.into_inner().map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
        String::from_utf8(bytes).map_err(|e| Error::Io(std::io::Error::other(e)))
    }
}

fn csv_error(e: csv::Error) -> Error {
    Error::Io(std::io::Error::other(e))
}
