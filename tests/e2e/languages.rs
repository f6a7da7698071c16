//! The whole interface in Kazakh and Russian: the app opens in the system's language on its first run,
//! on the demo negotiation in that language, keeps the language chosen in Settings between runs, and no
//! English — of its catalogue or of the data — is left on any screen the tour visits. Each view is
//! saved as a screenshot in both languages.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Value, json};

use crate::app::App;
use crate::{run_cli, set_value, type_into};

/// The views the tour visits: the route (`{clause}` is the demo's point 7), what shows when the view is
/// ready, and its name.
const VIEWS: [(&str, &str, &str); 10] = [
    ("#/", "[data-testid=dashboard]", "dashboard"),
    ("#/clauses", "[data-testid=clause-row]", "clauses"),
    ("#/clause/{clause}", "[data-testid=clause-workspace]", "clause"),
    ("#/clause/{clause}/compare/joint", "[data-testid=compare]", "compare"),
    ("#/agreement", "[data-testid=agreement-row] .marked", "comparison-table"),
    ("#/sessions/3", "[data-testid=packet]", "session"),
    ("#/standing", "[data-testid=initials-table]", "standing"),
    ("#/library", "[data-testid=library-item]", "library"),
    ("#/setup", "[data-testid=intake]", "setup"),
    ("#/settings", "[data-testid=settings]", "settings"),
];

/// English words of the data on a Kazakh or Russian screen: a word of five Latin letters or more in any
/// text shown, apart from names (the app, Markdown, Windows, LibreOffice, Excel), the codes of standards, hashes and the
/// workbench's path.
const FIND_LATIN: &str = r#"const found = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.getClientRects().length === 0) continue;
      if (element.closest("[data-testid=workbench-path], strong, select, code")) continue;
      for (const w of node.textContent.match(/[A-Za-z]{5,}/g) ?? []) {
        if (!["Trilogue", "Markdown", "Windows", "LibreOffice", "Excel", "PostgreSQL"].includes(w) && !/^[a-f]+$/.test(w)) found.add(w);
      }
    }
    return [...found];"#;

/// A catalogue's messages by their dotted keys (the translators' `_notes` are not messages).
fn catalogue(code: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("ui/src/lib/locales/{code}.json"));
    let value: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    fn walk(v: &Value, prefix: &str, out: &mut BTreeMap<String, String>) {
        for (k, v) in v.as_object().unwrap() {
            if k.starts_with('_') {
                continue;
            }
            match v {
                Value::String(s) => {
                    out.insert(format!("{prefix}{k}"), s.clone());
                }
                _ => walk(v, &format!("{prefix}{k}."), out),
            }
        }
    }
    walk(&value, "", &mut out);
    out
}

/// The English words of the interface that must not show in `code`: each English message's literal
/// text between its arguments, where the translation does not keep it.
fn english_left(code: &str) -> (Vec<String>, Vec<String>) {
    let (english, other) = (catalogue("en"), catalogue(code));
    let (mut phrases, mut words) = (vec![], vec![]);
    for (key, message) in &english {
        let translated = &other[key];
        let mut depth = 0;
        let mut literal = String::new();
        let mut pieces = vec![];
        for c in message.chars() {
            match c {
                '{' => {
                    depth += 1;
                    pieces.push(std::mem::take(&mut literal));
                }
                '}' => depth -= 1,
                _ if depth == 0 => literal.push(c),
                _ => {}
            }
        }
        pieces.push(literal);
        for piece in pieces {
            let piece = piece.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
            let letters = piece.chars().filter(|c| c.is_ascii_alphabetic()).count();
            if letters < 4 || translated.contains(&piece) {
                continue;
            }
            if piece.contains(' ') { phrases.push(piece) } else { words.push(piece) }
        }
    }
    (phrases, words)
}

/// The catalogue's English found in the text the view shows: a phrase of three words or more anywhere
/// in a text, a shorter one or a word only as a whole text (a label, a button) — so that the demo's
/// English data, its clause texts and reasons, is not taken for the interface.
const FIND_ENGLISH: &str = r#"const [phrases, words] = arguments;
    const found = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.getClientRects().length === 0) continue;
      const text = node.textContent.trim();
      if (!text) continue;
      for (const p of phrases) if (p.split(" ").length >= 3 ? text.includes(p) : text === p) found.add(p);
      for (const w of words) if (text === w) found.add(w);
    }
    return [...found];"#;

async fn tour(app: &App, code: &str, number: u32, clause: i64) {
    let (phrases, words) = english_left(code);
    for (route, ready, name) in VIEWS {
        let route = route.replace("{clause}", &clause.to_string());
        app.client.execute(&format!("location.hash = '{route}'"), vec![]).await.unwrap();
        app.wait(ready).await;
        // what is painted once the view's data is in
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let found = app.client.execute(FIND_ENGLISH, vec![json!(phrases), json!(words)]).await.unwrap();
        assert_eq!(found, json!([]), "English left on the {code} {name} screen");
        let latin = app.client.execute(FIND_LATIN, vec![]).await.unwrap();
        assert_eq!(latin, json!([]), "English data on the {code} {name} screen");
        app.shot(&format!("{number}-{code}-{name}")).await;
    }
}

/// A Russian-speaking and a Kazakh-speaking negotiator each use the whole app in their language: the
/// first run on a Russian system opens on the demo in Russian; in Kazakh, Settings opens it in Kazakh.
pub async fn the_interface_in_kazakh_and_russian(dir: &Path) {
    let db = dir.join("languages.sqlite3");
    let home = dir.join("languages-home");
    // a Russian system: its locale compiled here (no root needed), as WebKit reads the language from it
    let locales = dir.join("locales");
    std::fs::create_dir_all(&locales).unwrap();
    let made = std::process::Command::new("localedef")
        .args(["-i", "ru_RU", "-f", "UTF-8"])
        .arg(locales.join("ru_RU.UTF-8"))
        .status()
        .expect("localedef (the locales package, installed by scripts/setup)");
    assert!(made.success(), "localedef ru_RU.UTF-8");
    let locpath = locales.to_str().unwrap();
    let russian = [("LOCPATH", locpath), ("LANG", "ru_RU.UTF-8"), ("LC_ALL", "ru_RU.UTF-8"), ("LANGUAGE", "ru")];
    let app = App::launch_env(Some(&db), Some(&home), &russian).await;
    app.wait_text("nav", "Обзор").await;
    app.wait_text("[data-testid=negotiation-title]", "Генеральное соглашение на").await;
    let point = |reference: &str| {
        let shown: Value = serde_json::from_slice(&run_cli(&db, &["show", reference, "--json"])).unwrap();
        shown["clause"]["id"].as_i64().unwrap()
    };
    tour(&app, "ru", 60, point("Пункт 7")).await;
    // the comparison table compares the Russian texts, or the Kazakh ones when chosen
    app.client.execute("location.hash = '#/agreement'", vec![]).await.unwrap();
    app.wait_text("[data-testid=agreement-row]", "Настоящий раздел распространяется").await;
    set_value(&app, "[data-testid=texts-in]", "kk").await;
    app.wait_text("[data-testid=agreement-row]", "Осы бөлімнің қолданысы").await;
    app.shot("60-ru-comparison-table-kazakh-texts").await;
    set_value(&app, "[data-testid=texts-in]", "ru").await;
    app.wait_text("[data-testid=agreement-row]", "Настоящий раздел распространяется").await;
    // a document exported from a Russian screen is in Russian
    app.client.execute("location.hash = '#/standing'", vec![]).await.unwrap();
    let report = dir.join("report-ru.html");
    app.click("[data-testid=export-report]").await;
    app.save_in_dialog(&report).await;
    app.wait_text("[data-testid=standing-notice]", "report-ru.html").await;
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("Информация о ходе переговоров") && html.contains("Визы сторон"), "{html}");
    assert!(html.contains("<html lang=\"ru\">") && html.contains("Профсоюзы"), "the demo's sides, in Russian: {html}");
    app.client.execute("location.hash = '#/settings'", vec![]).await.unwrap();
    set_value(&app, "[data-testid=language]", "kk").await;
    app.wait_text("nav", "Шолу").await;
    app.click("[data-testid=settings-open-demo]").await;
    app.wait_text("[data-testid=negotiation-title]", "жылдарға арналған Бас келісім").await;
    tour(&app, "kk", 61, point("7-тармақ")).await;
    // the core's refusal, in the language the interface speaks
    app.client.execute("location.hash = '#/setup'", vec![]).await.unwrap();
    app.wait("[data-testid=clause-ref]").await;
    type_into(&app, "[data-testid=clause-ref]", "4-тармақ").await;
    type_into(&app, "[data-testid=clause-title]", "Қайталау").await;
    app.click("[data-testid=clause-add]").await;
    app.wait_text("[data-testid=clause-error]", "«4-тармақ» нөмірі бұл келіссөздерде бос емес").await;
    app.scroll_to("[data-testid=clause-error]").await;
    app.shot("61-kk-refusal").await;
    app.close().await;
    // the language chosen is kept: the next run is Kazakh on a Russian system
    let app = App::launch_env(Some(&db), Some(&home), &russian).await;
    app.wait_text("nav", "Шолу").await;
    app.client.execute("location.hash = '#/settings'", vec![]).await.unwrap();
    set_value(&app, "[data-testid=language]", "en").await;
    app.wait_text("nav", "Dashboard").await;
    app.close().await;
}
