//! What a front end shows of a clause or a negotiation, gathered in one place so the desktop app and
//! the command line show the same thing.

use serde::Serialize;

use crate::authentic::LanguageSet;
use crate::error::Result;
use crate::markdown;
use crate::model::{
    Clause, ClauseStatus, Delegate, Initial, Negotiation, Party, PrivateNote, Reservation, Session, Track, Version,
};
use crate::reader::Reader;
use crate::store::{ClauseSummary, InitialGiven, Neighbours, Tabling};
use crate::words::Lang;

/// A clause with everything a negotiator looks at: every track's versions, initials, standards, and
/// our side's private notes (shown in our own workbench, never exported).
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize)]
pub struct ClauseDetail {
    pub clause: Clause,
    pub parties: Vec<Party>,
    pub versions: Vec<Version>,
    pub initials: Vec<Initial>,
    pub standards: Vec<String>,
    /// What organisations said in going along with their side on this clause.
    pub reservations: Vec<Reservation>,
    /// Every delegate of the negotiation, retired ones included, to name who gave an initial.
    pub delegates: Vec<Delegate>,
    pub private_notes: Vec<PrivateNote>,
    /// The latest version of each track and the status quo, rendered and sanitised, so the workspace
    /// shows them without a round trip each.
    pub rendered: Vec<Rendered>,
    pub neighbours: Neighbours,
    /// Where a clause not yet agreed stands in the exchange of texts.
    pub stage: Option<Stage>,
    /// The negotiation's sessions, to say in which one a text is tabled.
    pub sessions: Vec<Session>,
    /// The negotiation's authentic languages, the first first.
    pub languages: Vec<Lang>,
    /// Every version's texts in each authentic language, side by side, and where they disagree: only
    /// when the agreement has more than one authentic text.
    pub language_sets: Vec<LanguageSet>,
}

/// The exchange of texts on a clause before any agreement: only our drafts so far, one side's text
/// tabled, or answered by another.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "stage")]
pub enum Stage {
    /// Nothing tabled yet; drafts exist.
    Draft,
    /// One track has tabled a text: `track`.
    Tabled { track: Track },
    /// Texts on two tracks or more; `track` tabled the latest.
    Countered { track: Track },
}

impl Stage {
    /// The stage of a clause at `status`, from its versions (oldest first); none once the clause has
    /// moved on (agreed in principle or further, parked, impasse, withdrawn).
    pub fn of(status: ClauseStatus, versions: &[Version]) -> Option<Stage> {
        if !matches!(status, ClauseStatus::NotOpened | ClauseStatus::Open) {
            return None;
        }
        let tabled: Vec<&Version> = versions.iter().filter(|v| v.is_tabled()).collect();
        let latest = tabled.iter().max_by(|a, b| a.tabled_at.cmp(&b.tabled_at).then(a.id.cmp(&b.id)));
        match latest {
            None if !versions.is_empty() => Some(Stage::Draft),
            None => None,
            Some(v) if tabled.iter().all(|t| t.track == v.track) => Some(Stage::Tabled { track: v.track }),
            Some(v) => Some(Stage::Countered { track: v.track }),
        }
    }
}

/// A text rendered from Markdown to sanitised HTML; `version_id` is `None` for the status quo.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize)]
pub struct Rendered {
    pub version_id: Option<i64>,
    pub html: String,
}

impl ClauseDetail {
    pub async fn load(store: &impl Reader, clause: Clause) -> Result<Self> {
        let versions = store.versions(clause.id).await?;
        let mut rendered: Vec<Rendered> = latest_of_each_track(&versions)
            .into_iter()
            .map(|v| Rendered { version_id: Some(v.id), html: markdown::render(&v.text) })
            .collect();
        if let Some(base) = &clause.status_quo {
            rendered.push(Rendered { version_id: None, html: markdown::render(base) });
        }
        let negotiation = store.negotiation(clause.negotiation_id).await?;
        let languages = negotiation.authentic();
        Ok(ClauseDetail {
            language_sets: store.language_sets(&clause, &versions, &languages).await?,
            languages,
            stage: Stage::of(clause.status, &versions),
            sessions: store.sessions(clause.negotiation_id).await?,
            parties: store.parties(clause.negotiation_id).await?,
            neighbours: store.neighbours(&clause).await?,
            rendered,
            versions,
            initials: store.initials(clause.id).await?,
            standards: store.clause_standards(clause.id).await?,
            reservations: store.reservations(clause.id).await?,
            delegates: store.delegates(clause.negotiation_id).await?,
            private_notes: store.notes(clause.id).await?,
            clause,
        })
    }
}

/// The newest version of each track (versions come oldest first).
fn latest_of_each_track(versions: &[Version]) -> Vec<&Version> {
    let mut latest: Vec<&Version> = Vec::new();
    for v in versions.iter().rev() {
        if !latest.iter().any(|l| l.track == v.track) {
            latest.push(v);
        }
    }
    latest
}

/// Where a negotiation stands: its parties, its clauses by status, its sessions.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub negotiation: Negotiation,
    pub parties: Vec<Party>,
    pub by_status: Vec<(ClauseStatus, i64)>,
    pub sessions: Vec<Session>,
    /// The next session that has not begun.
    pub next_session: Option<Session>,
    /// The sessions that have begun (held, or being held), by id; the last of them.
    pub held_sessions: Vec<i64>,
    pub last_session: Option<Session>,
}

impl Overview {
    /// Where the negotiation stands at `now`: which sessions are held, which comes next.
    pub async fn load(
        store: &impl Reader,
        negotiation: Negotiation,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Self> {
        let sessions = store.sessions(negotiation.id).await?;
        let last_session = crate::compare::last_session(&sessions, now).cloned();
        let now = crate::store::stamp(now);
        let held_sessions: Vec<i64> = sessions.iter().filter(|s| s.has_begun(&now)).map(|s| s.id).collect();
        let next_session =
            sessions.iter().filter(|s| !s.has_begun(&now)).min_by(|a, b| a.starts_at.cmp(&b.starts_at)).cloned();
        Ok(Overview {
            held_sessions,
            last_session,
            parties: store.parties(negotiation.id).await?,
            by_status: store.status_counts(negotiation.id).await?,
            sessions,
            next_session,
            negotiation,
        })
    }
}

/// A session with what happened in it: who came, the agenda, what was tabled and initialed, and the
/// minutes rendered and sanitised.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize)]
pub struct SessionDetail {
    pub session: Session,
    pub parties: Vec<Party>,
    pub attendees: Vec<Delegate>,
    /// Every delegate of the negotiation, to record who attended.
    pub delegates: Vec<Delegate>,
    pub agenda: Vec<ClauseSummary>,
    pub tabled: Vec<Tabling>,
    pub initialed: Vec<InitialGiven>,
    pub minutes_html: String,
}

impl SessionDetail {
    pub async fn load(store: &impl Reader, session: Session) -> Result<Self> {
        Ok(SessionDetail {
            parties: store.parties(session.negotiation_id).await?,
            attendees: store.attendees(session.id).await?,
            delegates: store.delegates(session.negotiation_id).await?,
            agenda: store.agenda(session.id).await?,
            tabled: store.tabled_in(session.id).await?,
            initialed: store.initialed_in(session.id).await?,
            minutes_html: markdown::render(&session.minutes),
            session,
        })
    }
}
