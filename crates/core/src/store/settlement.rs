//! The agreement as a whole: its status from preparation to force, the rule that settles it, and the
//! approval steps, and the commitments it leaves to implement.

use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::SqliteConnection;

use super::{Store, Who, events};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{Approval, ApprovalStep, ClauseStatus, ClosingRule, Commitment, NegotiationStatus, Side, Vote};

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
    super::status::refuse_unless_allowed(
        (from, to),
        agreement_transitions(from),
        |status| Msg::AgreementAlready { status },
        |from, to, allowed| Msg::AgreementCannotMove { from, to, allowed },
    )
}

/// An approval step as entered: a day, the body that decided, a vote where there was one.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewApproval {
    pub step: ApprovalStep,
    /// The side whose internal approval this is (for `side`).
    #[serde(default)]
    pub side: Option<Side>,
    #[serde(default)]
    pub body: String,
    /// The day it was decided, `YYYY-MM-DD`.
    pub decided_on: String,
    #[serde(default)]
    pub vote: Option<Vote>,
    pub approved: bool,
}

/// Whether an approval step may be recorded while the agreement is `status`: discussion by the
/// employees and a side's approval follow the settlement; signing follows them; registration follows
/// the signing.
pub fn check_approval(status: NegotiationStatus, step: ApprovalStep) -> Result<()> {
    let allowed: &[NegotiationStatus] = match step {
        ApprovalStep::Discussion | ApprovalStep::Side => &[TentativeSettlement],
        ApprovalStep::Signing => &[TentativeSettlement, Ratified],
        ApprovalStep::Registration => &[Signed, InForce],
    };
    if allowed.contains(&status) {
        return Ok(());
    }
    Err(Error::IllegalTransition(Msg::StepNotNow { step, allowed: allowed.to_vec(), status }))
}

/// The clauses that keep the agreement from a tentative settlement, by their ref: opened,
/// and neither tentatively agreed, withdrawn, nor — where the agreed terms are signed with a protocol
/// of disagreements — entered in the protocol.
pub fn unsettled(rule: ClosingRule, clauses: &[(String, ClauseStatus)]) -> Vec<String> {
    clauses
        .iter()
        .filter(|(_, s)| {
            let settled = match s {
                ClauseStatus::NotOpened | ClauseStatus::TentativelyAgreed | ClauseStatus::Withdrawn => true,
                ClauseStatus::InProtocol => rule == ClosingRule::Protocol,
                _ => false,
            };
            !settled
        })
        .map(|(r, _)| r.clone())
        .collect()
}

async fn agreement_status(conn: &mut SqliteConnection, negotiation_id: i64) -> Result<NegotiationStatus> {
    let status = sqlx::query_scalar!("SELECT status FROM negotiations WHERE id = ?", negotiation_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound(Msg::NoNegotiation { id: negotiation_id }))?;
    NegotiationStatus::parse(&status)
}

/// The negotiation's closing rule and its clauses' statuses, in order.
async fn closing(
    conn: &mut SqliteConnection,
    negotiation_id: i64,
) -> Result<(ClosingRule, Vec<(String, ClauseStatus)>)> {
    let rule = sqlx::query_scalar!("SELECT closing_rule FROM negotiations WHERE id = ?", negotiation_id)
        .fetch_one(&mut *conn)
        .await?;
    let rows =
        sqlx::query!("SELECT ref, status FROM clauses WHERE negotiation_id = ? ORDER BY position", negotiation_id)
            .fetch_all(&mut *conn)
            .await?;
    let clauses = rows.into_iter().map(|r| Ok((r.r#ref, ClauseStatus::parse(&r.status)?))).collect::<Result<_>>()?;
    Ok((ClosingRule::parse(&rule)?, clauses))
}

/// The votes recorded since the agreement last reached a tentative settlement: (approved, rejected).
/// Read from the journal, whose order is the order things happened in.
async fn votes_since_settlement(conn: &mut SqliteConnection, negotiation_id: i64) -> Result<(i64, i64)> {
    let settled = TentativeSettlement.as_str();
    let r = sqlx::query!(
        r#"SELECT coalesce(sum(json_extract(detail, '$.approved') = 1), 0) as "approved!: i64",
                  coalesce(sum(json_extract(detail, '$.approved') = 0), 0) as "rejected!: i64"
           FROM events WHERE negotiation_id = ?1 AND kind IN ('ratification_recorded', 'approval_recorded')
             AND json_extract(detail, '$.step') IS NOT 'signing' AND json_extract(detail, '$.step') IS NOT 'registration'
             AND id > coalesce(
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
            return Err(Error::Invalid(Msg::ReasonRequired));
        }
        let mut tx = self.begin().await?;
        let from = agreement_status(&mut tx, negotiation_id).await?;
        check_agreement_transition(from, to)?;
        match to {
            TentativeSettlement => {
                let (rule, clauses) = closing(&mut tx, negotiation_id).await?;
                let open = unsettled(rule, &clauses);
                if !open.is_empty() {
                    let mut clauses: Vec<String> = open.iter().take(8).cloned().collect();
                    if open.len() > 8 {
                        clauses.push("…".into());
                    }
                    let protocol = if rule == ClosingRule::Protocol { "yes" } else { "no" }.to_string();
                    return Err(Error::IllegalTransition(Msg::SettlementOpen { count: open.len(), clauses, protocol }));
                }
            }
            Ratified | Rejected => {
                let (approved, rejected) = votes_since_settlement(&mut tx, negotiation_id).await?;
                if to == Ratified && (approved == 0 || rejected > 0) {
                    return Err(Error::IllegalTransition(Msg::RatifyNeedsApproval));
                }
                if to == Rejected && rejected == 0 {
                    return Err(Error::IllegalTransition(Msg::RejectNeedsRejection));
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

    /// Records an approval step of the settled agreement.
    pub async fn record_approval(&self, negotiation_id: i64, new: &NewApproval, who: &Who) -> Result<Approval> {
        super::check_day(&new.decided_on)?;
        if new.step == ApprovalStep::Side && new.side.is_none() {
            return Err(Error::Invalid(Msg::ApprovalNeedsSide));
        }
        let vote = new.vote.unwrap_or(Vote { votes_for: 0, votes_against: 0, abstaining: 0 });
        if [vote.votes_for, vote.votes_against, vote.abstaining].iter().any(|v| *v < 0) {
            return Err(Error::Invalid(Msg::NegativeVotes));
        }
        let mut tx = self.begin().await?;
        check_approval(agreement_status(&mut tx, negotiation_id).await?, new.step)?;
        let (at, step, side, body) = (who.stamp(), new.step.as_str(), new.side.map(Side::as_str), new.body.trim());
        let (votes_for, votes_against, abstaining) = match new.vote {
            Some(v) => (Some(v.votes_for), Some(v.votes_against), Some(v.abstaining)),
            None => (None, None, None),
        };
        let id = sqlx::query_scalar!(
            r#"INSERT INTO approval_steps (negotiation_id, step, side, body, decided_on, votes_for, votes_against,
                                          abstaining, approved, recorded_by, recorded_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id as "id!""#,
            negotiation_id,
            step,
            side,
            body,
            new.decided_on,
            votes_for,
            votes_against,
            abstaining,
            new.approved,
            who.name,
            at
        )
        .fetch_one(&mut *tx)
        .await?;
        let detail = json!({ "approval_id": id, "step": new.step, "side": new.side, "body": body,
            "approved": new.approved, "vote": new.vote, "decided_on": new.decided_on });
        events::append(&mut tx, negotiation_id, None, "approval_recorded", who, body, detail).await?;
        tx.commit().await?;
        Ok(Approval {
            id,
            negotiation_id,
            step: new.step,
            side: new.side,
            body: body.to_string(),
            decided_on: new.decided_on.clone(),
            vote: new.vote,
            approved: new.approved,
            recorded_by: who.name.clone(),
            recorded_at: at,
        })
    }

    /// Every approval step recorded on a negotiation, oldest first.
    pub async fn approvals(&self, negotiation_id: i64) -> Result<Vec<Approval>> {
        let rows = sqlx::query!(
            r#"SELECT id, negotiation_id, step, side, body, decided_on, votes_for, votes_against, abstaining,
                      approved as "approved: bool", recorded_by, recorded_at
               FROM approval_steps WHERE negotiation_id = ? ORDER BY decided_on, id"#,
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let vote = match (r.votes_for, r.votes_against, r.abstaining) {
                    (Some(f), Some(a), Some(ab)) => Some(Vote { votes_for: f, votes_against: a, abstaining: ab }),
                    _ => None,
                };
                Ok(Approval {
                    id: r.id,
                    negotiation_id: r.negotiation_id,
                    step: ApprovalStep::parse(&r.step)?,
                    side: r.side.as_deref().map(Side::parse).transpose()?,
                    body: r.body,
                    decided_on: r.decided_on,
                    vote,
                    approved: r.approved,
                    recorded_by: r.recorded_by,
                    recorded_at: r.recorded_at,
                })
            })
            .collect()
    }

    /// Records what the agreement obliges: the text, who is responsible, by when.
    pub async fn add_commitment(&self, negotiation_id: i64, new: &NewCommitment, who: &Who) -> Result<Commitment> {
        super::check_day(&new.due_on)?;
        let (text, responsible) = (new.text.trim(), new.responsible.trim());
        if text.is_empty() || responsible.is_empty() {
            return Err(Error::Invalid(Msg::CommitmentNeedsText));
        }
        let mut tx = self.begin().await?;
        agreement_status(&mut tx, negotiation_id).await?;
        let at = who.stamp();
        let id = sqlx::query_scalar!(
            r#"INSERT INTO commitments (negotiation_id, clause_id, text, responsible, due_on, recorded_by, recorded_at)
               VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id as "id!""#,
            negotiation_id,
            new.clause_id,
            text,
            responsible,
            new.due_on,
            who.name,
            at
        )
        .fetch_one(&mut *tx)
        .await?;
        let detail = json!({ "commitment_id": id, "responsible": responsible, "due_on": new.due_on });
        events::append(&mut tx, negotiation_id, new.clause_id, "commitment_added", who, text, detail).await?;
        tx.commit().await?;
        self.commitment(id).await
    }

    /// Marks a commitment done on a day.
    pub async fn commitment_done(&self, commitment_id: i64, done_on: &str, who: &Who) -> Result<Commitment> {
        super::check_day(done_on)?;
        let c = self.commitment(commitment_id).await?;
        if let Some(day) = &c.done_on {
            return Err(Error::Conflict(Msg::CommitmentDone { id: commitment_id, day: day.clone() }));
        }
        let mut tx = self.begin().await?;
        sqlx::query!("UPDATE commitments SET done_on = ? WHERE id = ?", done_on, commitment_id)
            .execute(&mut *tx)
            .await?;
        let detail = json!({ "commitment_id": commitment_id, "done_on": done_on });
        events::append(&mut tx, c.negotiation_id, c.clause_id, "commitment_done", who, &c.text, detail).await?;
        tx.commit().await?;
        self.commitment(commitment_id).await
    }

    pub async fn commitment(&self, id: i64) -> Result<Commitment> {
        sqlx::query_as!(
            Commitment,
            "SELECT id, negotiation_id, clause_id, text, responsible, due_on, done_on FROM commitments WHERE id = ?",
            id
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| Error::NotFound(Msg::NoCommitment { id }))
    }

    /// The action plan: every commitment, by due date.
    pub async fn commitments(&self, negotiation_id: i64) -> Result<Vec<Commitment>> {
        Ok(sqlx::query_as!(
            Commitment,
            "SELECT id, negotiation_id, clause_id, text, responsible, due_on, done_on FROM commitments
             WHERE negotiation_id = ? ORDER BY due_on, id",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?)
    }
}

/// A commitment as entered.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewCommitment {
    pub text: String,
    /// Who is responsible: a side, an organisation, a body.
    pub responsible: String,
    /// By when, `YYYY-MM-DD`.
    pub due_on: String,
    #[serde(default)]
    pub clause_id: Option<i64>,
}
