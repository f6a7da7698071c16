//! A workbench file read as any record is (`Reader`): each read is the store's own.

use std::collections::HashMap;
use std::sync::Arc;

use crate::authentic::LangText;
use crate::compare::Heads;
use crate::diff_cache::DiffCache;
use crate::error::Result;
use crate::model::{
    Approval, Clause, ClauseStatus, Commitment, Delegate, Event, Initial, LibraryClause, Negotiation, Party,
    PrivateNote, ProtocolEntry, Reservation, Session, Standard, Track, Version,
};
use crate::reader::Reader;
use crate::store::{
    ClauseRow, ClauseSummary, HeadIds, InitialGiven, NegotiationSummary, Neighbours, Store, TabledHashes, Tabling,
};
use crate::words::Lang;

impl Reader for Store {
    async fn negotiation(&self, id: i64) -> Result<Negotiation> {
        Store::negotiation(self, id).await
    }
    async fn negotiations(&self) -> Result<Vec<NegotiationSummary>> {
        Store::negotiations(self).await
    }
    async fn parties(&self, negotiation_id: i64) -> Result<Vec<Party>> {
        Store::parties(self, negotiation_id).await
    }
    async fn sessions(&self, negotiation_id: i64) -> Result<Vec<Session>> {
        Store::sessions(self, negotiation_id).await
    }
    async fn session(&self, id: i64) -> Result<Session> {
        Store::session(self, id).await
    }
    async fn attendees(&self, session_id: i64) -> Result<Vec<Delegate>> {
        Store::attendees(self, session_id).await
    }
    async fn agenda(&self, session_id: i64) -> Result<Vec<ClauseSummary>> {
        Store::agenda(self, session_id).await
    }
    async fn tabled_in(&self, session_id: i64) -> Result<Vec<Tabling>> {
        Store::tabled_in(self, session_id).await
    }
    async fn initialed_in(&self, session_id: i64) -> Result<Vec<InitialGiven>> {
        Store::initialed_in(self, session_id).await
    }
    async fn delegate(&self, id: i64) -> Result<Delegate> {
        Store::delegate(self, id).await
    }
    async fn approvals(&self, negotiation_id: i64) -> Result<Vec<Approval>> {
        Store::approvals(self, negotiation_id).await
    }
    async fn commitments(&self, negotiation_id: i64) -> Result<Vec<Commitment>> {
        Store::commitments(self, negotiation_id).await
    }
    async fn commitment(&self, id: i64) -> Result<Commitment> {
        Store::commitment(self, id).await
    }
    async fn delegates(&self, negotiation_id: i64) -> Result<Vec<Delegate>> {
        Store::delegates(self, negotiation_id).await
    }
    async fn status_counts(&self, negotiation_id: i64) -> Result<Vec<(ClauseStatus, i64)>> {
        Store::status_counts(self, negotiation_id).await
    }
    async fn recent_events(&self, negotiation_id: i64, limit: i64) -> Result<Vec<Event>> {
        Store::recent_events(self, negotiation_id, limit).await
    }
    async fn clause(&self, id: i64) -> Result<Clause> {
        Store::clause(self, id).await
    }
    async fn list_clauses(&self, negotiation_id: i64) -> Result<Vec<ClauseRow>> {
        Store::list_clauses(self, negotiation_id).await
    }
    async fn neighbours(&self, clause: &Clause) -> Result<Neighbours> {
        Store::neighbours(self, clause).await
    }
    async fn version(&self, id: i64) -> Result<Version> {
        Store::version(self, id).await
    }
    async fn versions(&self, clause_id: i64) -> Result<Vec<Version>> {
        Store::versions(self, clause_id).await
    }
    async fn version_texts(&self, version_id: i64) -> Result<Vec<LangText>> {
        Store::version_texts(self, version_id).await
    }
    async fn clause_texts(&self, clause_id: i64) -> Result<Vec<(i64, LangText)>> {
        Store::clause_texts(self, clause_id).await
    }
    async fn initials(&self, clause_id: i64) -> Result<Vec<Initial>> {
        Store::initials(self, clause_id).await
    }
    async fn reservations(&self, clause_id: i64) -> Result<Vec<Reservation>> {
        Store::reservations(self, clause_id).await
    }
    async fn clause_standards(&self, clause_id: i64) -> Result<Vec<String>> {
        Store::clause_standards(self, clause_id).await
    }

    async fn standards(&self, lang: Lang) -> Result<Vec<Standard>> {
        Store::standards(self, lang).await
    }

    async fn library(&self, lang: Lang) -> Result<Vec<LibraryClause>> {
        Store::library(self, lang).await
    }
    async fn notes(&self, clause_id: i64) -> Result<Vec<PrivateNote>> {
        Store::notes(self, clause_id).await
    }
    async fn clauses_named(&self, negotiation_id: Option<i64>, reference: &str) -> Result<Vec<i64>> {
        Store::clauses_named(self, negotiation_id, reference).await
    }
    async fn events(&self, negotiation_id: i64) -> Result<Vec<Event>> {
        Store::events(self, negotiation_id).await
    }
    async fn recent_events_except(&self, negotiation_id: i64, kinds: &[&str], limit: i64) -> Result<Vec<Event>> {
        Store::recent_events_except(self, negotiation_id, kinds, limit).await
    }
    async fn events_since(&self, negotiation_id: i64, kinds: &[&str], since: &str) -> Result<Vec<Event>> {
        Store::events_since(self, negotiation_id, kinds, since).await
    }
    async fn tabled_hashes(&self, negotiation_id: i64) -> Result<Vec<TabledHashes>> {
        Store::tabled_hashes(self, negotiation_id).await
    }
    async fn clause_summaries(&self, negotiation_id: i64) -> Result<Vec<ClauseSummary>> {
        Store::clause_summaries(self, negotiation_id).await
    }
    async fn heads(&self, negotiation_id: i64, clauses: Option<&[i64]>, at: Option<&Session>) -> Result<Heads> {
        Store::heads(self, negotiation_id, clauses, at).await
    }
    async fn head_ids(&self, negotiation_id: i64, before: Option<&str>) -> Result<HeadIds> {
        Store::head_ids(self, negotiation_id, before).await
    }
    async fn versions_by_id(&self, ids: &[i64]) -> Result<HashMap<i64, Version>> {
        Store::versions_by_id(self, ids).await
    }
    async fn texts_in(&self, lang: Lang, version_ids: &[i64]) -> Result<HashMap<i64, String>> {
        Store::texts_in(self, lang, version_ids).await
    }
    async fn negotiation_initials(&self, negotiation_id: i64) -> Result<Vec<Initial>> {
        Store::negotiation_initials(self, negotiation_id).await
    }
    async fn negotiation_reservations(&self, negotiation_id: i64) -> Result<Vec<Reservation>> {
        Store::negotiation_reservations(self, negotiation_id).await
    }
    async fn protocol_entries(&self, negotiation_id: i64) -> Result<Vec<ProtocolEntry>> {
        Store::protocol_entries(self, negotiation_id).await
    }
    async fn head_hashes(&self, negotiation_id: i64) -> Result<HashMap<(i64, Track), String>> {
        Store::head_hashes(self, negotiation_id).await
    }
    async fn revision_authors(&self, negotiation_id: i64) -> Result<HashMap<String, i64>> {
        Store::revision_authors(self, negotiation_id).await
    }
    fn diffs(&self) -> &Arc<DiffCache> {
        Store::diffs(self)
    }
}
