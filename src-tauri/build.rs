// The app's own commands are declared in an app manifest, so that the capability files govern them
// like any plugin's: a command not granted in src-tauri/capabilities/ cannot be called.
fn main() {
    let manifest = tauri_build::AppManifest::new().commands(&include!("commands/names.in"));
    let attributes =
        tauri_build::Attributes::new().app_manifest(manifest).capabilities_path_pattern("src-tauri/capabilities/**/*");
    tauri_build::try_build(attributes).expect("tauri build script");
}
