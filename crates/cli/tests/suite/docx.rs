//! The .docx Trilogue writes, judged by readers it did not write: pandoc and LibreOffice (headless).
//! What they read as inserted and deleted must be exactly the change from the reference to the party's
//! text, attributed to the party: accepting every change gives the party's texts, rejecting every change
//! gives the reference's.

use crate::bench;
use crate::common;

use std::path::Path;
use std::process::Command;

use bench::Bench;
use serde_json::Value;

const EMP: &str = "Employers' side: republican associations of employers (EMP)";

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

/// The document LibreOffice (headless, a profile of its own under `dir`) converts `docx` to, in `dir`.
fn libreoffice(docx: &Path, dir: &Path, to: &str) -> std::path::PathBuf {
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    let out = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("LibreOffice (installed by scripts/setup)");
    assert!(out.status.success(), "soffice: {}", String::from_utf8_lossy(&out.stderr));
    let extension = to.split(':').next().unwrap();
    dir.join(docx.with_extension(extension).file_name().unwrap())
}

/// What LibreOffice reads as tracked changes, from the document it converts the .docx to: how many
/// insertions, the deleted texts, and the authors.
fn libreoffice_changes(docx: &Path, dir: &Path) -> (usize, Vec<String>, Vec<String>) {
    let fodt = libreoffice(docx, dir, "fodt");
    let fodt = std::fs::read_to_string(fodt).unwrap();
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
    b.ok(&["export", "1", "--format", "docx", "--out", docx.to_str().unwrap(), "--track", "EMP", "--against", "joint"]);

    // accepting every change reads as the EMP's texts, rejecting every change as the joint texts
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
        assert!(accepted.contains(&markdown_words(&b, &nea)), "{}: accepted reads as the EMP's text", c["ref"]);
        // a point the party deleted whole comes back on rejecting as struck words at the end of the point
        // before it, its number not restored (the marked text keeps the newer text's paragraphs)
        let unnumbered =
            |w: &str| w.split(' ').filter(|w| !w.chars().all(|c| c.is_ascii_digit())).collect::<Vec<_>>().join(" ");
        assert!(
            unnumbered(&rejected).contains(&unnumbered(&markdown_words(&b, &joint))),
            "{}: rejected reads as the joint text",
            c["ref"]
        );
        compared += 1;
    }
    assert!(compared >= 5, "{compared} clauses with both texts");

    // both readers see the same changes, all the EMP's
    let (inserted, deleted, authors) = pandoc_changes(&docx);
    assert!(!inserted.is_empty() && !deleted.is_empty());
    assert!(authors.iter().all(|a| a.trim_matches('"') == EMP), "{authors:?}");
    let (lo_insertions, lo_deleted, lo_authors) = libreoffice_changes(&docx, b.dir.path());
    assert_eq!(lo_insertions, inserted.len(), "LibreOffice sees as many insertions as pandoc");
    assert_eq!(words(&lo_deleted.join(" ")), words(&deleted.join(" ")), "and the same deleted words");
    assert!(lo_authors.iter().all(|a| a == EMP), "{lo_authors:?}");
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
        "EMP",
        "--against",
        "joint",
    ]);
    assert!(std::fs::read(&docx).unwrap() == std::fs::read(&again).unwrap(), "byte for byte");

    // one clause alone: the EMP's Art. 7 against the joint text, its changes the whole file's
    let art7 = b.dir.path().join("art7.docx");
    let one = ["--clause", "Art. 7", "--track", "EMP", "--against", "joint"];
    b.ok(&[&["export", "1", "--format", "docx", "--out", art7.to_str().unwrap()][..], &one].concat());
    let plain = pandoc(&["-t", "plain", "--wrap=none"], &art7);
    assert!(plain.contains("Art. 7 — Retraining before dismissal") && !plain.contains("Art. 6"), "{plain}");
    let (inserted, deleted, authors) = pandoc_changes(&art7);
    assert!(!inserted.is_empty() && !deleted.is_empty() && authors.iter().all(|a| a.trim_matches('"') == EMP));
    let wrong = ["export", "1", "--format", "docx", "--out", "x.docx", "--clause", "Art. 99"];
    assert!(b.fails(&wrong).contains("Art. 99"), "an unknown clause is refused");
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
    for article in
        ["Art. 1", "Art. 7", "Art. 14", "Workers' side: republican associations of trade unions (TU)", "Joint text"]
    {
        assert!(plain.contains(article), "{article}");
    }
    let fodt = std::fs::read_to_string(libreoffice(&docx, b.dir.path(), "fodt")).unwrap();
    assert!(fodt.contains("style:print-orientation=\"landscape\""), "landscape");
    assert!(fodt.contains("<table:table-header-rows>"), "a header row that repeats");
    assert!(!fodt.contains("<text:tracked-changes"), "no revisions");
}

#[test]
fn the_report_the_final_agreement_the_packet_and_a_clause_comparison_as_word() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let docx = |name: &str, args: &[&str]| {
        let path = b.dir.path().join(name);
        b.ok(&[args, &["--format", "docx", "--out", path.to_str().unwrap()]].concat());
        path
    };
    let report = docx("report.docx", &["report", "1"]);
    let plain = pandoc(&["-s", "-t", "plain", "--wrap=none"], &report);
    for expected in
        ["Status report — General Agreement", "Progress by topic", "Art. 14 Settlement of disputes", "pending"]
    {
        assert!(plain.contains(expected), "{expected}: {plain}");
    }
    let final_agreement = docx("final.docx", &["final", "1"]);
    let plain = pandoc(&["-s", "-t", "plain", "--wrap=none"], &final_agreement);
    let art1: Value = serde_json::from_str(&b.ok(&["show", "Art. 1", "--neg", "1", "--json"])).unwrap();
    let joint = art1["versions"].as_array().unwrap().iter().rev().find(|v| v["track"]["kind"] == "joint").unwrap();
    assert!(words(&plain).contains(&markdown_words(&b, joint["text"].as_str().unwrap())), "the initialed text");
    for expected in ["SHA-256", "Not yet agreed", "Signatures", "For the workers"] {
        assert!(plain.contains(expected), "{expected}: {plain}");
    }
    let packet = docx("packet.docx", &["packet", "1"]);
    assert!(pandoc(&["-t", "plain", "--wrap=none"], &packet).contains("What changed since session 3"));
    let compare = docx("compare.docx", &["compare", "Art. 7", "--neg", "1", "--against", "base"]);
    assert!(pandoc(&["-s", "-t", "plain", "--wrap=none"], &compare).contains("Art. 7 — "));
    for (path, landscape) in [(&report, false), (&final_agreement, false), (&packet, false), (&compare, true)] {
        let (inserted, deleted, _) = pandoc_changes(path);
        assert!(inserted.is_empty() && deleted.is_empty(), "changes shown as formatting: {path:?}");
        let fodt = std::fs::read_to_string(libreoffice(path, b.dir.path(), "fodt")).unwrap();
        assert_eq!(fodt.contains("style:print-orientation=\"landscape\""), landscape, "{path:?}");
    }
    let again = docx("final-again.docx", &["final", "1"]);
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(&final_agreement).unwrap(),
        "the same record, the same file"
    );
    assert!(b.fails(&["report", "1", "--format", "docx"]).contains("give --out FILE"));
}

#[test]
fn hostile_titles_and_texts_make_a_document_the_readers_open() {
    let b = Bench::new();
    b.ok(&["new", "--title", "<script>alert(1)</script> & \u{1} \u{fffe} ]]> Соглашение", "--level", "sectoral"]);
    b.ok(&["org", "add", "1", "--side", "workers", "--label", "TU", "--name", "Unions \"&\" <b>"]);
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

/// The EMP's Art. 4 as a party would send it back edited with tracking on: a sentence added, one
/// deleted, the rest as it was.
fn edited_with_tracking(b: &Bench) -> (String, String) {
    let art4 = b.json(&["show", "Art. 4", "--json"]);
    let nea = art4["versions"]
        .as_array()
        .unwrap()
        .iter()
        .rfind(|v| v["track"]["party_id"] == 2 && !v["tabled_at"].is_null())
        .unwrap()["text"]
        .as_str()
        .unwrap()
        .to_string();
    let by = r#"author="Marat Zhaksylykov" date="2026-11-25T10:00:00Z""#;
    let markdown = format!(
        "# General Agreement on AI at Work 2027–2029\n\n## Art. 4 — Consultation before deployment\n\n{} \
         [The parties review this article every year.]{{.insertion {by}}} [An obsolete sentence.]{{.deletion {by}}}\n",
        nea.trim()
    );
    (nea, markdown)
}

fn nea_latest(b: &Bench, clause: &str) -> String {
    let shown = b.json(&["show", clause, "--json"]);
    let v = shown["versions"].as_array().unwrap().iter().rfind(|v| v["track"]["party_id"] == 2).unwrap().clone();
    v["text"].as_str().unwrap().to_string()
}

#[test]
fn tracked_changes_from_pandoc_and_libreoffice_come_in_accepted() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let (before, markdown) = edited_with_tracking(&b);
    let md = b.file("edited.md", markdown);
    let from_pandoc = b.dir.path().join("from-pandoc.docx");
    let out = Command::new("pandoc").arg(&md).arg("-o").arg(&from_pandoc).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // LibreOffice opens pandoc's file and saves its own, tracked changes and all
    let from_libreoffice = libreoffice(&from_pandoc, &b.dir.path().join("lo"), "docx:MS Word 2007 XML");
    assert!(pandoc_changes(&from_libreoffice).0.len() == 1, "LibreOffice kept the insertion as a tracked change");

    for (maker, docx) in [("pandoc", &from_pandoc), ("LibreOffice", &from_libreoffice)] {
        let b = Bench::new();
        b.ok(&["demo"]);
        let file = docx.to_str().unwrap();
        let preview = b.command(&["import-docx", file, "--into", "1", "--party", "EMP", "--preview"]).output().unwrap();
        let said = String::from_utf8_lossy(&preview.stderr).to_string() + &String::from_utf8_lossy(&preview.stdout);
        assert!(preview.status.success(), "{maker}: {said}");
        let by = "tracked changes by Marat Zhaksylykov: 1 insertion(s), 1 deletion(s), taken as accepted";
        assert!(said.contains(&format!("{by} — EMP's (recorded so when taken in)")), "{maker}: {said}");
        assert!(said.contains("would table 1 text"), "{maker}: only Art. 4 changed: {said}");
        assert_eq!(nea_latest(&b, "Art. 4"), before, "{maker}: a preview writes nothing");
        b.ok(&[
            "import-docx",
            file,
            "--into",
            "1",
            "--party",
            "EMP",
            "--received",
            "2026-11-19",
            "--letter",
            "EMP-117",
        ]);
        let after = nea_latest(&b, "Art. 4");
        assert_eq!(words(&after), words(&format!("{before} The parties review this article every year.")), "{maker}");
        assert!(!after.contains("obsolete"), "{maker}: the deletion is accepted");
        let shown = b.json(&["show", "Art. 4", "--json"]);
        let v = shown["versions"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(v["letter_ref"], "EMP-117", "{maker}: its provenance is recorded");
        // the author is the EMP's from now on in this negotiation, unless the user says otherwise once
        let again = b.ok(&["import-docx", file, "--into", "1", "--party", "EMP", "--preview"]);
        assert!(again.contains(&format!("{by} — EMP's (as recorded before)")), "{maker}: {again}");
        let as_mlsp = ["--author", "Marat Zhaksylykov=GOV"];
        let said = b.ok(&[&["import-docx", file, "--into", "1", "--party", "EMP"][..], &as_mlsp].concat());
        assert!(said.contains(&format!("{by} — GOV's (recorded)")), "{maker}: {said}");
        let again = b.ok(&["import-docx", file, "--into", "1", "--party", "EMP", "--preview"]);
        assert!(again.contains(&format!("{by} — GOV's (as recorded before)")), "{maker}: {again}");
    }
    let b = Bench::new();
    b.ok(&["demo"]);
    let wrong = ["import-docx", from_pandoc.to_str().unwrap(), "--into", "1", "--party", "EMP", "--author", "Marat"];
    assert!(b.fails(&wrong).contains("--author takes NAME=ORG"));
}

#[test]
fn a_document_without_marks_or_numbers_is_matched_in_order() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let md = b.file("plain.md", "## Purpose\n\nFirst text, ours.\n\n## Notice\n\nSecond text, ours.\n");
    let docx = b.dir.path().join("plain.docx");
    let out = Command::new("pandoc").arg(&md).arg("-o").arg(&docx).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = b.ok(&["import-docx", docx.to_str().unwrap(), "--into", "1", "--party", "EMP", "--preview"]);
    let line = |r: &str| said.lines().find(|l| l.contains(r)).unwrap_or_else(|| panic!("{r}: {said}")).to_string();
    assert!(line("Purpose").contains("matches Art. 1 (by order)"), "{said}");
    assert!(line("Notice").contains("matches Art. 2 (by order)"), "{said}");
    assert!(said.contains("would add 0 clause"), "{said}");
    b.ok(&["import-docx", docx.to_str().unwrap(), "--into", "1", "--party", "EMP"]);
    assert_eq!(nea_latest(&b, "Art. 2"), "Second text, ours.");
    // a file whose clauses match by ref takes nothing in order: an unknown one is a new clause
    let md = b.file("mixed.md", "## Art. 1 — Scope\n\nAgain.\n\n## Purpose\n\nNew.\n");
    let out = Command::new("pandoc").arg(&md).arg("-o").arg(&docx).output().unwrap();
    assert!(out.status.success());
    let said = b.ok(&["import-docx", docx.to_str().unwrap(), "--into", "1", "--party", "EMP", "--preview"]);
    assert!(said.contains("would add 1 clause") && !said.contains("by order"), "{said}");
}

#[test]
fn a_document_exported_and_taken_back_unchanged_changes_nothing() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let docx = b.dir.path().join("nea.docx");
    b.ok(&["export", "1", "--format", "docx", "--out", docx.to_str().unwrap(), "--track", "EMP"]);
    let before = b.ok(&["log", "1"]);
    let said = b.ok(&["import-docx", docx.to_str().unwrap(), "--into", "1", "--party", "EMP"]);
    assert!(said.contains("tabled 0 text"), "{said}");
    assert_eq!(b.ok(&["log", "1"]), before, "nothing written, so every initial stays valid");
}

#[test]
fn a_hostile_docx_is_refused_clearly_and_writes_nothing() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let before = b.ok(&["log", "1"]);
    let body = |xml: &str| {
        format!(r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{xml}</w:body></w:document>"#)
            .into_bytes()
    };
    let deep = "<w:p>".repeat(300) + &"</w:p>".repeat(300);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("not-a-zip.docx", b"PK\x03\x04 not really".to_vec(), "not a Word document"),
        ("bomb.docx", common::zip_of(&[("word/document.xml", vec![b' '; 60 * 1024 * 1024])]), "zip bomb"),
        ("odd-path.docx", common::zip_of(&[("../../evil.xml", body("")), ("word/document.xml", body(""))]), "odd path"),
        (
            "dtd.docx",
            common::zip_of(&[(
                "word/document.xml",
                br#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "xxxxxxxx">]><w:document/>"#.to_vec(),
            )]),
            "document type",
        ),
        ("deep.docx", common::zip_of(&[("word/document.xml", body(&deep))]), "nested deeper"),
        ("no-document.docx", common::zip_of(&[("word/other.xml", body(""))]), "no main document part"),
        (
            "malformed.docx",
            common::zip_of(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>".to_vec())]),
            "malformed XML",
        ),
    ];
    for (name, bytes, why) in cases {
        let file = b.file(name, bytes);
        let err = b.fails(&["import-docx", file.to_str().unwrap(), "--into", "1", "--party", "EMP"]);
        assert!(err.contains(name) && err.contains(why), "{name}: {err:?}");
    }
    assert_eq!(b.ok(&["log", "1"]), before, "nothing was written");
}

#[test]
fn a_document_we_sent_comes_back_to_its_clauses_whatever_its_headings_say() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let sent = b.dir.path().join("sent.docx");
    b.ok(&["export", "1", "--format", "docx", "--out", sent.to_str().unwrap(), "--track", "EMP"]);
    let before = nea_latest(&b, "Art. 4");
    let first_word = before.split_whitespace().next().unwrap().to_string();
    // they edited it with tracking off: a heading renamed in Russian, without its number, and a word changed
    let edited = common::rewrite_part(&sent, "word/document.xml", |xml| {
        let xml = xml.replacen("Art. 4 — Consultation before deployment", "Консультации до внедрения", 1);
        let at = xml.find("Консультации до внедрения").unwrap();
        let (head, tail) = xml.split_at(at);
        format!("{head}{}", tail.replacen(&format!(">{first_word} "), ">Henceforth the ", 1))
    });
    let file = b.file("returned.docx", edited);
    let said = b.ok(&["import-docx", file.to_str().unwrap(), "--into", "1", "--party", "EMP", "--preview"]);
    assert!(said.contains("would table 1 text") && said.contains("would add 0 clause"), "{said}");
    // what they changed untracked shows against the version the document carried
    let art4 = b.json(&["show", "Art. 4", "--json"]);
    let versions = art4["versions"].as_array().unwrap();
    let sent_id =
        versions.iter().rfind(|v| v["track"]["party_id"] == 2 && !v["tabled_at"].is_null()).unwrap()["id"].clone();
    assert!(said.contains(&format!("EMP changed (+2 −1 words against v{sent_id} we sent)")), "{said}");
    assert!(said.contains("(by our mark)"), "{said}");
    b.ok(&["import-docx", file.to_str().unwrap(), "--into", "1", "--party", "EMP"]);
    let after = nea_latest(&b, "Art. 4");
    assert!(after.starts_with("Henceforth the "), "the marker took it to Art. 4: {after}");
    assert_eq!(b.json(&["clauses", "1", "--json"]).as_array().unwrap().len(), 14, "no clause was added");
}

#[test]
fn a_document_we_sent_edited_and_saved_by_libreoffice_with_tracking_off_shows_what_changed() {
    let b = Bench::new();
    b.ok(&["demo"]);
    let sent = b.dir.path().join("sent.docx");
    b.ok(&["export", "1", "--format", "docx", "--out", sent.to_str().unwrap(), "--track", "EMP"]);
    let before = nea_latest(&b, "Art. 4");
    let sent_id = b.json(&["show", "Art. 4", "--json"])["versions"]
        .as_array()
        .unwrap()
        .iter()
        .rfind(|v| v["track"]["party_id"] == 2 && !v["tabled_at"].is_null())
        .unwrap()["id"]
        .clone();
    // LibreOffice opens it, the text is edited in its own format, and LibreOffice saves it as Word
    let fodt = libreoffice(&sent, &b.dir.path().join("opened"), "fodt");
    let first = before.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    let xml = std::fs::read_to_string(&fodt).unwrap();
    assert!(xml.contains("trilogue_clause_"), "LibreOffice keeps the marks as bookmarks");
    let (head, tail) = xml.split_at(xml.find("Consultation before deployment").unwrap());
    std::fs::write(&fodt, format!("{head}{}", tail.replacen(&first, &format!("Henceforth {first}"), 1))).unwrap();
    let returned = libreoffice(&fodt, &b.dir.path().join("saved"), "docx:MS Word 2007 XML");
    let said = b.ok(&["import-docx", returned.to_str().unwrap(), "--into", "1", "--party", "EMP", "--preview"]);
    let art4 = said.lines().find(|l| l.contains("Art. 4")).unwrap_or_else(|| panic!("{said}"));
    assert!(art4.contains(&format!("EMP changed (+1 −0 words against v{sent_id} we sent)")), "{said}");
    assert!(said.contains("would table 1 text") && said.contains("would add 0 clause"), "{said}");
    assert_eq!(said.matches("(by our mark)").count(), 14, "{said}");
}
