//! The one error shape that crosses into the UI: a stable kind and code to decide on, the core's
//! message with its values, and its words in the language the interface speaks.

use std::sync::RwLock;

use serde::Serialize;
use trilogue_core::message::Msg;
use trilogue_core::words::{Lang, Words};

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct IpcError {
    /// `not_found`, `invalid`, `conflict`, `illegal_transition`, `import`, `disk_full`, `read_only`,
    /// `disk_failed`, `database`, `io`, …
    pub kind: String,
    /// The core's message, by code with its values, when it made one (`clause-ref-taken`, …).
    pub refusal: Option<Msg>,
    /// The whole error in words, in the interface's language.
    pub message: String,
}

/// The language the interface speaks, for the words of errors; the UI sets it (`set_language`).
static SPOKEN: RwLock<Lang> = RwLock::new(Lang::En);

pub fn speak(lang: Lang) {
    *SPOKEN.write().unwrap_or_else(|e| e.into_inner()) = lang;
}

fn spoken() -> Words {
    Words::new(*SPOKEN.read().unwrap_or_else(|e| e.into_inner()))
}

impl IpcError {
    /// A refusal of the app's own (a file too large, a dialog that failed), of `kind`.
    pub fn refused(kind: &str, refusal: Msg) -> IpcError {
        IpcError { kind: kind.into(), message: refusal.words(&spoken()), refusal: Some(refusal) }
    }
}

impl From<trilogue_core::Error> for IpcError {
    fn from(e: trilogue_core::Error) -> Self {
        IpcError { kind: e.kind().to_string(), refusal: e.message().cloned(), message: e.words(&spoken()) }
    }
}

impl From<std::io::Error> for IpcError {
    fn from(e: std::io::Error) -> Self {
        trilogue_core::Error::Io(e).into()
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
