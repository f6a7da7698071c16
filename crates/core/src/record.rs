//! The record's rules, written once for every backend. A backend — a workbench file (SQLite, `store`)
//! or a shared record on a server (PostgreSQL, the `trilogue-pg` crate) — provides a write transaction
//! as a [`Tx`]: small reads and writes, each one compile-checked query in its own dialect, and nothing
//! else. What a change means (what is checked first, what the journal says, which status a clause moves
//! to, whose initials a new joint text voids) is decided here, over any `Tx`.

mod clauses;
mod imports;
mod intake;
mod library;
mod sessions;
mod settlement;

use std::future::Future;

use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::authentic::{LangText, languages_text, needs_revision, set_hash};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{ClauseStatus, ClosingRule, Further, NegotiationStatus, Priority, Role, Side, Track, Wording};
use crate::store::{
    NewApproval, NewClause, NewCommitment, NewNegotiation, NewParty, NewSession, NewVersion, StatusChange, Who,
    agreed_hash, check_day, check_protocol_entry, check_transition, missing_consent, tabled_stamp,
};
use crate::text::{check_size, hex};
use crate::words::Lang;

pub use clauses::{add_reservation, edit_clause};
pub use imports::{import_clauses, import_table};
pub use intake::take_in;
pub use library::{Model, add_clause_from_library, library_draft, model_in};
pub use sessions::{add_delegate, add_session, edit_delegate, set_attendees, set_minutes};
pub use settlement::{add_commitment, commitment_done, record_approval, set_negotiation_status};

/// The hash the first entry of a journal chains to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of a journal entry: its predecessor's hash and its own fields, each length-prefixed so that
/// no two different entries can run together into the same bytes.
pub fn event_hash(prev: &str, negotiation_id: i64, clause_id: Option<i64>, fields: [&str; 5]) -> String {
    let mut h = Sha256::new();
    let (negotiation, clause) = (negotiation_id.to_string(), clause_id.map(|c| c.to_string()).unwrap_or_default());
    for part in [prev, &negotiation, &clause].into_iter().chain(fields) {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    hex(&h.finalize())
}

/// A journal entry about to be written, its hash made.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub negotiation_id: i64,
    pub clause_id: Option<i64>,
    pub kind: &'a str,
    pub actor: &'a str,
    pub at: &'a str,
    pub reason: &'a str,
    pub detail: &'a str,
    pub prev_hash: &'a str,
    pub hash: &'a str,
    /// Read only by the writer's side (a draft's entry); every side reads the others.
    pub private: bool,
}

/// A negotiation about to be written, checked.
#[derive(Debug, Clone)]
pub struct NegotiationRow<'a> {
    pub title: &'a str,
    pub level: &'a str,
    pub tripartite: bool,
    pub starts_on: Option<&'a str>,
    pub ends_on: Option<&'a str>,
    pub created_at: &'a str,
    pub closing_rule: &'a str,
    pub languages: &'a str,
}

/// A version about to be written, checked and hashed.
#[derive(Debug, Clone)]
pub struct VersionRow<'a> {
    pub clause_id: i64,
    pub party_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub text: &'a str,
    pub hash: &'a str,
    pub author: &'a str,
    pub created_at: &'a str,
    pub rationale: &'a str,
    pub tabled_at: Option<&'a str>,
    pub session_id: Option<i64>,
    pub sent_by: Option<i64>,
    pub letter_ref: &'a str,
    pub needs_revision: &'a str,
}

/// The newest version on a track: what a new one follows.
#[derive(Debug, Clone)]
pub struct Head {
    pub id: i64,
    pub hash: String,
    pub needs_revision: Vec<Lang>,
}

/// A party of a negotiation as the rules on sides see it.
#[derive(Debug, Clone)]
pub struct PartySide {
    pub id: i64,
    pub side: Option<Side>,
    pub label: String,
}

/// A version as initialing sees it.
#[derive(Debug, Clone)]
pub struct Initialing {
    pub hash: String,
    pub tabled: bool,
    pub needs_revision: Vec<Lang>,
}

/// An initial about to be written.
#[derive(Debug, Clone)]
pub struct InitialRow<'a> {
    pub clause_id: i64,
    pub party_id: i64,
    pub version_id: i64,
    pub hash: &'a str,
    pub initialed_by: &'a str,
    pub initialed_at: &'a str,
    pub session_id: Option<i64>,
}

/// A version as tabling sees it.
#[derive(Debug, Clone)]
pub struct Tabling {
    pub negotiation_id: i64,
    pub clause_id: i64,
    pub party_id: Option<i64>,
    pub hash: String,
    pub tabled_at: Option<String>,
}

/// A clause of a whole-file import, written with the others in one statement.
#[derive(Debug, Clone, Serialize)]
pub struct ImportedClause<'a> {
    pub reference: &'a str,
    pub title: &'a str,
    pub status: &'a str,
    pub status_quo: Option<&'a str>,
}

/// A tabled text of a whole-file import: a cell of a position table on its track.
#[derive(Debug, Clone, Serialize)]
pub struct ImportedText<'a> {
    pub clause_id: i64,
    pub party_id: Option<i64>,
    pub text: &'a str,
    pub hash: String,
}

/// A clause's names as editing sees them.
#[derive(Debug, Clone)]
pub struct ClauseNames {
    pub negotiation_id: i64,
    pub reference: String,
    pub title: String,
    pub section: String,
}

/// A commitment as marking it done sees it.
#[derive(Debug, Clone)]
pub struct Unfinished {
    pub negotiation_id: i64,
    pub clause_id: Option<i64>,
    pub text: String,
    pub done_on: Option<String>,
}

/// A delegate as editing sees them.
#[derive(Debug, Clone)]
pub struct DelegateBefore {
    pub negotiation_id: i64,
    pub name: String,
    pub role: String,
    pub retired: bool,
}

/// A write transaction of a backend: the reads and writes the rules are made of. Each runs inside the
/// transaction, which the caller commits.
pub trait Tx: Send {
    /// Holds the negotiation's write lock to the end of the transaction: two changes to one negotiation
    /// never interleave (its journal, clause order and session numbers).
    fn lock(&mut self, negotiation_id: i64) -> impl Future<Output = Result<()>> + Send;
    /// The hash of the negotiation's newest journal entry, even one the writer may not read.
    fn chain_head(&mut self, negotiation_id: i64) -> impl Future<Output = Result<Option<String>>> + Send;
    fn insert_event(&mut self, e: &NewEvent<'_>) -> impl Future<Output = Result<i64>> + Send;

    fn insert_negotiation(&mut self, n: &NegotiationRow<'_>) -> impl Future<Output = Result<i64>> + Send;
    fn languages(&mut self, negotiation_id: i64) -> impl Future<Output = Result<Vec<Lang>>> + Send;
    /// A party with this label (compared without case), if the negotiation has one.
    fn party_labelled(&mut self, negotiation_id: i64, label: &str) -> impl Future<Output = Result<Option<i64>>> + Send;
    /// Whether the party sits in the negotiation.
    fn party_in(&mut self, negotiation_id: i64, party_id: i64) -> impl Future<Output = Result<bool>> + Send;
    /// Adds a party last in the negotiation's order.
    fn insert_party(
        &mut self,
        negotiation_id: i64,
        p: &NewParty,
        label: &str,
        colour: &str,
    ) -> impl Future<Output = Result<i64>> + Send;

    /// Adds parties in this order, each named by its label (`(label, colour)`); their ids in order.
    fn insert_parties(
        &mut self,
        negotiation_id: i64,
        parties: &[(&str, String)],
    ) -> impl Future<Output = Result<Vec<i64>>> + Send;
    /// Adds clauses in this order at positions 1, 2, …; their ids in order.
    fn insert_clauses(
        &mut self,
        negotiation_id: i64,
        clauses: &[ImportedClause<'_>],
        at: &str,
    ) -> impl Future<Output = Result<Vec<i64>>> + Send;
    /// Adds texts tabled as they are written, each by `author` with the same rationale; how many.
    fn insert_tabled(
        &mut self,
        texts: &[ImportedText<'_>],
        author: &str,
        at: &str,
        rationale: &str,
    ) -> impl Future<Output = Result<u64>> + Send;

    /// A clause's negotiation and status.
    fn clause(&mut self, clause_id: i64) -> impl Future<Output = Result<Option<(i64, ClauseStatus)>>> + Send;
    fn clause_with_ref(
        &mut self,
        negotiation_id: i64,
        reference: &str,
    ) -> impl Future<Output = Result<Option<i64>>> + Send;
    /// Adds a clause last in the negotiation's order.
    fn insert_clause(
        &mut self,
        negotiation_id: i64,
        new: &NewClause,
        reference: &str,
        section: &str,
        at: &str,
    ) -> impl Future<Output = Result<i64>> + Send;
    fn add_topic(&mut self, clause_id: i64, topic: &str) -> impl Future<Output = Result<()>> + Send;
    fn set_clause_status(&mut self, clause_id: i64, to: ClauseStatus) -> impl Future<Output = Result<()>> + Send;
    /// Moves the negotiation from `from` to `to` if it stands at `from`; whether it moved.
    fn move_negotiation(
        &mut self,
        negotiation_id: i64,
        from: NegotiationStatus,
        to: NegotiationStatus,
    ) -> impl Future<Output = Result<bool>> + Send;

    fn session_in(&mut self, negotiation_id: i64, session_id: i64) -> impl Future<Output = Result<bool>> + Send;
    /// The newest version on a track that the writer may read.
    fn track_head(
        &mut self,
        clause_id: i64,
        party_id: Option<i64>,
    ) -> impl Future<Output = Result<Option<Head>>> + Send;
    /// A version's texts, one per language it has, in the order of `languages`.
    fn version_set(
        &mut self,
        version_id: i64,
        languages: &[Lang],
    ) -> impl Future<Output = Result<Vec<LangText>>> + Send;
    fn insert_version(&mut self, v: &VersionRow<'_>) -> impl Future<Output = Result<i64>> + Send;
    fn insert_version_text(
        &mut self,
        version_id: i64,
        lang: Lang,
        text: &str,
    ) -> impl Future<Output = Result<()>> + Send;
    /// A version to table: its clause, negotiation, track, hash and when it was tabled, if it was.
    fn version_to_table(&mut self, version_id: i64) -> impl Future<Output = Result<Option<Tabling>>> + Send;
    fn set_tabled(
        &mut self,
        version_id: i64,
        at: &str,
        session_id: Option<i64>,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Voids the clause's standing initials on any text but `hash`; how many.
    fn void_initials(
        &mut self,
        clause_id: i64,
        version_id: i64,
        hash: &str,
        at: &str,
    ) -> impl Future<Output = Result<u64>> + Send;

    /// The negotiation's parties in order: (id, side, label).
    fn parties(&mut self, negotiation_id: i64) -> impl Future<Output = Result<Vec<PartySide>>> + Send;
    fn closing_rule(&mut self, negotiation_id: i64) -> impl Future<Output = Result<ClosingRule>> + Send;
    /// The clause's initials not voided: (party, hash).
    fn standing_initials(&mut self, clause_id: i64) -> impl Future<Output = Result<Vec<(i64, String)>>> + Send;
    /// One party's initial on the clause not voided: (id, hash).
    fn party_initial(
        &mut self,
        clause_id: i64,
        party_id: i64,
    ) -> impl Future<Output = Result<Option<(i64, String)>>> + Send;
    /// Each party's latest tabled text on the clause, by party.
    fn wordings(&mut self, clause_id: i64) -> impl Future<Output = Result<Vec<Wording>>> + Send;
    fn insert_protocol_entry(
        &mut self,
        clause_id: i64,
        further: Further,
        reason: &str,
        wordings: &str,
        who: &Who,
    ) -> impl Future<Output = Result<i64>> + Send;
    /// A version of the clause as initialing sees it.
    fn version_to_initial(
        &mut self,
        version_id: i64,
        clause_id: i64,
    ) -> impl Future<Output = Result<Option<Initialing>>> + Send;
    /// The name of a delegate who may initial for the party: of its delegation or, for a coalition,
    /// of its side's; none if there is no such delegate still in office.
    fn delegate_for(
        &mut self,
        delegate_id: i64,
        party_id: i64,
        negotiation_id: i64,
    ) -> impl Future<Output = Result<Option<String>>> + Send;
    /// Who initials for a party when nobody is named: its side's coordinator, else its spokesperson.
    fn signatory(&mut self, party_id: i64, negotiation_id: i64) -> impl Future<Output = Result<Option<String>>> + Send;
    fn void_initial(&mut self, initial_id: i64, at: &str, version_id: i64) -> impl Future<Output = Result<()>> + Send;
    fn insert_initial(&mut self, i: &InitialRow<'_>) -> impl Future<Output = Result<()>> + Send;

    fn clause_names(&mut self, clause_id: i64) -> impl Future<Output = Result<Option<ClauseNames>>> + Send;
    fn set_clause_names(
        &mut self,
        clause_id: i64,
        reference: &str,
        title: &str,
        section: &str,
    ) -> impl Future<Output = Result<()>> + Send;
    /// A clause's topics, in order.
    fn topics(&mut self, clause_id: i64) -> impl Future<Output = Result<Vec<String>>> + Send;
    fn clear_topics(&mut self, clause_id: i64) -> impl Future<Output = Result<()>> + Send;
    /// The codes of the standards a clause is linked to, in order.
    fn standard_codes(&mut self, clause_id: i64) -> impl Future<Output = Result<Vec<String>>> + Send;
    fn clear_standards(&mut self, clause_id: i64) -> impl Future<Output = Result<()>> + Send;
    /// Links a clause to the standard with this code; whether there is such a standard.
    fn link_standard(&mut self, clause_id: i64, code: &str) -> impl Future<Output = Result<bool>> + Send;
    /// The negotiation's clauses in order.
    fn clause_order(&mut self, negotiation_id: i64) -> impl Future<Output = Result<Vec<i64>>> + Send;
    /// Numbers the clauses 1, 2, … in this order.
    fn set_positions(&mut self, order: &[i64]) -> impl Future<Output = Result<()>> + Send;
    fn insert_reservation(
        &mut self,
        clause_id: i64,
        party_id: i64,
        text: &str,
        by: &str,
        at: &str,
    ) -> impl Future<Output = Result<i64>> + Send;

    fn negotiation_status(
        &mut self,
        negotiation_id: i64,
    ) -> impl Future<Output = Result<Option<NegotiationStatus>>> + Send;
    /// The negotiation's clauses' statuses by ref, in order.
    fn clause_statuses(
        &mut self,
        negotiation_id: i64,
    ) -> impl Future<Output = Result<Vec<(String, ClauseStatus)>>> + Send;
    /// The votes recorded since the agreement last reached a tentative settlement, signing and
    /// registration aside: (approved, rejected). Read from the journal, whose order is the order
    /// things happened in.
    fn votes_since_settlement(&mut self, negotiation_id: i64) -> impl Future<Output = Result<(i64, i64)>> + Send;
    fn insert_approval(
        &mut self,
        negotiation_id: i64,
        new: &NewApproval,
        body: &str,
        by: &str,
        at: &str,
    ) -> impl Future<Output = Result<i64>> + Send;
    /// Adds a commitment, its `(text, responsible)` trimmed.
    fn insert_commitment(
        &mut self,
        negotiation_id: i64,
        new: &NewCommitment,
        words: (&str, &str),
        by: &str,
        at: &str,
    ) -> impl Future<Output = Result<i64>> + Send;
    fn commitment_to_finish(&mut self, commitment_id: i64) -> impl Future<Output = Result<Option<Unfinished>>> + Send;
    fn set_commitment_done(&mut self, commitment_id: i64, done_on: &str) -> impl Future<Output = Result<()>> + Send;

    /// Records `author` (of tracked changes) as `party_id`'s in the negotiation, or records them anew.
    fn record_revision_author(
        &mut self,
        negotiation_id: i64,
        author: &str,
        party_id: i64,
        by: &str,
        at: &str,
    ) -> impl Future<Output = Result<()>> + Send;

    fn insert_session(
        &mut self,
        negotiation_id: i64,
        new: &NewSession,
    ) -> impl Future<Output = Result<(i64, i64)>> + Send;
    /// A session's negotiation and number.
    fn session_of(&mut self, session_id: i64) -> impl Future<Output = Result<Option<(i64, i64)>>> + Send;
    fn set_session_minutes(&mut self, session_id: i64, minutes: &str) -> impl Future<Output = Result<()>> + Send;
    /// How many of `delegates` are not delegates of the negotiation.
    fn delegates_outside(&mut self, negotiation_id: i64, delegates: &[i64])
    -> impl Future<Output = Result<i64>> + Send;
    /// Which of `clauses` are not clauses of the negotiation.
    fn clauses_outside(
        &mut self,
        negotiation_id: i64,
        clauses: &[i64],
    ) -> impl Future<Output = Result<Vec<i64>>> + Send;
    /// Replaces who a session's attendance records.
    fn set_attendees(&mut self, session_id: i64, delegates: &[i64]) -> impl Future<Output = Result<()>> + Send;
    /// Puts clauses on a new session's agenda, in this order.
    fn set_agenda(&mut self, session_id: i64, clauses: &[i64]) -> impl Future<Output = Result<()>> + Send;
    fn negotiation_of_party(&mut self, party_id: i64) -> impl Future<Output = Result<Option<i64>>> + Send;
    fn insert_delegate(&mut self, party_id: i64, name: &str, role: Role) -> impl Future<Output = Result<i64>> + Send;
    fn delegate_to_edit(&mut self, delegate_id: i64) -> impl Future<Output = Result<Option<DelegateBefore>>> + Send;
    fn update_delegate(
        &mut self,
        delegate_id: i64,
        name: &str,
        role: Role,
        retired_at: Option<&str>,
    ) -> impl Future<Output = Result<()>> + Send;

    fn insert_note(
        &mut self,
        clause_id: i64,
        priority: Priority,
        red_line: &str,
        reasoning: &str,
        who: &Who,
        at: &str,
    ) -> impl Future<Output = Result<i64>> + Send;
}

/// Appends a journal entry, chained to the negotiation's newest.
pub async fn append(
    tx: &mut impl Tx,
    negotiation_id: i64,
    clause_id: Option<i64>,
    kind: &str,
    who: &Who,
    reason: &str,
    detail: Value,
) -> Result<i64> {
    let prev = tx.chain_head(negotiation_id).await?.unwrap_or_else(|| GENESIS.to_string());
    let at = who.stamp();
    let detail = detail.to_string();
    let hash = event_hash(&prev, negotiation_id, clause_id, [kind, &who.name, &at, reason, &detail]);
    let private = PRIVATE_EVENTS.contains(&kind);
    let event = NewEvent {
        negotiation_id,
        clause_id,
        kind,
        actor: &who.name,
        at: &at,
        reason,
        detail: &detail,
        prev_hash: &prev,
        hash: &hash,
        private,
    };
    tx.insert_event(&event).await
}

/// The journal entries only the writer's side reads: a draft's.
pub const PRIVATE_EVENTS: [&str; 1] = ["draft_saved"];

/// Creates a negotiation and its parties; returns its id.
pub async fn create_negotiation(
    tx: &mut impl Tx,
    new: &NewNegotiation,
    parties: &[NewParty],
    who: &Who,
) -> Result<i64> {
    let title = new.title.trim();
    if title.is_empty() {
        return Err(Error::Invalid(Msg::NegotiationNeedsTitle));
    }
    for day in [&new.starts_on, &new.ends_on].into_iter().flatten() {
        check_day(day)?;
    }
    let languages = crate::store::languages_text(&new.languages)?;
    let at = who.stamp();
    let row = NegotiationRow {
        title,
        level: new.level.as_str(),
        tripartite: new.tripartite,
        starts_on: new.starts_on.as_deref(),
        ends_on: new.ends_on.as_deref(),
        created_at: &at,
        closing_rule: new.closing_rule.as_str(),
        languages: &languages,
    };
    let id = tx.insert_negotiation(&row).await?;
    tx.lock(id).await?;
    append(tx, id, None, "negotiation_created", who, "", json!({ "title": title })).await?;
    for p in parties {
        add_party(tx, id, p, who).await?;
    }
    Ok(id)
}

/// Adds an organisation to a side of a negotiation, last in order.
pub async fn add_party(tx: &mut impl Tx, negotiation_id: i64, p: &NewParty, who: &Who) -> Result<i64> {
    let label = p.label.trim();
    if label.is_empty() || label.eq_ignore_ascii_case("joint") {
        return Err(Error::Invalid(Msg::LabelNotAllowed { label: label.to_string() }));
    }
    if p.name.trim().is_empty() {
        return Err(Error::Invalid(Msg::OrganisationNeedsName { label: label.to_string() }));
    }
    let colour = p.colour.trim();
    if !crate::compare::is_css_colour(colour) {
        return Err(Error::Invalid(Msg::NotAColour { value: colour.to_string() }));
    }
    tx.lock(negotiation_id).await?;
    if tx.party_labelled(negotiation_id, label).await?.is_some() {
        return Err(Error::Conflict(Msg::LabelTaken { label: label.to_string() }));
    }
    let id = tx.insert_party(negotiation_id, p, label, colour).await?;
    let detail = json!({ "party_id": id, "label": label, "name": p.name, "side": p.side });
    append(tx, negotiation_id, None, "organisation_added", who, "", detail).await?;
    Ok(id)
}

/// Adds a clause at the end of the negotiation.
pub async fn add_clause(tx: &mut impl Tx, negotiation_id: i64, new: &NewClause, who: &Who) -> Result<i64> {
    let reference = new.reference.trim();
    if reference.is_empty() {
        return Err(Error::Invalid(Msg::ClauseNeedsRef));
    }
    if let Some(text) = &new.status_quo {
        check_size("status-quo", text)?;
    }
    tx.lock(negotiation_id).await?;
    if tx.clause_with_ref(negotiation_id, reference).await?.is_some() {
        return Err(Error::Conflict(Msg::ClauseRefTaken { reference: reference.to_string() }));
    }
    let at = who.stamp();
    let id = tx.insert_clause(negotiation_id, new, reference, new.section.trim(), &at).await?;
    for topic in &new.topics {
        tx.add_topic(id, topic).await?;
    }
    let detail = json!({ "ref": reference, "title": new.title });
    append(tx, negotiation_id, Some(id), "clause_added", who, "", detail).await?;
    Ok(id)
}

/// The clause's negotiation, locked, checking that the track's party sits in it.
async fn negotiation_of(tx: &mut impl Tx, clause_id: i64, track: Track) -> Result<i64> {
    let (negotiation_id, _) = tx.clause(clause_id).await?.ok_or(Error::NotFound(Msg::NoClause { id: clause_id }))?;
    tx.lock(negotiation_id).await?;
    if let Track::Party(party_id) = track
        && !tx.party_in(negotiation_id, party_id).await?
    {
        return Err(Error::NotFound(Msg::NoParty { id: party_id }));
    }
    Ok(negotiation_id)
}

/// A new version on `track` whose text in `lang` is `text`, the other languages' texts carried over
/// from the track's last version (and then marked as waiting to be brought in line).
pub async fn with_language(
    tx: &mut impl Tx,
    clause_id: i64,
    track: Track,
    lang: Lang,
    text: String,
) -> Result<NewVersion> {
    let negotiation_id = negotiation_of(tx, clause_id, track).await?;
    let languages = tx.languages(negotiation_id).await?;
    let mut set = match tx.track_head(clause_id, track.party_id()).await? {
        Some(last) => tx.version_set(last.id, &languages).await?,
        None => vec![],
    };
    set.retain(|t| t.lang != lang);
    set.push(LangText { lang, text });
    let first = languages.first().copied().unwrap_or_default();
    let primary = set.iter().find(|t| t.lang == first).map(|t| t.text.clone()).unwrap_or_default();
    let mut new = NewVersion::draft(track, primary);
    new.translations = set.into_iter().filter(|t| t.lang != first).collect();
    Ok(new)
}

/// A new version's texts as a set, the first language's first; a language the negotiation does not
/// have, or one given twice, is refused.
fn language_set(languages: &[Lang], new: &NewVersion) -> Result<Vec<LangText>> {
    let first = languages.first().copied().unwrap_or_default();
    let mut set = vec![LangText { lang: first, text: new.text.clone() }];
    for t in &new.translations {
        if !languages.contains(&t.lang) || set.iter().any(|s| s.lang == t.lang) {
            let authentic = languages.iter().map(|l| l.code().to_string()).collect();
            return Err(Error::Invalid(Msg::NotAuthentic { lang: t.lang.code().into(), authentic }));
        }
        check_size("text", &t.text)?;
        set.push(t.clone());
    }
    set.sort_by_key(|t| languages.iter().position(|l| *l == t.lang));
    Ok(set)
}

/// Appends a version to a clause's track; returns its id. Never overwrites: the previous version stays.
pub async fn propose(tx: &mut impl Tx, clause_id: i64, new: &NewVersion, who: &Who) -> Result<i64> {
    check_size("text", &new.text)?;
    let negotiation_id = negotiation_of(tx, clause_id, new.track).await?;
    if let Some(session_id) = new.session_id
        && !tx.session_in(negotiation_id, session_id).await?
    {
        return Err(Error::NotFound(Msg::NoSession { id: session_id }));
    }
    let party_id = new.track.party_id();
    let parent = tx.track_head(clause_id, party_id).await?;
    let languages = tx.languages(negotiation_id).await?;
    let set = language_set(&languages, new)?;
    let hash = set_hash(&set);
    let needs = match &parent {
        Some(p) => {
            let before = tx.version_set(p.id, &languages).await?;
            needs_revision(&set, Some((&before, &p.needs_revision)))
        }
        None => vec![],
    };
    if let Some(p) = parent.as_ref().filter(|p| p.hash == hash) {
        return Err(Error::Conflict(Msg::SameText { version: p.id }));
    }
    let at = who.stamp();
    let tabled_at = if new.tabled { Some(tabled_stamp(new.received.as_deref(), who.at)?) } else { None };
    let session_id = new.tabled.then_some(new.session_id).flatten();
    if let Some(sender) = new.sent_by
        && !tx.party_in(negotiation_id, sender).await?
    {
        return Err(Error::NotFound(Msg::NoParty { id: sender }));
    }
    let letter_ref = new.letter_ref.trim();
    let needs_text = languages_text(&needs);
    let row = VersionRow {
        clause_id,
        party_id,
        parent_id: parent.map(|p| p.id),
        text: &new.text,
        hash: &hash,
        author: &who.name,
        created_at: &at,
        rationale: &new.rationale,
        tabled_at: tabled_at.as_deref(),
        session_id,
        sent_by: new.sent_by,
        letter_ref,
        needs_revision: &needs_text,
    };
    let id = tx.insert_version(&row).await?;
    for t in &new.translations {
        tx.insert_version_text(id, t.lang, &t.text).await?;
    }
    let kind = if new.tabled { "version_tabled" } else { "draft_saved" };
    let mut detail = json!({ "version_id": id, "party_id": party_id, "hash": hash });
    if !needs.is_empty() {
        detail["needs_revision"] = json!(needs);
    }
    if new.tabled && (new.received.is_some() || new.sent_by.is_some() || !letter_ref.is_empty()) {
        detail["received"] = json!({ "at": tabled_at, "sent_by": new.sent_by, "letter": letter_ref });
    }
    append(tx, negotiation_id, Some(clause_id), kind, who, &new.rationale, detail).await?;
    if new.tabled {
        after_tabling(tx, negotiation_id, clause_id, new.track, id, &hash, who).await?;
    }
    Ok(id)
}

/// Tables a private draft: from now on the other parties have it.
pub async fn table(tx: &mut impl Tx, version_id: i64, session_id: Option<i64>, who: &Who) -> Result<()> {
    let v = tx.version_to_table(version_id).await?.ok_or(Error::NotFound(Msg::NoVersion { id: version_id }))?;
    tx.lock(v.negotiation_id).await?;
    // read again under the lock: another writer may have tabled it meanwhile
    let v = tx.version_to_table(version_id).await?.ok_or(Error::NotFound(Msg::NoVersion { id: version_id }))?;
    if let Some(at) = v.tabled_at {
        return Err(Error::Conflict(Msg::AlreadyTabled { version: version_id, at }));
    }
    if let Some(session_id) = session_id
        && !tx.session_in(v.negotiation_id, session_id).await?
    {
        return Err(Error::NotFound(Msg::NoSession { id: session_id }));
    }
    tx.set_tabled(version_id, &who.stamp(), session_id).await?;
    let detail = json!({ "version_id": version_id, "party_id": v.party_id, "hash": v.hash });
    append(tx, v.negotiation_id, Some(v.clause_id), "version_tabled", who, "", detail).await?;
    let track = Track::from_party_id(v.party_id);
    after_tabling(tx, v.negotiation_id, v.clause_id, track, version_id, &v.hash, who).await
}

/// What a newly tabled text does: it opens a clause not yet opened; a joint text voids the initials on
/// any other text, and takes a tentatively agreed clause back to open.
pub async fn after_tabling(
    tx: &mut impl Tx,
    negotiation_id: i64,
    clause_id: i64,
    track: Track,
    version_id: i64,
    hash: &str,
    who: &Who,
) -> Result<()> {
    use ClauseStatus::{NotOpened, Open, TentativelyAgreed};
    let (_, status) = tx.clause(clause_id).await?.ok_or(Error::NotFound(Msg::NoClause { id: clause_id }))?;
    if status == NotOpened {
        let detail = json!({ "version_id": version_id, "because": Because::TextTabled });
        move_clause(tx, (negotiation_id, clause_id), (NotOpened, Open), "", detail, who).await?;
    }
    if track != Track::Joint {
        return Ok(());
    }
    let voided = tx.void_initials(clause_id, version_id, hash, &who.stamp()).await?;
    if voided > 0 {
        let detail = json!({ "version_id": version_id, "voided": voided, "because": Because::InitialsVoided });
        append(tx, negotiation_id, Some(clause_id), "initials_voided", who, "", detail.clone()).await?;
        if status == TentativelyAgreed {
            move_clause(tx, (negotiation_id, clause_id), (TentativelyAgreed, Open), "", detail, who).await?;
        }
    }
    Ok(())
}

/// Moves a clause and journals the move with what it carries. A clause leaving its tentative agreement
/// takes the agreement as a whole back to the table: nothing is agreed until everything is agreed.
pub async fn move_clause(
    tx: &mut impl Tx,
    (negotiation_id, clause_id): (i64, i64),
    (from, to): (ClauseStatus, ClauseStatus),
    reason: &str,
    mut detail: Value,
    who: &Who,
) -> Result<()> {
    tx.set_clause_status(clause_id, to).await?;
    detail["from"] = json!(from);
    detail["to"] = json!(to);
    append(tx, negotiation_id, Some(clause_id), "status_changed", who, reason, detail).await?;
    if from == ClauseStatus::TentativelyAgreed {
        let (settled, in_session) = (NegotiationStatus::TentativeSettlement, NegotiationStatus::InSession);
        if tx.move_negotiation(negotiation_id, settled, in_session).await? {
            // why, as a code the reader words (`Because`): the core writes no sentence into the journal
            let detail = json!({ "from": settled, "to": in_session, "because": Because::ClauseReopened });
            append(tx, negotiation_id, None, "negotiation_status_changed", who, "", detail).await?;
        }
    }
    Ok(())
}

/// Moves a clause to another status. Besides the transition table: tentative agreement needs every
/// side's initials on one text; reopening it needs every side's consent; an impasse says who it is
/// referred to and records each party's last offer; the protocol of disagreements takes each party's
/// wording, where the negotiation closes so.
pub async fn change_status(tx: &mut impl Tx, clause_id: i64, change: &StatusChange, who: &Who) -> Result<()> {
    use ClauseStatus::{Impasse, InProtocol, TentativelyAgreed};
    let to = change.to;
    if change.reason.trim().is_empty() {
        return Err(Error::Invalid(Msg::ReasonRequired));
    }
    let (negotiation_id, _) = tx.clause(clause_id).await?.ok_or(Error::NotFound(Msg::NoClause { id: clause_id }))?;
    tx.lock(negotiation_id).await?;
    let (_, from) = tx.clause(clause_id).await?.ok_or(Error::NotFound(Msg::NoClause { id: clause_id }))?;
    check_transition(from, to)?;
    let detail = match (from, to) {
        (_, TentativelyAgreed) => {
            if common_initialed_hash(tx, negotiation_id, clause_id).await?.is_none() {
                return Err(Error::IllegalTransition(Msg::AgreedNeedsInitials));
            }
            json!({})
        }
        (TentativelyAgreed, _) => {
            let parties = tx.parties(negotiation_id).await?;
            let keyed: Vec<(i64, Option<Side>, String)> =
                parties.iter().map(|p| (p.id, p.side, p.label.clone())).collect();
            let missing = missing_consent(&keyed, &change.consenting);
            if !missing.is_empty() {
                return Err(Error::IllegalTransition(Msg::ReopenNeedsConsent { missing }));
            }
            let consenting: Vec<String> =
                parties.into_iter().filter(|p| change.consenting.contains(&p.id)).map(|p| p.label).collect();
            json!({ "consenting": consenting })
        }
        (_, Impasse) => {
            let referred_to = change.referred_to.ok_or(Error::Invalid(Msg::ImpasseNeedsReferral))?;
            let offers: Vec<Value> = tx
                .wordings(clause_id)
                .await?
                .iter()
                .map(|w| json!({ "party_id": w.party_id, "version_id": w.version_id }))
                .collect();
            json!({ "referred_to": referred_to, "last_offers": offers })
        }
        (_, InProtocol) => {
            check_protocol_entry(tx.closing_rule(negotiation_id).await?)?;
            let further = change.further.ok_or(Error::Invalid(Msg::ProtocolNeedsNext))?;
            let wordings = tx.wordings(clause_id).await?;
            let text = serde_json::to_string(&wordings).expect("wordings serialise");
            let id = tx.insert_protocol_entry(clause_id, further, &change.reason, &text, who).await?;
            json!({ "protocol_entry_id": id, "further": further, "wordings": wordings.iter()
                .map(|w| json!({ "party_id": w.party_id, "version_id": w.version_id })).collect::<Vec<_>>() })
        }
        _ => json!({}),
    };
    move_clause(tx, (negotiation_id, clause_id), (from, to), &change.reason, detail, who).await
}

/// The hash every side has initialed, if they all have initialed the same one.
async fn common_initialed_hash(tx: &mut impl Tx, negotiation_id: i64, clause_id: i64) -> Result<Option<String>> {
    let parties: Vec<(i64, Option<Side>)> = tx.parties(negotiation_id).await?.iter().map(|p| (p.id, p.side)).collect();
    let initials = tx.standing_initials(clause_id).await?;
    Ok(agreed_hash(&parties, &initials))
}

/// A party initials one exact tabled version, by the delegate who gave the initial (`delegate_id`; by
/// default the coordinator of its side, else its spokesperson). When every side has initialed the same
/// text, the clause becomes tentatively agreed. Returns the clause's status afterwards.
pub async fn initial(
    tx: &mut impl Tx,
    clause_id: i64,
    (party_id, delegate_id): (i64, Option<i64>),
    version_id: i64,
    session_id: Option<i64>,
    who: &Who,
) -> Result<ClauseStatus> {
    use ClauseStatus::{NotOpened, TentativelyAgreed, Withdrawn};
    let (negotiation_id, _) = tx.clause(clause_id).await?.ok_or(Error::NotFound(Msg::NoClause { id: clause_id }))?;
    tx.lock(negotiation_id).await?;
    let (_, status) = tx.clause(clause_id).await?.ok_or(Error::NotFound(Msg::NoClause { id: clause_id }))?;
    if matches!(status, Withdrawn | NotOpened) {
        return Err(Error::IllegalTransition(Msg::NotInitialable { status }));
    }
    let parties = tx.parties(negotiation_id).await?;
    let party = parties.iter().find(|p| p.id == party_id).ok_or(Error::NotFound(Msg::NoParty { id: party_id }))?;
    if party.side == Some(Side::Mediator) {
        return Err(Error::Invalid(Msg::MediatorDoesNotInitial { party: party.label.clone() }));
    }
    let version = tx
        .version_to_initial(version_id, clause_id)
        .await?
        .ok_or(Error::NotFound(Msg::NoVersion { id: version_id }))?;
    if !version.tabled {
        return Err(Error::Invalid(Msg::DraftNotInitialable { version: version_id }));
    }
    // initials bind the text in every authentic language at once, and only a set that agrees
    let languages = tx.languages(negotiation_id).await?;
    let set = tx.version_set(version_id, &languages).await?;
    if let Some(missing) = languages.iter().find(|l| !set.iter().any(|t| t.lang == **l && !t.text.trim().is_empty())) {
        return Err(Error::IllegalTransition(Msg::LanguageMissing { lang: missing.code().into() }));
    }
    if !version.needs_revision.is_empty() {
        let langs = version.needs_revision.iter().map(|l| l.code().to_string()).collect();
        return Err(Error::IllegalTransition(Msg::LanguagesWait { langs }));
    }
    // the delegate named, else the coordinator of the party's side, else its spokesperson; whoever
    // enters it is the journal entry's actor. A party with neither on record (an imported table) is
    // initialed in the name of whoever enters it.
    let spokesperson = match delegate_id {
        Some(d) => Some(
            tx.delegate_for(d, party_id, negotiation_id)
                .await?
                .ok_or_else(|| Error::Invalid(Msg::DelegateNotOfSide { delegate: d, party: party.label.clone() }))?,
        ),
        None => tx.signatory(party_id, negotiation_id).await?,
    };
    let initialed_by = spokesperson.clone().unwrap_or_else(|| who.name.clone());
    let at = who.stamp();
    if let Some((active, hash)) = tx.party_initial(clause_id, party_id).await? {
        if hash == version.hash {
            return Err(Error::Conflict(Msg::AlreadyInitialed { party: party.label.clone() }));
        }
        // initialing another text replaces the party's earlier initial
        tx.void_initial(active, &at, version_id).await?;
    }
    let row = InitialRow {
        clause_id,
        party_id,
        version_id,
        hash: &version.hash,
        initialed_by: &initialed_by,
        initialed_at: &at,
        session_id,
    };
    tx.insert_initial(&row).await?;
    let detail = json!({ "party_id": party_id, "version_id": version_id, "hash": version.hash,
        "spokesperson": spokesperson });
    append(tx, negotiation_id, Some(clause_id), "initialed", who, "", detail).await?;
    if check_transition(status, TentativelyAgreed).is_ok()
        && common_initialed_hash(tx, negotiation_id, clause_id).await?.is_some()
    {
        let detail = json!({ "hash": version.hash, "because": Because::AllInitialed });
        move_clause(tx, (negotiation_id, clause_id), (status, TentativelyAgreed), "", detail, who).await?;
        return Ok(TentativelyAgreed);
    }
    Ok(status)
}

/// Adds a private note on a clause; returns its id and when it was written.
pub async fn add_note(
    tx: &mut impl Tx,
    clause_id: i64,
    priority: Priority,
    red_line: &str,
    reasoning: &str,
    who: &Who,
) -> Result<(i64, String)> {
    check_size("note", reasoning)?;
    let at = who.stamp();
    let id = tx.insert_note(clause_id, priority, red_line, reasoning, who, &at).await?;
    Ok((id, at))
}

/// Why the workbench itself changed a status, recorded in the journal entry's detail (`because`) for
/// the reader to put into words: a text was tabled on a clause not yet opened; every party initialed
/// the same text; a new joint text (`version_id`) voided initials (`voided` of them); a tentatively
/// agreed clause reopened, so the settlement is back at the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Because {
    TextTabled,
    AllInitialed,
    InitialsVoided,
    ClauseReopened,
}
