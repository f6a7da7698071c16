//! The .docx Trilogue writes, judged by readers it did not write: pandoc and LibreOffice (headless).
//! What they read as inserted and deleted must be exactly the change from the reference to the party's
//! text, attributed to the party: accepting every change gives the party's texts, rejecting every change
//! gives the reference's.

mod bench;
#[path = "../../core/tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::Command;

use bench::Bench;
use serde_json::Value;

const NEA: &str = "National Employers' Association (NEA)";

fn pandoc(args: &[&str], input: &Path) -> String {
    let out = Command::new("pandoc").args(args).arg(input).output().expect("pandoc (installed by scripts/setup)");
    assert!(out.status.success(), "pandoc {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Words only: what two renderings of one text share, whatever their line breaks and punctuation marks.
fn words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A record's Markdown text as pandoc reads it, in words.
fn markdown_words(b: &Bench, text: &str) -> String {
    let file = b.file("text.md", text);
    words(&pandoc(&["-f", "commonmark", "-t", "plain", "--wrap=none"], &file))
}

/// The texts of the inserted and deleted spans pandoc reads, and their authors.
fn pandoc_changes(docx: &Path) -> (Vec<String>, Vec<String>, Vec<String>) {
    let ast: Value = serde_json::from_str(&pandoc(&["--track-changes=all", "-t", "json"], docx)).unwrap();
    let (mut inserted, mut deleted, mut authors) = (vec![], vec![], vec![]);
    fn text(inlines: &Value) -> String {
        let mut out = String::new();
        for i in inlines.as_array().into_iter().flatten() {
            match i["t"].as_str() {
                Some("Str") => out.push_str(i["c"].as_str().unwrap()),
                Some("Space" | "SoftBreak" | "LineBreak") => out.push(' '),
                Some("Strong" | "Emph" | "Strikeout" | "Underline" | "SmallCaps") => out.push_str(&text(&i["c"])),
                Some("Span" | "Link" | "Quoted") => out.push_str(&text(&i["c"][1])),
                _ => {}
            }
        }
        out
    }
    fn walk(v: &Value, f: &mut dyn FnMut(&Value)) {
        f(v);
        match v {
            Value::Array(a) => a.iter().for_each(|x| walk(x, f)),
            Value::Object(o) => o.values().for_each(|x| walk(x, f)),
            _ => {}
        }
    }
    walk(&ast["blocks"], &mut |v| {
        if v["t"] == "Span" {
            let (attr, inlines) = (&v["c"][0], &v["c"][1]);
            let class = attr[1][0].as_str().unwrap_or("");
            let author = attr[2].as_array().unwrap().iter().find(|kv| kv[0] == "author").map(|kv| kv[1].to_string());
            match class {
                "insertion" => inserted.push(text(inlines)),
                "deletion" => deleted.push(text(inlines)),
                _ => return,
            }
            authors.push(author.unwrap_or_default());
        }
    });
    (inserted, deleted, authors)
}

/// What LibreOffice reads as tracked changes, from the document it converts the .docx to: how many
/// insertions, the deleted texts, and the authors.
fn libreoffice_changes(docx: &Path, dir: &Path) -> (usize, Vec<String>, Vec<String>) {
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    let out = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "fodt", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("LibreOffice (installed by scripts/setup)");
    assert!(out.status.success(), "soffice: {}", String::from_utf8_lossy(&out.stderr));
    let fodt = std::fs::read_to_string(dir.join(docx.with_extension("fodt").file_name().unwrap())).unwrap();
    let between = |s: &str, open: &str, close: &str| -> Vec<String> {
        s.split(open).skip(1).map(|part| part.split(close).next().unwrap().to_string()).collect()
    };
    let strip_tags = |s: &str| {
        let mut out = String::new();
        let mut in_tag = false;
        for c in s.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&apos;", "'").replace("&quot;", "\"").replace("&amp;", "&")
    };
    let insertions = fodt.matches("<text:insertion>").count();
    // each deletion's region names an id; its text stays in the body between change marks of that id
    let deletions: Vec<String> = between(&fodt, "<text:changed-region ", "</text:changed-region>")
        .iter()
        .filter(|region| region.contains("<text:deletion>"))
        .map(|region| {
            let id = region.split("text:id=\"").nth(1).unwrap().split('"').next().unwrap();
            let start = format!("<text:change-start text:change-id=\"{id}\"/>");
            let end = format!("<text:change-end text:change-id=\"{id}\"/>");
            strip_tags(&between(&fodt, &start, &end).concat())
        })
        .collect();
    let authors = between(&fodt, "<dc:creator>", "</dc:creator>").iter().map(|a| strip_tags(a)).collect();
    (insertions, deletions, authors)
}

#[test]
fn a_partys_proposal_as_tracked_changes_that_pandoc_and_libreoffice_read_alike() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let docx = b.dir.path().join("nea.docx");
    b.ok(&["export", "1", "--format", "docx", "--out", docx.to_str().unwrap(), "--track", "NEA", "--against", "joint"]);

    // accepting every change reads as the NEA's texts, rejecting every change as the joint texts
    let accepted = words(&pandoc(&["--track-changes=accept", "-t", "plain", "--wrap=none"], &docx));
    let rejected = words(&pandoc(&["--track-changes=reject", "-t", "plain", "--wrap=none"], &docx));
    let clauses = b.json(&["clauses", "1", "--json"]);
    let mut compared = 0;
    for c in clauses.as_array().unwrap() {
        let shown = b.json(&["show", c["ref"].as_str().unwrap(), "--json"]);
        let latest = |track: Value| {
            shown["versions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|v| v["track"] == track && !v["tabled_at"].is_null())
                .max_by_key(|v| v["id"].as_i64())
                .map(|v| v["text"].as_str().unwrap().to_string())
        };
        let (Some(nea), Some(joint)) =
            (latest(serde_json::json!({"kind": "party", "party_id": 2})), latest(serde_json::json!({"kind": "joint"})))
        else {
            continue;
        };
        assert!(accepted.contains(&markdown_words(&b, &nea)), "{}: accepted reads as the NEA's text", c["ref"]);
        assert!(rejected.contains(&markdown_words(&b, &joint)), "{}: rejected reads as the joint text", c["ref"]);
        compared += 1;
    }
    assert!(compared >= 5, "{compared} clauses with both texts");

    // both readers see the same changes, all the NEA's
    let (inserted, deleted, authors) = pandoc_changes(&docx);
    assert!(!inserted.is_empty() && !deleted.is_empty());
    assert!(authors.iter().all(|a| a.trim_matches('"') == NEA), "{authors:?}");
    let (lo_insertions, lo_deleted, lo_authors) = libreoffice_changes(&docx, b.dir.path());
    assert_eq!(lo_insertions, inserted.len(), "LibreOffice sees as many insertions as pandoc");
    assert_eq!(words(&lo_deleted.join(" ")), words(&deleted.join(" ")), "and the same deleted words");
    assert!(lo_authors.iter().all(|a| a == NEA), "{lo_authors:?}");
    eprintln!(
        "docx: {compared} clauses, {} insertions and {} deletions, read alike by pandoc and LibreOffice",
        inserted.len(),
        deleted.len()
    );

    // the same record gives the same file
    let again = b.dir.path().join("again.docx");
    b.ok(&[
        "export",
        "1",
        "--format",
        "docx",
        "--out",
        again.to_str().unwrap(),
        "--track",
        "NEA",
        "--against",
        "joint",
    ]);
    assert!(std::fs::read(&docx).unwrap() == std::fs::read(&again).unwrap(), "byte for byte");
}

#[test]
fn the_comparison_table_is_landscape_with_its_header_on_every_page() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let docx = b.dir.path().join("comparison.docx");
    b.ok(&["compare-all", "1", "--format", "docx", "--out", docx.to_str().unwrap()]);
    let (inserted, deleted, _) = pandoc_changes(&docx);
    assert!(inserted.is_empty() && deleted.is_empty(), "differences are formatting here, not revisions");
    let ast: Value = serde_json::from_str(&pandoc(&["-t", "json"], &docx)).unwrap();
    let table = ast["blocks"].as_array().unwrap().iter().find(|b| b["t"] == "Table").expect("a table");
    assert_eq!(table["c"][2].as_array().unwrap().len(), 5, "the clause, three parties and the joint text");
    let plain = pandoc(&["-t", "plain", "--wrap=none"], &docx);
    for article in ["Art. 1", "Art. 7", "Art. 14", "Federation of Trade Unions (FTU)", "Joint text"] {
        assert!(plain.contains(article), "{article}");
    }
    let profile = format!("-env:UserInstallation=file://{}", b.dir.path().join("lo-profile").display());
    let out = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "fodt", "--outdir"])
        .arg(b.dir.path())
        .arg(&docx)
        .output()
        .unwrap();
    assert!(out.status.success());
    let fodt = std::fs::read_to_string(b.dir.path().join("comparison.fodt")).unwrap();
    assert!(fodt.contains("style:print-orientation=\"landscape\""), "landscape");
    assert!(fodt.contains("<table:table-header-rows>"), "a header row that repeats");
    assert!(!fodt.contains("<text:tracked-changes"), "no revisions");
}

#[test]
fn hostile_titles_and_texts_make_a_document_the_readers_open() {
    let b = Bench::new();
    b.ok(&["new", "--title", "<script>alert(1)</script> & \u{1} \u{fffe} ]]> Соглашение", "--level", "sectoral"]);
    b.ok(&["org", "add", "1", "--side", "workers", "--label", "FTU", "--name", "Unions \"&\" <b>"]);
    b.ok(&["clause", "add", "1", "--ref", "Art. 1", "--title", "<w:p>x</w:p> \u{7}"]);
    let text = b.file("t.md", "**Bold** <img src=x onerror=alert(1)> \u{0} \u{1b}[31m\n\n- a\n  - nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    b.ok(&["propose", "Art. 1", "--party", "joint", "--file", text.to_str().unwrap(), "--table"]);
    let docx = b.dir.path().join("hostile.docx");
    b.ok(&["export", "1", "--format", "docx", "--out", docx.to_str().unwrap()]);
    let plain = pandoc(&["-s", "-t", "plain", "--wrap=none"], &docx);
    assert!(plain.contains("<script>alert(1)</script>"), "a title is text: {plain}");
    assert!(plain.contains("<img src=x onerror=alert(1)>"), "so is a clause's: {plain}");
    let (_, _, authors) = libreoffice_changes(&docx, b.dir.path());
    assert!(authors.is_empty());
    assert!(b.dir.path().join("hostile.fodt").exists(), "LibreOffice opened it");
}
