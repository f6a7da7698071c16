//! The agreement as a whole, by the same rules on every backend: moving it from preparation to force,
//! recording its approval steps, and the commitments it leaves to implement.

use serde_json::json;

use super::{Tx, append};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{ApprovalStep, ClosingRule, NegotiationStatus, Vote};
use crate::store::{NewApproval, NewCommitment, Who, check_agreement_transition, check_approval, check_day, unsettled};

use NegotiationStatus::*;

/// Moves the agreement as a whole to another status, journaled with the reason. A tentative
/// settlement needs every opened clause settled; ratification, a vote for it since the settlement and
/// none against; rejection, a vote against.
pub async fn set_negotiation_status(
    tx: &mut impl Tx,
    negotiation_id: i64,
    to: NegotiationStatus,
    reason: &str,
    who: &Who,
) -> Result<()> {
    if reason.trim().is_empty() {
        return Err(Error::Invalid(Msg::ReasonRequired));
    }
    let from = agreement_status(tx, negotiation_id).await?;
    check_agreement_transition(from, to)?;
    match to {
        TentativeSettlement => {
            let rule = tx.closing_rule(negotiation_id).await?;
            let open = unsettled(rule, &tx.clause_statuses(negotiation_id).await?);
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
            let (approved, rejected) = tx.votes_since_settlement(negotiation_id).await?;
            if to == Ratified && (approved == 0 || rejected > 0) {
                return Err(Error::IllegalTransition(Msg::RatifyNeedsApproval));
            }
            if to == Rejected && rejected == 0 {
                return Err(Error::IllegalTransition(Msg::RejectNeedsRejection));
            }
        }
        _ => {}
    }
    tx.move_negotiation(negotiation_id, from, to).await?;
    let detail = json!({ "from": from, "to": to });
    append(tx, negotiation_id, None, "negotiation_status_changed", who, reason, detail).await?;
    Ok(())
}

/// Records an approval step of the settled agreement; returns its id and when it was recorded.
pub async fn record_approval(
    tx: &mut impl Tx,
    negotiation_id: i64,
    new: &NewApproval,
    who: &Who,
) -> Result<(i64, String)> {
    check_day(&new.decided_on)?;
    if new.step == ApprovalStep::Side && new.side.is_none() {
        return Err(Error::Invalid(Msg::ApprovalNeedsSide));
    }
    let vote = new.vote.unwrap_or(Vote { votes_for: 0, votes_against: 0, abstaining: 0 });
    if [vote.votes_for, vote.votes_against, vote.abstaining].iter().any(|v| *v < 0) {
        return Err(Error::Invalid(Msg::NegativeVotes));
    }
    check_approval(agreement_status(tx, negotiation_id).await?, new.step)?;
    let (at, body) = (who.stamp(), new.body.trim());
    let id = tx.insert_approval(negotiation_id, new, body, &who.name, &at).await?;
    let detail = json!({ "approval_id": id, "step": new.step, "side": new.side, "body": body,
        "approved": new.approved, "vote": new.vote, "decided_on": new.decided_on });
    append(tx, negotiation_id, None, "approval_recorded", who, body, detail).await?;
    Ok((id, at))
}

/// Records what the agreement obliges: the text, who is responsible, by when; returns its id.
pub async fn add_commitment(tx: &mut impl Tx, negotiation_id: i64, new: &NewCommitment, who: &Who) -> Result<i64> {
    check_day(&new.due_on)?;
    let (text, responsible) = (new.text.trim(), new.responsible.trim());
    if text.is_empty() || responsible.is_empty() {
        return Err(Error::Invalid(Msg::CommitmentNeedsText));
    }
    crate::text::check_size("text", text)?;
    agreement_status(tx, negotiation_id).await?;
    if let Some(clause_id) = new.clause_id
        && tx.clause(clause_id).await?.is_none_or(|(n, _)| n != negotiation_id)
    {
        return Err(Error::NotFound(Msg::NoClause { id: clause_id }));
    }
    let at = who.stamp();
    let id = tx.insert_commitment(negotiation_id, new, (text, responsible), &who.name, &at).await?;
    let detail = json!({ "commitment_id": id, "responsible": responsible, "due_on": new.due_on });
    append(tx, negotiation_id, new.clause_id, "commitment_added", who, text, detail).await?;
    Ok(id)
}

/// Marks a commitment done on a day; once.
pub async fn commitment_done(tx: &mut impl Tx, commitment_id: i64, done_on: &str, who: &Who) -> Result<()> {
    check_day(done_on)?;
    let c = tx
        .commitment_to_finish(commitment_id)
        .await?
        .ok_or(Error::NotFound(Msg::NoCommitment { id: commitment_id }))?;
    tx.lock(c.negotiation_id).await?;
    if let Some(day) = c.done_on {
        return Err(Error::Conflict(Msg::CommitmentDone { id: commitment_id, day }));
    }
    tx.set_commitment_done(commitment_id, done_on).await?;
    let detail = json!({ "commitment_id": commitment_id, "done_on": done_on });
    append(tx, c.negotiation_id, c.clause_id, "commitment_done", who, &c.text, detail).await?;
    Ok(())
}

/// The agreement's status, its negotiation locked.
async fn agreement_status(tx: &mut impl Tx, negotiation_id: i64) -> Result<NegotiationStatus> {
    tx.lock(negotiation_id).await?;
    tx.negotiation_status(negotiation_id).await?.ok_or(Error::NotFound(Msg::NoNegotiation { id: negotiation_id }))
}
