//! The record's rows as both backends read them, and what each becomes: one definition, which a
//! workbench file's queries (SQLite) and a shared record's (PostgreSQL, `trilogue-pg`) fill alike
//! through `sqlx::query_as!`.

use serde_json::Value;

use crate::authentic::parse_languages;
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{
    Approval, ApprovalStep, Clause, ClauseStatus, ClosingRule, Delegate, Event, Further, Level, Negotiation,
    NegotiationStatus, Party, Priority, PrivateNote, ProtocolEntry, Role, Session, SessionKind, Side, Track, Version,
    Vote,
};

/// A version as stored; `needs_revision` the languages' codes, comma-separated.
pub struct VersionRecord {
    pub id: i64,
    pub clause_id: i64,
    pub party_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub text: String,
    pub hash: String,
    pub author: String,
    pub created_at: String,
    pub rationale: String,
    pub tabled_at: Option<String>,
    pub session_id: Option<i64>,
    pub sent_by: Option<i64>,
    pub letter_ref: String,
    pub needs_revision: String,
}

impl From<VersionRecord> for Version {
    fn from(r: VersionRecord) -> Self {
        Version {
            id: r.id,
            clause_id: r.clause_id,
            track: Track::from_party_id(r.party_id),
            parent_id: r.parent_id,
            text: r.text,
            hash: r.hash,
            author: r.author,
            created_at: r.created_at,
            rationale: r.rationale,
            tabled_at: r.tabled_at,
            session_id: r.session_id,
            sent_by: r.sent_by,
            letter_ref: r.letter_ref,
            needs_revision: parse_languages(&r.needs_revision),
        }
    }
}

/// A private note as stored.
pub struct NoteRecord {
    pub id: i64,
    pub clause_id: i64,
    pub priority: String,
    pub red_line: String,
    pub reasoning: String,
    pub author: String,
    pub created_at: String,
}

impl TryFrom<NoteRecord> for PrivateNote {
    type Error = crate::Error;

    fn try_from(r: NoteRecord) -> Result<Self> {
        Ok(PrivateNote {
            id: r.id,
            clause_id: r.clause_id,
            priority: Priority::parse(&r.priority)?,
            red_line: r.red_line,
            reasoning: r.reasoning,
            author: r.author,
            created_at: r.created_at,
        })
    }
}

/// A journal entry as stored; `detail` is JSON text.
pub struct EventRecord {
    pub id: i64,
    pub negotiation_id: i64,
    pub clause_id: Option<i64>,
    pub kind: String,
    pub actor: String,
    pub at: String,
    pub reason: String,
    pub detail: String,
    pub hash: String,
}

impl From<EventRecord> for Event {
    fn from(r: EventRecord) -> Self {
        Event {
            detail: serde_json::from_str(&r.detail).unwrap_or(Value::String(r.detail)),
            id: r.id,
            negotiation_id: r.negotiation_id,
            clause_id: r.clause_id,
            kind: r.kind,
            actor: r.actor,
            at: r.at,
            reason: r.reason,
            hash: r.hash,
        }
    }
}

/// A clause as stored, without its topics (a table of their own).
pub struct ClauseRecord {
    pub id: i64,
    pub negotiation_id: i64,
    pub reference: String,
    pub title: String,
    pub position: i64,
    pub status: String,
    pub status_quo: Option<String>,
    pub section: String,
}

impl ClauseRecord {
    pub fn into_clause(self, topics: Vec<String>) -> Result<Clause> {
        Ok(Clause {
            id: self.id,
            negotiation_id: self.negotiation_id,
            reference: self.reference,
            title: self.title,
            position: self.position,
            status: ClauseStatus::parse(&self.status)?,
            status_quo: self.status_quo,
            topics,
            section: self.section,
        })
    }
}

/// An organisation of a negotiation as stored.
pub struct PartyRecord {
    pub id: i64,
    pub negotiation_id: i64,
    pub name: String,
    pub side: Option<String>,
    pub label: String,
    pub colour: String,
    pub position: i64,
}

impl TryFrom<PartyRecord> for Party {
    type Error = crate::Error;

    fn try_from(r: PartyRecord) -> Result<Self> {
        Ok(Party {
            id: r.id,
            negotiation_id: r.negotiation_id,
            name: r.name,
            side: r.side.as_deref().map(Side::parse).transpose()?,
            label: r.label,
            colour: r.colour,
            position: r.position,
        })
    }
}

/// A delegate as stored: the role still text, checked on the way out.
pub struct DelegateRecord {
    pub id: i64,
    pub party_id: i64,
    pub name: String,
    pub role: String,
    pub retired_at: Option<String>,
}

impl TryFrom<DelegateRecord> for Delegate {
    type Error = Error;
    fn try_from(r: DelegateRecord) -> Result<Self> {
        Ok(Delegate {
            id: r.id,
            party_id: r.party_id,
            name: r.name,
            role: Role::parse(&r.role)?,
            retired_at: r.retired_at,
        })
    }
}

/// A session as stored: its kind still text.
pub struct SessionRecord {
    pub id: i64,
    pub negotiation_id: i64,
    pub number: i64,
    pub starts_at: String,
    pub place: String,
    pub kind: String,
    pub minutes: String,
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

/// A negotiation as stored: names still text, checked on the way out.
pub struct NegotiationRecord {
    pub id: i64,
    pub title: String,
    pub level: String,
    pub tripartite: bool,
    pub status: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub owner_party_id: Option<i64>,
    pub created_at: String,
    pub closing_rule: String,
    pub languages: String,
}

impl TryFrom<NegotiationRecord> for Negotiation {
    type Error = Error;
    fn try_from(r: NegotiationRecord) -> Result<Self> {
        Ok(Negotiation {
            id: r.id,
            title: r.title,
            level: Level::parse(&r.level)?,
            tripartite: r.tripartite,
            status: NegotiationStatus::parse(&r.status)?,
            starts_on: r.starts_on,
            ends_on: r.ends_on,
            owner_party_id: r.owner_party_id,
            created_at: r.created_at,
            closing_rule: ClosingRule::parse(&r.closing_rule)?,
            languages: r.languages.split(',').map(String::from).collect(),
        })
    }
}

/// An approval step as stored: its step and side still text, its vote three columns.
pub struct ApprovalRecord {
    pub id: i64,
    pub negotiation_id: i64,
    pub step: String,
    pub side: Option<String>,
    pub body: String,
    pub decided_on: String,
    pub votes_for: Option<i64>,
    pub votes_against: Option<i64>,
    pub abstaining: Option<i64>,
    pub approved: bool,
    pub recorded_by: String,
    pub recorded_at: String,
}

impl TryFrom<ApprovalRecord> for Approval {
    type Error = Error;
    fn try_from(r: ApprovalRecord) -> Result<Self> {
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
    }
}

/// A protocol entry as stored: the wordings a JSON text.
pub struct ProtocolEntryRecord {
    pub id: i64,
    pub clause_id: i64,
    pub further: String,
    pub reason: String,
    pub wordings: String,
    pub recorded_by: String,
    pub recorded_at: String,
}

impl TryFrom<ProtocolEntryRecord> for ProtocolEntry {
    type Error = Error;
    fn try_from(r: ProtocolEntryRecord) -> Result<Self> {
        Ok(ProtocolEntry {
            id: r.id,
            clause_id: r.clause_id,
            further: Further::parse(&r.further)?,
            reason: r.reason,
            wordings: serde_json::from_str(&r.wordings).map_err(|e| {
                Error::Invalid(Msg::Unreadable { what: "a protocol entry".into(), detail: e.to_string() })
            })?,
            recorded_by: r.recorded_by,
            recorded_at: r.recorded_at,
        })
    }
}
