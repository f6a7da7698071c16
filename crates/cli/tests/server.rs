//! The real `trilogue-cli` binary setting up a shared record on a real PostgreSQL server (the one the
//! test command starts with pg_virtualenv) and keeping its members.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn server() -> (String, String) {
    let host = std::env::var("PGHOST")
        .expect("the server tests need PostgreSQL: run them with scripts/test, or under pg_virtualenv");
    let host = if host.starts_with('/') { "localhost".to_string() } else { host };
    (host, std::env::var("PGPORT").unwrap_or_else(|_| "5432".into()))
}

fn cli(db: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_trilogue-cli"));
    c.arg("--db").arg(db).args(args).env("TRILOGUE_LANG", "en").env("TRILOGUE_NOW", "2026-11-24T09:00:00Z");
    c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn ok(db: &str, args: &[&str], stdin: Option<&str>) -> String {
    let out = cli(db, args, stdin);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_owner_sets_up_a_record_and_its_members() {
    let (host, port) = server();
    let db = format!("trilogue_cli_{}", std::process::id());
    let made = Command::new("createdb").arg(&db).status().expect("createdb runs");
    assert!(made.success());
    let owner = format!("postgres:///{db}");
    assert!(ok(&owner, &["server", "install"], None).contains("the shared record is set up"));
    // installing again brings it up to date, and changes nothing
    ok(&owner, &["server", "install"], None);
    let role = format!("aigerim_{}", std::process::id());
    let add = [
        "server",
        "add-member",
        "--role",
        &role,
        "--name",
        "Айгерим С.",
        "--organisation",
        "Федерация профсоюзов",
        "--side",
        "workers",
    ];
    let said = ok(&owner, &add, Some("first-pass\n"));
    assert!(said.contains(&format!("{role} is a member, for the side of the workers")), "{said}");
    let said = ok(&owner, &["--lang", "ru", "server", "members"], None);
    assert!(said.contains("работники\tФедерация профсоюзов\tАйгерим С."), "{said}");
    // the member logs in with their own role and the password given on standard input
    let member = format!("postgres://{role}:first-pass@{host}:{port}/{db}");
    let me: Value = serde_json::from_str(&ok(&member, &["server", "whoami", "--json"], None)).unwrap();
    assert_eq!((me["role"].as_str(), me["side"].as_str()), (Some(role.as_str()), Some("workers")));
    // a member cannot add members
    let refused = cli(
        &member,
        &["server", "add-member", "--role", "intruder", "--name", "I", "--organisation", "O", "--side", "employers"],
        Some("x\n"),
    );
    assert_eq!(refused.status.code(), Some(1));
    let listed: Value = serde_json::from_str(&ok(&owner, &["server", "members", "--json"], None)).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    // a wrong password, a file, an empty password: told, nothing done
    let wrong = cli(&format!("postgres://{role}:nope@{host}:{port}/{db}"), &["server", "whoami"], None);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&wrong.stderr).contains("nope"), "the password is never repeated");
    let file = cli("/tmp/not-a-server.sqlite3", &["server", "members"], None);
    assert!(String::from_utf8_lossy(&file.stderr).contains("give the shared record's server with --db postgres://"));
    let empty = cli(&owner, &add, Some("\n"));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("first password on standard input"));
    // a database that holds no shared record is said to be one
    let other = format!("{db}_empty");
    assert!(Command::new("createdb").arg(&other).status().unwrap().success());
    let none = cli(&format!("postgres:///{other}"), &["server", "members"], None);
    assert!(
        String::from_utf8_lossy(&none.stderr).contains("holds no Trilogue shared record"),
        "{}",
        String::from_utf8_lossy(&none.stderr)
    );
}
