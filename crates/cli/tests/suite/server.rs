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

/// The demo on a server: loaded by the owner into an empty record, once, and read by its members; a
/// member is told who loads it, and a record that holds a negotiation takes no demo.
#[test]
fn the_owner_loads_the_demo_on_a_server() {
    let (owner, members) = record("demo", &[("saule", "Сауле К.", "Федерация профсоюзов", "workers")]);
    let saule = &members[0];
    let refused = cli(saule, &["demo"], None);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("the demo is loaded by its owner"));
    let loaded: Value = serde_json::from_str(&ok(&owner, &["--lang", "ru", "demo", "--json"], None)).unwrap();
    let again: Value = serde_json::from_str(&ok(&owner, &["--lang", "ru", "demo", "--json"], None)).unwrap();
    assert_eq!(loaded["negotiation"]["id"], again["negotiation"]["id"], "loaded once: {again}");
    let rows: Value = serde_json::from_str(&ok(saule, &["clauses", "1", "--json"], None)).unwrap();
    assert!(rows.as_array().unwrap().len() >= 10, "the member reads the demo's clauses: {rows}");
    ok(saule, &["verify", "1"], None);
    let other = String::from_utf8(cli(&owner, &["--lang", "kk", "demo"], None).stderr).unwrap();
    assert!(other.contains("әлі бірде-бір келіссөз жоқ"), "one record, one demo: {other}");
}

/// Sets up a record in a new database and adds `members` (role, name, organisation, side); returns
/// the owner's URL and each member's.
fn record(name: &str, members: &[(&str, &str, &str, &str)]) -> (String, Vec<String>) {
    let (host, port) = server();
    let db = format!("trilogue_{name}_{}", std::process::id());
    assert!(Command::new("createdb").arg(&db).status().expect("createdb runs").success());
    let owner = format!("postgres:///{db}");
    ok(&owner, &["server", "install"], None);
    let mut urls = Vec::new();
    for (role, name, organisation, side) in members {
        let role = format!("{role}_{}", std::process::id());
        let add =
            ["server", "add-member", "--role", &role, "--name", name, "--organisation", organisation, "--side", side];
        ok(&owner, &add, Some("pass\n"));
        urls.push(format!("postgres://{role}:pass@{host}:{port}/{db}"));
    }
    (owner, urls)
}

/// Three people of two sides work on one negotiation through the CLI: each sees the others' tabled
/// texts and initials, and nobody sees the other side's drafts or notes.
#[test]
fn three_people_of_two_sides_negotiate_through_the_cli() {
    let (owner, urls) = record(
        "three",
        &[
            ("t_aigerim", "Айгерим С.", "Федерация профсоюзов", "workers"),
            ("t_berik", "Берик Т.", "Федерация профсоюзов", "workers"),
            ("t_dana", "Дана К.", "Ассоциация работодателей", "employers"),
        ],
    );
    let [aigerim, berik, dana] = [&urls[0], &urls[1], &urls[2]];
    let new = ["new", "--title", "Отраслевое соглашение", "--level", "sectoral", "--languages", "ru"];
    assert!(ok(&owner, &new, None).starts_with("negotiation 1:"));
    ok(&owner, &["org", "add", "1", "--side", "workers", "--label", "TU", "--name", "Федерация профсоюзов"], None);
    ok(
        &owner,
        &["org", "add", "1", "--side", "employers", "--label", "EMP", "--name", "Ассоциация работодателей"],
        None,
    );
    ok(aigerim, &["clause", "add", "1", "--ref", "Пункт 1", "--title", "Переобучение"], None);

    // the union's draft and note stay with the union
    ok(aigerim, &["propose", "Пункт 1", "--party", "TU", "--file", "-"], Some("Переобучение за счёт работодателя"));
    ok(aigerim, &["note", "Пункт 1", "--priority", "must_have", "--reasoning", "не уступать ниже 80 часов"], None);
    let show =
        |url: &str| -> Value { serde_json::from_str(&ok(url, &["show", "Пункт 1", "--json"], None)).unwrap() };
    let seen = show(berik);
    assert_eq!(seen["versions"].as_array().unwrap().len(), 1, "the union's other negotiator sees the draft");
    assert_eq!(seen["private_notes"][0]["reasoning"], "не уступать ниже 80 часов");
    let seen = show(dana);
    assert_eq!(seen["versions"].as_array().unwrap().len(), 0, "the employers see no draft: {seen}");
    assert_eq!(seen["private_notes"].as_array().unwrap().len(), 0, "nor the union's note");

    // tabled, it reaches the employers; their counter-text and a joint text come back
    ok(berik, &["table", "1"], None);
    ok(dana, &["propose", "Пункт 1", "--party", "EMP", "--table", "--file", "-"], Some("Переобучение по возможности"));
    let joint =
        ok(dana, &["propose", "Пункт 1", "--party", "joint", "--table", "--file", "-"], Some("Не менее 80 часов"));
    let joint_id: String = joint.split_whitespace().nth(1).unwrap().trim_end_matches(':').to_string();
    assert!(
        ok(aigerim, &["initial", "Пункт 1", "--party", "TU", "--version", &joint_id], None).contains("TU initialed")
    );
    // an initial for the other side is refused, in words
    let refused = cli(aigerim, &["initial", "Пункт 1", "--party", "EMP", "--version", &joint_id], None);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("you initial only for an organisation of your own side"));
    ok(dana, &["initial", "Пункт 1", "--party", "EMP", "--version", &joint_id], None);
    for url in [aigerim, berik, dana] {
        let seen = show(url);
        assert_eq!(seen["clause"]["status"], "tentatively_agreed", "{seen}");
        assert_eq!(seen["initials"].as_array().unwrap().len(), 2);
        assert_eq!(seen["versions"].as_array().unwrap().len(), 3, "every tabled text");
    }
    assert_eq!(show(dana)["private_notes"].as_array().unwrap().len(), 0);
    // recorded under each login, whatever name the shell gives
    let list = ok(dana, &["clauses", "1"], None);
    assert!(list.contains("Пункт 1"), "{list}");
    // a session one side schedules, the other reads
    let at = ["schedule", "1", "--at", "2027-01-12T09:00:00Z", "--place", "Астана", "--agenda", "Пункт 1"];
    ok(dana, &at, None);
    let sessions: Value = serde_json::from_str(&ok(aigerim, &["session", "1", "--json"], None)).unwrap();
    assert_eq!(sessions[0]["number"], 1, "{sessions}");
    let detail: Value = serde_json::from_str(&ok(berik, &["session", "1", "1", "--json"], None)).unwrap();
    assert_eq!(detail["agenda"][0]["ref"], "Пункт 1", "{detail}");
    // a position table the other side sent, imported whole as a new negotiation, readable by all
    let table =
        "ref,title,TU,EMP\nПункт 1,Переобучение,Не менее 100 часов,По возможности\nПункт 2,Согласие,,Без согласия\n";
    ok(berik, &["import-table", "-", "--title", "Таблица позиций"], Some(table));
    let listed: Value = serde_json::from_str(&ok(dana, &["negotiations", "--json"], None)).unwrap();
    let imported = listed.as_array().unwrap().iter().find(|n| n["title"] == "Таблица позиций").expect("imported");
    let rows: Value =
        serde_json::from_str(&ok(dana, &["clauses", &imported["id"].to_string(), "--json"], None)).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2, "{rows}");
    // each member verifies the journal's chain and the texts' hashes, as far as their side reads
    for url in [aigerim, dana] {
        ok(url, &["verify", "1"], None);
    }
    // searched, each as far as their side reads: the table's title and texts, in another word form
    let hits: Value = serde_json::from_str(&ok(dana, &["search", "переобучению", "--json"], None)).unwrap();
    assert!(hits.as_array().unwrap().iter().any(|h| h["title"] == "Переобучение"), "{hits}");
    // what has no meaning on a server is said, and nothing is done
    let owner = cli(aigerim, &["owner", "1", "--org", "TU"], None);
    assert!(String::from_utf8_lossy(&owner.stderr).contains("everyone works for their own organisation"));
}

/// `copy`: a workbench file to an empty shared record and back to a new file, with the real CLI.
#[test]
fn a_workbench_is_copied_to_a_server_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("first.sqlite3"), dir.path().join("second.sqlite3"));
    let (first, second) = (first.to_str().unwrap(), second.to_str().unwrap());
    ok(first, &["demo"], None);
    let (owner, _) = record("copy", &[]);
    let said = ok(first, &["copy", "--to", &owner], None);
    assert!(said.starts_with("copied 1 negotiation(s)"), "{said}");
    // into a record that has it already: refused, in words
    let again = cli(first, &["copy", "--to", &owner], None);
    assert!(String::from_utf8_lossy(&again.stderr).contains("holds 1 negotiations already"));
    assert!(ok(&owner, &["copy", "--to", second], None).starts_with("copied 1 negotiation(s)"));
    assert!(ok(second, &["verify", "1"], None).contains("are intact"));
    let shown = |db: &str| ok(db, &["show", "7", "--json"], None);
    assert_eq!(shown(first), shown(second), "the same clause, texts, initials and notes");
    // a file to a file is not a copy this command makes
    let nowhere = cli(first, &["copy", "--to", second], None);
    assert!(String::from_utf8_lossy(&nowhere.stderr).contains("copy from a workbench file to a server"));
}
