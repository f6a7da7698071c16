//! Files in and out, at paths the user chose in a native dialog.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use tauri::State;
use tauri::ipc::Channel;
use trilogue_core::export;
use trilogue_core::import::{decode_utf8, parse_markdown_agreement, parse_position_table};
use trilogue_core::model::{Level, Negotiation};
use trilogue_core::store::NewNegotiation;

use crate::error::{IpcError, IpcResult};
use crate::state::Workbench;

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// How far an import has come, streamed to the window while it runs.
#[derive(Clone, Serialize, specta::Type)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum ImportProgress {
    Reading,
    Checking { bytes: u32 },
    Writing { clauses: u32 },
}

/// Reads the file and checks every row before anything is written; then one transaction writes it all.
#[tauri::command]
#[specta::specta]
pub async fn import_table(
    workbench: State<'_, Workbench>,
    path: PathBuf,
    title: String,
    progress: Channel<ImportProgress>,
) -> IpcResult<Negotiation> {
    let (name, bytes) = read(&path, &progress).await?;
    let table = parse_position_table(&bytes, &name)?;
    let _ = progress.send(ImportProgress::Writing { clauses: saturate(table.rows.len()) });
    Ok(workbench.store().import_table(&table, &title, &name, &workbench.who()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn import_markdown(
    workbench: State<'_, Workbench>,
    path: PathBuf,
    title: String,
    progress: Channel<ImportProgress>,
) -> IpcResult<Negotiation> {
    let (name, bytes) = read(&path, &progress).await?;
    let agreement = parse_markdown_agreement(&decode_utf8(bytes, &name)?, &name)?;
    let clauses = agreement.clauses;
    let _ = progress.send(ImportProgress::Writing { clauses: saturate(clauses.len()) });
    let title = if title.trim().is_empty() { agreement.title.unwrap_or(name.clone()) } else { title };
    let new = NewNegotiation {
        title,
        level: Level::General,
        tripartite: false,
        starts_on: None,
        ends_on: None,
        closing_rule: trilogue_core::model::ClosingRule::All,
        languages: Vec::new(),
    };
    Ok(workbench.store().import_clauses(&new, &[], &clauses, &name, &workbench.who()).await?)
}

/// Reads an imported file, saying so on the channel; its name is what errors and the journal call it.
async fn read(path: &std::path::Path, progress: &Channel<ImportProgress>) -> IpcResult<(String, Vec<u8>)> {
    let _ = progress.send(ImportProgress::Reading);
    let bytes = tokio::fs::read(path).await?;
    let _ = progress.send(ImportProgress::Checking { bytes: saturate(bytes.len()) });
    Ok((file_name(path), bytes))
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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
        AgreementFormat::Markdown => export::agreement_markdown(&workbench.store(), negotiation_id).await?,
        AgreementFormat::Html => export::agreement_html(&workbench.store(), negotiation_id).await?,
    };
    Ok(tokio::fs::write(path, text).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn export_table(workbench: State<'_, Workbench>, negotiation_id: i64, path: PathBuf) -> IpcResult<()> {
    let text = export::position_table_csv(&workbench.store(), negotiation_id).await?;
    Ok(tokio::fs::write(path, text).await?)
}

/// Opens the system's print dialog for what the window shows (the four-column document's print
/// layout), through WebKitGTK's print operation: the page's own `window.print()` opened no dialog in
/// the end-to-end run, where a WebDriver session drives the window.
#[tauri::command]
#[specta::specta]
pub fn print_window(window: tauri::WebviewWindow) -> IpcResult<()> {
    window
        .print()
        .map_err(|e| IpcError { kind: "io".into(), message: format!("the print dialog could not be opened: {e}") })
}
