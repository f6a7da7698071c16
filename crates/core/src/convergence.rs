//! How far apart the parties are, and how that moved: the convergence of a clause (the mean word
//! similarity of every pair of parties' latest tabled texts) after each tabling, and across a
//! negotiation, the clauses furthest apart and those that moved most since the last session.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::compare::{ColumnHead, Heads, RowTexts, column_heads, convergence, last_session};
use crate::diff_cache::DiffCache;
use crate::error::Result;
use crate::model::{Clause, ClauseStatus, Session, Version};
use crate::reader::Reader;

/// The parties' convergence right after a tabling.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConvergencePoint {
    pub at: String,
    /// The number of the session the text was tabled in, if any.
    pub session: Option<i64>,
    pub convergence: f64,
}

/// The convergence after each tabling of a party's text, oldest first; from the moment two parties
/// have tabled. Tablings at the same moment make one point.
pub fn timeline(
    cache: &DiffCache,
    clause: &Clause,
    columns: &[ColumnHead],
    versions: &[Version],
    sessions: &[Session],
) -> Vec<ConvergencePoint> {
    let number = |id: Option<i64>| sessions.iter().find(|s| Some(s.id) == id).map(|s| s.number);
    let mut tabled: Vec<&Version> = versions.iter().filter(|v| v.is_tabled() && v.track.party_id().is_some()).collect();
    tabled.sort_by(|a, b| (&a.tabled_at, a.id).cmp(&(&b.tabled_at, b.id)));
    let mut heads = Heads::new();
    let mut points: Vec<ConvergencePoint> = Vec::new();
    for (i, v) in tabled.iter().enumerate() {
        heads.insert((clause.id, v.track), (*v).clone());
        if tabled.get(i + 1).is_some_and(|next| next.tabled_at == v.tabled_at) {
            continue;
        }
        if let (_, Some(c)) = convergence(cache, columns, &RowTexts::new(clause, columns, &heads)) {
            points.push(ConvergencePoint {
                at: v.tabled_at.clone().unwrap_or_default(),
                session: number(v.session_id),
                convergence: c,
            });
        }
    }
    points
}

/// One clause's convergence now and as it stood at the last session.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClauseConvergence {
    pub clause_id: i64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub status: ClauseStatus,
    pub convergence: f64,
    /// At the last session, when the parties had tabled by then.
    pub before: Option<f64>,
}

/// Where a negotiation's parties stand apart, for the dashboard.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distances {
    pub last_session: Option<Session>,
    /// Clauses still under negotiation, furthest apart first.
    pub furthest: Vec<ClauseConvergence>,
    /// Clauses whose convergence changed since the last session, most first.
    pub moved: Vec<ClauseConvergence>,
    /// The mean convergence over every clause with two parties' texts.
    pub mean: Option<f64>,
}

/// Statuses in which the parties' distance is still a question.
fn under_negotiation(status: ClauseStatus) -> bool {
    matches!(
        status,
        ClauseStatus::Open | ClauseStatus::Parked | ClauseStatus::Impasse | ClauseStatus::AgreedInPrinciple
    )
}

pub async fn distances(
    store: &impl Reader,
    negotiation_id: i64,
    limit: usize,
    now: DateTime<Utc>,
) -> Result<Distances> {
    let columns = column_heads(&store.parties(negotiation_id).await?);
    let clauses: Vec<Clause> = store.list_clauses(negotiation_id).await?.into_iter().map(|r| r.clause).collect();
    let sessions = store.sessions(negotiation_id).await?;
    let last = last_session(&sessions, now).cloned();
    let heads = store.heads(negotiation_id, None, None).await?;
    let then = match &last {
        Some(s) => Some(store.heads(negotiation_id, None, Some(s)).await?),
        None => None,
    };
    let cache = store.diffs().clone();
    let all = tokio::task::spawn_blocking(move || {
        use rayon::prelude::*;
        clauses
            .par_iter()
            .filter_map(|clause| {
                let of = |heads: &Heads| convergence(&cache, &columns, &RowTexts::new(clause, &columns, heads)).1;
                Some(ClauseConvergence {
                    clause_id: clause.id,
                    reference: clause.reference.clone(),
                    title: clause.title.clone(),
                    status: clause.status,
                    convergence: of(&heads)?,
                    before: then.as_ref().and_then(of),
                })
            })
            .collect::<Vec<_>>()
    })
    .await
    .expect("the convergence task does not panic");
    let mean = (!all.is_empty()).then(|| all.iter().map(|c| c.convergence).sum::<f64>() / all.len() as f64);
    let mut furthest: Vec<ClauseConvergence> = all.iter().filter(|c| under_negotiation(c.status)).cloned().collect();
    furthest.sort_by(|a, b| a.convergence.total_cmp(&b.convergence));
    furthest.truncate(limit);
    let change = |c: &ClauseConvergence| c.before.map_or(0.0, |b| (c.convergence - b).abs());
    let mut moved: Vec<ClauseConvergence> = all.into_iter().filter(|c| change(c) > 1e-9).collect();
    moved.sort_by(|a, b| change(b).total_cmp(&change(a)));
    moved.truncate(limit);
    Ok(Distances { last_session: last, furthest, moved, mean })
}
