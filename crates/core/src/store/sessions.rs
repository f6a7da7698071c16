//! Sessions: the bargaining rounds, who attended, the agenda, the minutes.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Store, Who, events};
use crate::error::{Error, Result};
use crate::model::{Session, SessionKind};

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

struct SessionRecord {
    id: i64,
    negotiation_id: i64,
    number: i64,
    starts_at: String,
    place: String,
    kind: String,
    minutes: String,
}

impl TryFrom<SessionRecord> for Session {
    type Error = Error;
    fn try_from(r: SessionRecord) -> Result<Self> {
        Ok(Session {
            id: r.id,
            negotiation_id: r.negotiation_id,
            number: r.number,
            starts_at: r.starts_at,
            place: r.place,
            kind: SessionKind::parse(&r.kind)?,
            minutes: r.minutes,
        })
    }
}

impl Store {
    /// Schedules the next session of a negotiation, numbered after the last.
    pub async fn add_session(&self, negotiation_id: i64, new: &NewSession, who: &Who) -> Result<Session> {
        crate::text::check_size("the minutes", &new.minutes)?;
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
        .ok_or_else(|| Error::not_found(format!("session {id}")))?
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
