//! The shared record: a negotiation record on a PostgreSQL server, which several people write at once,
//! each seeing only what their side may see.
//!
//! The record's rules are the core's (`trilogue_core::record`), the same as over a workbench file; this
//! crate gives them a PostgreSQL transaction (`tx`) and holds the calls a front end makes: reading the
//! record (`read`, `reader`, `history`), changing clauses (`clauses`), importing whole files (`imports`), sessions
//! and delegations (`sessions`), the agreement's settlement (`settlement`). It keeps the record's people
//! (`server`: each user a database role of their own, of one organisation and side), tells open views
//! what changed (`live`) and copies records in and out (`copy`). What a side may not see, the database
//! itself hides: row-level security in `migrations/`.

mod clauses;
pub mod copy;
mod history;
mod imports;
mod library;
mod live;
mod read;
mod reader;
mod record;
mod search;
mod server;
mod sessions;
mod settlement;
mod tx;

pub use live::{Change, Listener};
pub use read::ClauseView;
pub use record::Record;
pub use server::{Member, NewMember, Server, is_server_url};
