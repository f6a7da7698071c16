//! The agreement as a whole: its status from preparation to force, the rule that settles it, and the
//! approval steps, and the commitments it leaves to implement.

use serde::{Deserialize, Serialize};

use super::{Store, Who};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{Approval, ApprovalStep, ClauseStatus, ClosingRule, Commitment, NegotiationStatus, Side, Vote};
use crate::record;
use crate::store::rows::ApprovalRecord;

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

impl Store {
    /// Moves the agreement as a whole to another status, journaled with the reason.
    pub async fn set_negotiation_status(
        &self,
        negotiation_id: i64,
        to: NegotiationStatus,
        reason: &str,
        who: &Who,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        record::set_negotiation_status(&mut *tx, negotiation_id, to, reason, who).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records an approval step of the settled agreement.
    pub async fn record_approval(&self, negotiation_id: i64, new: &NewApproval, who: &Who) -> Result<Approval> {
        let mut tx = self.begin().await?;
        let (id, at) = record::record_approval(&mut *tx, negotiation_id, new, who).await?;
        tx.commit().await?;
        Ok(Approval::recorded(id, negotiation_id, new, who, at))
    }

    /// Every approval step recorded on a negotiation, oldest first.
    pub async fn approvals(&self, negotiation_id: i64) -> Result<Vec<Approval>> {
        let rows = sqlx::query_as!(
            ApprovalRecord,
            r#"SELECT id, negotiation_id, step, side, body, decided_on, votes_for, votes_against, abstaining,
                      approved as "approved: bool", recorded_by, recorded_at
               FROM approval_steps WHERE negotiation_id = ? ORDER BY decided_on, id"#,
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Approval::try_from).collect()
    }

    /// Records what the agreement obliges: the text, who is responsible, by when.
    pub async fn add_commitment(&self, negotiation_id: i64, new: &NewCommitment, who: &Who) -> Result<Commitment> {
        let mut tx = self.begin().await?;
        let id = record::add_commitment(&mut *tx, negotiation_id, new, who).await?;
        tx.commit().await?;
        self.commitment(id).await
    }

    /// Marks a commitment done on a day.
    pub async fn commitment_done(&self, commitment_id: i64, done_on: &str, who: &Who) -> Result<Commitment> {
        let mut tx = self.begin().await?;
        record::commitment_done(&mut *tx, commitment_id, done_on, who).await?;
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

impl Approval {
    /// An approval step as just recorded.
    pub fn recorded(id: i64, negotiation_id: i64, new: &NewApproval, who: &Who, recorded_at: String) -> Approval {
        Approval {
            id,
            negotiation_id,
            step: new.step,
            side: new.side,
            body: new.body.trim().to_string(),
            decided_on: new.decided_on.clone(),
            vote: new.vote,
            approved: new.approved,
            recorded_by: who.name.clone(),
            recorded_at,
        }
    }
}
