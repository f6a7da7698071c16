//! A workbench file read as any record is (`Reader`): each read is the store's own.

use crate::authentic::LangText;
use crate::error::Result;
use crate::model::{
    Approval, Clause, ClauseStatus, Commitment, Delegate, Event, Initial, Negotiation, Party, PrivateNote, Reservation,
    Session, Version,
};
use crate::reader::Reader;
use crate::store::{ClauseRow, ClauseSummary, InitialGiven, NegotiationSummary, Neighbours, Store, Tabling};

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
    async fn notes(&self, clause_id: i64) -> Result<Vec<PrivateNote>> {
        Store::notes(self, clause_id).await
    }
    async fn clauses_named(&self, negotiation_id: Option<i64>, reference: &str) -> Result<Vec<i64>> {
        Store::clauses_named(self, negotiation_id, reference).await
    }
}
