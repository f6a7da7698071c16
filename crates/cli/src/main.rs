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
        #[arg(long = "neg", value_name = "NEGOTIATION")]
        negotiation: Option<String>,
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
