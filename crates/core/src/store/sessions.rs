//! Sessions: the bargaining rounds, who attended, the agenda, the minutes.

use crate::store::rows::SessionRecord;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Store, Who, events};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{ClauseStatus, Delegate, Initial, Session, SessionKind, Track};

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
        crate::text::check_size("minutes", &new.minutes)?;
        let mut tx = self.begin().await?;
        let kind = new.kind.as_str();
        let r = sqlx::query!(
            r#"INSERT INTO sessions (negotiation_id, number, starts_at, place, kind, minutes)
               VALUES (?1, (SELECT coalesce(max(number), 0) + 1 FROM sessions WHERE negotiation_id = ?1), ?2, ?3, ?4, ?5)
               RETURNING id as "id!", number as "number!: i64""#,
            negotiation_id, new.starts_at, new.place, kind, new.minutes
        )
        .fetch_one(&mut *tx)
        .await?;
        for delegate_id in &new.attendees {
            sqlx::query!(
                "INSERT OR IGNORE INTO session_attendees (session_id, delegate_id) VALUES (?, ?)",
                r.id,
                delegate_id
            )
            .execute(&mut *tx)
            .await?;
        }
        for (position, clause_id) in new.agenda.iter().enumerate() {
            let position = position as i64;
            sqlx::query!(
                "INSERT OR IGNORE INTO session_agenda (session_id, clause_id, position) VALUES (?, ?, ?)",
                r.id,
                clause_id,
                position
            )
            .execute(&mut *tx)
            .await?;
        }
        let detail = json!({ "session_id": r.id, "number": r.number, "starts_at": new.starts_at });
        events::append(&mut tx, negotiation_id, None, "session_scheduled", who, "", detail).await?;
        tx.commit().await?;
        self.session(r.id).await
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
        crate::text::check_size("minutes", minutes)?;
        let mut tx = self.begin().await?;
        let s = sqlx::query!("SELECT negotiation_id, number FROM sessions WHERE id = ?", session_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| Error::NotFound(Msg::NoSession { id: session_id }))?;
        sqlx::query!("UPDATE sessions SET minutes = ? WHERE id = ?", minutes, session_id).execute(&mut *tx).await?;
        let detail = json!({ "session_id": session_id, "number": s.number, "minutes": minutes });
        events::append(&mut tx, s.negotiation_id, None, "minutes_written", who, "", detail).await?;
        tx.commit().await?;
        self.session(session_id).await
    }

    /// Records who attended a session (replacing what was recorded); the journal keeps each record.
    pub async fn set_attendees(&self, session_id: i64, delegates: &[i64], who: &Who) -> Result<Vec<Delegate>> {
        let mut tx = self.begin().await?;
        let s = sqlx::query!("SELECT negotiation_id, number FROM sessions WHERE id = ?", session_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| Error::NotFound(Msg::NoSession { id: session_id }))?;
        let ids = serde_json::to_string(delegates).expect("ids serialise");
        let foreign = sqlx::query_scalar!(
            r#"SELECT count(*) as "n!: i64" FROM json_each(?) j
               WHERE NOT EXISTS (SELECT 1 FROM delegates d JOIN parties p ON p.id = d.party_id
                                 WHERE d.id = j.value AND p.negotiation_id = ?)"#,
            ids,
            s.negotiation_id
        )
        .fetch_one(&mut *tx)
        .await?;
        if foreign > 0 {
            return Err(Error::Invalid(Msg::AttendeeNotDelegate));
        }
        sqlx::query!("DELETE FROM session_attendees WHERE session_id = ?", session_id).execute(&mut *tx).await?;
        sqlx::query!(
            "INSERT OR IGNORE INTO session_attendees (session_id, delegate_id) SELECT ?, value FROM json_each(?)",
            session_id,
            ids
        )
        .execute(&mut *tx)
        .await?;
        let detail = json!({ "session_id": session_id, "number": s.number, "attendees": delegates });
        events::append(&mut tx, s.negotiation_id, None, "attendance_recorded", who, "", detail).await?;
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
