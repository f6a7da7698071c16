//! The record the app has open, and where it comes from: `--db PATH` (or a server's `postgres://` URL),
//! else `TRILOGUE_DB`, else the app's own file in the OS's app data folder. A workbench this run created
//! is *fresh*: the interface opens the demo in its own language on it
//! (`commands::negotiations::load_demo`). File › Open workbench and File › Connect to a server swap it
//! for another while the app runs.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, RwLock};

use chrono::{DateTime, Utc};
use trilogue_core::{Store, Who};
use trilogue_pg::Record;

/// The open record, managed by Tauri. Commands take a cheap handle to it (a pool) and never hold the
/// lock across an await, so opening another record never waits on a running command.
pub struct Workbench {
    record: RwLock<Record>,
    /// The task that follows a shared record's changes (`live`); none on a file.
    following: Mutex<Option<tauri::async_runtime::JoinHandle<()>>>,
    /// The person acting, recorded with every change.
    actor: String,
    /// The workbench was created by this run and nothing has been put in it yet.
    fresh: AtomicBool,
}

impl Workbench {
    pub fn new(record: Record, fresh: bool) -> Self {
        let actor = std::env::var("TRILOGUE_USER").or_else(|_| std::env::var("USER")).unwrap_or_else(|_| "me".into());
        Workbench { record: RwLock::new(record), following: Mutex::default(), actor, fresh: AtomicBool::new(fresh) }
    }

    /// Whether the workbench is one this run created, still empty.
    pub fn fresh(&self) -> bool {
        self.fresh.load(Ordering::Relaxed)
    }

    /// Something was put into the workbench, or another one opened: it is no longer fresh.
    pub fn settled(&self) {
        self.fresh.store(false, Ordering::Relaxed);
    }

    pub fn record(&self) -> Record {
        self.record.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The person acting: on a shared record, the member's login.
    pub fn actor(&self) -> String {
        self.who().name
    }

    /// The time: the app hands the core the real clock.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    /// The acting person, now.
    pub fn who(&self) -> Who {
        self.record().who(&self.actor, self.now())
    }

    /// Makes `record` the open one; commands already running finish on the one they started with.
    pub fn replace(&self, app: &tauri::AppHandle, record: Record) {
        self.settled();
        *self.record.write().unwrap_or_else(|e| e.into_inner()) = record;
        self.follow(app);
    }

    /// Follows the open record's changes, if it is a shared one, and stops following the one before.
    pub fn follow(&self, app: &tauri::AppHandle) {
        let next = crate::live::follow(app, &self.record());
        let before = std::mem::replace(&mut *self.following.lock().unwrap_or_else(|e| e.into_inner()), next);
        if let Some(task) = before {
            task.abort();
        }
    }
}

/// The workbench file (or server) named on the command line or in the environment, if any.
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
pub async fn open_first(path: PathBuf) -> trilogue_core::Result<(Record, bool)> {
    let given = path.to_string_lossy();
    if trilogue_pg::is_server_url(&given) {
        return Ok((Record::open(&given).await?, false));
    }
    let fresh = !path.exists();
    Ok((Record::File(Store::open(&path).await?), fresh))
}
