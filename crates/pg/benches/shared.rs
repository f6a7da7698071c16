//! Twenty people at once on a 2,000-clause negotiation: the clause list and the clause view, on a
//! shared record (PostgreSQL) and, in the same run, on a workbench file (SQLite) holding the same
//! record. Latencies as each client sees them; p50 and p95 over every request. Then the EU's 1,775-row
//! position table imported as a new negotiation, on each.
//!
//! Needs a server: `pg_virtualenv -t cargo bench -p trilogue-pg --bench shared` (BENCHMARKS.md).

#[path = "../../core/tests/common/mod.rs"]
mod data;

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use sqlx::{Connection, PgConnection};
use trilogue_core::authentic::LangText;
use trilogue_core::model::{Level, Priority, Side, Track};
use trilogue_core::store::{NewClause, NewNegotiation, NewParty, NewVersion};
use trilogue_core::words::Lang;
use trilogue_core::{Store, Who};
use trilogue_pg::{NewMember, Server};

const CLIENTS: usize = 20;

/// The negotiation's size and each client's rounds: the full measure under `cargo bench` (which
/// passes `--bench`), and a small one when `cargo test --all-targets` runs this target once to see
/// that it still works.
fn size() -> (usize, usize) {
    if std::env::args().any(|a| a == "--bench") { (2_000, 20) } else { (40, 2) }
}

fn now() -> DateTime<Utc> {
    "2026-11-24T09:00:00Z".parse().unwrap()
}

fn texts(i: usize, who: &str) -> NewVersion {
    let body = format!(
        "{who}: the employer shall offer every worker whose function an automated system takes over at least \
         {i} hours of paid retraining before any notice of dismissal, agreed with the trade union"
    );
    let mut v = NewVersion::tabled(Track::Joint, body.clone(), None);
    v.translations = vec![LangText { lang: Lang::Kk, text: format!("{body} (kk)") }];
    v
}

fn negotiation() -> (NewNegotiation, [NewParty; 2]) {
    let mut new = NewNegotiation::titled("Sectoral agreement: 2,000 clauses", Level::Sectoral);
    new.languages = vec!["ru".into(), "kk".into()];
    let party = |name: &str, side, label: &str, colour: &str| NewParty {
        name: name.into(),
        side: Some(side),
        label: label.into(),
        colour: colour.into(),
    };
    (new, [party("Unions", Side::Workers, "TU", "#1f77b4"), party("Employers", Side::Employers, "EMP", "#d62728")])
}

/// The same record built through each backend's own calls: 2,000 clauses, each with a tabled text of
/// both parties and a joint text, and a note on every tenth.
macro_rules! build {
    ($record:expr, $who:expr) => {{
        let (new, parties) = negotiation();
        let (n, parties) = $record.create_negotiation(&new, &parties, &$who).await.unwrap();
        let (size, _) = size();
        let mut clauses = Vec::with_capacity(size);
        for i in 0..size {
            let c = NewClause {
                reference: format!("Пункт {}", i + 1),
                title: format!("Clause {i}"),
                ..NewClause::default()
            };
            let c = $record.add_clause(n.id, &c, &$who).await.unwrap();
            for (track, who) in
                [(Track::Party(parties[0].id), "TU"), (Track::Party(parties[1].id), "EMP"), (Track::Joint, "joint")]
            {
                let v = NewVersion { track, ..texts(i, who) };
                $record.propose(c.id, &v, &$who).await.unwrap();
            }
            if i % 10 == 0 {
                $record.add_note(c.id, Priority::Important, "no less than 100 hours", "", &$who).await.unwrap();
            }
            clauses.push(c.id);
        }
        (n.id, clauses)
    }};
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn report(what: &str, mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    let (p50, p95) = (percentile(&samples, 0.5), percentile(&samples, 0.95));
    println!("{what:<44} n={:<5} p50 {p50:>7.2} ms   p95 {p95:>7.2} ms", samples.len());
    p95
}

/// A person's pause between two clicks, from a fixed sequence: 0 to `mean` × 2, `mean` on average.
fn think(k: usize, r: usize, mean: Duration) -> Duration {
    let x = (k as u64 * 2_654_435_761 + r as u64 * 40_503 + 12_345) % 1_000;
    mean * 2 * x as u32 / 1_000
}

/// Twenty clients at once, each a few rounds (`size`): the clause list, then one clause's view, each after
/// a pause of `pace` on average (none: back to back, the server's saturation).
macro_rules! clients {
    ($clients:expr, $n:expr, $clauses:expr, $pace:expr) => {{
        let mut tasks = Vec::new();
        for (k, record) in $clients.into_iter().enumerate() {
            let clauses = $clauses.clone();
            let pace: Duration = $pace;
            tasks.push(tokio::spawn(async move {
                let (mut list, mut view) = (Vec::new(), Vec::new());
                let (size, rounds) = size();
                for r in 0..rounds {
                    tokio::time::sleep(think(k, r, pace)).await;
                    let t = Instant::now();
                    let rows = record.list_clauses($n).await.unwrap();
                    list.push(t.elapsed());
                    assert_eq!(rows.len(), size);
                    let c = clauses[(k * 97 + r * 389) % clauses.len()];
                    tokio::time::sleep(think(k, r + rounds, pace)).await;
                    let t = Instant::now();
                    let clause = record.clause(c).await.unwrap();
                    let versions = record.versions(c).await.unwrap();
                    let notes = record.notes(c).await.unwrap();
                    view.push(t.elapsed());
                    assert_eq!((clause.id, versions.len()), (c, 3));
                    let _ = notes;
                }
                (list, view)
            }));
        }
        let (mut list, mut view) = (Vec::new(), Vec::new());
        for t in tasks {
            let (l, v) = t.await.unwrap();
            list.extend(l);
            view.extend(v);
        }
        (list, view)
    }};
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    if std::env::var("PGHOST").is_err() {
        eprintln!(
            "this benchmark needs a PostgreSQL server: pg_virtualenv -t cargo bench -p trilogue-pg --bench shared"
        );
        std::process::exit(2);
    }
    let (clauses, rounds) = size();
    let who = Who::at("bench", now());
    let db = format!("trilogue_bench_{}", std::process::id());
    let mut admin = PgConnection::connect("postgres:///postgres").await.unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db}"))).execute(&mut admin).await.unwrap();
    let owner = Server::install(&format!("postgres:///{db}")).await.unwrap();
    let role = format!("bench_{}", std::process::id());
    let member = NewMember {
        role: role.clone(),
        password: "bench".into(),
        name: "Bench".into(),
        organisation: "Unions".into(),
        side: Side::Workers,
    };
    owner.add_member(&member, now()).await.unwrap();
    let host = std::env::var("PGHOST").unwrap();
    let host = if host.starts_with('/') { "localhost".to_string() } else { host };
    let port = std::env::var("PGPORT").unwrap_or_else(|_| "5432".into());
    let url = format!("postgres://{role}:bench@{host}:{port}/{db}");
    let as_member = Server::connect(&url).await.unwrap();
    let member_who = as_member.who("", now());

    let t = Instant::now();
    let (pg_n, pg_clauses) = build!(as_member, member_who);
    println!("built on PostgreSQL: {clauses} clauses, 3 texts each, in {:.1} s", t.elapsed().as_secs_f64());
    // what autovacuum does on a running server: the planner's statistics, and the visibility map that
    // lets the clause list read the versions' index alone
    sqlx::raw_sql("VACUUM ANALYZE").execute(owner.pool()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("bench.sqlite3")).await.unwrap();
    let t = Instant::now();
    let (file_n, file_clauses) = build!(store, who);
    println!("built on SQLite:     {clauses} clauses, 3 texts each, in {:.1} s", t.elapsed().as_secs_f64());

    // every client its own connections, as twenty app windows on twenty desks would have
    let mut servers = Vec::new();
    for _ in 0..CLIENTS {
        servers.push(Server::connect_with(&url, 2).await.unwrap());
    }
    let files: Vec<Store> = (0..CLIENTS).map(|_| store.clone()).collect();
    // warm both once
    as_member.list_clauses(pg_n).await.unwrap();
    store.list_clauses(file_n).await.unwrap();

    // one person alone: the latency of each request with nothing else going on
    let (pg_list, pg_view) = clients!(servers.iter().take(1).cloned(), pg_n, pg_clauses, Duration::ZERO);
    let (file_list, file_view) = clients!(files.iter().take(1).cloned(), file_n, file_clauses, Duration::ZERO);
    println!("\none client, back to back, {rounds} rounds:");
    report("clause list, shared record (PostgreSQL)", pg_list);
    report("clause list, workbench file (SQLite)", file_list);
    report("clause view, shared record (PostgreSQL)", pg_view);
    report("clause view, workbench file (SQLite)", file_view);
    for (how, pace) in
        [("each clicking every 0.5 s on average", Duration::from_millis(500)), ("back to back", Duration::ZERO)]
    {
        let (pg_list, pg_view) = clients!(servers.clone(), pg_n, pg_clauses, pace);
        let (file_list, file_view) = clients!(files.clone(), file_n, file_clauses, pace);
        println!("\n{CLIENTS} clients at once, {how}, {rounds} rounds each:");
        let a = report("clause list, shared record (PostgreSQL)", pg_list);
        let b = report("clause list, workbench file (SQLite)", file_list);
        let c = report("clause view, shared record (PostgreSQL)", pg_view);
        let d = report("clause view, workbench file (SQLite)", file_view);
        println!("p95 ratio PostgreSQL / SQLite: list {:.2}, view {:.2}", a / b, c / d);
    }
    import_eu_table(&as_member, &store).await;
    if std::env::var("TRILOGUE_BENCH_EXPLAIN").is_ok() {
        explain(&url, pg_n).await;
    }
    for s in servers {
        s.close().await;
    }
    as_member.close().await;
    owner.close().await;
    store.close().await;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP DATABASE {db} WITH (FORCE)"))).execute(&mut admin).await.unwrap();
}

/// The EU's 1,775-row position table (four groups' amendments and the Commission's text: 7,000-odd
/// tabled texts) imported as a new negotiation, as the member, on the server and on the file in turn.
async fn import_eu_table(server: &Server, store: &Store) {
    let table = trilogue_core::import::parse_position_table(&data::eu_position_table(), "ai-act.csv").unwrap();
    let times = if std::env::args().any(|a| a == "--bench") { 7 } else { 1 };
    let (mut on_server, mut on_file) = (Vec::new(), Vec::new());
    for _ in 0..times {
        let t = Instant::now();
        server.import_table(&table, "AI Act", "ai-act.csv", &server.who("", now())).await.unwrap();
        on_server.push(t.elapsed());
        let t = Instant::now();
        store.import_table(&table, "AI Act", "ai-act.csv", &Who::at("bench", now())).await.unwrap();
        on_file.push(t.elapsed());
    }
    println!(
        "
the {}-row EU table imported, {times} times each, alternating:",
        table.rows.len()
    );
    let a = report("import, shared record (PostgreSQL)", on_server);
    let b = report("import, workbench file (SQLite)", on_file);
    println!("p95 ratio PostgreSQL / SQLite (the slowest of {times}): import {:.2}", a / b);
}

/// How PostgreSQL runs the clause list's queries, as the member (row-level security on).
async fn explain(url: &str, n: i64) {
    let mut conn = PgConnection::connect(url).await.unwrap();
    for q in [
        "SELECT id, negotiation_id, ref, title, position, status, status_quo, section FROM clauses WHERE negotiation_id = $1 ORDER BY position",
        "SELECT DISTINCT ON (v.clause_id, v.party_id) v.clause_id, v.party_id, v.id, v.tabled_at IS NOT NULL, v.created_at FROM versions v JOIN clauses c ON c.id = v.clause_id WHERE c.negotiation_id = $1 ORDER BY v.clause_id, v.party_id, v.id DESC",
        "SELECT t.clause_id, t.topic FROM clause_topics t JOIN clauses c ON c.id = t.clause_id WHERE c.negotiation_id = $1 ORDER BY t.clause_id, t.topic",
    ] {
        let plan: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("EXPLAIN (ANALYZE, BUFFERS) {q}")))
            .bind(n)
            .fetch_all(&mut conn)
            .await
            .unwrap();
        println!("\n{}", plan.join("\n"));
    }
}
