//! `server`: a shared record on a PostgreSQL server — setting it up, and its members.

use std::io::BufRead;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::{DateTime, Utc};
use trilogue_core::model::Side;
use trilogue_core::words::Words;
use trilogue_pg::{NewMember, Server, is_server_url};

use crate::ServerCommand;
use crate::commands::{listing, say};

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
