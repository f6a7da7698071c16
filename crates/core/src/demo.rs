//! The demo negotiation a newcomer opens: a national tripartite negotiation on AI at work, written for
//! the project (`assets/demo.json`). It is replayed through the same API a user drives, session by
//! session, so its journal, statuses and initials are exactly what real use would have produced.
//!
//! Its calendar is laid out relative to the day it is loaded: the dates in the file were written for
//! `written_for`, and the whole calendar moves by whole weeks (sessions keep their weekday) so that on
//! any day the negotiation is under way, with three sessions behind it and the fourth one to two weeks
//! ahead.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{Negotiation, NegotiationStatus, Priority, Role, Side, Track};
use crate::store::{NewClause, NewNegotiation, NewParty, NewSession, NewVersion, StatusChange, Store, Who};

const DEMO: &str = include_str!("../../../assets/demo.json");

#[derive(Deserialize)]
struct Demo {
    /// The day the file's dates were written for.
    written_for: NaiveDate,
    negotiation: NewNegotiation,
    owner: String,
    parties: Vec<DemoParty>,
    sessions: Vec<DemoSession>,
    agenda: HashMap<String, Vec<String>>,
    clauses: Vec<DemoClause>,
}

#[derive(Deserialize)]
struct DemoParty {
    name: String,
    side: Side,
    label: String,
    colour: String,
    delegates: Vec<(String, Role)>,
}

#[derive(Deserialize)]
struct DemoSession {
    starts_at: DateTime<Utc>,
    place: String,
    kind: crate::model::SessionKind,
    minutes: String,
}

#[derive(Deserialize)]
struct DemoClause {
    #[serde(rename = "ref")]
    reference: String,
    title: String,
    topics: Vec<String>,
    standards: Vec<String>,
    rounds: Vec<Round>,
    #[serde(default)]
    initials: Vec<Initials>,
    #[serde(default)]
    status: Vec<StatusMove>,
    note: Option<Note>,
}

#[derive(Deserialize)]
struct Round {
    session: Option<usize>,
    party: String,
    text: String,
    #[serde(default)]
    rationale: String,
    #[serde(default)]
    draft: bool,
}

#[derive(Deserialize)]
struct Initials {
    session: usize,
    parties: Vec<String>,
}

#[derive(Deserialize)]
struct StatusMove {
    session: usize,
    #[serde(flatten)]
    change: StatusChange,
}

#[derive(Deserialize)]
struct Note {
    priority: Priority,
    red_line: String,
    reasoning: String,
}

impl Demo {
    fn read() -> Result<Demo> {
        serde_json::from_str(DEMO)
            .map_err(|e| Error::Invalid(Msg::Unreadable { what: "assets/demo.json".into(), detail: e.to_string() }))
    }

    /// The title's words before the period's years: how a demo loaded in another year is found again.
    fn title_stem(&self) -> &str {
        self.negotiation.title.split('{').next().unwrap_or_default()
    }

    /// Moves the calendar to `today`, by whole weeks; the agreement's period follows the first session.
    fn move_to(&mut self, today: NaiveDate) {
        let weeks = (today - self.written_for).num_days().div_euclid(7);
        let shift = Duration::weeks(weeks);
        for s in &mut self.sessions {
            s.starts_at += shift;
        }
        let first = self.sessions.first().map_or(today, |s| s.starts_at.date_naive());
        let n = &mut self.negotiation;
        n.starts_on = Some(first.to_string());
        n.title = n
            .title
            .replace("{first}", &(first.year() + 1).to_string())
            .replace("{last}", &(first.year() + 3).to_string());
    }
}

/// Loads the demo negotiation laid out around `now`, or returns the one already in the workbench.
pub async fn load_demo(store: &Store, now: DateTime<Utc>) -> Result<Negotiation> {
    let mut demo = Demo::read()?;
    let stem = demo.title_stem().to_string();
    if let Some(existing) = store.negotiations().await?.into_iter().find(|n| n.negotiation.title.starts_with(&stem)) {
        return Ok(existing.negotiation);
    }
    demo.move_to(now.date_naive());
    let first = demo
        .sessions
        .first()
        .ok_or_else(|| {
            Error::Invalid(Msg::Unreadable { what: "assets/demo.json".into(), detail: "no session".into() })
        })?
        .starts_at;
    let secretariat = |at: DateTime<Utc>| Who::at("Secretariat of the Tripartite Commission", at);
    let setup = secretariat(first - Duration::days(14));

    let parties: Vec<NewParty> = demo
        .parties
        .iter()
        .map(|p| NewParty {
            name: p.name.clone(),
            side: Some(p.side),
            label: p.label.clone(),
            colour: p.colour.clone(),
        })
        .collect();
    let (negotiation, stored_parties) = store.create_negotiation(&demo.negotiation, &parties, &setup).await?;
    let id = negotiation.id;
    let mut party_ids = HashMap::new();
    let mut spokesperson = HashMap::new();
    let mut attendees = Vec::new();
    for (p, stored) in demo.parties.iter().zip(&stored_parties) {
        party_ids.insert(p.label.clone(), stored.id);
        for (name, role) in &p.delegates {
            attendees.push(store.add_delegate(stored.id, name, *role, &setup).await?.id);
            if *role == Role::Spokesperson {
                spokesperson.insert(p.label.clone(), name.clone());
            }
        }
    }
    store.set_owner(id, party_ids[&demo.owner], &setup).await?;

    let mut clause_ids = HashMap::new();
    for c in &demo.clauses {
        let new = NewClause {
            reference: c.reference.clone(),
            title: c.title.clone(),
            status_quo: None,
            topics: c.topics.clone(),
            section: String::new(),
        };
        let clause = store.add_clause(id, &new, &setup).await?;
        for code in &c.standards {
            store.link_standard(clause.id, code).await?;
        }
        clause_ids.insert(c.reference.clone(), clause.id);
    }

    let mut session_ids = Vec::new();
    let all_clauses: Vec<i64> = demo.clauses.iter().map(|c| clause_ids[&c.reference]).collect();
    for (i, s) in demo.sessions.iter().enumerate() {
        let number = (i + 1).to_string();
        let agenda = match demo.agenda.get(&number) {
            Some(refs) => refs.iter().map(|r| clause_ids[r]).collect(),
            None => all_clauses.clone(),
        };
        let held = !s.minutes.is_empty();
        let new = NewSession {
            starts_at: crate::store::stamp(s.starts_at),
            place: s.place.clone(),
            kind: s.kind,
            minutes: s.minutes.clone(),
            attendees: if held { attendees.clone() } else { Vec::new() },
            agenda,
        };
        session_ids.push(store.add_session(id, &new, &setup).await?.id);
    }

    let track = |label: &str| match label {
        "joint" => Track::Joint,
        l => Track::Party(party_ids[l]),
    };
    let author = |label: &str| {
        spokesperson.get(label).cloned().unwrap_or_else(|| "Secretariat of the Tripartite Commission".into())
    };
    for (index, s) in demo.sessions.iter().enumerate() {
        let number = index + 1;
        if number == 2 {
            store
                .set_negotiation_status(
                    id,
                    NegotiationStatus::InSession,
                    "negotiations opened",
                    &secretariat(s.starts_at),
                )
                .await?;
        }
        let mut minute = 0;
        let mut tick = || {
            minute += 7;
            s.starts_at + Duration::minutes(minute)
        };
        for c in &demo.clauses {
            let clause_id = clause_ids[&c.reference];
            for r in c.rounds.iter().filter(|r| r.session == Some(number)) {
                let new = NewVersion {
                    track: track(&r.party),
                    text: r.text.clone(),
                    rationale: r.rationale.clone(),
                    tabled: true,
                    session_id: Some(session_ids[index]),
                    received: None,
                    sent_by: None,
                    letter_ref: String::new(),
                    translations: vec![],
                };
                store.propose(clause_id, &new, &Who::at(author(&r.party), tick())).await?;
            }
            for i in c.initials.iter().filter(|i| i.session == number) {
                let joint = store.latest_tabled(clause_id, Track::Joint).await?.ok_or_else(|| {
                    Error::Invalid(Msg::Unreadable {
                        what: "assets/demo.json".into(),
                        detail: "initials without a joint text".into(),
                    })
                })?;
                for label in &i.parties {
                    let who = Who::at(author(label), tick());
                    store.initial(clause_id, party_ids[label], joint.id, Some(session_ids[index]), &who).await?;
                }
            }
            for m in c.status.iter().filter(|m| m.session == number) {
                store.change_status(clause_id, &m.change, &secretariat(tick())).await?;
            }
        }
    }

    // Our side's caucus: drafts not yet tabled and private notes, after the last session held.
    let caucus = demo.sessions.iter().filter(|s| !s.minutes.is_empty()).map(|s| s.starts_at).max().unwrap_or(first)
        + Duration::days(12);
    let owner_author = author(&demo.owner);
    for c in &demo.clauses {
        let clause_id = clause_ids[&c.reference];
        for r in c.rounds.iter().filter(|r| r.draft) {
            let new = NewVersion {
                track: track(&r.party),
                text: r.text.clone(),
                rationale: r.rationale.clone(),
                tabled: false,
                session_id: None,
                received: None,
                sent_by: None,
                letter_ref: String::new(),
                translations: vec![],
            };
            store.propose(clause_id, &new, &Who::at(owner_author.clone(), caucus)).await?;
        }
        if let Some(n) = &c.note {
            store
                .add_note(clause_id, n.priority, &n.red_line, &n.reasoning, &Who::at(owner_author.clone(), caucus))
                .await?;
        }
    }
    store.negotiation(id).await
}
