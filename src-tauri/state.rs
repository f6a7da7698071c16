//! The workbench the app has open, and where it comes from: `--db PATH`, else `TRILOGUE_DB`, else the
//! app's own file in the OS's app data folder, created with the demo on first run.

use std::path::PathBuf;

use trilogue_core::{Store, demo};

pub struct Workbench {
    pub store: Store,
    /// The person acting, recorded with every change.
    pub actor: String,
}

/// The workbench file named on the command line or in the environment, if any.
pub fn requested_db() -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.strip_prefix("--db=") {
            return Some(PathBuf::from(path));
        }
    }
    std::env::var_os("TRILOGUE_DB").map(PathBuf::from)
}

/// Opens the workbench; a new one is given the demo negotiation so a newcomer lands on a real dashboard.
pub async fn open(path: PathBuf) -> trilogue_core::Result<Workbench> {
    let fresh = !path.exists();
    let store = Store::open(&path).await?;
    if fresh || store.negotiations().await?.is_empty() {
        demo::load_demo(&store).await?;
    }
    let actor = std::env::var("TRILOGUE_USER").or_else(|_| std::env::var("USER")).unwrap_or_else(|_| "me".into());
    Ok(Workbench { store, actor })
}
