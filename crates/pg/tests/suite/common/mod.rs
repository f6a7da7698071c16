//! What the shared record's tests share: a throwaway database of its own on the PostgreSQL server the
//! test command started (`scripts/test` runs the suite under Debian's `pg_virtualenv`, which sets
//! PGHOST, PGPORT, PGUSER and PGPASSWORD), set up as a shared record, with members of two sides.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use sqlx::{Connection, PgConnection};
use trilogue_core::model::{Level, Side};
use trilogue_core::store::{NewNegotiation, NewParty};
use trilogue_core::{Store, Who};
use trilogue_pg::{NewMember, Server};

pub fn now() -> DateTime<Utc> {
    "2026-11-24T09:00:00Z".parse().unwrap()
}

/// The server the test command started.
pub fn server_env() -> (String, String) {
    let host = std::env::var("PGHOST").unwrap_or_else(|_| {
        panic!("the shared record's tests need a PostgreSQL server: run them with scripts/test, or under pg_virtualenv")
    });
    (host, std::env::var("PGPORT").unwrap_or_else(|_| "5432".into()))
}

/// A fresh database set up as a shared record; its owner's connection.
pub struct Record {
    pub db: String,
    pub owner: Server,
}

impl Record {
    pub async fn new(name: &str) -> Record {
        server_env();
        let db = format!("trilogue_test_{name}_{}", std::process::id());
        let mut admin = PgConnection::connect("postgres:///postgres").await.unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {db}"))).execute(&mut admin).await.unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db}"))).execute(&mut admin).await.unwrap();
        let owner = Server::install(&format!("postgres:///{db}")).await.unwrap();
        Record { db, owner }
    }

    /// Adds a member (role names are the cluster's: each test's carry its database's name) and
    /// connects as them.
    pub async fn member(&self, who: &str, organisation: &str, side: Side) -> (Server, String) {
        let role = self.role(who);
        let new = NewMember {
            role: role.clone(),
            password: format!("pw-{role}"),
            name: who.to_string(),
            organisation: organisation.into(),
            side,
        };
        self.owner.add_member(&new, now()).await.unwrap();
        (Server::connect(&self.url_as(&role)).await.unwrap(), role)
    }

    pub fn role(&self, who: &str) -> String {
        format!("{}_{who}", self.db.trim_start_matches("trilogue_test_"))
    }

    /// The URL a member logs in with: their own role and password, over TCP.
    pub fn url_as(&self, role: &str) -> String {
        let (host, port) = server_env();
        let host = if host.starts_with('/') { "localhost".to_string() } else { host };
        format!("postgres://{role}:pw-{role}@{host}:{port}/{}", self.db)
    }

    /// A negotiation of a union side and an employers' side, as the owner sets it up.
    pub async fn negotiation(&self) -> (i64, i64, i64) {
        let (new, parties) = union_and_employers();
        let (n, parties) =
            self.owner.create_negotiation(&new, &parties, &self.owner.who("secretariat", now())).await.unwrap();
        (n.id, parties[0].id, parties[1].id)
    }
}

/// The same negotiation on a workbench file, as the secretariat sets it up.
pub async fn negotiation_on_file(store: &Store) -> (i64, i64, i64) {
    let (new, parties) = union_and_employers();
    let (n, parties) = store.create_negotiation(&new, &parties, &Who::at("secretariat", now())).await.unwrap();
    (n.id, parties[0].id, parties[1].id)
}

fn union_and_employers() -> (NewNegotiation, [NewParty; 2]) {
    let mut new = NewNegotiation::titled("Sectoral agreement: AI at work", Level::Sectoral);
    new.languages = vec!["ru".into(), "kk".into()];
    let party = |name: &str, side, label: &str, colour: &str| NewParty {
        name: name.into(),
        side: Some(side),
        label: label.into(),
        colour: colour.into(),
    };
    (
        new,
        [party("Trade unions", Side::Workers, "TU", "#1f77b4"), party("Employers", Side::Employers, "EMP", "#d62728")],
    )
}
