//! What a front end shows of a clause or a negotiation, gathered in one place so the desktop app and
//! the command line show the same thing.

use serde::Serialize;

use crate::error::Result;
use crate::model::{Clause, ClauseStatus, Initial, Negotiation, Party, PrivateNote, Session, Version};
use crate::store::Store;

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
    pub private_notes: Vec<PrivateNote>,
}

impl ClauseDetail {
    pub async fn load(store: &Store, clause: Clause) -> Result<Self> {
        Ok(ClauseDetail {
            parties: store.parties(clause.negotiation_id).await?,
            versions: store.versions(clause.id).await?,
            initials: store.initials(clause.id).await?,
            standards: store.clause_standards(clause.id).await?,
            private_notes: store.notes(clause.id).await?,
            clause,
        })
    }
}

/// Where a negotiation stands: its parties, its clauses by status, its sessions.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub negotiation: Negotiation,
    pub parties: Vec<Party>,
    pub by_status: Vec<(ClauseStatus, i64)>,
    pub sessions: Vec<Session>,
}

impl Overview {
    pub async fn load(store: &Store, negotiation: Negotiation) -> Result<Self> {
        Ok(Overview {
            parties: store.parties(negotiation.id).await?,
            by_status: store.status_counts(negotiation.id).await?,
            sessions: store.sessions(negotiation.id).await?,
            negotiation,
        })
    }

    /// The next session not yet held (no minutes yet).
    pub fn next_session(&self) -> Option<&Session> {
        self.sessions.iter().find(|s| s.minutes.is_empty())
    }
}
