// No console window on Windows in release.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

//! Trilogue's desktop app: a thin shell over the core. The window shows the UI in ui/; the UI reaches
//! the core only through the commands in commands/, each granted in capabilities/.

mod bindings;
mod commands;
mod error;
mod files;
mod live;
mod menu;
mod rendering;
mod state;

use tauri::Manager;

fn main() {
    rendering::paint_on_the_cpu_without_gpu();
    let builder = bindings::builder();
    let mut context = tauri::generate_context!();
    // a development build has its own identifier, hence its own data folder and workbench
    context.config_mut().identifier = trilogue_core::store::APP_IDENTIFIER.into();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .invoke_handler(builder.invoke_handler())
        .menu(menu::build)
        .on_menu_event(|app, event| menu::on_event(app, event.id().as_ref()))
        .setup(move |app| {
            builder.mount_events(app);
            let path = match state::requested_db() {
                Some(path) => path,
                None => app.path().app_data_dir()?.join("workbench.sqlite3"),
            };
            let (record, fresh) = tauri::async_runtime::block_on(state::open_first(path))?;
            app.manage(state::Workbench::new(record, fresh));
            app.state::<state::Workbench>().follow(app.handle());
            app.manage(files::Pending::default());
            Ok(())
        })
        .run(context)
        .expect("the Trilogue window could not be started");
}
