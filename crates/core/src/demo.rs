//! The demo negotiation a newcomer opens: the section on AI at work of a General Agreement between the
//! Government and the republican associations of employers and of trade unions, written for the project
//! (`assets/demo.json`) in Kazakh, Russian and English. Its sides are coalitions and name no real
//! organisation. It is replayed through the same API a user drives, session by
//! session, so its journal, statuses and initials are exactly what real use would have produced.
//!
//! Its calendar is laid out relative to the day it is loaded: the dates in the file were written for
//! `written_for`, and the whole calendar moves by whole weeks (sessions keep their weekday) so that on
//! any day the negotiation is under way, with three sessions behind it and the fourth one to two weeks
//! ahead.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::Deserialize;

use crate::authentic::LangText;
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{ClauseStatus, Negotiation, NegotiationStatus, Priority, Referral, Role, Side, Track};
use crate::store::{
    NegotiationSummary, NewClause, NewNegotiation, NewParty, NewSession, NewVersion, StatusChange, Store, Who,
};
use crate::words::{Lang, Parallel};

const DEMO: &str = include_str!("../../../assets/demo.json");

#[derive(Deserialize)]
struct Demo {
    /// The day the file's dates were written for.
    written_for: NaiveDate,
    negotiation: DemoNegotiation,
    secretariat: Parallel,
    /// Why the negotiation went into session, as the journal says it.
    opened: Parallel,
    owner: String,
    parties: Vec<DemoParty>,
    sessions: Vec<DemoSession>,
    /// A session's agenda by the points' numbers, where it is not every point.
    agenda: HashMap<String, Vec<u32>>,
    clauses: Vec<DemoClause>,
}

#[derive(Deserialize)]
struct DemoNegotiation {
    /// With `{first}` and `{last}` for the years of the agreement's period.
    title: Parallel,
    level: crate::model::Level,
    tripartite: bool,
}

#[derive(Deserialize)]
struct DemoParty {
    /// How the file's rounds and initials name the party.
    key: String,
    name: Parallel,
    side: Side,
    label: Parallel,
    colour: String,
    delegates: Vec<(Parallel, Role)>,
}

#[derive(Deserialize)]
struct DemoSession {
    starts_at: DateTime<Utc>,
    place: Parallel,
    kind: crate::model::SessionKind,
    minutes: Parallel,
}

#[derive(Deserialize)]
struct DemoClause {
    /// The point's number: "Art. 7", «Пункт 7», «7-тармақ».
    n: u32,
    title: Parallel,
    topics: Vec<Parallel>,
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
    text: Parallel,
    #[serde(default)]
    rationale: Parallel,
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
    to: ClauseStatus,
    reason: Parallel,
    #[serde(default)]
    referred_to: Option<Referral>,
}

#[derive(Deserialize)]
struct Note {
    priority: Priority,
    red_line: Parallel,
    reasoning: Parallel,
}

/// A point's reference in a language.
fn reference(n: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Art. {n}"),
        Lang::Ru => format!("Пункт {n}"),
        Lang::Kk => format!("{n}-тармақ"),
    }
}

/// Whether `title` is `template` with its years filled in.
fn fills(template: &str, title: &str) -> bool {
    let pieces: Vec<&str> = template.split(['{', '}']).step_by(2).collect();
    let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else { return false };
    let mut rest = match title.strip_prefix(first) {
        Some(rest) => rest,
        None => return false,
    };
    for piece in &pieces[1..pieces.len() - 1] {
        match rest.find(piece) {
            Some(at) if rest[..at].chars().all(|c| c.is_ascii_digit()) => rest = &rest[at + piece.len()..],
            _ => return false,
        }
    }
    rest.strip_suffix(last).is_some_and(|years| years.chars().all(|c| c.is_ascii_digit()))
}

impl Demo {
    fn read() -> Result<Demo> {
        serde_json::from_str(DEMO).map_err(|e| broken(e.to_string()))
    }

    /// Moves the calendar to `today`, by whole weeks; returns the title, whose period follows the first
    /// session.
    fn move_to(&mut self, today: NaiveDate, lang: Lang) -> String {
        let weeks = (today - self.written_for).num_days().div_euclid(7);
        let shift = Duration::weeks(weeks);
        for s in &mut self.sessions {
            s.starts_at += shift;
        }
        let first = self.sessions.first().map_or(today, |s| s.starts_at.date_naive());
        self.negotiation
            .title
            .get(lang)
            .replace("{first}", &(first.year() + 1).to_string())
            .replace("{last}", &(first.year() + 3).to_string())
    }
}

fn broken(detail: String) -> Error {
    Error::Invalid(Msg::Unreadable { what: "assets/demo.json".into(), detail })
}

/// The demo in `lang` among a record's negotiations, whenever it was loaded (its title names the years
/// it was laid out for).
pub fn loaded(negotiations: &[NegotiationSummary], lang: Lang) -> Result<Option<Negotiation>> {
    let template = Demo::read()?.negotiation.title.get(lang).to_string();
    Ok(negotiations.iter().find(|n| fills(&template, &n.negotiation.title)).map(|n| n.negotiation.clone()))
}

/// Loads the demo negotiation in `lang`, laid out around `now`, or returns the one already in the
/// workbench. In Kazakh or Russian it is a bilingual negotiation, as agreements in Kazakhstan are:
/// every text is tabled in both, the working language's first shown; in English, English alone.
pub async fn load_demo(store: &Store, now: DateTime<Utc>, lang: Lang) -> Result<Negotiation> {
    if let Some(existing) = loaded(&store.negotiations().await?, lang)? {
        return Ok(existing);
    }
    let mut demo = Demo::read()?;
    let title = demo.move_to(now.date_naive(), lang);
    let first = demo.sessions.first().ok_or_else(|| broken("no session".into()))?.starts_at;
    let languages = match lang {
        Lang::En => vec![Lang::En],
        _ => vec![Lang::Kk, Lang::Ru],
    };
    // the set as tabled: the negotiation's first language in `text`, the other beside it
    let set = |p: &Parallel| -> (String, Vec<LangText>) {
        let others = languages[1..].iter().map(|l| LangText { lang: *l, text: p.get(*l).to_string() }).collect();
        (p.get(languages[0]).to_string(), others)
    };
    let secretariat_name = demo.secretariat.get(lang).to_string();
    let secretariat = |at: DateTime<Utc>| Who::at(secretariat_name.clone(), at);
    let setup = secretariat(first - Duration::days(14));

    let negotiation = NewNegotiation {
        title,
        level: demo.negotiation.level,
        tripartite: demo.negotiation.tripartite,
        starts_on: Some(first.date_naive().to_string()),
        languages: languages.iter().map(|l| l.code().to_string()).collect(),
        ..NewNegotiation::titled("", demo.negotiation.level)
    };
    let parties: Vec<NewParty> = demo
        .parties
        .iter()
        .map(|p| NewParty {
            name: p.name.get(lang).to_string(),
            side: Some(p.side),
            label: p.label.get(lang).to_string(),
            colour: p.colour.clone(),
        })
        .collect();
    let (negotiation, stored_parties) = store.create_negotiation(&negotiation, &parties, &setup).await?;
    let id = negotiation.id;
    let mut party_ids = HashMap::new();
    let mut spokesperson = HashMap::new();
    let mut attendees = Vec::new();
    for (p, stored) in demo.parties.iter().zip(&stored_parties) {
        party_ids.insert(p.key.clone(), stored.id);
        for (name, role) in &p.delegates {
            attendees.push(store.add_delegate(stored.id, name.get(lang), *role, &setup).await?.id);
            if *role == Role::Spokesperson {
                spokesperson.insert(p.key.clone(), name.get(lang).to_string());
            }
        }
    }
    let party = |key: &str| party_ids.get(key).copied().ok_or_else(|| broken(format!("no party {key}")));
    store.set_owner(id, party(&demo.owner)?, &setup).await?;

    let mut clause_ids = HashMap::new();
    for c in &demo.clauses {
        let new = NewClause {
            reference: reference(c.n, lang),
            title: c.title.get(lang).to_string(),
            status_quo: None,
            topics: c.topics.iter().map(|t| t.get(lang).to_string()).collect(),
            section: String::new(),
        };
        let clause = store.add_clause(id, &new, &setup).await?;
        for code in &c.standards {
            store.link_standard(clause.id, code).await?;
        }
        clause_ids.insert(c.n, clause.id);
    }

    let mut session_ids = Vec::new();
    let all_clauses: Vec<i64> = demo.clauses.iter().map(|c| clause_ids[&c.n]).collect();
    for (i, s) in demo.sessions.iter().enumerate() {
        let number = (i + 1).to_string();
        let agenda = match demo.agenda.get(&number) {
            Some(points) => points
                .iter()
                .map(|n| clause_ids.get(n).copied().ok_or_else(|| broken(format!("no point {n}"))))
                .collect::<Result<_>>()?,
            None => all_clauses.clone(),
        };
        let held = !s.minutes.en.is_empty();
        let new = NewSession {
            starts_at: crate::store::stamp(s.starts_at),
            place: s.place.get(lang).to_string(),
            kind: s.kind,
            minutes: s.minutes.get(lang).to_string(),
            attendees: if held { attendees.clone() } else { Vec::new() },
            agenda,
        };
        session_ids.push(store.add_session(id, &new, &setup).await?.id);
    }

    let track = |key: &str| -> Result<Track> {
        Ok(match key {
            "joint" => Track::Joint,
            key => Track::Party(party(key)?),
        })
    };
    let author = |key: &str| spokesperson.get(key).cloned().unwrap_or_else(|| secretariat_name.clone());
    for (index, s) in demo.sessions.iter().enumerate() {
        let number = index + 1;
        if number == 2 {
            store
                .set_negotiation_status(
                    id,
                    NegotiationStatus::InSession,
                    demo.opened.get(lang),
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
            let clause_id = clause_ids[&c.n];
            for r in c.rounds.iter().filter(|r| r.session == Some(number)) {
                let (text, translations) = set(&r.text);
                let new = NewVersion {
                    rationale: r.rationale.get(lang).to_string(),
                    translations,
                    ..NewVersion::tabled(track(&r.party)?, text, Some(session_ids[index]))
                };
                store.propose(clause_id, &new, &Who::at(author(&r.party), tick())).await?;
            }
            for i in c.initials.iter().filter(|i| i.session == number) {
                let joint = store
                    .latest_tabled(clause_id, Track::Joint)
                    .await?
                    .ok_or_else(|| broken("initials without a joint text".into()))?;
                for key in &i.parties {
                    let who = Who::at(author(key), tick());
                    store.initial(clause_id, party(key)?, joint.id, Some(session_ids[index]), &who).await?;
                }
            }
            for m in c.status.iter().filter(|m| m.session == number) {
                let change = StatusChange {
                    to: m.to,
                    reason: m.reason.get(lang).to_string(),
                    referred_to: m.referred_to,
                    consenting: vec![],
                    further: None,
                };
                store.change_status(clause_id, &change, &secretariat(tick())).await?;
            }
        }
    }

    // Our side's caucus: drafts not yet tabled and private notes, after the last session held.
    let caucus = demo.sessions.iter().filter(|s| !s.minutes.en.is_empty()).map(|s| s.starts_at).max().unwrap_or(first)
        + Duration::days(12);
    let owner_author = author(&demo.owner);
    for c in &demo.clauses {
        let clause_id = clause_ids[&c.n];
        for r in c.rounds.iter().filter(|r| r.draft) {
            let (text, translations) = set(&r.text);
            let new = NewVersion {
                rationale: r.rationale.get(lang).to_string(),
                translations,
                ..NewVersion::draft(track(&r.party)?, text)
            };
            store.propose(clause_id, &new, &Who::at(owner_author.clone(), caucus)).await?;
        }
        if let Some(n) = &c.note {
            store
                .add_note(
                    clause_id,
                    n.priority,
                    n.red_line.get(lang),
                    n.reasoning.get(lang),
                    &Who::at(owner_author.clone(), caucus),
                )
                .await?;
        }
    }
    store.negotiation(id).await
}
