//! The real app in a real window, driven through tauri-driver and WebKitWebDriver, under its own Xvfb
//! when there is no display.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// A child process killed with its whole process group when the test ends, however it ends.
pub struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn out_dir() -> PathBuf {
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

/// The app under test: the one this test was built with, or `TRILOGUE_E2E_APP` (a release build, to
/// take the figures BENCHMARKS.md records).
pub fn app_binary() -> PathBuf {
    std::env::var_os("TRILOGUE_E2E_APP").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_trilogue")), PathBuf::from)
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

pub struct App {
    pub client: Client,
    shots: PathBuf,
    /// What this run measured, written to target/e2e/timings.json.
    pub timings: serde_json::Map<String, Value>,
    driver: Guard,
    display: String,
    _xvfb: Option<Guard>,
}

impl App {
    pub async fn launch(db: &Path) -> App {
        App::launch_with(Some(db), None).await
    }

    /// The app on `db`, or on its own workbench when none is given — its data folder under
    /// `data_home` (XDG_DATA_HOME) when one is given.
    pub async fn launch_with(db: Option<&Path>, data_home: Option<&Path>) -> App {
        App::launch_env(db, data_home, &[]).await
    }

    /// The same, with more of the environment set for it (the system's language).
    pub async fn launch_env(db: Option<&Path>, data_home: Option<&Path>, env: &[(&str, &str)]) -> App {
        let (display, xvfb) = display();
        let (port, native_port) = (free_port(), free_port());
        let mut driver = Command::new(tool("tauri-driver"));
        driver.env_remove("TRILOGUE_DB");
        driver.envs(env.iter().copied());
        if let Some(data_home) = data_home {
            driver.env("XDG_DATA_HOME", data_home);
        }
        let driver = driver
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
            json!({ "application": app_binary(), "args": db.map_or(vec![], |db| vec!["--db", db.to_str().unwrap()]) }),
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
        App { client, shots: out_dir(), timings: Default::default(), driver, display, _xvfb: xvfb }
    }

    pub async fn wait(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} never appeared: {e}"))
    }

    /// Brings the element into the middle of the view, for a screenshot of it.
    pub async fn scroll_to(&self, css: &str) {
        let element = self.wait(css).await;
        let arg = serde_json::to_value(&element).unwrap();
        self.client.execute("arguments[0].scrollIntoView({ block: 'center' })", vec![arg]).await.unwrap();
    }

    /// Brings the element into the middle of the view and clicks it: WebKitWebDriver refuses a click on
    /// an element below the fold.
    pub async fn click(&self, css: &str) {
        self.scroll_to(css).await;
        self.wait(css).await.click().await.unwrap_or_else(|e| panic!("{css} cannot be clicked: {e}"));
    }

    /// The element's text as the page has it (`innerText`).
    pub async fn text(&self, css: &str) -> String {
        self.wait(css).await.prop("innerText").await.unwrap().unwrap_or_default()
    }

    /// Waits until the element's text contains `needle`.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        let start = Instant::now();
        loop {
            // the element may be replaced while it is read (a view re-rendering): read it again
            let found = self.client.find(Locator::Css(css)).await;
            let text = match found {
                Ok(element) => element.prop("innerText").await.ok().flatten().unwrap_or_default(),
                Err(_) => String::new(),
            };
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
    ///
    /// WebKitWebDriver takes the picture after the page's next presentation update. Without compositing
    /// (how the app paints where there is no GPU, as here) a page with nothing left to repaint sends
    /// none, and the screenshot would wait for ever. So, until the picture is taken, a one-pixel mark in
    /// the window's corner changes its (near-transparent) shade every frame, which is always something
    /// to repaint.
    pub async fn shot(&self, name: &str) {
        let keep_painting = r#"
            const done = arguments[0];
            const mark = document.createElement("div");
            mark.id = "e2e-repaint";
            Object.assign(mark.style, { position: "fixed", right: "0", bottom: "0", width: "1px", height: "1px",
                                        pointerEvents: "none", zIndex: "2147483647" });
            document.documentElement.append(mark);
            const shade = (n) => {
                if (!mark.isConnected) return;
                mark.style.background = `rgba(128, 128, 128, ${n % 2 ? 0.02 : 0.01})`;
                requestAnimationFrame(() => shade(n + 1));
            };
            shade(0);
            requestAnimationFrame(() => requestAnimationFrame(() => done(true)));"#;
        self.client.execute_async(keep_painting, vec![]).await.unwrap();
        tokio::time::sleep(Duration::from_millis(150)).await;
        let png = self.client.screenshot().await;
        self.client.execute("document.getElementById('e2e-repaint')?.remove()", vec![]).await.unwrap();
        std::fs::write(self.shots.join(format!("{name}.png")), png.unwrap()).unwrap();
    }

    /// Changes the route and measures, inside the page, how long until `css` is in the page (the view
    /// is built and laid out) and until the frame after (it is painted), and which IPC calls (measured
    /// by the UI's backend) that took.
    pub async fn timed_go(&mut self, hash: &str, css: &str, label: &str) {
        self.timed("go", hash, css, label).await;
    }

    /// Clicks the element at `button` and times it as `timed_go` does, until `css` shows.
    pub async fn timed_click(&mut self, button: &str, css: &str, label: &str) {
        self.timed("click", button, css, label).await;
    }

    async fn timed(&mut self, how: &str, what: &str, css: &str, label: &str) {
        let script = r#"
            const [how, what, css, done] = arguments;
            const t0 = performance.now();
            const ipc = () => performance.getEntriesByType("measure")
                .filter((m) => m.name.startsWith("ipc:") && m.startTime >= t0)
                .map((m) => `${m.name.slice(4)} +${Math.round(m.startTime - t0)} ${Math.round(m.duration)}ms`);
            const found = () => {
                const dom = performance.now() - t0;
                document.querySelector(css).getBoundingClientRect();
                requestAnimationFrame(() => done({ dom, painted: performance.now() - t0, ipc: ipc() }));
            };
            const observer = new MutationObserver(() => {
                if (document.querySelector(css)) { observer.disconnect(); found(); }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            setTimeout(() => { observer.disconnect(); done({ missing: document.body.innerText }); }, 15000);
            if (how === "go") location.hash = what; else document.querySelector(what).click();"#;
        let measured = self.client.execute_async(script, vec![json!(how), json!(what), json!(css)]).await.unwrap();
        if let Some(page) = measured.get("missing") {
            panic!("{css} never appeared after {how} {what}; the page says:\n{}", page.as_str().unwrap_or(""));
        }
        eprintln!("e2e: {label} {measured}");
        self.timings.insert(label.into(), measured);
    }

    /// Opens `path` as a user at the keyboard does: Ctrl+O on the window (File › Open workbench), then
    /// the path typed into GTK's native file chooser. xdotool sends real X key events to the windows;
    /// WebDriver cannot, the dialog being no part of the page.
    pub async fn open_through_the_menu(&self, path: &Path) {
        let window = self.visible_window(&["--pid", &self.app_pid().to_string()]).await;
        self.xdotool(&["windowfocus", "--sync", &window]);
        self.xdotool(&["key", "ctrl+o"]);
        self.choose_in_dialog(path).await;
    }

    /// In the native Open dialog the app has shown, types `path` and opens it, as a user would.
    pub async fn choose_in_dialog(&self, path: &Path) {
        self.focus_dialog("^Open").await;
        // after Ctrl+L the chooser takes keys once its location field is there
        let pause = || tokio::time::sleep(Duration::from_millis(500));
        self.xdotool(&["key", "ctrl+l"]);
        pause().await;
        self.xdotool(&["type", "--delay", "20", path.to_str().unwrap()]);
        pause().await;
        self.xdotool(&["key", "Return"]);
        let start = Instant::now();
        while !self.xdotool(&["search", "--onlyvisible", "--name", "^Open"]).is_empty() {
            assert!(start.elapsed() < Duration::from_secs(10), "the Open dialog did not take {}", path.display());
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// In the native Save dialog the app has shown, types `path` over the name it suggests and saves
    /// there, as a user would; waits until the file is written.
    pub async fn save_in_dialog(&self, path: &Path) {
        let name = self.focus_dialog("^Save").await;
        let pause = || tokio::time::sleep(Duration::from_millis(500));
        self.xdotool(&["key", "ctrl+a"]);
        pause().await;
        self.xdotool(&["type", "--delay", "20", path.to_str().unwrap()]);
        pause().await;
        self.xdotool(&["key", "Return"]);
        let start = Instant::now();
        while !path.exists() {
            assert!(start.elapsed() < Duration::from_secs(15), "the {name} dialog did not save {}", path.display());
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Waits for a native dialog whose title matches `title`, closes it with Escape and says which it was.
    pub async fn close_dialog(&self, title: &str) -> String {
        let name = self.focus_dialog(title).await;
        self.xdotool(&["key", "Escape"]);
        name
    }

    /// Waits for a native dialog whose title matches `title` and gives it the keyboard once it has drawn
    /// itself (it takes no keys before); returns its title.
    async fn focus_dialog(&self, title: &str) -> String {
        let dialog = self.visible_window(&["--name", title]).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        self.xdotool(&["windowfocus", "--sync", &dialog]);
        self.xdotool(&["getwindowname", &dialog])
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let out = Command::new(tool("xdotool")).args(args).env("DISPLAY", &self.display).output().expect("xdotool");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The first visible window `xdotool search` finds with `filter`, once there is one.
    async fn visible_window(&self, filter: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let found = self.xdotool(&[&["search", "--onlyvisible"], filter].concat());
            if let Some(id) = found.lines().next() {
                return id.to_string();
            }
            assert!(start.elapsed() < Duration::from_secs(15), "no window {filter:?} on the display");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// The pid of the app's own process.
    pub fn app_pid(&self) -> u32 {
        crate::measure::find_exe(self.driver.0.id(), &app_binary()).expect("the app's process under tauri-driver")
    }

    /// Records the PSS of the app and its WebKit processes, in MB, under `label`.
    pub fn record_pss(&mut self, label: &str) -> f64 {
        let (pss, each) = crate::measure::pss_mb(self.app_pid());
        eprintln!("e2e: {label}: {pss:.0} MB ({})", each.join(", "));
        self.timings.insert(label.into(), json!({ "total_mb": pss, "by_process": each }));
        pss
    }

    /// Ends the WebDriver session, which closes the app.
    pub async fn close(self) {
        self.client.close().await.unwrap();
    }

    pub async fn no_script_ran(&self) {
        let ran = self
            .client
            .execute("return window.__xss === undefined && document.title === 'Trilogue'", vec![])
            .await
            .unwrap();
        assert_eq!(ran, json!(true), "a script from a clause ran");
    }
}
