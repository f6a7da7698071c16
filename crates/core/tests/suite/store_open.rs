//! Opening files: a new workbench is created; anything that is not one is refused untouched.

use crate::common;

use std::path::Path;

use trilogue_core::{Error, Store};

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[tokio::test]
async fn a_new_workbench_is_created_with_its_folder_and_marked_as_ours() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/work.sqlite3");
    let store = Store::open(&path).await.unwrap();
    assert!(!store.library(trilogue_core::words::Lang::En).await.unwrap().is_empty(), "the clause library is seeded");
    store.close().await;
    let header = bytes(&path);
    assert_eq!(&header[..16], b"SQLite format 3\0");
    assert_eq!(u32::from_be_bytes(header[68..72].try_into().unwrap()) as i64, trilogue_core::store::APPLICATION_ID);
    assert_eq!(trilogue_core::store::APPLICATION_ID, 1_414_679_623, "the literal in Store::open");
    // and it opens again
    Store::open(&path).await.unwrap().close().await;
}

#[tokio::test]
async fn a_text_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "ref,title\nthis is not a database\n").unwrap();
    let err = Store::open(&path).await.unwrap_err();
    assert!(matches!(err, Error::NotAWorkbench { .. }), "{err}");
    assert!(err.to_string().contains("not an SQLite database"), "{err}");
    assert_eq!(bytes(&path), b"ref,title\nthis is not a database\n");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no -wal, -shm or backup beside it");
}

#[tokio::test]
async fn another_applications_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices VALUES (1, 9.5);",
        )
        .unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(&path).await.unwrap_err();
    assert!(err.to_string().contains("another application's database"), "{err}");
    assert_eq!(err.kind(), "not_a_workbench");
    assert_eq!(bytes(&path), before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[tokio::test]
async fn a_damaged_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.sqlite3");
    let mut garbage = b"SQLite format 3\0".to_vec();
    garbage.extend((0..8192u32).map(|i| (i * 7 % 251) as u8));
    std::fs::write(&path, &garbage).unwrap();
    let err = Store::open(&path).await.unwrap_err();
    assert_eq!(err.kind(), "not_a_workbench", "{err}");
    assert_eq!(bytes(&path), garbage);
}

#[tokio::test]
async fn a_workbench_from_a_newer_trilogue_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite3");
    Store::open(&path).await.unwrap().close().await;
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (99990101000000, 'future', 1, x'00', 0)",
            [],
        )
        .unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(&path).await.unwrap_err();
    assert_eq!(err.kind(), "newer_schema", "{err}");
    assert!(err.to_string().contains("newer version of Trilogue"), "{err}");
    assert_eq!(bytes(&path), before);
}

#[tokio::test]
async fn a_workbench_is_copied_before_a_migration_runs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    {
        // a workbench from before the first migration: marked as ours, nothing applied yet
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA application_id = 1414679623;
             CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL,
               installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL,
               checksum BLOB NOT NULL, execution_time BIGINT NOT NULL);",
        )
        .unwrap();
    }
    let store = Store::open(&path).await.unwrap();
    store.close().await;
    let backups: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("old.sqlite3.bak-"))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let backup = rusqlite::Connection::open(dir.path().join(&backups[0])).unwrap();
    let tables: i64 =
        backup.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0)).unwrap();
    assert_eq!(tables, 1, "the backup is the file as it was before the migration");
}

/// A workbench someone else handed over, changed behind Trilogue's back: each change is refused by name
/// when the file is opened, and the file is left as it was.
#[tokio::test]
async fn a_workbench_whose_schema_was_changed_is_refused_and_left_untouched() {
    let attacks = [
        (
            "CREATE TRIGGER rewrite AFTER INSERT ON versions BEGIN \
               UPDATE versions SET text = 'the employer may dismiss at will' WHERE id = new.id; END;",
            "trigger 'rewrite (versions)' that Trilogue did not create",
        ),
        ("CREATE INDEX by_text ON versions (text);", "index 'by_text (versions)' that Trilogue did not create"),
        ("CREATE VIEW agreed AS SELECT id, title FROM clauses;", "view 'agreed' that Trilogue did not create"),
        ("CREATE TABLE exfiltrate (x TEXT);", "table 'exfiltrate' that Trilogue did not create"),
        ("DROP TRIGGER clauses_never_deleted;", "Trilogue's trigger 'clauses_never_deleted (clauses)' is missing"),
        (
            "DROP TRIGGER clauses_never_deleted; CREATE TRIGGER clauses_never_deleted BEFORE DELETE ON clauses \
               BEGIN SELECT 1; END;",
            "its trigger 'clauses_never_deleted (clauses)' was changed outside Trilogue",
        ),
        (
            // a column added to a table of ours
            "ALTER TABLE clauses ADD COLUMN colour TEXT DEFAULT 'red';",
            "its table 'clauses' was changed outside Trilogue",
        ),
        (
            "ALTER TABLE clauses RENAME TO clauses_kept; \
             CREATE VIEW clauses AS SELECT * FROM clauses_kept WHERE status <> 'impasse';",
            "outside Trilogue",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.sqlite3");
    let store = Store::open(&good).await.unwrap();
    trilogue_core::demo::load_demo(&store, common::now(), trilogue_core::words::Lang::En).await.unwrap();
    store.close().await;
    for (n, (sql, said)) in attacks.iter().enumerate() {
        let path = dir.path().join(format!("changed-{n}.sqlite3"));
        std::fs::copy(&good, &path).unwrap();
        rusqlite::Connection::open(&path).unwrap().execute_batch(sql).unwrap();
        let before = bytes(&path);
        let err = Store::open(&path).await.unwrap_err();
        assert_eq!(err.kind(), "not_a_workbench", "{sql}: {err}");
        assert!(err.to_string().contains(said), "{sql}: {err}");
        assert!(err.to_string().contains("left untouched"), "{err}");
        assert_eq!(bytes(&path), before, "{sql}: the file is left as it was");
    }
    // statistics SQLite's ANALYZE adds are not a change to the schema
    let analyzed = dir.path().join("analyzed.sqlite3");
    std::fs::copy(&good, &analyzed).unwrap();
    rusqlite::Connection::open(&analyzed).unwrap().execute_batch("ANALYZE;").unwrap();
    Store::open(&analyzed).await.unwrap().close().await;
}

#[tokio::test]
async fn every_connection_is_defensive() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("w.sqlite3")).await.unwrap();
    let pool = store.pool();
    let trusted: i64 = sqlx::query_scalar("PRAGMA trusted_schema").fetch_one(pool).await.unwrap();
    assert_eq!(trusted, 0, "SQL in the schema may not call functions with side effects");
    let mut conn = pool.acquire().await.unwrap();
    sqlx::query("PRAGMA writable_schema = ON").execute(&mut *conn).await.unwrap();
    let written = sqlx::query("UPDATE sqlite_schema SET sql = 'x' WHERE name = 'clauses'").execute(&mut *conn).await;
    assert!(written.is_err(), "defensive mode keeps the schema from being written directly");
    drop(conn);
    store.close().await;
}

#[tokio::test]
async fn a_url_is_never_a_file() {
    let dir = tempfile::tempdir().unwrap();
    for url in ["postgres://user:secret@db.example:5432/trilogue", "postgresql://db.example/t", "https://example.org/w"]
    {
        let err = Store::open(url).await.unwrap_err();
        assert_eq!(err.kind(), "invalid", "{url}: {err}");
        assert!(!err.to_string().contains("secret"), "the password is never repeated: {err}");
        assert!(err.to_string().contains("give the path of a file"), "{err}");
    }
    let err = Store::open("postgres://user:secret@db.example:5432/trilogue").await.unwrap_err();
    assert!(
        err.to_string()
            .starts_with("postgres://user@db.example:5432/trilogue is a shared record on a PostgreSQL server"),
        "{err}"
    );
    for folder in ["postgres:", "postgresql:", "https:"] {
        assert!(!Path::new(folder).exists(), "no folder named after the URL in the working directory");
    }
    // sqlite://PATH names the file
    let path = dir.path().join("w.sqlite3");
    Store::open(format!("sqlite://{}", path.display())).await.unwrap().close().await;
    assert!(path.exists());
}
