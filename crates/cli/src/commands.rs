//! Each command: resolve the names it was given, call the core, print.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Utc};
use serde::Serialize;
use trilogue_core::Reader;
use trilogue_core::authentic::guess_language;
use trilogue_core::compare::{Reference, compare_in};
use trilogue_core::diff::diff_words;
use trilogue_core::document;
use trilogue_core::import::{decode_utf8, parse_markdown_agreement, parse_position_table, read_docx};
use trilogue_core::message::Msg;
use trilogue_core::model::{
    Clause, ClauseStatus, Level, Negotiation, NegotiationStatus, Priority, Referral, Session, SessionKind, Side, Track,
};
use trilogue_core::store::{
    AuthorParty, NewNegotiation, NewParty, NewSession, NewVersion, Provenance, StatusChange, Submission,
    default_db_path,
};
use trilogue_core::views::{ClauseDetail, Overview, SessionDetail};
use trilogue_core::words::{Arg, Lang, Words};
use trilogue_core::{Store, Who, agreement, export, packet, report};
use trilogue_pg::{Record, Server, is_server_url};

use crate::{Cli, Command, CompareFormat, DiffFormat, DocFormat, ReportFormat, TableFormat};
use crate::{closing, print, setup};

fn json(value: &impl Serialize) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// A listing: as JSON with `--json`, else as text for people.
pub(crate) fn listing<T: Serialize>(as_json: bool, value: &T, text: impl FnOnce(&T)) -> Result<()> {
    if as_json {
        return json(value);
    }
    text(value);
    Ok(())
}

/// Prints a line of text and returns success.
pub(crate) fn say(text: impl std::fmt::Display) -> Result<()> {
    println!("{text}");
    Ok(())
}

fn read_input(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(path).with_context(|| path.display().to_string())?;
    }
    Ok(bytes)
}

fn write_output(path: &Path, text: impl AsRef<[u8]>, w: &Words) -> Result<()> {
    let shown = path.display().to_string();
    std::fs::write(path, text).with_context(|| w.f("cli-cannot-write", &[("path", (&shown).into())]))?;
    eprintln!("{}", w.f("cli-wrote", &[("path", (&shown).into())]));
    Ok(())
}

/// Writes to a file when one is given, else to standard output.
fn emit(out: Option<&Path>, text: &str, w: &Words) -> Result<()> {
    match out {
        Some(path) => write_output(path, text, w),
        None => say(text.trim_end()),
    }
}

impl DocFormat {
    fn document(self) -> document::Format {
        match self {
            DocFormat::Md => document::Format::Markdown,
            DocFormat::Html => document::Format::Html,
            DocFormat::Docx => document::Format::Docx,
        }
    }
}

/// A document in the format asked for, or its data as JSON; to a file when one is given, else to
/// standard output — except Word, which only goes to a file.
fn emit_document<T: Serialize>(
    value: &T,
    model: impl FnOnce(&T) -> document::Document,
    format: ReportFormat,
    out: Option<&Path>,
    w: &Words,
) -> Result<()> {
    let format = match format {
        ReportFormat::Json => return emit(out, &serde_json::to_string_pretty(value)?, w),
        ReportFormat::Md => DocFormat::Md,
        ReportFormat::Html => DocFormat::Html,
        ReportFormat::Docx => DocFormat::Docx,
    };
    let bytes = document::render(&model(value), format.document())?;
    match out {
        Some(path) => write_output(path, bytes, w),
        None if matches!(format, DocFormat::Docx) => bail!(w.t("cli-docx-to-file")),
        None => say(String::from_utf8(bytes)?.trim_end()),
    }
}

fn source_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

impl Ctx {
    /// The language of a clause's text to show: the one asked for (`--lang`) or the user's, when the
    /// negotiation's texts are in it; else the negotiation's first.
    pub(crate) fn text_language(&self, n: &Negotiation) -> Lang {
        let authentic = n.authentic();
        let wanted = self.asked.unwrap_or(self.words.lang());
        if authentic.contains(&wanted) { wanted } else { authentic.first().copied().unwrap_or_default() }
    }

    /// The language of a text to table, where the agreement has several authentic texts: the one asked
    /// for on the command line, which must be one of them; else the one the text is written in, by its
    /// letters; else the negotiation's first.
    pub(crate) fn tabling_language(&self, n: &Negotiation, text: &str) -> Result<Lang> {
        let authentic = n.authentic();
        match self.asked {
            Some(lang) if self.lang_given && authentic.contains(&lang) => Ok(lang),
            Some(lang) if self.lang_given && authentic.len() > 1 => {
                let authentic = n.languages.clone();
                Err(trilogue_core::Error::Invalid(Msg::NotAuthentic { lang: lang.code().into(), authentic }).into())
            }
            _ => Ok(guess_language(text, &authentic).unwrap_or(authentic.first().copied().unwrap_or_default())),
        }
    }

    /// A message of the catalogue, in the language asked for.
    pub(crate) fn f(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.words.f(id, args)
    }

    /// Prints a message of the catalogue and returns success.
    pub(crate) fn say(&self, id: &str, args: &[(&str, Arg)]) -> Result<()> {
        say(self.f(id, args))
    }
}

pub(crate) struct Ctx {
    /// The workbench file, or the shared record on a server, that `--db` names.
    pub(crate) record: Record,
    pub(crate) who: Who,
    /// The words of the documents written, in the language asked for.
    pub(crate) words: Words,
    /// The language asked for with `--lang` (or `TRILOGUE_LANG`), if any: that of the texts too.
    pub(crate) asked: Option<Lang>,
    /// Whether `--lang` was on the command line.
    pub(crate) lang_given: bool,
}

/// The language given by `--lang`, else the system's.
pub(crate) fn language(lang: Option<&str>) -> Result<Lang> {
    match lang {
        Some(code) => Ok(code.parse()?),
        None => Ok(system_language()),
    }
}

/// The system's language when Trilogue writes in it, else English.
pub(crate) fn system_language() -> Lang {
    let system = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().filter_map(|v| std::env::var(v).ok()).find(|v| !v.is_empty());
    system.and_then(|l| Lang::of_locale(&l)).unwrap_or_default()
}

/// The time given by `--now`, else the real time: the clock every command hands to the core.
fn clock(now: Option<&str>) -> Result<DateTime<Utc>> {
    match now {
        None => Ok(Utc::now()),
        Some(t) => Ok(DateTime::parse_from_rfc3339(t)
            .with_context(|| format!("--now '{t}': 2027-01-12T09:00:00Z"))?
            .with_timezone(&Utc)),
    }
}

impl Ctx {
    pub(crate) async fn negotiation(&self, name: &str) -> Result<Negotiation> {
        Ok(self.record.find_negotiation(name).await?)
    }

    pub(crate) async fn clause(&self, name: &str, negotiation: Option<&str>) -> Result<Clause> {
        let negotiation_id = match negotiation {
            Some(n) => Some(self.negotiation(n).await?.id),
            None => None,
        };
        Ok(self.record.find_clause(negotiation_id, name).await?)
    }

    /// A reference named `joint`, `base`, by a party's label, or `since:N` for session N.
    async fn reference(&self, negotiation_id: i64, name: &str) -> Result<Reference> {
        if let Some(number) = name.strip_prefix("since:") {
            let number: i64 =
                number.trim().parse().with_context(|| self.f("cli-since-number", &[("value", name.into())]))?;
            let sessions = self.record.sessions(negotiation_id).await?;
            let Some(s) = sessions.iter().find(|s| s.number == number) else {
                return Err(self.no_session(&sessions, number));
            };
            return Ok(Reference::Since(s.id));
        }
        Ok(match name.to_lowercase().as_str() {
            "joint" => Reference::Joint,
            "base" => Reference::Base,
            _ => Reference::Party(self.record.find_party(negotiation_id, name).await?.id),
        })
    }

    /// The session of a negotiation with this number.
    pub(crate) fn session(&self, sessions: &[Session], number: i64) -> Result<Session> {
        match sessions.iter().find(|s| s.number == number) {
            Some(s) => Ok(s.clone()),
            None => Err(self.no_session(sessions, number)),
        }
    }

    /// There is no session `number`: which there are.
    fn no_session(&self, sessions: &[Session], number: i64) -> anyhow::Error {
        let numbers: Vec<String> = sessions.iter().map(|s| s.number.to_string()).collect();
        let args: [(&str, Arg); 2] = [("number", number.into()), ("numbers", numbers.join(", ").into())];
        anyhow::anyhow!(self.f("cli-no-session", &args))
    }

    /// A negotiation's track named by a party's label or `joint`.
    async fn track(&self, negotiation_id: i64, name: &str) -> Result<Track> {
        if name.eq_ignore_ascii_case("joint") {
            return Ok(Track::Joint);
        }
        Ok(Track::Party(self.record.find_party(negotiation_id, name).await?.id))
    }
}

pub async fn run(cli: Cli) -> Result<()> {
    let now = clock(cli.now.as_deref())?;
    if let Command::Server(command) = cli.command {
        let words = crate::words(language(cli.lang.as_deref())?);
        return crate::server::run(cli.db.as_deref(), command, now, &words).await;
    }
    let path = cli.db.unwrap_or_else(default_db_path);
    let given = path.to_string_lossy();
    let record = if is_server_url(&given) {
        Record::Server(Server::connect(&given).await?)
    } else {
        Record::File(Store::open(&path).await?)
    };
    // on a shared record, what a member does is recorded under their own login
    let actor = cli.actor.or_else(|| std::env::var("USER").ok()).unwrap_or_else(|| "unknown".into());
    let who = record.who(&actor, now);
    let words = crate::words(language(cli.lang.as_deref())?);
    let asked = cli.lang.as_deref().map(str::parse).transpose()?;
    let ctx = Ctx { record, who, words, asked, lang_given: cli.lang_given };
    let result = dispatch(&ctx, cli.command).await;
    ctx.record.close().await;
    result
}

async fn dispatch(ctx: &Ctx, command: Command) -> Result<()> {
    let record = &ctx.record;
    match command {
        Command::Negotiations { json: as_json } => {
            let list = record.negotiations().await?;
            listing(as_json, &list, |l| print::negotiations(l, &ctx.words))
        }
        Command::Overview { negotiation, json: as_json } => overview(ctx, &negotiation, as_json).await,
        Command::Clauses { negotiation, json: as_json } => {
            let n = ctx.negotiation(&negotiation).await?;
            let rows = record.list_clauses(n.id).await?;
            let parties = record.parties(n.id).await?;
            listing(as_json, &rows, |r| print::clauses(r, &parties, &ctx.words))
        }
        Command::Show { clause, negotiation, json: as_json } => {
            let clause = ctx.clause(&clause, negotiation.as_deref()).await?;
            let lang = ctx.text_language(&record.negotiation(clause.negotiation_id).await?);
            let view = ClauseDetail::load(record, clause).await?;
            listing(as_json, &view, |v| print::clause(v, lang, &ctx.words))
        }
        Command::Propose {
            clause,
            party,
            file,
            table,
            justification,
            session,
            received,
            letter,
            sent_by,
            negotiation,
        } => {
            let clause = ctx.clause(&clause, negotiation.as_deref()).await?;
            let text = decode_utf8(read_input(&file)?, &source_name(&file))?;
            let track = ctx.track(clause.negotiation_id, &party).await?;
            let session_id = match session {
                Some(number) => Some(ctx.session(&record.sessions(clause.negotiation_id).await?, number)?.id),
                None => None,
            };
            let sent_by = match sent_by {
                Some(label) => Some(record.find_party(clause.negotiation_id, &label).await?.id),
                None => None,
            };
            // the text is in the language asked for; the set's other languages are carried over
            let n = record.negotiation(clause.negotiation_id).await?;
            let lang = ctx.tabling_language(&n, &text)?;
            let mut new = NewVersion::draft(track, text);
            new.rationale = justification.unwrap_or_default();
            // provenance is what a text tabled by another party carries: giving any of it tables it
            new.tabled = table || received.is_some() || letter.is_some() || session.is_some();
            new.session_id = session_id;
            new.received = received;
            new.sent_by = sent_by;
            new.letter_ref = letter.unwrap_or_default();
            let v = record.propose_in(clause.id, lang, &new, &ctx.who).await?;
            let state = match &v.tabled_at {
                Some(at) => ctx.f("cli-tabled-on", &[("day", (&at[..10]).into())]),
                None => ctx.f("cli-saved-draft", &[]),
            };
            let args: [(&str, Arg); 4] = [
                ("version", v.id.into()),
                ("reference", (&clause.reference).into()),
                ("state", (&state).into()),
                ("hash", (&v.hash[..12]).into()),
            ];
            ctx.say("cli-version-saved", &args)
        }
        Command::Table { version, session } => {
            let v = record.table(version, session, &ctx.who).await?;
            let at = v.tabled_at.unwrap_or_default();
            ctx.say("cli-version-tabled", &[("version", v.id.into()), ("at", (&at).into())])
        }
        Command::Status { clause, status, reason, referred_to, negotiation } => {
            let clause = ctx.clause(&clause, negotiation.as_deref()).await?;
            let mut change = StatusChange::to(ClauseStatus::parse(&status)?, reason);
            change.referred_to = referred_to.as_deref().map(Referral::parse).transpose()?;
            record.change_status(clause.id, &change, &ctx.who).await?;
            let status = ctx.words.name("status", change.to.as_str());
            ctx.say("cli-clause-now", &[("reference", (&clause.reference).into()), ("status", (&status).into())])
        }
        Command::Reopen { clause, consenting, reason, negotiation } => {
            let clause = ctx.clause(&clause, negotiation.as_deref()).await?;
            let mut change = StatusChange::to(ClauseStatus::Open, reason);
            for label in &consenting {
                change.consenting.push(record.find_party(clause.negotiation_id, label).await?.id);
            }
            record.change_status(clause.id, &change, &ctx.who).await?;
            let args: [(&str, Arg); 2] =
                [("reference", (&clause.reference).into()), ("parties", consenting.join(", ").into())];
            ctx.say("cli-reopened", &args)
        }
        Command::Note { clause, priority, red_line, reasoning, negotiation } => {
            let clause = ctx.clause(&clause, negotiation.as_deref()).await?;
            let priority = Priority::parse(&priority)?;
            record.add_note(clause.id, priority, &red_line, &reasoning, &ctx.who).await?;
            ctx.say("cli-note-saved", &[("reference", (&clause.reference).into())])
        }
        Command::Initial { clause, party, version, session, delegate, negotiation } => {
            let clause = ctx.clause(&clause, negotiation.as_deref()).await?;
            let party = record.find_party(clause.negotiation_id, &party).await?;
            let delegate = match delegate {
                Some(name) => Some(record.find_delegate(clause.negotiation_id, &name).await?.id),
                None => None,
            };
            let status = record.initial_by(clause.id, (party.id, delegate), version, session, &ctx.who).await?;
            let status = ctx.words.name("status", status.as_str());
            let args: [(&str, Arg); 4] = [
                ("party", (&party.label).into()),
                ("version", version.into()),
                ("reference", (&clause.reference).into()),
                ("status", (&status).into()),
            ];
            ctx.say("cli-initialed", &args)
        }
        Command::Diff { a, b, format } => {
            // within one language: the one asked for, of the versions' negotiation
            let clause = record.clause(record.version(a).await?.clause_id).await?;
            let lang = ctx.text_language(&record.negotiation(clause.negotiation_id).await?);
            let text_in = |texts: Vec<trilogue_core::authentic::LangText>| {
                texts.into_iter().find(|t| t.lang == lang).map(|t| t.text).unwrap_or_default()
            };
            let (a, b) = (text_in(record.version_texts(a).await?), text_in(record.version_texts(b).await?));
            let d = diff_words(&a, &b);
            match format {
                DiffFormat::Json => json(&d),
                DiffFormat::Html => say(d.to_html()),
                DiffFormat::Text => {
                    let similarity = format!("{:.2}", d.similarity);
                    say(format!("{}\n\n{}", d.to_text(), ctx.f("cli-similarity", &[("value", (&similarity).into())])))
                }
            }
        }
        // setting a negotiation up: each step does what a shared record can, and says what it cannot
        Command::New { title, level, tripartite, closing, languages, from, to } => {
            setup::new(ctx, setup::NewArgs { title, level, tripartite, closing, languages, from, to }).await
        }
        Command::Org(c) => setup::org(ctx, c).await,
        Command::Clause(c) => setup::clause(ctx, c).await,
        Command::Copy { to } => crate::server::copy(ctx, &to).await,
        // closing a clause: the protocol of disagreements, reservations
        Command::Protocol { clause, further, reason, negotiation } => {
            closing::protocol(ctx, &clause, &further, reason, negotiation.as_deref()).await
        }
        Command::Reservation { clause, org, text, negotiation } => {
            closing::reservation(ctx, &clause, &org, &text, negotiation.as_deref()).await
        }
        // the agreement as a whole: its status, approval steps, commitments; delegations
        Command::Agreement { negotiation, status, reason } => {
            let n = ctx.negotiation(&negotiation).await?;
            let to = NegotiationStatus::parse(&status)?;
            ctx.record.set_negotiation_status(n.id, to, &reason, &ctx.who).await?;
            ctx.say("cli-agreement-now", &[("status", (&ctx.words.name("negotiation", to.as_str())).into())])
        }
        Command::Approval { negotiation, step, date, side, body, votes_for, votes_against, abstaining, rejected } => {
            let votes = votes_for.zip(votes_against).map(|(f, a)| (f, a, abstaining));
            closing::approval(ctx, closing::ApprovalArgs { negotiation, step, date, side, body, votes, rejected }).await
        }
        Command::Commitment(c) => closing::commitment(ctx, c).await,
        Command::Delegate(c) => setup::delegate(ctx, c).await,
        // reading: packets, reports, comparisons, exports, the journal
        Command::Packet { negotiation, since, format, out } => {
            let n = ctx.negotiation(&negotiation).await?;
            let since = match since {
                Some(number) => Some(ctx.session(&ctx.record.sessions(n.id).await?, number)?.id),
                None => None,
            };
            let p = packet::packet(&ctx.record, n.id, since, ctx.who.at).await?;
            emit_document(&p, |p| p.to_model(&ctx.words), format, out.as_deref(), &ctx.words)
        }
        Command::Initials { negotiation, json: as_json } => {
            let n = ctx.negotiation(&negotiation).await?;
            let table = report::initials_table(&ctx.record, n.id).await?;
            listing(as_json, &table, |t| print::initials(t, &ctx.words))
        }
        Command::Report { negotiation, format, out } => {
            let n = ctx.negotiation(&negotiation).await?;
            let r = report::status_report(&ctx.record, n.id, 30, ctx.who.at, &ctx.words).await?;
            emit_document(&r, |r| r.to_model(&ctx.words), format, out.as_deref(), &ctx.words)
        }
        Command::Final { negotiation, format, out } => {
            let n = ctx.negotiation(&negotiation).await?;
            let f = report::final_agreement(&ctx.record, n.id).await?;
            emit_document(&f, |f| f.to_model(&ctx.words), format, out.as_deref(), &ctx.words)
        }
        Command::Compare { clause, against, format, out, negotiation } => {
            let clause = ctx.clause(&clause, negotiation.as_deref()).await?;
            // within one language: the one asked for, of the clause's negotiation
            let lang = ctx.text_language(&ctx.record.negotiation(clause.negotiation_id).await?);
            let c = compare_in(
                &ctx.record,
                clause.id,
                ctx.reference(clause.negotiation_id, &against).await?,
                ctx.who.at,
                Some(lang),
            )
            .await?;
            let document = match format {
                CompareFormat::Text => return emit(out.as_deref(), &c.to_text(), &ctx.words),
                CompareFormat::Json => ReportFormat::Json,
                CompareFormat::Html => ReportFormat::Html,
                CompareFormat::Docx => ReportFormat::Docx,
            };
            emit_document(&c, |c| c.to_model(&ctx.words), document, out.as_deref(), &ctx.words)
        }
        Command::CompareAll { negotiation, against, format, out } => {
            let n = ctx.negotiation(&negotiation).await?;
            // within one language where there are several: the one asked for, or the user's
            let lang = ctx.text_language(&n);
            let d = agreement::document(&ctx.record, n.id, ctx.reference(n.id, &against).await?, Some(lang)).await?;
            let document = match format {
                TableFormat::Csv => return emit(out.as_deref(), &d.to_csv()?, &ctx.words),
                TableFormat::Json => ReportFormat::Json,
                TableFormat::Html => ReportFormat::Html,
                TableFormat::Docx => ReportFormat::Docx,
            };
            emit_document(&d, |d| d.to_model(&ctx.words), document, out.as_deref(), &ctx.words)
        }
        Command::Export { negotiation, format, out, track, against, clause } => {
            let n = ctx.negotiation(&negotiation).await?;
            let against = match against {
                Some(name) => Some(ctx.reference(n.id, &name).await?),
                None => None,
            };
            let clause = match clause {
                Some(reference) => Some(ctx.clause(&reference, Some(&n.id.to_string())).await?.id),
                None => None,
            };
            let marking = export::Marking { track: ctx.track(n.id, &track).await?, against, clause };
            let doc = export::agreement(&ctx.record, n.id, marking, &ctx.words).await?;
            write_output(&out, document::render(&doc, format.document())?, &ctx.words)
        }
        Command::ExportTable { negotiation, out } => {
            let n = ctx.negotiation(&negotiation).await?;
            write_output(&out, export::position_table_csv(&ctx.record, n.id).await?, &ctx.words)
        }
        Command::Log { negotiation, json: as_json } => {
            let n = ctx.negotiation(&negotiation).await?;
            let events = ctx.record.events(n.id).await?;
            listing(as_json, &events, |e| print::events(e, &ctx.words))
        }
        // what another party sent, taken into a negotiation under way
        Command::ImportDocx { file, into, party, intake, authors } => {
            let name = source_name(&file);
            let bytes = read_input(&file)?;
            // parsing an untrusted file is bounded, and off the async runtime's thread
            let word = tokio::task::spawn_blocking(move || read_docx(&bytes, &name)).await??;
            let submission = Submission::from_word(&word, &party, &source_name(&file))?;
            take_in(ctx, &into, &submission, intake, &authors).await
        }
        Command::Verify { negotiation } => {
            let n = ctx.negotiation(&negotiation).await?;
            if let Some(b) = ctx.record.verify_journal(n.id).await? {
                bail!(ctx.f("cli-journal-altered", &[("event", b.event_id.into()), ("kind", (&b.kind).into())]));
            }
            let altered = ctx.record.verify_texts(n.id).await?;
            if !altered.is_empty() {
                let versions: Vec<String> = altered.iter().map(|v| v.to_string()).collect();
                bail!(ctx.f("cli-texts-altered", &[("versions", (&versions.join(", ")).into())]));
            }
            ctx.say("cli-intact", &[("id", n.id.into())])
        }
        // sessions: scheduling, attendance, minutes
        Command::Session { negotiation, number, json: as_json } => {
            let n = ctx.negotiation(&negotiation).await?;
            let sessions = ctx.record.sessions(n.id).await?;
            let Some(number) = number else {
                return listing(as_json, &sessions, |s| print::sessions(s, ctx.who.at, &ctx.words));
            };
            let view = SessionDetail::load(&ctx.record, ctx.session(&sessions, number)?).await?;
            listing(as_json, &view, |v| print::session(v, &ctx.words))
        }
        Command::Schedule { negotiation, at, place, kind, agenda } => {
            let n = ctx.negotiation(&negotiation).await?;
            let starts_at = chrono::DateTime::parse_from_rfc3339(&at)
                .with_context(|| format!("--at '{at}': 2027-01-12T09:00:00Z"))?;
            let mut clauses = Vec::new();
            for name in &agenda {
                clauses.push(ctx.record.find_clause(Some(n.id), name).await?.id);
            }
            let new = NewSession {
                starts_at: trilogue_core::store::stamp(starts_at.to_utc()),
                place,
                kind: SessionKind::parse(&kind)?,
                minutes: String::new(),
                attendees: Vec::new(),
                agenda: clauses,
            };
            let s = ctx.record.add_session(n.id, &new, &ctx.who).await?;
            ctx.say("cli-scheduled-for", &[("number", s.number.into()), ("at", (&s.starts_at).into())])
        }
        Command::Attendance { negotiation, number, delegates } => {
            let n = ctx.negotiation(&negotiation).await?;
            let session = ctx.session(&ctx.record.sessions(n.id).await?, number)?;
            let known = ctx.record.delegates(n.id).await?;
            let mut ids = Vec::new();
            for name in &delegates {
                match known.iter().find(|d| d.name.eq_ignore_ascii_case(name.trim())) {
                    Some(d) => ids.push(d.id),
                    None => {
                        return Err(trilogue_core::Error::NotFound(Msg::NoDelegateNamed { name: name.clone() }).into());
                    }
                }
            }
            let attended = ctx.record.set_attendees(session.id, &ids, &ctx.who).await?;
            ctx.say("cli-attended", &[("count", attended.len().into()), ("number", number.into())])
        }
        Command::Minutes { negotiation, number, file } => {
            let n = ctx.negotiation(&negotiation).await?;
            let session = ctx.session(&ctx.record.sessions(n.id).await?, number)?;
            let text = decode_utf8(read_input(&file)?, &source_name(&file))?;
            ctx.record.set_minutes(session.id, &text, &ctx.who).await?;
            ctx.say("cli-minutes-written", &[("number", number.into())])
        }
        // whole files as new negotiations, or taken into one under way (--into)
        Command::ImportTable { file, title, into, intake } => {
            let bytes = read_input(&file)?;
            let table = parse_position_table(&bytes, &source_name(&file))?;
            print::encoding(&table.encoding, &source_name(&file), &ctx.words);
            if let Some(into) = into {
                let submission = Submission::from_table(&table, &source_name(&file));
                return take_in(ctx, &into, &submission, intake, &[]).await;
            }
            let title = title.unwrap_or_default();
            let n = ctx.record.import_table(&table, &title, &source_name(&file), &ctx.who).await?;
            let args: [(&str, Arg); 4] = [
                ("clauses", table.rows.len().into()),
                ("parties", table.parties.len().into()),
                ("id", n.id.into()),
                ("title", (&n.title).into()),
            ];
            ctx.say("cli-imported-table", &args)
        }
        Command::ImportMarkdown { file, title, parties, into, intake } => {
            let text = decode_utf8(read_input(&file)?, &source_name(&file))?;
            let agreement = parse_markdown_agreement(&text, &source_name(&file))?;
            if let Some(into) = into {
                let [party] = parties.as_slice() else { bail!(ctx.f("cli-into-one-party", &[])) };
                let submission = Submission::from_markdown(&agreement, party, &source_name(&file));
                return take_in(ctx, &into, &submission, intake, &[]).await;
            }
            let Some(title) = title.or(agreement.title) else { bail!(ctx.f("cli-give-title", &[])) };
            let clauses = agreement.clauses;
            let parties =
                parties.iter().enumerate().map(|(i, p)| parse_party(ctx, p, i)).collect::<Result<Vec<_>>>()?;
            let new = NewNegotiation {
                title,
                level: Level::General,
                tripartite: parties.len() == 3,
                starts_on: None,
                ends_on: None,
                closing_rule: trilogue_core::model::ClosingRule::All,
                languages: Vec::new(),
            };
            let n = ctx.record.import_clauses(&new, &parties, &clauses, &source_name(&file), &ctx.who).await?;
            let args: [(&str, Arg); 3] =
                [("clauses", clauses.len().into()), ("id", n.id.into()), ("title", (&n.title).into())];
            ctx.say("cli-imported", &args)
        }
        Command::Demo { json: as_json } => {
            let n = ctx.record.load_demo(ctx.who.at, ctx.asked.unwrap_or(ctx.words.lang())).await?;
            let place = ctx.record.shown();
            eprintln!("{}", ctx.f("cli-demo-loaded", &[("id", n.id.into()), ("path", (&place).into())]));
            overview(ctx, &n.id.to_string(), as_json).await
        }
        Command::Owner { negotiation, org } => setup::owner(ctx, &negotiation, &org).await,
        Command::Search { query, negotiation, limit, json: as_json } => {
            let negotiation_id = match negotiation {
                Some(n) => Some(ctx.negotiation(&n).await?.id),
                None => None,
            };
            let hits = ctx.record.search(&query, negotiation_id, limit).await?;
            listing(as_json, &hits, |h| print::hits(h, &ctx.words))
        }
        Command::Server(_) => unreachable!("a server's commands run before any workbench is opened"),
    }
}

fn parse_party(ctx: &Ctx, spec: &str, position: usize) -> Result<NewParty> {
    let mut parts = spec.splitn(3, ':');
    let (Some(label), Some(side), Some(name)) = (parts.next(), parts.next(), parts.next()) else {
        bail!(ctx.f("cli-party-spec", &[("value", spec.into())]));
    };
    Ok(NewParty {
        label: label.trim().into(),
        side: Some(Side::parse(side.trim())?),
        name: name.trim().into(),
        colour: trilogue_core::store::party_colour(position),
    })
}

/// Takes a party's submission into a negotiation under way, or with --preview shows what it would do.
async fn take_in(
    ctx: &Ctx,
    negotiation: &str,
    submission: &Submission,
    a: crate::IntakeArgs,
    authors: &[String],
) -> Result<()> {
    let n = ctx.negotiation(negotiation).await?;
    // the language the file is written in, where the agreement has several authentic texts: the one
    // asked for on the command line, else (in the core) the one its letters tell
    let mut submission = submission.clone();
    if ctx.lang_given && n.languages.len() > 1 {
        submission.lang = Some(ctx.tabling_language(&n, "")?);
    }
    let submission = &submission;
    let parties = ctx.record.parties(n.id).await?;
    let mut chosen = Vec::with_capacity(authors.len());
    for a in authors {
        let Some((author, label)) = a.rsplit_once('=') else { bail!(ctx.f("cli-author-spec", &[("value", a.into())])) };
        chosen.push(AuthorParty {
            author: author.trim().to_string(),
            party_id: ctx.record.find_party(n.id, label).await?.id,
        });
    }
    if a.preview {
        let mut plan = ctx.record.plan_intake(n.id, submission).await?;
        plan.take_authors_as(&chosen);
        print::intake(&plan, true, &parties, &ctx.words);
        return Ok(());
    }
    let session_id = match a.session {
        Some(number) => Some(ctx.session(&ctx.record.sessions(n.id).await?, number)?.id),
        None => None,
    };
    let sent_by = match a.sent_by {
        Some(label) => Some(ctx.record.find_party(n.id, &label).await?.id),
        None => None,
    };
    let letter_ref = a.letter.unwrap_or_default();
    let provenance = Provenance { received: a.received, session_id, letter_ref, sent_by, authors: chosen };
    let plan = ctx.record.take_in(n.id, submission, &provenance, &ctx.who).await?;
    print::intake(&plan, false, &parties, &ctx.words);
    Ok(())
}

async fn overview(ctx: &Ctx, negotiation: &str, as_json: bool) -> Result<()> {
    let n = ctx.negotiation(negotiation).await?;
    let view = Overview::load(&ctx.record, n, ctx.who.at).await?;
    listing(as_json, &view, |v| print::overview(v, &ctx.words))
}
