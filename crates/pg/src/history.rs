//! What the reports, comparisons and exports read of a shared record: the journal, the heads of the
//! tracks (as things stand or as they stood at a session), every initial, reservation and protocol
//! entry of a negotiation. One query each; the database leaves out what the reader's side may not see.

use std::collections::HashMap;

use trilogue_core::Result;
use trilogue_core::compare::Heads;
use trilogue_core::model::{ClauseStatus, Event, Initial, ProtocolEntry, Reservation, Session, Track, Version};
use trilogue_core::store::rows::{EventRecord, ProtocolEntryRecord, VersionRecord};
use trilogue_core::store::{ClauseSummary, HeadIds, TabledHashes};
use trilogue_core::words::Lang;

use crate::server::Server;

impl Server {
    pub(crate) async fn recent_events_except(
        &self,
        negotiation_id: i64,
        kinds: &[&str],
        limit: i64,
    ) -> Result<Vec<Event>> {
        let kinds: Vec<String> = kinds.iter().map(|k| k.to_string()).collect();
        let rows = sqlx::query_as!(
            EventRecord,
            "SELECT id, negotiation_id, clause_id, kind, actor, at, reason, detail, hash FROM events
             WHERE negotiation_id = $1 AND kind <> ALL($2) ORDER BY id DESC LIMIT $3",
            negotiation_id,
            &kinds,
            limit
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Event::from).collect())
    }

    pub(crate) async fn events_since(&self, negotiation_id: i64, kinds: &[&str], since: &str) -> Result<Vec<Event>> {
        let kinds: Vec<String> = kinds.iter().map(|k| k.to_string()).collect();
        let rows = sqlx::query_as!(
            EventRecord,
            "SELECT id, negotiation_id, clause_id, kind, actor, at, reason, detail, hash FROM events
             WHERE negotiation_id = $1 AND at >= $2 AND kind = ANY($3) ORDER BY id",
            negotiation_id,
            since,
            &kinds
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Event::from).collect())
    }

    pub(crate) async fn tabled_hashes(&self, negotiation_id: i64) -> Result<Vec<TabledHashes>> {
        let rows = sqlx::query!(
            r#"SELECT c.id, c.ref, c.title, c.status, coalesce(c.status_quo, '') <> '' as "has_status_quo!",
                      coalesce((SELECT jsonb_agg(jsonb_build_array(h.party_id, h.hash) ORDER BY h.id)
                                FROM (SELECT DISTINCT ON (v.party_id) v.id, v.party_id, v.hash FROM versions v
                                      WHERE v.clause_id = c.id AND v.tabled_at IS NOT NULL
                                      ORDER BY v.party_id, v.id DESC) h), '[]') as "hashes!: sqlx::types::Json<Vec<(Option<i64>, String)>>"
               FROM clauses c WHERE c.negotiation_id = $1 ORDER BY c.position"#,
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(TabledHashes {
                    clause_id: r.id,
                    reference: r.r#ref,
                    title: r.title,
                    status: ClauseStatus::parse(&r.status)?,
                    has_status_quo: r.has_status_quo,
                    hashes: r.hashes.0,
                })
            })
            .collect()
    }

    pub(crate) async fn clause_summaries(&self, negotiation_id: i64) -> Result<Vec<ClauseSummary>> {
        let rows = sqlx::query!(
            "SELECT id, ref, title, status FROM clauses WHERE negotiation_id = $1 ORDER BY position",
            negotiation_id
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

    pub(crate) async fn heads(
        &self,
        negotiation_id: i64,
        clauses: Option<&[i64]>,
        at: Option<&Session>,
    ) -> Result<Heads> {
        let (before, session_id) = (at.map(|s| s.starts_at.as_str()), at.map(|s| s.id));
        let rows = sqlx::query_as!(
            VersionRecord,
            r#"SELECT DISTINCT ON (v.clause_id, v.party_id)
                      v.id, v.clause_id, v.party_id, v.parent_id, v.text, v.hash, v.author, v.created_at, v.rationale,
                      v.tabled_at, v.session_id, v.sent_by, v.letter_ref, v.needs_revision
               FROM versions v JOIN clauses c ON c.id = v.clause_id
               WHERE c.negotiation_id = $1 AND v.tabled_at IS NOT NULL
                 AND ($2::bigint[] IS NULL OR v.clause_id = ANY($2))
                 AND ($3::text IS NULL OR v.tabled_at <= $3 OR v.session_id = $4)
               ORDER BY v.clause_id, v.party_id, v.id DESC"#,
            negotiation_id,
            clauses,
            before,
            session_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Version::from).map(|v| ((v.clause_id, v.track), v)).collect())
    }

    pub(crate) async fn head_ids(&self, negotiation_id: i64, before: Option<&str>) -> Result<HeadIds> {
        let rows = sqlx::query!(
            r#"SELECT max(v.id) as "id!", v.clause_id, v.party_id
               FROM versions v JOIN clauses c ON c.id = v.clause_id
               WHERE c.negotiation_id = $1 AND v.tabled_at IS NOT NULL AND ($2::text IS NULL OR v.tabled_at <= $2)
               GROUP BY v.clause_id, v.party_id"#,
            negotiation_id,
            before
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| ((r.clause_id, Track::from_party_id(r.party_id)), r.id)).collect())
    }

    pub(crate) async fn versions_by_id(&self, ids: &[i64]) -> Result<HashMap<i64, Version>> {
        let rows = sqlx::query_as!(
            VersionRecord,
            "SELECT id, clause_id, party_id, parent_id, text, hash, author, created_at, rationale, tabled_at, session_id,
                    sent_by, letter_ref, needs_revision
             FROM versions WHERE id = ANY($1)",
            ids
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (r.id, Version::from(r))).collect())
    }

    pub(crate) async fn texts_in(&self, lang: Lang, version_ids: &[i64]) -> Result<HashMap<i64, String>> {
        let rows = sqlx::query!(
            "SELECT version_id, text FROM version_texts WHERE lang = $1 AND version_id = ANY($2)",
            lang.code(),
            version_ids
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (r.version_id, r.text)).collect())
    }

    pub(crate) async fn negotiation_initials(&self, negotiation_id: i64) -> Result<Vec<Initial>> {
        Ok(sqlx::query_as!(
            Initial,
            "SELECT i.id, i.clause_id, i.party_id, i.version_id, i.hash, i.initialed_by, i.initialed_at, i.session_id,
                    i.voided_at, i.voided_by_version
             FROM initials i JOIN clauses c ON c.id = i.clause_id WHERE c.negotiation_id = $1 ORDER BY i.id",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?)
    }

    pub(crate) async fn negotiation_reservations(&self, negotiation_id: i64) -> Result<Vec<Reservation>> {
        Ok(sqlx::query_as!(
            Reservation,
            "SELECT r.id, r.clause_id, r.party_id, r.text, r.recorded_by, r.recorded_at
             FROM reservations r JOIN clauses c ON c.id = r.clause_id
             WHERE c.negotiation_id = $1 ORDER BY c.position, r.id",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?)
    }

    pub(crate) async fn protocol_entries(&self, negotiation_id: i64) -> Result<Vec<ProtocolEntry>> {
        let rows = sqlx::query_as!(
            ProtocolEntryRecord,
            "SELECT DISTINCT ON (c.position) e.id, e.clause_id, e.further, e.reason, e.wordings, e.recorded_by,
                    e.recorded_at
             FROM protocol_entries e JOIN clauses c ON c.id = e.clause_id
             WHERE c.negotiation_id = $1 AND c.status = 'in_protocol'
             ORDER BY c.position, e.id DESC",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(ProtocolEntry::try_from).collect()
    }

    pub(crate) async fn head_hashes(&self, negotiation_id: i64) -> Result<HashMap<(i64, Track), String>> {
        let rows = sqlx::query!(
            "SELECT DISTINCT ON (v.clause_id, v.party_id) v.clause_id, v.party_id, v.hash
             FROM versions v JOIN clauses c ON c.id = v.clause_id
             WHERE c.negotiation_id = $1 ORDER BY v.clause_id, v.party_id, v.id DESC",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| ((r.clause_id, Track::from_party_id(r.party_id)), r.hash)).collect())
    }

    pub(crate) async fn revision_authors(&self, negotiation_id: i64) -> Result<HashMap<String, i64>> {
        let rows = sqlx::query!(
            "SELECT author, party_id FROM revision_authors WHERE negotiation_id = $1 ORDER BY author",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (r.author, r.party_id)).collect())
    }
}
