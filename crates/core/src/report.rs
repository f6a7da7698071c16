//! Where the agreement stands, for the table and the members: the table of initials, the status report,
//! and the final agreement with its protocol of disagreements. Built from tabled texts, initials and
//! the journal only — a private note or an untabled draft is never read here.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::document::markdown::md_inline;
use crate::error::{Error, Result};
use crate::export::{html_page, human};
use crate::markdown::{escape_html, render};
use crate::model::{
    Approval, Clause, ClauseStatus, ClosingRule, Delegate, Event, Further, Initial, Negotiation, Party, Referral, Role,
    Session, Side, Track,
};
use crate::store::{ClauseSummary, Store, stamp};
use crate::text::text_hash;

/// The journal's kinds that stay in the workbench: a draft saved is our side's business.
const PRIVATE_EVENTS: [&str; 1] = ["draft_saved"];

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
pub async fn initials_table(store: &Store, negotiation_id: i64) -> Result<InitialsTable> {
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
pub fn describe(e: &Event, parties: &[Party]) -> String {
    let label = |key: &str| {
        let id = e.detail.get(key).and_then(|v| v.as_i64());
        parties.iter().find(|p| Some(p.id) == id).map_or("joint text".to_string(), |p| p.label.clone())
    };
    let num = |key: &str| e.detail.get(key).and_then(|v| v.as_i64()).unwrap_or_default();
    let to = e.detail.get("to").and_then(|v| v.as_str()).map(human).unwrap_or_default();
    let because = if e.reason.is_empty() { String::new() } else { format!(": {}", e.reason) };
    match e.kind.as_str() {
        "status_changed" => format!("status → {to}{because}"),
        "negotiation_status_changed" => format!("agreement → {to}{because}"),
        "initialed" => format!("{} initialed version {}", label("party_id"), num("version_id")),
        "version_tabled" => format!("{}: version {} tabled", label("party_id"), num("version_id")),
        "session_scheduled" => format!("session {} scheduled", num("number")),
        "minutes_written" => format!("minutes of session {} written", num("number")),
        kind => format!("{}{because}", human(kind)),
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

/// The status report as at `now`: the moment it says it was made, which decides the sessions held.
pub async fn status_report(
    store: &Store,
    negotiation_id: i64,
    timeline: usize,
    now: chrono::DateTime<chrono::Utc>,
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
            text: describe(e, &parties),
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

fn by_topic(clauses: &[Clause]) -> Vec<TopicProgress> {
    let mut topics: Vec<TopicProgress> = Vec::new();
    for c in clauses {
        let untagged = ["(no topic)".to_string()];
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

/// A cell of the table of initials in words: "12 May 2027", "pending", "voided".
fn cell_words(c: &InitialCell) -> String {
    match c {
        InitialCell::Pending => "pending".into(),
        InitialCell::Initialed { at, current: true, .. } => format!("initialed {}", day(at)),
        InitialCell::Initialed { at, version_id, .. } => format!("initialed {} (version {version_id})", day(at)),
        InitialCell::Voided { voided_at, .. } => format!("voided {}", day(voided_at)),
    }
}

fn counts_line(by_status: &[(ClauseStatus, i64)]) -> String {
    let total: i64 = by_status.iter().map(|(_, n)| n).sum();
    let parts: Vec<String> =
        by_status.iter().filter(|(_, n)| *n > 0).map(|(s, n)| format!("{n} {}", human(s.as_str()))).collect();
    format!("{total} clauses: {}", parts.join(", "))
}

impl StatusReport {
    pub fn to_markdown(&self) -> String {
        let n = &self.negotiation;
        let mut out = format!(
            "# Status report — {}\n\nAgreement status: **{}**. {}.\n\nAs of {}.\n\n## Progress by topic\n\n| Topic | Clauses | Where they stand |\n|---|---|---|\n",
            md_inline(&n.title),
            human(n.status.as_str()),
            counts_line(&self.by_status),
            day(&self.generated_at)
        );
        for t in &self.by_topic {
            let parts: Vec<String> = t.by_status.iter().map(|(s, c)| format!("{c} {}", human(s.as_str()))).collect();
            out.push_str(&format!("| {} | {} | {} |\n", md_inline(&t.topic), t.total, parts.join(", ")));
        }
        out.push_str("\n## Initials\n\n| Clause | Status |");
        for p in &self.initials.parties {
            out.push_str(&format!(" {} |", md_inline(&p.label)));
        }
        out.push_str(&format!("\n|---|---|{}\n", "---|".repeat(self.initials.parties.len())));
        for r in &self.initials.rows {
            out.push_str(&format!(
                "| {} {} | {} |",
                md_inline(&r.reference),
                md_inline(&r.title),
                human(r.status.as_str())
            ));
            for c in &r.cells {
                out.push_str(&format!(" {} |", cell_words(c)));
            }
            out.push('\n');
        }
        out.push_str("\n## Sessions\n\n");
        for s in &self.sessions {
            out.push_str(&format!(
                "- Session {} — {}, {} ({}){}\n",
                s.number,
                day(&s.starts_at),
                md_inline(&s.place),
                human(s.kind.as_str()),
                if s.has_begun(&self.generated_at) { "" } else { " — scheduled" }
            ));
        }
        if !self.approvals.is_empty() {
            out.push_str("\n## Approval\n\n| Step | Body | Date | For | Against | Abstaining | Outcome |\n|---|---|---|---|---|---|---|\n");
            for r in &self.approvals {
                let [f, a, ab] = vote_cells(r);
                out.push_str(&format!(
                    "| {} | {} | {} | {f} | {a} | {ab} | {} |\n",
                    step_words(r),
                    md_inline(&r.body),
                    md_inline(&r.decided_on),
                    if r.approved { "approved" } else { "rejected" }
                ));
            }
        }
        out.push_str("\n## Latest events\n\n");
        for e in &self.timeline {
            let clause = e.clause.as_deref().map(|c| format!("{} — ", md_inline(c))).unwrap_or_default();
            out.push_str(&format!("- {} {clause}{} ({})\n", day(&e.at), md_inline(&e.text), md_inline(&e.actor)));
        }
        out
    }

    pub fn to_html(&self) -> String {
        let n = &self.negotiation;
        let mut b = format!(
            "<h1>Status report — {}</h1><p class=\"meta\">Agreement status: <strong>{}</strong>. {}. As of {}.</p>",
            escape_html(&n.title),
            escape_html(&human(n.status.as_str())),
            escape_html(&counts_line(&self.by_status)),
            escape_html(day(&self.generated_at))
        );
        b.push_str("<h2>Progress by topic</h2><table><tr><th>Topic</th><th>Clauses</th><th>Where they stand</th></tr>");
        for t in &self.by_topic {
            let parts: Vec<String> = t.by_status.iter().map(|(s, c)| format!("{c} {}", human(s.as_str()))).collect();
            b.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape_html(&t.topic),
                t.total,
                escape_html(&parts.join(", "))
            ));
        }
        b.push_str("</table><h2>Initials</h2><table><tr><th>Clause</th><th>Status</th>");
        for p in &self.initials.parties {
            b.push_str(&format!("<th>{}</th>", escape_html(&p.label)));
        }
        b.push_str("</tr>");
        for r in &self.initials.rows {
            b.push_str(&format!(
                "<tr><td>{} {}</td><td>{}</td>",
                escape_html(&r.reference),
                escape_html(&r.title),
                escape_html(&human(r.status.as_str()))
            ));
            for c in &r.cells {
                let class = match c {
                    InitialCell::Pending => "pending",
                    InitialCell::Initialed { .. } => "initialed",
                    InitialCell::Voided { .. } => "voided",
                };
                b.push_str(&format!("<td class=\"{class}\">{}</td>", escape_html(&cell_words(c))));
            }
            b.push_str("</tr>");
        }
        b.push_str("</table><h2>Sessions</h2><ul>");
        for s in &self.sessions {
            b.push_str(&format!(
                "<li>Session {} — {}, {} ({}){}</li>",
                s.number,
                escape_html(day(&s.starts_at)),
                escape_html(&s.place),
                escape_html(&human(s.kind.as_str())),
                if s.has_begun(&self.generated_at) { "" } else { " — scheduled" }
            ));
        }
        b.push_str("</ul>");
        if !self.approvals.is_empty() {
            b.push_str("<h2>Approval</h2><table><tr><th>Step</th><th>Body</th><th>Date</th><th>For</th><th>Against</th><th>Abstaining</th><th>Outcome</th></tr>");
            for r in &self.approvals {
                let [f, a, ab] = vote_cells(r);
                b.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{f}</td><td>{a}</td><td>{ab}</td><td>{}</td></tr>",
                    escape_html(&step_words(r)),
                    escape_html(&r.body),
                    escape_html(&r.decided_on),
                    if r.approved { "approved" } else { "rejected" }
                ));
            }
            b.push_str("</table>");
        }
        b.push_str("<h2>Latest events</h2><ul class=\"timeline\">");
        for e in &self.timeline {
            let clause = e.clause.as_deref().map(|c| format!("{} — ", escape_html(c))).unwrap_or_default();
            b.push_str(&format!(
                "<li><span class=\"day\">{}</span> {clause}{} <span class=\"who\">({})</span></li>",
                escape_html(day(&e.at)),
                escape_html(&e.text),
                escape_html(&e.actor)
            ));
        }
        b.push_str("</ul>");
        html_page(&format!("Status report — {}", n.title), REPORT_CSS, &b)
    }
}

/// An approval step in words: "side approval (workers)".
fn step_words(a: &Approval) -> String {
    match a.side {
        Some(side) => format!("{} ({})", human(a.step.as_str()), side.words()),
        None => human(a.step.as_str()),
    }
}

/// The vote's three cells; empty where no vote was taken.
fn vote_cells(a: &Approval) -> [String; 3] {
    match a.vote {
        Some(v) => [v.votes_for.to_string(), v.votes_against.to_string(), v.abstaining.to_string()],
        None => Default::default(),
    }
}

const REPORT_CSS: &str = "body{max-width:60em}table{border-collapse:collapse;width:100%;font:.85em sans-serif}\
th,td{border:1px solid #999;padding:.25em .45em;text-align:left;vertical-align:top}th{background:#eee}\
td.initialed{font-weight:600}td.voided{text-decoration:line-through;color:#555}td.pending{color:#555;font-style:italic}\
.timeline .day,.who{color:#555}";

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
    /// "Federation of Trade Unions (FTU)", each organisation of the side.
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

pub async fn final_agreement(store: &Store, negotiation_id: i64) -> Result<FinalAgreement> {
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
                    return Err(Error::Conflict(format!("{} is tentatively agreed but has no initials", c.reference)));
                };
                let version = store.version(first.version_id).await?;
                // the text going into the agreement must be, to the byte, what the parties initialed
                if text_hash(&version.text) != first.hash || standing.iter().any(|i| i.hash != first.hash) {
                    return Err(Error::Conflict(format!(
                        "the text of {} no longer matches the hash its parties initialed: run verify",
                        c.reference
                    )));
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
                    return Err(Error::Conflict(format!("{} is in the protocol but has no entry", c.reference)));
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
fn next_words(d: &Disagreement) -> String {
    let when = d.decided_on.as_deref().map(|day| format!(", decided on {day}")).unwrap_or_default();
    let why = if d.reason.trim().is_empty() { String::new() } else { format!(" — {}", d.reason.trim()) };
    match (d.further, d.referred_to) {
        (Some(Further::Talks), _) => format!("Further procedure: further talks{when}{why}"),
        (Some(Further::Conciliation), _) => format!("Further procedure: a conciliation commission{when}{why}"),
        (Some(Further::NextRound), _) => format!("Further procedure: the next round of negotiations{when}{why}"),
        (None, Some(r)) => format!("In impasse, referred to {}", referral_words(r)),
        (None, None) => "In impasse".into(),
    }
}

fn referral_words(r: Referral) -> &'static str {
    match r {
        Referral::WorkingGroup => "the working group",
        Referral::Coordinators => "the coordinators of the sides",
        Referral::Plenary => "the commission's plenary",
        Referral::Conciliation => "a conciliation commission",
        Referral::Mediator => "a mediator",
        Referral::Arbitration => "labour arbitration",
    }
}

fn side_title(b: &SignatureBlock) -> String {
    match b.side {
        Some(Side::Workers) => "For the workers".into(),
        Some(Side::Employers) => "For the employers".into(),
        Some(Side::Government) => "For the government".into(),
        Some(Side::Mediator) => "For the mediator".into(),
        None => format!("For {}", b.organisations.join(", ")),
    }
}

fn position_title(label: &str) -> String {
    if label == "joint" { "Joint text".into() } else { label.to_string() }
}

impl FinalAgreement {
    /// "Final agreement", or a draft when clauses are still to be settled.
    fn heading(&self) -> String {
        if self.pending.is_empty()
            && self.negotiation.closing_rule == ClosingRule::Protocol
            && !self.disagreements.is_empty()
        {
            format!("{} — agreed terms, signed with a protocol of disagreements", self.negotiation.title)
        } else if self.pending.is_empty() {
            format!("{} — final agreement", self.negotiation.title)
        } else {
            format!("{} — draft: {} clause(s) not yet agreed", self.negotiation.title, self.pending.len())
        }
    }

    fn initialed_line(a: &Article) -> String {
        if a.version_id.is_none() {
            return "Carried over unchanged from the agreement in force.".into();
        }
        let by: Vec<String> = a.initialed.iter().map(|(p, d)| format!("{p} {d}")).collect();
        format!(
            "Initialed: {} — version {}, SHA-256 {}",
            by.join(", "),
            a.version_id.unwrap_or_default(),
            a.hash.as_deref().unwrap_or("")
        )
    }

    pub fn to_markdown(&self) -> String {
        let mut out = format!("# {}\n\n", md_inline(&self.heading()));
        let names: Vec<String> =
            initialing(&self.parties).iter().map(|p| md_inline(&format!("{} ({})", p.name, p.label))).collect();
        out.push_str(&format!("Between: {}.\n\n", names.join("; ")));
        for a in &self.articles {
            out.push_str(&format!("## {} — {}\n\n", md_inline(&a.reference), md_inline(&a.title)));
            out.push_str(&a.text.trim_end().replace('<', "&lt;"));
            out.push_str(&format!("\n\n*{}*\n\n", md_inline(&Self::initialed_line(a))));
            for (label, text) in &a.reservations {
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                out.push_str(&format!("> **Reservation of {}:** {}\n\n", md_inline(label), md_inline(&text)));
            }
        }
        if !self.pending.is_empty() {
            out.push_str("## Not yet agreed\n\n");
            for p in &self.pending {
                out.push_str(&format!(
                    "- {} — {} ({})\n",
                    md_inline(&p.reference),
                    md_inline(&p.title),
                    human(p.status.as_str())
                ));
            }
            out.push('\n');
        }
        if !self.disagreements.is_empty() {
            out.push_str("# Annex: protocol of disagreements\n\n");
            for (n, d) in self.disagreements.iter().enumerate() {
                out.push_str(&format!(
                    "## {}. {} — {}\n\n*{}.*\n\n",
                    n + 1,
                    md_inline(&d.reference),
                    md_inline(&d.title),
                    md_inline(&next_words(d))
                ));
                for (label, text) in &d.positions {
                    let text =
                        text.as_deref().map_or("*No text tabled.*".to_string(), |t| t.trim_end().replace('<', "&lt;"));
                    out.push_str(&format!("**{}:**\n\n{text}\n\n", md_inline(&position_title(label))));
                }
            }
        }
        out.push_str("## Signatures\n\n");
        for b in &self.signatures {
            let who = b.signatory.as_deref().map(md_inline).unwrap_or_default();
            out.push_str(&format!(
                "**{}** ({}): {who} ____________________ date ________\n\n",
                md_inline(&side_title(b)),
                md_inline(&b.organisations.join("; "))
            ));
        }
        out
    }

    pub fn to_html(&self) -> String {
        let mut b = format!("<h1>{}</h1>", escape_html(&self.heading()));
        let names: Vec<String> =
            initialing(&self.parties).iter().map(|p| escape_html(&format!("{} ({})", p.name, p.label))).collect();
        b.push_str(&format!("<p class=\"meta\">Between: {}.</p>", names.join("; ")));
        for a in &self.articles {
            let reservations: String = a
                .reservations
                .iter()
                .map(|(label, text)| {
                    format!(
                        "<p class=\"reservation\"><strong>Reservation of {}:</strong> {}</p>",
                        escape_html(label),
                        escape_html(text)
                    )
                })
                .collect();
            b.push_str(&format!(
                "<section class=\"clause\"><h2><span class=\"ref\">{}</span> {}</h2>{}<p class=\"initialed\">{}</p>{reservations}</section>",
                escape_html(&a.reference),
                escape_html(&a.title),
                render(&a.text),
                escape_html(&Self::initialed_line(a))
            ));
        }
        if !self.pending.is_empty() {
            b.push_str("<section class=\"clause\"><h2>Not yet agreed</h2><ul>");
            for p in &self.pending {
                b.push_str(&format!(
                    "<li>{} — {} ({})</li>",
                    escape_html(&p.reference),
                    escape_html(&p.title),
                    escape_html(&human(p.status.as_str()))
                ));
            }
            b.push_str("</ul></section>");
        }
        if !self.disagreements.is_empty() {
            b.push_str("<section class=\"annex\"><h1>Annex: protocol of disagreements</h1>");
            for (n, d) in self.disagreements.iter().enumerate() {
                b.push_str(&format!(
                    "<section class=\"clause\"><h2>{}. <span class=\"ref\">{}</span> {}</h2><p class=\"meta\">{}.</p>",
                    n + 1,
                    escape_html(&d.reference),
                    escape_html(&d.title),
                    escape_html(&next_words(d))
                ));
                for (label, text) in &d.positions {
                    let text = text.as_deref().map_or("<p class=\"none\">No text tabled.</p>".to_string(), render);
                    b.push_str(&format!("<h3>{}</h3>{text}", escape_html(&position_title(label))));
                }
                b.push_str("</section>");
            }
            b.push_str("</section>");
        }
        b.push_str("<section class=\"signatures\"><h2>Signatures</h2>");
        for s in &self.signatures {
            b.push_str(&format!(
                "<div class=\"signature\"><p><strong>{}</strong><br>{}</p><p class=\"line\">{}</p><p class=\"date\">date</p></div>",
                escape_html(&side_title(s)),
                escape_html(&s.organisations.join("; ")),
                escape_html(s.signatory.as_deref().unwrap_or(""))
            ));
        }
        b.push_str("</section>");
        html_page(&self.heading(), FINAL_CSS, &b)
    }
}

const FINAL_CSS: &str = ".initialed{font:.8em sans-serif;color:#444;word-break:break-all}\
.reservation{border-left:3px solid #999;padding-left:.6em;font-size:.9em}\
.annex{break-before:page;margin-top:3em}h3{font-size:1em;margin:.8em 0 .2em}\
.signatures{display:flex;flex-wrap:wrap;gap:2em;margin-top:3em;break-inside:avoid}\
.signature{flex:1 1 14em}.signature .line{border-bottom:1px solid #000;padding-top:2.5em;margin:0}\
.signature .date{font:.8em sans-serif;color:#444;border-bottom:1px solid #000;width:8em;padding-top:1.5em}";
