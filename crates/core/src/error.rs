//! The core's errors. Each has a stable `kind`, and most carry a `Msg` with a stable code: front ends
//! decide on those, never on the words, which `words` gives in the user's language.

use std::path::PathBuf;

use crate::message::Msg;
use crate::words::Words;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", self.words(Words::english()))]
    NotAWorkbench { path: PathBuf, why: Msg },
    #[error("{}", self.words(Words::english()))]
    NewerSchema { path: PathBuf, found: i64, known: i64 },
    #[error("{0}")]
    NotFound(Msg),
    #[error("{0}")]
    Invalid(Msg),
    #[error("{0}")]
    Conflict(Msg),
    #[error("{0}")]
    IllegalTransition(Msg),
    /// A line (and a column) of a file that cannot be imported.
    #[error("{}", self.words(Words::english()))]
    Import { source_name: String, line: u64, column: Option<String>, message: Box<Msg> },
    /// A document that cannot be read as one, or is refused as hostile: which file, and why.
    #[error("{}", self.words(Words::english()))]
    Document { source_name: String, message: Box<Msg> },
    #[error("{}", self.words(Words::english()))]
    Disk(Disk),
    #[error("{}", self.words(Words::english()))]
    Database(sqlx::Error),
    #[error("{}", self.words(Words::english()))]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The catalogue's messages that frame an error around its `Msg`.
#[cfg(test)]
pub(crate) const FRAMES: [&str; 11] = [
    "not-a-workbench",
    "newer-schema",
    "at-line",
    "at-cell",
    "in-document",
    "disk-full",
    "disk-read-only",
    "disk-failed",
    "database-failed",
    "migration-failed",
    "io-failed",
];

impl Error {
    /// A short, stable name for the kind of failure, for the IPC edge and scripts.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::NotAWorkbench { .. } => "not_a_workbench",
            Error::NewerSchema { .. } => "newer_schema",
            Error::NotFound(_) => "not_found",
            Error::Invalid(_) => "invalid",
            Error::Conflict(_) => "conflict",
            Error::IllegalTransition(_) => "illegal_transition",
            Error::Import { .. } | Error::Document { .. } => "import",
            Error::Disk(Disk::Full) => "disk_full",
            Error::Disk(Disk::ReadOnly) => "read_only",
            Error::Disk(Disk::Failed) => "disk_failed",
            Error::Database(_) | Error::Migration(_) => "database",
            Error::Io(_) => "io",
        }
    }

    /// The message at the heart of the error, with its code and values, when the core made one.
    pub fn message(&self) -> Option<&Msg> {
        match self {
            Error::NotAWorkbench { why: m, .. }
            | Error::NotFound(m)
            | Error::Invalid(m)
            | Error::Conflict(m)
            | Error::IllegalTransition(m) => Some(m),
            Error::Import { message, .. } | Error::Document { message, .. } => Some(message),
            _ => None,
        }
    }

    /// A refusal of something read from a file, placed at the file's line it came from; an error
    /// already placed, or one of the disk or the database, is left as it is.
    pub fn at_line(self, source_name: &str, line: u64) -> Error {
        match self {
            Error::NotFound(message)
            | Error::Invalid(message)
            | Error::Conflict(message)
            | Error::IllegalTransition(message) => {
                Error::Import { source_name: source_name.into(), line, column: None, message: Box::new(message) }
            }
            other => other,
        }
    }

    /// The error in words, in the catalogue's language.
    pub fn words(&self, w: &Words) -> String {
        let path = |p: &PathBuf| p.display().to_string();
        match self {
            Error::NotAWorkbench { path: p, why } => {
                w.f("not-a-workbench", &[("path", (&path(p)).into()), ("why", (&why.words(w)).into())])
            }
            Error::NewerSchema { path: p, found, known } => w.f(
                "newer-schema",
                &[("path", (&path(p)).into()), ("found", (*found).into()), ("known", (*known).into())],
            ),
            Error::NotFound(m) | Error::Invalid(m) | Error::Conflict(m) | Error::IllegalTransition(m) => m.words(w),
            Error::Import { source_name, line, column, message } => {
                let message = message.words(w);
                let mut args = vec![("source", source_name.into()), ("line", (*line as i64).into())];
                args.push(("message", (&message).into()));
                match column {
                    Some(c) => {
                        args.push(("column", c.into()));
                        w.f("at-cell", &args)
                    }
                    None => w.f("at-line", &args),
                }
            }
            Error::Document { source_name, message } => {
                w.f("in-document", &[("source", source_name.into()), ("message", (&message.words(w)).into())])
            }
            Error::Disk(Disk::Full) => w.t("disk-full"),
            Error::Disk(Disk::ReadOnly) => w.t("disk-read-only"),
            Error::Disk(Disk::Failed) => w.t("disk-failed"),
            Error::Database(e) => w.f("database-failed", &[("detail", (&e.to_string()).into())]),
            Error::Migration(e) => w.f("migration-failed", &[("detail", (&e.to_string()).into())]),
            Error::Io(e) => w.f("io-failed", &[("detail", (&e.to_string()).into())]),
        }
    }
}

/// What the disk under the workbench refused. SQLite undoes the whole transaction when it does, so in
/// every case nothing of the change was written, and everything acknowledged before is still there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disk {
    /// No space left on the disk.
    Full,
    /// The file, or the disk it is on, cannot be written.
    ReadOnly,
    /// Reading or writing failed (a disk removed, a failing device, or no space for SQLite's own files).
    Failed,
}

impl From<sqlx::Error> for Error {
    /// The database's refusals that come from the disk get their own kind; every other database error
    /// is passed on as it is.
    fn from(e: sqlx::Error) -> Self {
        let Some(db) = e.as_database_error() else { return Error::Database(e) };
        let code = db.code().unwrap_or_default();
        if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
            // the primary result code is the low byte of SQLite's extended one
            match code.parse::<i32>().ok().map(|c| c & 0xff) {
                Some(libsqlite3_sys::SQLITE_FULL) => return Error::Disk(Disk::Full),
                Some(libsqlite3_sys::SQLITE_READONLY) => return Error::Disk(Disk::ReadOnly),
                Some(libsqlite3_sys::SQLITE_IOERR) => return Error::Disk(Disk::Failed),
                _ => {}
            }
        } else {
            // PostgreSQL's SQLSTATE: a full disk, a failing one; a shared record's refusals
            match &*code {
                "53100" => return Error::Disk(Disk::Full),
                "58030" => return Error::Disk(Disk::Failed),
                "TLG01" => return Error::Invalid(Msg::NotYourName),
                "TLG02" => return Error::Invalid(Msg::NotYourSide),
                "42501" => return Error::Invalid(Msg::NotPermitted),
                _ => {}
            }
        }
        Error::Database(e)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
