//! Clauses: stable ids, refs, order, topics, the status-quo text.

use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::SqliteConnection;

use super::{Store, Who, events};
use crate::error::{Error, Result};
use crate::model::{Clause, ClauseStatus, Track};
use crate::text::check_size;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NewClause {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub status_quo: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
}

/// The newest version on one track of a clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackHead {
    pub track: Track,
    pub version_id: i64,
    pub hash: String,
    pub tabled: bool,
    pub created_at: String,
}

/// A clause as a list shows it: with the head of each of its tracks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClauseRow {
    #[serde(flatten)]
    pub clause: Clause,
    pub heads: Vec<TrackHead>,
}

struct ClauseRecord {
    id: i64,
    negotiation_id: i64,
    reference: String,
    title: String,
    position: i64,
    status: String,
    status_quo: Option<String>,
}

impl ClauseRecord {
    fn into_clause(self, topics: Vec<String>) -> Result<Clause> {
        Ok(Clause {
            id: self.id,
            negotiation_id: self.negotiation_id,
            reference: self.reference,
            title: self.title,
            position: self.position,
            status: ClauseStatus::parse(&self.status)?,
            status_quo: self.status_quo,
            topics,
        })
    }
}

fn json_error(e: serde_json::Error) -> Error {
    Error::invalid(format!("a clause list from the database could not be read: {e}"))
}

/// Inserts a clause at the end of the negotiation inside the caller's transaction.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    negotiation_id: i64,
    new: &NewClause,
    who: &Who,
) -> Result<i64> {
    let reference = new.reference.trim();
    if reference.is_empty() {
        return Err(Error::invalid("a clause needs a reference, such as 'Art. 7'"));
    }
    if let Some(text) = &new.status_quo {
        check_size(&format!("the status-quo text of {reference}"), text)?;
    }
    let taken =
        sqlx::query_scalar!("SELECT id FROM clauses WHERE negotiation_id = ? AND ref = ?", negotiation_id, reference)
            .fetch_optional(&mut *conn)
            .await?;
    if taken.is_some() {
        return Err(Error::Conflict(format!("this negotiation already has a clause {reference}")));
    }
    let at = who.stamp();
    let id = sqlx::query_scalar!(
        r#"INSERT INTO clauses (negotiation_id, ref, title, position, status_quo, created_at)
           VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM clauses WHERE negotiation_id = ?1), ?4, ?5)
           RETURNING id as "id!""#,
        negotiation_id,
        reference,
        new.title,
        new.status_quo,
        at
    )
    .fetch_one(&mut *conn)
    .await?;
    for topic in &new.topics {
        sqlx::query!("INSERT OR IGNORE INTO clause_topics (clause_id, topic) VALUES (?, ?)", id, topic)
            .execute(&mut *conn)
            .await?;
    }
    events::append(
        conn,
        negotiation_id,
        Some(id),
        "clause_added",
        who,
        "",
        json!({ "ref": reference, "title": new.title }),
    )
    .await?;
    Ok(id)
}

impl Store {
    pub async fn add_clause(&self, negotiation_id: i64, new: &NewClause, who: &Who) -> Result<Clause> {
        let mut tx = self.begin().await?;
        let id = insert(&mut tx, negotiation_id, new, who).await?;
        tx.commit().await?;
        self.clause(id).await
    }

    pub async fn clause(&self, id: i64) -> Result<Clause> {
        let record = sqlx::query_as!(
            ClauseRecord,
            r#"SELECT id, negotiation_id, ref as reference, title, position, status, status_quo FROM clauses WHERE id = ?"#,
            id
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| Error::not_found(format!("clause {id}")))?;
        let topics = sqlx::query_scalar!("SELECT topic FROM clause_topics WHERE clause_id = ? ORDER BY topic", id)
            .fetch_all(&self.pool)
            .await?;
        record.into_clause(topics)
    }

    /// Finds a clause by its ref within a negotiation, or by its id.
    pub async fn find_clause(&self, negotiation_id: Option<i64>, name: &str) -> Result<Clause> {
        let name = name.trim();
        if let Some(negotiation_id) = negotiation_id {
            let id = sqlx::query_scalar!(
                "SELECT id FROM clauses WHERE negotiation_id = ? AND lower(ref) = lower(?)",
                negotiation_id,
                name
            )
            .fetch_optional(&self.pool)
            .await?;
            if let Some(id) = id {
                return self.clause(id).await;
            }
        }
        if let Ok(id) = name.parse::<i64>() {
            return self.clause(id).await;
        }
        if negotiation_id.is_some() {
            return Err(Error::not_found(format!("a clause with ref '{name}' in this negotiation")));
        }
        let ids = sqlx::query_scalar!("SELECT id FROM clauses WHERE lower(ref) = lower(?) ORDER BY id", name)
            .fetch_all(&self.pool)
            .await?;
        match ids.as_slice() {
            [id] => self.clause(*id).await,
            [] => Err(Error::not_found(format!("a clause with ref '{name}'"))),
            _ => Err(Error::Conflict(format!(
                "several negotiations have a clause '{name}': name the negotiation too, or give the clause's id"
            ))),
        }
    }

    /// Every clause of a negotiation in order, with the head of each track: one query, one row per
    /// clause, the heads and topics folded into JSON by SQLite (a row per version would cost more in
    /// transfer than in SQL).
    pub async fn list_clauses(&self, negotiation_id: i64) -> Result<Vec<ClauseRow>> {
        let rows = sqlx::query!(
            r#"SELECT c.id, c.negotiation_id, c.ref as reference, c.title, c.position, c.status, c.status_quo,
                      (SELECT json_group_array(json_array(v.party_id, v.id, v.hash, v.tabled_at IS NOT NULL, v.created_at))
                       FROM versions v
                       WHERE v.id IN (SELECT max(id) FROM versions WHERE clause_id = c.id GROUP BY party_id)) as "heads!: String",
                      (SELECT json_group_array(topic) FROM (SELECT topic FROM clause_topics WHERE clause_id = c.id ORDER BY topic)) as "topics!: String"
               FROM clauses c WHERE c.negotiation_id = ? ORDER BY c.position"#,
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let heads: Vec<(Option<i64>, i64, String, u8, String)> =
                    serde_json::from_str(&r.heads).map_err(json_error)?;
                let mut heads: Vec<TrackHead> = heads
                    .into_iter()
                    .map(|(party_id, version_id, hash, tabled, created_at)| TrackHead {
                        track: Track::from_party_id(party_id),
                        version_id,
                        hash,
                        tabled: tabled != 0,
                        created_at,
                    })
                    .collect();
                // the parties' tracks in id order, the joint track last
                heads.sort_by_key(|h| h.track.party_id().unwrap_or(i64::MAX));
                let record = ClauseRecord {
                    id: r.id,
                    negotiation_id: r.negotiation_id,
                    reference: r.reference,
                    title: r.title,
                    position: r.position,
                    status: r.status,
                    status_quo: r.status_quo,
                };
                Ok(ClauseRow {
                    clause: record.into_clause(serde_json::from_str(&r.topics).map_err(json_error)?)?,
                    heads,
                })
            })
            .collect()
    }
}
