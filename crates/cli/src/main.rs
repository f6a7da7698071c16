//! `trilogue-cli`: a headless front door to the Trilogue core, for scripting, batch import and export,
//! and tests. Every command opens the workbench given by `--db` (or `TRILOGUE_DB`, or the app's own).
//! Exit codes: 0 done, 1 failed (the cause on stderr), 2 the command line was wrong.

mod commands;
mod print;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

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
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Md,
    Html,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum TableFormat {
    Html,
    Csv,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Load the demo negotiation (once) and show where it stands
    Demo {
        #[arg(long)]
        json: bool,
    },
    /// Import a position table (CSV: ref,title,<party…>[,joint][,base]) as a new negotiation
    ImportTable {
        file: PathBuf,
        #[arg(long)]
        title: String,
    },
    /// Import an agreement in Markdown (a clause per heading) as a new negotiation
    ImportMarkdown {
        file: PathBuf,
        #[arg(long)]
        title: String,
        /// A party, as LABEL:SIDE:NAME (side: workers, employers, government, mediator); repeat for each
        #[arg(long = "party", value_name = "LABEL:SIDE:NAME")]
        parties: Vec<String>,
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
        /// Why this version (its rationale)
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        session: Option<i64>,
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
        /// Into impasse: who it is referred to (mediator, working_group)
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
    /// Record a ratifying body's vote on the tentative settlement
    Ratify {
        negotiation: String,
        #[arg(long)]
        body: String,
        /// The day of the vote, YYYY-MM-DD
        #[arg(long)]
        date: String,
        #[arg(long = "for")]
        votes_for: i64,
        #[arg(long = "against")]
        votes_against: i64,
        #[arg(long, default_value_t = 0)]
        abstaining: i64,
        /// The body rejected the settlement (it approved it otherwise)
        #[arg(long)]
        rejected: bool,
    },
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
        format: DiffFormat,
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
    /// Export the agreement (joint texts and statuses) as Markdown or printable HTML
    Export {
        negotiation: String,
        #[arg(long, value_enum)]
        format: DocFormat,
        #[arg(long)]
        out: PathBuf,
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a Tokio runtime");
    match runtime.block_on(commands::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}
