//! The real `trilogue-cli` binary against real SQLite files, as a script or a negotiator would use it.

use crate::bench;
use crate::common;

use std::process::{Command, Stdio};

use bench::Bench;
use common::{assert_inert, eu_position_table};
use serde_json::Value;

#[test]
fn the_demo_shows_where_the_negotiation_stands() {
    let b = Bench::new();
    let out = b.ok(&["demo"]);
    assert!(out.contains("General Agreement for 2027–2029: section on artificial intelligence at work"), "{out}");
    let count = |status: &str| {
        out.lines()
            .find_map(|l| l.trim().strip_prefix(status).map(|rest| rest.split_whitespace().next().unwrap().to_string()))
    };
    assert_eq!(count("tentatively agreed").as_deref(), Some("5"), "{out}");
    assert!(out.contains("impasse"), "{out}");
    assert!(out.contains("next session: no. 4"), "{out}");
    let list = b.json(&["negotiations", "--json"]);
    assert_eq!(list[0]["clauses"], 14);
    let clauses = b.json(&["clauses", "1", "--json"]);
    assert_eq!(clauses.as_array().unwrap().len(), 14);
    assert_eq!(clauses[0]["ref"], "Art. 1");
    assert_eq!(clauses[0]["status"], "tentatively_agreed");
    let log = b.ok(&["log", "General Agreement for 2027–2029: section on artificial intelligence at work"]);
    assert!(log.contains("initials_voided"), "{log}");
    assert!(b.ok(&["verify", "1"]).contains("are intact"));
}

/// The demo is laid out around the day it is loaded: on the real day, a year ahead, in 2028 or the day
/// after its fourth session was first dated, it has three sessions held and the fourth ahead.
#[test]
fn the_demo_is_under_way_whatever_the_day() {
    let days = [None, Some("2026-12-09T10:00:00Z"), Some("2027-11-29T12:00:00+05:00"), Some("2028-02-29T23:30:00Z")];
    for day in days {
        let b = Bench::new();
        let run = |args: &[&str]| {
            let mut c = b.command(args);
            match day {
                Some(t) => c.env("TRILOGUE_NOW", t),
                None => c.env_remove("TRILOGUE_NOW"),
            };
            let out = c.output().unwrap();
            assert!(out.status.success(), "{day:?} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
            String::from_utf8(out.stdout).unwrap()
        };
        let out = run(&["demo"]);
        assert!(out.contains("sessions held: 3") && out.contains("next session: no. 4"), "{day:?}: {out}");
        let listing = run(&["session", "1"]);
        assert_eq!(listing.matches("[held]").count(), 3, "{day:?}: {listing}");
        assert_eq!(listing.matches("[scheduled]").count(), 1, "{day:?}: {listing}");
        // the packet since the last session held is the third session's
        assert!(run(&["packet", "1"]).contains("since session 3"), "{day:?}");
        let sessions: Value = serde_json::from_str(&run(&["session", "1", "--json"])).unwrap();
        let fourth = sessions[3]["starts_at"].as_str().unwrap();
        let today = match day {
            Some(t) => chrono::DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&chrono::Utc),
            None => chrono::Utc::now(),
        };
        let ahead = fourth.parse::<chrono::DateTime<chrono::Utc>>().unwrap() - today;
        assert!(ahead > chrono::Duration::days(6) && ahead <= chrono::Duration::days(15), "{day:?}: {fourth}");
    }
    let b = Bench::new();
    let mut c = b.command(&["demo"]);
    c.env("TRILOGUE_NOW", "next tuesday");
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2027-01-12T09:00:00Z"));
}

#[test]
fn a_clause_goes_from_draft_to_tentative_agreement_and_back() {
    let b = Bench::new();
    b.ok(&["demo"]);
    // Art. 4 has no joint text yet: the secretariat drafts one
    let text = b.file("joint.md", "No AI system shall be deployed before **30 days** of consultation.\n");
    let out = b.ok(&[
        "propose",
        "Art. 4",
        "--party",
        "joint",
        "--file",
        text.to_str().unwrap(),
        "--note",
        "bridging text",
        "--neg",
        "1",
    ]);
    assert!(out.contains("saved as a private draft"), "{out}");
    let show = b.json(&["show", "Art. 4", "--neg", "1", "--json"]);
    let versions = show["versions"].as_array().unwrap();
    let draft = versions.last().unwrap();
    assert_eq!(draft["track"]["kind"], "joint");
    assert_eq!(draft["tabled_at"], Value::Null);
    assert_eq!(draft["rationale"], "bridging text");
    assert_eq!(draft["hash"].as_str().unwrap().len(), 64);
    let id = draft["id"].as_i64().unwrap().to_string();

    // initialing a draft is refused; tabling it makes it initialable
    assert!(b.fails(&["initial", "Art. 4", "--party", "TU", "--version", &id, "--neg", "1"]).contains("private draft"));
    b.ok(&["table", &id]);
    for party in ["TU", "emp"] {
        assert!(
            b.ok(&["initial", "Art. 4", "--party", party, "--version", &id, "--neg", "1"])
                .contains("the clause is open")
        );
    }
    let done = b.ok(&["initial", "Art. 4", "--party", "GOV", "--version", &id, "--neg", "1"]);
    assert!(done.contains("the clause is tentatively agreed"), "{done}");
    let show = b.json(&["show", "4", "--json"]);
    assert_eq!(show["clause"]["status"], "tentatively_agreed");
    assert_eq!(show["initials"].as_array().unwrap().len(), 3);

    // an illegal move is refused with the reason; a legal one is journaled
    let refused = b.fails(&["status", "Art. 4", "withdrawn", "--reason", "changed our mind", "--neg", "1"]);
    assert!(refused.contains("cannot go from tentatively agreed to withdrawn"), "{refused}");
    let alone = b.fails(&["status", "Art. 4", "open", "--reason", "the EMP asks", "--neg", "1"]);
    assert!(alone.contains("every side's consent; missing: TU, EMP, GOV"), "{alone}");
    let partly = b.fails(&["reopen", "Art. 4", "--consent", "EMP", "--reason", "the EMP asks", "--neg", "1"]);
    assert!(partly.contains("missing: TU, GOV"), "{partly}");
    let reason = "reopened with every party's consent";
    let consent = ["--consent", "TU", "--consent", "EMP", "--consent", "GOV"];
    b.ok(&[&["reopen", "Art. 4", "--reason", reason, "--neg", "1"][..], &consent].concat());
    let log = b.json(&["log", "1", "--json"]);
    let reopened = log.as_array().unwrap().iter().rev().find(|e| e["reason"] == reason).unwrap();
    assert_eq!(reopened["detail"]["consenting"], serde_json::json!(["TU", "EMP", "GOV"]));

    // a new joint text voids the initials
    let text2 = b.file("joint2.md", "No AI system shall be deployed before **45 days** of consultation.\n");
    b.ok(&["propose", "Art. 4", "--party", "joint", "--file", text2.to_str().unwrap(), "--table", "--neg", "1"]);
    let show = b.json(&["show", "4", "--json"]);
    assert!(show["initials"].as_array().unwrap().iter().all(|i| !i["voided_at"].is_null()));
    let text_view = b.ok(&["show", "4"]);
    assert!(text_view.contains("VOID since"), "{text_view}");
}

#[test]
fn sessions_the_packet_the_reports_and_the_agreements_own_status() {
    let b = Bench::new();
    b.ok(&["demo"]);
    // the sessions, and one of them in full
    let list = b.ok(&["session", "1"]);
    assert!(list.contains("[held]") && list.contains("[scheduled]"), "{list}");
    let third = b.ok(&["session", "1", "3"]);
    assert!(third.contains("== tabled") && third.contains("Art. 2  joint: v"), "{third}");
    assert!(third.contains("== minutes"));
    let json = b.json(&["session", "1", "3", "--json"]);
    assert_eq!(json["initialed"].as_array().unwrap().len(), 11);
    assert!(b.fails(&["session", "1", "9"]).contains("the sessions are: 1, 2, 3, 4"));
    b.ok(&["schedule", "1", "--at", "2027-01-12T09:00:00+05:00", "--place", "Astana", "--agenda", "Art. 8"]);
    let fifth = b.json(&["session", "1", "5", "--json"]);
    assert_eq!(fifth["session"]["starts_at"], "2027-01-12T04:00:00.000Z");
    assert_eq!(fifth["agenda"][0]["ref"], "Art. 8");
    let minutes = b.file("minutes.md", "## Session 5\n\nThe mediator's proposal on **Art. 8**.\n");
    b.ok(&["minutes", "1", "5", "--file", minutes.to_str().unwrap()]);
    assert!(
        b.json(&["session", "1", "5", "--json"])["minutes_html"].as_str().unwrap().contains("<strong>Art. 8</strong>")
    );
    assert!(b.fails(&["schedule", "1", "--at", "next tuesday", "--place", "x"]).contains("2027-01-12T09:00:00Z"));

    // who attended, and our private note (shown here, never exported)
    b.ok(&["attendance", "1", "5", "--delegate", "Aigerim Seitkali", "--delegate", "marat zhaksylykov"]);
    assert_eq!(b.json(&["session", "1", "5", "--json"])["attendees"].as_array().unwrap().len(), 2);
    assert!(b.fails(&["attendance", "1", "5", "--delegate", "Nobody"]).contains("no delegate named 'Nobody'"));
    let note =
        ["note", "Art. 4", "--priority", "must_have", "--red-line", "CANARY-red-line", "--reasoning", "CANARY-why"];
    b.ok(&[&note[..], &["--neg", "1"]].concat());
    let shown = b.ok(&["show", "Art. 4", "--neg", "1"]);
    assert!(shown.contains("red line: CANARY-red-line") && shown.contains("stage: countered, last by EMP"), "{shown}");

    // the packet for the next session
    let packet = b.ok(&["packet", "1"]);
    assert!(packet.contains("What changed since session 3") && packet.contains("### Art. 7"), "{packet}");
    assert!(b.ok(&["packet", "1", "--since", "1"]).contains("What changed since session 1"));
    let html = b.dir.path().join("packet.html");
    b.ok(&["packet", "1", "--format", "html", "--out", html.to_str().unwrap()]);
    assert_inert(&std::fs::read_to_string(&html).unwrap(), "packet");

    // an impasse needs its referral
    let impasse = ["status", "Art. 9", "impasse", "--reason", "consent or consultation", "--neg", "1"];
    assert!(b.fails(&impasse).contains("a mediator or labour arbitration"));
    b.ok(&[&impasse[..], &["--referred-to", "working_group"]].concat());

    // the table of initials, the status report, the final agreement
    let initials = b.ok(&["initials", "1"]);
    let art14 = initials.lines().find(|l| l.starts_with("Art. 14")).unwrap();
    assert!(art14.contains("pending") && art14.matches("2026-10-27").count() == 2, "{art14}");
    assert!(initials.lines().find(|l| l.starts_with("Art. 5 ")).unwrap().contains("voided"));
    let report = b.ok(&["report", "1"]);
    assert!(
        report.starts_with(
            "# Status report — General Agreement for 2027–2029: section on artificial intelligence at work"
        ),
        "{report}"
    );
    let final_md = b.ok(&["final", "1"]);
    assert!(final_md.contains("# Annex: protocol of disagreements"));
    assert!(
        final_md.contains("## 2. Art. 9 — ") && final_md.contains("*In impasse, referred to the working group.*"),
        "{final_md}"
    );

    // the agreement's own status: refused until every opened clause is initialed or withdrawn
    let settle = b.fails(&["agreement", "1", "tentative_settlement", "--reason", "done"]);
    assert!(settle.contains("needs every opened clause initialed or withdrawn"), "{settle}");
    let approval = ["approval", "1", "--step", "side", "--side", "workers", "--date", "2027-02-14", "--for", "1"];
    assert_eq!(b.run(&approval).status.code(), Some(2), "a vote is for and against");
    let mut approval = approval.to_vec();
    approval.extend(["--against", "0", "--body", "TU Congress"]);
    assert!(b.fails(&approval).contains("a side's approval is recorded when the agreement is tentative settlement"));
    assert!(b.ok(&["log", "1"]).contains("status_changed"));
    for out in [b.ok(&["report", "1"]), b.ok(&["final", "1"]), b.ok(&["packet", "1"]), b.ok(&["compare-all", "1"])] {
        assert!(!out.contains("CANARY"), "the private note stays in the workbench");
    }
    b.ok(&["verify", "1"]);
}

#[test]
fn diff_and_compare_in_every_format() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let show = b.json(&["show", "Art. 7", "--json"]);
    let versions = show["versions"].as_array().unwrap();
    let (a, c) = (versions[0]["id"].to_string(), versions[3]["id"].to_string());
    let text = b.ok(&["diff", &a, &c]);
    assert!(text.contains("{+, in whole or in part,+}"), "{text}");
    assert!(text.contains("similarity 0."), "{text}");
    let json: Value = serde_json::from_str(&b.ok(&["diff", &a, &c, "--format", "json"])).unwrap();
    assert!(json["ops"].as_array().unwrap().iter().any(|o| o["op"] == "insert"));
    let html = b.ok(&["diff", &a, &c, "--format", "html"]);
    assert!(html.contains("<ins>"), "{html}");
    assert_inert(&html, "diff html");

    let compare = b.ok(&["compare", "Art. 7", "--against", "EMP"]);
    assert!(compare.contains("reference: the text of EMP"), "{compare}");
    assert!(compare.contains("== TU"), "{compare}");
    assert!(!compare.contains("extendable to twelve"), "the TU's private draft is not compared: {compare}");
    let json: Value = serde_json::from_str(&b.ok(&["compare", "Art. 7", "--format", "json"])).unwrap();
    assert_eq!(json["columns"].as_array().unwrap().len(), 5);
    assert!(json["convergence"].as_f64().unwrap() > 0.0);
    let html = b.ok(&["compare", "Art. 7", "--against", "base", "--format", "html"]);
    assert_inert(&html, "compare html");
    assert!(b.fails(&["compare", "Art. 7", "--against", "XYZ"]).contains("organisations: TU, EMP, GOV"));
    let since = b.ok(&["compare", "Art. 7", "--against", "since:1"]);
    assert!(since.contains("reference: each text as it stood at session 1"), "{since}");
    assert!(b.fails(&["compare", "Art. 7", "--against", "since:9"]).contains("the sessions are: 1, 2, 3, 4"));
}

#[test]
fn the_four_column_document_in_every_format() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let csv = b.ok(&["compare-all", "1", "--format", "csv", "--against", "EMP"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[4..8], ["TU", "TU similarity", "EMP", "EMP similarity"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 14);
    assert_eq!(&rows[6][0], "Art. 7");
    assert_eq!(&rows[6][7], "1.000", "the reference against itself");
    let similarity: f64 = rows[6][5].parse().unwrap();
    assert!((0.0..1.0).contains(&similarity), "TU and EMP differ on Art. 7: {similarity}");
    assert!(!csv.contains("CAUCUS ONLY"), "no private draft");

    let json: Value = serde_json::from_str(&b.ok(&["compare-all", "1", "--format", "json"])).unwrap();
    assert_eq!(json["rows"].as_array().unwrap().len(), 14);
    assert_eq!(json["reference"]["kind"], "joint");

    let out = b.dir.path().join("four-columns.html");
    b.ok(&["compare-all", "1", "--against", "since:2", "--out", out.to_str().unwrap()]);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("each text as it stood at session 2"), "{html}");
    assert_inert(&html, "four-column html");
    assert!(b.fails(&["compare-all", "1", "--against", "since:x"]).contains("give a session number"));
}

#[test]
fn search_exports_and_the_private_side() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let hits = b.json(&["search", "retraining", "--json"]);
    assert!(!hits.as_array().unwrap().is_empty());
    assert!(hits[0]["snippet_html"].as_str().unwrap().contains("<mark>"));
    assert!(b.ok(&["search", "extendable"]).contains("(private draft)"), "our own drafts are searchable here");

    let md = b.dir.path().join("agreement.md");
    let html = b.dir.path().join("agreement.html");
    let csv = b.dir.path().join("table.csv");
    b.ok(&["export", "1", "--format", "md", "--out", md.to_str().unwrap()]);
    b.ok(&["export", "1", "--format", "html", "--out", html.to_str().unwrap()]);
    b.ok(&["export-table", "1", "--out", csv.to_str().unwrap()]);
    for path in [&md, &html, &csv] {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains("Retraining before dismissal"), "{}", path.display());
        for private in
            ["extendable to twelve", "CAUCUS ONLY", "members' first demand", "Eighteen months of maintained pay"]
        {
            assert!(!text.contains(private), "{} leaks '{private}'", path.display());
        }
    }
    assert_inert(&std::fs::read_to_string(&html).unwrap(), "agreement html");
}

#[test]
fn the_real_eu_table_imports_and_exports_cell_for_cell() {
    let b = Bench::new();
    let original = eu_position_table();
    let file = b.file("ai-act.csv", &original);
    let out = b.ok(&["import-table", file.to_str().unwrap(), "--title", "AI Act — four columns"]);
    assert!(out.contains("imported 1775 clauses of 4 parties"), "{out}");
    let back = b.dir.path().join("back.csv");
    b.ok(&["export-table", "AI Act — four columns", "--out", back.to_str().unwrap()]);
    let read = |bytes: &[u8]| -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes)
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    };
    // the export keeps a cell such as "- (a) ..." from being read as a formula; the import takes the
    // guard off again, so the cells are the same once read back — and the same once imported again
    let mut exported = read(&std::fs::read(&back).unwrap());
    exported.iter_mut().flatten().for_each(trilogue_core::spreadsheet::unguard);
    assert_eq!(read(&original), exported, "every cell, header included");
    let again = b.file("again.csv", std::fs::read(&back).unwrap());
    b.ok(&["import-table", again.to_str().unwrap(), "--title", "AI Act — again"]);
    let back2 = b.dir.path().join("back2.csv");
    b.ok(&["export-table", "AI Act — again", "--out", back2.to_str().unwrap()]);
    assert_eq!(std::fs::read(&back).unwrap(), std::fs::read(&back2).unwrap(), "exported and imported: the same file");
    let hits = b.json(&["search", "biometric", "--neg", "1", "--limit", "5", "--json"]);
    assert_eq!(hits.as_array().unwrap().len(), 5);
    let compare = b.ok(&["compare", "P100", "--against", "base", "--neg", "1"]);
    assert!(compare.contains("convergence"), "{compare}");
}

#[test]
fn bad_tables_get_their_line_and_column_and_import_nothing() {
    let b = Bench::new();
    let mut huge = b"ref,title,A\nArt. 1,x,".to_vec();
    huge.extend(std::iter::repeat_n(b'z', 3 << 20));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "ragged.csv",
            b"ref,title,A,B\nArt. 1,x,a,b\nArt. 2,y,a\n".to_vec(),
            "ragged.csv, line 3: this row has 3 cells where the header has 4",
        ),
        (
            "quote.csv",
            b"ref,title,A\nArt. 1,x,\"open\nArt. 2,y,z\n".to_vec(),
            "quote.csv, line 2, column 3: a quoted cell is never closed",
        ),
        (
            "stray.csv",
            b"ref,title,A\nArt. 1,x,say \"no\"\n".to_vec(),
            "stray.csv, line 2, column 3: a quote inside a cell that is not quoted",
        ),
        (
            "latin1.csv",
            b"ref,title,A\nArt. 1,x,ok\nArt. 2,r\xe9sum\xe9,y\n".to_vec(),
            "latin1.csv, line 3, column 2: the file is not UTF-8",
        ),
        ("empty.csv", b"".to_vec(), "empty.csv, line 1: the file is empty"),
        ("blank-header.csv", b"ref,title,A,\nArt. 1,x,y,z\n".to_vec(), "line 1, column 4: the header cell is empty"),
        ("dup-header.csv", b"ref,title,TU,tu\n".to_vec(), "line 1, column 4: 'tu' is already the header of column 3"),
        (
            "dup-ref.csv",
            b"ref,title,A\nArt. 1,x,y\nArt. 1,z,w\n".to_vec(),
            "line 3, column 1 (ref): ref 'Art. 1' is already used on line 2",
        ),
        ("huge.csv", huge, "huge.csv, line 2, column 3: the cell holds 3145728 bytes"),
    ];
    for (name, bytes, expected) in cases {
        let file = b.file(name, bytes);
        let err = b.fails(&["import-table", file.to_str().unwrap(), "--title", "Bad"]);
        assert!(err.contains(expected), "{name}: {err}");
    }
    assert_eq!(b.negotiation_count(), 0, "nothing of any bad file was imported");
    let md = b.file("agreement.md", "no headings at all");
    assert!(b.fails(&["import-markdown", md.to_str().unwrap(), "--title", "Old"]).contains("no heading found"));
    let latin = b.file("latin.md", b"# Art. 1 R\xe9sum\xe9\n");
    assert!(
        b.fails(&["import-markdown", latin.to_str().unwrap(), "--title", "Old"])
            .contains("line 1: the file is not UTF-8")
    );
    assert_eq!(b.negotiation_count(), 0);
}

#[test]
fn a_markdown_agreement_starts_a_renewal() {
    let b = Bench::new();
    let md = b.file(
        "old.md",
        "# Collective agreement 2024\n\n## Article 1. Scope\n\nAll workers.\n\n## Article 2. Notice\n\nThirty days.\n",
    );
    let out = b.ok(&[
        "import-markdown",
        md.to_str().unwrap(),
        "--title",
        "Renewal 2027",
        "--party",
        "TU:workers:Federation of Trade Unions",
        "--party",
        "EMP:employers:Employers",
        "--party",
        "GOV:government:Ministry",
    ]);
    // the single top-level heading is the agreement's title, not a clause
    assert!(out.contains("imported 2 clauses"), "{out}");
    let clauses = b.json(&["clauses", "Renewal 2027", "--json"]);
    assert_eq!(clauses[0]["ref"], "Article 1");
    assert_eq!(clauses[0]["status"], "not_opened");
    assert_eq!(clauses[1]["status_quo"], "Thirty days.");
    let untitled = b.ok(&["import-markdown", md.to_str().unwrap()]);
    assert!(untitled.contains(": Collective agreement 2024"), "the title from the document: {untitled}");
    let compare = b.ok(&["compare", "Article 2", "--against", "base", "--neg", "Renewal 2027"]);
    assert!(compare.contains("Thirty days."), "{compare}");
    assert!(
        b.fails(&["import-markdown", md.to_str().unwrap(), "--title", "X", "--party", "TU-workers"])
            .contains("LABEL:SIDE:NAME")
    );
    assert!(
        b.fails(&["import-markdown", md.to_str().unwrap(), "--title", "X", "--party", "A:bosses:B"])
            .contains("use one of workers")
    );
}

#[test]
fn usage_errors_exit_2_and_failures_exit_1() {
    let b = Bench::new();
    let out = b.run(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let out = b.run(&["diff", "1"]);
    assert_eq!(out.status.code(), Some(2));
    let out = b.run(&["compare", "1", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(b.fails(&["show", "Art. 99"]).contains("no clause has the ref 'Art. 99'"));
    assert!(b.fails(&["clauses", "No such talks"]).contains("no negotiation is named 'No such talks'"));
    b.ok(&["demo"]);
    assert!(b.fails(&["status", "Art. 1", "frozen", "--reason", "x"]).contains("use one of not_opened, open"));
    assert!(b.fails(&["status", "Art. 2", "open", "--reason", " "]).contains("reason is required"));
    assert!(b.fails(&["diff", "1", "999999"]).contains("version 999999 was not found"));
}

/// Edits the workbench behind the app's back, as a tamperer with the sqlite3 shell would: drops the
/// trigger that guards a table, sets one column of one row (`update` binds the value, then the id), and
/// puts the trigger back as it was — or leaves it out when `restore` is false.
fn tamper(db: &std::path::Path, trigger: &str, (update, value, id): (&'static str, &str, i64), restore: bool) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        use sqlx::Connection;
        let url = format!("sqlite://{}", db.display());
        let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
        let sql: String = sqlx::query_scalar("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?")
            .bind(trigger)
            .fetch_one(&mut conn)
            .await
            .unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!("DROP TRIGGER {trigger}"))).execute(&mut conn).await.unwrap();
        let changed = sqlx::query(update).bind(value).bind(id).execute(&mut conn).await.unwrap();
        assert_eq!(changed.rows_affected(), 1);
        if restore {
            sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut conn).await.unwrap();
        }
        conn.close().await.unwrap();
    });
}

#[test]
fn verify_names_the_first_event_edited_behind_the_apps_back() {
    let b = Bench::new();
    b.ok(&["demo"]);
    assert!(b.ok(&["verify", "1"]).contains("are intact"));
    let log = b.json(&["log", "1", "--json"]);
    let impasse = log.as_array().unwrap().iter().find(|e| e["detail"]["to"] == "impasse").unwrap();
    let id = impasse["id"].as_i64().unwrap();
    // the triggers refuse a plain edit, so a tamperer drops them first
    let update = "UPDATE events SET reason = ? WHERE id = ?";
    tamper(&b.db(), "events_append_only_update", (update, "agreed by all", id), true);
    let err = b.fails(&["verify", "1"]);
    assert!(err.contains(&format!("event {id} (status_changed) does not match the chain")), "{err}");

    // a text swapped under its hash is named too
    let b = Bench::new();
    b.ok(&["demo"]);
    let show = b.json(&["show", "Art. 1", "--json"]);
    let initialed = show["initials"][0]["version_id"].as_i64().unwrap();
    let update = "UPDATE versions SET text = ? WHERE id = ?";
    tamper(&b.db(), "versions_immutable", (update, "No AI system is covered.", initialed), true);
    let err = b.fails(&["verify", "1"]);
    assert!(err.contains(&format!("version(s) {initialed} was altered")), "{err}");
    let err = b.fails(&["final", "1"]);
    assert!(err.contains("Art. 1 no longer matches the hash its parties initialed"), "{err}");

    // a tamperer who leaves the guard out finds the workbench refused before anything runs
    let b = Bench::new();
    b.ok(&["demo"]);
    tamper(&b.db(), "versions_immutable", (update, "No AI system is covered.", initialed), false);
    let err = b.fails(&["verify", "1"]);
    assert!(err.contains("Trilogue's trigger 'versions_immutable (versions)' is missing"), "{err}");
}

#[test]
fn a_file_that_is_not_a_workbench_is_refused_and_untouched() {
    let b = Bench::new();
    let path = b.file("photo.sqlite3", b"\x89PNG\r\n\x1a\n not a database at all");
    let before = std::fs::read(&path).unwrap();
    let out =
        Command::new(env!("CARGO_BIN_EXE_trilogue-cli")).arg("--db").arg(&path).arg("negotiations").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not a Trilogue workbench: it is not an SQLite database file")
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// A process killed in the middle of an import leaves none of it or all of it, never part.
#[test]
fn a_killed_import_leaves_all_or_nothing() {
    let b = Bench::new();
    // four copies of the EU table, refs made distinct: an import long enough to be killed inside
    let table = String::from_utf8(eu_position_table()).unwrap();
    let (header, body) = table.split_once('\n').unwrap();
    let mut big = format!("{header}\n");
    for copy in 1..=4 {
        big.push_str(&body.replace("\nP", &format!("\nC{copy}P")).replacen("P", &format!("C{copy}P"), 1));
    }
    let file = b.file("ai-act-x4.csv", big);
    // how long a whole import takes here (the second, on an existing workbench), to aim the kills inside it
    b.ok(&["import-table", file.to_str().unwrap(), "--title", "complete"]);
    let start = std::time::Instant::now();
    b.ok(&["import-table", file.to_str().unwrap(), "--title", "complete again"]);
    let full = start.elapsed();
    let mut killed = 0;
    for step in 1..=8u32 {
        let mut child = b
            .command(&["import-table", file.to_str().unwrap(), "--title", &format!("attempt {step}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full * step / 10);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL: no chance to clean up
            killed += 1;
        }
        child.wait().unwrap();
    }
    assert!(killed >= 4, "most attempts were killed mid-way ({killed} of 8, a whole import takes {full:?})");
    let list = b.json(&["negotiations", "--json"]);
    for n in list.as_array().unwrap() {
        assert_eq!(n["clauses"], 4 * 1775, "negotiation {} is complete", n["title"]);
        let id = n["id"].to_string();
        let rows = b.json(&["clauses", &id, "--json"]);
        let heads: usize = rows.as_array().unwrap().iter().map(|r| r["heads"].as_array().unwrap().len()).sum();
        assert_eq!(heads, 4 * 3002, "every tabled text of negotiation {id}");
    }
    // a kill can land after the commit, while the process closes: then that import is whole too
    let imported = list.as_array().unwrap().len() - 2;
    assert!(imported >= 8 - killed && imported < 8, "some kills landed before the commit: {imported} of 8 imported");
    assert!(b.ok(&["verify", "1"]).contains("are intact"));
}

/// The scenario through the CLI: a union negotiator sets up a tripartite negotiation with a
/// coalition on two sides, adds delegates and five clauses (two from the library), enters the
/// employers' texts received by letter last week and the ministry's from a semicolon CSV saved by a
/// Russian-language spreadsheet, has clauses initialed, closes with a protocol of disagreements and
/// exports the final agreement with its protocol.
#[test]
fn a_negotiation_from_scratch_to_a_protocol_of_disagreements() {
    let b = Bench::new();
    let out = b.ok(&[
        "new",
        "--title",
        "Отраслевое соглашение 2027–2029: ИИ на работе",
        "--level",
        "sectoral",
        "--tripartite",
        "--closing",
        "protocol",
        "--languages",
        "kk,ru",
        "--from",
        "2027-01-01",
        "--to",
        "2029-12-31",
    ]);
    assert!(out.starts_with("negotiation 1:"), "{out}");
    for (side, label, name) in [
        ("workers", "TU", "Federation of Trade Unions"),
        ("workers", "KTU", "Confederation of Independent Trade Unions"),
        ("employers", "EMP", "National Employers' Association"),
        ("employers", "AIE", "Association of Industrial Enterprises"),
        ("government", "GOV", "Ministry of Labour and Social Protection"),
    ] {
        b.ok(&["org", "add", "1", "--side", side, "--label", label, "--name", name]);
    }
    assert!(
        b.fails(&["org", "add", "1", "--side", "workers", "--label", "tu", "--name", "x"])
            .contains("two organisations")
    );
    assert_eq!(b.run(&["org", "add", "1", "--side", "union", "--label", "X", "--name", "x"]).status.code(), Some(1));
    b.ok(&["owner", "1", "--org", "TU"]);
    for (org, name, role) in [
        ("TU", "Aigerim Seitkali", "coordinator"),
        ("KTU", "Bolat Ospanov", "spokesperson"),
        ("EMP", "Marat Zhaksylykov", "coordinator"),
        ("AIE", "Gulnara Abenova", "legal_counsel"),
        ("GOV", "Timur Bekov", "coordinator"),
        ("GOV", "Elena Kuznetsova", "secretary"),
    ] {
        b.ok(&["delegate", "add", "1", "--org", org, "--name", name, "--role", role]);
    }
    assert!(
        b.fails(&["delegate", "add", "1", "--org", "TU", "--name", "X", "--role", "boss"]).contains("legal_counsel")
    );
    b.ok(&["delegate", "edit", "1", "Elena Kuznetsova", "--role", "translator"]);
    b.ok(&["delegate", "retire", "1", "Elena Kuznetsova"]);
    let sides = b.ok(&["org", "list", "1"]);
    assert!(sides.contains("KTU — Confederation of Independent Trade Unions (workers)"), "{sides}");
    assert!(sides.contains("Elena Kuznetsova (translator)  retired"), "{sides}");

    b.ok(&["clause", "add", "1", "--ref", "Статья 1", "--title", "Уведомление", "--section", "Раздел II"]);
    b.ok(&["clause", "add", "1", "--ref", "Статья 2", "--title", "Прозрачность", "--section", "Раздел II"]);
    b.ok(&["clause", "add", "1", "--ref", "Статья 3", "--from-library", "retraining-before-dismissal"]);
    b.ok(&["clause", "add", "1", "--ref", "Статья 4", "--from-library", "human-oversight"]);
    b.ok(&["clause", "add", "1", "--ref", "Статья 6", "--title", "Согласие коллектива"]);
    assert!(
        b.fails(&["clause", "add", "1", "--ref", "Статья 7", "--from-library", "nope"]).contains("human-oversight")
    );
    b.ok(&["clause", "rename", "Статья 6", "--ref", "Статья 5", "--neg", "1"]);
    b.ok(&["clause", "move", "Статья 5", "--before", "Статья 3", "--neg", "1"]);
    let grouped = b.ok(&[
        "clause",
        "group",
        "Статья 5",
        "--section",
        "Раздел III",
        "--topic",
        "consent",
        "--standard",
        "ILO C135",
        "--neg",
        "1",
    ]);
    assert!(grouped.contains("section 'Раздел III', topics: consent; standards: ILO C135"), "{grouped}");
    assert!(
        b.fails(&["clause", "group", "Статья 5", "--standard", "ILO C144", "--standard", "ILO C999", "--neg", "1"])
            .contains("standard ILO C999")
    );
    let art5 = b.json(&["show", "Статья 5", "--neg", "1", "--json"]);
    assert_eq!(art5["standards"], serde_json::json!(["ILO C135"]), "an unknown code changes nothing");
    b.ok(&["clause", "group", "Статья 5", "--standard", "ILO C144", "--standard", "ILO C135", "--neg", "1"]);
    let art5 = b.json(&["show", "Статья 5", "--neg", "1", "--json"]);
    assert_eq!(art5["standards"], serde_json::json!(["ILO C135", "ILO C144"]), "the codes given replace the links");
    let clauses = b.json(&["clauses", "1", "--json"]);
    let refs: Vec<&str> = clauses.as_array().unwrap().iter().map(|c| c["ref"].as_str().unwrap()).collect();
    assert_eq!(refs, ["Статья 1", "Статья 2", "Статья 5", "Статья 3", "Статья 4"]);
    assert_eq!(clauses[0]["section"], "Раздел II");
    assert_eq!(clauses[3]["title"], "Жұмыстан босатуға дейін қайта оқыту", "the model in the first authentic language");

    // the employers' texts, received by letter last week (the tests' clock: 2026-11-24)
    let nea = b.file("nea-1.md", "Уведомление за 60 дней.\n");
    let out = b.ok(&[
        "propose",
        "Статья 1",
        "--party",
        "EMP",
        "--file",
        nea.to_str().unwrap(),
        "--received",
        "2026-11-17",
        "--letter",
        "НЭА-12/345",
        "--sent-by",
        "AIE",
        "--justification",
        "Цикл инвестиций",
        "--neg",
        "1",
    ]);
    assert!(out.contains("tabled 2026-11-17"), "{out}");
    let show = b.ok(&["show", "Статья 1", "--neg", "1"]);
    assert!(show.contains("tabled 2026-11-17T00:00:00.000Z from AIE, letter НЭА-12/345"), "{show}");
    assert!(
        b.fails(&[
            "propose",
            "Статья 2",
            "--party",
            "EMP",
            "--file",
            nea.to_str().unwrap(),
            "--received",
            "2026-12-24",
            "--neg",
            "1"
        ])
        .contains("after now")
    );

    // the ministry's texts: a semicolon CSV in Windows-1251, as a Russian-language spreadsheet saves it
    let csv = "ref;title;GOV;joint\r\nСтатья 1;Уведомление;Уведомление за 90 дней.;Уведомление за 90 дней.\r\nСтатья 2;Прозрачность;\"Работники вправе знать; как работает система.\";\r\nСтатья 9;Споры;Споры решает комиссия.;\r\n";
    let table = b.file("mlsp.csv", encoding_rs::WINDOWS_1251.encode(csv).0);
    let preview = b.run(&["import-table", table.to_str().unwrap(), "--into", "1", "--preview"]);
    let (stdout, stderr) = (String::from_utf8_lossy(&preview.stdout), String::from_utf8_lossy(&preview.stderr));
    assert!(preview.status.success(), "{stderr}");
    assert!(stderr.contains("read as Windows-1251"), "{stderr}");
    assert!(stdout.contains("Статья 1") && stdout.contains("GOV new, joint new"), "{stdout}");
    assert!(stdout.contains("Статья 9") && stdout.contains("new clause"), "{stdout}");
    assert!(stdout.contains("Статья 3") && stdout.contains("not in the file"), "{stdout}");
    assert!(
        stdout.contains("would table 4 text(s); would add 1 clause(s); 3 clause(s) not in the file — nothing written"),
        "{stdout}"
    );
    assert_eq!(b.json(&["clauses", "1", "--json"]).as_array().unwrap().len(), 5, "a preview writes nothing");
    b.ok(&[
        "import-table",
        table.to_str().unwrap(),
        "--into",
        "1",
        "--received",
        "2026-11-20",
        "--letter",
        "МТСЗН-01/77",
    ]);
    let art2 = b.json(&["show", "Статья 2", "--neg", "1", "--json"]);
    let v = &art2["versions"][0];
    // the texts are Russian, by their letters: tabled as the Russian text, the Kazakh one still to come
    assert_eq!(v["text"], "", "no Kazakh text yet");
    let set = &art2["language_sets"][0]["texts"];
    assert_eq!(set[1], serde_json::json!({"lang": "ru", "text": "Работники вправе знать; как работает система."}));
    assert_eq!(
        (v["tabled_at"].as_str(), v["letter_ref"].as_str()),
        (Some("2026-11-20T00:00:00.000Z"), Some("МТСЗН-01/77"))
    );
    // the same file again tables nothing
    assert!(
        b.ok(&["import-table", table.to_str().unwrap(), "--into", "1"]).contains("tabled 0 text(s); added 0 clause(s)")
    );
    // a column that is no organisation of the negotiation is refused, and nothing is written
    let stranger = b.file("x.csv", "ref,title,XYZ\nСтатья 1,a,b\n");
    assert!(
        b.fails(&["import-table", stranger.to_str().unwrap(), "--into", "1"]).contains("'XYZ' is not an organisation")
    );

    // Статья 1: the joint text is in Russian only, so no one can initial it yet
    let joint = art_version(&b, "Статья 1", "joint");
    let refused = b.fails(&["initial", "Статья 1", "--party", "KTU", "--version", &joint, "--neg", "1"]);
    assert!(refused.contains("the text in Kazakh is missing"), "{refused}");
    // the Kazakh text tabled beside it: the set is whole, and shown side by side in Kazakh first
    let kk = b.file("joint-kk.md", "90 күн бұрын хабарлау.");
    let args = ["propose", "Статья 1", "--party", "joint", "--file", kk.to_str().unwrap(), "--table", "--neg", "1"];
    b.ok(&args);
    let shown = b.ok(&["show", "Статья 1", "--neg", "1", "--lang", "kk"]);
    assert!(
        shown.contains("[Қазақ тілінде]\n90 күн бұрын хабарлау.\n[Орыс тілінде]\nУведомление за 90 дней."),
        "{shown}"
    );
    assert!(shown.contains("[Қазақ тілінде]\n(мәтін әлі жоқ)\n[Орыс тілінде]\nУведомление за 60 дней."), "{shown}");
    assert!(!shown.contains("сәйкес келмейді"), "a missing text is not a disagreement: {shown}");
    // compared within one language: the Russian texts against the Russian, the Kazakh against the Kazakh
    let ru = b.ok(&["compare", "Статья 1", "--against", "joint", "--neg", "1", "--lang", "ru"]);
    assert!(ru.contains("Уведомление за 90 дней.") && !ru.contains("хабарлау"), "{ru}");
    let kk = b.ok(&["compare", "Статья 1", "--against", "joint", "--neg", "1", "--lang", "kk"]);
    assert!(kk.contains("90 күн бұрын хабарлау.") && !kk.contains("Уведомление за 90"), "{kk}");
    // every side initials the joint text, the workers through their coordinator
    let joint = art_version(&b, "Статья 1", "joint");
    for party in ["KTU", "EMP", "GOV"] {
        b.ok(&["initial", "Статья 1", "--party", party, "--version", &joint, "--neg", "1"]);
    }
    let show = b.json(&["show", "Статья 1", "--neg", "1", "--json"]);
    assert_eq!(show["clause"]["status"], "tentatively_agreed");
    let by: Vec<&str> =
        show["initials"].as_array().unwrap().iter().map(|i| i["initialed_by"].as_str().unwrap()).collect();
    assert_eq!(by, ["Aigerim Seitkali", "Marat Zhaksylykov", "Timur Bekov"]);
    b.ok(&["reservation", "Статья 1", "--org", "AIE", "--text", "Для малых предприятий — 45 дней", "--neg", "1"]);
    let shown = b.ok(&["show", "Статья 1", "--neg", "1"]);
    assert!(shown.contains("== reservations\nAIE (") && shown.contains("Для малых предприятий — 45 дней"), "{shown}");

    // the rest: two points into the protocol, three withdrawn to the next round
    b.ok(&[
        "protocol",
        "Статья 2",
        "--further",
        "conciliation",
        "--reason",
        "объём раскрываемой информации",
        "--neg",
        "1",
    ]);
    b.ok(&["protocol", "Статья 9", "--further", "next_round", "--reason", "вне предмета раздела", "--neg", "1"]);
    assert!(
        b.fails(&["protocol", "Статья 3", "--further", "later", "--reason", "x", "--neg", "1"]).contains("next_round")
    );
    for r in ["Статья 3", "Статья 4", "Статья 5"] {
        b.ok(&["status", r, "withdrawn", "--reason", "на следующий раунд", "--neg", "1"]);
    }
    b.ok(&["agreement", "1", "in_session", "--reason", "opened"]);
    b.ok(&["agreement", "1", "tentative_settlement", "--reason", "agreed terms with a protocol"]);
    let out = b.file("final.md", "");
    b.ok(&["final", "1", "--out", out.to_str().unwrap()]);
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains("agreed terms, signed with a protocol of disagreements"), "{md}");
    assert!(
        md.contains("## 1. Статья 2 — Прозрачность")
            && md.contains("a conciliation commission, decided on 24 November 2026"),
        "{md}"
    );
    assert!(md.contains("| For the workers | Federation of Trade Unions (TU); Confederation of Independent Trade Unions (KTU) | Aigerim Seitkali |"), "{md}");
    // the two authentic texts side by side
    assert!(
        md.contains("| Kazakh | Russian |") && md.contains("| 90 күн бұрын хабарлау. | Уведомление за 90 дней. |"),
        "{md}"
    );
    assert!(md.contains("> **Reservation of AIE:** Для малых предприятий — 45 дней"), "{md}");
    // in Word too, as pandoc reads it
    let docx = b.dir.path().join("final.docx");
    b.ok(&["final", "1", "--format", "docx", "--out", docx.to_str().unwrap()]);
    let read = std::process::Command::new("pandoc").args(["-t", "plain", "--wrap=none"]).arg(&docx).output();
    let plain = String::from_utf8(read.expect("pandoc (installed by scripts/setup)").stdout).unwrap();
    for expected in ["Annex: protocol of disagreements", "Уведомление за 90 дней.", "Reservation of AIE:"]
    {
        assert!(plain.contains(expected), "{expected}: {plain}");
    }
    // one row of two columns: the Kazakh and the Russian text on one line of pandoc's table
    let row = plain.lines().find(|l| l.contains("90 күн бұрын хабарлау.")).unwrap_or_default();
    assert!(row.contains("Уведомление за 90 дней."), "side by side: {plain}");
    b.ok(&[
        "approval",
        "1",
        "--step",
        "discussion",
        "--date",
        "2026-11-24",
        "--body",
        "общее собрание",
        "--for",
        "120",
        "--against",
        "3",
    ]);
    b.ok(&["approval", "1", "--step", "signing", "--date", "2026-11-24"]);
    b.ok(&["agreement", "1", "ratified", "--reason", "approved"]);
    b.ok(&["agreement", "1", "signed", "--reason", "signed"]);
    b.ok(&["approval", "1", "--step", "registration", "--date", "2026-11-24", "--body", "местный орган по труду"]);
    b.ok(&["commitment", "add", "1", "--text", "Фонд переобучения", "--responsible", "GOV", "--due", "2026-10-01"]);
    let plan = b.ok(&["commitment", "list", "1"]);
    assert!(plan.contains("OVERDUE") && plan.contains("Фонд переобучения"), "{plan}");
    b.ok(&["commitment", "done", "1"]);
    assert!(b.ok(&["commitment", "list", "1"]).contains("done 2026-11-24"));
    assert!(b.ok(&["verify", "1"]).contains("are intact"));
    // the same record's documents in Russian and Kazakh: its data is Russian, so any English phrase
    // of the catalogue left in them is the document's own
    let phrases = english_phrases();
    for lang in ["ru", "kk"] {
        for args in [&["report", "1"][..], &["final", "1"], &["compare-all", "1", "--format", "html"]] {
            let text = b.ok(&[args, &["--lang", lang]].concat());
            for phrase in &phrases {
                assert!(!text.contains(phrase.as_str()), "{args:?} in {lang} keeps English: {phrase}\n{text}");
            }
        }
    }
    let final_ru = b.ok(&["final", "1", "--lang", "ru"]);
    assert!(final_ru.contains("# Приложение: протокол разногласий"), "{final_ru}");
    assert!(
        final_ru.contains("Дальнейший порядок: примирительная комиссия, решение от 24 ноября 2026 г."),
        "{final_ru}"
    );
}

/// The id of the newest version on a clause's track.
fn art_version(b: &Bench, clause: &str, track: &str) -> String {
    let show = b.json(&["show", clause, "--neg", "1", "--json"]);
    let versions = show["versions"].as_array().unwrap();
    let wanted = |v: &&Value| match track {
        "joint" => v["track"]["kind"] == "joint",
        _ => v["track"]["kind"] == "party",
    };
    versions.iter().rev().find(wanted).unwrap()["id"].as_i64().unwrap().to_string()
}

/// A party's text of the agreement in Markdown, taken into a negotiation under way: its articles matched
/// by number ("Статья 1" to "Art. 1"), a new one added, the preview writing nothing.
#[test]
fn a_partys_markdown_text_is_taken_in_by_its_numbers() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let md = b.file(
        "nea.md",
        "# Генеральное соглашение\n\n## Раздел I. Общие положения\n\n### Статья 1. Сфера\n\nСоглашение распространяется на членов Ассоциации.\n\n### Статья 15. Платформенная занятость\n\nНовый текст.\n",
    );
    let preview = b.ok(&["import-markdown", md.to_str().unwrap(), "--into", "1", "--party", "EMP", "--preview"]);
    assert!(preview.contains("matches Art. 1") && preview.contains("EMP changed"), "{preview}");
    assert!(preview.contains("Статья 15") && preview.contains("new clause"), "{preview}");
    assert!(
        preview.contains("would table 2 text(s); would add 1 clause(s); 13 clause(s) not in the file"),
        "{preview}"
    );
    b.ok(&["import-markdown", md.to_str().unwrap(), "--into", "1", "--party", "EMP", "--letter", "12/1"]);
    let art1 = b.json(&["show", "Art. 1", "--neg", "1", "--json"]);
    let last = art1["versions"].as_array().unwrap().iter().max_by_key(|v| v["id"].as_i64()).unwrap().clone();
    assert_eq!(
        (last["text"].as_str(), last["letter_ref"].as_str()),
        (Some("Соглашение распространяется на членов Ассоциации."), Some("12/1"))
    );
    let new = b.json(&["show", "Статья 15", "--neg", "1", "--json"]);
    assert_eq!(new["clause"]["section"], "Раздел I. Общие положения");
    assert_eq!(
        b.run(&["import-markdown", md.to_str().unwrap(), "--into", "1"]).status.code(),
        Some(2),
        "--into needs --party"
    );
    assert!(
        b.fails(&["import-markdown", md.to_str().unwrap(), "--into", "1", "--party", "XYZ"])
            .contains("'XYZ' is not an organisation")
    );
    assert!(b.ok(&["verify", "1"]).contains("are intact"));
}

#[test]
fn a_server_that_cannot_be_reached_is_told_and_never_becomes_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let url = "postgres://user:secret@db.example:5432/trilogue";
    for how in ["--db", "env"] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_trilogue-cli"));
        cmd.current_dir(dir.path()).env_remove("TRILOGUE_DB");
        if how == "env" {
            cmd.env("TRILOGUE_DB", url);
        } else {
            cmd.arg("--db").arg(url);
        }
        let out = cmd.arg("negotiations").output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{how}: {err}");
        assert!(err.contains("postgres://user@db.example:5432/trilogue cannot be reached"), "{how}: {err}");
        assert!(!err.contains("secret"), "{how}: the password is never repeated: {err}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "{how}: nothing created on disk");
    }
}

/// The tests run a development build: its own workbench is in its own data folder, never the user's.
#[test]
fn a_development_build_has_its_own_workbench() {
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_trilogue-cli"))
        .env_remove("TRILOGUE_DB")
        .env("XDG_DATA_HOME", data.path())
        .arg("negotiations")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(data.path().join("org.trilogue.workbench.dev/workbench.sqlite3").exists());
    assert!(!data.path().join("org.trilogue.workbench").exists(), "the user's own folder is never touched");
}

/// Four processes table texts into one workbench at once, as two app windows and the CLI would: every
/// write waits its turn (or fails with a clear message), none is lost, and the journal verifies.
#[test]
fn concurrent_writers_lose_nothing_and_the_journal_verifies() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let (writers, each) = (4, 12);
    let acknowledged: Vec<Vec<String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..writers)
            .map(|w| {
                let b = &b;
                scope.spawn(move || {
                    let mut done = Vec::new();
                    for i in 0..each {
                        let text = format!("Writer {w}, text {i}: retraining before dismissal.\n");
                        let file = b.file(&format!("w{w}-{i}.md"), &text);
                        let party = ["TU", "EMP", "GOV", "joint"][w];
                        let clause = format!("Art. {}", 1 + (i % 3));
                        let out =
                            b.run(&["propose", &clause, "--party", party, "--file", file.to_str().unwrap(), "--table"]);
                        let err = String::from_utf8_lossy(&out.stderr);
                        match out.status.code() {
                            Some(0) => done.push(text.trim_end().to_string()),
                            Some(1) => {
                                assert!(err.contains("busy") || err.contains("locked"), "a clear refusal: {err}")
                            }
                            other => panic!("{other:?}: {err}"),
                        }
                    }
                    done
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let acknowledged: Vec<String> = acknowledged.into_iter().flatten().collect();
    let mut found = Vec::new();
    for r in ["Art. 1", "Art. 2", "Art. 3"] {
        let show = b.json(&["show", r, "--json"]);
        for v in show["versions"].as_array().unwrap() {
            found.push(v["text"].as_str().unwrap().trim_end().to_string());
        }
    }
    let lost: Vec<&String> = acknowledged.iter().filter(|t| !found.contains(t)).collect();
    assert!(lost.is_empty(), "acknowledged but not in the record: {lost:?}");
    eprintln!(
        "concurrent writers: {} attempted, {} acknowledged, {} found afterwards",
        writers * each,
        acknowledged.len(),
        acknowledged.len() - lost.len()
    );
    assert!(b.ok(&["verify", "1"]).contains("are intact"));
}

/// A process killed at any moment of a write — tabling a text, a private note, a new clause — leaves the
/// record whole: it opens, its journal verifies, and every write that said it was done is there. The
/// kills are aimed across each command's whole run, from before the write to after the commit.
#[test]
fn a_crash_loop_over_the_write_commands_leaves_the_record_whole() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let text = |i: usize| format!("Crash-loop text {i}: retraining before dismissal.\n");
    let show = |clause: &str| b.json(&["show", clause, "--json"]);
    let has = |list: &Value, key: &str, want: &str| list.as_array().unwrap().iter().any(|x| x[key] == want);
    // What each kind of write does, made ready outside the kill where it needs a fresh target (a new
    // joint text to initial), and how to find it afterwards.
    let kinds = ["propose", "note", "clause", "status", "initial", "schedule", "delegate"];
    let target = std::cell::Cell::new("open"); // the status the last status command moves Art. 4 to
    let command = |kind: &str, i: usize| -> Vec<String> {
        let s = |v: &[&str]| v.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        match kind {
            "propose" => {
                let file = b.file(&format!("crash-{i}.md"), text(i));
                s(&["propose", "Art. 1", "--party", "EMP", "--file", file.to_str().unwrap(), "--table"])
            }
            "note" => s(&["note", "Art. 2", "--priority", "important", "--reasoning", &format!("crash-note {i}")]),
            "clause" => s(&["clause", "add", "1", "--ref", &format!("Crash {i}"), "--title", "Crash loop"]),
            "status" => {
                target.set(if show("Art. 4")["clause"]["status"] == "parked" { "open" } else { "parked" });
                s(&["status", "Art. 4", target.get(), "--reason", &format!("crash {i}")])
            }
            "initial" => {
                let file = b.file(&format!("joint-{i}.md"), text(i));
                b.ok(&["propose", "Art. 4", "--party", "joint", "--file", file.to_str().unwrap(), "--table"]);
                let joint = show("Art. 4")["versions"].as_array().unwrap().last().unwrap()["id"].to_string();
                s(&["initial", "Art. 4", "--party", "EMP", "--version", &joint])
            }
            "schedule" => s(&[
                "schedule",
                "1",
                "--at",
                &format!("2027-0{}-{:02}T05:00:00Z", 1 + i % 9, 1 + i % 28),
                "--place",
                &format!("Crash hall {i}"),
            ]),
            _ => s(&[
                "delegate",
                "add",
                "1",
                "--org",
                "TU",
                "--name",
                &format!("Crash delegate {i}"),
                "--role",
                "member",
            ]),
        }
    };
    let found = |kind: &str, i: usize| -> bool {
        match kind {
            "propose" => has(&show("Art. 1")["versions"], "text", &text(i)),
            "note" => has(&show("Art. 2")["private_notes"], "reasoning", &format!("crash-note {i}")),
            "clause" => has(&b.json(&["clauses", "1", "--json"]), "ref", &format!("Crash {i}")),
            "status" => show("Art. 4")["clause"]["status"] == target.get(),
            "initial" => {
                let clause = show("Art. 4");
                let joint = clause["versions"].as_array().unwrap().last().unwrap()["id"].clone();
                clause["initials"].as_array().unwrap().iter().any(|x| x["version_id"] == joint && x["party_id"] == 2)
            }
            "schedule" => has(&b.json(&["session", "1", "--json"]), "place", &format!("Crash hall {i}")),
            _ => has(&show("Art. 1")["delegates"], "name", &format!("Crash delegate {i}")),
        }
    };
    let (mut attempted, mut acknowledged, mut lost, mut killed) = (0, 0, 0, 0);
    for (k, kind) in kinds.into_iter().enumerate() {
        // how long the command takes here, to aim the kills across it
        let args = command(kind, 1000 + k);
        let start = std::time::Instant::now();
        b.ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let full = start.elapsed();
        for step in 0..10u32 {
            let i = k * 100 + step as usize;
            let args = command(kind, i);
            let mut child = b
                .command(&args.iter().map(String::as_str).collect::<Vec<_>>())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(full * step / 6);
            let done = match child.try_wait().unwrap() {
                Some(status) => status.success(),
                None => {
                    child.kill().unwrap(); // SIGKILL: no chance to clean up
                    killed += 1;
                    false
                }
            };
            child.wait().unwrap();
            attempted += 1;
            if done {
                acknowledged += 1;
                if !found(kind, i) {
                    lost += 1;
                }
            }
            assert!(b.ok(&["verify", "1"]).contains("are intact"), "{args:?} killed at step {step}");
        }
    }
    eprintln!("crash loop: {attempted} attempted, {killed} killed, {acknowledged} acknowledged, {lost} lost");
    assert_eq!(lost, 0, "a write that said it was done is in the record");
    assert!(killed >= attempted / 2, "most attempts were killed mid-way: {killed} of {attempted}");
}

/// The English documents' phrases of three words or more, without their placeables.
fn english_phrases() -> Vec<String> {
    phrases(include_str!("../../../core/locales/en.ftl"))
}

/// A catalogue's phrases of three words or more, without their placeables.
fn phrases(catalogue: &str) -> Vec<String> {
    let mut out = vec![];
    for line in catalogue.lines().filter(|l| !l.starts_with('#') && l.contains(" = ")) {
        let text = line.split_once(" = ").unwrap().1;
        for piece in text.split(['{', '}']).step_by(2) {
            let piece = piece.trim_matches(|c: char| !c.is_alphanumeric());
            if piece.split_whitespace().count() >= 3 {
                out.push(piece.to_string());
            }
        }
    }
    out
}

#[test]
fn documents_in_kazakh_and_russian() {
    let b = Bench::new();
    b.ok(&["demo"]);
    assert!(english_phrases().iter().any(|p| p == "Carried over unchanged from the agreement in force"));
    let report = b.ok(&["report", "1", "--lang", "ru"]);
    assert!(report.starts_with("# Информация о ходе переговоров — General Agreement"), "{report}");
    assert!(report.contains("## Визы сторон") && report.contains("Статус соглашения: идут переговоры"), "{report}");
    assert!(report.contains("| ожидается |") || report.contains("*ожидается*"), "{report}");
    let final_kk = b.ok(&["final", "1", "--lang", "kk"]);
    assert!(final_kk.contains("## Қолдар") && final_kk.contains("| Жұмыскерлер атынан |"), "{final_kk}");
    assert!(final_kk.contains("жылғы"), "dates in the Kazakh legal style: {final_kk}");
    let packet = b.ok(&["packet", "1", "--lang", "kk"]);
    assert!(packet.contains("3-отырыс басталғаннан бері не өзгерді"), "{packet}");
    let compare = b.ok(&["compare-all", "1", "--lang", "ru", "--format", "html"]);
    assert!(compare.contains("Сравнительная таблица ·"), "named as users name it");
    assert!(!report.contains("Status report") && !packet.contains("What changed") && !final_kk.contains("Signatures"));
    // the system's language when none is asked for; English when Trilogue does not write it
    let russian = b.command(&["report", "1"]).env_remove("TRILOGUE_LANG").env("LANG", "ru_RU.UTF-8").output().unwrap();
    assert!(String::from_utf8_lossy(&russian.stdout).starts_with("# Информация о ходе переговоров"));
    let german = b.command(&["report", "1"]).env_remove("TRILOGUE_LANG").env("LANG", "de_DE.UTF-8").output().unwrap();
    assert!(String::from_utf8_lossy(&german.stdout).starts_with("# Status report"));
    assert!(b.fails(&["report", "1", "--lang", "de"]).contains("unknown language 'de': use kk, ru or en"));
}

/// The command line's own words and the core's refusals come out in the language asked for, with
/// none of the English catalogues' phrases left.
#[test]
fn messages_in_kazakh_and_russian() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let english: Vec<String> =
        [include_str!("../../../core/locales/messages/en.ftl"), include_str!("../../locales/en.ftl")]
            .into_iter()
            .flat_map(phrases)
            .collect();
    assert!(english.iter().any(|p| p == "no clause has the ref"), "{english:?}");
    let leftover = |text: &str| english.iter().find(|p| text.contains(p.as_str())).cloned();
    let run = |args: &[&str]| {
        let out = b.command(args).output().unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
    };
    // a refusal of the core, and one of the command line's
    let (code, _, err) = run(&["show", "Art. 99", "--lang", "ru"]);
    assert_eq!(code, Some(1));
    assert_eq!(err.trim(), "ошибка: нет пункта с номером «Art. 99»");
    let (_, _, err) = run(&["report", "1", "--format", "docx", "--lang", "kk"]);
    assert!(err.starts_with("қате: .docx тек файлға жазылады"), "{err}");
    let (_, _, err) = run(&["status", "Art. 4", "parked", "--reason", " ", "--neg", "1", "--lang", "kk"]);
    assert!(err.contains("негіздеме міндетті"), "{err}");
    // what a command did, and the listings
    let (code, out, _) = run(&["status", "Art. 3", "parked", "--reason", "later", "--neg", "1", "--lang", "ru"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("теперь: отложено"), "{out}");
    for lang in ["ru", "kk"] {
        for args in
            [&["overview", "1"][..], &["show", "Art. 4", "--neg", "1"], &["session", "1", "1"], &["org", "list", "1"]]
        {
            let (code, out, err) = run(&[args, &["--lang", lang]].concat());
            assert_eq!(code, Some(0), "{args:?}: {err}");
            assert_eq!(leftover(&out), None, "{lang} {args:?}: {out}");
        }
    }
    let (_, overview, _) = run(&["overview", "1", "--lang", "kk"]);
    assert!(overview.contains("келесі отырыс: 4-отырыс"), "{overview}");
}
