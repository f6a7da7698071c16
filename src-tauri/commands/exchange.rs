//! Files in and out, at paths the user chose in a native dialog.

use std::path::PathBuf;

use serde::Deserialize;
use tauri::State;
use trilogue_core::export;
use trilogue_core::import::{decode_utf8, parse_markdown_agreement, parse_position_table};
use trilogue_core::model::{Level, Negotiation};
use trilogue_core::store::NewNegotiation;

use super::who;
use crate::error::IpcResult;
use crate::state::Workbench;

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

#[tauri::command]
#[specta::specta]
pub async fn import_table(workbench: State<'_, Workbench>, path: PathBuf, title: String) -> IpcResult<Negotiation> {
    let bytes = tokio::fs::read(&path).await?;
    let table = parse_position_table(&bytes, &file_name(&path))?;
    Ok(workbench.store.import_table(&table, &title, &file_name(&path), &who(&workbench)).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn import_markdown(workbench: State<'_, Workbench>, path: PathBuf, title: String) -> IpcResult<Negotiation> {
    let text = decode_utf8(tokio::fs::read(&path).await?, &file_name(&path))?;
    let clauses = parse_markdown_agreement(&text, &file_name(&path))?;
    let new = NewNegotiation { title, level: Level::National, tripartite: false, starts_on: None, ends_on: None };
    Ok(workbench.store.import_clauses(&new, &[], &clauses, &file_name(&path), &who(&workbench)).await?)
}

#[derive(Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum AgreementFormat {
    Markdown,
    Html,
}

#[tauri::command]
#[specta::specta]
pub async fn export_agreement(
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    format: AgreementFormat,
    path: PathBuf,
) -> IpcResult<()> {
    let text = match format {
        AgreementFormat::Markdown => export::agreement_markdown(&workbench.store, negotiation_id).await?,
        AgreementFormat::Html => export::agreement_html(&workbench.store, negotiation_id).await?,
    };
    Ok(tokio::fs::write(path, text).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn export_table(workbench: State<'_, Workbench>, negotiation_id: i64, path: PathBuf) -> IpcResult<()> {
    let text = export::position_table_csv(&workbench.store, negotiation_id).await?;
    Ok(tokio::fs::write(path, text).await?)
}
