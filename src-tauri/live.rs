//! Live updates on a shared record: while one is open, a task listens to the server and tells the
//! window which negotiation changed (`RecordChanged`), so that its open views read again what they
//! show. A workbench file has no such task: only this app writes it.

use serde::{Deserialize, Serialize};
use tauri::AppHandle;
use tauri::async_runtime::JoinHandle;
use tauri_specta::Event;
use trilogue_pg::Record;

/// Someone (another user, or this one) changed a negotiation of the open shared record.
#[derive(Serialize, Deserialize, Debug, Clone, specta::Type, Event)]
pub struct RecordChanged {
    pub negotiation_id: i64,
}

/// Starts listening to `record` if it is a shared record; the task ends when its handle is aborted
/// (another record opened) or the connection cannot be had back.
pub fn follow(app: &AppHandle, record: &Record) -> Option<JoinHandle<()>> {
    let server = record.server()?.clone();
    let app = app.clone();
    Some(tauri::async_runtime::spawn(async move {
        let Ok(mut listener) = server.listen().await else { return };
        // the listener reconnects by itself after a dropped connection; an error is one it could not
        while let Ok(change) = listener.next().await {
            let _ = RecordChanged { negotiation_id: change.negotiation_id }.emit(&app);
        }
    }))
}
