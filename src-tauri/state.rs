//! The workbench the app has open, and where it comes from: `--db PATH`, else `TRILOGUE_DB`, else the
//! app's own file in the OS's app data folder, created with the demo on first run. File › Open
//! workbench swaps it for another while the app runs.

use std::path::PathBuf;
use std::sync::RwLock;

use chrono::{DateTime, Utc};
use trilogue_core::{Store, Who, demo};

/// The open workbench, managed by Tauri. Commands take a cheap handle to the store (a pool) and never
/// hold the lock across an await, so opening another workbench never waits on a running command.
pub struct Workbench {
    store: RwLock<Store>,
    /// The person acting, recorded with every change.
    actor: String,
}

impl Workbench {
    pub fn new(store: Store) -> Self {
        let actor = std::env::var("TRILOGUE_USER").or_else(|_| std::env::var("USER")).unwrap_or_else(|_| "me".into());
        Workbench { store: RwLock::new(store), actor }
    }

    pub fn store(&self) -> Store {
        self.store.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The time: the app hands the core the real clock.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    /// The acting person, now.
    pub fn who(&self) -> Who {
        Who::at(self.actor.clone(), self.now())
    }

    /// Makes `store` the open workbench; commands already running finish on the one they started with.
    pub fn replace(&self, store: Store) {
        *self.store.write().unwrap_or_else(|e| e.into_inner()) = store;
    }
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

/// Opens the workbench the app starts on. One the app creates is given the demo negotiation, so a
/// newcomer lands on a real dashboard; a workbench that exists but holds no negotiation yet (made with
/// the CLI, or started empty) opens on setting up a negotiation.
pub async fn open_first(path: PathBuf) -> trilogue_core::Result<Store> {
    let fresh = !path.exists();
    let store = Store::open(&path).await?;
    if fresh {
        demo::load_demo(&store, Utc::now()).await?;
    }
    Ok(store)
}
