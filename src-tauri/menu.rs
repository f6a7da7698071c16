//! The window's menu. Its items do nothing on the Rust side but tell the UI which was chosen
//! (`MenuCommand`), so that File › Open workbench and the Settings button take one path: the same
//! native dialog, the same command, the same error display.

use serde::{Deserialize, Serialize};
use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Runtime};
use tauri_specta::Event;

/// A menu item the user chose.
#[derive(Serialize, Deserialize, Debug, Clone, specta::Type, Event)]
#[serde(rename_all = "snake_case")]
pub enum MenuCommand {
    OpenWorkbench,
    ConnectServer,
    Search,
}

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let open = MenuItemBuilder::with_id("open_workbench", "Open workbench…").accelerator("CmdOrCtrl+O").build(app)?;
    let connect = MenuItemBuilder::with_id("connect_server", "Connect to a server…").build(app)?;
    let search = MenuItemBuilder::with_id("search", "Search…").accelerator("CmdOrCtrl+K").build(app)?;
    let file = SubmenuBuilder::new(app, "File").item(&open).item(&connect).separator().quit().build()?;
    let edit = SubmenuBuilder::new(app, "Edit").undo().redo().separator().cut().copy().paste().select_all().build()?;
    let find = SubmenuBuilder::new(app, "Go").item(&search).build()?;
    MenuBuilder::new(app).items(&[&file, &edit, &find]).build()
}

/// Passes a chosen item on to the UI.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, id: &str) {
    let command = match id {
        "open_workbench" => MenuCommand::OpenWorkbench,
        "connect_server" => MenuCommand::ConnectServer,
        "search" => MenuCommand::Search,
        _ => return,
    };
    let _ = command.emit(app);
}
