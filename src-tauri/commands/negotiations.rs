//! The workbench and its negotiations: what the dashboard shows.

use serde::Serialize;
use tauri::State;
use trilogue_core::model::{Event, Negotiation};
use trilogue_core::store::NegotiationSummary;
use trilogue_core::views::Overview;
use trilogue_core::words::Lang;
use trilogue_core::{Store, demo};

use crate::error::IpcResult;
use crate::files;
use crate::state::Workbench;

#[derive(Serialize, specta::Type)]
pub struct WorkbenchInfo {
    pub path: String,
    pub actor: String,
    /// Created by this run and still empty: the interface opens the demo on it, in its language.
    pub fresh: bool,
}

#[tauri::command]
#[specta::specta]
pub fn workbench_info(workbench: State<'_, Workbench>) -> WorkbenchInfo {
    WorkbenchInfo {
        path: workbench.store().path().display().to_string(),
        actor: workbench.actor().to_string(),
        fresh: workbench.fresh(),
    }
}

/// Loads the demo negotiation in `lang` (once per language) and returns it.
#[tauri::command]
#[specta::specta]
pub async fn load_demo(workbench: State<'_, Workbench>, lang: Lang) -> IpcResult<Negotiation> {
    let negotiation = demo::load_demo(&workbench.store(), workbench.now(), lang).await?;
    workbench.settled();
    Ok(negotiation)
}

/// The language the interface speaks, in which the core's refusals reach it.
#[tauri::command]
#[specta::specta]
pub fn set_language(lang: Lang) {
    crate::error::speak(lang);
}

/// Opens another workbench file (File › Open workbench), chosen in the native Open dialog; none when
/// the user cancels. A file that is not a Trilogue workbench, is damaged, was changed outside Trilogue
/// or is newer than this app is refused by the core and left untouched; the open one stays.
#[tauri::command]
#[specta::specta]
pub async fn open_workbench(
    window: tauri::WebviewWindow,
    workbench: State<'_, Workbench>,
) -> IpcResult<Option<WorkbenchInfo>> {
    let Some(path) = files::choose_to_open(&window, files::WORKBENCHES).await else {
        return Ok(None);
    };
    workbench.replace(Store::open(&path).await?);
    Ok(Some(workbench_info(workbench)))
}

#[tauri::command]
#[specta::specta]
pub async fn negotiations(workbench: State<'_, Workbench>) -> IpcResult<Vec<NegotiationSummary>> {
    Ok(workbench.store().negotiations().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn overview(workbench: State<'_, Workbench>, negotiation_id: i64) -> IpcResult<Overview> {
    let negotiation = workbench.store().negotiation(negotiation_id).await?;
    Ok(Overview::load(&workbench.store(), negotiation, workbench.now()).await?)
}

/// The newest events of a negotiation's journal, newest first.
#[tauri::command]
#[specta::specta]
pub async fn recent_events(workbench: State<'_, Workbench>, negotiation_id: i64, limit: u32) -> IpcResult<Vec<Event>> {
    Ok(workbench.store().recent_events(negotiation_id, i64::from(limit)).await?)
}
