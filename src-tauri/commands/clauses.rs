//! Clauses and their texts: list, detail, a new version, tabling, status.

use tauri::State;
use trilogue_core::Reader;
use trilogue_core::model::{Clause, Priority, PrivateNote, Reservation, Version};
use trilogue_core::store::{ClauseRow, NewVersion, StatusChange};
use trilogue_core::views::ClauseDetail;
use trilogue_core::words::Lang;

use crate::error::IpcResult;
use crate::state::Workbench;

#[tauri::command]
#[specta::specta]
pub async fn list_clauses(workbench: State<'_, Workbench>, negotiation_id: i64) -> IpcResult<Vec<ClauseRow>> {
    Ok(workbench.record().list_clauses(negotiation_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn clause_detail(workbench: State<'_, Workbench>, clause_id: i64) -> IpcResult<ClauseDetail> {
    let record = workbench.record();
    let clause = record.clause(clause_id).await?;
    Ok(ClauseDetail::load(&record, clause).await?)
}

/// Saves a new version: editing never overwrites. Where the agreement has several authentic texts,
/// `lang` is the language of the text written; the others are carried over.
#[tauri::command]
#[specta::specta]
pub async fn propose(
    workbench: State<'_, Workbench>,
    clause_id: i64,
    version: NewVersion,
    lang: Option<Lang>,
) -> IpcResult<Version> {
    let (record, who) = (workbench.record(), workbench.who());
    Ok(match lang {
        Some(lang) => record.propose_in(clause_id, lang, &version, &who).await?,
        None => record.propose(clause_id, &version, &who).await?,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn table_version(
    workbench: State<'_, Workbench>,
    version_id: i64,
    session_id: Option<i64>,
) -> IpcResult<Version> {
    Ok(workbench.record().table(version_id, session_id, &workbench.who()).await?)
}

/// Our side's private note on a clause: never exported.
#[tauri::command]
#[specta::specta]
pub async fn add_note(
    workbench: State<'_, Workbench>,
    clause_id: i64,
    priority: Priority,
    red_line: String,
    reasoning: String,
) -> IpcResult<PrivateNote> {
    Ok(workbench.record().add_note(clause_id, priority, &red_line, &reasoning, &workbench.who()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_status(workbench: State<'_, Workbench>, clause_id: i64, change: StatusChange) -> IpcResult<Clause> {
    let record = workbench.record();
    record.change_status(clause_id, &change, &workbench.who()).await?;
    Ok(record.clause(clause_id).await?)
}

/// An organisation's reservation on a clause.
#[tauri::command]
#[specta::specta]
pub async fn add_reservation(
    workbench: State<'_, Workbench>,
    clause_id: i64,
    party_id: i64,
    text: String,
) -> IpcResult<Reservation> {
    Ok(workbench.record().add_reservation(clause_id, party_id, &text, &workbench.who()).await?)
}
