//! The position comparison: one clause's columns, the whole agreement's four-column document (its
//! outline, the rows a view shows, all of it for printing and export), and how far apart the parties are.

use serde::Deserialize;
use tauri::State;
use trilogue_core::Reader;
use trilogue_core::agreement::{self, Document, Outline, Row};
use trilogue_core::compare::{Comparison, Reference, compare_in};
use trilogue_core::convergence::{self, Distances};
use trilogue_core::document::{self, Format};
use trilogue_core::words::{Lang, Words};

use crate::error::IpcResult;
use crate::files;
use crate::state::Workbench;

#[tauri::command]
#[specta::specta]
/// A clause's texts compared with the reference's; where the agreement has several authentic texts,
/// within the language `lang` (none: the first).
pub async fn compare_clause(
    workbench: State<'_, Workbench>,
    clause_id: i64,
    reference: Reference,
    lang: Option<Lang>,
) -> IpcResult<Comparison> {
    Ok(compare_in(&workbench.record(), clause_id, reference, workbench.now(), lang).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn agreement_outline(workbench: State<'_, Workbench>, negotiation_id: i64) -> IpcResult<Outline> {
    Ok(agreement::outline(&workbench.record(), negotiation_id, workbench.now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn agreement_rows(
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    reference: Reference,
    clause_ids: Vec<i64>,
    lang: Option<Lang>,
) -> IpcResult<Vec<Row>> {
    Ok(agreement::rows(&workbench.record(), negotiation_id, reference, &clause_ids, lang).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn agreement_document(
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    reference: Reference,
    lang: Option<Lang>,
) -> IpcResult<Document> {
    Ok(agreement::document(&workbench.record(), negotiation_id, reference, lang).await?)
}

/// The dashboard's five clauses furthest apart and five that moved most since the last session.
#[tauri::command]
#[specta::specta]
pub async fn distances(workbench: State<'_, Workbench>, negotiation_id: i64) -> IpcResult<Distances> {
    Ok(convergence::distances(&workbench.record(), negotiation_id, 5, workbench.now()).await?)
}

/// The comparison table as a document, or its cells as CSV.
#[derive(Clone, Copy, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum DocumentFormat {
    Html,
    /// Word: a landscape table whose header row repeats on every page.
    Docx,
    Csv,
}

/// The comparison table as HTML, Word or CSV, saved where the user chooses; the file's name, or none.
#[tauri::command]
#[specta::specta]
pub async fn export_four_columns(
    window: tauri::WebviewWindow,
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    reference: Reference,
    format: DocumentFormat,
    lang: Lang,
    texts_in: Option<Lang>,
) -> IpcResult<Option<String>> {
    let store = workbench.record();
    let title = store.negotiation(negotiation_id).await?.title;
    let (extension, filter) = match format {
        DocumentFormat::Html => ("html", files::HTML),
        DocumentFormat::Docx => ("docx", files::WORD),
        DocumentFormat::Csv => ("csv", files::TABLES),
    };
    let contents = async {
        // the texts in the language chosen for them, else in the document's where it is authentic
        let table = agreement::document(&store, negotiation_id, reference, texts_in.or(Some(lang))).await?;
        Ok(match format {
            DocumentFormat::Html => document::render(&table.to_model(&Words::new(lang)), Format::Html)?,
            DocumentFormat::Docx => document::render(&table.to_model(&Words::new(lang)), Format::Docx)?,
            DocumentFormat::Csv => table.to_csv()?.into_bytes(),
        })
    };
    files::export(&window, &files::suggested_name(&title, "comparison table", extension), filter, contents).await
}
