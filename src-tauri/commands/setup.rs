//! Setting a negotiation up: the negotiation, its sides' organisations and delegates, whose workbench
//! this is, and its clauses.

use tauri::State;
use trilogue_core::Reader;
use trilogue_core::model::{Clause, Delegate, Negotiation, Party, Role, Version};
use trilogue_core::store::{ClauseEdit, DelegateEdit, NewClause, NewNegotiation, NewParty};

use crate::error::IpcResult;
use crate::state::Workbench;

#[tauri::command]
#[specta::specta]
pub async fn create_negotiation(
    workbench: State<'_, Workbench>,
    negotiation: NewNegotiation,
) -> IpcResult<Negotiation> {
    Ok(workbench.record().create_negotiation(&negotiation, &[], &workbench.who()).await?.0)
}

/// Adds an organisation to a side.
#[tauri::command]
#[specta::specta]
pub async fn add_party(workbench: State<'_, Workbench>, negotiation_id: i64, party: NewParty) -> IpcResult<Party> {
    Ok(workbench.record().add_party(negotiation_id, &party, &workbench.who()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_owner(workbench: State<'_, Workbench>, negotiation_id: i64, party_id: i64) -> IpcResult<()> {
    Ok(workbench.record().set_owner(negotiation_id, party_id, &workbench.who()).await?)
}

/// Every delegate of the negotiation, retired ones included.
#[tauri::command]
#[specta::specta]
pub async fn delegates(workbench: State<'_, Workbench>, negotiation_id: i64) -> IpcResult<Vec<Delegate>> {
    Ok(workbench.record().delegates(negotiation_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn add_delegate(
    workbench: State<'_, Workbench>,
    party_id: i64,
    name: String,
    role: Role,
) -> IpcResult<Delegate> {
    Ok(workbench.record().add_delegate(party_id, &name, role, &workbench.who()).await?)
}

/// Changes a delegate's name or role, or retires them; never erases one.
#[tauri::command]
#[specta::specta]
pub async fn edit_delegate(
    workbench: State<'_, Workbench>,
    delegate_id: i64,
    edit: DelegateEdit,
) -> IpcResult<Delegate> {
    Ok(workbench.record().edit_delegate(delegate_id, &edit, &workbench.who()).await?)
}

/// Adds a clause at the end, or starts it from a model of the clause library.
#[tauri::command]
#[specta::specta]
pub async fn add_clause(
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    clause: NewClause,
    library: Option<String>,
) -> IpcResult<Clause> {
    let (record, who) = (workbench.record(), workbench.who());
    Ok(match library {
        Some(slug) => record.add_clause_from_library(negotiation_id, &clause, &slug, &who).await?,
        None => record.add_clause(negotiation_id, &clause, &who).await?,
    })
}

/// Drafts a model of the clause library into a clause: a private joint draft in every authentic
/// language of the negotiation.
#[tauri::command]
#[specta::specta]
pub async fn draft_from_library(workbench: State<'_, Workbench>, clause_id: i64, slug: String) -> IpcResult<Version> {
    Ok(workbench.record().draft_from_library(clause_id, &slug, &workbench.who()).await?)
}

/// Renumbers, renames, regroups, retags or moves a clause.
#[tauri::command]
#[specta::specta]
pub async fn edit_clause(workbench: State<'_, Workbench>, clause_id: i64, edit: ClauseEdit) -> IpcResult<Clause> {
    Ok(workbench.record().edit_clause(clause_id, &edit, &workbench.who()).await?)
}
