//! Taking in what another party sends, into the negotiation under way: a position table or a Markdown
//! file whose clauses are matched to the existing ones by ref. The plan — what matches, what is new,
//! what the file does not have — is shown before anything is written; then all of it is written in one
//! transaction, or none of it.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::{ClauseSummary, Store, Who};
use crate::authentic::guess_language;
use crate::diff::{WordDiff, diff_words};
use crate::document::{self, Block, Document};
use crate::error::{Error, Result};
use crate::import::{MarkdownAgreement, PositionTable, WordDocument, parse_markdown_agreement};
use crate::message::Msg;
use crate::model::{Party, Track};
use crate::reader::Reader;
use crate::text::text_hash;
use crate::words::Lang;

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
    /// The version of it that document carried: what the party changed is shown against it.
    pub sent_version: Option<i64>,
}

/// What a party sent, read from its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub source_name: String,
    pub clauses: Vec<SubmittedClause>,
    /// A Word document's tracked changes, by author.
    pub revisions: Vec<Revisions>,
    /// The language its texts are in, where the agreement has several authentic texts: they are tabled
    /// as that language's, the others carried over. None: the language the texts are written in, by
    /// their letters, else the negotiation's first.
    pub lang: Option<Lang>,
}

/// One author's tracked changes in a Word document, and the organisation they are taken as.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revisions {
    pub author: String,
    pub insertions: u32,
    pub deletions: u32,
    /// The organisation whose changes these are: as recorded in this negotiation, else the one whose
    /// text the document is — recorded so when it is taken in.
    pub party_id: Option<i64>,
    /// Whether the author was recorded before: asked once per negotiation.
    pub recorded: bool,
}

/// An author of tracked changes, taken as one of the negotiation's organisations.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, serde::Deserialize, Serialize)]
pub struct AuthorParty {
    pub author: String,
    pub party_id: i64,
}

impl Submission {
    /// The language its texts are tabled as, where the agreement has several authentic texts (none
    /// where it has one): the one given, else the one its texts are written in, else the first.
    pub(crate) fn language(&self, authentic: &[Lang]) -> Option<Lang> {
        if authentic.len() < 2 {
            return None;
        }
        let written: String = self.clauses.iter().flat_map(|c| &c.texts).map(|(_, t)| t.as_str()).collect();
        self.lang.or_else(|| guess_language(&written, authentic)).or(authentic.first().copied())
    }

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
                    sent_version: None,
                }
            })
            .collect();
        Submission { source_name: source_name.into(), clauses, revisions: vec![], lang: None }
    }

    /// A party's Word document: its text with every tracked change accepted, a clause per heading, as
    /// a Markdown agreement is read.
    pub fn from_word(word: &WordDocument, party: &str, source_name: &str) -> Result<Self> {
        let mut blocks = document::accepted(&word.blocks);
        if let Some(title) = &word.title {
            blocks.insert(0, Block::heading(1, title.clone()));
        }
        // each heading's marker, in order: the Markdown reading makes a clause of every heading
        let markers: Vec<Option<(i64, Option<i64>)>> = blocks
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
                clause.marked_as = marker.map(|(clause, _)| clause);
                clause.sent_version = marker.and_then(|(_, version)| version);
            }
        }
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        submission.revisions = document::revisions(&word.blocks)
            .into_iter()
            .map(|(author, i, d)| Revisions {
                author,
                insertions: count(i),
                deletions: count(d),
                party_id: None,
                recorded: false,
            })
            .collect();
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
                sent_version: None,
            })
            .collect();
        Submission { source_name: source_name.into(), clauses, revisions: vec![], lang: None }
    }
}

/// The clause a marker Trilogue wrote names, and the version it carried: `clause-12-v57` (or
/// `clause_12_v57`, as a bookmark keeps it).
fn marked_clause(marker: &str) -> Option<(i64, Option<i64>)> {
    let rest = marker.strip_prefix("clause")?.trim_start_matches(['-', '_']);
    let mut parts = rest.split(['-', '_']);
    let clause = parts.next()?.parse().ok()?;
    let version = parts.next().and_then(|v| v.strip_prefix('v')).and_then(|v| v.parse().ok());
    Some((clause, version))
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
    /// What the party changed in the text Trilogue sent them, whether they tracked it or not: the
    /// version the document carried and the word diff from it. None when the document carried none,
    /// or they changed nothing.
    pub against_sent: Option<AgainstSent>,
}

/// A text as it came back, against the version we sent.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgainstSent {
    pub version_id: i64,
    pub diff: WordDiff,
}

/// How a clause of the submission was matched to one of the negotiation's.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The mark Trilogue put in a document it exported.
    Mark,
    /// The same ref.
    Ref,
    /// The same number under another word ("Статья 7" → "Art. 7").
    Number,
    /// The same title.
    Title,
    /// Nothing else matched anywhere in the file: its clauses are taken in order.
    Order,
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
    pub matched_by: Option<MatchedBy>,
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
    /// A Word document's tracked changes by author, with the organisation each is taken as.
    pub authors: Vec<Revisions>,
}

impl IntakePlan {
    /// Takes each author named in `chosen` as the organisation chosen for them.
    pub fn take_authors_as(&mut self, chosen: &[AuthorParty]) {
        for r in &mut self.authors {
            if let Some(c) = chosen.iter().find(|c| c.author == r.author) {
                r.party_id = Some(c.party_id);
            }
        }
    }
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
    /// Authors of tracked changes taken as an organisation other than the one whose text it is.
    #[serde(default)]
    pub authors: Vec<AuthorParty>,
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
            message: Box::new(Msg::NotAnOrganisation {
                label: label.to_string(),
                labels: labels.iter().map(|l| l.to_string()).collect(),
            }),
        }
    })
}

/// What taking `submission` into the negotiation would do, as `r` reads the record; nothing is written.
pub async fn plan_intake(r: &impl Reader, negotiation_id: i64, submission: &Submission) -> Result<IntakePlan> {
    let parties = r.parties(negotiation_id).await?;
    let existing = r.clause_summaries(negotiation_id).await?;
    let heads = r.head_hashes(negotiation_id).await?;
    let languages = r.negotiation(negotiation_id).await?.authentic();
    // where a version is a set of languages, its hash is the set's: the text is compared as read
    let single = languages.len() < 2;
    let lang = submission.language(&languages);
    let found = matches(&existing, &submission.clauses);
    let mut rows = Vec::with_capacity(submission.clauses.len());
    for (c, matched) in submission.clauses.iter().zip(&found) {
        let found = matched.map(|(i, _)| &existing[i]);
        let mut texts = Vec::with_capacity(c.texts.len());
        for (label, text) in &c.texts {
            let track = track_of(&parties, label, &submission.source_name)?;
            let head = found.and_then(|e| heads.get(&(e.clause_id, track)));
            let change = match head {
                None => IntakeChange::New,
                Some(h) if single && *h == text_hash(text) => IntakeChange::Same,
                Some(_) if reads_the_same(r, found, track, lang, text).await? => IntakeChange::Same,
                Some(_) => IntakeChange::Changed,
            };
            let against_sent = match (found, c.sent_version) {
                (Some(e), Some(v)) if change != IntakeChange::Same => against_sent(r, e.clause_id, v, text).await?,
                _ => None,
            };
            texts.push(IntakeText { label: label.clone(), track, change, against_sent });
        }
        rows.push(IntakeRow {
            line: c.line,
            reference: c.reference.clone(),
            title: c.title.clone(),
            clause_id: found.map(|e| e.clause_id),
            matched_by: matched.map(|(_, by)| by),
            matched_ref: found.filter(|e| ref_key(&e.reference) != ref_key(&c.reference)).map(|e| e.reference.clone()),
            texts,
        });
    }
    let matched_ids: HashSet<i64> = rows.iter().filter_map(|r| r.clause_id).collect();
    let missing = existing.into_iter().filter(|e| !matched_ids.contains(&e.clause_id)).collect();
    let tabled = rows.iter().flat_map(|r| &r.texts).filter(|t| t.change != IntakeChange::Same).count();
    let new_clauses = rows.iter().filter(|r| r.clause_id.is_none()).count();
    let authors = authors(r, negotiation_id, submission, &parties).await?;
    Ok(IntakePlan { rows, missing, tabled, new_clauses, authors })
}

/// The version the document carried, and what the text now says against it — when the version is
/// this clause's and the text differs.
async fn against_sent(r: &impl Reader, clause_id: i64, version_id: i64, text: &str) -> Result<Option<AgainstSent>> {
    let Ok(sent) = r.version(version_id).await else { return Ok(None) };
    if sent.clause_id != clause_id || sent.tabled_at.is_none() {
        return Ok(None);
    }
    let diff = diff_words(&sent.text, text);
    Ok((!diff.is_unchanged()).then_some(AgainstSent { version_id, diff }))
}

/// The submission's authors of tracked changes, each with the organisation recorded for them in this
/// negotiation, else the one whose text it is.
async fn authors(
    r: &impl Reader,
    negotiation_id: i64,
    submission: &Submission,
    parties: &[Party],
) -> Result<Vec<Revisions>> {
    if submission.revisions.is_empty() {
        return Ok(vec![]);
    }
    let recorded = r.revision_authors(negotiation_id).await?;
    let whose = submission_party(submission, parties);
    Ok(submission
        .revisions
        .iter()
        .map(|rev| {
            let known = recorded.get(&rev.author).copied();
            Revisions { party_id: known.or(whose), recorded: known.is_some(), ..rev.clone() }
        })
        .collect())
}

/// Whether `text` is the track's latest text written another way (lines wrapped elsewhere, another
/// list marker): the same document, so nothing is tabled and its initials stay valid. A text that went
/// through Word and back comes in so.
async fn reads_the_same(
    r: &impl Reader,
    clause: Option<&ClauseSummary>,
    track: Track,
    lang: Option<Lang>,
    text: &str,
) -> Result<bool> {
    let Some(clause) = clause else { return Ok(false) };
    let versions = r.versions(clause.clause_id).await?;
    let Some(head) = versions.iter().rev().find(|v| v.track == track && v.tabled_at.is_some()) else {
        return Ok(false);
    };
    let texts = r.version_texts(head.id).await?;
    let head_text = match lang {
        Some(lang) => texts.iter().find(|t| t.lang == lang).map_or("", |t| t.text.as_str()),
        None => head.text.as_str(),
    };
    Ok(document::parse(head_text) == document::parse(text))
}

impl Store {
    /// Takes the submission in: new clauses added at the end, every new or changed text tabled with its
    /// provenance — all in one transaction, so a refusal anywhere writes nothing.
    pub async fn take_in(
        &self,
        negotiation_id: i64,
        submission: &Submission,
        provenance: &Provenance,
        who: &Who,
    ) -> Result<IntakePlan> {
        let plan = plan_intake(self, negotiation_id, submission).await?;
        let languages = self.negotiation(negotiation_id).await?.authentic();
        let parties = self.parties(negotiation_id).await?;
        let mut tx = self.begin().await?;
        let plan =
            crate::record::take_in(&mut *tx, (negotiation_id, &parties, &languages), submission, plan, provenance, who)
                .await?;
        tx.commit().await?;
        Ok(plan)
    }
}

/// Each submitted clause's match among the existing ones (by index) and how it was found: by
/// Trilogue's mark, by ref, by number, by title; and when none of the file's clauses matches any of
/// these ways, in order. An existing clause is matched once.
fn matches(existing: &[ClauseSummary], submitted: &[SubmittedClause]) -> Vec<Option<(usize, MatchedBy)>> {
    let by_ref: HashMap<String, usize> = existing.iter().enumerate().map(|(i, e)| (ref_key(&e.reference), i)).collect();
    // a number or a title that only one clause has
    let unique = |key: &dyn Fn(&ClauseSummary) -> Option<String>| {
        let mut found: HashMap<String, Option<usize>> = HashMap::new();
        for (i, e) in existing.iter().enumerate() {
            if let Some(k) = key(e) {
                found.entry(k).and_modify(|f| *f = None).or_insert(Some(i));
            }
        }
        found
    };
    let by_number = unique(&|e| number_key(&e.reference));
    let by_title = unique(&|e| Some(ref_key(&e.title)).filter(|t| !t.is_empty()));
    let mut taken = HashSet::new();
    let mut out: Vec<Option<(usize, MatchedBy)>> = submitted
        .iter()
        .map(|c| {
            // a heading without a number of its own was given its place (`#3`) as a ref: not a number
            let number = Some(&c.reference).filter(|r| !r.starts_with('#')).and_then(|r| number_key(r));
            let ways = [
                (c.marked_as.and_then(|id| existing.iter().position(|e| e.clause_id == id)), MatchedBy::Mark),
                (by_ref.get(&ref_key(&c.reference)).copied(), MatchedBy::Ref),
                (number.and_then(|n| by_number.get(&n).copied().flatten()), MatchedBy::Number),
                (by_title.get(&ref_key(&c.title)).copied().flatten(), MatchedBy::Title),
            ];
            let found = ways.into_iter().find_map(|(i, by)| i.filter(|i| !taken.contains(i)).map(|i| (i, by)));
            if let Some((i, _)) = found {
                taken.insert(i);
            }
            found
        })
        .collect();
    if out.iter().all(Option::is_none) {
        for (i, m) in out.iter_mut().enumerate().take(existing.len()) {
            *m = Some((i, MatchedBy::Order));
        }
    }
    out
}

/// The organisation whose text a submission is, when it is one organisation's.
fn submission_party(submission: &Submission, parties: &[Party]) -> Option<i64> {
    let label = submission.clauses.iter().flat_map(|c| &c.texts).map(|(label, _)| label).next()?;
    parties.iter().find(|p| p.label.eq_ignore_ascii_case(label.trim())).map(|p| p.id)
}

/// A refusal while writing, placed at the line of the file it came from.
pub(crate) fn at_line(e: Error, submission: &Submission, line: u64) -> Error {
    e.at_line(&submission.source_name, line)
}
