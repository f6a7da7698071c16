//! End-to-end: the real app binary in a real window (see app.rs). The first run on the demo, the
//! views a negotiator uses, a shared record on a server in two windows (shared.rs), a hostile table
//! imported with the CLI, then the 1,775-row EU table for the speed and memory figures. Every step saves a screenshot under target/e2e/; what was measured goes to
//! target/e2e/timings.json (figures in BENCHMARKS.md).

mod app;
mod languages;
mod measure;
mod shared;

#[path = "../../crates/core/tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use app::{App, out_dir};
use fantoccini::Locator;
use serde_json::{Value, json};

fn cli() -> PathBuf {
    app::app_binary().with_file_name("trilogue-cli")
}

pub(crate) fn run_cli(db: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new(cli()).arg("--db").arg(db).args(args).output().unwrap();
    assert!(out.status.success(), "trilogue-cli {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// One test, so that the two runs of the app never share the two cores and skew each other's figures.
#[tokio::test(flavor = "multi_thread")]
async fn the_workbench_in_a_real_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut timings = serde_json::Map::new();
    a_negotiation_from_scratch(dir.path()).await;
    a_development_build_keeps_to_its_own_workbench(dir.path()).await;
    two_windows_on_one_workbench(dir.path()).await;
    shared::two_sides_on_a_shared_record(dir.path()).await;
    word_in_and_out(dir.path()).await;
    languages::the_interface_in_kazakh_and_russian(dir.path()).await;
    timings.extend(the_demo_on_first_run(dir.path()).await);
    timings.extend(a_negotiation_of_1775_clauses(dir.path()).await);
    std::fs::write(out_dir().join("timings.json"), serde_json::to_string_pretty(&timings).unwrap()).unwrap();
}

/// The time from the app's process start to the dashboard's content entering the page.
async fn dashboard_after_start(app: &App) -> f64 {
    let pid = app.app_pid();
    let ago = app
        .client
        .execute("return performance.now() - performance.getEntriesByName('ready:dashboard')[0].startTime", vec![])
        .await
        .unwrap();
    measure::age_ms(pid) - ago.as_f64().unwrap()
}

async fn the_demo_on_first_run(dir: &Path) -> serde_json::Map<String, Value> {
    let db = dir.join("first-run.sqlite3");

    // First run: the app creates the workbench and loads the demo.
    let started = Instant::now();
    let mut app = App::launch(&db).await;
    app.wait("[data-testid=dashboard]").await;
    let with_driver = started.elapsed().as_secs_f64() * 1000.0;
    app.timings.insert("demo_launch_to_dashboard_ms_including_driver".into(), json!(with_driver));
    let after_start = dashboard_after_start(&app).await;
    app.timings.insert("demo_process_start_to_dashboard_ms".into(), json!(after_start));
    app.shot("01-dashboard").await;
    app.record_pss("demo_pss_dashboard");
    // The run draws with software GL (LIBGL_ALWAYS_SOFTWARE), so the app has WebKit paint on the CPU
    // without compositing (src-tauri/rendering.rs), unless whoever runs the test chose otherwise
    let web = measure::environ_of(app.app_pid(), "WebKitWebProces").expect("the app's web process");
    for name in ["WEBKIT_SKIA_ENABLE_CPU_RENDERING", "WEBKIT_DISABLE_COMPOSITING_MODE"] {
        if std::env::var_os(name).is_none() {
            assert!(web.iter().any(|v| *v == format!("{name}=1")), "{name} not chosen");
        }
    }
    let agreed = app.text("[data-testid=agreed-count]").await;
    assert!(agreed.contains("5 of 14"), "{agreed}");
    app.wait_text("[data-testid=negotiation-title]", "General Agreement for").await;

    // The clause list
    app.timed_go("#/clauses", "[data-testid=clause-row]", "demo_view_clauses").await;
    let rows = app.client.find_all(Locator::Css("[data-testid=clause-row]")).await.unwrap();
    assert_eq!(rows.len(), 14);
    app.shot("02-clauses").await;

    // A clause: write, save, table
    app.timed_go("#/clause/7", "[data-testid=clause-workspace]", "demo_view_clause").await;
    app.wait_text("[data-testid=clause-workspace] h1", "Retraining before dismissal").await;
    app.shot("03-clause").await;
    app.click("[data-testid=track-joint] button").await;
    let editor = app.wait("[data-testid=editor]").await;
    editor.clear().await.unwrap();
    editor
        .send_keys("No worker shall be dismissed before **twelve months** of paid retraining in working time.")
        .await
        .unwrap();
    app.wait_text("[data-testid=preview]", "twelve months").await;
    let preview = app.wait("[data-testid=preview] strong").await;
    assert_eq!(preview.text().await.unwrap(), "twelve months", "the preview renders Markdown");
    app.wait("[data-testid=rationale]").await.send_keys("Back to the union's figure").await.unwrap();
    app.shot("04-editor").await;
    app.click("[data-testid=save-draft]").await;
    let notice = app.wait_text("[data-testid=notice]", "saved").await;
    let draft_id: i64 = notice.split_whitespace().find_map(|w| w.parse().ok()).expect("the new version's id");
    app.click("[data-testid=track-joint] [data-testid=table-draft]").await;
    app.wait_text("[data-testid=notice]", "tabled").await;
    app.wait_text("[data-testid=track-joint]", "Tabled").await;

    // The diff marks the change
    let show: Value = serde_json::from_slice(&run_cli(&db, &["show", "Art. 7", "--json"])).unwrap();
    let previous_joint = show["versions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["track"]["kind"] == "joint" && v["id"].as_i64() != Some(draft_id))
        .filter_map(|v| v["id"].as_i64())
        .max()
        .expect("the demo's compromise on Art. 7");
    app.timed_go(
        &format!("#/clause/7/diff/{previous_joint}/{draft_id}"),
        "[data-testid=diff-inline] ins",
        "demo_view_diff",
    )
    .await;
    let inserted = app.client.find_all(Locator::Css("[data-testid=diff-inline] ins")).await.unwrap();
    let mut inserted_text = String::new();
    for i in inserted {
        inserted_text.push_str(&i.text().await.unwrap());
    }
    assert!(inserted_text.contains("twelve"), "{inserted_text}");
    app.shot("05-diff").await;

    the_comparison_views(&mut app, dir).await;
    initialing_voiding_and_where_the_agreement_stands(&mut app, dir).await;

    // Search finds a word
    app.wait("#global-search").await.send_keys("redeployment\u{E007}").await.unwrap();
    app.wait_text("[data-testid=search-results]", "Redeployment and job security").await;
    let mark = app.wait("[data-testid=search-results] mark").await.text().await.unwrap();
    assert!(mark.to_lowercase().contains("redeploy"), "{mark}");
    app.shot("06-search").await;

    // The library: a model clause becomes a private joint draft of Art. 3
    app.timed_go("#/library", "[data-testid=library-item]", "demo_view_library").await;
    let model = app.wait("[data-testid=library-item]").await;
    let model_title = model.find(Locator::Css("h2")).await.unwrap().text().await.unwrap();
    model.find(Locator::Css("[data-testid=library-use]")).await.unwrap().click().await.unwrap();
    app.wait("[data-testid=library-target]")
        .await
        .select_by_label("Art. 3 — Information and algorithmic transparency")
        .await
        .unwrap();
    app.shot("07-library").await;
    app.wait("[data-testid=library-draft]").await.click().await.unwrap();
    app.wait_text("[data-testid=clause-workspace] h1", "algorithmic transparency").await;
    let joint = app.wait_text("[data-testid=track-joint]", "Private draft").await;
    let history = app.text("[data-testid=clause-workspace]").await;
    // the model's title is the draft's rationale
    assert!(history.contains(&model_title), "{joint}\n{history}");
    app.no_script_ran().await;

    // A table imported with the CLI, hostile from title to party label, opens in the app; nothing runs
    let hostile = dir.join("hostile.csv");
    std::fs::write(
        &hostile,
        "ref,title,<img src=x onerror=window.__xss=1>,EA\n\
         H1,<script>window.__xss=1</script> Scope,\"<img src=x onerror=\"\"window.__xss=1\"\"> Workers **retrain**\",\"[click](javascript:window.__xss=1) Employers\"\n\
         H2,Notice <svg onload=window.__xss=1>,Ninety days.,Thirty days.\n",
    )
    .unwrap();
    run_cli(&db, &["import-table", hostile.to_str().unwrap(), "--title", "Imported <b>table</b>"]);
    app.client.refresh().await.unwrap();
    app.timed_go("#/settings", "[data-testid=settings]", "demo_view_settings").await;
    // the list of negotiations is read as the page starts: wait for the imported one to be in it
    let start = Instant::now();
    loop {
        let select = app.wait("[data-testid=settings] select").await;
        if select.select_by_label("Imported <b>table</b>").await.is_ok() {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "the imported negotiation never appeared in Settings");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.timed_go("#/clauses", "[data-testid=clause-row]", "imported_view_clauses").await;
    app.wait_text("[data-testid=clause-list]", "<script>window.__xss=1</script> Scope").await;
    app.shot("08-imported-list").await;
    app.wait("[data-testid=clause-row]").await.click().await.unwrap();
    app.wait_text("[data-testid=clause-workspace]", "Workers").await;
    app.shot("09-imported-clause").await;
    app.no_script_ran().await;

    // Opening another workbench: a file that is no workbench is refused (the command File › Open
    // workbench calls), left as it was, and the open one stays; a workbench chosen in the native dialog
    // of File › Open workbench opens and the window shows it.
    let foreign = dir.join("minutes.sqlite3");
    std::fs::write(&foreign, "Minutes of the 3rd session, typed in a text editor.\n").unwrap();
    let other = dir.join("sectoral.sqlite3");
    run_cli(&other, &["import-table", hostile.to_str().unwrap(), "--title", "Sectoral agreement, metallurgy"]);
    app.open_through_the_menu(&foreign).await;
    app.wait_text("[data-testid=banner]", "minutes.sqlite3 is not a Trilogue workbench").await;
    assert_eq!(std::fs::read(&foreign).unwrap(), b"Minutes of the 3rd session, typed in a text editor.\n");
    the_page_never_names_a_file(&app, dir).await;
    app.open_through_the_menu(&other).await;
    app.wait_text("[data-testid=dashboard] h1", "Sectoral agreement, metallurgy").await;
    app.shot("10-other-workbench").await;
    app.no_script_ran().await;

    let timings = std::mem::take(&mut app.timings);
    app.close().await;
    timings
}

/// The position comparison of Art. 7 against each kind of reference, the four-column document with its
/// filters, jump and print layout, and its export through the app's own command.
async fn the_comparison_views(app: &mut App, dir: &Path) {
    app.timed_go("#/clause/7", "[data-testid=compare-link]", "demo_view_clause_again").await;
    app.wait("[data-testid=compare-link]").await.click().await.unwrap();
    app.wait("[data-testid=compare-column] ins").await;
    let columns = app.client.find_all(Locator::Css("[data-testid=compare-column] h2")).await.unwrap();
    let mut labels = Vec::new();
    for c in columns {
        labels.push(c.text().await.unwrap());
    }
    assert_eq!(labels, ["TU", "EMP", "GOV", "Joint text"], "Art. 7 has no status quo to show");
    app.wait_text("[data-testid=compare-explanation]", "from the Joint text").await;
    app.wait("[data-testid=convergence-chart]").await;
    app.shot("17-compare-joint").await;
    app.wait("[data-testid=reference-EMP]").await.click().await.unwrap();
    app.wait_text("[data-testid=compare-explanation]", "from the EMP").await;
    app.wait("[data-testid=reference-since]").await.click().await.unwrap();
    app.wait_text("[data-testid=compare-explanation]", "as it stood at session 3").await;
    app.shot("18-compare-since").await;

    app.timed_go("#/agreement", "[data-testid=agreement-row] .marked", "demo_view_agreement").await;
    app.wait_text("[data-testid=agreement-count]", "14 of 14 clauses").await;
    app.shot("19-four-columns").await;
    app.wait("[data-testid=agreement-scope]").await.select_by_label("In impasse").await.unwrap();
    app.wait_text("[data-testid=agreement-count]", "1 of 14 clauses").await;
    app.wait("[data-testid=agreement-row][data-ref='Art. 8']").await;
    app.wait("[data-testid=agreement-scope]").await.select_by_label("All clauses").await.unwrap();
    app.wait("[data-testid=agreement-jump]").await.send_keys("art 7\u{E007}").await.unwrap();
    app.wait("[data-testid=agreement-row][data-ref='Art. 7'].highlighted ins").await;
    app.shot("19b-four-columns-art7").await;

    let exported = dir.join("four-columns.html");
    app.click("[data-testid=export-four-html]").await;
    app.save_in_dialog(&exported).await;
    app.wait_text("[data-testid=agreement-count]", "four-columns.html").await;
    let html = std::fs::read_to_string(&exported).unwrap();
    assert!(html.contains("size:A4 landscape") && html.contains("<ins>"), "a printable, marked document");
    assert!(!html.contains("CAUCUS ONLY"), "no private draft in the export");

    app.timed_go("#/agreement/joint/print", "[data-testid=agreement-print] tbody tr", "demo_view_print").await;
    let printed = app.client.find_all(Locator::Css("[data-testid=agreement-print] tbody tr")).await.unwrap();
    assert_eq!(printed.len(), 14, "every row, not only those in view");
    app.shot("20-four-columns-print").await;
    // Print… opens the system's print dialog over the window; Escape closes it and the app goes on
    let print = app.wait("[data-testid=print-now]").await;
    let (_, dialog) = tokio::join!(print.click(), app.close_dialog("^Print"));
    assert!(!dialog.is_empty());
    app.wait("[data-testid=agreement-print] tbody tr").await;
    app.no_script_ran().await;
}

/// Art. 14, initialed by two of three, gets the third initial and is tentatively agreed; an illegal move
/// is refused with the reason; a new joint text voids the initials where the workspace opens. Then the
/// session with its packet, and the agreement's standing with its reports.
async fn initialing_voiding_and_where_the_agreement_stands(app: &mut App, dir: &Path) {
    app.timed_go("#/clause/14", "[data-testid=initial-row-EMP]", "demo_view_clause_initials").await;
    app.wait_text("[data-testid=clause-workspace] h1", "Settlement of disputes").await;
    app.wait_text("[data-testid=initial-row-EMP]", "pending").await;
    app.wait_text("[data-testid=initial-row-TU]", "initialed v").await;
    app.shot("24-initials-two-of-three").await;
    app.click("[data-testid=initial-EMP]").await;
    app.wait_text("[data-testid=notice]", "EMP initialed").await;
    app.wait_text("[data-testid=clause-workspace] header", "Tentatively agreed").await;
    app.wait_text("[data-testid=initial-row-EMP]", "initialed v").await;
    app.scroll_to("[data-testid=initials]").await;
    app.shot("25-tentatively-agreed").await;

    app.wait("[data-testid=status-select]").await.select_by_label("Withdrawn").await.unwrap();
    app.wait("[data-testid=status-reason]").await.send_keys("The EMP changed its mind").await.unwrap();
    app.wait("[data-testid=status-reason]").await.send_keys("\u{E007}").await.unwrap();
    app.wait_text("[data-testid=status-error]", "cannot go from tentatively agreed to withdrawn").await;
    app.wait_text("[data-testid=clause-workspace] header", "Tentatively agreed").await;
    app.shot("26-illegal-move-refused").await;

    app.click("[data-testid=track-joint] button").await;
    let editor = app.wait("[data-testid=editor]").await;
    editor.clear().await.unwrap();
    editor
        .send_keys("Disputes go first to the joint technology committee, then to **binding arbitration**.")
        .await
        .unwrap();
    app.click("[data-testid=save-table]").await;
    app.wait_text("[data-testid=notice]", "tabled").await;
    let banner = app.wait_text("[data-testid=voided-banner]", "voided the initials of TU, EMP, GOV").await;
    assert!(banner.contains("Initials voided"), "{banner}");
    app.wait_text("[data-testid=clause-workspace] header", "Open").await;
    app.wait_text("[data-testid=initial-row-GOV]", "voided").await;
    app.scroll_to("[data-testid=clause-workspace] header").await;
    app.shot("27-initials-voided").await;
    app.scroll_to("[data-testid=initials]").await;
    app.shot("27b-initials-voided-panel").await;
    app.no_script_ran().await;

    // our private note: kept here, marked as private, never in an export (checked below)
    app.wait("[data-testid=note-priority]").await.select_by_label("Must have").await.unwrap();
    app.wait("[data-testid=note-red-line]").await.send_keys("PRIVATE-e2e arbitration only by consent").await.unwrap();
    app.wait("[data-testid=note-reasoning]").await.send_keys("PRIVATE-e2e the EMP wants speed").await.unwrap();
    app.click("[data-testid=note-save]").await;
    app.wait_text("[data-testid=notice]", "never leaves this workbench").await;
    app.wait_text("[data-testid=private-note]", "arbitration only by consent").await;
    app.scroll_to("[data-testid=private-note]").await;
    app.shot("27c-private-note").await;

    app.timed_go("#/sessions/3", "[data-testid=packet]", "demo_view_session").await;
    app.wait_text("[data-testid=session-tabled]", "Art. 14").await;
    app.wait_text("[data-testid=session-initialed]", "since voided").await;
    app.wait_text("[data-testid=packet]", "What changed since session 3 began").await;
    // eleven clauses changed: ten on the screen, the eleventh a click away
    app.wait_text("[data-testid=packet-rest]", "1 more changed clause is not shown yet").await;
    app.click("[data-testid=packet-more]").await;
    app.wait_text("[data-testid=packet-change]:nth-of-type(11)", "Art. 14").await;
    app.shot("28-session-and-packet").await;

    // the secretariat schedules session 5, records who came to session 3, writes session 5's minutes
    app.click("[data-testid=schedule-open]").await;
    let set_value = r#"const [css, value] = arguments; const el = document.querySelector(css);
        if (el.multiple) { for (const o of el.options) o.selected = value.includes(o.text); el.dispatchEvent(new Event("change", { bubbles: true })); }
        else { el.value = value; el.dispatchEvent(new Event("input", { bubbles: true })); }"#;
    // two months from today: the demo's calendar is laid out around the day the app loaded it
    let fifth = (chrono::Local::now() + chrono::Duration::days(60)).format("%Y-%m-%dT10:00").to_string();
    app.client.execute(set_value, vec![json!("[data-testid=schedule-at]"), json!(fifth)]).await.unwrap();
    app.wait("[data-testid=schedule-place]").await.send_keys("Astana — Hall 2").await.unwrap();
    let agenda = json!(["Art. 8 Redeployment and job security", "Art. 14 Settlement of disputes"]);
    app.client.execute(set_value, vec![json!("[data-testid=schedule-agenda]"), agenda]).await.unwrap();
    app.click("[data-testid=schedule-save]").await;
    app.wait_text("[data-testid=sessions-notice]", "Session 5 scheduled").await;
    app.wait_text("[data-testid=sessions] article", "Session 5").await;
    app.wait_text("[data-testid=sessions] .agenda", "Art. 14").await;
    app.click("[data-testid=minutes-open]").await;
    // WebDriver types a newline in a textarea as nothing here: the minutes are set as a paste would
    let minutes = "## Agreed\n\nThe mediator tables **a proposal on Art. 8**.";
    app.client.execute(set_value, vec![json!("[data-testid=minutes-editor]"), json!(minutes)]).await.unwrap();
    app.click("[data-testid=minutes-save]").await;
    app.wait_text("[data-testid=sessions-notice]", "Minutes saved").await;
    app.wait_text("[data-testid=sessions] .prose h2", "Agreed").await;
    app.wait_text("[data-testid=sessions] .prose p strong", "a proposal on Art. 8").await;
    app.shot("32-session-scheduled").await;
    app.timed_go("#/sessions/3", "[data-testid=packet]", "demo_view_session_again").await;
    app.click("[data-testid=attendance-open]").await;
    app.click("[data-testid=attendance] input[type=checkbox]").await;
    app.scroll_to("[data-testid=attendance]").await;
    app.shot("33-attendance").await;
    app.click("[data-testid=attendance-save]").await;
    app.wait_text("[data-testid=sessions-notice]", "recorded as attending").await;

    app.timed_go("#/standing", "[data-testid=initials-table]", "demo_view_standing").await;
    app.wait_text("[data-testid=agreement-status]", "In session").await;
    app.wait("[data-testid=agreement-to]").await.select_by_label("Tentative settlement").await.unwrap();
    app.wait("[data-testid=agreement-reason]").await.send_keys("All done?\u{E007}").await.unwrap();
    app.wait_text("[data-testid=standing-error]", "needs every opened clause initialed or withdrawn").await;
    app.shot("29-agreement-standing").await;

    for (kind, needle, button) in [
        ("status_report", "Status report", "export-report"),
        ("final_agreement", "protocol of disagreements", "export-final"),
    ] {
        let path = dir.join(format!("{kind}.html"));
        app.click(&format!("[data-testid={button}]")).await;
        app.save_in_dialog(&path).await;
        let html = std::fs::read_to_string(&path).unwrap();
        assert!(html.contains(needle), "{kind}");
        for private in ["CAUCUS ONLY", "a longer retraining period can buy", "PRIVATE-e2e"] {
            assert!(!html.contains(private), "{kind} carries a private text: {private}");
        }
    }
    app.no_script_ran().await;
}

/// Sets a form field's value as a paste would (a date input, a select), firing the events Svelte reads.
const SET_VALUE: &str = r#"const [css, value] = arguments; const el = document.querySelector(css);
    el.value = value; el.dispatchEvent(new Event("input", { bubbles: true })); el.dispatchEvent(new Event("change", { bubbles: true }));"#;

pub(crate) async fn set_value(app: &App, css: &str, value: &str) {
    app.wait(css).await;
    app.client.execute(SET_VALUE, vec![json!(css), json!(value)]).await.unwrap();
}

async fn select(app: &App, css: &str, label: &str) {
    app.wait(css).await.select_by_label(label).await.unwrap_or_else(|e| panic!("{css}: no option '{label}': {e}"));
}

pub(crate) async fn type_into(app: &App, css: &str, text: &str) {
    let field = app.wait(css).await;
    field.clear().await.unwrap();
    if !text.is_empty() {
        field.send_keys(text).await.unwrap();
    }
}

/// The issue's scenario in the app: on an empty workbench a union negotiator sets up a tripartite
/// negotiation with a coalition on two sides, adds delegates and five clauses (two from the library),
/// enters the employers' text received by letter last week and the ministry's from a semicolon CSV
/// saved by a Russian-language spreadsheet, has a clause initialed, closes with a protocol of
/// disagreements, and exports the final agreement with its protocol.
async fn a_negotiation_from_scratch(dir: &Path) {
    let db = dir.join("from-scratch.sqlite3");
    run_cli(&db, &["negotiations"]); // an empty workbench, as the CLI leaves one
    let mut app = App::launch(&db).await;
    app.wait("[data-testid=empty-workbench] [data-testid=new-negotiation]").await;
    app.shot("40-empty-workbench").await;
    type_into(&app, "[data-testid=new-title]", "Отраслевое соглашение 2027–2029: ИИ на работе").await;
    select(&app, "[data-testid=new-level]", "Sectoral").await;
    app.click("[data-testid=new-closing-protocol]").await;
    app.click("[data-testid=new-create]").await;
    app.wait("[data-testid=setup] [data-testid=organisations]").await;
    app.wait_text("[data-testid=setup-summary]", "Sign the agreed terms with a protocol of disagreements").await;
    app.wait_text("[data-testid=negotiation-title]", "Отраслевое соглашение").await;

    let orgs = [
        ("Workers", "TU", "Association of sectoral trade unions"),
        ("Workers", "KTU", "Association of regional trade unions"),
        ("Employers", "EMP", "Association of employers of the sector"),
        ("Employers", "AIE", "Association of industrial enterprises"),
        ("Government", "GOV", "Authorised state body for labour"),
    ];
    for (side, label, name) in orgs {
        select(&app, "[data-testid=org-side]", side).await;
        type_into(&app, "[data-testid=org-label]", label).await;
        type_into(&app, "[data-testid=org-name]", name).await;
        app.click("[data-testid=org-add]").await;
        app.wait_text("[data-testid=setup-notice]", &format!("{label} added.")).await;
    }
    select(&app, "[data-testid=owner]", "TU — Association of sectoral trade unions").await;
    app.wait_text("[data-testid=setup-notice]", "This workbench is TU's.").await;
    for (org, name, role) in [
        ("TU", "Aigerim Seitkali", "coordinator"),
        ("KTU", "Yerlan Nurpeisov", "spokesperson"),
        ("EMP", "Marat Zhaksylykov", "coordinator"),
        ("AIE", "Gulnara Abenova", "legal counsel"),
        ("GOV", "Timur Bekov", "coordinator"),
    ] {
        select(&app, "[data-testid=delegate-org]", org).await;
        type_into(&app, "[data-testid=delegate-name]", name).await;
        select(&app, "[data-testid=delegate-role]", role).await;
        app.click("[data-testid=delegate-add]").await;
        app.wait_text("[data-testid=setup-notice]", &format!("{name} added.")).await;
    }
    app.scroll_to("[data-testid=organisations]").await;
    app.shot("41-setup-sides-and-delegates").await;
    for (r, title, model) in [
        ("Статья 1", "Уведомление", ""),
        ("Статья 2", "Прозрачность", ""),
        ("Статья 3", "", "Retraining before dismissal"),
        ("Статья 4", "", "Human oversight"),
        ("Статья 5", "Согласие коллектива", ""),
    ] {
        type_into(&app, "[data-testid=clause-ref]", r).await;
        type_into(&app, "[data-testid=clause-title]", title).await;
        if !model.is_empty() {
            select(&app, "[data-testid=clause-library]", model).await;
        }
        app.click("[data-testid=clause-add]").await;
        app.wait_text("[data-testid=setup-notice]", &format!("{r} added.")).await;
    }
    // a model comes in the negotiation's authentic languages, Kazakh first (the interface is English)
    app.wait_text("[data-testid=setup-clauses]", "Жұмыстан босатуға дейін қайта оқыту").await;
    app.scroll_to("[data-testid=setup-clauses]").await;
    app.shot("42-setup-clauses").await;

    // the ministry's table: semicolons, Windows-1251, as a Russian-language spreadsheet saves it
    let csv = [
        "ref;title;GOV;joint",
        "Статья 1;Уведомление;Уведомление за 90 дней.;Уведомление за 90 дней.",
        "Статья 2;Прозрачность;\"Работники вправе знать; как работает система.\";",
        "Статья 9;Споры;Споры решает комиссия.;",
    ]
    .join("\r\n");
    let table = dir.join("mlsp.csv");
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&csv);
    std::fs::write(&table, &bytes).unwrap();
    app.click("[data-testid=intake-choose]").await;
    app.choose_in_dialog(&table).await;
    app.wait_text("[data-testid=intake-preview]", "Статья 9").await;
    app.wait_text("[data-testid=intake-summary]", "4 texts to table, 1 new clause, 3 clauses not in the file.").await;
    app.wait_text("[data-testid=intake-encoding]", "Windows-1251").await;
    app.scroll_to("[data-testid=intake-preview]").await;
    app.shot("43-intake-preview").await;
    assert_eq!(
        serde_json::from_slice::<Value>(&run_cli(&db, &["clauses", "1", "--json"])).unwrap().as_array().unwrap().len(),
        5,
        "the preview writes nothing"
    );
    let last_week = (chrono::Local::now() - chrono::Duration::days(7)).format("%Y-%m-%d").to_string();
    set_value(&app, "[data-testid=intake-received]", &last_week).await;
    type_into(&app, "[data-testid=intake-letter]", "МТСЗН-01/77").await;
    app.click("[data-testid=intake-apply]").await;
    app.wait_text("[data-testid=setup-notice]", "Taken in: 4 texts tabled, 1 clause added.").await;

    // the employers' text of Статья 2, received by letter last week, entered in the clause
    let show = |r: &str| serde_json::from_slice::<Value>(&run_cli(&db, &["show", r, "--neg", "1", "--json"])).unwrap();
    let art2 = show("Статья 2")["clause"]["id"].as_i64().unwrap();
    app.timed_go(&format!("#/clause/{art2}"), "[data-testid=clause-workspace]", "scratch_view_clause").await;
    app.click("[data-testid=track-party-3] button").await;
    type_into(&app, "[data-testid=editor]", "Работодатель по запросу разъясняет назначение системы.").await;
    type_into(&app, "[data-testid=rationale]", "Коммерческая тайна").await;
    set_value(&app, "[data-testid=received]", &last_week).await;
    type_into(&app, "[data-testid=letter]", "НЭА-12/345").await;
    app.shot("44-text-received-by-letter").await;
    app.click("[data-testid=save-table]").await;
    app.wait_text("[data-testid=notice]", "tabled").await;
    let nea =
        show("Статья 2")["versions"].as_array().unwrap().iter().find(|v| v["letter_ref"] == "НЭА-12/345").cloned();
    let nea = nea.expect("the employers' text with its letter");
    assert_eq!(nea["tabled_at"].as_str().unwrap()[..10], last_week, "tabled when received, not when typed");

    // Статья 1 rests on two standards, linked here
    let art1 = show("Статья 1")["clause"]["id"].as_i64().unwrap();
    app.timed_go(&format!("#/clause/{art1}"), "[data-testid=clause-workspace]", "scratch_view_clause_1").await;
    app.click("[data-testid=standards-edit]").await;
    for code in ["ILO C158 Art. 13", "ILO C144"] {
        app.click(&format!("[data-testid='standard-{code}']")).await;
    }
    app.click("[data-testid=standards-save]").await;
    app.wait_text("[data-testid=notice]", "2 standards linked").await;
    app.wait_text("[data-testid=clause-standards]", "ILO C158 Art. 13").await;
    assert_eq!(show("Статья 1")["standards"], json!(["ILO C144", "ILO C158 Art. 13"]));

    // the joint text came in Russian only, and the agreement has two authentic texts: the Kazakh text
    // is written beside it, and the two are shown side by side
    app.click("[data-testid=track-joint] button").await;
    set_value(&app, "[data-testid=editor-language]", "kk").await;
    type_into(&app, "[data-testid=editor]", "90 күн бұрын хабарлау.").await;
    app.click("[data-testid=save-table]").await;
    app.wait_text("[data-testid=track-joint] [data-testid=language-set]", "90 күн бұрын хабарлау.").await;
    app.wait_text("[data-testid=track-joint] [data-testid=language-set]", "Уведомление за 90 дней.").await;
    app.scroll_to("[data-testid=track-joint]").await;
    app.shot("44b-two-authentic-texts").await;
    let joint = show("Статья 1")["language_sets"].as_array().unwrap().last().unwrap()["texts"].clone();
    assert_eq!(
        joint,
        json!([{"lang": "kk", "text": "90 күн бұрын хабарлау."}, {"lang": "ru", "text": "Уведомление за 90 дней."}])
    );

    // every side initials the joint text: the workers' coalition through the KTU's row, by the KTU's
    // own spokesperson; the others by their sides' coordinators, as offered
    select(&app, "[data-testid=initial-by-KTU]", "Yerlan Nurpeisov · spokesperson").await;
    for (party, by) in [("KTU", "Yerlan Nurpeisov"), ("EMP", "Marat Zhaksylykov"), ("GOV", "Timur Bekov")] {
        app.click(&format!("[data-testid=initial-{party}]")).await;
        app.wait_text(&format!("[data-testid=initial-row-{party}]"), by).await;
    }
    app.wait_text("[data-testid=clause-workspace]", "Tentatively agreed").await;
    let by: Vec<Value> =
        show("Статья 1")["initials"].as_array().unwrap().iter().map(|i| i["initialed_by"].clone()).collect();
    assert_eq!(by, [json!("Yerlan Nurpeisov"), json!("Marat Zhaksylykov"), json!("Timur Bekov")]);
    app.scroll_to("[data-testid^=initial-row-KTU]").await;
    app.shot("45-initialed-by-every-side").await;

    // the AIE goes along with the employers, with a reservation
    select(&app, "[data-testid=reservation-party]", "AIE — Association of industrial enterprises").await;
    type_into(&app, "[data-testid=reservation-text]", "Для малых предприятий — 45 дней").await;
    app.click("[data-testid=reservation-save]").await;
    app.wait_text("[data-testid=notice]", "AIE's reservation is recorded").await;
    app.wait_text("[data-testid=reservations]", "Для малых предприятий — 45 дней").await;
    app.scroll_to("[data-testid=clause-standards]").await;
    app.shot("45b-standards-and-a-reservation").await;

    // Статья 2 and Статья 9 go into the protocol of disagreements, with what comes next
    for (r, further, why) in [
        ("Статья 2", "a conciliation commission", "объём раскрываемой информации"),
        ("Статья 9", "the next round", "вне предмета"),
    ] {
        let id = show(r)["clause"]["id"].as_i64().unwrap();
        app.timed_go(&format!("#/clause/{id}"), "[data-testid=clause-workspace]", "scratch_view_clause_protocol").await;
        select(&app, "[data-testid=status-select]", "In the protocol of disagreements").await;
        select(&app, "[data-testid=status-further]", further).await;
        app.wait("[data-testid=status-reason]").await.send_keys(&format!("{why}\u{E007}")).await.unwrap();
        app.wait_text("[data-testid=notice]", "In the protocol of disagreements").await;
    }
    app.shot("46-entered-in-the-protocol").await;

    app.timed_go("#/standing", "[data-testid=initials-table]", "scratch_view_standing").await;
    for (to, why) in [("In session", "opened"), ("Tentative settlement", "agreed terms, with a protocol")] {
        select(&app, "[data-testid=agreement-to]", to).await;
        app.wait("[data-testid=agreement-reason]").await.send_keys(&format!("{why}\u{E007}")).await.unwrap();
        app.wait_text("[data-testid=agreement-status]", to).await;
    }
    set_value(&app, "[data-testid=approval-date]", &last_week).await;
    type_into(&app, "[data-testid=approval-body]", "TU Congress").await;
    app.click("[data-testid=approval-save]").await;
    app.wait_text("[data-testid=approvals]", "TU Congress").await;
    app.shot("47-settled-with-a-protocol").await;

    let path = dir.join("final-agreement.html");
    app.click("[data-testid=export-final]").await;
    app.save_in_dialog(&path).await;
    let html = std::fs::read_to_string(&path).unwrap();
    for needle in [
        "agreed terms, signed with a protocol of disagreements",
        "Уведомление за 90 дней.",
        "Annex: protocol of disagreements",
        "Further procedure: a conciliation commission",
        "Работодатель по запросу разъясняет назначение системы.",
        "For the workers",
        "Association of regional trade unions (KTU)",
        "Aigerim Seitkali",
        "Reservation of AIE:</strong> Для малых предприятий — 45 дней",
    ] {
        assert!(html.contains(needle), "the final agreement lacks '{needle}'");
    }
    // the same agreement as Word, read by pandoc
    let path = dir.join("final-agreement.docx");
    app.click("[data-testid=export-final-docx]").await;
    app.save_in_dialog(&path).await;
    let read = std::process::Command::new("pandoc").args(["-t", "plain", "--wrap=none"]).arg(&path).output();
    let plain = String::from_utf8(read.expect("pandoc (installed by scripts/setup)").stdout).unwrap();
    for needle in ["Уведомление за 90 дней.", "Annex: protocol of disagreements", "Aigerim Seitkali"] {
        assert!(plain.contains(needle), "the Word final agreement lacks '{needle}': {plain}");
    }
    app.no_script_ran().await;
    app.close().await;
}

/// The app started with no `--db` opens its own workbench, created with the demo — a development
/// build in its own data folder, never the one the user's installed Trilogue keeps.
async fn a_development_build_keeps_to_its_own_workbench(dir: &Path) {
    let data = dir.join("data-home");
    let app = App::launch_with(None, Some(&data)).await;
    app.wait("[data-testid=dashboard]").await;
    let release = std::env::var_os("TRILOGUE_E2E_APP").is_some_and(|a| a.to_string_lossy().contains("/release/"));
    let (own, other) = if release {
        ("org.trilogue.workbench", "org.trilogue.workbench.dev")
    } else {
        ("org.trilogue.workbench.dev", "org.trilogue.workbench")
    };
    assert!(data.join(own).join("workbench.sqlite3").exists(), "the app's own workbench is in {own}");
    assert!(!data.join(other).exists(), "{other} is never touched");
    app.close().await;
}

/// The app launched twice on one workbench: the second window works beside the first. Both write at the
/// same moment, and the CLI with them; every write waits its turn, none is lost, the journal verifies,
/// and a window shows what the other wrote when its view is opened again.
async fn two_windows_on_one_workbench(dir: &Path) {
    let db = dir.join("two-windows.sqlite3");
    run_cli(&db, &["demo"]);
    let windows = [App::launch(&db).await, App::launch(&db).await];
    for app in &windows {
        app.client.execute("location.hash = '#/clause/2'", vec![]).await.unwrap();
        app.wait("[data-testid=note-save]").await;
    }
    async fn note(app: &App, text: String) {
        let reasoning = app.wait("[data-testid=note-reasoning]").await;
        reasoning.clear().await.unwrap();
        reasoning.send_keys(&text).await.unwrap();
        app.click("[data-testid=note-save]").await;
        // saved: the form is emptied for the next note (a refusal keeps it, and says why)
        let start = Instant::now();
        while reasoning.prop("value").await.unwrap().is_some_and(|v| !v.is_empty()) {
            assert!(start.elapsed() < Duration::from_secs(20), "{text}: {}", app.text("[data-testid=notice]").await);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        app.wait_text("[data-testid=notice]", "never leaves this workbench").await;
    }
    let mut written = vec![];
    for round in 0..3 {
        let (first, second) = (format!("first window, round {round}"), format!("second window, round {round}"));
        let cli = format!("the CLI, round {round}");
        let (_, _, out) = tokio::join!(
            note(&windows[0], first.clone()),
            note(&windows[1], second.clone()),
            tokio::task::spawn_blocking({
                let (db, cli) = (db.clone(), cli.clone());
                move || run_cli(&db, &["note", "Art. 2", "--priority", "important", "--reasoning", &cli])
            })
        );
        out.unwrap();
        written.extend([first, second, cli]);
    }
    let shown: Value = serde_json::from_slice(&run_cli(&db, &["show", "Art. 2", "--json"])).unwrap();
    let notes: Vec<&str> =
        shown["private_notes"].as_array().unwrap().iter().map(|n| n["reasoning"].as_str().unwrap()).collect();
    for w in &written {
        assert!(notes.contains(&w.as_str()), "{w} is in the record: {notes:?}");
    }
    assert!(String::from_utf8(run_cli(&db, &["verify", "1"])).unwrap().contains("are intact"));
    // the first window, its view opened again, shows what the second wrote last
    note(&windows[1], "the second window's last word".into()).await;
    windows[0].client.execute("location.hash = '#/clause/3'", vec![]).await.unwrap();
    windows[0].wait("[data-testid=note-save]").await;
    windows[0].client.execute("location.hash = '#/clause/2'", vec![]).await.unwrap();
    windows[0].wait_text("[data-testid=clause-workspace]", "the second window's last word").await;
    windows[0].scroll_to("[data-testid=private-note]").await;
    windows[0].shot("50-two-windows-first-sees-second").await;
    eprintln!(
        "two windows: {} notes written at once from two windows and the CLI, {} found",
        written.len(),
        written.len()
    );
    for app in windows {
        app.close().await;
    }
}

/// The EMP's latest text of Art. 4, as the CLI shows it.
fn neas_latest_art4(db: &Path) -> String {
    let shown: Value = serde_json::from_slice(&run_cli(db, &["show", "Art. 4", "--json"])).unwrap();
    let versions = shown["versions"].as_array().unwrap();
    versions.iter().rfind(|v| v["track"]["party_id"] == 2).unwrap()["text"].as_str().unwrap().to_string()
}

/// Word out and in: the EMP's texts saved as Word with their changes to the joint text tracked (read
/// back by pandoc), and a counter-proposal edited in Word with tracking on taken in through the dialog,
/// its tracked changes and their author shown in the preview before anything is written.
async fn word_in_and_out(dir: &Path) {
    let db = dir.join("word.sqlite3");
    run_cli(&db, &["demo"]);
    let app = App::launch(&db).await;
    app.client.execute("location.hash = '#/settings'", vec![]).await.unwrap();
    // by value: WebKitWebDriver cannot select a label with an apostrophe in it
    set_value(&app, "[data-testid=word-party]", "2").await;
    app.click("[data-testid=export-docx-marked]").await;
    let sent = dir.join("to-the-nea.docx");
    app.save_in_dialog(&sent).await;
    app.wait_text("[data-testid=file-message]", "to-the-nea.docx").await;
    app.scroll_to("[data-testid=export-docx-marked]").await;
    app.shot("50b-settings-word-export").await;
    let out = Command::new("pandoc").args(["--track-changes=all", "-t", "markdown"]).arg(&sent).output().unwrap();
    let read = String::from_utf8_lossy(&out.stdout);
    assert!(
        read.contains(".insertion") && read.contains("republican associations of employers"),
        "pandoc reads the EMP's changes: {read}"
    );

    // their reply, edited with tracking on
    let shown: Value = serde_json::from_slice(&run_cli(&db, &["show", "Art. 4", "--json"])).unwrap();
    let nea = shown["versions"].as_array().unwrap().iter().rfind(|v| v["track"]["party_id"] == 2).unwrap()["text"]
        .as_str()
        .unwrap()
        .trim()
        .to_string();
    let versions = shown["versions"].as_array().unwrap();
    let sent_id =
        versions.iter().rfind(|v| v["track"]["party_id"] == 2 && !v["tabled_at"].is_null()).unwrap()["id"].clone();
    let by = r#"author="Marat Zhaksylykov" date="2026-11-25T10:00:00Z""#;
    let md = dir.join("reply.md");
    std::fs::write(
        &md,
        format!(
            "# Reply\n\n## Art. 4 — Consultation before deployment\n\n{nea} [The parties review this article every year.]{{.insertion {by}}} [An obsolete sentence.]{{.deletion {by}}}\n"
        ),
    )
    .unwrap();
    let reply = dir.join("reply-from-the-nea.docx");
    assert!(Command::new("pandoc").arg(&md).arg("-o").arg(&reply).status().unwrap().success());
    app.client.execute("location.hash = '#/setup'", vec![]).await.unwrap();
    app.click("[data-testid=intake-choose]").await;
    app.choose_in_dialog(&reply).await;
    set_value(&app, "[data-testid=intake-party]", "EMP").await;
    app.wait_text("[data-testid=intake-revisions]", "Marat Zhaksylykov: 1 insertion, 1 deletion").await;
    app.wait_text("[data-testid=intake-summary]", "1 text to table").await;
    app.scroll_to("[data-testid=intake-revisions]").await;
    app.shot("51-word-intake-preview").await;
    app.click("[data-testid=intake-apply]").await;
    app.wait_text("[data-testid=setup-notice]", "Taken in: 1 text tabled").await;
    let latest = neas_latest_art4(&db);
    assert!(latest.contains("review this article every year") && !latest.contains("obsolete"), "{latest}");

    // the document we sent them, edited with tracking off: what they changed shows against what we sent
    let first_word = nea.split_whitespace().next().unwrap().to_string();
    let untracked = common::rewrite_part(&sent, "word/document.xml", |xml| {
        let at = xml.find("Art. 4 — Consultation before deployment").unwrap();
        let (head, tail) = xml.split_at(at);
        format!("{head}{}", tail.replacen(&format!(">{first_word} "), ">Henceforth the ", 1))
    });
    let edited = dir.join("nea-edited-untracked.docx");
    std::fs::write(&edited, untracked).unwrap();
    app.click("[data-testid=intake-choose]").await;
    app.choose_in_dialog(&edited).await;
    set_value(&app, "[data-testid=intake-party]", "EMP").await;
    let against = format!("against version {sent_id} we sent: 2 words added, 1 word removed");
    app.wait_text("[data-testid=intake-against-sent] summary", &against).await;
    app.click("[data-testid=intake-against-sent] summary").await;
    app.wait_text("[data-testid=intake-against-sent] ins", "Henceforth").await;
    app.wait_text("[data-testid=intake-revisions]", "republican associations of employers (EMP): 24 insertions").await;
    app.scroll_to("[data-testid=intake-against-sent]").await;
    app.shot("52-word-intake-untracked-against-sent").await;
    app.click("[data-testid=intake-apply]").await;
    app.wait_text("[data-testid=setup-notice]", "Taken in: 1 text tabled").await;
    let latest = neas_latest_art4(&db);
    assert!(latest.starts_with("Henceforth the "), "on the EMP's Art. 4: {latest}");
    app.close().await;
}

/// A script in the page, as one smuggled in would, calls the commands that read and write files with
/// a path of its choosing: each only shows the native dialog (closed here), and nothing is written or
/// opened where the page said. The dialog plugin's own commands are not granted to the page at all.
async fn the_page_never_names_a_file(app: &App, dir: &Path) {
    let invoke = r#"
        const [command, args, done] = arguments;
        window.__TAURI_INTERNALS__.invoke(command, args)
            .then((data) => done({ ok: true, data }), (error) => done({ ok: false, error: String(error) }));"#;
    let target = dir.join("written-by-the-page");
    for (command, args) in [
        ("export_table", json!({ "negotiationId": 1, "path": target })),
        ("export_agreement", json!({ "negotiationId": 1, "format": "html", "lang": "en", "path": target })),
        ("open_workbench", json!({ "path": target })),
    ] {
        let call = app.client.execute_async(invoke, vec![json!(command), args]);
        let (result, dialog) = tokio::join!(call, app.close_dialog("^(Save|Open) File"));
        let result = result.unwrap();
        assert_eq!(result, json!({ "ok": true, "data": null }), "{command}: the user cancelled the dialog");
        assert!(!dialog.is_empty(), "{command} asked the user");
        assert!(!target.exists(), "{command} wrote where the page said");
    }
    for (command, args) in
        [("plugin:dialog|save", json!({ "options": {} })), ("plugin:dialog|open", json!({ "options": {} }))]
    {
        let result = app.client.execute_async(invoke, vec![json!(command), args]).await.unwrap();
        assert_eq!(result["ok"], json!(false), "{command} is not the page's: {result}");
    }
}

/// Frame times of a scrolled list: scrolled a step a frame from top to bottom (or for at most `limit`
/// frames), or, with a step of 0, left alone for 40 frames (what a frame costs on this display at all).
const FRAMES: &str = r#"
    const [css, step, limit, done] = arguments;
    const scroller = document.querySelector(css);
    const frames = [];
    let last = null;
    const finish = () => {
        frames.sort((a, b) => a - b);
        const at = (q) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))];
        done({ frames: frames.length, median: at(0.5), p95: at(0.95), max: frames[frames.length - 1] });
    };
    const tick = (now) => {
        if (last !== null) frames.push(now - last);
        last = now;
        const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
        if (step === 0 ? frames.length >= 40 : atEnd || frames.length >= limit) return finish();
        scroller.scrollTop += step;
        requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);"#;

async fn a_negotiation_of_1775_clauses(dir: &Path) -> serde_json::Map<String, Value> {
    let db = dir.join("eu.sqlite3");
    let csv = dir.join("ai-act-four-columns.csv");
    std::fs::write(&csv, common::eu_position_table()).unwrap();
    run_cli(&db, &["import-table", csv.to_str().unwrap(), "--title", "AI Act — Parliament's political groups"]);

    let mut app = App::launch(&db).await;
    app.wait("[data-testid=dashboard]").await;
    let after_start = dashboard_after_start(&app).await;
    app.timings.insert("eu_process_start_to_dashboard_ms".into(), json!(after_start));
    app.wait_text("[data-testid=agreed-count]", "0 of 1,775").await;
    app.shot("12-eu-dashboard").await;
    app.record_pss("eu_pss_dashboard");

    app.timed_go("#/clauses", "[data-testid=clause-row]", "eu_view_clauses").await;
    app.wait_text("[data-testid=clause-list]", "1,775 of 1,775 clauses").await;
    app.shot("13-eu-clauses").await;
    app.record_pss("eu_pss_clause_list");
    let list = json!("[data-testid=clause-scroller]");
    let idle = app.client.execute_async(FRAMES, vec![list.clone(), json!(0), json!(0)]).await.unwrap();
    let scrolled = app.client.execute_async(FRAMES, vec![list, json!(400), json!(10_000)]).await.unwrap();
    eprintln!("e2e: eu frames idle {idle}, scrolling 400 px a frame {scrolled}");
    app.timings.insert("eu_idle_frames_ms".into(), idle);
    app.timings.insert("eu_scroll_frames_ms".into(), scrolled);
    let last_ref = csv::Reader::from_path(&csv).unwrap().records().last().unwrap().unwrap()[0].to_string();
    let last_row = app.wait(&format!("[data-testid=clause-row][data-ref='{last_ref}']")).await;
    app.shot("14-eu-clauses-scrolled").await;
    app.record_pss("eu_pss_clause_list_scrolled");
    // and once the list has rested a few seconds: WebKit gives back part of what scrolling took
    tokio::time::sleep(Duration::from_secs(8)).await;
    app.record_pss("eu_pss_clause_list_at_rest");
    assert!(last_row.prop("innerText").await.unwrap().unwrap_or_default().contains(&last_ref));

    // The last provision that amends a text of the Commission's: its base shows beside the groups' texts
    let amended =
        csv::Reader::from_path(&csv).unwrap().records().filter_map(|r| r.ok()).filter(|r| !r[6].is_empty()).last();
    let amended = amended.unwrap()[0].to_string();
    let shown: Value = serde_json::from_slice(&run_cli(&db, &["show", &amended, "--json"])).unwrap();
    let href = format!("#/clause/{}", shown["clause"]["id"]);
    app.timed_go(&href, "[data-testid=clause-workspace]", "eu_view_clause").await;
    app.wait("[data-testid=track-base]").await;
    app.shot("15-eu-clause").await;
    app.timed_go("#/clauses", "[data-testid=clause-row]", "eu_view_clauses_again").await;
    app.timed_go("#/search/biometric", "[data-testid=search-results] mark", "eu_view_search").await;
    app.shot("16-eu-search").await;
    app.timed_go("#/", "[data-testid=dashboard]", "eu_view_dashboard").await;
    app.wait("[data-testid=distances] li").await;

    // The four-column document of 1,775 rows: the first screen, scrolling, a jump to the last row, a
    // second opening (every diff remembered), and one provision compared against the Commission's text
    app.timed_go("#/agreement", "[data-testid=agreement-row] .marked", "eu_view_agreement").await;
    app.wait_text("[data-testid=agreement-count]", "1,775 of 1,775 clauses").await;
    app.shot("21-eu-four-columns").await;
    let document = json!("[data-testid=agreement-scroller]");
    let scrolled = app.client.execute_async(FRAMES, vec![document.clone(), json!(300), json!(150)]).await.unwrap();
    eprintln!("e2e: eu four columns scrolling 300 px a frame {scrolled}");
    app.timings.insert("eu_agreement_scroll_frames_ms".into(), scrolled);
    // and at a reader's pace, a brisk turn of the wheel (60 px a frame, 3,600 px a second)
    let read = app.client.execute_async(FRAMES, vec![document, json!(60), json!(150)]).await.unwrap();
    eprintln!("e2e: eu four columns scrolling 60 px a frame {read}");
    app.timings.insert("eu_agreement_scroll_60px_frames_ms".into(), read);
    app.record_pss("eu_pss_agreement_scrolled");
    app.wait("[data-testid=agreement-jump]").await.send_keys(&format!("{last_ref}\u{E007}")).await.unwrap();
    app.wait(&format!("[data-testid=agreement-row][data-ref='{last_ref}'] .marked")).await;
    app.shot("22-eu-four-columns-last").await;
    app.timed_go("#/", "[data-testid=dashboard]", "eu_view_dashboard_again").await;
    app.timed_go("#/agreement", "[data-testid=agreement-row] .marked", "eu_view_agreement_again").await;
    app.timed_go(
        &format!("#/clause/{}/compare/base", shown["clause"]["id"]),
        "[data-testid=compare-column] ins",
        "eu_view_compare",
    )
    .await;
    app.shot("23-eu-compare").await;

    // Where 1,775 open clauses stand: some initials given, the standing and a session's packet
    run_cli(&db, &["schedule", "1", "--at", "2024-01-10T09:00:00Z", "--place", "Strasbourg", "--agenda", "1"]);
    let joint = dir.join("compromise.md");
    std::fs::write(&joint, "The compromise text of the rapporteurs.\n").unwrap();
    run_cli(&db, &["propose", "1", "--party", "joint", "--file", joint.to_str().unwrap(), "--table"]);
    let version: Value = serde_json::from_slice(&run_cli(&db, &["show", "1", "--json"])).unwrap();
    let joint_id = version["versions"].as_array().unwrap().last().unwrap()["id"].to_string();
    for group in ["EPP", "S&D"] {
        run_cli(&db, &["initial", "1", "--party", group, "--version", &joint_id]);
    }
    app.timed_go("#/standing", "[data-testid=initials-table] tbody tr", "eu_view_standing").await;
    app.wait_text("[data-testid=initials-table]", "pending").await;
    app.shot("30-eu-standing").await;
    app.timed_go("#/sessions", "[data-testid=packet]", "eu_view_session_packet").await;
    app.wait_text("[data-testid=packet-rest]", "1,765 more changed clauses").await;
    app.shot("31-eu-session-packet").await;
    // a screenful at a time: the next ten changed clauses, in the table's order
    let eleventh = csv::Reader::from_path(&csv).unwrap().records().nth(10).unwrap().unwrap()[0].to_string();
    let next = "[data-testid=packet-change]:nth-of-type(20)";
    app.timed_click("[data-testid=packet-more]", next, "eu_session_packet_more").await;
    app.wait_text("[data-testid=packet-change]:nth-of-type(11) h4", &eleventh).await;
    app.wait_text("[data-testid=packet-rest]", "1,755 more changed clauses").await;
    app.scroll_to("[data-testid=packet-more]").await;
    app.shot("31b-eu-session-packet-next").await;
    app.no_script_ran().await;

    app.record_pss("eu_pss_at_the_end");

    let timings = std::mem::take(&mut app.timings);
    app.close().await;
    timings
}
