//! What the commands print for people (`--json` prints the core's types as they are).

use trilogue_core::import::TextEncoding;
use trilogue_core::model::{ClosingRule, Commitment, Event, Party, Session, Track, Version};
use trilogue_core::report::{InitialCell, InitialsTable};
use trilogue_core::store::{ClauseRow, IntakeChange, IntakePlan, MatchedBy, NegotiationSummary, SearchHit};
use trilogue_core::views::{ClauseDetail, Overview, SessionDetail, Stage};

fn label(parties: &[Party], track: Track) -> String {
    match track {
        Track::Joint => "joint".into(),
        Track::Party(id) => {
            parties.iter().find(|p| p.id == id).map_or_else(|| format!("party {id}"), |p| p.label.clone())
        }
    }
}

/// One line of a text, shortened for a listing.
fn excerpt(text: &str, chars: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= chars { line } else { format!("{}…", line.chars().take(chars).collect::<String>()) }
}

pub fn negotiations(list: &[NegotiationSummary]) {
    if list.is_empty() {
        println!("no negotiations yet: `trilogue-cli demo` loads an example, `import-table` imports one");
    }
    for s in list {
        let n = &s.negotiation;
        println!("{:>4}  {}  [{}]  {} clauses", n.id, n.title, n.status, s.clauses);
    }
}

pub fn clauses(rows: &[ClauseRow], parties: &[Party]) {
    let width = rows.iter().map(|r| r.clause.reference.chars().count()).max().unwrap_or(3);
    for r in rows {
        let c = &r.clause;
        let heads: Vec<String> = r
            .heads
            .iter()
            .map(|h| format!("{}:v{}{}", label(parties, h.track), h.version_id, if h.tabled { "" } else { "(draft)" }))
            .collect();
        println!(
            "{:>5}  {:<width$}  {:<20}  {}  — {}",
            c.id,
            c.reference,
            c.status.as_str(),
            excerpt(&c.title, 48),
            heads.join(" ")
        );
    }
}

pub fn hits(hits: &[SearchHit]) {
    if hits.is_empty() {
        println!("nothing found");
    }
    for h in hits {
        let place = match (&h.party_label, h.version_id) {
            (Some(p), Some(v)) => format!("{p} v{v}{}", if h.tabled == Some(false) { " (private draft)" } else { "" }),
            _ => "title".into(),
        };
        println!("{} — {}  [{place}]\n    {}", h.reference, h.title, excerpt(&h.snippet, 160));
    }
}

pub fn events(events: &[Event]) {
    for e in events {
        let reason = if e.reason.is_empty() { String::new() } else { format!(" — {}", e.reason) };
        let clause = e.clause_id.map(|c| format!(" clause {c}")).unwrap_or_default();
        println!("{}  {:<24} {}{clause}{reason}", e.at, e.kind, e.actor);
    }
}

/// A clause as text: every track's versions, initials, standards, our private notes.
pub fn clause(view: &ClauseDetail) {
    let c = &view.clause;
    println!("{} — {}  [{}]  (clause {})", c.reference, c.title, c.status, c.id);
    if !c.section.is_empty() {
        println!("section: {}", c.section);
    }
    if !c.topics.is_empty() {
        println!("topics: {}", c.topics.join(", "));
    }
    if !view.standards.is_empty() {
        println!("standards: {}", view.standards.join("; "));
    }
    match view.stage {
        Some(Stage::Draft) => println!("stage: our drafts only, nothing tabled"),
        Some(Stage::Tabled { track }) => println!("stage: tabled by {}", label(&view.parties, track)),
        Some(Stage::Countered { track }) => println!("stage: countered, last by {}", label(&view.parties, track)),
        None => {}
    }
    if let Some(base) = &c.status_quo {
        println!("\n== status quo\n{base}");
    }
    let tracks = view.parties.iter().map(|p| Track::Party(p.id)).chain([Track::Joint]);
    for track in tracks {
        let versions: Vec<&Version> = view.versions.iter().filter(|v| v.track == track).collect();
        if versions.is_empty() {
            continue;
        }
        println!("\n== {}", label(&view.parties, track));
        for v in versions {
            let state = match &v.tabled_at {
                Some(at) => {
                    let from = v.sent_by.map(|p| format!(" from {}", label(&view.parties, Track::Party(p))));
                    let letter = (!v.letter_ref.is_empty()).then(|| format!(", letter {}", v.letter_ref));
                    format!("tabled {at}{}{}", from.unwrap_or_default(), letter.unwrap_or_default())
                }
                None => "PRIVATE DRAFT".into(),
            };
            println!("-- v{}  {}  {}  by {}  {}", v.id, &v.hash[..12], v.created_at, v.author, state);
            if !v.rationale.is_empty() {
                println!("   ({})", v.rationale);
            }
            println!("{}", v.text);
        }
    }
    if !view.initials.is_empty() {
        println!("\n== initials");
        for i in &view.initials {
            let voided = i.voided_at.as_ref().map(|at| format!("  VOID since {at}")).unwrap_or_default();
            let party = label(&view.parties, Track::Party(i.party_id));
            println!(
                "{party}: v{} ({}) by {} at {}{voided}",
                i.version_id,
                &i.hash[..12],
                i.initialed_by,
                i.initialed_at
            );
        }
    }
    if !view.reservations.is_empty() {
        println!("\n== reservations");
        for r in &view.reservations {
            let party = label(&view.parties, Track::Party(r.party_id));
            println!("{party} ({}, {}): {}", r.recorded_by, r.recorded_at, r.text);
        }
    }
    for n in &view.private_notes {
        println!("\n== private note ({}, {})  [never exported]", n.priority, n.created_at);
        if !n.red_line.is_empty() {
            println!("red line: {}", n.red_line);
        }
        println!("{}", n.reasoning);
    }
}

/// Where a negotiation stands, as text.
pub fn overview(view: &Overview) {
    let n = &view.negotiation;
    println!("{}  (negotiation {})", n.title, n.id);
    println!("status: {}   level: {}   {}", n.status, n.level, if n.tripartite { "tripartite" } else { "bipartite" });
    let rule = match n.closing_rule {
        ClosingRule::All => "nothing is agreed until everything is agreed",
        ClosingRule::Protocol => "the agreed terms are signed with a protocol of disagreements",
    };
    println!("closing: {rule}   authentic: {}", n.languages.join(", "));
    let parties: Vec<String> = view.parties.iter().map(|p| format!("{} — {}", p.label, p.name)).collect();
    println!("parties: {}", parties.join("; "));
    let total: i64 = view.by_status.iter().map(|(_, c)| c).sum();
    println!("\n{total} clauses");
    for (status, count) in view.by_status.iter().filter(|(_, c)| *c > 0) {
        let bar = "█".repeat(*count as usize * 30 / total.max(1) as usize);
        println!("  {:<20} {:>4}  {bar}", status.as_str(), count);
    }
    println!("\nsessions held: {}", view.held_sessions.len());
    if let Some(next) = &view.next_session {
        println!("next session: no. {} on {} at {}", next.number, next.starts_at, next.place);
    }
}

pub fn sessions(sessions: &[Session], now: chrono::DateTime<chrono::Utc>) {
    let now = trilogue_core::store::stamp(now);
    for s in sessions {
        let held = if s.has_begun(&now) { "held" } else { "scheduled" };
        println!("{:>3}  {}  {:<14} {}  [{held}]", s.number, s.starts_at, s.kind.as_str(), s.place);
    }
}

/// A session as text: who came, the agenda, what was tabled and initialed, the minutes.
pub fn session(view: &SessionDetail) {
    let s = &view.session;
    println!("session {} — {} — {} ({})", s.number, s.starts_at, s.place, s.kind);
    for p in &view.parties {
        let names: Vec<String> =
            view.attendees.iter().filter(|d| d.party_id == p.id).map(|d| format!("{} ({})", d.name, d.role)).collect();
        if !names.is_empty() {
            println!("{}: {}", p.label, names.join(", "));
        }
    }
    let agenda: Vec<&str> = view.agenda.iter().map(|a| a.reference.as_str()).collect();
    println!("agenda: {}", if agenda.is_empty() { "—".to_string() } else { agenda.join(", ") });
    println!("\n== tabled");
    for t in &view.tabled {
        println!("{}  {}: v{} by {}", t.reference, label(&view.parties, t.track), t.version_id, t.author);
    }
    println!("\n== initialed");
    for given in &view.initialed {
        let i = &given.initial;
        let voided = if i.voided_at.is_some() { "  (since voided)" } else { "" };
        let party = label(&view.parties, Track::Party(i.party_id));
        println!("{}  {party}: v{}{voided}", given.reference, i.version_id);
    }
    if !s.minutes.is_empty() {
        println!("\n== minutes\n{}", s.minutes);
    }
}

/// The table of initials: a row per clause, a column per party.
pub fn initials(table: &InitialsTable) {
    let width = table.rows.iter().map(|r| r.reference.chars().count()).max().unwrap_or(6).max(6);
    let mut header = format!("{:<width$}  {:<20}", "clause", "status");
    for p in &table.parties {
        header.push_str(&format!("  {:<22}", p.label));
    }
    println!("{}", header.trim_end());
    for r in &table.rows {
        let mut line = format!("{:<width$}  {:<20}", r.reference, r.status.as_str());
        for c in &r.cells {
            let cell = match c {
                InitialCell::Pending => "pending".to_string(),
                InitialCell::Initialed { version_id, at, .. } => format!("v{version_id} {}", &at[..10.min(at.len())]),
                InitialCell::Voided { voided_at, .. } => format!("voided {}", &voided_at[..10.min(voided_at.len())]),
            };
            line.push_str(&format!("  {cell:<22}"));
        }
        println!("{}", line.trim_end());
    }
}

/// The organisations by side, each with its delegates.
pub fn sides(view: &crate::setup::Sides) {
    for p in &view.parties {
        let side = p.side.map_or("no side".to_string(), |s| s.words());
        println!("{} — {} ({side})", p.label, p.name);
        for d in view.delegates.iter().filter(|d| d.party_id == p.id) {
            let retired = d.retired_at.as_ref().map(|at| format!("  retired {}", &at[..10])).unwrap_or_default();
            println!("    {:>4}  {} ({}){retired}", d.id, d.name, d.role.words());
        }
    }
}

/// The action plan: each commitment, who, by when, done or overdue as of `today`.
pub fn commitments(list: &[Commitment], today: &str) {
    for c in list {
        let state = match &c.done_on {
            Some(day) => format!("done {day}"),
            None if c.due_on.as_str() < today => "OVERDUE".into(),
            None => "open".into(),
        };
        println!("{:>4}  {}  {:<10} {} — {}", c.id, c.due_on, state, c.responsible, c.text);
    }
}

/// How a table was read, when it matters to the user: Windows-1251, and letters it may have lost.
pub fn encoding(encoding: &TextEncoding, source: &str) {
    if let TextEncoding::Windows1251 { lost_letters, first_lost_line } = encoding {
        eprintln!("note: {source} was read as Windows-1251 (a spreadsheet's \"CSV\"); save as CSV UTF-8 next time");
        if *lost_letters {
            eprintln!(
                "warning: a question mark stands inside a Cyrillic word (first on line {}): Windows-1251 cannot hold \
                 the Kazakh letters ә ғ қ ң ө ұ ү һ, which the spreadsheet replaced; ask the sender for a UTF-8 file",
                first_lost_line.unwrap_or(1)
            );
        }
    }
}

/// What taking a party's file in does (`preview`) or did.
pub fn intake(plan: &IntakePlan, preview: bool, parties: &[Party]) {
    let label = |id: Option<i64>| parties.iter().find(|p| Some(p.id) == id).map_or("?", |p| p.label.as_str());
    for a in &plan.authors {
        let recorded = match (a.recorded, preview) {
            (true, true) => "as recorded before",
            (false, true) => "recorded so when taken in",
            (_, false) => "recorded",
        };
        println!(
            "tracked changes by {}: {} insertion(s), {} deletion(s), taken as accepted — {}'s ({recorded})",
            if a.author.is_empty() { "?" } else { &a.author },
            a.insertions,
            a.deletions,
            label(a.party_id)
        );
    }
    for r in &plan.rows {
        let how = match r.matched_by {
            Some(MatchedBy::Mark) => " (by our mark)",
            Some(MatchedBy::Title) => " (by title)",
            Some(MatchedBy::Order) => " (by order)",
            _ => "",
        };
        let place = match (r.clause_id, &r.matched_ref) {
            (None, _) => "new clause".to_string(),
            (Some(_), Some(existing)) => format!("matches {existing}{how}"),
            (Some(_), None) => format!("matches{how}"),
        };
        let texts: Vec<String> = r
            .texts
            .iter()
            .map(|t| {
                let change = match t.change {
                    IntakeChange::New => "new",
                    IntakeChange::Changed => "changed",
                    IntakeChange::Same => "unchanged",
                };
                let sent = t.against_sent.as_ref().map_or(String::new(), |s| {
                    format!(
                        " (+{} −{} words against v{} we sent)",
                        s.diff.words_inserted, s.diff.words_deleted, s.version_id
                    )
                });
                format!("{} {change}{sent}", t.label)
            })
            .collect();
        let name: String = format!("{} {}", r.reference, r.title).chars().take(34).collect();
        println!("line {:>4}  {name:<34} {place:<26} {}", r.line, texts.join(", "));
    }
    for m in &plan.missing {
        println!("            {:<12} not in the file: left as it is", m.reference);
    }
    let verb = if preview { "would table" } else { "tabled" };
    let added = if preview { "would add" } else { "added" };
    println!(
        "{verb} {} text(s); {added} {} clause(s); {} clause(s) not in the file{}",
        plan.tabled,
        plan.new_clauses,
        plan.missing.len(),
        if preview { " — nothing written (preview)" } else { "" }
    );
}
