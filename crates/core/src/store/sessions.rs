//! Sessions: the bargaining rounds, who attended, the agenda, the minutes.

use crate::store::rows::SessionRecord;
use serde::{Deserialize, Serialize};

use super::{Store, Who};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{ClauseStatus, Delegate, Initial, Session, SessionKind, Track};
use crate::record;

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewSession {
    pub starts_at: String,
    pub place: String,
    pub kind: SessionKind,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub attendees: Vec<i64>,
    #[serde(default)]
    pub agenda: Vec<i64>,
}

impl Store {
    /// Schedules the next session of a negotiation, numbered after the last.
    pub async fn add_session(&self, negotiation_id: i64, new: &NewSession, who: &Who) -> Result<Session> {
        let mut tx = self.begin().await?;
        let id = record::add_session(&mut *tx, negotiation_id, new, who).await?;
        tx.commit().await?;
        self.session(id).await
    }

    pub async fn session(&self, id: i64) -> Result<Session> {
        sqlx::query_as!(
            SessionRecord,
            "SELECT id, negotiation_id, number, starts_at, place, kind, minutes FROM sessions WHERE id = ?",
            id
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| Error::NotFound(Msg::NoSession { id }))?
        .try_into()
    }

    pub async fn sessions(&self, negotiation_id: i64) -> Result<Vec<Session>> {
        sqlx::query_as!(
            SessionRecord,
            "SELECT id, negotiation_id, number, starts_at, place, kind, minutes FROM sessions
             WHERE negotiation_id = ? ORDER BY number",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(Session::try_from)
        .collect()
    }
}

/// A clause named with where it stands: an item of a session's agenda, a clause still to be settled.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClauseSummary {
    pub clause_id: i64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub status: ClauseStatus,
}

impl ClauseSummary {
    pub(super) fn read(clause_id: i64, reference: String, title: String, status: &str) -> Result<ClauseSummary> {
        Ok(ClauseSummary { clause_id, reference, title, status: ClauseStatus::parse(status)? })
    }
}

/// A version tabled in a session.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tabling {
    pub version_id: i64,
    pub clause_id: i64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub track: Track,
    pub author: String,
    pub tabled_at: String,
}

/// An initial given in a session, with the clause it was given on.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InitialGiven {
    #[serde(flatten)]
    pub initial: Initial,
    #[serde(rename = "ref")]
    pub reference: String,
}

impl Store {
    /// Writes a session's minutes (Markdown); the change is journaled, the earlier minutes with it.
    pub async fn set_minutes(&self, session_id: i64, minutes: &str, who: &Who) -> Result<Session> {
        let mut tx = self.begin().await?;
        record::set_minutes(&mut *tx, session_id, minutes, who).await?;
        tx.commit().await?;
        self.session(session_id).await
    }

    /// Records who attended a session (replacing what was recorded); the journal keeps each record.
    pub async fn set_attendees(&self, session_id: i64, delegates: &[i64], who: &Who) -> Result<Vec<Delegate>> {
        let mut tx = self.begin().await?;
        record::set_attendees(&mut *tx, session_id, delegates, who).await?;
        tx.commit().await?;
        self.attendees(session_id).await
    }

    /// The delegates who attended a session, by party.
    pub async fn attendees(&self, session_id: i64) -> Result<Vec<Delegate>> {
        let rows = sqlx::query_as!(
            super::rows::DelegateRecord,
            "SELECT d.id, d.party_id, d.name, d.role, d.retired_at FROM session_attendees a
             JOIN delegates d ON d.id = a.delegate_id JOIN parties p ON p.id = d.party_id
             WHERE a.session_id = ? ORDER BY p.position, d.id",
            session_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Delegate::try_from).collect()
    }

    /// The clauses on a session's agenda, in its order.
    pub async fn agenda(&self, session_id: i64) -> Result<Vec<ClauseSummary>> {
        let rows = sqlx::query!(
            "SELECT c.id, c.ref, c.title, c.status FROM session_agenda a JOIN clauses c ON c.id = a.clause_id
             WHERE a.session_id = ? ORDER BY a.position",
            session_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|r| ClauseSummary::read(r.id, r.r#ref, r.title, &r.status)).collect()
    }

    /// The versions tabled in a session, in the order they were tabled. Drafts never are.
    pub async fn tabled_in(&self, session_id: i64) -> Result<Vec<Tabling>> {
        let rows = sqlx::query!(
            r#"SELECT v.id, v.clause_id, c.ref, v.party_id, v.author, v.tabled_at as "tabled_at!"
               FROM versions v JOIN clauses c ON c.id = v.clause_id
               WHERE v.session_id = ? AND v.tabled_at IS NOT NULL ORDER BY v.tabled_at, v.id"#,
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

    /// The initials given in a session, voided ones included.
    pub async fn initialed_in(&self, session_id: i64) -> Result<Vec<InitialGiven>> {
        let rows = sqlx::query!(
            "SELECT i.id, i.clause_id, c.ref, i.party_id, i.version_id, i.hash, i.initialed_by, i.initialed_at,
                    i.session_id, i.voided_at, i.voided_by_version
             FROM initials i JOIN clauses c ON c.id = i.clause_id WHERE i.session_id = ? ORDER BY i.id",
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
}
