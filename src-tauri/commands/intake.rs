//! Taking in what another party sends, into the negotiation under way: a position table (CSV) or its
//! text in Markdown, previewed before anything is written, then written all or nothing.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::State;
use trilogue_core::import::{TextEncoding, decode_utf8, parse_markdown_agreement, parse_position_table};
use trilogue_core::store::{IntakePlan, Provenance, Submission};

use crate::error::IpcResult;
use crate::state::Workbench;

/// What a file would bring in, and how it was read.
#[derive(Serialize, specta::Type)]
pub struct IntakePreview {
    pub plan: IntakePlan,
    pub encoding: TextEncoding,
    pub source_name: String,
}

/// Reads a party's file: a table by its `.csv` name, else Markdown, whose texts are `party`'s.
async fn submission(path: &Path, party: Option<&str>) -> IpcResult<(Submission, TextEncoding)> {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let bytes = tokio::fs::read(path).await?;
    let is_table = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_table {
        let table = parse_position_table(&bytes, &name)?;
        return Ok((Submission::from_table(&table, &name), table.encoding));
    }
    let agreement = parse_markdown_agreement(&decode_utf8(bytes, &name)?, &name)?;
    let party = party.ok_or_else(|| trilogue_core::Error::Invalid("say whose text this file is".into()))?;
    Ok((Submission::from_markdown(&agreement, party, &name), TextEncoding::Utf8))
}

#[tauri::command]
#[specta::specta]
pub async fn preview_intake(
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    path: PathBuf,
    party: Option<String>,
) -> IpcResult<IntakePreview> {
    let (submission, encoding) = submission(&path, party.as_deref()).await?;
    let plan = workbench.store().plan_intake(negotiation_id, &submission).await?;
    Ok(IntakePreview { plan, encoding, source_name: submission.source_name })
}

#[tauri::command]
#[specta::specta]
pub async fn take_in(
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    path: PathBuf,
    party: Option<String>,
    provenance: Provenance,
) -> IpcResult<IntakePlan> {
    let (submission, _) = submission(&path, party.as_deref()).await?;
    Ok(workbench.store().take_in(negotiation_id, &submission, &provenance, &workbench.who()).await?)
}
