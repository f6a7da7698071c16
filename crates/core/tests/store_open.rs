//! Opening files: a new workbench is created; anything that is not one is refused untouched.

mod common;

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
    assert!(!store.library().await.unwrap().is_empty(), "the clause library is seeded");
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
