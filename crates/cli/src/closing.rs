//! Closing as the Labour Code has it: points entered in the protocol of disagreements, reservations,
//! the approval steps, and the commitments a signed agreement leaves to implement.

use anyhow::Result;
use trilogue_core::model::{ApprovalStep, ClauseStatus, Further, Side, Vote};
use trilogue_core::store::{NewApproval, NewCommitment, StatusChange};

use crate::commands::{Ctx, listing, say};
use crate::{CommitmentCommand, print};

pub async fn protocol(ctx: &Ctx, clause: &str, further: &str, reason: String, negotiation: Option<&str>) -> Result<()> {
    let c = ctx.clause(clause, negotiation).await?;
    let mut change = StatusChange::to(ClauseStatus::InProtocol, reason);
    change.further = Some(Further::parse(further)?);
    ctx.store.change_status(c.id, &change, &ctx.who).await?;
    say(format!("{} is entered in the protocol of disagreements ({})", c.reference, further.replace('_', " ")))
}

pub async fn reservation(ctx: &Ctx, clause: &str, org: &str, text: &str, negotiation: Option<&str>) -> Result<()> {
    let c = ctx.clause(clause, negotiation).await?;
    let party = ctx.store.find_party(c.negotiation_id, org).await?;
    ctx.store.add_reservation(c.id, party.id, text, &ctx.who).await?;
    say(format!("{} records a reservation on {}", party.label, c.reference))
}

pub struct ApprovalArgs {
    pub negotiation: String,
    pub step: String,
    pub date: String,
    pub side: Option<String>,
    pub body: String,
    pub votes: Option<(i64, i64, i64)>,
    pub rejected: bool,
}

pub async fn approval(ctx: &Ctx, a: ApprovalArgs) -> Result<()> {
    let n = ctx.negotiation(&a.negotiation).await?;
    let new = NewApproval {
        step: ApprovalStep::parse(&a.step)?,
        side: a.side.as_deref().map(Side::parse).transpose()?,
        body: a.body,
        decided_on: a.date,
        vote: a.votes.map(|(f, ag, ab)| Vote { votes_for: f, votes_against: ag, abstaining: ab }),
        approved: !a.rejected,
    };
    let r = ctx.store.record_approval(n.id, &new, &ctx.who).await?;
    let outcome = if r.approved { "approved" } else { "rejected" };
    say(format!("recorded: {} on {} — {outcome}", r.step.words(), r.decided_on))
}

pub async fn commitment(ctx: &Ctx, command: CommitmentCommand) -> Result<()> {
    match command {
        CommitmentCommand::Add { negotiation, text, responsible, due, clause } => {
            let n = ctx.negotiation(&negotiation).await?;
            let clause_id = match clause {
                Some(c) => Some(ctx.store.find_clause(Some(n.id), &c).await?.id),
                None => None,
            };
            let new = NewCommitment { text, responsible, due_on: due, clause_id };
            let c = ctx.store.add_commitment(n.id, &new, &ctx.who).await?;
            say(format!("commitment {}: {} — {} by {}", c.id, c.text, c.responsible, c.due_on))
        }
        CommitmentCommand::Done { id, on } => {
            let day = on.unwrap_or_else(|| ctx.who.at.date_naive().to_string());
            let c = ctx.store.commitment_done(id, &day, &ctx.who).await?;
            say(format!("commitment {} done on {}", c.id, c.done_on.unwrap_or_default()))
        }
        CommitmentCommand::List { negotiation, json } => {
            let n = ctx.negotiation(&negotiation).await?;
            let list = ctx.store.commitments(n.id).await?;
            listing(json, &list, |l| print::commitments(l, &ctx.who.at.date_naive().to_string()))
        }
    }
}
