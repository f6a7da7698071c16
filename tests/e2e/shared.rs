//! A shared record on a real PostgreSQL server (the one the test command starts with pg_virtualenv),
//! worked on at once by two app windows and the CLI as three people of two sides: what one tables and
//! initials shows in the others' open views as it happens, and one side's drafts and notes never reach
//! the other's window, nor its login through psql.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::app::App;

/// The CLI as one person, on the record at `url`; `stdin` for a password or a text.
fn cli(url: &str, args: &[&str], stdin: Option<&str>) -> String {
    let mut c = Command::new(crate::cli());
    c.arg("--db").arg(url).args(args).env("TRILOGUE_LANG", "en");
    c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "trilogue-cli {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// What `role` reads through psql, with its own login: row-level security, not Trilogue, decides.
fn psql(url: &str, sql: &str) -> String {
    let out = Command::new("psql").args(["-X", "-A", "-t", "-d", url, "-c", sql]).output().expect("psql");
    assert!(out.status.success(), "psql: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

async fn go(app: &App, hash: &str, css: &str) {
    app.client.execute(&format!("location.hash = '{hash}'"), vec![]).await.unwrap();
    app.wait(css).await;
}

/// Whether the page says `needle` anywhere.
async fn page_says(app: &App, needle: &str) -> bool {
    let text = app.client.execute("return document.body.innerText", vec![]).await.unwrap();
    text.as_str().unwrap_or_default().contains(needle)
}

pub async fn two_sides_on_a_shared_record(dir: &Path) {
    let host = std::env::var("PGHOST").expect("the shared record's step needs PostgreSQL: run it with scripts/test");
    let host = if host.starts_with('/') { "localhost".to_string() } else { host };
    let port = std::env::var("PGPORT").unwrap_or_else(|_| "5432".into());
    let pid = std::process::id();
    let db = format!("trilogue_e2e_{pid}");
    assert!(Command::new("createdb").arg(&db).status().expect("createdb").success());
    let owner = format!("postgres:///{db}");
    cli(&owner, &["server", "install"], None);
    let mut url = std::collections::HashMap::new();
    for (role, name, organisation, side) in [
        ("aigerim", "Айгерим Сейткали", "Федерация профсоюзов", "workers"),
        ("berik", "Берик Тулегенов", "Федерация профсоюзов", "workers"),
        ("dana", "Дана Курманова", "Ассоциация работодателей", "employers"),
    ] {
        let login = format!("{role}_{pid}");
        let add =
            ["server", "add-member", "--role", &login, "--name", name, "--organisation", organisation, "--side", side];
        cli(&owner, &add, Some("pass\n"));
        url.insert(role, format!("postgres://{login}:pass@{host}:{port}/{db}"));
    }
    let new = ["new", "--title", "Отраслевое соглашение: ИИ на работе", "--level", "sectoral", "--languages", "ru"];
    cli(&owner, &new, None);
    cli(&owner, &["org", "add", "1", "--side", "workers", "--label", "TU", "--name", "Федерация профсоюзов"], None);
    cli(
        &owner,
        &["org", "add", "1", "--side", "employers", "--label", "EMP", "--name", "Ассоциация работодателей"],
        None,
    );
    cli(&url["berik"], &["clause", "add", "1", "--ref", "Пункт 1", "--title", "Переобучение до увольнения"], None);

    // two windows, each with its own login and its own data folder
    let union = App::launch_with(Some(Path::new(&url["aigerim"])), Some(&dir.join("home-aigerim"))).await;
    let employers = App::launch_with(Some(Path::new(&url["dana"])), Some(&dir.join("home-dana"))).await;
    for app in [&union, &employers] {
        go(app, "#/settings", "[data-testid=sits-for]").await;
    }
    union.wait_text("[data-testid=sits-for]", "Федерация профсоюзов — Workers").await;
    employers.wait_text("[data-testid=sits-for]", "Ассоциация работодателей — Employers").await;
    union.shot("70-shared-settings").await;
    for app in [&union, &employers] {
        go(app, "#/clause/1", "[data-testid=clause-workspace]").await;
    }

    // the union's second negotiator tables a text with the CLI: both windows show it, unasked
    let text = "Работодатель обеспечивает переобучение не менее 100 часов до любого уведомления об увольнении";
    cli(&url["berik"], &["propose", "Пункт 1", "--party", "TU", "--table", "--file", "-"], Some(text));
    union.wait_text("[data-testid=clause-workspace]", "не менее 100 часов").await;
    employers.wait_text("[data-testid=clause-workspace]", "не менее 100 часов").await;

    // the union's note and draft stay with the union
    union.wait("[data-testid=note-reasoning]").await.send_keys("ЧАСТНОЕ: не уступать ниже 80 часов").await.unwrap();
    union.click("[data-testid=note-save]").await;
    union.wait_text("[data-testid=clause-workspace]", "не уступать ниже 80 часов").await;
    union.click("[data-testid=track-party-1] button").await;
    let editor = union.wait("[data-testid=editor]").await;
    editor.clear().await.unwrap();
    editor.send_keys("ЧЕРНОВИК: не менее 90 часов, за счёт работодателя").await.unwrap();
    union.click("[data-testid=save-draft]").await;
    union.wait_text("[data-testid=clause-workspace]", "ЧЕРНОВИК").await;
    union.scroll_to("[data-testid=private-note]").await;
    union.shot("71-shared-union-note-and-draft").await;
    // the employers' window, read again, has neither
    go(&employers, "#/clauses", "[data-testid=clause-list]").await;
    go(&employers, "#/clause/1", "[data-testid=clause-workspace]").await;
    employers.wait_text("[data-testid=clause-workspace]", "не менее 100 часов").await;
    for secret in ["ЧАСТНОЕ", "ЧЕРНОВИК", "80 часов"] {
        assert!(!page_says(&employers, secret).await, "the employers' window shows the union's {secret}");
    }
    // nor does psql, with the employers' own login
    let dana = &url["dana"];
    assert_eq!(psql(dana, "SELECT count(*) FROM private_notes"), "0");
    assert_eq!(psql(dana, "SELECT count(*) FROM versions WHERE tabled_at IS NULL"), "0");
    assert_eq!(psql(dana, "SELECT count(*) FROM version_texts t JOIN versions v ON v.id = t.version_id"), "0");
    assert_eq!(psql(&url["berik"], "SELECT count(*) FROM private_notes"), "1", "the union's other login reads it");

    // the employers answer with a joint text in their window; the union's shows it at once
    employers.click("[data-testid=track-joint] button").await;
    let editor = employers.wait("[data-testid=editor]").await;
    editor.clear().await.unwrap();
    editor.send_keys("Работодатель обеспечивает переобучение не менее 80 часов").await.unwrap();
    employers.click("[data-testid=save-table]").await;
    employers.wait_text("[data-testid=notice]", "tabled").await;
    union.wait_text("[data-testid=clause-workspace]", "не менее 80 часов").await;

    // initials: each for their own side, each seen by the other as it is given
    union.click("[data-testid=initial-TU]").await;
    union.wait_text("[data-testid=notice]", "TU initialed").await;
    employers.wait_text("[data-testid=initial-row-TU]", "initialed v").await;
    employers.click("[data-testid=initial-EMP]").await;
    employers.wait_text("[data-testid=clause-workspace] header", "Tentatively agreed").await;
    union.wait_text("[data-testid=clause-workspace] header", "Tentatively agreed").await;
    union.wait_text("[data-testid=initial-row-EMP]", "initialed v").await;
    // by the member's name, not their login
    union.wait_text("[data-testid=initial-row-EMP]", "Дана Курманова").await;
    employers.scroll_to("[data-testid=initials]").await;
    employers.shot("72-shared-employers-see-union-initial").await;
    // and the CLI, as the third person, sees what the two windows did
    let shown: serde_json::Value =
        serde_json::from_str(&cli(&url["berik"], &["show", "Пункт 1", "--json"], None)).unwrap();
    assert_eq!(shown["clause"]["status"], "tentatively_agreed");
    let initialed_by: Vec<&str> =
        shown["initials"].as_array().unwrap().iter().map(|i| i["initialed_by"].as_str().unwrap()).collect();
    assert_eq!(initialed_by, [format!("aigerim_{pid}"), format!("dana_{pid}")], "under each one's login");

    // a session the union's second negotiator schedules with the CLI shows in the employers' sessions
    // view, unasked
    go(&employers, "#/sessions", "[data-testid=sessions]").await;
    let plan = ["schedule", "1", "--at", "2027-01-12T09:00:00Z", "--place", "Астана", "--agenda", "Пункт 1"];
    cli(&url["berik"], &plan, None);
    employers.wait("[data-testid=session-link-1]").await;
    employers.wait_text("[data-testid=sessions]", "Астана").await;
    employers.shot("76-shared-sessions").await;
    // searching the record: the union finds its own draft, the employers only what was tabled
    let hours = "#/search/%D1%87%D0%B0%D1%81%D0%BE%D0%B2"; // "часов"
    go(&union, hours, "[data-testid=search-results] mark").await;
    union.wait_text("[data-testid=search-results]", "ЧЕРНОВИК").await;
    union.shot("77-shared-search").await;
    go(&employers, hours, "[data-testid=search-results] mark").await;
    employers.wait_text("[data-testid=search-results]", "80").await;
    assert!(!page_says(&employers, "ЧЕРНОВИК").await, "the employers find no draft of the union");
    // the clause library and the standards, read from the server
    go(&union, "#/library", "[data-testid=library-item]").await;
    union.shot("78-shared-library").await;

    // the same views in Russian and in Kazakh
    for (app, lang, word) in [(&union, "ru", "Обзор"), (&employers, "kk", "Шолу")] {
        go(app, "#/settings", "[data-testid=language]").await;
        app.wait("[data-testid=language]").await.select_by_value(lang).await.unwrap();
        app.wait_text("nav", word).await;
        app.shot(&format!("73-shared-settings-{lang}")).await;
        go(app, "#/clause/1", "[data-testid=clause-workspace]").await;
        app.wait_text("[data-testid=clause-workspace]", "не менее 80 часов").await;
        app.scroll_to("[data-testid=initials]").await;
        app.shot(&format!("74-shared-clause-{lang}")).await;
        go(app, "#/clauses", "[data-testid=clause-list]").await;
        app.shot(&format!("75-shared-clauses-{lang}")).await;
    }
    eprintln!("shared record: two windows and the CLI, three people of two sides, on {db}");
    union.close().await;
    employers.close().await;
}
