//! The core's errors. Each has a stable `kind` so front ends decide on it, never on the message.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path} is not a Trilogue workbench: {why}")]
    NotAWorkbench { path: PathBuf, why: String },
    #[error(
        "{path} was written by a newer version of Trilogue (schema {found}, this one knows up to {known}); \
         update Trilogue to open it — the file was left untouched"
    )]
    NewerSchema { path: PathBuf, found: i64, known: i64 },
    #[error("{0} was not found")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    IllegalTransition(String),
    #[error("{source_name}, line {line}{}: {message}", column.as_ref().map(|c| format!(", column {c}")).unwrap_or_default())]
    Import { source_name: String, line: u64, column: Option<String>, message: String },
    /// A document that cannot be read as one, or is refused as hostile: which file, and why.
    #[error("{source_name}: {message}")]
    Document { source_name: String, message: String },
    #[error("{0}")]
    Disk(Disk),
    #[error("database error: {0}")]
    Database(sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

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

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Error::Invalid(message.into())
    }

    pub(crate) fn not_found(what: impl Into<String>) -> Self {
        Error::NotFound(what.into())
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

impl std::fmt::Display for Disk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Disk::Full => {
                "the disk holding the workbench is full: nothing of this change was written — free some space \
                 and try again"
            }
            Disk::ReadOnly => {
                "the workbench is read-only (the file, or the disk it is on): it can be read but not changed, \
                 and nothing was written"
            }
            Disk::Failed => {
                "the disk holding the workbench could not be written or read (is it full, or removed?): \
                 nothing of this change was written"
            }
        })
    }
}

impl From<sqlx::Error> for Error {
    /// SQLite's refusals that come from the disk get their own kind; every other database error is
    /// passed on as it is.
    fn from(e: sqlx::Error) -> Self {
        let code = e.as_database_error().and_then(|d| d.code()).and_then(|c| c.parse::<i32>().ok());
        // the primary result code is the low byte of SQLite's extended one
        match code.map(|c| c & 0xff) {
            Some(libsqlite3_sys::SQLITE_FULL) => Error::Disk(Disk::Full),
            Some(libsqlite3_sys::SQLITE_READONLY) => Error::Disk(Disk::ReadOnly),
            Some(libsqlite3_sys::SQLITE_IOERR) => Error::Disk(Disk::Failed),
            _ => Error::Database(e),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
