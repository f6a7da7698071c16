//! Setting a negotiation up from scratch: the negotiation, its sides' organisations and delegates, whose
//! workbench this is, and its clauses.

use anyhow::Result;
use trilogue_core::Reader;
use trilogue_core::model::{ClosingRule, Level, Role, Side};
use trilogue_core::store::{ClauseEdit, DelegateEdit, NewClause, NewNegotiation, NewParty, party_colour};

use trilogue_core::words::Arg;

use crate::commands::{Ctx, listing};
use crate::{ClauseCommand, DelegateCommand, OrgCommand, print};

/// `general` is the republican level; `national` is read as it too.
fn level(name: &str) -> Result<Level> {
    Ok(Level::parse(if name.eq_ignore_ascii_case("national") { "general" } else { name })?)
}

pub struct NewArgs {
    pub title: String,
    pub level: String,
    pub tripartite: bool,
    pub closing: String,
    pub languages: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

pub async fn new(ctx: &Ctx, a: NewArgs) -> Result<()> {
    let new = NewNegotiation {
        title: a.title,
        level: level(&a.level)?,
        tripartite: a.tripartite,
        starts_on: a.from,
        ends_on: a.to,
        closing_rule: ClosingRule::parse(&a.closing)?,
        languages: a.languages,
    };
    let (n, _) = ctx.record.create_negotiation(&new, &[], &ctx.who).await?;
    ctx.say("cli-negotiation-created", &[("id", n.id.into()), ("title", (&n.title).into())])
}

pub async fn org(ctx: &Ctx, command: OrgCommand) -> Result<()> {
    match command {
        OrgCommand::Add { negotiation, side, label, name, colour } => {
            let n = ctx.negotiation(&negotiation).await?;
            let position = ctx.record.parties(n.id).await?.len();
            let new = NewParty {
                name,
                side: Some(Side::parse(&side)?),
                label,
                colour: colour.unwrap_or_else(|| party_colour(position)),
            };
            let p = ctx.record.add_party(n.id, &new, &ctx.who).await?;
            let side = ctx.words.name("side", &side.to_lowercase());
            let args: [(&str, Arg); 4] = [
                ("label", (&p.label).into()),
                ("name", (&p.name).into()),
                ("side", (&side).into()),
                ("id", n.id.into()),
            ];
            ctx.say("cli-org-added", &args)
        }
        OrgCommand::List { negotiation, json } => {
            let n = ctx.negotiation(&negotiation).await?;
            let sides =
                Sides { parties: ctx.record.parties(n.id).await?, delegates: ctx.record.delegates(n.id).await? };
            listing(json, &sides, |s| print::sides(s, &ctx.words))
        }
    }
}

/// The organisations of a negotiation and their delegates, as `org list` shows them.
#[derive(serde::Serialize)]
pub struct Sides {
    pub parties: Vec<trilogue_core::model::Party>,
    pub delegates: Vec<trilogue_core::model::Delegate>,
}

pub async fn delegate(ctx: &Ctx, command: DelegateCommand) -> Result<()> {
    match command {
        DelegateCommand::Add { negotiation, org, name, role } => {
            let n = ctx.negotiation(&negotiation).await?;
            let party = ctx.record.find_party(n.id, &org).await?;
            let d = ctx.record.add_delegate(party.id, &name, Role::parse(&role)?, &ctx.who).await?;
            let role = ctx.words.name("role", d.role.as_str());
            let args: [(&str, Arg); 4] = [
                ("id", d.id.into()),
                ("name", (&d.name).into()),
                ("role", (&role).into()),
                ("party", (&party.label).into()),
            ];
            ctx.say("cli-delegate-of", &args)
        }
        DelegateCommand::Edit { negotiation, delegate, name, role } => {
            let n = ctx.negotiation(&negotiation).await?;
            let d = ctx.record.find_delegate(n.id, &delegate).await?;
            let role = role.as_deref().map(Role::parse).transpose()?.unwrap_or(d.role);
            let edit = DelegateEdit { name: name.unwrap_or(d.name), role, retire: false };
            let d = ctx.record.edit_delegate(d.id, &edit, &ctx.who).await?;
            let role = ctx.words.name("role", d.role.as_str());
            ctx.say("cli-delegate", &[("id", d.id.into()), ("name", (&d.name).into()), ("role", (&role).into())])
        }
        DelegateCommand::Retire { negotiation, delegate } => {
            let n = ctx.negotiation(&negotiation).await?;
            let d = ctx.record.find_delegate(n.id, &delegate).await?;
            let edit = DelegateEdit { name: d.name.clone(), role: d.role, retire: true };
            ctx.record.edit_delegate(d.id, &edit, &ctx.who).await?;
            ctx.say("cli-delegate-retired", &[("name", (&d.name).into())])
        }
    }
}

pub async fn owner(ctx: &Ctx, negotiation: &str, org: &str) -> Result<()> {
    let n = ctx.negotiation(negotiation).await?;
    let party = ctx.record.find_party(n.id, org).await?;
    ctx.record.set_owner(n.id, party.id, &ctx.who).await?;
    ctx.say("cli-owner", &[("party", (&party.label).into())])
}

pub async fn clause(ctx: &Ctx, command: ClauseCommand) -> Result<()> {
    match command {
        ClauseCommand::Add { negotiation, reference, title, section, topics, from_library } => {
            let n = ctx.negotiation(&negotiation).await?;
            let new = NewClause { reference, title, status_quo: None, topics, section };
            let c = match from_library {
                Some(key) => ctx.record.add_clause_from_library(n.id, &new, &key, &ctx.who).await?,
                None => ctx.record.add_clause(n.id, &new, &ctx.who).await?,
            };
            let args: [(&str, Arg); 3] =
                [("id", c.id.into()), ("reference", (&c.reference).into()), ("title", (&c.title).into())];
            ctx.say("cli-clause-added", &args)
        }
        ClauseCommand::Rename { clause, reference, title, negotiation } => {
            let store = &ctx.record;
            let c = ctx.clause(&clause, negotiation.as_deref()).await?;
            if reference.is_none() && title.is_none() {
                anyhow::bail!(ctx.f("cli-ref-or-title", &[]));
            }
            let mut c = c;
            if let Some(reference) = reference {
                c = store.edit_clause(c.id, &ClauseEdit::Ref { reference }, &ctx.who).await?;
            }
            if let Some(title) = title {
                c = store.edit_clause(c.id, &ClauseEdit::Title { title }, &ctx.who).await?;
            }
            let args: [(&str, Arg); 3] =
                [("id", c.id.into()), ("reference", (&c.reference).into()), ("title", (&c.title).into())];
            ctx.say("cli-clause-renamed", &args)
        }
        ClauseCommand::Move { clause, before, end: _, negotiation } => {
            let store = &ctx.record;
            let c = ctx.clause(&clause, negotiation.as_deref()).await?;
            let before = match before {
                Some(b) => Some(store.find_clause(Some(c.negotiation_id), &b).await?),
                None => None,
            };
            store.edit_clause(c.id, &ClauseEdit::Move { before: before.as_ref().map(|b| b.id) }, &ctx.who).await?;
            match before {
                Some(b) => ctx.say(
                    "cli-moved-before",
                    &[("reference", (&c.reference).into()), ("before", (&b.reference).into())],
                ),
                None => ctx.say("cli-moved-last", &[("reference", (&c.reference).into())]),
            }
        }
        ClauseCommand::Group { clause, section, topics, standards, negotiation } => {
            let store = &ctx.record;
            let mut c = ctx.clause(&clause, negotiation.as_deref()).await?;
            if let Some(section) = section {
                c = store.edit_clause(c.id, &ClauseEdit::Section { section }, &ctx.who).await?;
            }
            if !topics.is_empty() {
                c = store.edit_clause(c.id, &ClauseEdit::Topics { topics }, &ctx.who).await?;
            }
            if !standards.is_empty() {
                c = store.edit_clause(c.id, &ClauseEdit::Standards { codes: standards }, &ctx.who).await?;
            }
            let linked = store.clause_standards(c.id).await?;
            let args: [(&str, Arg); 4] = [
                ("reference", (&c.reference).into()),
                ("section", (&c.section).into()),
                ("topics", c.topics.join(", ").into()),
                ("standards", linked.join("; ").into()),
            ];
            ctx.say("cli-grouped", &args)
        }
    }
}
