//! End-to-end: the real app binary in a real window, driven through tauri-driver and WebKitWebDriver,
//! under its own Xvfb when there is no display. Every step saves a screenshot under target/e2e/ and
//! the timings go to target/e2e/timings.json (figures in BENCHMARKS.md).

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// A child process killed with its whole process group when the test ends, however it ends.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn tool(name: &str) -> PathBuf {
    let home = std::env::var("HOME").unwrap_or_default();
    let candidates = [PathBuf::from(&home).join(".cargo/bin").join(name), PathBuf::from("/usr/bin").join(name)];
    candidates
        .into_iter()
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{name} is not installed: scripts/test installs it (scripts/setup)"))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A display for the window: the one we have, or a new Xvfb on a display number it chooses itself
/// (`-displayfd`), so that a stale lock left by another run cannot get in the way.
fn display() -> (String, Option<Guard>) {
    if let Ok(d) = std::env::var("DISPLAY")
        && !d.is_empty()
    {
        return (d, None);
    }
    let mut xvfb = Command::new(tool("Xvfb"))
        .args(["-displayfd", "1", "-screen", "0", "1440x900x24", "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("Xvfb");
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(xvfb.stdout.take().unwrap()), &mut line).unwrap();
    let number: u32 = line.trim().parse().unwrap_or_else(|_| panic!("Xvfb did not start: '{line}'"));
    (format!(":{number}"), Some(Guard(xvfb)))
}

struct App {
    client: Client,
    shots: PathBuf,
    timings: serde_json::Map<String, Value>,
    _driver: Guard,
    _xvfb: Option<Guard>,
}

impl App {
    async fn launch(db: &Path) -> App {
        let (display, xvfb) = display();
        let (port, native_port) = (free_port(), free_port());
        let driver = Command::new(tool("tauri-driver"))
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .arg("--native-driver")
            .arg(tool("WebKitWebDriver"))
            .env("DISPLAY", &display)
            // Xvfb has no GPU: with Mesa's software GL WebKitGTK keeps painting the window
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            // its own process group, so that WebKitWebDriver and the app go when the driver goes
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver");
        let driver = Guard(driver);
        let url = format!("http://127.0.0.1:{port}");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({ "application": env!("CARGO_BIN_EXE_trilogue"), "args": ["--db", db.to_str().unwrap()] }),
        );
        let start = Instant::now();
        eprintln!("e2e: connecting to tauri-driver on {url}");
        let client = loop {
            match ClientBuilder::native().capabilities(caps.clone()).connect(&url).await {
                Ok(c) => break c,
                Err(e) if start.elapsed() < Duration::from_secs(30) => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("no WebDriver session: {e}"),
            }
        };
        App { client, shots: out_dir(), timings: Default::default(), _driver: driver, _xvfb: xvfb }
    }

    async fn wait(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} never appeared: {e}"))
    }

    /// The element's text as the page has it (`innerText`).
    async fn text(&self, css: &str) -> String {
        self.wait(css).await.prop("innerText").await.unwrap().unwrap_or_default()
    }

    /// Waits until the element's text contains `needle`.
    async fn wait_text(&self, css: &str, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let text = self.text(css).await;
            if text.contains(needle) {
                return text;
            }
            if start.elapsed() > Duration::from_secs(20) {
                let page = self
                    .client
                    .execute("return location.href + '\\n' + document.body.innerText", vec![])
                    .await
                    .unwrap();
                panic!("{css} never said '{needle}'; it says: {text}\npage: {page}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a screenshot once the page has painted what it holds (two animation frames).
    async fn shot(&self, name: &str) {
        let frames = "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        self.client.execute_async(frames, vec![]).await.unwrap();
        tokio::time::sleep(Duration::from_millis(150)).await;
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(self.shots.join(format!("{name}.png")), png).unwrap();
    }

    /// Changes the route and measures, inside the page, how long until `css` is on screen, and which
    /// IPC calls (measured by the UI's backend) that took.
    async fn timed_go(&mut self, hash: &str, css: &str, label: &str) {
        let script = r#"
            const [hash, css, done] = arguments;
            const t0 = performance.now();
            location.hash = hash;
            const ipc = () => performance.getEntriesByType("measure")
                .filter((m) => m.name.startsWith("ipc:") && m.startTime >= t0)
                .map((m) => `${m.name.slice(4)} +${Math.round(m.startTime - t0)} ${Math.round(m.duration)}ms`);
            const poll = () => document.querySelector(css)
                ? requestAnimationFrame(() => done({ ms: performance.now() - t0, ipc: ipc() }))
                : requestAnimationFrame(poll);
            poll();"#;
        let measured = self.client.execute_async(script, vec![json!(hash), json!(css)]).await.unwrap();
        eprintln!("e2e: {label} {measured}");
        self.timings.insert(label.into(), measured["ms"].clone());
        self.timings.insert(format!("{label}_ipc"), measured["ipc"].clone());
    }

    async fn no_script_ran(&self) {
        let ran = self
            .client
            .execute("return window.__xss === undefined && document.title === 'Trilogue'", vec![])
            .await
            .unwrap();
        assert_eq!(ran, json!(true), "a script from a clause ran");
    }
}

fn cli() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_trilogue")).with_file_name("trilogue-cli")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_workbench_in_a_real_window() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("first-run.sqlite3");

    // A position table imported with the CLI, hostile from title to party label, waits in the workbench.
    let hostile = dir.path().join("hostile.csv");
    std::fs::write(
        &hostile,
        "ref,title,<img src=x onerror=window.__xss=1>,EA\n\
         H1,<script>window.__xss=1</script> Scope,\"<img src=x onerror=\"\"window.__xss=1\"\"> Workers **retrain**\",\"[click](javascript:window.__xss=1) Employers\"\n\
         H2,Notice <svg onload=window.__xss=1>,Ninety days.,Thirty days.\n",
    )
    .unwrap();

    // First run: the app creates the workbench and loads the demo; then the CLI adds the hostile table.
    let started = Instant::now();
    let mut app = App::launch(&db).await;
    eprintln!("e2e: session open after {:?}", started.elapsed());
    app.wait("[data-testid=dashboard]").await;
    let first_dashboard = started.elapsed().as_secs_f64() * 1000.0;
    app.timings.insert("launch_to_dashboard_ms_including_driver".into(), json!(first_dashboard));
    app.shot("01-dashboard").await;
    let agreed = app.text("[data-testid=agreed-count]").await;
    assert!(agreed.contains("5 of 14"), "{agreed}");
    app.wait_text("[data-testid=negotiation-title]", "General Agreement on AI at Work").await;

    // The clause list
    app.timed_go("#/clauses", "[data-testid=clause-row]", "view_clauses_ms").await;
    let rows = app.client.find_all(Locator::Css("[data-testid=clause-row]")).await.unwrap();
    assert_eq!(rows.len(), 14);
    app.shot("02-clauses").await;

    // A clause: write, save, table
    app.timed_go("#/clause/7", "[data-testid=clause-workspace]", "view_clause_ms").await;
    app.wait_text("[data-testid=clause-workspace] h1", "Retraining before dismissal").await;
    app.shot("03-clause").await;
    let joint = app.wait("[data-testid=track-joint] button").await;
    joint.click().await.unwrap();
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
    app.wait("[data-testid=save-draft]").await.click().await.unwrap();
    let notice = app.wait_text("[data-testid=notice]", "saved").await;
    let draft_id: i64 = notice.split_whitespace().find_map(|w| w.parse().ok()).expect("the new version's id");
    app.wait("[data-testid=track-joint] [data-testid=table-draft]").await.click().await.unwrap();
    app.wait_text("[data-testid=notice]", "tabled").await;
    app.wait_text("[data-testid=track-joint]", "Tabled").await;

    // The diff marks the change
    let show = Command::new(cli()).arg("--db").arg(&db).args(["show", "Art. 7", "--json"]).output().unwrap();
    let show: Value = serde_json::from_slice(&show.stdout).unwrap();
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
        "view_diff_ms",
    )
    .await;
    let inserted = app.client.find_all(Locator::Css("[data-testid=diff-inline] ins")).await.unwrap();
    let mut inserted_text = String::new();
    for i in inserted {
        inserted_text.push_str(&i.text().await.unwrap());
    }
    assert!(inserted_text.contains("twelve"), "{inserted_text}");
    app.shot("05-diff").await;

    // Search finds a word
    let search = app.wait("#global-search").await;
    search.send_keys("redeployment\u{E007}").await.unwrap();
    app.wait_text("[data-testid=search-results]", "Redeployment and job security").await;
    assert!(
        app.wait("[data-testid=search-results] mark").await.text().await.unwrap().to_lowercase().contains("redeploy")
    );
    app.shot("06-search").await;
    app.no_script_ran().await;

    // A table imported with the CLI opens in the app; its hostile texts stay text
    let out = Command::new(cli())
        .arg("--db")
        .arg(&db)
        .args(["import-table", hostile.to_str().unwrap(), "--title", "Imported <b>table</b>"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    app.client.refresh().await.unwrap();
    app.timed_go("#/settings", "[data-testid=settings]", "view_settings_ms").await;
    let select = app.wait("[data-testid=settings] select").await;
    select.select_by_label("Imported <b>table</b>").await.unwrap();
    app.timed_go("#/clauses", "[data-testid=clause-row]", "view_imported_clauses_ms").await;
    app.wait_text("[data-testid=clause-list]", "<script>window.__xss=1</script> Scope").await;
    app.shot("07-imported-list").await;
    app.wait("[data-testid=clause-row]").await.click().await.unwrap();
    app.wait_text("[data-testid=clause-workspace]", "Workers").await;
    app.shot("08-imported-clause").await;
    app.no_script_ran().await;

    std::fs::write(out_dir().join("timings.json"), serde_json::to_string_pretty(&app.timings).unwrap()).unwrap();
    println!("e2e timings: {}", serde_json::to_string(&app.timings).unwrap());
    app.client.close().await.unwrap();
}
