//! Moving a record in and out: a workbench file's negotiations copied into an empty shared record, and
//! a shared record's into a new workbench file, losing nothing — every row keeps its id, so that each
//! journal entry keeps its hash and the chain verifies on the other side as it did on this one.
//!
//! Only the record's owner copies, in one transaction: a copy is whole or not at all. On a server, the
//! drafts, private notes and draft journal entries of a workbench belong to the side of the organisation
//! the workbench belongs to (Set up › whose workbench this is): that side's members read them, no one
//! else. A workbench with drafts or notes that belongs to no side is refused, rather than guessed at.
//!
//! The rows travel as JSON, table by table, in the order their references need; the columns are those
//! both schemas have, read from each database, so a column one side lacks is a refusal, not a loss.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use sqlx::{AssertSqlSafe, PgConnection, SqliteConnection};

use trilogue_core::message::Msg;
use trilogue_core::model::Negotiation;
use trilogue_core::record::PRIVATE_EVENTS;
use trilogue_core::words::Lang;
use trilogue_core::{Error, Result, Store, demo};

use crate::server::Server;

/// The record's own tables, in the order their references need (a negotiation's owner is set last).
const RECORD: [&str; 18] = [
    "negotiations",
    "parties",
    "delegates",
    "clauses",
    "clause_topics",
    "sessions",
    "session_attendees",
    "session_agenda",
    "versions",
    "version_texts",
    "initials",
    "private_notes",
    "events",
    "reservations",
    "protocol_entries",
    "approval_steps",
    "commitments",
    "revision_authors",
];

/// What a copy moved.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Copied {
    pub negotiations: usize,
    pub rows: usize,
}

type Row = Map<String, Value>;
/// A table's columns (each with whether it is boolean) and rows.
type Table = (Vec<(String, bool)>, Vec<Row>);

/// A row's field; null where it has none.
fn field<'r>(row: &'r Row, name: &str) -> &'r Value {
    row.get(name).unwrap_or(&Value::Null)
}

/// Copies every negotiation of a workbench file into the shared record, which must hold none yet.
pub async fn file_to_server(store: &Store, server: &Server) -> Result<Copied> {
    owner_only(server)?;
    // read in one transaction: one moment of the file, whatever else writes to it meanwhile
    let mut file = store.pool().begin().await?;
    let mut tx = server.pool.begin().await?;
    target_empty(count_server(&mut tx, "negotiations").await?)?;
    let mut read = HashMap::new();
    for table in RECORD {
        let columns = server_columns(&mut tx, table).await?;
        let rows = read_file(&mut file, table, &columns).await?;
        read.insert(table, (columns, rows));
    }
    let owners = take_owners(&mut read.get_mut("negotiations").expect("read").1);
    sides(&mut read, &owners)?;
    let mut copied = 0;
    for table in RECORD {
        let (columns, rows) = &read[table];
        copied += rows.len();
        write_server(&mut tx, table, columns, rows).await?;
    }
    for (id, owner) in &owners {
        sqlx::query("UPDATE negotiations SET owner_party_id = $1 WHERE id = $2")
            .bind(owner)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    for table in RECORD {
        if read[table].0.iter().any(|(c, _)| c == "id") {
            let next = format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table}"
            );
            sqlx::query(AssertSqlSafe(next)).execute(&mut *tx).await?;
        }
    }
    // a clause's standards, by code: the server has the standards it was installed with
    let links: Vec<(i64, String)> = sqlx::query_as(
        "SELECT cs.clause_id, s.code FROM clause_standards cs JOIN standards s ON s.id = cs.standard_id ORDER BY 1, 2",
    )
    .fetch_all(&mut *file)
    .await?;
    for (clause_id, code) in &links {
        let linked = sqlx::query(
            "INSERT INTO clause_standards (clause_id, standard_id) SELECT $1, id FROM standards WHERE code = $2",
        )
        .bind(clause_id)
        .bind(code)
        .execute(&mut *tx)
        .await?;
        if linked.rows_affected() != 1 {
            return Err(Error::NotFound(Msg::NoStandard { code: code.clone() }));
        }
    }
    tx.commit().await?;
    Ok(Copied { negotiations: owners.len(), rows: copied + links.len() })
}

/// The demo on a server: its workbench, made in a scratch file, copied into the record — by its owner,
/// while it holds no negotiation (a copy keeps every id, so that the journal's hashes hold). Loaded
/// once: asked again, the one there is answers.
pub async fn load_demo(server: &Server, now: DateTime<Utc>, lang: Lang) -> Result<Negotiation> {
    if server.me().is_some() {
        return Err(Error::Invalid(Msg::DemoOnServer));
    }
    let there = server.negotiations().await?;
    if let Some(loaded) = demo::loaded(&there, lang)? {
        return Ok(loaded);
    }
    if !there.is_empty() {
        return Err(Error::Invalid(Msg::DemoOnServer));
    }
    let scratch = tempfile::tempdir()?;
    let store = Store::open(scratch.path().join("demo.sqlite3")).await?;
    let demo = demo::load_demo(&store, now, lang).await?;
    file_to_server(&store, server).await?;
    store.close().await;
    server.negotiation(demo.id).await
}

/// Copies every negotiation of the shared record into a workbench file, which must hold none yet.
pub async fn server_to_file(server: &Server, store: &Store) -> Result<Copied> {
    owner_only(server)?;
    // read in one snapshot: one moment of the record, however many write to it meanwhile
    let mut from = server.pool.begin().await?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(&mut *from).await?;
    let mut tx = store.pool().begin().await?;
    target_empty(count_file(&mut tx, "negotiations").await?)?;
    let mut copied = 0;
    let mut owners = Vec::new();
    for table in RECORD {
        let columns: Vec<(String, bool)> =
            file_columns(&mut tx, table).await?.into_iter().map(|c| (c, false)).collect();
        let mut rows = read_server(&mut from, table, &columns).await?;
        if table == "negotiations" {
            owners = take_owners(&mut rows);
        }
        copied += rows.len();
        write_file(&mut tx, table, &columns, &rows).await?;
    }
    for (id, owner) in &owners {
        sqlx::query("UPDATE negotiations SET owner_party_id = ? WHERE id = ?")
            .bind(owner)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    // a clause's standards, by code: the new file has the standards it was shipped with
    let links: Vec<(i64, String)> = sqlx::query_as(
        "SELECT cs.clause_id, s.code FROM clause_standards cs JOIN standards s ON s.id = cs.standard_id ORDER BY 1, 2",
    )
    .fetch_all(&mut *from)
    .await?;
    for (clause_id, code) in &links {
        let linked = sqlx::query(
            "INSERT INTO clause_standards (clause_id, standard_id) SELECT ?, id FROM standards WHERE code = ?",
        )
        .bind(clause_id)
        .bind(code)
        .execute(&mut *tx)
        .await?;
        if linked.rows_affected() != 1 {
            return Err(Error::NotFound(Msg::NoStandard { code: code.clone() }));
        }
    }
    tx.commit().await?;
    Ok(Copied { negotiations: owners.len(), rows: copied + links.len() })
}

/// Each negotiation's owner, taken out of its row: a negotiation and its owner refer to each other, so
/// the owner is set once the parties are in.
fn take_owners(negotiations: &mut [Row]) -> Vec<(Option<i64>, Option<i64>)> {
    negotiations
        .iter_mut()
        .map(|n| (field(n, "id").as_i64(), n.insert("owner_party_id".into(), Value::Null).and_then(|o| o.as_i64())))
        .collect()
}

fn owner_only(server: &Server) -> Result<()> {
    match server.me() {
        None => Ok(()),
        Some(_) => Err(Error::Invalid(Msg::CopyByOwner)),
    }
}

fn target_empty(negotiations: i64) -> Result<()> {
    if negotiations > 0 { Err(Error::Conflict(Msg::CopyTargetNotEmpty { negotiations })) } else { Ok(()) }
}

/// Gives each draft, private note and draft journal entry the side of the organisation its workbench
/// belongs to (`owners`: each negotiation's owner); refuses a negotiation that has some and belongs to
/// no side.
fn sides(read: &mut HashMap<&str, Table>, owners: &[(Option<i64>, Option<i64>)]) -> Result<()> {
    let side_of_party: HashMap<i64, Value> =
        read["parties"].1.iter().filter_map(|p| Some((field(p, "id").as_i64()?, field(p, "side").clone()))).collect();
    let owner_side: HashMap<i64, Value> = owners
        .iter()
        .filter_map(|(n, owner)| Some((((*n)?), side_of_party.get(&(*owner)?)?.clone())))
        .filter(|(_, side)| !side.is_null())
        .collect();
    let negotiation_of_clause: HashMap<i64, i64> = read["clauses"]
        .1
        .iter()
        .filter_map(|c| Some((field(c, "id").as_i64()?, field(c, "negotiation_id").as_i64()?)))
        .collect();
    let titles: HashMap<i64, String> = read["negotiations"]
        .1
        .iter()
        .filter_map(|n| Some((field(n, "id").as_i64()?, field(n, "title").as_str()?.to_string())))
        .collect();
    for table in SIDED {
        let (columns, rows) = read.get_mut(table).expect("read");
        columns.push(("side".into(), false));
        for row in rows.iter_mut() {
            let private = match table {
                "versions" => field(row, "tabled_at").is_null(),
                "private_notes" => true,
                _ => field(row, "kind").as_str().is_some_and(|k| PRIVATE_EVENTS.contains(&k)),
            };
            let side = if private {
                let negotiation = match table {
                    "events" => field(row, "negotiation_id").as_i64(),
                    _ => field(row, "clause_id").as_i64().and_then(|c| negotiation_of_clause.get(&c).copied()),
                }
                .unwrap_or_default();
                owner_side.get(&negotiation).cloned().ok_or_else(|| {
                    Error::Invalid(Msg::CopyNeedsOwner { title: titles.get(&negotiation).cloned().unwrap_or_default() })
                })?
            } else {
                Value::Null
            };
            row.insert("side".into(), side);
        }
    }
    Ok(())
}

async fn count_server(conn: &mut PgConnection, table: &str) -> Result<i64> {
    Ok(sqlx::query_scalar(AssertSqlSafe(format!("SELECT count(*) FROM {table}"))).fetch_one(conn).await?)
}

async fn count_file(conn: &mut SqliteConnection, table: &str) -> Result<i64> {
    Ok(sqlx::query_scalar(AssertSqlSafe(format!("SELECT count(*) FROM {table}"))).fetch_one(conn).await?)
}

/// The tables whose `side` the server keeps and a file does not: whose a private row is.
const SIDED: [&str; 3] = ["versions", "private_notes", "events"];

/// A table's columns on the server but a private row's `side` (which a file does not keep), each with
/// whether it is boolean (a file keeps 0 and 1).
async fn server_columns(conn: &mut PgConnection, table: &str) -> Result<Vec<(String, bool)>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT column_name::text, data_type::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 AND NOT (column_name = 'side' AND $2)
         ORDER BY ordinal_position",
    )
    .bind(table)
    .bind(SIDED.contains(&table))
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(name, kind)| (name, kind == "boolean")).collect())
}

async fn file_columns(conn: &mut SqliteConnection, table: &str) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid").bind(table).fetch_all(conn).await?)
}

/// Every row of a file's table as JSON objects of `columns`, in id order; a column the file lacks is
/// refused (the schemas have drifted apart).
async fn read_file(conn: &mut SqliteConnection, table: &str, columns: &[(String, bool)]) -> Result<Vec<Row>> {
    let known = file_columns(conn, table).await?;
    if let Some((missing, _)) = columns.iter().find(|(c, _)| !known.contains(c)) {
        return Err(Error::Invalid(Msg::CopyColumnMissing { table: table.into(), column: missing.clone() }));
    }
    let pairs: Vec<String> = columns.iter().map(|(c, _)| format!("'{c}', {c}")).collect();
    let pairs = pairs.join(", ");
    let sql = format!("SELECT json_group_array(json_object({pairs})) FROM (SELECT * FROM {table} ORDER BY rowid)");
    let text: String = sqlx::query_scalar(AssertSqlSafe(sql)).fetch_one(conn).await?;
    let rows: Vec<Row> = serde_json::from_str(&text)
        .map_err(|e| Error::Invalid(Msg::Unreadable { what: table.into(), detail: e.to_string() }))?;
    Ok(rows
        .into_iter()
        .map(|mut r| {
            for (c, boolean) in columns {
                if *boolean && let Some(n) = r.get(c).and_then(Value::as_i64) {
                    r.insert(c.clone(), Value::Bool(n != 0));
                }
            }
            r
        })
        .collect())
}

async fn write_server(conn: &mut PgConnection, table: &str, columns: &[(String, bool)], rows: &[Row]) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = columns.iter().map(|(c, _)| c.as_str()).collect();
    let names = names.join(", ");
    let sql = format!("INSERT INTO {table} ({names}) SELECT {names} FROM jsonb_populate_recordset(NULL::{table}, $1)");
    // in slices, so that no statement carries more than a few megabytes
    for chunk in rows.chunks(2_000) {
        sqlx::query(AssertSqlSafe(sql.clone())).bind(sqlx::types::Json(chunk)).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Every row of a server's table as JSON objects of `columns`, in id order where it has ids.
async fn read_server(conn: &mut PgConnection, table: &str, columns: &[(String, bool)]) -> Result<Vec<Row>> {
    let pairs: Vec<String> = columns.iter().map(|(c, _)| format!("'{c}', {c}")).collect();
    let order = if columns.iter().any(|(c, _)| c == "id") { "ORDER BY id" } else { "" };
    let sql = format!(
        "SELECT coalesce(jsonb_agg(jsonb_build_object({}) {order}), '[]'::jsonb) FROM {table}",
        pairs.join(", ")
    );
    let value: sqlx::types::Json<Vec<Row>> = sqlx::query_scalar(AssertSqlSafe(sql)).fetch_one(conn).await?;
    Ok(value.0)
}

async fn write_file(conn: &mut SqliteConnection, table: &str, columns: &[(String, bool)], rows: &[Row]) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = columns.iter().map(|(c, _)| c.as_str()).collect();
    let values: Vec<String> = names.iter().map(|c| format!("value ->> '{c}'")).collect();
    let sql = format!("INSERT INTO {table} ({}) SELECT {} FROM json_each(?)", names.join(", "), values.join(", "));
    for chunk in rows.chunks(2_000) {
        let json = serde_json::to_string(chunk).expect("rows serialise");
        sqlx::query(AssertSqlSafe(sql.clone())).bind(json).execute(&mut *conn).await?;
    }
    Ok(())
}
