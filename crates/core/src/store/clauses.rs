//! Clauses: stable ids, refs, order, topics, the status-quo text.

use super::rows::ClauseRecord;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use super::{ClauseSummary, Store, Who};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{Clause, ClauseStatus, Track, Version};

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewClause {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub status_quo: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    /// The section it is grouped under; empty for none.
    #[serde(default)]
    pub section: String,
}

/// The newest version on one track of a clause.
/// The clauses before and after one, in the negotiation's order.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Neighbours {
    pub prev: Option<i64>,
    pub next: Option<i64>,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackHead {
    pub track: Track,
    pub version_id: i64,
    pub tabled: bool,
    pub created_at: String,
}

/// A clause as a list shows it: with the head of each of its tracks.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClauseRow {
    #[serde(flatten)]
    pub clause: Clause,
    pub heads: Vec<TrackHead>,
}

fn json_error(e: serde_json::Error) -> Error {
    Error::Invalid(Msg::Unreadable { what: "a clause list".into(), detail: e.to_string() })
}

/// Inserts a clause at the end of the negotiation inside the caller's transaction.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    negotiation_id: i64,
    new: &NewClause,
    who: &Who,
) -> Result<i64> {
    crate::record::add_clause(conn, negotiation_id, new, who).await
}

/// A change to a clause's name or place; its identity (its id) never changes.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum ClauseEdit {
    /// Renumbered: `Art. 7` becomes `Art. 8`.
    Ref {
        reference: String,
    },
    Title {
        title: String,
    },
    Section {
        section: String,
    },
    Topics {
        topics: Vec<String>,
    },
    /// The standards the clause rests on, by code, replacing those linked before.
    Standards {
        codes: Vec<String>,
    },
    /// Moved before another clause, or to the end.
    Move {
        before: Option<i64>,
    },
}

/// The order of a negotiation's clauses with `moving` placed before `before` (at the end when none).
pub fn reorder(order: &[i64], moving: i64, before: Option<i64>) -> Result<Vec<i64>> {
    if before == Some(moving) {
        return Err(Error::Invalid(Msg::ClauseBeforeItself));
    }
    let mut rest: Vec<i64> = order.iter().copied().filter(|&id| id != moving).collect();
    let at = match before {
        None => rest.len(),
        Some(b) => rest.iter().position(|&id| id == b).ok_or_else(|| Error::NotFound(Msg::NoClause { id: b }))?,
    };
    rest.insert(at, moving);
    Ok(rest)
}

impl Store {
    pub async fn add_clause(&self, negotiation_id: i64, new: &NewClause, who: &Who) -> Result<Clause> {
        let mut tx = self.begin().await?;
        let id = insert(&mut tx, negotiation_id, new, who).await?;
        tx.commit().await?;
        self.clause(id).await
    }

    /// Starts a clause from a model of the clause library: its title, topic and standards, and its
    /// text as our side's first draft (never tabled by this).
    pub async fn add_clause_from_library(
        &self,
        negotiation_id: i64,
        new: &NewClause,
        slug: &str,
        who: &Who,
    ) -> Result<Clause> {
        let model = crate::record::model_in(self, negotiation_id, slug).await?;
        let mut tx = self.begin().await?;
        let id = crate::record::add_clause_from_library(&mut *tx, negotiation_id, new, model, who).await?;
        tx.commit().await?;
        self.clause(id).await
    }

    /// Drafts a model of the clause library into a clause, as a private joint draft in every authentic
    /// language of its negotiation; the model's title is the draft's rationale.
    pub async fn draft_from_library(&self, clause_id: i64, slug: &str, who: &Who) -> Result<Version> {
        let clause = self.clause(clause_id).await?;
        let model = crate::record::model_in(self, clause.negotiation_id, slug).await?;
        self.propose(clause_id, &crate::record::library_draft(model), who).await
    }

    /// Renumbers, renames, regroups, retags or moves a clause; journaled with what it was before.
    pub async fn edit_clause(&self, clause_id: i64, edit: &ClauseEdit, who: &Who) -> Result<Clause> {
        let mut tx = self.begin().await?;
        crate::record::edit_clause(&mut *tx, clause_id, edit, who).await?;
        tx.commit().await?;
        self.clause(clause_id).await
    }

    pub async fn clause(&self, id: i64) -> Result<Clause> {
        let record = sqlx::query_as!(
            ClauseRecord,
            r#"SELECT id, negotiation_id, ref as reference, title, position, status, status_quo, section
               FROM clauses WHERE id = ?"#,
            id
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| Error::NotFound(Msg::NoClause { id }))?;
        let topics = sqlx::query_scalar!("SELECT topic FROM clause_topics WHERE clause_id = ? ORDER BY topic", id)
            .fetch_all(&self.pool)
            .await?;
        record.into_clause(topics)
    }

    /// The clauses whose ref is `reference` (case-insensitive), within a negotiation or in all, by id.
    pub async fn clauses_named(&self, negotiation_id: Option<i64>, reference: &str) -> Result<Vec<i64>> {
        Ok(sqlx::query_scalar!(
            "SELECT id FROM clauses WHERE (?1 IS NULL OR negotiation_id = ?1) AND lower(ref) = lower(?2) ORDER BY id",
            negotiation_id,
            reference
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// The clauses before and after this one in the negotiation's order, for stepping through them.
    pub async fn neighbours(&self, clause: &Clause) -> Result<Neighbours> {
        let (negotiation_id, position) = (clause.negotiation_id, clause.position);
        let prev = sqlx::query_scalar!(
            "SELECT id FROM clauses WHERE negotiation_id = ? AND position < ? ORDER BY position DESC LIMIT 1",
            negotiation_id,
            position
        )
        .fetch_optional(&self.pool)
        .await?;
        let next = sqlx::query_scalar!(
            "SELECT id FROM clauses WHERE negotiation_id = ? AND position > ? ORDER BY position LIMIT 1",
            negotiation_id,
            position
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(Neighbours { prev, next })
    }

    /// Every clause of a negotiation in order, named with where it stands: no text is read.
    pub async fn clause_summaries(&self, negotiation_id: i64) -> Result<Vec<ClauseSummary>> {
        let rows = sqlx::query!(
            "SELECT id, ref, title, status FROM clauses WHERE negotiation_id = ? ORDER BY position",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|r| ClauseSummary::read(r.id, r.r#ref, r.title, &r.status)).collect()
    }

    /// Every clause of a negotiation in order, with the head of each track. SQLite assembles the whole
    /// list as one JSON document: a row per clause through sqlx costs more than the SQL itself, and
    /// the heads come from a covering index without reading any text.
    pub async fn list_clauses(&self, negotiation_id: i64) -> Result<Vec<ClauseRow>> {
        let document = sqlx::query_scalar!(
            r#"SELECT json_group_array(json_array(
                   c.id, c.negotiation_id, c.ref, c.title, c.position, c.status, c.status_quo, c.section,
                   (SELECT json_group_array(json_array(party_id, id, tabled, created_at))
                    FROM (SELECT party_id, max(id) as id, tabled_at IS NOT NULL as tabled, created_at
                          FROM versions WHERE clause_id = c.id GROUP BY party_id)),
                   (SELECT json_group_array(topic) FROM clause_topics WHERE clause_id = c.id)))
                 as "list!: String"
               FROM (SELECT * FROM clauses WHERE negotiation_id = ? ORDER BY position) c"#,
            negotiation_id
        )
        .fetch_one(&self.pool)
        .await?;
        type Head = (Option<i64>, i64, u8, String);
        type Listed = (i64, i64, String, String, i64, String, Option<String>, String, Vec<Head>, Vec<String>);
        let listed: Vec<Listed> = serde_json::from_str(&document).map_err(json_error)?;
        listed
            .into_iter()
            .map(|(id, negotiation_id, reference, title, position, status, status_quo, section, heads, mut topics)| {
                let mut heads: Vec<TrackHead> = heads
                    .into_iter()
                    .map(|(party_id, version_id, tabled, created_at)| TrackHead {
                        track: Track::from_party_id(party_id),
                        version_id,
                        tabled: tabled != 0,
                        created_at,
                    })
                    .collect();
                // the parties' tracks in id order, the joint track last
                heads.sort_by_key(|h| h.track.party_id().unwrap_or(i64::MAX));
                topics.sort();
                let record =
                    ClauseRecord { id, negotiation_id, reference, title, position, status, status_quo, section };
                Ok(ClauseRow { clause: record.into_clause(topics)?, heads })
            })
            .collect()
    }
}

/// A clause in the whole-agreement outline: which tracks have a tabled text, by the text's hash.
#[derive(Debug, Clone)]
pub struct TabledHashes {
    pub clause_id: i64,
    pub reference: String,
    pub title: String,
    pub status: ClauseStatus,
    pub has_status_quo: bool,
    /// (party id — none for the joint track —, hash of the latest tabled text)
    pub hashes: Vec<(Option<i64>, String)>,
}

impl Store {
    /// Every clause of a negotiation in order with the hashes of its latest tabled texts, as one JSON
    /// document (see `list_clauses`): no text is read.
    pub async fn tabled_hashes(&self, negotiation_id: i64) -> Result<Vec<TabledHashes>> {
        let document = sqlx::query_scalar!(
            r#"SELECT json_group_array(json_array(
                   c.id, c.ref, c.title, c.status, coalesce(c.status_quo, '') != '',
                   (SELECT json_group_array(json_array(v.party_id, v.hash)) FROM versions v
                    WHERE v.id IN (SELECT max(id) FROM versions WHERE clause_id = c.id AND tabled_at IS NOT NULL
                                   GROUP BY party_id))))
                 as "list!: String"
               FROM (SELECT * FROM clauses WHERE negotiation_id = ? ORDER BY position) c"#,
            negotiation_id
        )
        .fetch_one(&self.pool)
        .await?;
        type Listed = (i64, String, String, String, u8, Vec<(Option<i64>, String)>);
        let listed: Vec<Listed> = serde_json::from_str(&document).map_err(json_error)?;
        listed
            .into_iter()
            .map(|(clause_id, reference, title, status, has_status_quo, hashes)| {
                Ok(TabledHashes {
                    clause_id,
                    reference,
                    title,
                    status: ClauseStatus::parse(&status)?,
                    has_status_quo: has_status_quo != 0,
                    hashes,
                })
            })
            .collect()
    }
}
