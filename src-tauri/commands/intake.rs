//! Taking in what another party sends, into the negotiation under way: a position table (CSV), or its
//! text in Markdown or as a Word document (its tracked changes accepted, and who made them shown). The
//! user chooses the file in the native dialog; it is read once and kept here behind a handle,
//! previewed, and what was previewed is what is written — all or nothing.

use serde::Serialize;
use tauri::State;
use trilogue_core::import::{TextEncoding, decode_utf8, parse_markdown_agreement, parse_position_table, read_docx};
use trilogue_core::store::{IntakePlan, Provenance, Submission};

use crate::error::IpcResult;
use crate::files::{self, Chosen, Pending};
use crate::state::Workbench;

/// The file the user chose to take in, by the handle that names it from now on.
#[derive(Serialize, specta::Type)]
pub struct ChosenFile {
    pub handle: u32,
    /// Its name, without its folder.
    pub name: String,
    /// A position table (by its `.csv` name), else a text in Markdown, which needs its party.
    pub is_table: bool,
}

/// What a file would bring in, and how it was read.
#[derive(Serialize, specta::Type)]
pub struct IntakePreview {
    pub plan: IntakePlan,
    pub encoding: TextEncoding,
    pub source_name: String,
}

/// A party's file as read: what it brings in, and its encoding.
struct Read {
    submission: Submission,
    encoding: TextEncoding,
}

/// Reads a party's file: a table, else Markdown or a Word document whose texts are `party`'s.
fn submission(file: &Chosen, party: Option<&str>) -> IpcResult<Read> {
    if file.is_table() {
        let table = parse_position_table(&file.bytes, &file.name)?;
        let submission = Submission::from_table(&table, &file.name);
        return Ok(Read { submission, encoding: table.encoding });
    }
    let party = party.ok_or_else(|| trilogue_core::Error::Invalid(trilogue_core::message::Msg::SayWhoseText))?;
    if file.is_word() {
        let word = read_docx(&file.bytes, &file.name)?;
        let submission = Submission::from_word(&word, party, &file.name)?;
        return Ok(Read { submission, encoding: TextEncoding::Utf8 });
    }
    let agreement = parse_markdown_agreement(&decode_utf8(file.bytes.clone(), &file.name)?, &file.name)?;
    let submission = Submission::from_markdown(&agreement, party, &file.name);
    Ok(Read { submission, encoding: TextEncoding::Utf8 })
}

/// Shows the Open dialog and reads the file chosen; none when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_intake(window: tauri::WebviewWindow, pending: State<'_, Pending>) -> IpcResult<Option<ChosenFile>> {
    let Some(path) = files::choose_to_open(&window, files::SUBMISSIONS).await else {
        return Ok(None);
    };
    let file = Chosen::read(&path).await?;
    let (name, is_table) = (file.name.clone(), file.is_table());
    Ok(Some(ChosenFile { handle: pending.keep(file), name, is_table }))
}

#[tauri::command]
#[specta::specta]
pub async fn preview_intake(
    workbench: State<'_, Workbench>,
    pending: State<'_, Pending>,
    negotiation_id: i64,
    handle: u32,
    party: Option<String>,
) -> IpcResult<IntakePreview> {
    let Read { submission, encoding } = submission(&*pending.get(handle)?, party.as_deref())?;
    let plan = workbench.record().plan_intake(negotiation_id, &submission).await?;
    Ok(IntakePreview { plan, encoding, source_name: submission.source_name })
}

#[tauri::command]
#[specta::specta]
pub async fn take_in(
    workbench: State<'_, Workbench>,
    pending: State<'_, Pending>,
    negotiation_id: i64,
    handle: u32,
    party: Option<String>,
    provenance: Provenance,
) -> IpcResult<IntakePlan> {
    let Read { submission, .. } = submission(&*pending.get(handle)?, party.as_deref())?;
    let plan = workbench.record().take_in(negotiation_id, &submission, &provenance, &workbench.who()).await?;
    pending.release(handle);
    Ok(plan)
}
