//! The packet for the next session: what changed since the last one began, per clause and per party —
//! the texts tabled (marked against the same party's text before), the status moves, the initials given
//! and voided. Only what was tabled and journaled at the table is in it: never a draft or a note.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::compare::last_session;
use crate::diff::WordDiff;
use crate::diff_cache::Hashed;
use crate::document::{self, Block, Document, Run};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{ClauseStatus, Event, Negotiation, Party, Session, Track};
use crate::reader::Reader;
use crate::report::describe;
use crate::words::{Lang, Words};

/// The journal's kinds that belong in a packet: decisions at the table, never a private draft.
const TABLE_EVENTS: [&str; 3] = ["status_changed", "initialed", "initials_voided"];

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Packet {
    pub negotiation: Negotiation,
    pub since: Session,
    pub parties: Vec<Party>,
    pub clauses: Vec<PacketClause>,
    /// How many clauses changed: `clauses` may hold only some of them (`packet_page`).
    pub changed: usize,
    /// How many clauses each track (each party, then the joint text) changed.
    pub by_track: Vec<TrackCount>,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TrackCount {
    pub track: Track,
    pub label: String,
    pub clauses: usize,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PacketClause {
    pub clause_id: i64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub status: ClauseStatus,
    pub texts: Vec<TextChange>,
    /// Status moves, initials and voidings since, oldest first.
    pub events: Vec<Event>,
}

/// A track's text as it is now, marked against the same track's text before the session.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TextChange {
    pub track: Track,
    pub label: String,
    /// The version before; none when the track had no text then.
    pub before: Option<i64>,
    pub after: i64,
    pub diff: WordDiff,
}

/// What changed since `since` (a session of the negotiation) began; by default since the last session
/// that has begun.
pub async fn packet(
    store: &impl Reader,
    negotiation_id: i64,
    since: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Packet> {
    packet_page(store, negotiation_id, since, 0, usize::MAX, now).await
}

/// The packet with the changes of `count` changed clauses from the `from`th on (a screenful); its counts
/// still tell the whole. Which texts moved is told from version ids alone: only the texts of the
/// clauses kept are read and diffed.
pub async fn packet_page(
    store: &impl Reader,
    negotiation_id: i64,
    since: Option<i64>,
    from: usize,
    count: usize,
    now: DateTime<Utc>,
) -> Result<Packet> {
    let (negotiation, sessions, parties) = tokio::try_join!(
        store.negotiation(negotiation_id),
        store.sessions(negotiation_id),
        store.parties(negotiation_id),
    )?;
    let since = match since {
        Some(id) => {
            sessions.iter().find(|s| s.id == id).cloned().ok_or_else(|| Error::NotFound(Msg::NoSession { id }))?
        }
        None => last_session(&sessions, now).cloned().ok_or_else(|| Error::Invalid(Msg::NoSessionHeld))?,
    };
    // four reads that need nothing of each other, on the pool's connections at once
    let (before, latest, events, summaries) = tokio::try_join!(
        store.head_ids(negotiation_id, Some(&since.starts_at)),
        store.head_ids(negotiation_id, None),
        store.events_since(negotiation_id, &TABLE_EVENTS, &since.starts_at),
        store.clause_summaries(negotiation_id),
    )?;
    let mut moves: HashMap<i64, Vec<Event>> = HashMap::new();
    for e in events {
        if let Some(clause_id) = e.clause_id {
            moves.entry(clause_id).or_default().push(e);
        }
    }
    let tracks: Vec<(Track, String)> = parties
        .iter()
        .map(|p| (Track::Party(p.id), p.label.clone()))
        .chain([(Track::Joint, "joint".to_string())])
        .collect();
    let mut by_track: Vec<TrackCount> =
        tracks.iter().map(|(track, label)| TrackCount { track: *track, label: label.clone(), clauses: 0 }).collect();
    // the clauses kept, with the tracks whose latest tabled text is not the one they had before
    let mut kept = Vec::new();
    let mut changed = 0;
    for c in summaries {
        let moved: Vec<usize> = (0..tracks.len())
            .filter(|&i| {
                let key = (c.clause_id, tracks[i].0);
                latest.get(&key).is_some_and(|a| before.get(&key) != Some(a))
            })
            .collect();
        let events = moves.remove(&c.clause_id).unwrap_or_default();
        if moved.is_empty() && events.is_empty() {
            continue;
        }
        changed += 1;
        moved.iter().for_each(|&i| by_track[i].clauses += 1);
        if changed > from && kept.len() < count {
            kept.push((c, moved, events));
        }
    }
    let ids: Vec<i64> = kept
        .iter()
        .flat_map(|(c, moved, _)| moved.iter().map(|&i| (c.clause_id, tracks[i].0)))
        .flat_map(|key| [latest.get(&key), before.get(&key)])
        .flatten()
        .copied()
        .collect();
    let versions = store.versions_by_id(&ids).await?;
    let clauses = kept
        .into_iter()
        .map(|(c, moved, events)| {
            let texts = moved
                .iter()
                .map(|&i| {
                    let (track, label) = &tracks[i];
                    let after = &versions[&latest[&(c.clause_id, *track)]];
                    let earlier = before.get(&(c.clause_id, *track)).map(|id| &versions[id]);
                    let from = earlier.map_or(Hashed::EMPTY, |b| Hashed { hash: &b.hash, text: &b.text });
                    let diff = store.diffs().diff(from, Hashed { hash: &after.hash, text: &after.text });
                    TextChange {
                        track: *track,
                        label: label.clone(),
                        before: earlier.map(|b| b.id),
                        after: after.id,
                        diff: WordDiff::clone(&diff),
                    }
                })
                .collect();
            PacketClause {
                clause_id: c.clause_id,
                reference: c.reference,
                title: c.title,
                status: c.status,
                texts,
                events,
            }
        })
        .collect();
    Ok(Packet { negotiation, since, parties, changed, clauses, by_track })
}

impl Packet {
    fn heading(&self, w: &Words) -> String {
        let date = w.date(&self.since.starts_at);
        w.f(
            "packet-heading",
            &[("number", self.since.number.into()), ("date", (&date).into()), ("place", (&self.since.place).into())],
        )
    }

    fn summary(&self, w: &Words) -> String {
        let label = |t: &TrackCount| if t.track == Track::Joint { w.t("joint-text") } else { t.label.clone() };
        let per: Vec<String> =
            self.by_track.iter().filter(|t| t.clauses > 0).map(|t| format!("{} {}", label(t), t.clauses)).collect();
        let per = if per.is_empty() {
            w.t("packet-no-new-texts")
        } else {
            w.f("packet-new-texts", &[("tracks", (&per.join(", ")).into())])
        };
        w.f("packet-summary", &[("changed", self.changed.into()), ("per", (&per).into())])
    }

    /// The packet as Markdown; changes in the word-diff notation `[-deleted-]{+inserted+}`.
    pub fn to_markdown(&self) -> String {
        document::to_markdown(&self.to_model(&Words::new(Lang::En)))
    }

    /// The packet as one self-contained HTML page; insertions underlined, deletions struck.
    pub fn to_html(&self) -> String {
        document::html_page(&self.to_model(&Words::new(Lang::En)))
    }

    /// The packet as the one document model: per clause, each text tabled or changed with its changes
    /// marked as formatting (it shows what changed; it proposes nothing), and what happened to it.
    pub fn to_model(&self, w: &Words) -> Document {
        let mut blocks = vec![Block::heading(2, self.heading(w)), Block::paragraph(self.summary(w))];
        let at = DateTime::<Utc>::default(); // formatting only: no date is shown
        for c in &self.clauses {
            let heading = vec![Run::plain(format!("{} — {}", c.reference, c.title))];
            blocks.push(Block::Heading { level: 3, runs: heading, marker: Some(format!("clause-{}", c.clause_id)) });
            let status = w.name("status", c.status.as_str());
            blocks.push(Block::note(w.f("status-is", &[("status", (&status).into())])));
            for t in &c.texts {
                let what = if t.before.is_some() { "packet-changed" } else { "packet-tabled" };
                let party = if t.track == Track::Joint { w.t("joint") } else { t.label.clone() };
                let who = w.f(what, &[("party", (&party).into()), ("version", t.after.into())]);
                blocks.push(Block::Paragraph(vec![Run::strong(who)]));
                let new = t.diff.new_text();
                blocks.push(Block::Quote(document::marked(&t.diff.old_text(), &new, &t.label, at)));
            }
            let events = c
                .events
                .iter()
                .map(|e| vec![Block::paragraph(format!("{}: {}", w.date(&e.at), describe(e, &self.parties, w)))]);
            if !c.events.is_empty() {
                blocks.push(Block::List { ordered: false, items: events.collect() });
            }
        }
        Document {
            title: self.negotiation.title.clone(),
            lang: w.lang(),
            changes_as_formatting: true,
            blocks,
            ..Document::default()
        }
    }
}
