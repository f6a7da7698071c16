//! `trilogue-cli`: a headless front door to the Trilogue core, for scripting, batch import and export,
//! and tests. Every command opens the workbench given by `--db` (or `TRILOGUE_DB`, or the app's own).
//! Exit codes: 0 done, 1 failed (the cause on stderr), 2 the command line was wrong.

mod closing;
mod commands;
mod print;
mod server;
mod setup;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use trilogue_core::words::{Lang, Words};

#[derive(Parser)]
#[command(name = "trilogue-cli", version, about = "Trilogue — the negotiation record, from the command line")]
struct Cli {
    /// The workbench file (created if missing)
    #[arg(long, global = true, env = "TRILOGUE_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    /// Who is acting: recorded with every change
    #[arg(long = "as", global = true, env = "TRILOGUE_USER", value_name = "NAME")]
    actor: Option<String>,
    /// Act as if it were this time (as 2027-01-12T09:00:00Z): what is held, what is next, and the time
    /// recorded with every change. The real time by default
    #[arg(long, global = true, env = "TRILOGUE_NOW", value_name = "TIME")]
    now: Option<String>,
    /// The language you work in: kk, ru or en — of what is printed and the documents written, and of
    /// the clause texts tabled (propose), shown (show) and compared (diff) where the agreement has
    /// several authentic texts. By default the system's (LANG), when Trilogue writes in it, else English
    #[arg(long, global = true, env = "TRILOGUE_LANG", value_name = "LANG")]
    lang: Option<String>,
    /// Whether --lang was given on the command line, not only set in the environment: a text is then
    /// tabled in that language or refused, never guessed.
    #[arg(skip)]
    lang_given: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Text,
    Json,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum DocFormat {
    Md,
    Html,
    Docx,
}

/// A document, or the data it is made of.
#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Md,
    Html,
    Docx,
    Json,
}

/// A clause's comparison: for reading in the terminal, as data, or as a document.
#[derive(Clone, Copy, ValueEnum)]
enum CompareFormat {
    Text,
    Json,
    Html,
    Docx,
}

#[derive(Clone, Copy, ValueEnum)]
enum TableFormat {
    Html,
    Csv,
    Json,
    Docx,
}

#[derive(Subcommand)]
enum Command {
    /// Load the demo negotiation (once) and show where it stands
    Demo {
        #[arg(long)]
        json: bool,
    },
    /// Import a position table (CSV: ref,title,<party…>[,joint][,base]; comma or semicolon, UTF-8 or
    /// Windows-1251) as a new negotiation, or --into one under way: its texts tabled, clauses matched by ref
    ImportTable {
        file: PathBuf,
        /// The new negotiation's title
        #[arg(long, required_unless_present = "into", conflicts_with = "into")]
        title: Option<String>,
        /// The negotiation under way to take the table into
        #[arg(long, value_name = "NEGOTIATION")]
        into: Option<String>,
        #[command(flatten)]
        intake: IntakeArgs,
    },
    /// Import an agreement in Markdown (a clause per heading) as a new negotiation to renew, or a party's
    /// text --into a negotiation under way
    ImportMarkdown {
        file: PathBuf,
        /// The new negotiation's title (by default the document's single top-level heading)
        #[arg(long, conflicts_with = "into")]
        title: Option<String>,
        /// A new negotiation's party as LABEL:SIDE:NAME; with --into, the organisation whose text this is
        #[arg(long = "party", value_name = "PARTY")]
        parties: Vec<String>,
        /// The negotiation under way to take the text into
        #[arg(long, value_name = "NEGOTIATION", requires = "parties")]
        into: Option<String>,
        #[command(flatten)]
        intake: IntakeArgs,
    },
    /// Take a party's Word document (.docx) into a negotiation under way: a clause per heading, matched
    /// to the clauses by their refs or numbers, its tracked changes accepted as the party's text
    ImportDocx {
        file: PathBuf,
        /// The negotiation under way to take the text into
        #[arg(long, value_name = "NEGOTIATION")]
        into: String,
        /// The organisation whose text this is
        #[arg(long)]
        party: String,
        #[command(flatten)]
        intake: IntakeArgs,
        /// Take an author of tracked changes as an organisation's (NAME=ORG): recorded once for the
        /// negotiation. Unrecorded authors are taken as --party's
        #[arg(long = "author", value_name = "NAME=ORG")]
        authors: Vec<String>,
    },
    /// List the negotiations
    Negotiations {
        #[arg(long)]
        json: bool,
    },
    /// Where a negotiation stands: clauses by status, parties, sessions
    Overview {
        negotiation: String,
        #[arg(long)]
        json: bool,
    },
    /// List a negotiation's clauses with their status and latest versions
    Clauses {
        negotiation: String,
        #[arg(long)]
        json: bool,
    },
    /// Show a clause: every track's versions, its status and initials
    Show {
        clause: String,
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Save a new version of a clause's text on a party's track (or `joint`)
    Propose {
        clause: String,
        #[arg(long)]
        party: String,
        /// The text, from a file (`-` for standard input)
        #[arg(long)]
        file: PathBuf,
        /// Table it at once instead of keeping it as a private draft
        #[arg(long)]
        table: bool,
        /// The public justification of this text (shown beside it in comparisons and their exports)
        #[arg(long, alias = "note")]
        justification: Option<String>,
        /// Tabled in session N (by its number)
        #[arg(long, value_name = "N")]
        session: Option<i64>,
        /// When it was tabled or received, if not now: 2026-11-20 or 2026-11-20T10:00:00+05:00 (tables it)
        #[arg(long, value_name = "DATE")]
        received: Option<String>,
        /// The sender's reference, a letter number (tables it)
        #[arg(long, value_name = "REF")]
        letter: Option<String>,
        /// The organisation that sent it, when not the track's own (a coalition partner, the joint track)
        #[arg(long = "sent-by", value_name = "ORG")]
        sent_by: Option<String>,
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
    },
    /// Table a private draft
    Table {
        version: i64,
        #[arg(long)]
        session: Option<i64>,
    },
    /// Move a clause to another status (open, agreed_in_principle, tentatively_agreed, parked, impasse, withdrawn…)
    Status {
        clause: String,
        status: String,
        #[arg(long)]
        reason: String,
        /// Into impasse: who it is referred to (working_group, coordinators, plenary, conciliation,
        /// mediator, arbitration)
        #[arg(long = "referred-to", value_name = "WHO")]
        referred_to: Option<String>,
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
    },
    /// Reopen a tentatively agreed clause: every party's consent is recorded
    Reopen {
        clause: String,
        /// A party that consents, by its label; every party must
        #[arg(long = "consent", value_name = "PARTY", required = true)]
        consenting: Vec<String>,
        #[arg(long)]
        reason: String,
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
    },
    /// Move the agreement as a whole (in_session, tentative_settlement, ratified, rejected, signed, in_force, suspended)
    Agreement {
        negotiation: String,
        status: String,
        #[arg(long)]
        reason: String,
    },
    /// Record an approval step of the settled agreement: discussion by the employees, a side's internal
    /// approval, signing, registration
    Approval {
        negotiation: String,
        /// discussion, side, signing or registration
        #[arg(long)]
        step: String,
        /// The day it was decided, YYYY-MM-DD
        #[arg(long)]
        date: String,
        /// Whose internal approval (for --step side): workers, employers, government
        #[arg(long)]
        side: Option<String>,
        /// The body that decided: a union congress, a general meeting, the labour authority
        #[arg(long, default_value = "")]
        body: String,
        /// The vote, where there was one
        #[arg(long = "for", requires = "votes_against")]
        votes_for: Option<i64>,
        #[arg(long = "against", requires = "votes_for")]
        votes_against: Option<i64>,
        #[arg(long, default_value_t = 0)]
        abstaining: i64,
        /// The step rejected the settlement (it approved it otherwise)
        #[arg(long)]
        rejected: bool,
    },
    /// Enter a clause in the protocol of disagreements, with the further procedure decided
    Protocol {
        clause: String,
        /// talks, conciliation or next_round
        #[arg(long)]
        further: String,
        #[arg(long)]
        reason: String,
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
    },
    /// An organisation's reservation on a clause
    Reservation {
        clause: String,
        #[arg(long = "org", value_name = "LABEL")]
        org: String,
        #[arg(long)]
        text: String,
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
    },
    /// The agreement's commitments: what it obliges, who is responsible, by when, whether done
    #[command(subcommand)]
    Commitment(CommitmentCommand),
    /// Start a negotiation from scratch
    New {
        #[arg(long)]
        title: String,
        /// general (republican), sectoral, regional or enterprise
        #[arg(long)]
        level: String,
        #[arg(long)]
        tripartite: bool,
        /// all (nothing is agreed until everything is agreed) or protocol (sign the agreed terms with a
        /// protocol of disagreements)
        #[arg(long, default_value = "all")]
        closing: String,
        /// The authentic languages, as kk,ru
        #[arg(long, value_delimiter = ',', default_value = "en")]
        languages: Vec<String>,
        /// The period, YYYY-MM-DD
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// The organisations of a negotiation's sides
    #[command(subcommand)]
    Org(OrgCommand),
    /// The delegates of an organisation
    #[command(subcommand)]
    Delegate(DelegateCommand),
    /// Whose workbench this is: an organisation of the negotiation
    Owner {
        negotiation: String,
        #[arg(long = "org", value_name = "LABEL")]
        org: String,
    },
    /// Add, renumber, rename, group and move clauses
    #[command(subcommand)]
    Clause(ClauseCommand),
    /// List a negotiation's sessions, or show one: attendees, agenda, what was tabled and initialed, minutes
    Session {
        negotiation: String,
        number: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Schedule the next session
    Schedule {
        negotiation: String,
        /// When it starts, as 2027-01-12T09:00:00Z
        #[arg(long)]
        at: String,
        #[arg(long)]
        place: String,
        #[arg(long, default_value = "plenary")]
        kind: String,
        /// A clause on the agenda; repeat for each, in order
        #[arg(long = "agenda", value_name = "CLAUSE")]
        agenda: Vec<String>,
    },
    /// Record who attended a session: delegates by name
    Attendance {
        negotiation: String,
        number: i64,
        #[arg(long = "delegate", value_name = "NAME", required = true)]
        delegates: Vec<String>,
    },
    /// Our side's private note on a clause (never exported): priority, red line, reasoning
    Note {
        clause: String,
        /// must_have, important or tradeable
        #[arg(long)]
        priority: String,
        #[arg(long = "red-line", default_value = "")]
        red_line: String,
        #[arg(long)]
        reasoning: String,
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
    },
    /// Write a session's minutes (Markdown) from a file (`-` for standard input)
    Minutes {
        negotiation: String,
        number: i64,
        #[arg(long)]
        file: PathBuf,
    },
    /// What changed since the last session (or session N) began, per clause and party: the packet for the next
    Packet {
        negotiation: String,
        #[arg(long)]
        since: Option<i64>,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The table of initials: per clause and party, who initialed when, what was voided, who is pending
    Initials {
        negotiation: String,
        #[arg(long)]
        json: bool,
    },
    /// The status report for members or the commission
    Report {
        negotiation: String,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The final agreement: the initialed joint texts, and the protocol of disagreements as an annex
    Final {
        negotiation: String,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Initial one exact version of a clause for a party
    Initial {
        clause: String,
        #[arg(long)]
        party: String,
        #[arg(long)]
        version: i64,
        #[arg(long)]
        session: Option<i64>,
        /// The delegate who initials (by default the side's coordinator, else the spokesperson)
        #[arg(long)]
        delegate: Option<String>,
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
    },
    /// Word diff between two versions
    Diff {
        a: i64,
        b: i64,
        #[arg(long, value_enum, default_value = "text")]
        format: DiffFormat,
    },
    /// The parties' latest tabled texts side by side, marked against a reference
    Compare {
        clause: String,
        /// joint, base, a party's label, or since:N (each text against its own at session N)
        #[arg(long, default_value = "joint")]
        against: String,
        #[arg(long, value_enum, default_value = "text")]
        format: CompareFormat,
        /// Write to this file instead of standard output (a .docx always goes to a file)
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
    },
    /// The whole agreement as the four-column document: every clause, each party's text and the joint
    /// text, marked against a reference
    CompareAll {
        negotiation: String,
        /// joint, base, a party's label, or since:N (each text against its own at session N)
        #[arg(long, default_value = "joint")]
        against: String,
        #[arg(long, value_enum, default_value = "html")]
        format: TableFormat,
        /// Write to this file instead of standard output
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Full-text search over clause titles and texts
    Search {
        query: String,
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
        #[arg(long, default_value_t = 20)]
        limit: i64,
        #[arg(long)]
        json: bool,
    },
    /// Export the agreement (joint texts and statuses) as Markdown, printable HTML or Word
    Export {
        negotiation: String,
        #[arg(long, value_enum)]
        format: DocFormat,
        #[arg(long)]
        out: PathBuf,
        /// Whose texts: `joint` or a party's label
        #[arg(long, default_value = "joint")]
        track: String,
        /// Show the differences against `joint`, `base` or a party's label (in Word as tracked changes)
        #[arg(long)]
        against: Option<String>,
        /// One clause alone (its ref or id), rather than the whole agreement
        #[arg(long)]
        clause: Option<String>,
    },
    /// Export the position table as CSV (the import's layout)
    ExportTable {
        negotiation: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// The journal of a negotiation
    Log {
        negotiation: String,
        #[arg(long)]
        json: bool,
    },
    /// Check the journal's hash chain; names the first event that does not match
    Verify { negotiation: String },
    /// A shared record on a PostgreSQL server (--db postgres://…): set it up and keep its members
    #[command(subcommand)]
    Server(ServerCommand),
    /// Copy every negotiation, losing nothing, from a workbench file to an empty shared record
    /// (--to postgres://…), or from a shared record, as its owner, to a new workbench file
    Copy {
        /// Where to: a server's address, or a new workbench file's path
        #[arg(long)]
        to: String,
    },
}

#[derive(Subcommand)]
pub(crate) enum ServerCommand {
    /// Set up a shared record in the database --db names, as its owner (or bring one up to date)
    Install,
    /// Add a member, as the record's owner: a login role of their own, for one organisation and side.
    /// The first password is read from standard input
    AddMember {
        /// The login name: lower-case Latin letters, digits and _
        #[arg(long)]
        role: String,
        /// The person's name, as the record shows it
        #[arg(long)]
        name: String,
        /// The organisation they sit for
        #[arg(long)]
        organisation: String,
        /// workers, employers, government or mediator
        #[arg(long)]
        side: String,
    },
    /// List the record's members
    Members {
        #[arg(long)]
        json: bool,
    },
    /// Who you are on this server: your role, organisation and side
    Whoami {
        #[arg(long)]
        json: bool,
    },
}

/// Taking a party's file into a negotiation under way.
#[derive(clap::Args)]
pub struct IntakeArgs {
    /// Show what matches, what is new and what is missing, and write nothing
    #[arg(long, requires = "into")]
    pub preview: bool,
    /// When it was received, if not now (2026-11-20)
    #[arg(long, value_name = "DATE", requires = "into")]
    pub received: Option<String>,
    /// The sender's reference, a letter number
    #[arg(long, value_name = "REF", requires = "into")]
    pub letter: Option<String>,
    /// Tabled in session N
    #[arg(long, value_name = "N", requires = "into")]
    pub session: Option<i64>,
    /// The organisation that sent it, when not the one whose text it is
    #[arg(long = "sent-by", value_name = "ORG", requires = "into")]
    pub sent_by: Option<String>,
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Add an organisation to a side
    Add {
        negotiation: String,
        /// workers, employers, government or mediator
        #[arg(long)]
        side: String,
        #[arg(long)]
        label: String,
        #[arg(long)]
        name: String,
        /// As #1f618d; one of the palette's by default
        #[arg(long)]
        colour: Option<String>,
    },
    /// List the organisations, by side, with their delegates
    List {
        negotiation: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum DelegateCommand {
    /// Add a delegate: chair, coordinator, spokesperson, member, expert, legal_counsel, secretary,
    /// translator, observer
    Add {
        negotiation: String,
        #[arg(long = "org", value_name = "LABEL")]
        org: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        role: String,
    },
    /// Change a delegate's name or role
    Edit {
        negotiation: String,
        delegate: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        role: Option<String>,
    },
    /// Retire a delegate: kept in the record, no longer acting
    Retire { negotiation: String, delegate: String },
}

#[derive(Subcommand)]
enum ClauseCommand {
    /// Add a clause at the end, or start it from a model of the clause library
    Add {
        negotiation: String,
        #[arg(long = "ref")]
        reference: String,
        #[arg(long, default_value = "")]
        title: String,
        #[arg(long, default_value = "")]
        section: String,
        /// A topic; repeat for each
        #[arg(long = "topic")]
        topics: Vec<String>,
        /// A model of the clause library, by its key: its title, topic, standards and text as our draft
        #[arg(long = "from-library", value_name = "KEY")]
        from_library: Option<String>,
    },
    /// Renumber a clause (its identity does not change) or rename it
    Rename {
        clause: String,
        #[arg(long = "ref")]
        reference: Option<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
    },
    /// Move a clause before another (or to the end)
    Move {
        clause: String,
        #[arg(long, conflicts_with = "end")]
        before: Option<String>,
        #[arg(long)]
        end: bool,
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
    },
    /// Group a clause under a section, tag its topics, link the standards it rests on
    Group {
        clause: String,
        #[arg(long)]
        section: Option<String>,
        #[arg(long = "topic")]
        topics: Vec<String>,
        /// A standard's code, as the library lists it ("ILO C158 Art. 13"); repeat for each. The codes
        /// given replace those linked before, as `--topic` does
        #[arg(long = "standard", value_name = "CODE")]
        standards: Vec<String>,
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
    },
}

#[derive(Subcommand)]
enum CommitmentCommand {
    /// Record what the agreement obliges
    Add {
        negotiation: String,
        #[arg(long)]
        text: String,
        /// Who is responsible: a side, an organisation, a body
        #[arg(long)]
        responsible: String,
        /// By when, YYYY-MM-DD
        #[arg(long)]
        due: String,
        /// The clause it implements
        #[arg(long)]
        clause: Option<String>,
    },
    /// Mark a commitment done (today, or --on DATE)
    Done {
        id: i64,
        #[arg(long)]
        on: Option<String>,
    },
    /// The action plan: every commitment, by due date
    List {
        negotiation: String,
        #[arg(long)]
        json: bool,
    },
}

/// The core's catalogue with the command line's own messages, in `lang`.
fn words(lang: Lang) -> Words {
    Words::with(
        lang,
        match lang {
            Lang::Kk => include_str!("../locales/kk.ftl"),
            Lang::Ru => include_str!("../locales/ru.ftl"),
            Lang::En => include_str!("../locales/en.ftl"),
        },
    )
}

fn main() -> ExitCode {
    #[cfg(unix)]
    // SAFETY: called first, before any other thread exists; it only restores the default action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let matches = Cli::command().get_matches();
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli.lang_given = matches!(matches.value_source("lang"), Some(clap::parser::ValueSource::CommandLine));
    // an unknown --lang is itself reported, in the system's language
    let words = words(commands::language(cli.lang.as_deref()).unwrap_or_else(|_| commands::system_language()));
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a Tokio runtime");
    match runtime.block_on(commands::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            print::failure(&e, &words);
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use trilogue_core::words::{Lang, message_ids};

    const CATALOGUES: [(Lang, &str); 3] = [
        (Lang::Kk, include_str!("../locales/kk.ftl")),
        (Lang::Ru, include_str!("../locales/ru.ftl")),
        (Lang::En, include_str!("../locales/en.ftl")),
    ];

    #[test]
    fn every_language_has_every_message_of_the_command_line() {
        let english = message_ids(CATALOGUES[2].1);
        for (lang, file) in CATALOGUES {
            assert_eq!(message_ids(file), english, "{}", lang.code());
        }
    }

    #[test]
    fn every_message_of_the_command_line_formats() {
        const NAMES: [&str; 42] = [
            "url",
            "message",
            "path",
            "value",
            "number",
            "numbers",
            "event",
            "kind",
            "versions",
            "id",
            "clauses",
            "parties",
            "title",
            "day",
            "version",
            "reference",
            "state",
            "hash",
            "at",
            "status",
            "count",
            "party",
            "label",
            "name",
            "side",
            "role",
            "before",
            "section",
            "topics",
            "standards",
            "further",
            "step",
            "approved",
            "text",
            "responsible",
            "author",
            "by",
            "priority",
            "level",
            "rule",
            "languages",
            "place",
        ];
        const MORE: [&str; 16] = [
            "negotiations",
            "rows",
            "to",
            "source",
            "line",
            "insertions",
            "deletions",
            "recorded",
            "how",
            "inserted",
            "deleted",
            "preview",
            "tabled",
            "added",
            "missing",
            "counts",
        ];
        for (lang, file) in CATALOGUES {
            let w = super::words(lang);
            let names: Vec<&str> = NAMES.iter().chain(&MORE).copied().collect();
            let problems: Vec<String> = message_ids(file).iter().flat_map(|id| w.problems(id, &names)).collect();
            assert!(problems.is_empty(), "{}: {problems:?}", lang.code());
        }
    }
}
