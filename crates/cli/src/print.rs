//! What the commands print for people (`--json` prints the core's types as they are), in the words of
//! the language chosen (`crates/cli/locales/*.ftl` beside the core's catalogue).

use trilogue_core::authentic::{Disagreement, LangText, LanguageSet};
use trilogue_core::import::TextEncoding;
use trilogue_core::model::{ClosingRule, Commitment, Event, Party, Session, Track, Version};
use trilogue_core::report::{InitialCell, InitialsTable};
use trilogue_core::store::{ClauseRow, IntakeChange, IntakePlan, MatchedBy, NegotiationSummary, SearchHit};
use trilogue_core::views::{ClauseDetail, Overview, SessionDetail, Stage};
use trilogue_core::words::{Arg, Lang, Words};

fn label(parties: &[Party], track: Track, w: &Words) -> String {
    match track {
        Track::Joint => w.t("cli-joint"),
        Track::Party(id) => parties
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| w.f("cli-party-n", &[("id", id.into())]), |p| p.label.clone()),
    }
}

/// One line of a text, shortened for a listing.
fn excerpt(text: &str, chars: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= chars { line } else { format!("{}…", line.chars().take(chars).collect::<String>()) }
}

/// The first ten characters of a stamp: its day.
fn day(stamp: &str) -> &str {
    stamp.get(..10).unwrap_or(stamp)
}

pub fn negotiations(list: &[NegotiationSummary], w: &Words) {
    if list.is_empty() {
        println!("{}", w.t("cli-no-negotiations"));
    }
    for s in list {
        let n = &s.negotiation;
        let clauses = w.f("cli-clauses-count", &[("count", s.clauses.into())]);
        println!("{:>4}  {}  [{}]  {clauses}", n.id, n.title, w.name("negotiation", n.status.as_str()));
    }
}

pub fn clauses(rows: &[ClauseRow], parties: &[Party], w: &Words) {
    let width = rows.iter().map(|r| r.clause.reference.chars().count()).max().unwrap_or(3);
    let draft = w.t("cli-draft-mark");
    for r in rows {
        let c = &r.clause;
        let heads: Vec<String> = r
            .heads
            .iter()
            .map(|h| format!("{}:v{}{}", label(parties, h.track, w), h.version_id, if h.tabled { "" } else { &draft }))
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

pub fn hits(hits: &[SearchHit], w: &Words) {
    if hits.is_empty() {
        println!("{}", w.t("cli-nothing-found"));
    }
    for h in hits {
        let place = match (&h.party_label, h.version_id) {
            (Some(p), Some(v)) => {
                let draft = if h.tabled == Some(false) { w.t("cli-private-draft-mark") } else { String::new() };
                format!("{p} v{v}{draft}")
            }
            _ => w.t("cli-in-title"),
        };
        println!("{} — {}  [{place}]\n    {}", h.reference, h.title, excerpt(&h.snippet, 160));
    }
}

pub fn events(events: &[Event], w: &Words) {
    for e in events {
        let reason = trilogue_core::report::reason(e, w);
        let reason = if reason.is_empty() { String::new() } else { format!(" — {reason}") };
        let clause = e.clause_id.map(|c| format!(" {}", w.f("cli-clause-n", &[("id", c.into())]))).unwrap_or_default();
        println!("{}  {:<24} {}{clause}{reason}", e.at, e.kind, e.actor);
    }
}

/// A version's texts in every authentic language, `first` first, each marked when it waits to be
/// brought in line; then where they disagree.
fn language_set(set: &LanguageSet, waiting: &[Lang], first: Lang, w: &Words) {
    let mut texts: Vec<&LangText> = set.texts.iter().collect();
    texts.sort_by_key(|t| t.lang != first);
    for t in texts {
        let name = w.name("language", t.lang.code());
        let mark = if waiting.contains(&t.lang) { format!("  {}", w.t("cli-waits-revision")) } else { String::new() };
        let text = if t.text.trim().is_empty() { w.t("cli-language-missing") } else { t.text.clone() };
        println!("[{name}]{mark}\n{text}");
    }
    for d in &set.disagreements {
        let counts = |counts: &[(Lang, usize)]| {
            counts.iter().map(|(l, c)| format!("{} {c}", l.code())).collect::<Vec<_>>().join(", ")
        };
        let line = match d {
            Disagreement::Number { number, counts: c } => {
                w.f("cli-number-differs", &[("number", number.into()), ("counts", counts(c).into())])
            }
            Disagreement::ListItems { counts: c } => w.f("cli-list-differs", &[("counts", counts(c).into())]),
        };
        println!("! {line}");
    }
}

/// A clause as text: every track's versions in the language asked for first, initials, standards, our
/// private notes.
pub fn clause(view: &ClauseDetail, lang: Lang, w: &Words) {
    let c = &view.clause;
    let status = w.name("status", c.status.as_str());
    println!("{} — {}  [{status}]  ({})", c.reference, c.title, w.f("cli-clause-n", &[("id", c.id.into())]));
    if !c.section.is_empty() {
        println!("{}", w.f("cli-section", &[("value", (&c.section).into())]));
    }
    if !c.topics.is_empty() {
        println!("{}", w.f("cli-topics", &[("value", (&c.topics.join(", ")).into())]));
    }
    if !view.standards.is_empty() {
        println!("{}", w.f("cli-standards", &[("value", (&view.standards.join("; ")).into())]));
    }
    let by = |track| label(&view.parties, track, w);
    match view.stage {
        Some(Stage::Draft) => println!("{}", w.t("cli-stage-draft")),
        Some(Stage::Tabled { track }) => println!("{}", w.f("cli-stage-tabled", &[("party", (&by(track)).into())])),
        Some(Stage::Countered { track }) => {
            println!("{}", w.f("cli-stage-countered", &[("party", (&by(track)).into())]))
        }
        None => {}
    }
    if let Some(base) = &c.status_quo {
        println!("\n== {}\n{base}", w.t("cli-status-quo"));
    }
    let tracks = view.parties.iter().map(|p| Track::Party(p.id)).chain([Track::Joint]);
    for track in tracks {
        let versions: Vec<&Version> = view.versions.iter().filter(|v| v.track == track).collect();
        if versions.is_empty() {
            continue;
        }
        println!("\n== {}", by(track));
        for v in versions {
            let state = match &v.tabled_at {
                Some(at) => {
                    let mut state = w.f("cli-tabled-at", &[("at", at.into())]);
                    if let Some(p) = v.sent_by {
                        state.push_str(&w.f("cli-from", &[("party", (&by(Track::Party(p))).into())]));
                    }
                    if !v.letter_ref.is_empty() {
                        state.push_str(&w.f("cli-letter", &[("value", (&v.letter_ref).into())]));
                    }
                    state
                }
                None => w.t("cli-private-draft"),
            };
            let author = w.f("cli-by", &[("author", (&v.author).into())]);
            println!("-- v{}  {}  {}  {author}  {state}", v.id, &v.hash[..12], v.created_at);
            if !v.rationale.is_empty() {
                println!("   ({})", v.rationale);
            }
            match view.language_sets.iter().find(|s| s.version_id == v.id) {
                Some(set) => language_set(set, &v.needs_revision, lang, w),
                None => println!("{}", v.text),
            }
        }
    }
    if !view.initials.is_empty() {
        println!("\n== {}", w.t("cli-initials"));
        for i in &view.initials {
            let voided = i
                .voided_at
                .as_ref()
                .map(|at| format!("  {}", w.f("cli-void-since", &[("at", at.into())])))
                .unwrap_or_default();
            let party = by(Track::Party(i.party_id));
            let args: [(&str, Arg); 5] = [
                ("party", (&party).into()),
                ("version", i.version_id.into()),
                ("hash", (&i.hash[..12]).into()),
                ("by", (&i.initialed_by).into()),
                ("at", (&i.initialed_at).into()),
            ];
            println!("{}{voided}", w.f("cli-initial-line", &args));
        }
    }
    if !view.reservations.is_empty() {
        println!("\n== {}", w.t("cli-reservations"));
        for r in &view.reservations {
            let party = by(Track::Party(r.party_id));
            println!("{party} ({}, {}): {}", r.recorded_by, r.recorded_at, r.text);
        }
    }
    for n in &view.private_notes {
        let priority = w.name("priority", n.priority.as_str());
        println!(
            "\n== {}",
            w.f("cli-private-note", &[("priority", (&priority).into()), ("at", (&n.created_at).into())])
        );
        if !n.red_line.is_empty() {
            println!("{}", w.f("cli-red-line", &[("value", (&n.red_line).into())]));
        }
        println!("{}", n.reasoning);
    }
}

/// Where a negotiation stands, as text.
pub fn overview(view: &Overview, w: &Words) {
    let n = &view.negotiation;
    println!("{}  ({})", n.title, w.f("cli-negotiation-n", &[("id", n.id.into())]));
    let kind = w.t(if n.tripartite { "cli-tripartite" } else { "cli-bipartite" });
    let (status, level) = (w.name("negotiation", n.status.as_str()), w.name("level", n.level.as_str()));
    println!(
        "{}",
        w.f("cli-status-level", &[("status", (&status).into()), ("level", (&level).into()), ("kind", (&kind).into())])
    );
    let rule = w.t(match n.closing_rule {
        ClosingRule::All => "cli-closing-all",
        ClosingRule::Protocol => "cli-closing-protocol",
    });
    println!("{}", w.f("cli-closing", &[("rule", (&rule).into()), ("languages", (&n.languages.join(", ")).into())]));
    let parties: Vec<String> = view.parties.iter().map(|p| format!("{} — {}", p.label, p.name)).collect();
    println!("{}", w.f("cli-parties", &[("value", (&parties.join("; ")).into())]));
    let total: i64 = view.by_status.iter().map(|(_, c)| c).sum();
    println!("\n{}", w.f("cli-clauses-count", &[("count", total.into())]));
    for (status, count) in view.by_status.iter().filter(|(_, c)| *c > 0) {
        let bar = "█".repeat(*count as usize * 30 / total.max(1) as usize);
        println!("  {:<32} {:>4}  {bar}", w.name("status", status.as_str()), count);
    }
    println!("\n{}", w.f("cli-sessions-held", &[("count", view.held_sessions.len().into())]));
    if let Some(next) = &view.next_session {
        let args: [(&str, Arg); 3] =
            [("number", next.number.into()), ("at", (&next.starts_at).into()), ("place", (&next.place).into())];
        println!("{}", w.f("cli-next-session", &args));
    }
}

pub fn sessions(sessions: &[Session], now: chrono::DateTime<chrono::Utc>, w: &Words) {
    let now = trilogue_core::store::stamp(now);
    for s in sessions {
        let held = w.t(if s.has_begun(&now) { "cli-held" } else { "cli-scheduled" });
        println!("{:>3}  {}  {:<14} {}  [{held}]", s.number, s.starts_at, s.kind.as_str(), s.place);
    }
}

/// A session as text: who came, the agenda, what was tabled and initialed, the minutes.
pub fn session(view: &SessionDetail, w: &Words) {
    let s = &view.session;
    let kind = w.name("session", s.kind.as_str());
    println!("{} — {} — {} ({kind})", w.f("cli-session-n", &[("number", s.number.into())]), s.starts_at, s.place);
    for p in &view.parties {
        let names: Vec<String> = view
            .attendees
            .iter()
            .filter(|d| d.party_id == p.id)
            .map(|d| format!("{} ({})", d.name, w.name("role", d.role.as_str())))
            .collect();
        if !names.is_empty() {
            println!("{}: {}", p.label, names.join(", "));
        }
    }
    let agenda: Vec<&str> = view.agenda.iter().map(|a| a.reference.as_str()).collect();
    let agenda = if agenda.is_empty() { "—".to_string() } else { agenda.join(", ") };
    println!("{}", w.f("cli-agenda", &[("value", (&agenda).into())]));
    println!("\n== {}", w.t("cli-tabled"));
    for t in &view.tabled {
        let author = w.f("cli-by", &[("author", (&t.author).into())]);
        println!("{}  {}: v{} {author}", t.reference, label(&view.parties, t.track, w), t.version_id);
    }
    println!("\n== {}", w.t("cli-initialed-heading"));
    for given in &view.initialed {
        let i = &given.initial;
        let voided = if i.voided_at.is_some() { format!("  {}", w.t("cli-since-voided")) } else { String::new() };
        let party = label(&view.parties, Track::Party(i.party_id), w);
        println!("{}  {party}: v{}{voided}", given.reference, i.version_id);
    }
    if !s.minutes.is_empty() {
        println!("\n== {}\n{}", w.t("cli-minutes"), s.minutes);
    }
}

/// The table of initials: a row per clause, a column per party.
pub fn initials(table: &InitialsTable, w: &Words) {
    let width = table.rows.iter().map(|r| r.reference.chars().count()).max().unwrap_or(6).max(6);
    let mut header = format!("{:<width$}  {:<20}", w.t("cli-col-clause"), w.t("cli-col-status"));
    for p in &table.parties {
        header.push_str(&format!("  {:<22}", p.label));
    }
    println!("{}", header.trim_end());
    for r in &table.rows {
        let mut line = format!("{:<width$}  {:<20}", r.reference, r.status.as_str());
        for c in &r.cells {
            let cell = match c {
                InitialCell::Pending => w.t("cli-pending"),
                InitialCell::Initialed { version_id, at, .. } => format!("v{version_id} {}", day(at)),
                InitialCell::Voided { voided_at, .. } => w.f("cli-voided-on", &[("day", day(voided_at).into())]),
            };
            line.push_str(&format!("  {cell:<22}"));
        }
        println!("{}", line.trim_end());
    }
}

/// The organisations by side, each with its delegates.
pub fn sides(view: &crate::setup::Sides, w: &Words) {
    for p in &view.parties {
        let side = p.side.map_or_else(|| w.t("cli-no-side"), |s| w.name("side", s.as_str()));
        println!("{} — {} ({side})", p.label, p.name);
        for d in view.delegates.iter().filter(|d| d.party_id == p.id) {
            let retired = d
                .retired_at
                .as_ref()
                .map(|at| format!("  {}", w.f("cli-retired-on", &[("day", day(at).into())])))
                .unwrap_or_default();
            println!("    {:>4}  {} ({}){retired}", d.id, d.name, w.name("role", d.role.as_str()));
        }
    }
}

/// The action plan: each commitment, who, by when, done or overdue as of `today`.
pub fn commitments(list: &[Commitment], today: &str, w: &Words) {
    for c in list {
        let state = match &c.done_on {
            Some(day) => w.f("cli-done-on", &[("day", day.into())]),
            None if c.due_on.as_str() < today => w.t("cli-overdue"),
            None => w.t("cli-open"),
        };
        println!("{:>4}  {}  {:<10} {} — {}", c.id, c.due_on, state, c.responsible, c.text);
    }
}

/// How a table was read, when it matters to the user: Windows-1251, and letters it may have lost.
pub fn encoding(encoding: &TextEncoding, source: &str, w: &Words) {
    if let TextEncoding::Windows1251 { lost_letters, first_lost_line } = encoding {
        eprintln!("{}", w.f("cli-read-as-1251", &[("source", source.into())]));
        if *lost_letters {
            eprintln!("{}", w.f("cli-lost-letters", &[("line", first_lost_line.unwrap_or(1).into())]));
        }
    }
}

/// What taking a party's file in does (`preview`) or did.
pub fn intake(plan: &IntakePlan, preview: bool, parties: &[Party], w: &Words) {
    let label = |id: Option<i64>| parties.iter().find(|p| Some(p.id) == id).map_or("?", |p| p.label.as_str());
    for a in &plan.authors {
        let recorded = w.t(match (a.recorded, preview) {
            (true, true) => "cli-author-as-recorded",
            (false, true) => "cli-author-to-record",
            (_, false) => "cli-author-recorded",
        });
        let args: [(&str, Arg); 5] = [
            ("author", if a.author.is_empty() { "?" } else { &a.author }.into()),
            ("insertions", a.insertions.into()),
            ("deletions", a.deletions.into()),
            ("party", label(a.party_id).into()),
            ("recorded", (&recorded).into()),
        ];
        println!("{}", w.f("cli-tracked-changes", &args));
    }
    for r in &plan.rows {
        let how = match r.matched_by {
            Some(MatchedBy::Mark) => w.t("cli-by-mark"),
            Some(MatchedBy::Title) => w.t("cli-by-title"),
            Some(MatchedBy::Order) => w.t("cli-by-order"),
            _ => String::new(),
        };
        let place = match (r.clause_id, &r.matched_ref) {
            (None, _) => w.t("cli-new-clause"),
            (Some(_), Some(existing)) => w.f("cli-matches", &[("reference", existing.into()), ("how", (&how).into())]),
            (Some(_), None) => w.f("cli-matches-unnamed", &[("how", (&how).into())]),
        };
        let texts: Vec<String> = r
            .texts
            .iter()
            .map(|t| {
                let change = w.t(match t.change {
                    IntakeChange::New => "cli-text-new",
                    IntakeChange::Changed => "cli-text-changed",
                    IntakeChange::Same => "cli-text-same",
                });
                let sent = t.against_sent.as_ref().map_or(String::new(), |s| {
                    let args: [(&str, Arg); 3] = [
                        ("inserted", s.diff.words_inserted.into()),
                        ("deleted", s.diff.words_deleted.into()),
                        ("version", s.version_id.into()),
                    ];
                    w.f("cli-against-sent", &args)
                });
                format!("{} {change}{sent}", t.label)
            })
            .collect();
        let name: String = format!("{} {}", r.reference, r.title).chars().take(34).collect();
        let line = w.f("cli-line-n", &[("line", (&format!("{:>4}", r.line)).into())]);
        println!("{line}  {name:<34} {place:<26} {}", texts.join(", "));
    }
    for m in &plan.missing {
        println!("            {:<12} {}", m.reference, w.t("cli-not-in-file"));
    }
    let args: [(&str, Arg); 4] = [
        ("preview", if preview { "yes" } else { "no" }.into()),
        ("tabled", plan.tabled.into()),
        ("added", plan.new_clauses.into()),
        ("missing", plan.missing.len().into()),
    ];
    println!("{}", w.f("cli-intake-summary", &args));
}

/// A failure, on standard error: the core's refusals in the user's language, each cause below it.
pub fn failure(e: &anyhow::Error, w: &Words) {
    let words = |cause: &(dyn std::error::Error + 'static)| match cause.downcast_ref::<trilogue_core::Error>() {
        Some(core) => core.words(w),
        None => cause.to_string(),
    };
    let mut chain = e.chain();
    if let Some(first) = chain.next() {
        eprintln!("{}", w.f("cli-error", &[("message", (&words(first)).into())]));
    }
    for cause in chain {
        eprintln!("{}", w.f("cli-caused-by", &[("message", (&words(cause)).into())]));
    }
}
