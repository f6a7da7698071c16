//! Reading texts: word diff, Markdown preview, search, the library and the standards it rests on.

use tauri::State;
use trilogue_core::Reader;
use trilogue_core::diff::{WordDiff, diff_words};
use trilogue_core::markdown;
use trilogue_core::model::{LibraryClause, Standard};
use trilogue_core::store::SearchHit;
use trilogue_core::words::Lang;

use crate::error::IpcResult;
use crate::state::Workbench;

/// Two versions' texts, word by word; where the agreement has several authentic texts, within the
/// language `lang` (none, or one a version has no text in: the first).
#[tauri::command]
#[specta::specta]
pub async fn diff_versions(
    workbench: State<'_, Workbench>,
    from: i64,
    to: i64,
    lang: Option<Lang>,
) -> IpcResult<WordDiff> {
    let record = workbench.record();
    Ok(diff_words(&record.text_in(from, lang).await?, &record.text_in(to, lang).await?))
}

/// Markdown to HTML that the core has sanitised: the only HTML the UI ever inserts. Async, so it runs
/// on a worker thread, never on the window's.
#[tauri::command]
#[specta::specta]
pub async fn render_markdown(text: String) -> String {
    markdown::render(&text)
}

#[tauri::command]
#[specta::specta]
pub async fn search(
    workbench: State<'_, Workbench>,
    query: String,
    negotiation_id: Option<i64>,
) -> IpcResult<Vec<SearchHit>> {
    Ok(workbench.record().search(&query, negotiation_id, 50).await?)
}

/// The model clauses, in the interface's language.
#[tauri::command]
#[specta::specta]
pub async fn library(workbench: State<'_, Workbench>, lang: Lang) -> IpcResult<Vec<LibraryClause>> {
    Ok(workbench.record().library(lang).await?)
}

/// The international and national standards a clause may rest on, by code, in the interface's
/// language, with whether Kazakhstan has ratified each convention.
#[tauri::command]
#[specta::specta]
pub async fn standards(workbench: State<'_, Workbench>, lang: Lang) -> IpcResult<Vec<Standard>> {
    Ok(workbench.record().standards(lang).await?)
}
