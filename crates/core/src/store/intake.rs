//! Taking in what another party sends, into the negotiation under way: a position table or a Markdown
//! file whose clauses are matched to the existing ones by ref. The plan — what matches, what is new,
//! what the file does not have — is shown before anything is written; then all of it is written in one
//! transaction, or none of it.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::{ClauseSummary, NewClause, NewVersion, Store, Who, clauses, versions};
use crate::document::{self, Block, Document};
use crate::error::{Error, Result};
use crate::import::{MarkdownAgreement, PositionTable, WordDocument, parse_markdown_agreement};
use crate::model::{Party, Track};
use crate::text::text_hash;

/// One clause of what was sent: its ref and title, and a text for each track named (a party's label or
/// `joint`).
#[derive(Debug, Clone, PartialEq)]
pub struct SubmittedClause {
    pub line: u64,
    pub reference: String,
    pub title: String,
    pub section: String,
    pub texts: Vec<(String, String)>,
    /// The clause Trilogue marked this one as, in a document it exported: matched first, whatever
    /// its heading now says.
    pub marked_as: Option<i64>,
}

/// What a party sent, read from its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub source_name: String,
    pub clauses: Vec<SubmittedClause>,
}

impl Submission {
    /// A position table: each party column's non-empty cell is that party's text, `joint` the joint's.
    pub fn from_table(table: &PositionTable, source_name: &str) -> Self {
        let clauses = table
            .rows
            .iter()
            .map(|r| {
                let mut texts: Vec<(String, String)> = table
                    .parties
                    .iter()
                    .zip(&r.positions)
                    .filter(|(_, t)| !t.trim().is_empty())
                    .map(|(p, t)| (p.clone(), t.clone()))
                    .collect();
                if !r.joint.trim().is_empty() {
                    texts.push(("joint".into(), r.joint.clone()));
                }
                SubmittedClause {
                    line: r.line,
                    reference: r.reference.clone(),
                    title: r.title.clone(),
                    section: String::new(),
                    texts,
                    marked_as: None,
                }
            })
            .collect();
        Submission { source_name: source_name.into(), clauses }
    }

    /// A party's Word document: its text with every tracked change accepted, a clause per heading, as
    /// a Markdown agreement is read.
    pub fn from_word(word: &WordDocument, party: &str, source_name: &str) -> Result<Self> {
        let mut blocks = document::accepted(&word.blocks);
        if let Some(title) = &word.title {
            blocks.insert(0, Block::heading(1, title.clone()));
        }
        // each heading's marker, in order: the Markdown reading makes a clause of every heading
        let markers: Vec<Option<i64>> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, marker, .. } if *level > 1 || word.title.is_none() => {
                    Some(marker.as_deref().and_then(marked_clause))
                }
                _ => None,
            })
            .collect();
        let markdown = document::to_markdown(&Document { blocks, ..Document::default() });
        let mut submission =
            Submission::from_markdown(&parse_markdown_agreement(&markdown, source_name)?, party, source_name);
        // the text above the first heading, if any, is a preamble of its own, without a heading
        let headed = match submission.clauses.first() {
            Some(c) if c.line == 1 && c.reference == "Preamble" => &mut submission.clauses[1..],
            _ => &mut submission.clauses[..],
        };
        if headed.len() == markers.len() {
            for (clause, marker) in headed.iter_mut().zip(markers) {
                clause.marked_as = marker;
            }
        }
        Ok(submission)
    }

    /// A party's text of the agreement in Markdown: each clause's text is that party's.
    pub fn from_markdown(agreement: &MarkdownAgreement, party: &str, source_name: &str) -> Self {
        let clauses = agreement
            .clauses
            .iter()
            .zip(&agreement.lines)
            .map(|(c, line)| SubmittedClause {
                line: *line,
                reference: c.reference.clone(),
                title: c.title.clone(),
                section: c.section.clone(),
                texts: c.status_quo.iter().map(|t| (party.to_string(), t.clone())).collect(),
                marked_as: None,
            })
            .collect();
        Submission { source_name: source_name.into(), clauses }
    }
}

/// The clause a marker Trilogue wrote names: `clause-12-v57` (or `clause_12_v57`, as a bookmark keeps it).
fn marked_clause(marker: &str) -> Option<i64> {
    let rest = marker.strip_prefix("clause")?.trim_start_matches(['-', '_']);
    rest.split(['-', '_']).next()?.parse().ok()
}

/// Where a text of the submission stands against the record.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IntakeChange {
    /// The track has no text yet.
    New,
    /// The track's latest text is another.
    Changed,
    /// The same text is already there: nothing is written.
    Same,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IntakeText {
    pub label: String,
    pub track: Track,
    pub change: IntakeChange,
}

/// A clause of the submission and where it goes: an existing clause (matched by ref), or a new one.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IntakeRow {
    pub line: u64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    /// The clause it matches; none when it is new.
    pub clause_id: Option<i64>,
    /// The existing clause's ref when it matched by number under another word ("Статья 7" → "Art. 7").
    pub matched_ref: Option<String>,
    pub texts: Vec<IntakeText>,
}

/// What taking the submission in does: shown before, reported after.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IntakePlan {
    pub rows: Vec<IntakeRow>,
    /// The negotiation's clauses the file does not have: left as they are.
    pub missing: Vec<ClauseSummary>,
    /// How many texts are (or were) tabled.
    pub tabled: usize,
    pub new_clauses: usize,
}

/// Where the texts came from: when received, in which session, the sender's reference, the sender.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, Serialize)]
pub struct Provenance {
    #[serde(default)]
    pub received: Option<String>,
    #[serde(default)]
    pub session_id: Option<i64>,
    #[serde(default)]
    pub letter_ref: String,
    #[serde(default)]
    pub sent_by: Option<i64>,
}

/// A ref as compared: case and spacing aside.
fn ref_key(r: &str) -> String {
    r.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A ref's number alone ("Статья 7.2" → "7.2"), to match a ref written with another word.
fn number_key(r: &str) -> Option<String> {
    let digits: String = r.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
    let digits = digits.trim_matches('.');
    (!digits.is_empty()).then(|| digits.to_string())
}

/// Resolves a track label against the negotiation's organisations.
fn track_of(parties: &[Party], label: &str, source: &str) -> Result<Track> {
    if label.trim().eq_ignore_ascii_case("joint") {
        return Ok(Track::Joint);
    }
    parties.iter().find(|p| p.label.eq_ignore_ascii_case(label.trim())).map(|p| Track::Party(p.id)).ok_or_else(|| {
        let labels: Vec<&str> = parties.iter().map(|p| p.label.as_str()).collect();
        Error::Import {
            source_name: source.into(),
            line: 1,
            column: None,
            message: format!(
                "'{label}' is not an organisation of this negotiation (its organisations: {}; or joint)",
                labels.join(", ")
            ),
        }
    })
}

impl Store {
    /// What taking `submission` into the negotiation would do; nothing is written.
    pub async fn plan_intake(&self, negotiation_id: i64, submission: &Submission) -> Result<IntakePlan> {
        let parties = self.parties(negotiation_id).await?;
        let existing = self.clause_summaries(negotiation_id).await?;
        let heads = self.head_hashes(negotiation_id).await?;
        // the existing clauses by their ref, and by their number where only one has it
        let by_ref: HashMap<String, &ClauseSummary> = existing.iter().map(|e| (ref_key(&e.reference), e)).collect();
        let mut by_number: HashMap<String, Option<&ClauseSummary>> = HashMap::new();
        for e in &existing {
            if let Some(n) = number_key(&e.reference) {
                by_number.entry(n).and_modify(|found| *found = None).or_insert(Some(e));
            }
        }
        let mut rows = Vec::with_capacity(submission.clauses.len());
        let mut matched_ids = HashSet::new();
        for c in &submission.clauses {
            let marked = c.marked_as.and_then(|id| existing.iter().find(|e| e.clause_id == id));
            let exact = || by_ref.get(&ref_key(&c.reference)).copied();
            let by_number = || by_number.get(&number_key(&c.reference)?).copied().flatten();
            let found = marked.or_else(exact).or_else(by_number).filter(|e| !matched_ids.contains(&e.clause_id));
            if let Some(e) = found {
                matched_ids.insert(e.clause_id);
            }
            let mut texts = Vec::with_capacity(c.texts.len());
            for (label, text) in &c.texts {
                let track = track_of(&parties, label, &submission.source_name)?;
                let head = found.and_then(|e| heads.get(&(e.clause_id, track)));
                let change = match head {
                    None => IntakeChange::New,
                    Some(h) if *h == text_hash(text) => IntakeChange::Same,
                    Some(_) if self.reads_the_same(found, track, text).await? => IntakeChange::Same,
                    Some(_) => IntakeChange::Changed,
                };
                texts.push(IntakeText { label: label.clone(), track, change });
            }
            rows.push(IntakeRow {
                line: c.line,
                reference: c.reference.clone(),
                title: c.title.clone(),
                clause_id: found.map(|e| e.clause_id),
                matched_ref: found
                    .filter(|e| ref_key(&e.reference) != ref_key(&c.reference))
                    .map(|e| e.reference.clone()),
                texts,
            });
        }
        let missing = existing.into_iter().filter(|e| !matched_ids.contains(&e.clause_id)).collect();
        let tabled = rows.iter().flat_map(|r| &r.texts).filter(|t| t.change != IntakeChange::Same).count();
        let new_clauses = rows.iter().filter(|r| r.clause_id.is_none()).count();
        Ok(IntakePlan { rows, missing, tabled, new_clauses })
    }

    /// Whether `text` is the track's latest text written another way (lines wrapped elsewhere, another
    /// list marker): the same document, so nothing is tabled and its initials stay valid. A text that
    /// went through Word and back comes in so.
    async fn reads_the_same(&self, clause: Option<&ClauseSummary>, track: Track, text: &str) -> Result<bool> {
        let Some(clause) = clause else { return Ok(false) };
        let versions = self.versions(clause.clause_id).await?;
        let head = versions.iter().rev().find(|v| v.track == track && v.tabled_at.is_some());
        Ok(head.is_some_and(|v| document::parse(&v.text) == document::parse(text)))
    }

    /// Takes the submission in: new clauses added at the end, every new or changed text tabled with its
    /// provenance — all in one transaction, so a refusal anywhere writes nothing.
    pub async fn take_in(
        &self,
        negotiation_id: i64,
        submission: &Submission,
        provenance: &Provenance,
        who: &Who,
    ) -> Result<IntakePlan> {
        let plan = self.plan_intake(negotiation_id, submission).await?;
        let mut tx = self.begin().await?;
        for (row, sent) in plan.rows.iter().zip(&submission.clauses) {
            let clause_id = match row.clause_id {
                Some(id) => id,
                None => {
                    let new = NewClause {
                        reference: sent.reference.clone(),
                        title: sent.title.clone(),
                        status_quo: None,
                        topics: vec![],
                        section: sent.section.clone(),
                    };
                    clauses::insert(&mut tx, negotiation_id, &new, who)
                        .await
                        .map_err(|e| at_line(e, submission, row.line))?
                }
            };
            for (t, (_, text)) in row.texts.iter().zip(&sent.texts) {
                if t.change == IntakeChange::Same {
                    continue;
                }
                let new = NewVersion {
                    received: provenance.received.clone(),
                    sent_by: provenance.sent_by,
                    letter_ref: provenance.letter_ref.clone(),
                    ..NewVersion::tabled(t.track, text.clone(), provenance.session_id)
                };
                versions::insert(&mut tx, clause_id, &new, who).await.map_err(|e| at_line(e, submission, row.line))?;
            }
        }
        tx.commit().await?;
        Ok(plan)
    }
}

/// A refusal while writing, placed at the line of the file it came from.
fn at_line(e: Error, submission: &Submission, line: u64) -> Error {
    match e {
        Error::Import { .. } | Error::Document { .. } | Error::Database(_) | Error::Disk(_) | Error::Io(_) => e,
        other => Error::Import {
            source_name: submission.source_name.clone(),
            line,
            column: None,
            message: other.to_string(),
        },
    }
}
