//! The one error shape that crosses into the UI: a stable kind to decide on, a message to show.

use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct IpcError {
    /// `not_found`, `invalid`, `conflict`, `illegal_transition`, `import`, `disk_full`, `read_only`,
    /// `disk_failed`, `database`, `io`, …
    pub kind: String,
    pub message: String,
}

impl From<trilogue_core::Error> for IpcError {
    fn from(e: trilogue_core::Error) -> Self {
        IpcError { kind: e.kind().to_string(), message: e.to_string() }
    }
}

impl From<std::io::Error> for IpcError {
    fn from(e: std::io::Error) -> Self {
        trilogue_core::Error::Io(e).into()
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
