//! The workbench file: an SQLite database opened through sqlx.
//!
//! Opening is careful: a file that is not SQLite, another application's database, a damaged file or one
//! written by a newer Trilogue is refused before anything writes to it. A file about to be migrated is
//! first copied beside itself.

mod bulk;
mod clauses;
mod events;
mod intake;
mod library;
mod negotiations;
mod notes;
mod reader;
mod revision_authors;
pub mod rows;
mod schema;
mod search;
mod sessions;
mod settlement;
mod status;
mod tx;
mod versions;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection, SqliteConnection, SqlitePool};

pub use clauses::{ClauseEdit, ClauseRow, Neighbours, NewClause, TabledHashes, TrackHead, reorder};
pub use events::ChainBreak;
pub(crate) use intake::at_line;
pub use intake::{
    AgainstSent, AuthorParty, IntakeChange, IntakePlan, IntakeRow, IntakeText, MatchedBy, Provenance, Revisions,
    Submission, SubmittedClause, plan_intake,
};
pub use negotiations::{
    DelegateEdit, NegotiationSummary, NewNegotiation, NewParty, every_status, languages_text, party_colour,
};
pub use search::{MARKS, SearchHit, SearchRow, search_terms};
pub use sessions::{ClauseSummary, InitialGiven, NewSession, Tabling};
pub use settlement::{
    NewApproval, NewCommitment, agreement_transitions, check_agreement_transition, check_approval, unsettled,
};
pub use status::{
    StatusChange, agreed_hash, allowed_transitions, check_protocol_entry, check_transition, missing_consent,
};
pub use versions::{HeadIds, NewVersion, tabled_stamp};

use crate::diff_cache::DiffCache;
use crate::error::{Disk, Error, Result};
use crate::message::Msg;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// SQLite's header field for the application that owns a file: "TRLG".
pub const APPLICATION_ID: i64 = 0x5452_4c47;

/// Who does something, and when. Everything that changes the record is stamped with one.
#[derive(Debug, Clone)]
pub struct Who {
    pub name: String,
    pub at: DateTime<Utc>,
}

impl Who {
    pub fn at(name: impl Into<String>, at: DateTime<Utc>) -> Self {
        Who { name: name.into(), at }
    }

    pub(crate) fn stamp(&self) -> String {
        stamp(self.at)
    }
}

pub fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Checks a day as the record keeps it: `YYYY-MM-DD`.
pub fn check_day(day: &str) -> Result<()> {
    match chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d") {
        Ok(_) => Ok(()),
        Err(_) => Err(Error::Invalid(Msg::NotADay { value: day.to_string() })),
    }
}

/// An open workbench.
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    path: PathBuf,
    diffs: Arc<DiffCache>,
    /// Opened from a file or disk that cannot be written (read-only, or full): everything reads, and
    /// every write is refused for this reason.
    refuses_writes: Option<Disk>,
}

/// The app's identifier, which names its data folder. A development build has its own, so that
/// working on Trilogue never opens — or migrates — the user's own workbench.
pub const APP_IDENTIFIER: &str =
    if cfg!(debug_assertions) { "org.trilogue.workbench.dev" } else { "org.trilogue.workbench" };

/// The default workbench file: in the OS's app data folder, the app's own.
pub fn default_db_path() -> PathBuf {
    dirs::data_dir().unwrap_or_else(std::env::temp_dir).join(APP_IDENTIFIER).join("workbench.sqlite3")
}

/// The file a `--db` names. A URL is not a file: `sqlite://PATH` names PATH; a server's URL, or any
/// other, is refused before anything on disk is touched, and the message never repeats a password.
pub fn workbench_file(given: &Path) -> Result<PathBuf> {
    let text = given.to_string_lossy();
    let Some((scheme, rest)) = text.split_once("://") else {
        return Ok(given.to_path_buf());
    };
    let is_scheme = scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
    if !is_scheme {
        return Ok(given.to_path_buf());
    }
    // the user and password end at the last '@' before the path
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let shown = match rest[..authority_end].rfind('@') {
        Some(at) => {
            let user = rest[..at].split(':').next().unwrap_or("");
            format!("{scheme}://{user}@{}", &rest[at + 1..])
        }
        None => format!("{scheme}://{rest}"),
    };
    match scheme.to_ascii_lowercase().as_str() {
        "sqlite" if !rest.is_empty() => Ok(PathBuf::from(rest.split('?').next().unwrap_or(rest))),
        "postgres" | "postgresql" => Err(Error::Invalid(Msg::ServerNotFile { url: shown })),
        _ => Err(Error::Invalid(Msg::UrlNotFile { url: shown })),
    }
}

/// What the read-only look at an existing file found.
struct Inspection {
    empty: bool,
    pending_migrations: bool,
    /// The newest migration applied: the schema the file is at.
    schema: i64,
}

impl Store {
    /// Opens a workbench file, creating it (and its folder) if there is none. A file that cannot be
    /// written (read-only, or on a read-only disk) is opened for reading only.
    pub async fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = workbench_file(path.as_ref())?;
        let exists = path.exists();
        let writable = !exists || std::fs::OpenOptions::new().append(true).open(&path).is_ok();
        let mut refused = (!writable).then_some(Disk::ReadOnly);
        let inspection = if exists {
            match inspect(&path, !writable).await {
                // no room for SQLite's files beside it: read it as it is, and refuse to write
                Err(Error::Disk(Disk::Full)) if writable && !has_log(&path) => {
                    refused = Some(Disk::Full);
                    inspect(&path, true).await?
                }
                other => other?,
            }
        } else {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            Inspection { empty: true, pending_migrations: true, schema: 0 }
        };
        if let Some(disk) = refused {
            return Store::open_refusing_writes(path, &inspection, disk).await;
        }
        if inspection.pending_migrations && !inspection.empty {
            backup(&path, inspection.schema).await.map_err(|e| on_disk(e, &path))?;
        }
        let options = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .pragma("trusted_schema", "OFF")
            .busy_timeout(Duration::from_secs(10));
        let store = async {
            let pool = SqlitePoolOptions::new()
                .max_connections(4)
                .after_connect(|conn, _| Box::pin(schema::defend(conn)))
                .connect_with(options)
                .await?;
            MIGRATOR.run(&pool).await?;
            let app_id: i64 = sqlx::query_scalar("PRAGMA application_id").fetch_one(&pool).await?;
            if app_id != APPLICATION_ID {
                // the literal is APPLICATION_ID: SQLite takes no bound parameter in a PRAGMA
                sqlx::query("PRAGMA application_id = 1414679623").execute(&pool).await?;
            }
            let store = Store { pool, path: path.clone(), diffs: Arc::default(), refuses_writes: None };
            store.seed_library().await?;
            Ok(store)
        };
        store.await.map_err(|e| on_disk(e, &path))
    }

    /// A workbench the disk will not let us write, as it is: nothing is migrated, seeded or marked, and
    /// every write is refused for `disk`'s reason.
    async fn open_refusing_writes(path: PathBuf, inspection: &Inspection, disk: Disk) -> Result<Store> {
        if inspection.empty || inspection.pending_migrations {
            // it would have to be created or migrated first, and cannot be
            return Err(Error::Disk(disk));
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .after_connect(|conn, _| Box::pin(schema::defend(conn)))
            .connect_with(reading(&path, true).foreign_keys(true))
            .await?;
        Ok(Store { pool, path, diffs: Arc::default(), refuses_writes: Some(disk) })
    }

    /// Why this workbench was opened for reading only, if it was.
    pub fn refuses_writes(&self) -> Option<Disk> {
        self.refuses_writes
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The word diffs made so far, shared by every clone of this store.
    pub fn diffs(&self) -> &Arc<DiffCache> {
        &self.diffs
    }

    /// Writes everything to the main file and closes it.
    pub async fn close(self) {
        let _ = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await;
        self.pool.close().await;
    }

    /// Begins a write transaction. `BEGIN IMMEDIATE` takes the write lock at once, so two writers wait
    /// for each other (busy timeout) instead of failing half-way through.
    pub(crate) async fn begin(&self) -> Result<sqlx::Transaction<'_, sqlx::Sqlite>> {
        if let Some(disk) = self.refuses_writes {
            return Err(Error::Disk(disk));
        }
        self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(|e| on_disk(e.into(), &self.path))
    }
}

fn not_a_workbench(path: &Path, why: Msg) -> Error {
    Error::NotAWorkbench { path: path.to_path_buf(), why }
}

/// Options to read a file without changing it. SQLite reads a WAL-mode file through two files beside
/// it, which a read-only or full disk cannot hold: when there is no write-ahead log to take into
/// account, such a file (`as_is`) is read as immutable instead, which needs neither.
fn reading(path: &Path, as_is: bool) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(as_is && !has_log(path))
        .pragma("trusted_schema", "OFF")
}

/// Whether a write-ahead log lies beside the file with changes not yet in it (an empty one, as a
/// failed opening may leave, holds none).
fn has_log(path: &Path) -> bool {
    std::fs::metadata(format!("{}-wal", path.display())).is_ok_and(|m| m.len() > 0)
}

/// A failure of the disk, told apart: an I/O error on a disk with no space left is a full disk (SQLite
/// reports a full disk as an I/O error when it is its shared-memory file that cannot grow).
fn on_disk(e: Error, path: &Path) -> Error {
    match e {
        Error::Disk(Disk::Failed) if no_space_left(path) => Error::Disk(Disk::Full),
        other => other,
    }
}

#[cfg(unix)]
fn no_space_left(path: &Path) -> bool {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // less than SQLite needs for one shared-memory region and a page of log
    rustix::fs::statvfs(dir).is_ok_and(|s| s.f_bavail.saturating_mul(s.f_frsize) < 64 * 1024)
}

#[cfg(not(unix))]
fn no_space_left(_: &Path) -> bool {
    false
}

/// Looks at an existing file without changing it.
async fn inspect(path: &Path, as_is: bool) -> Result<Inspection> {
    let mut header = [0u8; 16];
    let len = std::fs::metadata(path)?.len();
    if len == 0 {
        return Ok(Inspection { empty: true, pending_migrations: true, schema: 0 });
    }
    {
        use std::io::Read;
        let read = std::fs::File::open(path)?.read(&mut header)?;
        if read < 16 || &header != b"SQLite format 3\0" {
            return Err(not_a_workbench(path, Msg::NotSqlite));
        }
    }
    // a file the disk fails to give is not a damaged one
    let damaged = |e: sqlx::Error| match Error::from(e) {
        Error::Database(e) => not_a_workbench(path, Msg::NotADatabase { detail: e.to_string() }),
        disk => on_disk(disk, path),
    };
    let mut conn = reading(path, as_is).connect().await.map_err(damaged)?;
    schema::defend(&mut conn).await.map_err(damaged)?;
    let result = inspect_schema(&mut conn, path).await;
    let _ = conn.close().await;
    result.map_err(|e| match e {
        Error::Database(e) => damaged(e),
        other => on_disk(other, path),
    })
}

async fn inspect_schema(conn: &mut SqliteConnection, path: &Path) -> Result<Inspection> {
    let tables: i64 = sqlx::query_scalar("SELECT count(*) FROM sqlite_master").fetch_one(&mut *conn).await?;
    if tables == 0 {
        return Ok(Inspection { empty: true, pending_migrations: true, schema: 0 });
    }
    let app_id: i64 = sqlx::query_scalar("PRAGMA application_id").fetch_one(&mut *conn).await?;
    let has_meta: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('trilogue_meta', '_sqlx_migrations')",
    )
    .fetch_one(&mut *conn)
    .await?;
    if app_id != APPLICATION_ID && has_meta < 2 {
        return Err(not_a_workbench(path, Msg::ForeignDatabase));
    }
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = 1").fetch_all(&mut *conn).await?;
    let known = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    if let Some(&found) = applied.iter().max().filter(|&&v| v > known) {
        return Err(Error::NewerSchema { path: path.to_path_buf(), found, known });
    }
    if let Some(why) = schema::difference(conn, &applied).await? {
        return Err(not_a_workbench(path, why));
    }
    let pending = MIGRATOR.iter().any(|m| !applied.contains(&m.version));
    Ok(Inspection { empty: false, pending_migrations: pending, schema: applied.iter().copied().max().unwrap_or(0) })
}

/// Copies the file beside itself, consistently even in WAL mode, before a migration touches it. The
/// copy is named by the schema it holds (`workbench.sqlite3.bak-schema-2`), never over an earlier one.
async fn backup(path: &Path, schema: i64) -> Result<PathBuf> {
    let name = |n: u32| {
        let again = if n == 1 { String::new() } else { format!("-{n}") };
        PathBuf::from(format!("{}.bak-schema-{schema}{again}", path.display()))
    };
    let target = (1..).map(name).find(|t| !t.exists()).expect("an unused name");
    let mut conn = SqliteConnectOptions::from_str("sqlite:")?.filename(path).read_only(true).connect().await?;
    sqlx::query("VACUUM INTO ?").bind(target.to_string_lossy().into_owned()).execute(&mut conn).await?;
    conn.close().await?;
    Ok(target)
}
