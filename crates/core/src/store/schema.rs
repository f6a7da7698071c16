//! A workbench file from elsewhere is data: before Trilogue writes to one, its schema must be exactly
//! the one Trilogue's own migrations create — the same tables, indexes, triggers and views, nothing
//! more and nothing less. A trigger that rewrites texts as they are inserted, or a view that shadows a
//! table, would otherwise run with the user's trust. And every connection is opened defensively:
//! SQL in the schema may not call functions with side effects (`trusted_schema` off), and the schema
//! cannot be written through PRAGMAs (SQLite's defensive mode).

use std::collections::{BTreeSet, HashMap};
use std::os::raw::c_int;
use std::sync::{Mutex, OnceLock};

use sqlx::SqliteConnection;
use sqlx::migrate::Migrator;
use sqlx::sqlite::SqlitePoolOptions;

use super::MIGRATOR;
use crate::error::Result;
use crate::message::Msg;

/// One object of a schema: (type, name, table, SQL with its whitespace collapsed).
type Object = (String, String, String, String);

/// A schema: what `sqlite_schema` lists, apart from the statistics SQLite's `ANALYZE` may add.
async fn schema_of(conn: &mut SqliteConnection) -> Result<BTreeSet<Object>> {
    let rows: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT IN ('sqlite_stat1', 'sqlite_stat4')",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(kind, name, table, sql)| (kind, name, table, normalised(&sql.unwrap_or_default())))
        .collect())
}

/// SQL as written, with layout taken out: whitespace runs become one space, and none is kept beside
/// brackets, commas and semicolons — so the same statement laid out differently compares equal.
fn normalised(sql: &str) -> String {
    let collapsed = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    let tight = |c: char| matches!(c, '(' | ')' | ',' | ';');
    let chars: Vec<char> = collapsed.chars().collect();
    let mut out = String::with_capacity(collapsed.len());
    for (i, &c) in chars.iter().enumerate() {
        let beside_tight = (i > 0 && tight(chars[i - 1])) || chars.get(i + 1).is_some_and(|&n| tight(n));
        if c == ' ' && beside_tight {
            continue;
        }
        out.push(c);
    }
    out
}

/// The schema Trilogue's migrations create when exactly `applied` of them have run, made once per set
/// in a database in memory.
async fn expected(applied: &[i64]) -> Result<BTreeSet<Object>> {
    static MADE: OnceLock<Mutex<HashMap<Vec<i64>, BTreeSet<Object>>>> = OnceLock::new();
    let mut key = applied.to_vec();
    key.sort_unstable();
    if let Some(found) = MADE.get_or_init(Default::default).lock().expect("schema cache").get(&key) {
        return Ok(found.clone());
    }
    let migrations = MIGRATOR.iter().filter(|m| key.contains(&m.version)).cloned().collect();
    // one connection: an in-memory database lives as long as its connection
    let pool = SqlitePoolOptions::new().max_connections(1).connect("sqlite::memory:").await?;
    Migrator::with_migrations(migrations).run(&pool).await?;
    let schema = schema_of(&mut *pool.acquire().await?).await?;
    pool.close().await;
    MADE.get_or_init(Default::default).lock().expect("schema cache").insert(key, schema.clone());
    Ok(schema)
}

/// Why a file's schema is not the one Trilogue created, naming the first difference; none when it is.
pub(super) async fn difference(conn: &mut SqliteConnection, applied: &[i64]) -> Result<Option<Msg>> {
    let found = schema_of(conn).await?;
    let expected = expected(applied).await?;
    let parts = |(kind, name, table, _): &Object| {
        let name = if name == table { name.clone() } else { format!("{name} ({table})") };
        (kind.clone(), name)
    };
    let named = |o: &Object, set: &BTreeSet<Object>| set.iter().any(|e| e.0 == o.0 && e.1 == o.1);
    if let Some(extra) = found.difference(&expected).next() {
        let (kind, name) = parts(extra);
        return Ok(Some(if named(extra, &expected) {
            Msg::SchemaChanged { kind, name }
        } else {
            Msg::SchemaForeign { kind, name }
        }));
    }
    Ok(expected.difference(&found).next().map(|missing| {
        let (kind, name) = parts(missing);
        Msg::SchemaMissing { kind, name }
    }))
}

/// Turns on SQLite's defensive mode for a connection: no writing the schema through PRAGMAs, no
/// corrupting the file through `writable_schema` or the like.
pub(super) async fn defend(conn: &mut SqliteConnection) -> std::result::Result<(), sqlx::Error> {
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle().as_ptr();
    // SAFETY: the handle is locked for this call and stays open; SQLITE_DBCONFIG_DEFENSIVE takes an
    // int (1: on) and an int* for the result, which may be null.
    let rc = unsafe {
        libsqlite3_sys::sqlite3_db_config(
            db,
            libsqlite3_sys::SQLITE_DBCONFIG_DEFENSIVE,
            1 as c_int,
            std::ptr::null_mut::<c_int>(),
        )
    };
    if rc != libsqlite3_sys::SQLITE_OK {
        return Err(sqlx::Error::Configuration(format!("SQLite refused its defensive mode (code {rc})").into()));
    }
    Ok(())
}
