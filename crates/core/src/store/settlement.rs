//! The agreement as a whole: its status from preparation to force, the rule that settles it, and the
//! ratification record.

use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::SqliteConnection;

use super::{Store, Who, events};
use crate::error::{Error, Result};
use crate::model::{ClauseStatus, NegotiationStatus, Ratification};

use NegotiationStatus::*;

/// The statuses the agreement may move to from `from`. Ratified and rejected are further bound to a
/// recorded vote; a tentative settlement to every opened clause being initialed or withdrawn.
pub fn agreement_transitions(from: NegotiationStatus) -> &'static [NegotiationStatus] {
    match from {
        Preparing => &[InSession, Suspended],
        InSession => &[TentativeSettlement, Suspended],
        // back to the table when a clause is reopened or a ratifying body asks for more
        TentativeSettlement => &[InSession, Ratified, Rejected, Suspended],
        Ratified => &[Signed],
        Rejected => &[InSession],
        Signed => &[InForce],
        InForce => &[Suspended],
        Suspended => &[InSession, InForce],
    }
}

/// Refuses an illegal move of the agreement, saying why and what is possible instead.
pub fn check_agreement_transition(from: NegotiationStatus, to: NegotiationStatus) -> Result<()> {
    super::status::refuse_unless_allowed("the agreement", (from, to), agreement_transitions(from))
}

/// A ratifying body's vote, as entered.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewRatification {
    pub body: String,
    /// The day of the vote, `YYYY-MM-DD`.
    pub decided_on: String,
    pub votes_for: i64,
    pub votes_against: i64,
    pub abstaining: i64,
    pub approved: bool,
}

async fn agreement_status(conn: &mut SqliteConnection, negotiation_id: i64) -> Result<NegotiationStatus> {
    let status = sqlx::query_scalar!("SELECT status FROM negotiations WHERE id = ?", negotiation_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("negotiation {negotiation_id}")))?;
    NegotiationStatus::parse(&status)
}

/// The clauses that keep the agreement from a tentative settlement: opened, and neither tentatively
/// agreed nor withdrawn.
async fn unsettled_clauses(conn: &mut SqliteConnection, negotiation_id: i64) -> Result<Vec<String>> {
    let (not_opened, agreed, withdrawn) =
        (ClauseStatus::NotOpened.as_str(), ClauseStatus::TentativelyAgreed.as_str(), ClauseStatus::Withdrawn.as_str());
    Ok(sqlx::query_scalar!(
        "SELECT ref || ' (' || replace(status, '_', ' ') || ')' FROM clauses
         WHERE negotiation_id = ? AND status NOT IN (?, ?, ?) ORDER BY position",
        negotiation_id,
        not_opened,
        agreed,
        withdrawn
    )
    .fetch_all(&mut *conn)
    .await?)
}

/// The votes recorded since the agreement last reached a tentative settlement: (approved, rejected).
/// Read from the journal, whose order is the order things happened in.
async fn votes_since_settlement(conn: &mut SqliteConnection, negotiation_id: i64) -> Result<(i64, i64)> {
    let settled = TentativeSettlement.as_str();
    let r = sqlx::query!(
        r#"SELECT coalesce(sum(json_extract(detail, '$.approved') = 1), 0) as "approved!: i64",
                  coalesce(sum(json_extract(detail, '$.approved') = 0), 0) as "rejected!: i64"
           FROM events WHERE negotiation_id = ?1 AND kind = 'ratification_recorded' AND id > coalesce(
             (SELECT max(id) FROM events WHERE negotiation_id = ?1 AND kind = 'negotiation_status_changed'
                AND json_extract(detail, '$.to') = ?2), 0)"#,
        negotiation_id,
        settled
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok((r.approved, r.rejected))
}

impl Store {
    /// Moves the agreement as a whole to another status, journaled with the reason.
    pub async fn set_negotiation_status(
        &self,
        negotiation_id: i64,
        to: NegotiationStatus,
        reason: &str,
        who: &Who,
    ) -> Result<()> {
        if reason.trim().is_empty() {
            return Err(Error::invalid("say why the agreement's status changes (a reason is required)"));
        }
        let mut tx = self.begin().await?;
        let from = agreement_status(&mut tx, negotiation_id).await?;
        check_agreement_transition(from, to)?;
        match to {
            TentativeSettlement => {
                let open = unsettled_clauses(&mut tx, negotiation_id).await?;
                if !open.is_empty() {
                    let shown = open.iter().take(8).cloned().collect::<Vec<_>>().join(", ");
                    let more = if open.len() > 8 { format!(" and {} more", open.len() - 8) } else { String::new() };
                    return Err(Error::IllegalTransition(format!(
                        "a tentative settlement needs every opened clause initialed or withdrawn; \
                         {} clause(s) are not: {shown}{more}",
                        open.len()
                    )));
                }
            }
            Ratified | Rejected => {
                let (approved, rejected) = votes_since_settlement(&mut tx, negotiation_id).await?;
                if to == Ratified && (approved == 0 || rejected > 0) {
                    return Err(Error::IllegalTransition(
                        "the agreement is ratified only when a ratifying body has approved it and none rejected it: \
                         record the votes first"
                            .into(),
                    ));
                }
                if to == Rejected && rejected == 0 {
                    return Err(Error::IllegalTransition(
                        "the agreement is rejected only by a recorded vote of a ratifying body".into(),
                    ));
                }
            }
            _ => {}
        }
        let to_name = to.as_str();
        sqlx::query!("UPDATE negotiations SET status = ? WHERE id = ?", to_name, negotiation_id)
            .execute(&mut *tx)
            .await?;
        let detail = json!({ "from": from, "to": to });
        events::append(&mut tx, negotiation_id, None, "negotiation_status_changed", who, reason, detail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a ratifying body's vote on the tentative settlement.
    pub async fn record_ratification(
        &self,
        negotiation_id: i64,
        new: &NewRatification,
        who: &Who,
    ) -> Result<Ratification> {
        if new.body.trim().is_empty() {
            return Err(Error::invalid("name the body that voted"));
        }
        if chrono::NaiveDate::parse_from_str(&new.decided_on, "%Y-%m-%d").is_err() {
            return Err(Error::invalid(format!("'{}' is not a date: write it as YYYY-MM-DD", new.decided_on)));
        }
        if [new.votes_for, new.votes_against, new.abstaining].iter().any(|v| *v < 0) {
            return Err(Error::invalid("votes cannot be negative"));
        }
        let mut tx = self.begin().await?;
        let status = agreement_status(&mut tx, negotiation_id).await?;
        if status != TentativeSettlement {
            return Err(Error::IllegalTransition(format!(
                "only a tentative settlement is put to a ratification vote; the agreement is {}",
                status.words()
            )));
        }
        let at = who.stamp();
        let id = sqlx::query_scalar!(
            r#"INSERT INTO ratifications (negotiation_id, body, decided_on, votes_for, votes_against, abstaining,
                                         approved, recorded_by, recorded_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id as "id!""#,
            negotiation_id,
            new.body,
            new.decided_on,
            new.votes_for,
            new.votes_against,
            new.abstaining,
            new.approved,
            who.name,
            at
        )
        .fetch_one(&mut *tx)
        .await?;
        let detail = json!({ "ratification_id": id, "body": new.body, "approved": new.approved,
            "votes": [new.votes_for, new.votes_against, new.abstaining] });
        let reason = format!(
            "{}: {} for, {} against, {} abstaining — {}",
            new.body,
            new.votes_for,
            new.votes_against,
            new.abstaining,
            if new.approved { "approved" } else { "rejected" }
        );
        events::append(&mut tx, negotiation_id, None, "ratification_recorded", who, &reason, detail).await?;
        tx.commit().await?;
        Ok(Ratification {
            id,
            negotiation_id,
            body: new.body.clone(),
            decided_on: new.decided_on.clone(),
            votes_for: new.votes_for,
            votes_against: new.votes_against,
            abstaining: new.abstaining,
            approved: new.approved,
            recorded_by: who.name.clone(),
            recorded_at: at,
        })
    }

    /// Every vote recorded on a negotiation, oldest first.
    pub async fn ratifications(&self, negotiation_id: i64) -> Result<Vec<Ratification>> {
        Ok(sqlx::query_as!(
            Ratification,
            r#"SELECT id, negotiation_id, body, decided_on, votes_for, votes_against, abstaining,
                      approved as "approved: bool", recorded_by, recorded_at
               FROM ratifications WHERE negotiation_id = ? ORDER BY id"#,
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?)
    }
}
