//! A shared record read as any record is (`trilogue_core::Reader`). The reads the record's own calls
//! have (`read`) are used as they are; the rest are here, one query each. The database leaves out what
//! the reader's side may not see.

use std::collections::HashMap;
use std::sync::Arc;

use trilogue_core::authentic::{LangText, parse_languages};
use trilogue_core::compare::Heads;
use trilogue_core::diff_cache::DiffCache;
use trilogue_core::message::Msg;
use trilogue_core::model::{
    Approval, Clause, ClauseStatus, Commitment, Delegate, Event, Initial, LibraryClause, Negotiation, Party,
    PrivateNote, ProtocolEntry, Reservation, Session, Standard, Track, Version,
};
use trilogue_core::store::rows::{DelegateRecord, EventRecord, SessionRecord};
use trilogue_core::store::{
    ClauseRow, ClauseSummary, HeadIds, InitialGiven, NegotiationSummary, Neighbours, TabledHashes, Tabling,
};
use trilogue_core::words::Lang;
use trilogue_core::{Error, Reader, Result};

use crate::server::Server;

impl Reader for Server {
    async fn negotiation(&self, id: i64) -> Result<Negotiation> {
        Server::negotiation(self, id).await
    }

    async fn negotiations(&self) -> Result<Vec<NegotiationSummary>> {
        Server::negotiations(self).await
    }

    async fn parties(&self, negotiation_id: i64) -> Result<Vec<Party>> {
        Server::parties(self, negotiation_id).await
    }

    async fn sessions(&self, negotiation_id: i64) -> Result<Vec<Session>> {
        sqlx::query_as!(
            SessionRecord,
            "SELECT id, negotiation_id, number, starts_at, place, kind, minutes FROM sessions
             WHERE negotiation_id = $1 ORDER BY number",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(Session::try_from)
        .collect()
    }

    async fn session(&self, id: i64) -> Result<Session> {
        sqlx::query_as!(
            SessionRecord,
            "SELECT id, negotiation_id, number, starts_at, place, kind, minutes FROM sessions WHERE id = $1",
            id
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or(Error::NotFound(Msg::NoSession { id }))?
        .try_into()
    }

    async fn attendees(&self, session_id: i64) -> Result<Vec<Delegate>> {
        sqlx::query_as!(
            DelegateRecord,
            "SELECT d.id, d.party_id, d.name, d.role, d.retired_at FROM session_attendees a
             JOIN delegates d ON d.id = a.delegate_id JOIN parties p ON p.id = d.party_id
             WHERE a.session_id = $1 ORDER BY p.position, d.id",
            session_id
        )
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(Delegate::try_from)
        .collect()
    }

    async fn agenda(&self, session_id: i64) -> Result<Vec<ClauseSummary>> {
        let rows = sqlx::query!(
            "SELECT c.id, c.ref, c.title, c.status FROM session_agenda a JOIN clauses c ON c.id = a.clause_id
             WHERE a.session_id = $1 ORDER BY a.position",
            session_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let status = ClauseStatus::parse(&r.status)?;
                Ok(ClauseSummary { clause_id: r.id, reference: r.r#ref, title: r.title, status })
            })
            .collect()
    }

    async fn tabled_in(&self, session_id: i64) -> Result<Vec<Tabling>> {
        let rows = sqlx::query!(
            r#"SELECT v.id, v.clause_id, c.ref, v.party_id, v.author, v.tabled_at as "tabled_at!"
               FROM versions v JOIN clauses c ON c.id = v.clause_id
               WHERE v.session_id = $1 AND v.tabled_at IS NOT NULL ORDER BY v.tabled_at, v.id"#,
            session_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| Tabling {
                version_id: r.id,
                clause_id: r.clause_id,
                reference: r.r#ref,
                track: Track::from_party_id(r.party_id),
                author: r.author,
                tabled_at: r.tabled_at,
            })
            .collect())
    }

    async fn initialed_in(&self, session_id: i64) -> Result<Vec<InitialGiven>> {
        let rows = sqlx::query!(
            "SELECT i.id, i.clause_id, c.ref, i.party_id, i.version_id, i.hash, i.initialed_by, i.initialed_at,
                    i.session_id, i.voided_at, i.voided_by_version
             FROM initials i JOIN clauses c ON c.id = i.clause_id WHERE i.session_id = $1 ORDER BY i.id",
            session_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| InitialGiven {
                reference: r.r#ref,
                initial: Initial {
                    id: r.id,
                    clause_id: r.clause_id,
                    party_id: r.party_id,
                    version_id: r.version_id,
                    hash: r.hash,
                    initialed_by: r.initialed_by,
                    initialed_at: r.initialed_at,
                    session_id: r.session_id,
                    voided_at: r.voided_at,
                    voided_by_version: r.voided_by_version,
                },
            })
            .collect())
    }

    async fn delegate(&self, id: i64) -> Result<Delegate> {
        sqlx::query_as!(DelegateRecord, "SELECT id, party_id, name, role, retired_at FROM delegates WHERE id = $1", id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(Error::NotFound(Msg::NoDelegate { id }))?
            .try_into()
    }

    async fn approvals(&self, negotiation_id: i64) -> Result<Vec<Approval>> {
        self.read_approvals(negotiation_id).await
    }

    async fn commitments(&self, negotiation_id: i64) -> Result<Vec<Commitment>> {
        self.read_commitments(negotiation_id).await
    }

    async fn commitment(&self, id: i64) -> Result<Commitment> {
        self.read_commitment(id).await
    }

    async fn delegates(&self, negotiation_id: i64) -> Result<Vec<Delegate>> {
        sqlx::query_as!(
            DelegateRecord,
            "SELECT d.id, d.party_id, d.name, d.role, d.retired_at FROM delegates d JOIN parties p ON p.id = d.party_id
             WHERE p.negotiation_id = $1 ORDER BY p.position, d.id",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(Delegate::try_from)
        .collect()
    }

    async fn status_counts(&self, negotiation_id: i64) -> Result<Vec<(ClauseStatus, i64)>> {
        Server::status_counts(self, negotiation_id).await
    }

    async fn recent_events(&self, negotiation_id: i64, limit: i64) -> Result<Vec<Event>> {
        let rows = sqlx::query_as!(
            EventRecord,
            "SELECT id, negotiation_id, clause_id, kind, actor, at, reason, detail, hash
             FROM events WHERE negotiation_id = $1 ORDER BY id DESC LIMIT $2",
            negotiation_id,
            limit
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Event::from).collect())
    }

    async fn clause(&self, id: i64) -> Result<Clause> {
        Server::clause(self, id).await
    }

    async fn list_clauses(&self, negotiation_id: i64) -> Result<Vec<ClauseRow>> {
        Server::list_clauses(self, negotiation_id).await
    }

    async fn neighbours(&self, clause: &Clause) -> Result<Neighbours> {
        let r = sqlx::query!(
            r#"SELECT (SELECT id FROM clauses WHERE negotiation_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1)
                        as prev,
                      (SELECT id FROM clauses WHERE negotiation_id = $1 AND position > $2 ORDER BY position LIMIT 1)
                        as next"#,
            clause.negotiation_id,
            clause.position
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(Neighbours { prev: r.prev, next: r.next })
    }

    async fn version(&self, id: i64) -> Result<Version> {
        Server::version(self, id).await
    }

    async fn versions(&self, clause_id: i64) -> Result<Vec<Version>> {
        Server::versions(self, clause_id).await
    }

    async fn version_texts(&self, version_id: i64) -> Result<Vec<LangText>> {
        let mut conn = self.pool.acquire().await?;
        let languages = sqlx::query_scalar!(
            "SELECT n.languages FROM versions v JOIN clauses c ON c.id = v.clause_id
             JOIN negotiations n ON n.id = c.negotiation_id WHERE v.id = $1",
            version_id
        )
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(Error::NotFound(Msg::NoVersion { id: version_id }))?;
        crate::tx::version_set(&mut conn, version_id, &parse_languages(&languages)).await
    }

    async fn clause_texts(&self, clause_id: i64) -> Result<Vec<(i64, LangText)>> {
        let rows = sqlx::query!(
            "SELECT t.version_id, t.lang, t.text FROM version_texts t JOIN versions v ON v.id = t.version_id
             WHERE v.clause_id = $1",
            clause_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| Some((r.version_id, LangText { lang: r.lang.parse().ok()?, text: r.text })))
            .collect())
    }

    async fn initials(&self, clause_id: i64) -> Result<Vec<Initial>> {
        Server::initials(self, clause_id).await
    }

    async fn reservations(&self, clause_id: i64) -> Result<Vec<Reservation>> {
        Ok(sqlx::query_as!(
            Reservation,
            "SELECT id, clause_id, party_id, text, recorded_by, recorded_at FROM reservations WHERE clause_id = $1
             ORDER BY id",
            clause_id
        )
        .fetch_all(&self.pool)
        .await?)
    }

    async fn standards(&self, lang: Lang) -> Result<Vec<Standard>> {
        Server::standards(self, lang).await
    }

    async fn library(&self, lang: Lang) -> Result<Vec<LibraryClause>> {
        Server::library(self, lang).await
    }

    async fn clause_standards(&self, clause_id: i64) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar!(
            "SELECT s.code FROM clause_standards cs JOIN standards s ON s.id = cs.standard_id WHERE cs.clause_id = $1
             ORDER BY s.code",
            clause_id
        )
        .fetch_all(&self.pool)
        .await?)
    }

    async fn notes(&self, clause_id: i64) -> Result<Vec<PrivateNote>> {
        Server::notes(self, clause_id).await
    }

    async fn clauses_named(&self, negotiation_id: Option<i64>, reference: &str) -> Result<Vec<i64>> {
        Ok(sqlx::query_scalar!(
            "SELECT id FROM clauses WHERE ($1::bigint IS NULL OR negotiation_id = $1) AND lower(ref) = lower($2)
             ORDER BY id",
            negotiation_id,
            reference
        )
        .fetch_all(&self.pool)
        .await?)
    }

    async fn events(&self, negotiation_id: i64) -> Result<Vec<Event>> {
        Server::events(self, negotiation_id).await
    }

    async fn recent_events_except(&self, negotiation_id: i64, kinds: &[&str], limit: i64) -> Result<Vec<Event>> {
        Server::recent_events_except(self, negotiation_id, kinds, limit).await
    }

    async fn events_since(&self, negotiation_id: i64, kinds: &[&str], since: &str) -> Result<Vec<Event>> {
        Server::events_since(self, negotiation_id, kinds, since).await
    }

    async fn tabled_hashes(&self, negotiation_id: i64) -> Result<Vec<TabledHashes>> {
        Server::tabled_hashes(self, negotiation_id).await
    }

    async fn clause_summaries(&self, negotiation_id: i64) -> Result<Vec<ClauseSummary>> {
        Server::clause_summaries(self, negotiation_id).await
    }

    async fn heads(&self, negotiation_id: i64, clauses: Option<&[i64]>, at: Option<&Session>) -> Result<Heads> {
        Server::heads(self, negotiation_id, clauses, at).await
    }

    async fn head_ids(&self, negotiation_id: i64, before: Option<&str>) -> Result<HeadIds> {
        Server::head_ids(self, negotiation_id, before).await
    }

    async fn versions_by_id(&self, ids: &[i64]) -> Result<HashMap<i64, Version>> {
        Server::versions_by_id(self, ids).await
    }

    async fn texts_in(&self, lang: Lang, version_ids: &[i64]) -> Result<HashMap<i64, String>> {
        Server::texts_in(self, lang, version_ids).await
    }

    async fn negotiation_initials(&self, negotiation_id: i64) -> Result<Vec<Initial>> {
        Server::negotiation_initials(self, negotiation_id).await
    }

    async fn negotiation_reservations(&self, negotiation_id: i64) -> Result<Vec<Reservation>> {
        Server::negotiation_reservations(self, negotiation_id).await
    }

    async fn protocol_entries(&self, negotiation_id: i64) -> Result<Vec<ProtocolEntry>> {
        Server::protocol_entries(self, negotiation_id).await
    }

    async fn head_hashes(&self, negotiation_id: i64) -> Result<HashMap<(i64, Track), String>> {
        Server::head_hashes(self, negotiation_id).await
    }

    async fn revision_authors(&self, negotiation_id: i64) -> Result<HashMap<String, i64>> {
        Server::revision_authors(self, negotiation_id).await
    }

    fn diffs(&self) -> &Arc<DiffCache> {
        &self.diffs
    }
}
