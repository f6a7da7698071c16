//! The workbench the app has open, and where it comes from: `--db PATH`, else `TRILOGUE_DB`, else the
//! app's own file in the OS's app data folder. A workbench this run created is *fresh*: the interface
//! opens the demo in its own language on it (`commands::negotiations::load_demo`). File › Open
//! workbench swaps it for another while the app runs.

use std::path::PathBuf;
use std::sync::RwLock;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};
use trilogue_core::{Store, Who};

/// The open workbench, managed by Tauri. Commands take a cheap handle to the store (a pool) and never
/// hold the lock across an await, so opening another workbench never waits on a running command.
pub struct Workbench {
    store: RwLock<Store>,
    /// The person acting, recorded with every change.
    actor: String,
    /// The workbench was created by this run and nothing has been put in it yet.
    fresh: AtomicBool,
}

impl Workbench {
    pub fn new(store: Store, fresh: bool) -> Self {
        let actor = std::env::var("TRILOGUE_USER").or_else(|_| std::env::var("USER")).unwrap_or_else(|_| "me".into());
        Workbench { store: RwLock::new(store), actor, fresh: AtomicBool::new(fresh) }
    }

    /// Whether the workbench is one this run created, still empty.
    pub fn fresh(&self) -> bool {
        self.fresh.load(Ordering::Relaxed)
    }

    /// Something was put into the workbench, or another one opened: it is no longer fresh.
    pub fn settled(&self) {
        self.fresh.store(false, Ordering::Relaxed);
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
        self.settled();
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

/// Opens the workbench the app starts on, creating it if it does not exist; says whether it did. A
/// workbench that exists but holds no negotiation yet (made with the CLI, or started empty) opens on
/// setting up a negotiation, with the demo offered.
pub async fn open_first(path: PathBuf) -> trilogue_core::Result<(Store, bool)> {
    let fresh = !path.exists();
    Ok((Store::open(&path).await?, fresh))
}
