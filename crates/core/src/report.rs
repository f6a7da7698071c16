//! Where the agreement stands, for the table and the members: the table of initials, the status report,
//! and the final agreement with its protocol of disagreements. Built from tabled texts, initials and
//! the journal only — a private note or an untabled draft is never read here.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::authentic::{LangText, set_hash};
use crate::document::{self, Block, Document, Run, Style, cell as text_cell, table};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{
    Approval, Clause, ClauseStatus, ClosingRule, Delegate, Event, Further, Initial, Negotiation, Party, Referral, Role,
    Session, Side, Track,
};
use crate::reader::Reader;
use crate::record::PRIVATE_EVENTS;
use crate::store::{ClauseSummary, stamp};
use crate::words::{Lang, Words};

/// One party's initial on a clause, as the table of initials shows it.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum InitialCell {
    /// Not initialed (or never again since a voiding).
    Pending,
    /// Initialed and standing; `current` when on the clause's latest joint text.
    Initialed { version_id: i64, at: String, by: String, current: bool },
    /// The party's last initial was voided by a later joint text.
    Voided { version_id: i64, at: String, voided_at: String, by_version: Option<i64> },
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InitialsRow {
    pub clause_id: i64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub status: ClauseStatus,
    /// In the order of the table's parties.
    pub cells: Vec<InitialCell>,
}

/// Initials per clause and party, for every opened clause.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InitialsTable {
    /// The parties that initial: every one but the mediator.
    pub parties: Vec<Party>,
    pub rows: Vec<InitialsRow>,
}

fn initialing(parties: &[Party]) -> Vec<Party> {
    parties.iter().filter(|p| p.side != Some(Side::Mediator)).cloned().collect()
}

/// A party's cell: its last initial on the clause, judged against the hash of the latest joint text.
fn cell(initials: &[&Initial], party_id: i64, joint: Option<&str>) -> InitialCell {
    let Some(last) = initials.iter().rev().find(|i| i.party_id == party_id) else { return InitialCell::Pending };
    match &last.voided_at {
        None => InitialCell::Initialed {
            version_id: last.version_id,
            at: last.initialed_at.clone(),
            by: last.initialed_by.clone(),
            current: joint == Some(last.hash.as_str()),
        },
        Some(voided_at) => InitialCell::Voided {
            version_id: last.version_id,
            at: last.initialed_at.clone(),
            voided_at: voided_at.clone(),
            by_version: last.voided_by_version,
        },
    }
}

/// Reads the clauses with the hashes of their latest tabled texts: no text is read.
pub async fn initials_table(store: &impl Reader, negotiation_id: i64) -> Result<InitialsTable> {
    let parties = initialing(&store.parties(negotiation_id).await?);
    let all = store.negotiation_initials(negotiation_id).await?;
    let mut by_clause: HashMap<i64, Vec<&Initial>> = HashMap::new();
    for i in &all {
        by_clause.entry(i.clause_id).or_default().push(i);
    }
    let rows = store
        .tabled_hashes(negotiation_id)
        .await?
        .into_iter()
        .filter(|c| c.status != ClauseStatus::NotOpened)
        .map(|c| {
            let initials = by_clause.get(&c.clause_id).map(Vec::as_slice).unwrap_or_default();
            let joint = c.hashes.iter().find(|(party, _)| party.is_none()).map(|(_, hash)| hash.as_str());
            InitialsRow {
                cells: parties.iter().map(|p| cell(initials, p.id, joint)).collect(),
                clause_id: c.clause_id,
                reference: c.reference,
                title: c.title,
                status: c.status,
            }
        })
        .collect();
    Ok(InitialsTable { parties, rows })
}

/// An event of the journal in words, for a report or a packet.
pub fn describe(e: &Event, parties: &[Party], w: &Words) -> String {
    let label = |key: &str| {
        let id = e.detail.get(key).and_then(|v| v.as_i64());
        parties.iter().find(|p| Some(p.id) == id).map_or_else(|| w.t("joint-text"), |p| p.label.clone())
    };
    let num = |key: &str| e.detail.get(key).and_then(|v| v.as_i64()).unwrap_or_default();
    let to = |kind: &str| e.detail.get("to").and_then(|v| v.as_str()).map(|to| w.name(kind, to)).unwrap_or_default();
    let id = format!("event-{}", e.kind);
    let what = match e.kind.as_str() {
        "status_changed" => w.f(&id, &[("to", (&to("status")).into())]),
        "negotiation_status_changed" => w.f(&id, &[("to", (&to("negotiation")).into())]),
        "initialed" | "version_tabled" => {
            w.f(&id, &[("party", (&label("party_id")).into()), ("version", num("version_id").into())])
        }
        "session_scheduled" | "minutes_written" => w.f(&id, &[("number", num("number").into())]),
        _ => w.t(&id),
    };
    let reason = reason(e, w);
    if reason.is_empty()
        || matches!(e.kind.as_str(), "initialed" | "version_tabled" | "session_scheduled" | "minutes_written")
    {
        what
    } else {
        w.f("event-because", &[("what", (&what).into()), ("reason", (&reason).into())])
    }
}

/// Why an event of the journal happened, in `w`'s language: the reason a person gave, or, for a
/// change the workbench made itself, its code (`because`, with the version and count it names) put
/// into words. A journal written before those codes holds the English sentence a code stands for: it
/// is read as that code.
pub fn reason(e: &Event, w: &Words) -> String {
    let num = |key: &str| e.detail.get(key).and_then(|v| v.as_i64()).unwrap_or_default();
    let (code, version, count) = match e.detail.get("because").and_then(|b| b.as_str()) {
        Some(code) if e.reason.is_empty() => (code, num("version_id"), num("voided")),
        _ => match written_before(&e.reason) {
            Some(found) => found,
            None => return e.reason.clone(),
        },
    };
    w.f(&format!("because-{code}"), &[("version", version.into()), ("count", count.into())])
}

/// The code of a sentence the workbench wrote into journals before it wrote codes, with its numbers.
fn written_before(reason: &str) -> Option<(&'static str, i64, i64)> {
    match reason {
        "a text was tabled" => Some(("text_tabled", 0, 0)),
        "every party initialed the same text" => Some(("all_initialed", 0, 0)),
        "a tentatively agreed clause was reopened: the settlement is back at the table" => {
            Some(("clause_reopened", 0, 0))
        }
        _ => {
            // "a new joint text (version 12) voids 3 initial(s)"
            let rest = reason.strip_prefix("a new joint text (version ")?;
            let (version, rest) = rest.split_once(") voids ")?;
            let count = rest.strip_suffix(" initial(s)")?;
            Some(("initials_voided", version.parse().ok()?, count.parse().ok()?))
        }
    }
}

/// Clauses by status for one topic.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TopicProgress {
    pub topic: String,
    pub by_status: Vec<(ClauseStatus, i64)>,
    pub total: i64,
}

/// A line of the report's timeline: an event and what it says.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: String,
    pub clause: Option<String>,
    pub actor: String,
    pub text: String,
}

/// The status report for members or the commission.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StatusReport {
    pub negotiation: Negotiation,
    pub generated_at: String,
    pub by_status: Vec<(ClauseStatus, i64)>,
    pub by_topic: Vec<TopicProgress>,
    pub initials: InitialsTable,
    pub sessions: Vec<Session>,
    pub approvals: Vec<Approval>,
    /// The newest events at the table, newest first.
    pub timeline: Vec<TimelineEntry>,
}

/// The status report as at `now`: the moment it says it was made, which decides the sessions held. Its
/// events are put into `w`'s words.
pub async fn status_report(
    store: &impl Reader,
    negotiation_id: i64,
    timeline: usize,
    now: chrono::DateTime<chrono::Utc>,
    w: &Words,
) -> Result<StatusReport> {
    let negotiation = store.negotiation(negotiation_id).await?;
    let parties = store.parties(negotiation_id).await?;
    let clauses: Vec<Clause> = store.list_clauses(negotiation_id).await?.into_iter().map(|r| r.clause).collect();
    let refs: HashMap<i64, &str> = clauses.iter().map(|c| (c.id, c.reference.as_str())).collect();
    let limit = i64::try_from(timeline).unwrap_or(i64::MAX);
    let events = store.recent_events_except(negotiation_id, &PRIVATE_EVENTS, limit).await?;
    let timeline = events
        .iter()
        .map(|e| TimelineEntry {
            at: e.at.clone(),
            clause: e.clause_id.and_then(|id| refs.get(&id)).map(|r| r.to_string()),
            actor: e.actor.clone(),
            text: describe(e, &parties, w),
        })
        .collect();
    Ok(StatusReport {
        generated_at: stamp(now),
        by_status: store.status_counts(negotiation_id).await?,
        by_topic: by_topic(&clauses),
        initials: initials_table(store, negotiation_id).await?,
        sessions: store.sessions(negotiation_id).await?,
        approvals: store.approvals(negotiation_id).await?,
        timeline,
        negotiation,
    })
}

/// The topic of the clauses that have none, in the report's data; its words are the reader's language's.
const NO_TOPIC: &str = "(no topic)";

fn by_topic(clauses: &[Clause]) -> Vec<TopicProgress> {
    let mut topics: Vec<TopicProgress> = Vec::new();
    for c in clauses {
        let untagged = [NO_TOPIC.to_string()];
        let tags = if c.topics.is_empty() { &untagged[..] } else { &c.topics[..] };
        for topic in tags {
            let i = match topics.iter().position(|t| &t.topic == topic) {
                Some(i) => i,
                None => {
                    topics.push(TopicProgress { topic: topic.clone(), by_status: Vec::new(), total: 0 });
                    topics.len() - 1
                }
            };
            let t = &mut topics[i];
            t.total += 1;
            match t.by_status.iter_mut().find(|(s, _)| *s == c.status) {
                Some((_, n)) => *n += 1,
                None => t.by_status.push((c.status, 1)),
            }
        }
    }
    for t in &mut topics {
        t.by_status.sort_by_key(|(s, _)| *s as usize);
    }
    topics
}

/// The day of a timestamp: `2026-10-27`.
pub(crate) fn day(stamp: &str) -> &str {
    stamp.get(..10).unwrap_or(stamp)
}

/// A cell of the table of initials in words: "initialed 12 May 2027", "pending", "voided …".
fn cell_words(c: &InitialCell, w: &Words) -> String {
    match c {
        InitialCell::Pending => w.t("cell-pending"),
        InitialCell::Initialed { at, current: true, .. } => w.f("cell-initialed", &[("date", (&w.date(at)).into())]),
        InitialCell::Initialed { at, version_id, .. } => {
            w.f("cell-initialed-older", &[("date", (&w.date(at)).into()), ("version", (*version_id).into())])
        }
        InitialCell::Voided { voided_at, .. } => w.f("cell-voided", &[("date", (&w.date(voided_at)).into())]),
    }
}

/// How many clauses in all, and how many in each status.
pub(crate) fn counts_line(by_status: &[(ClauseStatus, i64)], w: &Words) -> String {
    let total: i64 = by_status.iter().map(|(_, n)| n).sum();
    let parts: Vec<String> = by_status
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| w.f("count-of", &[("status", (&w.name("status", s.as_str())).into()), ("count", (*n).into())]))
        .collect();
    w.f("clauses-total", &[("total", total.into()), ("parts", (&parts.join(", ")).into())])
}

impl StatusReport {
    pub fn to_markdown(&self) -> String {
        document::to_markdown(&self.to_model(&Words::new(Lang::En)))
    }

    pub fn to_html(&self) -> String {
        document::html_page(&self.to_model(&Words::new(Lang::En)))
    }

    /// The report as the one document model: where the agreement stands, by topic, the table of
    /// initials, the sessions, the approval and the latest events.
    pub fn to_model(&self, w: &Words) -> Document {
        let n = &self.negotiation;
        let status = w.name("negotiation", n.status.as_str());
        let mut blocks = vec![
            Block::note(w.f(
                "agreement-status",
                &[("status", (&status).into()), ("counts", (&counts_line(&self.by_status, w)).into())],
            )),
            Block::note(w.f("as-of", &[("date", (&w.date(&self.generated_at)).into())])),
            Block::heading(2, w.t("by-topic")),
        ];
        let topics = self.by_topic.iter().map(|t| {
            let parts: Vec<String> = t
                .by_status
                .iter()
                .map(|(s, c)| {
                    w.f("count-of", &[("status", (&w.name("status", s.as_str())).into()), ("count", (*c).into())])
                })
                .collect();
            let topic = if t.topic == NO_TOPIC { w.t("no-topic") } else { t.topic.clone() };
            vec![text_cell(&topic), text_cell(&t.total.to_string()), text_cell(&parts.join(", "))]
        });
        let head = [w.t("topic"), w.t("clauses"), w.t("where-they-stand")];
        blocks.push(table(&head.each_ref().map(String::as_str), topics.collect()));
        blocks.push(Block::heading(2, w.t("initials")));
        let (clause, status) = (w.t("clause"), w.t("status"));
        let mut head = vec![clause.as_str(), status.as_str()];
        head.extend(self.initials.parties.iter().map(|p| p.label.as_str()));
        let rows = self.initials.rows.iter().map(|r| {
            let mut row = vec![
                text_cell(&format!("{} {}", r.reference, r.title)),
                text_cell(&w.name("status", r.status.as_str())),
            ];
            row.extend(r.cells.iter().map(|c| {
                let text = cell_words(c, w);
                let run = match c {
                    InitialCell::Pending => Run::emphasis(text),
                    InitialCell::Initialed { .. } => Run::strong(text),
                    InitialCell::Voided { .. } => {
                        Run { style: Style { strike: true, ..Style::default() }, ..Run::plain(text) }
                    }
                };
                vec![Block::Paragraph(vec![run])]
            }));
            row
        });
        blocks.push(table(&head, rows.collect()));
        blocks.push(Block::heading(2, w.t("sessions")));
        let sessions = self.sessions.iter().map(|s| {
            let mut line = w.f(
                "session-line",
                &[
                    ("number", s.number.into()),
                    ("date", (&w.date(&s.starts_at)).into()),
                    ("place", (&s.place).into()),
                    ("kind", (&w.name("session", s.kind.as_str())).into()),
                ],
            );
            if !s.has_begun(&self.generated_at) {
                line.push_str(&format!(" — {}", w.t("scheduled")));
            }
            vec![Block::paragraph(line)]
        });
        blocks.push(Block::List { ordered: false, items: sessions.collect() });
        if !self.approvals.is_empty() {
            blocks.push(Block::heading(2, w.t("approval")));
            let rows = self.approvals.iter().map(|r| {
                let [f, a, ab] = vote_cells(r);
                let outcome = w.t(if r.approved { "approved" } else { "rejected" });
                let date = w.date(&r.decided_on);
                vec![
                    text_cell(&step_words(r, w)),
                    text_cell(&r.body),
                    text_cell(&date),
                    text_cell(&f),
                    text_cell(&a),
                    text_cell(&ab),
                    text_cell(&outcome),
                ]
            });
            let head = ["step", "body", "date-column", "votes-for", "votes-against", "abstaining", "outcome"]
                .map(|id| w.t(id));
            blocks.push(table(&head.each_ref().map(String::as_str), rows.collect()));
        }
        blocks.push(Block::heading(2, w.t("latest-events")));
        let events = self.timeline.iter().map(|e| {
            let clause = e.clause.as_deref().map(|c| format!("{c} — ")).unwrap_or_default();
            vec![Block::paragraph(format!("{} {clause}{} ({})", w.date(&e.at), e.text, e.actor))]
        });
        blocks.push(Block::List { ordered: false, items: events.collect() });
        Document {
            title: w.f("report-title", &[("title", (&n.title).into())]),
            lang: w.lang(),
            blocks,
            ..Document::default()
        }
    }
}

/// An approval step in words: "side approval (workers)".
fn step_words(a: &Approval, w: &Words) -> String {
    let step = w.name("approval", a.step.as_str());
    match a.side {
        Some(side) => {
            w.f("step-of-side", &[("step", (&step).into()), ("side", (&w.name("side", side.as_str())).into())])
        }
        None => step,
    }
}

/// The vote's three cells; empty where no vote was taken.
fn vote_cells(a: &Approval) -> [String; 3] {
    match a.vote {
        Some(v) => [v.votes_for.to_string(), v.votes_against.to_string(), v.abstaining.to_string()],
        None => Default::default(),
    }
}

/// An article of the final agreement: the exact text every party initialed (or the status quo carried
/// over for a clause never opened).
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Article {
    pub clause_id: i64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub text: String,
    /// The text in every authentic language, when the agreement has more than one: printed side by side.
    pub texts: Vec<LangText>,
    /// The initialed version; none for a status quo carried over.
    pub version_id: Option<i64>,
    pub hash: Option<String>,
    /// Who initialed, and when: (party label, date).
    pub initialed: Vec<(String, String)>,
    /// What organisations said in going along with their side: (organisation label, text).
    pub reservations: Vec<(String, String)>,
}

/// A disputed point of the protocol of disagreements: each party's wording and what comes next — a
/// clause entered in the protocol, or (where nothing is agreed until everything is) one in impasse.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Disagreement {
    pub clause_id: i64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub referred_to: Option<Referral>,
    /// Entered in the protocol: the further procedure decided, why, and the day.
    pub further: Option<Further>,
    pub reason: String,
    pub decided_on: Option<String>,
    /// (party label, its wording) for each party, then the joint text when there is one.
    pub positions: Vec<(String, Option<String>)>,
}

/// A side's place to sign: its organisations, and the delegate who signs in its name.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SignatureBlock {
    pub side: Option<Side>,
    /// "Federation of Trade Unions (TU)", each organisation of the side.
    pub organisations: Vec<String>,
    /// The side's coordinator, else a spokesperson; none when the record names nobody.
    pub signatory: Option<String>,
}

/// Each side's signature block: coalitions sign as one side, through their coordinator.
pub fn signature_blocks(parties: &[Party], delegates: &[Delegate]) -> Vec<SignatureBlock> {
    let mut blocks: Vec<(Option<Side>, Option<i64>, SignatureBlock)> = Vec::new();
    for p in initialing(parties) {
        let key = (p.side, if p.side.is_some() { None } else { Some(p.id) });
        let name = format!("{} ({})", p.name, p.label);
        match blocks.iter_mut().find(|(s, id, _)| (*s, *id) == key) {
            Some((_, _, b)) => b.organisations.push(name),
            None => {
                blocks.push((key.0, key.1, SignatureBlock { side: p.side, organisations: vec![name], signatory: None }))
            }
        }
    }
    for (side, only, block) in &mut blocks {
        let of_side = |d: &&Delegate| {
            d.retired_at.is_none()
                && parties.iter().any(|p| p.id == d.party_id && p.side == *side && only.is_none_or(|id| id == p.id))
        };
        let pick = |role: Role| delegates.iter().filter(of_side).find(|d| d.role == role).map(|d| d.name.clone());
        block.signatory = pick(Role::Coordinator).or_else(|| pick(Role::Spokesperson));
    }
    blocks.into_iter().map(|(_, _, b)| b).collect()
}

/// The final agreement: the initialed joint texts in order and, as an annex, the protocol of
/// disagreements.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FinalAgreement {
    pub negotiation: Negotiation,
    pub parties: Vec<Party>,
    pub articles: Vec<Article>,
    /// The clauses neither agreed, withdrawn nor disputed in the protocol: what keeps the text a draft.
    pub pending: Vec<ClauseSummary>,
    pub disagreements: Vec<Disagreement>,
    pub signatures: Vec<SignatureBlock>,
}

pub async fn final_agreement(store: &impl Reader, negotiation_id: i64) -> Result<FinalAgreement> {
    let negotiation = store.negotiation(negotiation_id).await?;
    let parties = store.parties(negotiation_id).await?;
    let signatories = initialing(&parties);
    let clauses: Vec<Clause> = store.list_clauses(negotiation_id).await?.into_iter().map(|r| r.clause).collect();
    let heads = store.tabled_heads(negotiation_id).await?;
    let initials = store.negotiation_initials(negotiation_id).await?;
    let events = store.events(negotiation_id).await?;
    let entries = store.protocol_entries(negotiation_id).await?;
    let signatures = signature_blocks(&parties, &store.delegates(negotiation_id).await?);
    let all_reservations = store.negotiation_reservations(negotiation_id).await?;
    let reservations = |clause_id: i64| -> Vec<(String, String)> {
        all_reservations
            .iter()
            .filter(|r| r.clause_id == clause_id)
            .map(|r| {
                (
                    parties.iter().find(|p| p.id == r.party_id).map(|p| p.label.clone()).unwrap_or_default(),
                    r.text.clone(),
                )
            })
            .collect()
    };
    let (mut articles, mut pending, mut disagreements) = (Vec::new(), Vec::new(), Vec::new());
    for c in clauses {
        match c.status {
            ClauseStatus::TentativelyAgreed => {
                let standing: Vec<&Initial> =
                    initials.iter().filter(|i| i.clause_id == c.id && i.voided_at.is_none()).collect();
                let Some(first) = standing.first() else {
                    return Err(Error::Conflict(Msg::AgreedWithoutInitials { reference: c.reference.clone() }));
                };
                let version = store.version(first.version_id).await?;
                let texts = store.version_texts(version.id).await?;
                // the text going into the agreement must be, to the byte, what the parties initialed
                if set_hash(&texts) != first.hash || standing.iter().any(|i| i.hash != first.hash) {
                    return Err(Error::Conflict(Msg::InitialedTextChanged { reference: c.reference.clone() }));
                }
                let initialed = signatories
                    .iter()
                    .filter_map(|p| standing.iter().find(|i| i.party_id == p.id))
                    .map(|i| {
                        let label = signatories.iter().find(|p| p.id == i.party_id).map(|p| p.label.clone());
                        (label.unwrap_or_default(), day(&i.initialed_at).to_string())
                    })
                    .collect();
                articles.push(Article {
                    clause_id: c.id,
                    reference: c.reference,
                    title: c.title,
                    text: version.text,
                    texts: if texts.len() > 1 { texts } else { vec![] },
                    version_id: Some(version.id),
                    hash: Some(first.hash.clone()),
                    initialed,
                    reservations: reservations(c.id),
                });
            }
            ClauseStatus::NotOpened => {
                if let Some(text) = c.status_quo.filter(|t| !t.trim().is_empty()) {
                    articles.push(Article {
                        clause_id: c.id,
                        reference: c.reference,
                        title: c.title,
                        text,
                        texts: vec![],
                        version_id: None,
                        hash: None,
                        initialed: Vec::new(),
                        reservations: reservations(c.id),
                    });
                }
            }
            ClauseStatus::Withdrawn => {}
            ClauseStatus::InProtocol => {
                let Some(entry) = entries.iter().find(|e| e.clause_id == c.id) else {
                    return Err(Error::Conflict(Msg::ProtocolWithoutEntry { reference: c.reference.clone() }));
                };
                let positions = signatories
                    .iter()
                    .map(|p| {
                        let wording = entry.wordings.iter().find(|w| w.party_id == p.id).map(|w| w.text.clone());
                        (p.label.clone(), wording)
                    })
                    .collect();
                disagreements.push(Disagreement {
                    clause_id: c.id,
                    reference: c.reference,
                    title: c.title,
                    referred_to: None,
                    further: Some(entry.further),
                    reason: entry.reason.clone(),
                    decided_on: Some(day(&entry.recorded_at).to_string()),
                    positions,
                });
            }
            ClauseStatus::Impasse if negotiation.closing_rule == ClosingRule::All => {
                let referred_to = events
                    .iter()
                    .rev()
                    .find(|e| e.clause_id == Some(c.id) && e.kind == "status_changed")
                    .and_then(|e| e.detail.get("referred_to"))
                    .and_then(|r| serde_json::from_value(r.clone()).ok());
                let mut positions: Vec<(String, Option<String>)> = signatories
                    .iter()
                    .map(|p| (p.label.clone(), heads.get(&(c.id, Track::Party(p.id))).map(|v| v.text.clone())))
                    .collect();
                if let Some(joint) = heads.get(&(c.id, Track::Joint)) {
                    positions.push(("joint".into(), Some(joint.text.clone())));
                }
                disagreements.push(Disagreement {
                    clause_id: c.id,
                    reference: c.reference,
                    title: c.title,
                    referred_to,
                    further: None,
                    reason: String::new(),
                    decided_on: None,
                    positions,
                });
            }
            status => pending.push(ClauseSummary { clause_id: c.id, reference: c.reference, title: c.title, status }),
        }
    }
    Ok(FinalAgreement { negotiation, parties, articles, pending, disagreements, signatures })
}

/// What happens next to a disputed point, in words.
fn next_words(d: &Disagreement, w: &Words) -> String {
    let mut out = match (d.further, d.referred_to) {
        (Some(further), _) => w.f("further-procedure", &[("further", (&w.name("further", further.as_str())).into())]),
        (None, Some(r)) => w.f("in-impasse-referred", &[("to", (&w.name("referral", r.as_str())).into())]),
        (None, None) => w.t("in-impasse"),
    };
    if d.further.is_some() {
        if let Some(day) = &d.decided_on {
            out.push_str(&format!(", {}", w.f("decided-on", &[("date", (&w.date(day)).into())])));
        }
        if !d.reason.trim().is_empty() {
            out.push_str(&format!(" — {}", d.reason.trim()));
        }
    }
    out
}

fn side_title(b: &SignatureBlock, w: &Words) -> String {
    match b.side {
        Some(side) => w.t(&format!("for-side-{}", side.as_str())),
        None => w.f("for-organisations", &[("names", (&b.organisations.join(", ")).into())]),
    }
}

fn position_title(label: &str, w: &Words) -> String {
    if label == "joint" { w.t("joint") } else { label.to_string() }
}

impl FinalAgreement {
    /// "Final agreement", or a draft when clauses are still to be settled.
    fn heading(&self, w: &Words) -> String {
        let title = ("title", (&self.negotiation.title).into());
        if self.pending.is_empty()
            && self.negotiation.closing_rule == ClosingRule::Protocol
            && !self.disagreements.is_empty()
        {
            w.f("final-protocol", &[title])
        } else if self.pending.is_empty() {
            w.f("final", &[title])
        } else {
            w.f("final-draft", &[title, ("count", self.pending.len().into())])
        }
    }

    fn initialed_line(a: &Article, w: &Words) -> String {
        let Some(version) = a.version_id else { return w.t("carried-over") };
        let by: Vec<String> = a.initialed.iter().map(|(p, d)| format!("{p} {}", w.date(d))).collect();
        w.f(
            "initialed-by",
            &[
                ("by", (&by.join(", ")).into()),
                ("version", version.into()),
                ("hash", a.hash.as_deref().unwrap_or("").into()),
            ],
        )
    }

    pub fn to_markdown(&self) -> String {
        document::to_markdown(&self.to_model(&Words::new(Lang::En)))
    }

    pub fn to_html(&self) -> String {
        document::html_page(&self.to_model(&Words::new(Lang::En)))
    }

    /// The final agreement as the one document model: the articles with their initials and
    /// reservations, what is not yet agreed, the protocol of disagreements as an annex on a page of its
    /// own, and the signatures.
    pub fn to_model(&self, w: &Words) -> Document {
        let names: Vec<String> =
            initialing(&self.parties).iter().map(|p| format!("{} ({})", p.name, p.label)).collect();
        let mut blocks = vec![Block::note(w.f("between", &[("names", (&names.join("; ")).into())]))];
        for a in &self.articles {
            let marker = match a.version_id {
                Some(v) => format!("clause-{}-v{v}", a.clause_id),
                None => format!("clause-{}", a.clause_id),
            };
            let heading = vec![Run::plain(format!("{} — {}", a.reference, a.title))];
            blocks.push(Block::Heading { level: 2, runs: heading, marker: Some(marker) });
            if a.texts.is_empty() {
                blocks.extend(document::parse(&a.text));
            } else {
                // the authentic texts side by side, as a bilingual agreement is printed
                let head: Vec<String> = a.texts.iter().map(|t| w.name("language", t.lang.code())).collect();
                let row = a.texts.iter().map(|t| document::parse(&t.text)).collect();
                blocks.push(table(&head.iter().map(String::as_str).collect::<Vec<_>>(), vec![row]));
            }
            blocks.push(Block::note(Self::initialed_line(a, w)));
            for (label, text) in &a.reservations {
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let of = w.f("reservation-of", &[("party", label.into())]);
                let runs = vec![Run::strong(of), Run::plain(format!(" {text}"))];
                blocks.push(Block::Quote(vec![Block::Paragraph(runs)]));
            }
        }
        if !self.pending.is_empty() {
            blocks.push(Block::heading(2, w.t("not-yet-agreed")));
            let items = self.pending.iter().map(|p| {
                let status = w.name("status", p.status.as_str());
                vec![Block::paragraph(format!("{} — {} ({status})", p.reference, p.title))]
            });
            blocks.push(Block::List { ordered: false, items: items.collect() });
        }
        if !self.disagreements.is_empty() {
            blocks.push(Block::PageBreak);
            blocks.push(Block::heading(1, w.t("annex")));
            for (n, d) in self.disagreements.iter().enumerate() {
                let heading = vec![Run::plain(format!("{}. {} — {}", n + 1, d.reference, d.title))];
                blocks.push(Block::Heading {
                    level: 2,
                    runs: heading,
                    marker: Some(format!("clause-{}", d.clause_id)),
                });
                blocks.push(Block::note(format!("{}.", next_words(d, w))));
                for (label, text) in &d.positions {
                    blocks.push(Block::heading(3, position_title(label, w)));
                    match text {
                        Some(text) => blocks.extend(document::parse(text)),
                        None => blocks.push(Block::note(w.t("no-text"))),
                    }
                }
            }
        }
        blocks.push(Block::heading(2, w.t("signatures")));
        let rows = self.signatures.iter().map(|b| {
            let who = b.signatory.as_deref().unwrap_or("");
            vec![
                text_cell(&side_title(b, w)),
                text_cell(&b.organisations.join("; ")),
                text_cell(who),
                text_cell(""),
                text_cell(""),
            ]
        });
        let head = ["side", "organisations", "signatory", "signature", "date-column"].map(|id| w.t(id));
        blocks.push(table(&head.each_ref().map(String::as_str), rows.collect()));
        Document { title: self.heading(w), lang: w.lang(), blocks, ..Document::default() }
    }
}
