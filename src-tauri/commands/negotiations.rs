//! The workbench and its negotiations: what the dashboard shows.

use serde::Serialize;
use tauri::{Manager, State};
use trilogue_core::message::Msg;
use trilogue_core::model::{Event, Negotiation, Side};
use trilogue_core::store::NegotiationSummary;
use trilogue_core::views::Overview;
use trilogue_core::words::Lang;
use trilogue_core::{Reader, Store};
use trilogue_pg::Record;

use crate::error::IpcResult;
use crate::files;
use crate::state::Workbench;

#[derive(Serialize, specta::Type)]
pub struct WorkbenchInfo {
    /// The file's path, or the server's URL without a password.
    pub path: String,
    /// A shared record on a server, not a workbench file.
    pub server: bool,
    pub actor: String,
    /// On a shared record, the member connected: their organisation and side (none for its owner).
    pub shared: Option<SharedAs>,
    /// Created by this run and still empty: the interface opens the demo on it, in its language.
    pub fresh: bool,
}

/// Who a shared record's user sits for.
#[derive(Serialize, specta::Type)]
pub struct SharedAs {
    pub name: String,
    pub organisation: String,
    pub side: Side,
}

#[tauri::command]
#[specta::specta]
pub fn workbench_info(workbench: State<'_, Workbench>) -> WorkbenchInfo {
    let record = workbench.record();
    let member = record.server().and_then(|s| s.me());
    WorkbenchInfo {
        path: record.shown(),
        server: record.server().is_some(),
        actor: workbench.actor(),
        shared: member.map(|m| SharedAs { name: m.name.clone(), organisation: m.organisation.clone(), side: m.side }),
        fresh: workbench.fresh(),
    }
}

/// Someone the record names by login (an author, who initialed): on a shared record, each member.
#[derive(Serialize, specta::Type)]
pub struct Person {
    pub login: String,
    pub name: String,
    pub organisation: String,
}

/// The people of a shared record, so that views show their names rather than their logins; none on a
/// workbench file, whose people are named as they typed their names.
#[tauri::command]
#[specta::specta]
pub async fn people(workbench: State<'_, Workbench>) -> IpcResult<Vec<Person>> {
    let Some(server) = workbench.record().server().cloned() else { return Ok(Vec::new()) };
    let members = server.members().await?;
    Ok(members.into_iter().map(|m| Person { login: m.role, name: m.name, organisation: m.organisation }).collect())
}

/// Loads the demo negotiation in `lang` (once per language) and returns it; on a server, its owner
/// loads it into an empty record.
#[tauri::command]
#[specta::specta]
pub async fn load_demo(workbench: State<'_, Workbench>, lang: Lang) -> IpcResult<Negotiation> {
    let negotiation = workbench.record().load_demo(workbench.now(), lang).await?;
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
    workbench.replace(window.app_handle(), Record::File(Store::open(&path).await?));
    Ok(Some(workbench_info(workbench)))
}

/// Opens a shared record on a PostgreSQL server (File › Connect to a server), as the member whose
/// login the address names, with their password. A server that cannot be reached, a wrong password or
/// a login that is not a member is refused in words; the record open before stays open.
#[tauri::command]
#[specta::specta]
pub async fn connect_server(
    window: tauri::WebviewWindow,
    workbench: State<'_, Workbench>,
    url: String,
    password: String,
) -> IpcResult<WorkbenchInfo> {
    if !trilogue_pg::is_server_url(&url) {
        return Err(trilogue_core::Error::Invalid(Msg::NotAServerAddress { value: url }).into());
    }
    let server = trilogue_pg::Server::login(url.trim(), &password).await?;
    workbench.replace(window.app_handle(), Record::Server(server));
    Ok(workbench_info(workbench))
}

#[tauri::command]
#[specta::specta]
pub async fn negotiations(workbench: State<'_, Workbench>) -> IpcResult<Vec<NegotiationSummary>> {
    Ok(workbench.record().negotiations().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn overview(workbench: State<'_, Workbench>, negotiation_id: i64) -> IpcResult<Overview> {
    let record = workbench.record();
    let negotiation = record.negotiation(negotiation_id).await?;
    Ok(Overview::load(&record, negotiation, workbench.now()).await?)
}

/// The newest events of a negotiation's journal, newest first.
#[tauri::command]
#[specta::specta]
pub async fn recent_events(workbench: State<'_, Workbench>, negotiation_id: i64, limit: u32) -> IpcResult<Vec<Event>> {
    Ok(workbench.record().recent_events(negotiation_id, i64::from(limit)).await?)
}
