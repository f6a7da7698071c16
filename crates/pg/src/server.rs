//! Connecting to a shared record, setting one up, and its members.

use chrono::{DateTime, Utc};
use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use std::str::FromStr;
use std::sync::Arc;

use trilogue_core::diff_cache::DiffCache;
use trilogue_core::message::Msg;
use trilogue_core::model::Side;
use trilogue_core::{Error, Result, Who};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// A member of a shared record: a login role, the person's name, and the organisation and side they
/// sit for.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Member {
    pub role: String,
    pub name: String,
    pub organisation: String,
    pub side: Side,
}

/// A member to add: their login role and its first password.
#[derive(Debug, Clone)]
pub struct NewMember {
    pub role: String,
    pub password: String,
    pub name: String,
    pub organisation: String,
    pub side: Side,
}

/// An open shared record, as the role connected: a member (who sees what their side may see) or the
/// record's owner (who sets it up, adds members and copies records in and out).
#[derive(Clone, Debug)]
pub struct Server {
    pub(crate) pool: PgPool,
    me: Option<Member>,
    shown: String,
    /// The word diffs made so far, shared by every clone of this connection.
    pub(crate) diffs: Arc<DiffCache>,
}

/// Whether `--db` names a server rather than a file.
pub fn is_server_url(given: &str) -> bool {
    let lower = given.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// A URL as it may be shown: without its password.
fn shown(options: &PgConnectOptions) -> String {
    let user = options.get_username();
    let host = options.get_host();
    let db = options.get_database().unwrap_or(user);
    format!("postgres://{user}@{host}:{}/{db}", options.get_port())
}

/// The connection options of a URL; `postgres://` alone takes the libpq variables (PGHOST, PGUSER…).
fn options(url: &str) -> Result<PgConnectOptions> {
    PgConnectOptions::from_str(url).map_err(|e| Error::Invalid(Msg::UrlNotFile { url: e.to_string() }))
}

impl Server {
    /// Sets up a shared record in an empty database (or brings an older one up to date), with the
    /// standards and the clause library this build ships, as its owner.
    pub async fn install(url: &str) -> Result<Server> {
        let options = options(url)?;
        let pool = PgPoolOptions::new().max_connections(4).connect_with(options.clone()).await?;
        MIGRATOR.run(&pool).await?;
        let server = Server { pool, me: None, shown: shown(&options), diffs: Arc::default() };
        server.seed_library().await?;
        Ok(server)
    }

    /// Opens a shared record as the role the URL names. A database that holds none, one set up by a
    /// newer Trilogue, or a role that is neither its owner nor a member is refused.
    pub async fn connect(url: &str) -> Result<Server> {
        Server::connect_with(url, 8).await
    }

    /// `connect`, with the password given apart from the URL (as a login form takes it); an empty one
    /// leaves the URL's, or the one libpq finds (`PGPASSWORD`, `~/.pgpass`).
    pub async fn login(url: &str, password: &str) -> Result<Server> {
        let options = options(url)?;
        let options = if password.is_empty() { options } else { options.password(password) };
        Server::open(options, 8).await
    }

    /// `connect`, with at most `connections` open at once.
    pub async fn connect_with(url: &str, connections: u32) -> Result<Server> {
        Server::open(options(url)?, connections).await
    }

    async fn open(options: PgConnectOptions, connections: u32) -> Result<Server> {
        let shown = shown(&options);
        let role = options.get_username().to_string();
        let pool = match PgPoolOptions::new().max_connections(connections).connect_with(options).await {
            Ok(pool) => pool,
            Err(e) => {
                return Err(match e.as_database_error().and_then(|d| d.code()).as_deref() {
                    // only the record's members and its owner may connect to its database
                    Some("42501") => Error::NotFound(Msg::NotAMember { role }),
                    Some("28P01") => Error::Invalid(Msg::WrongPassword { role }),
                    Some(_) => e.into(),
                    // nothing answered as a PostgreSQL server: no such host, nothing listening, no TLS
                    None => Error::NotFound(Msg::ServerUnreachable { url: shown, detail: e.to_string() }),
                });
            }
        };
        let schema: Option<String> = sqlx::query_scalar!(
            r#"SELECT value as "value!" FROM trilogue_meta WHERE key = 'schema'
               AND EXISTS (SELECT FROM trilogue_meta WHERE key = 'app' AND value = 'trilogue')"#
        )
        .fetch_optional(&pool)
        .await
        .map_err(|_| Error::NotFound(Msg::NotASharedRecord { url: shown.clone() }))?;
        let schema: i64 =
            schema.and_then(|s| s.parse().ok()).ok_or(Error::NotFound(Msg::NotASharedRecord { url: shown.clone() }))?;
        let known = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
        if schema > known {
            return Err(Error::NewerSchema { path: shown.clone().into(), found: schema, known });
        }
        let me = member(&pool).await?;
        if me.is_none() && !owns_record(&pool).await? {
            let role: String = sqlx::query_scalar!(r#"SELECT current_user as "role!""#).fetch_one(&pool).await?;
            return Err(Error::NotFound(Msg::NotAMember { role }));
        }
        Ok(Server { pool, me, shown, diffs: Arc::default() })
    }

    /// The member connected; none for the record's owner.
    pub fn me(&self) -> Option<&Member> {
        self.me.as_ref()
    }

    /// Where the record is, without a password.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Who does something now: the member connected, under their role (the database records nothing
    /// else); the owner under `owner_name`.
    pub fn who(&self, owner_name: &str, now: DateTime<Utc>) -> Who {
        Who::at(self.me.as_ref().map_or(owner_name, |m| &m.role), now)
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    pub async fn close(self) {
        self.pool.close().await;
    }

    /// Adds a member, as the owner: a login role of their own in the record's group, with a first
    /// password, and the organisation and side they sit for. A role that exists already joins as it is.
    pub async fn add_member(&self, new: &NewMember, now: DateTime<Utc>) -> Result<Member> {
        let role = new.role.trim();
        let valid = role.starts_with(|c: char| c.is_ascii_lowercase())
            && role.len() <= 63
            && role.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid || role.starts_with("pg_") || role.starts_with("trilogue_") {
            return Err(Error::Invalid(Msg::NotARoleName { value: role.to_string() }));
        }
        let mut tx = self.pool.begin().await?;
        let exists = sqlx::query_scalar!("SELECT 1 as one FROM pg_roles WHERE rolname = $1", role)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        // role names and passwords cannot be bound parameters: the server quotes them (format %I, %L)
        let statement = if exists {
            sqlx::query_scalar!(r#"SELECT format('GRANT %I TO %I', trilogue_group(), $1::text) as "s!""#, role)
                .fetch_one(&mut *tx)
                .await?
        } else {
            sqlx::query_scalar!(
                r#"SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', $1::text, $2::text, trilogue_group())
                   as "s!""#,
                role,
                new.password
            )
            .fetch_one(&mut *tx)
            .await?
        };
        sqlx::raw_sql(sqlx::AssertSqlSafe(statement)).execute(&mut *tx).await?;
        let (side, at) = (new.side.as_str(), trilogue_core::store::stamp(now));
        sqlx::query!(
            "INSERT INTO members (role, name, organisation, side, added_at) VALUES ($1, $2, $3, $4, $5)",
            role,
            new.name.trim(),
            new.organisation.trim(),
            side,
            at
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Member {
            role: role.into(),
            name: new.name.trim().into(),
            organisation: new.organisation.trim().into(),
            side: new.side,
        })
    }

    /// The record's members, by role.
    pub async fn members(&self) -> Result<Vec<Member>> {
        let rows = sqlx::query!("SELECT role, name, organisation, side FROM members ORDER BY role")
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter()
            .map(|r| {
                Ok(Member { role: r.role, name: r.name, organisation: r.organisation, side: Side::parse(&r.side)? })
            })
            .collect()
    }
}

async fn member(pool: &PgPool) -> Result<Option<Member>> {
    let row = sqlx::query!("SELECT role, name, organisation, side FROM members WHERE role = current_user")
        .fetch_optional(pool)
        .await;
    // a role outside the members' group may not even read who the members are
    let row = match row {
        Err(e) if e.as_database_error().and_then(|d| d.code()).as_deref() == Some("42501") => None,
        other => other?,
    };
    row.map(|r| Ok(Member { role: r.role, name: r.name, organisation: r.organisation, side: Side::parse(&r.side)? }))
        .transpose()
}

async fn owns_record(pool: &PgPool) -> Result<bool> {
    Ok(sqlx::query_scalar!(
        r#"SELECT pg_has_role(current_user, tableowner, 'USAGE') as "owns!" FROM pg_tables
           WHERE schemaname = 'public' AND tablename = 'events'"#
    )
    .fetch_optional(pool)
    .await?
    .unwrap_or(false))
}
