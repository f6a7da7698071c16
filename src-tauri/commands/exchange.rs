//! Files in and out, at paths the user chose in a native dialog the Rust side shows (files.rs).

use serde::Serialize;
use tauri::State;
use tauri::ipc::Channel;
use trilogue_core::Reader;
use trilogue_core::compare::Reference;
use trilogue_core::document::{self, Format};
use trilogue_core::export;
use trilogue_core::import::{decode_utf8, parse_markdown_agreement, parse_position_table};
use trilogue_core::message::Msg;
use trilogue_core::model::{Level, Negotiation, Track};
use trilogue_core::store::NewNegotiation;
use trilogue_core::words::{Lang, Words};

use crate::error::{IpcError, IpcResult};
use crate::files::{self, Chosen};
use crate::state::Workbench;

/// How far an import has come, streamed to the window while it runs.
#[derive(Clone, Serialize, specta::Type)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum ImportProgress {
    Reading,
    Checking { bytes: u32 },
    Writing { clauses: u32 },
}

/// A position table the user chooses, as a new negotiation: every row is checked before anything is
/// written; then one transaction writes it all. None when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn import_table(
    window: tauri::WebviewWindow,
    workbench: State<'_, Workbench>,
    title: String,
    progress: Channel<ImportProgress>,
) -> IpcResult<Option<Negotiation>> {
    let Some(file) = read(&window, files::TABLES, &progress).await? else {
        return Ok(None);
    };
    let table = parse_position_table(&file.bytes, &file.name)?;
    let _ = progress.send(ImportProgress::Writing { clauses: saturate(table.rows.len()) });
    let title = if title.trim().is_empty() { file.name.clone() } else { title };
    Ok(Some(workbench.record().import_table(&table, &title, &file.name, &workbench.who()).await?))
}

/// An agreement's text in Markdown the user chooses, as a new negotiation; none when they cancel.
#[tauri::command]
#[specta::specta]
pub async fn import_markdown(
    window: tauri::WebviewWindow,
    workbench: State<'_, Workbench>,
    title: String,
    progress: Channel<ImportProgress>,
) -> IpcResult<Option<Negotiation>> {
    let Some(file) = read(&window, files::TEXTS, &progress).await? else {
        return Ok(None);
    };
    let name = file.name;
    let agreement = parse_markdown_agreement(&decode_utf8(file.bytes, &name)?, &name)?;
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
    Ok(Some(workbench.record().import_clauses(&new, &[], &clauses, &name, &workbench.who()).await?))
}

/// The file the user chooses, read, saying so on the channel; none when they cancel.
async fn read(
    window: &tauri::WebviewWindow,
    filter: files::Filter,
    progress: &Channel<ImportProgress>,
) -> IpcResult<Option<Chosen>> {
    let Some(path) = files::choose_to_open(window, filter).await else {
        return Ok(None);
    };
    let _ = progress.send(ImportProgress::Reading);
    let file = Chosen::read(&path).await?;
    let _ = progress.send(ImportProgress::Checking { bytes: saturate(file.bytes.len()) });
    Ok(Some(file))
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The agreement as Markdown, HTML or Word, saved where the user chooses; the file's name, or none. A
/// Word document shows `party`'s texts marked against the joint text as tracked changes when a party
/// is given, else the joint texts.
#[tauri::command]
#[specta::specta]
pub async fn export_agreement(
    window: tauri::WebviewWindow,
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    format: Format,
    party: Option<i64>,
    lang: Lang,
) -> IpcResult<Option<String>> {
    let store = workbench.record();
    let title = store.negotiation(negotiation_id).await?.title;
    let name = files::suggested_name(&title, "agreement", format.extension());
    let marking = match party {
        Some(id) => export::Marking { track: Track::Party(id), against: Some(Reference::Joint), clause: None },
        None => export::Marking::default(),
    };
    let words = Words::new(lang);
    let contents =
        async { Ok(document::render(&export::agreement(&store, negotiation_id, marking, &words).await?, format)?) };
    files::export(&window, &name, files::document_filter(format), contents).await
}

/// The position table as CSV, saved where the user chooses; the file's name, or none.
#[tauri::command]
#[specta::specta]
pub async fn export_table(
    window: tauri::WebviewWindow,
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
) -> IpcResult<Option<String>> {
    let store = workbench.record();
    let title = store.negotiation(negotiation_id).await?.title;
    let text = async { Ok(export::position_table_csv(&store, negotiation_id).await?) };
    files::export(&window, &files::suggested_name(&title, "position table", "csv"), files::TABLES, text).await
}

/// Opens the system's print dialog for what the window shows (the four-column document's print
/// layout), through WebKitGTK's print operation: the page's own `window.print()` opened no dialog in
/// the end-to-end run, where a WebDriver session drives the window.
#[tauri::command]
#[specta::specta]
pub fn print_window(window: tauri::WebviewWindow) -> IpcResult<()> {
    window.print().map_err(|e| IpcError::refused("io", Msg::PrintFailed { detail: e.to_string() }))
}
