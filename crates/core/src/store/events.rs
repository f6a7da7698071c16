//! The journal: append-only, each event chained to the one before it by hash.

use super::rows::EventRecord;
use serde_json::Value;
use sqlx::SqliteConnection;

use super::{Store, Who};
use crate::error::Result;
use crate::model::Event;
use crate::record::{GENESIS, event_hash};

/// The first event whose stored hash does not match what its content and predecessor give.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ChainBreak {
    pub event_id: i64,
    pub kind: String,
}

/// Appends an event inside the caller's transaction (`record::append`).
pub(crate) async fn append(
    conn: &mut SqliteConnection,
    negotiation_id: i64,
    clause_id: Option<i64>,
    kind: &str,
    who: &Who,
    reason: &str,
    detail: Value,
) -> Result<()> {
    crate::record::append(conn, negotiation_id, clause_id, kind, who, reason, detail).await.map(drop)
}

impl Store {
    /// The journal of a negotiation, oldest first.
    pub async fn events(&self, negotiation_id: i64) -> Result<Vec<Event>> {
        let rows = sqlx::query_as!(
            EventRecord,
            "SELECT id, negotiation_id, clause_id, kind, actor, at, reason, detail, hash
             FROM events WHERE negotiation_id = ? ORDER BY id",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Event::from).collect())
    }

    /// The newest events of a negotiation's journal, newest first.
    pub async fn recent_events(&self, negotiation_id: i64, limit: i64) -> Result<Vec<Event>> {
        let rows = sqlx::query_as!(
            EventRecord,
            "SELECT id, negotiation_id, clause_id, kind, actor, at, reason, detail, hash
             FROM events WHERE negotiation_id = ? ORDER BY id DESC LIMIT ?",
            negotiation_id,
            limit
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Event::from).collect())
    }

    /// The newest events of a negotiation's journal but those of the given kinds, newest first: what a
    /// report shows of the table's history.
    pub async fn recent_events_except(&self, negotiation_id: i64, kinds: &[&str], limit: i64) -> Result<Vec<Event>> {
        let kinds = serde_json::to_string(kinds).expect("names serialise");
        let rows = sqlx::query_as!(
            EventRecord,
            "SELECT id, negotiation_id, clause_id, kind, actor, at, reason, detail, hash FROM events
             WHERE negotiation_id = ? AND kind NOT IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT ?",
            negotiation_id,
            kinds,
            limit
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Event::from).collect())
    }

    /// The events of the given kinds at or after `since` (a stamp), oldest first.
    pub async fn events_since(&self, negotiation_id: i64, kinds: &[&str], since: &str) -> Result<Vec<Event>> {
        let kinds = serde_json::to_string(kinds).expect("names serialise");
        let rows = sqlx::query_as!(
            EventRecord,
            "SELECT id, negotiation_id, clause_id, kind, actor, at, reason, detail, hash FROM events
             WHERE negotiation_id = ? AND at >= ? AND kind IN (SELECT value FROM json_each(?)) ORDER BY id",
            negotiation_id,
            since,
            kinds
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Event::from).collect())
    }

    /// Walks a negotiation's journal and returns the first event that does not match its chain.
    pub async fn verify_journal(&self, negotiation_id: i64) -> Result<Option<ChainBreak>> {
        let rows = sqlx::query!(
            "SELECT id, clause_id, kind, actor, at, reason, detail, prev_hash, hash
             FROM events WHERE negotiation_id = ? ORDER BY id",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        let mut prev = GENESIS.to_string();
        for r in rows {
            let expected =
                event_hash(&prev, negotiation_id, r.clause_id, [&r.kind, &r.actor, &r.at, &r.reason, &r.detail]);
            if r.prev_hash != prev || r.hash != expected {
                return Ok(Some(ChainBreak { event_id: r.id, kind: r.kind }));
            }
            prev = r.hash;
        }
        Ok(None)
    }
}

impl Store {
    /// The versions of a negotiation whose text no longer matches the hash it was saved (and perhaps
    /// initialed) with: a text edited behind the app's back.
    pub async fn verify_texts(&self, negotiation_id: i64) -> Result<Vec<i64>> {
        let mut conn = self.pool.acquire().await?;
        let languages = super::versions::languages_of(&mut conn, negotiation_id).await?;
        let rows = sqlx::query!(
            "SELECT v.id, v.hash FROM versions v JOIN clauses c ON c.id = v.clause_id
             WHERE c.negotiation_id = ? ORDER BY v.id",
            negotiation_id
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut altered = vec![];
        for r in rows {
            let set = super::versions::version_set(&mut conn, r.id, &languages).await?;
            if crate::authentic::set_hash(&set) != r.hash {
                altered.push(r.id);
            }
        }
        Ok(altered)
    }
}
