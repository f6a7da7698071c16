//! The app's commands, grouped by area. Each is a few lines that call the core.

pub mod clauses;
pub mod exchange;
pub mod negotiations;
pub mod texts;

use tauri::State;
use trilogue_core::Who;

use crate::state::Workbench;

/// The acting person, now.
fn who(workbench: &State<'_, Workbench>) -> Who {
    Who::now(workbench.actor.clone())
}
