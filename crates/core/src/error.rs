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
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
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
            Error::Import { .. } => "import",
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

pub type Result<T, E = Error> = std::result::Result<T, E>;
