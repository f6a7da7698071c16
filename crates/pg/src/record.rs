//! A record open in a front end, wherever it is kept: a workbench file (`Store`) or a shared record on
//! a server (`Server`). The app and the CLI hold one of these; each read and change goes to the
//! backend that holds the record, by the core's rules either way. What has no meaning on a server
//! (whose workbench this is) is refused in words, never half-done.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use trilogue_core::authentic::LangText;
use trilogue_core::compare::Heads;
use trilogue_core::diff_cache::DiffCache;
use trilogue_core::import::PositionTable;
use trilogue_core::message::Msg;
use trilogue_core::model::{
    Approval, Clause, ClauseStatus, Commitment, Delegate, Event, Initial, LibraryClause, Negotiation,
    NegotiationStatus, Party, Priority, PrivateNote, ProtocolEntry, Reservation, Role, Session, Standard, Track,
    Version,
};
use trilogue_core::store::{
    ChainBreak, ClauseEdit, ClauseRow, ClauseSummary, DelegateEdit, HeadIds, InitialGiven, IntakePlan,
    NegotiationSummary, Neighbours, NewApproval, NewClause, NewCommitment, NewNegotiation, NewParty, NewSession,
    NewVersion, Provenance, SearchHit, StatusChange, Submission, TabledHashes, Tabling,
};
use trilogue_core::words::Lang;
use trilogue_core::{Error, Reader, Result, Store, Who};

use crate::server::{Server, is_server_url};

/// An open record: a workbench file, or a shared record on a PostgreSQL server.
#[derive(Clone, Debug)]
pub enum Record {
    File(Store),
    Server(Server),
}

/// The same call on whichever backend holds the record.
macro_rules! either {
    ($record:expr, $backend:ident => $call:expr) => {
        match $record {
            Record::File($backend) => $call,
            Record::Server($backend) => $call,
        }
    };
}

impl Record {
    /// Opens what `given` names: a server's URL (`postgres://…`) or a workbench file's path.
    pub async fn open(given: &str) -> Result<Record> {
        if is_server_url(given) {
            Ok(Record::Server(Server::connect(given).await?))
        } else {
            Ok(Record::File(Store::open(given).await?))
        }
    }

    pub fn server(&self) -> Option<&Server> {
        match self {
            Record::Server(server) => Some(server),
            Record::File(_) => None,
        }
    }

    pub async fn close(self) {
        either!(self, r => r.close().await)
    }

    /// Where the record is: a file's path, or a server's URL without its password.
    pub fn shown(&self) -> String {
        match self {
            Record::File(store) => store.path().display().to_string(),
            Record::Server(server) => server.shown().to_string(),
        }
    }

    /// Who does something now. On a server a member acts under their own login, whatever name the front
    /// end knows them by; on a file (and as a server's owner), under `name`.
    pub fn who(&self, name: &str, now: DateTime<Utc>) -> Who {
        match self {
            Record::File(_) => Who::at(name, now),
            Record::Server(server) => server.who(name, now),
        }
    }

    pub async fn create_negotiation(
        &self,
        new: &NewNegotiation,
        parties: &[NewParty],
        who: &Who,
    ) -> Result<(Negotiation, Vec<Party>)> {
        either!(self, r => r.create_negotiation(new, parties, who).await)
    }

    /// Imports a position table as a new negotiation, in one transaction.
    pub async fn import_table(
        &self,
        table: &PositionTable,
        title: &str,
        source_name: &str,
        who: &Who,
    ) -> Result<Negotiation> {
        either!(self, r => r.import_table(table, title, source_name, who).await)
    }

    /// Imports an agreement's clauses as a new negotiation, in one transaction.
    pub async fn import_clauses(
        &self,
        new: &NewNegotiation,
        parties: &[NewParty],
        clauses: &[NewClause],
        source_name: &str,
        who: &Who,
    ) -> Result<Negotiation> {
        either!(self, r => r.import_clauses(new, parties, clauses, source_name, who).await)
    }

    pub async fn add_party(&self, negotiation_id: i64, new: &NewParty, who: &Who) -> Result<Party> {
        either!(self, r => r.add_party(negotiation_id, new, who).await)
    }

    pub async fn add_clause(&self, negotiation_id: i64, new: &NewClause, who: &Who) -> Result<Clause> {
        either!(self, r => r.add_clause(negotiation_id, new, who).await)
    }

    pub async fn propose(&self, clause_id: i64, new: &NewVersion, who: &Who) -> Result<Version> {
        either!(self, r => r.propose(clause_id, new, who).await)
    }

    /// The demo negotiation in `lang`, loaded once (on a server: by its owner, into an empty record).
    pub async fn load_demo(&self, now: DateTime<Utc>, lang: Lang) -> Result<Negotiation> {
        match self {
            Record::File(store) => trilogue_core::demo::load_demo(store, now, lang).await,
            Record::Server(server) => crate::copy::load_demo(server, now, lang).await,
        }
    }

    /// Whose workbench a file is; on a server everyone works for the organisation they logged in for.
    pub async fn set_owner(&self, negotiation_id: i64, party_id: i64, who: &Who) -> Result<()> {
        match self {
            Record::File(store) => store.set_owner(negotiation_id, party_id, who).await,
            Record::Server(_) => Err(Error::Invalid(Msg::NoOwnerOnServer)),
        }
    }

    /// Titles and texts the reader may read that match what they typed, best first.
    pub async fn search(&self, input: &str, negotiation_id: Option<i64>, limit: i64) -> Result<Vec<SearchHit>> {
        either!(self, r => r.search(input, negotiation_id, limit).await)
    }

    /// A clause started from a model of the clause library.
    pub async fn add_clause_from_library(
        &self,
        negotiation_id: i64,
        new: &NewClause,
        slug: &str,
        who: &Who,
    ) -> Result<Clause> {
        either!(self, r => r.add_clause_from_library(negotiation_id, new, slug, who).await)
    }

    /// A model of the clause library as a private joint draft of a clause.
    pub async fn draft_from_library(&self, clause_id: i64, slug: &str, who: &Who) -> Result<Version> {
        either!(self, r => r.draft_from_library(clause_id, slug, who).await)
    }

    /// A version whose text is in `lang`, the set's other languages carried over.
    pub async fn propose_in(&self, clause_id: i64, lang: Lang, new: &NewVersion, who: &Who) -> Result<Version> {
        either!(self, r => r.propose_in(clause_id, lang, new, who).await)
    }

    pub async fn table(&self, version_id: i64, session_id: Option<i64>, who: &Who) -> Result<Version> {
        either!(self, r => r.table(version_id, session_id, who).await)
    }

    pub async fn change_status(&self, clause_id: i64, change: &StatusChange, who: &Who) -> Result<()> {
        either!(self, r => r.change_status(clause_id, change, who).await)
    }

    /// A party's initial on one exact tabled version, by `signed`: `(party, delegate)`.
    pub async fn initial_by(
        &self,
        clause_id: i64,
        signed: (i64, Option<i64>),
        version_id: i64,
        session_id: Option<i64>,
        who: &Who,
    ) -> Result<ClauseStatus> {
        either!(self, r => r.initial_by(clause_id, signed, version_id, session_id, who).await)
    }

    pub async fn edit_clause(&self, clause_id: i64, edit: &ClauseEdit, who: &Who) -> Result<Clause> {
        either!(self, r => r.edit_clause(clause_id, edit, who).await)
    }

    pub async fn add_reservation(&self, clause_id: i64, party_id: i64, text: &str, who: &Who) -> Result<Reservation> {
        either!(self, r => r.add_reservation(clause_id, party_id, text, who).await)
    }

    pub async fn set_negotiation_status(
        &self,
        negotiation_id: i64,
        to: NegotiationStatus,
        reason: &str,
        who: &Who,
    ) -> Result<()> {
        either!(self, r => r.set_negotiation_status(negotiation_id, to, reason, who).await)
    }

    pub async fn record_approval(&self, negotiation_id: i64, new: &NewApproval, who: &Who) -> Result<Approval> {
        either!(self, r => r.record_approval(negotiation_id, new, who).await)
    }

    pub async fn add_commitment(&self, negotiation_id: i64, new: &NewCommitment, who: &Who) -> Result<Commitment> {
        either!(self, r => r.add_commitment(negotiation_id, new, who).await)
    }

    pub async fn commitment_done(&self, commitment_id: i64, done_on: &str, who: &Who) -> Result<Commitment> {
        either!(self, r => r.commitment_done(commitment_id, done_on, who).await)
    }

    /// What taking `submission` into the negotiation would do; nothing is written.
    pub async fn plan_intake(&self, negotiation_id: i64, submission: &Submission) -> Result<IntakePlan> {
        trilogue_core::store::plan_intake(self, negotiation_id, submission).await
    }

    /// Takes the submission in, all of it in one transaction or none of it.
    pub async fn take_in(
        &self,
        negotiation_id: i64,
        submission: &Submission,
        provenance: &Provenance,
        who: &Who,
    ) -> Result<IntakePlan> {
        either!(self, r => r.take_in(negotiation_id, submission, provenance, who).await)
    }

    /// The first journal entry that does not match its chain, if any.
    pub async fn verify_journal(&self, negotiation_id: i64) -> Result<Option<ChainBreak>> {
        either!(self, r => r.verify_journal(negotiation_id).await)
    }

    /// The versions whose texts no longer match their hash.
    pub async fn verify_texts(&self, negotiation_id: i64) -> Result<Vec<i64>> {
        either!(self, r => r.verify_texts(negotiation_id).await)
    }

    pub async fn add_session(&self, negotiation_id: i64, new: &NewSession, who: &Who) -> Result<Session> {
        either!(self, r => r.add_session(negotiation_id, new, who).await)
    }

    pub async fn set_minutes(&self, session_id: i64, minutes: &str, who: &Who) -> Result<Session> {
        either!(self, r => r.set_minutes(session_id, minutes, who).await)
    }

    pub async fn set_attendees(&self, session_id: i64, delegates: &[i64], who: &Who) -> Result<Vec<Delegate>> {
        either!(self, r => r.set_attendees(session_id, delegates, who).await)
    }

    pub async fn add_delegate(&self, party_id: i64, name: &str, role: Role, who: &Who) -> Result<Delegate> {
        either!(self, r => r.add_delegate(party_id, name, role, who).await)
    }

    pub async fn edit_delegate(&self, delegate_id: i64, edit: &DelegateEdit, who: &Who) -> Result<Delegate> {
        either!(self, r => r.edit_delegate(delegate_id, edit, who).await)
    }

    pub async fn add_note(
        &self,
        clause_id: i64,
        priority: Priority,
        red_line: &str,
        reasoning: &str,
        who: &Who,
    ) -> Result<PrivateNote> {
        either!(self, r => r.add_note(clause_id, priority, red_line, reasoning, who).await)
    }
}

impl Reader for Record {
    async fn negotiation(&self, id: i64) -> Result<Negotiation> {
        either!(self, r => Reader::negotiation(r, id).await)
    }
    async fn negotiations(&self) -> Result<Vec<NegotiationSummary>> {
        either!(self, r => Reader::negotiations(r).await)
    }
    async fn parties(&self, negotiation_id: i64) -> Result<Vec<Party>> {
        either!(self, r => Reader::parties(r, negotiation_id).await)
    }
    async fn sessions(&self, negotiation_id: i64) -> Result<Vec<Session>> {
        either!(self, r => Reader::sessions(r, negotiation_id).await)
    }
    async fn session(&self, id: i64) -> Result<Session> {
        either!(self, r => Reader::session(r, id).await)
    }
    async fn attendees(&self, session_id: i64) -> Result<Vec<Delegate>> {
        either!(self, r => Reader::attendees(r, session_id).await)
    }
    async fn agenda(&self, session_id: i64) -> Result<Vec<ClauseSummary>> {
        either!(self, r => Reader::agenda(r, session_id).await)
    }
    async fn tabled_in(&self, session_id: i64) -> Result<Vec<Tabling>> {
        either!(self, r => Reader::tabled_in(r, session_id).await)
    }
    async fn initialed_in(&self, session_id: i64) -> Result<Vec<InitialGiven>> {
        either!(self, r => Reader::initialed_in(r, session_id).await)
    }
    async fn delegate(&self, id: i64) -> Result<Delegate> {
        either!(self, r => Reader::delegate(r, id).await)
    }
    async fn approvals(&self, negotiation_id: i64) -> Result<Vec<Approval>> {
        either!(self, r => Reader::approvals(r, negotiation_id).await)
    }
    async fn commitments(&self, negotiation_id: i64) -> Result<Vec<Commitment>> {
        either!(self, r => Reader::commitments(r, negotiation_id).await)
    }
    async fn commitment(&self, id: i64) -> Result<Commitment> {
        either!(self, r => Reader::commitment(r, id).await)
    }
    async fn delegates(&self, negotiation_id: i64) -> Result<Vec<Delegate>> {
        either!(self, r => Reader::delegates(r, negotiation_id).await)
    }
    async fn status_counts(&self, negotiation_id: i64) -> Result<Vec<(ClauseStatus, i64)>> {
        either!(self, r => Reader::status_counts(r, negotiation_id).await)
    }
    async fn recent_events(&self, negotiation_id: i64, limit: i64) -> Result<Vec<Event>> {
        either!(self, r => Reader::recent_events(r, negotiation_id, limit).await)
    }
    async fn clause(&self, id: i64) -> Result<Clause> {
        either!(self, r => Reader::clause(r, id).await)
    }
    async fn list_clauses(&self, negotiation_id: i64) -> Result<Vec<ClauseRow>> {
        either!(self, r => Reader::list_clauses(r, negotiation_id).await)
    }
    async fn neighbours(&self, clause: &Clause) -> Result<Neighbours> {
        either!(self, r => Reader::neighbours(r, clause).await)
    }
    async fn version(&self, id: i64) -> Result<Version> {
        either!(self, r => Reader::version(r, id).await)
    }
    async fn versions(&self, clause_id: i64) -> Result<Vec<Version>> {
        either!(self, r => Reader::versions(r, clause_id).await)
    }
    async fn version_texts(&self, version_id: i64) -> Result<Vec<LangText>> {
        either!(self, r => Reader::version_texts(r, version_id).await)
    }
    async fn clause_texts(&self, clause_id: i64) -> Result<Vec<(i64, LangText)>> {
        either!(self, r => Reader::clause_texts(r, clause_id).await)
    }
    async fn initials(&self, clause_id: i64) -> Result<Vec<Initial>> {
        either!(self, r => Reader::initials(r, clause_id).await)
    }
    async fn reservations(&self, clause_id: i64) -> Result<Vec<Reservation>> {
        either!(self, r => Reader::reservations(r, clause_id).await)
    }
    async fn clause_standards(&self, clause_id: i64) -> Result<Vec<String>> {
        either!(self, r => Reader::clause_standards(r, clause_id).await)
    }

    async fn standards(&self, lang: Lang) -> Result<Vec<Standard>> {
        either!(self, r => Reader::standards(r, lang).await)
    }

    async fn library(&self, lang: Lang) -> Result<Vec<LibraryClause>> {
        either!(self, r => Reader::library(r, lang).await)
    }
    async fn notes(&self, clause_id: i64) -> Result<Vec<PrivateNote>> {
        either!(self, r => Reader::notes(r, clause_id).await)
    }
    async fn clauses_named(&self, negotiation_id: Option<i64>, reference: &str) -> Result<Vec<i64>> {
        either!(self, r => Reader::clauses_named(r, negotiation_id, reference).await)
    }
    async fn events(&self, negotiation_id: i64) -> Result<Vec<Event>> {
        either!(self, r => Reader::events(r, negotiation_id).await)
    }
    async fn recent_events_except(&self, negotiation_id: i64, kinds: &[&str], limit: i64) -> Result<Vec<Event>> {
        either!(self, r => Reader::recent_events_except(r, negotiation_id, kinds, limit).await)
    }
    async fn events_since(&self, negotiation_id: i64, kinds: &[&str], since: &str) -> Result<Vec<Event>> {
        either!(self, r => Reader::events_since(r, negotiation_id, kinds, since).await)
    }
    async fn tabled_hashes(&self, negotiation_id: i64) -> Result<Vec<TabledHashes>> {
        either!(self, r => Reader::tabled_hashes(r, negotiation_id).await)
    }
    async fn clause_summaries(&self, negotiation_id: i64) -> Result<Vec<ClauseSummary>> {
        either!(self, r => Reader::clause_summaries(r, negotiation_id).await)
    }
    async fn heads(&self, negotiation_id: i64, clauses: Option<&[i64]>, at: Option<&Session>) -> Result<Heads> {
        either!(self, r => Reader::heads(r, negotiation_id, clauses, at).await)
    }
    async fn head_ids(&self, negotiation_id: i64, before: Option<&str>) -> Result<HeadIds> {
        either!(self, r => Reader::head_ids(r, negotiation_id, before).await)
    }
    async fn versions_by_id(&self, ids: &[i64]) -> Result<HashMap<i64, Version>> {
        either!(self, r => Reader::versions_by_id(r, ids).await)
    }
    async fn texts_in(&self, lang: Lang, version_ids: &[i64]) -> Result<HashMap<i64, String>> {
        either!(self, r => Reader::texts_in(r, lang, version_ids).await)
    }
    async fn negotiation_initials(&self, negotiation_id: i64) -> Result<Vec<Initial>> {
        either!(self, r => Reader::negotiation_initials(r, negotiation_id).await)
    }
    async fn negotiation_reservations(&self, negotiation_id: i64) -> Result<Vec<Reservation>> {
        either!(self, r => Reader::negotiation_reservations(r, negotiation_id).await)
    }
    async fn protocol_entries(&self, negotiation_id: i64) -> Result<Vec<ProtocolEntry>> {
        either!(self, r => Reader::protocol_entries(r, negotiation_id).await)
    }
    async fn head_hashes(&self, negotiation_id: i64) -> Result<HashMap<(i64, Track), String>> {
        either!(self, r => Reader::head_hashes(r, negotiation_id).await)
    }
    async fn revision_authors(&self, negotiation_id: i64) -> Result<HashMap<String, i64>> {
        either!(self, r => Reader::revision_authors(r, negotiation_id).await)
    }
    fn diffs(&self) -> &Arc<DiffCache> {
        either!(self, r => Reader::diffs(r))
    }
}
