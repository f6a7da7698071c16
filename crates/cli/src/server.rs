//! `server`: a shared record on a PostgreSQL server — setting it up, and its members.

use std::io::BufRead;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::{DateTime, Utc};
use trilogue_core::Store;
use trilogue_core::model::Side;
use trilogue_core::words::{Arg, Words};
use trilogue_pg::copy::{file_to_server, server_to_file};
use trilogue_pg::{NewMember, Record, Server, is_server_url};

use crate::ServerCommand;
use crate::commands::{Ctx, listing, say};

pub(crate) async fn run(db: Option<&Path>, command: ServerCommand, now: DateTime<Utc>, w: &Words) -> Result<()> {
    let url = db.map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    if !is_server_url(&url) {
        bail!(w.t("cli-server-needs-url"));
    }
    match command {
        ServerCommand::Install => {
            let server = Server::install(&url).await?;
            let shown = server.shown().to_string();
            server.close().await;
            say(w.f("cli-server-installed", &[("url", (&shown).into())]))
        }
        ServerCommand::AddMember { role, name, organisation, side } => {
            let side = Side::parse(&side)?;
            let mut password = String::new();
            std::io::stdin().lock().read_line(&mut password)?;
            let password = password.trim_end_matches(['\r', '\n']).to_string();
            if password.is_empty() {
                bail!(w.t("cli-server-needs-password"));
            }
            let server = Server::connect(&url).await?;
            let member = server.add_member(&NewMember { role, password, name, organisation, side }, now).await?;
            server.close().await;
            let side = w.name("side", member.side.as_str());
            let args = [("role", (&member.role).into()), ("side", (&side).into())];
            say(w.f("cli-server-member-added", &args))
        }
        ServerCommand::Members { json } => {
            let server = Server::connect(&url).await?;
            let members = server.members().await?;
            server.close().await;
            listing(json, &members, |list| {
                for m in list {
                    println!("{}\t{}\t{}\t{}", m.role, w.name("side", m.side.as_str()), m.organisation, m.name);
                }
            })
        }
        ServerCommand::Whoami { json } => {
            let server = Server::connect(&url).await?;
            let me = server.me().cloned();
            server.close().await;
            listing(json, &me, |me| match me {
                Some(m) => println!("{}\t{}\t{}\t{}", m.role, m.side.as_str(), m.organisation, m.name),
                None => println!("{}", w.t("cli-server-owner")),
            })
        }
    }
}

/// `copy --to`: a workbench file's negotiations to an empty shared record, or a shared record's to a
/// new workbench file, whole or not at all.
pub(crate) async fn copy(ctx: &Ctx, to: &str) -> Result<()> {
    let (copied, shown) = match (&ctx.record, is_server_url(to)) {
        (Record::File(store), true) => {
            let server = Server::connect(to).await?;
            let copied = file_to_server(store, &server).await;
            let shown = server.shown().to_string();
            server.close().await;
            (copied?, shown)
        }
        (Record::Server(server), false) => {
            let store = Store::open(to).await?;
            let copied = server_to_file(server, &store).await;
            let shown = store.path().display().to_string();
            store.close().await;
            (copied?, shown)
        }
        _ => bail!(ctx.f("cli-copy-where", &[])),
    };
    let args: [(&str, Arg); 3] =
        [("negotiations", copied.negotiations.into()), ("rows", copied.rows.into()), ("to", (&shown).into())];
    ctx.say("cli-copied", &args)
}
