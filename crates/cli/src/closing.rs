//! Closing as the Labour Code has it: points entered in the protocol of disagreements, reservations,
//! the approval steps, and the commitments a signed agreement leaves to implement.

use anyhow::Result;
use trilogue_core::Reader;
use trilogue_core::model::{ApprovalStep, ClauseStatus, Further, Side, Vote};
use trilogue_core::store::{NewApproval, NewCommitment, StatusChange};

use trilogue_core::words::Arg;

use crate::commands::{Ctx, listing};
use crate::{CommitmentCommand, print};

pub async fn protocol(ctx: &Ctx, clause: &str, further: &str, reason: String, negotiation: Option<&str>) -> Result<()> {
    let c = ctx.clause(clause, negotiation).await?;
    let mut change = StatusChange::to(ClauseStatus::InProtocol, reason);
    change.further = Some(Further::parse(further)?);
    ctx.record.change_status(c.id, &change, &ctx.who).await?;
    let further = ctx.words.name("further", change.further.map_or("", |f| f.as_str()));
    ctx.say("cli-in-protocol", &[("reference", (&c.reference).into()), ("further", (&further).into())])
}

pub async fn reservation(ctx: &Ctx, clause: &str, org: &str, text: &str, negotiation: Option<&str>) -> Result<()> {
    let c = ctx.clause(clause, negotiation).await?;
    let party = ctx.record.find_party(c.negotiation_id, org).await?;
    ctx.record.add_reservation(c.id, party.id, text, &ctx.who).await?;
    ctx.say("cli-reservation", &[("party", (&party.label).into()), ("reference", (&c.reference).into())])
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
    let r = ctx.record.record_approval(n.id, &new, &ctx.who).await?;
    let step = ctx.words.name("approval", r.step.as_str());
    let args: [(&str, Arg); 3] = [
        ("step", (&step).into()),
        ("day", (&r.decided_on).into()),
        ("approved", if r.approved { "yes" } else { "no" }.into()),
    ];
    ctx.say("cli-approval", &args)
}

pub async fn commitment(ctx: &Ctx, command: CommitmentCommand) -> Result<()> {
    match command {
        CommitmentCommand::Add { negotiation, text, responsible, due, clause } => {
            let n = ctx.negotiation(&negotiation).await?;
            let clause_id = match clause {
                Some(c) => Some(ctx.record.find_clause(Some(n.id), &c).await?.id),
                None => None,
            };
            let new = NewCommitment { text, responsible, due_on: due, clause_id };
            let c = ctx.record.add_commitment(n.id, &new, &ctx.who).await?;
            let args: [(&str, Arg); 4] = [
                ("id", c.id.into()),
                ("text", (&c.text).into()),
                ("responsible", (&c.responsible).into()),
                ("day", (&c.due_on).into()),
            ];
            ctx.say("cli-commitment", &args)
        }
        CommitmentCommand::Done { id, on } => {
            let day = on.unwrap_or_else(|| ctx.who.at.date_naive().to_string());
            let c = ctx.record.commitment_done(id, &day, &ctx.who).await?;
            ctx.say("cli-commitment-done", &[("id", c.id.into()), ("day", (&c.done_on.unwrap_or_default()).into())])
        }
        CommitmentCommand::List { negotiation, json } => {
            let n = ctx.negotiation(&negotiation).await?;
            let list = ctx.record.commitments(n.id).await?;
            listing(json, &list, |l| print::commitments(l, &ctx.who.at.date_naive().to_string(), &ctx.words))
        }
    }
}
