//! The position comparison: per clause against each reference and since a session, the four-column
//! document of the whole agreement, its exports, and the convergence figures — checked against the
//! texts themselves on the demo and on the real EU table.

use crate::common;

use common::{assert_inert, eu_position_table, store};
use trilogue_core::Reader;
use trilogue_core::agreement::{self, Document};
use trilogue_core::compare::{Reference, compare};
use trilogue_core::convergence::distances;
use trilogue_core::import::parse_position_table;
use trilogue_core::model::{ClauseStatus, Track};
use trilogue_core::store::NewVersion;
use trilogue_core::text::normalise;
use trilogue_core::{Store, Who, demo};

/// Every marked cell's diff leads from the reference's text to the cell's own: nothing lost, nothing
/// made up.
fn assert_exact(columns: &[(Option<String>, Option<&trilogue_core::diff::WordDiff>)], reference: Option<&str>) {
    for (text, diff) in columns {
        if let (Some(text), Some(diff)) = (text, diff) {
            assert_eq!(diff.new_text(), normalise(text));
            assert_eq!(diff.old_text(), normalise(reference.expect("a diff has a reference")));
        }
    }
}

async fn demo_store() -> (Store, tempfile::TempDir, i64) {
    let (store, dir) = store().await;
    let n = demo::load_demo(&store, common::now(), trilogue_core::words::Lang::En).await.unwrap();
    (store, dir, n.id)
}

#[tokio::test]
async fn each_column_is_marked_against_each_choice_of_reference() {
    let (store, _dir, n) = demo_store().await;
    let art7 = store.find_clause(Some(n), "Art. 7").await.unwrap();
    let parties = store.parties(n).await.unwrap();
    let mut references = vec![Reference::Joint, Reference::Base];
    references.extend(parties.iter().map(|p| Reference::Party(p.id)));
    for reference in references {
        let c = compare(&store, art7.id, reference, common::now()).await.unwrap();
        let labels: Vec<&str> = c.columns.iter().map(|c| c.head.label.as_str()).collect();
        assert_eq!(labels, ["TU", "EMP", "GOV", "joint", "base"], "the parties' order, then joint and base");
        let reference_column: Vec<_> = c.columns.iter().filter(|c| c.cell.is_reference).collect();
        assert_eq!(reference_column.len(), 1);
        assert_eq!(reference_column[0].head.reference, reference);
        assert!(reference_column[0].cell.diff.is_none(), "the reference is not marked against itself");
        let reference_text = reference_column[0].cell.text.clone();
        let cells: Vec<_> = c.columns.iter().map(|c| (c.cell.text.clone(), c.cell.diff.as_ref())).collect();
        assert_exact(&cells, reference_text.as_deref());
        let marked = c.columns.iter().filter(|c| c.cell.diff.is_some()).count();
        let with_text = c.columns.iter().filter(|c| c.cell.text.is_some()).count();
        assert_eq!(marked, if reference_text.is_some() { with_text - 1 } else { 0 }, "{reference:?}");
        // the latest tabled text of each party, never the TU's private draft
        for col in &c.columns[..3] {
            let Reference::Party(id) = col.head.reference else { unreachable!() };
            let latest = store.latest_tabled(art7.id, Track::Party(id)).await.unwrap().unwrap();
            assert_eq!(col.cell.text.as_deref(), Some(latest.text.as_str()));
        }
        assert_eq!(c.pairs.len(), 3);
        let mean = c.pairs.iter().map(|p| p.similarity).sum::<f64>() / 3.0;
        assert!((c.convergence.unwrap() - mean).abs() < 1e-12);
    }
    assert!(compare(&store, art7.id, Reference::Party(9999), common::now()).await.is_err());
}

#[tokio::test]
async fn since_a_session_each_party_is_marked_against_its_own_earlier_text() {
    let (store, _dir, n) = demo_store().await;
    let art7 = store.find_clause(Some(n), "Art. 7").await.unwrap();
    let sessions = store.sessions(n).await.unwrap();
    let c = compare(&store, art7.id, Reference::Since(sessions[0].id), common::now()).await.unwrap();
    assert_eq!(c.since.as_ref().unwrap().number, 1);
    assert_eq!(c.last_session.as_ref().unwrap().number, 3, "the last session held before today");
    assert!(c.columns.iter().all(|c| !c.cell.is_reference));
    let versions = store.versions(art7.id).await.unwrap();
    for col in &c.columns {
        let track = match col.head.reference {
            Reference::Party(id) => Track::Party(id),
            Reference::Joint => Track::Joint,
            _ => {
                assert!(col.cell.diff.is_none(), "the status quo does not move");
                continue;
            }
        };
        let then = versions.iter().rev().find(|v| v.track == track && v.session_id == Some(sessions[0].id));
        let Some(diff) = &col.cell.diff else {
            assert!(col.cell.text.is_none(), "{} has a text but no diff", col.head.label);
            continue;
        };
        assert_eq!(diff.old_text(), then.map(|v| normalise(&v.text)).unwrap_or_default(), "{}", col.head.label);
        assert_eq!(diff.new_text(), normalise(col.cell.text.as_ref().unwrap()));
    }
    let ftu = &c.columns[0].cell.diff.as_ref().unwrap();
    assert!(ftu.words_inserted > 0, "the TU changed its text after the first session");
    assert!(compare(&store, art7.id, Reference::Since(9999), common::now()).await.is_err());
}

#[tokio::test]
async fn the_timeline_follows_every_tabling() {
    let (store, _dir, n) = demo_store().await;
    let art7 = store.find_clause(Some(n), "Art. 7").await.unwrap();
    let c = compare(&store, art7.id, Reference::Joint, common::now()).await.unwrap();
    assert!(c.timeline.len() >= 2, "{:?}", c.timeline);
    assert!(c.timeline.windows(2).all(|w| w[0].at < w[1].at), "oldest first, one point per moment");
    let last = c.timeline.last().unwrap();
    assert!((last.convergence - c.convergence.unwrap()).abs() < 1e-12, "it ends where the clause stands");
    assert!(c.timeline.first().unwrap().convergence < last.convergence, "the parties of Art. 7 moved closer");
}

/// A tabled text's public justification stands beside it, in the comparison and its exports.
#[tokio::test]
async fn the_justification_column_shows_what_each_party_tabled_it_with() {
    let (store, _dir, n) = demo_store().await;
    let art1 = store.find_clause(Some(n), "Art. 1").await.unwrap();
    let c = compare(&store, art1.id, Reference::Base, common::now()).await.unwrap();
    let joint = c.columns.iter().find(|col| col.head.reference == Reference::Joint).unwrap();
    assert!(joint.cell.justification.starts_with("Secretariat compromise"), "{:?}", joint.cell);
    assert!(c.to_html().contains("<em>Justification:</em> Secretariat compromise"));
    assert!(c.to_text().contains("(justification: Secretariat compromise"));
    let d = agreement::document(&store, n, Reference::Joint, None).await.unwrap();
    assert!(d.to_html().contains("Justification:</em> Secretariat compromise"));
}

/// The document's rows agree with the per-clause comparison, cell for cell.
async fn assert_matches_per_clause(store: &Store, d: &Document) {
    for row in &d.rows {
        let c = compare(store, row.clause_id, d.reference, common::now()).await.unwrap();
        assert_eq!(row.cells.len(), c.columns.len());
        for (cell, col) in row.cells.iter().zip(&c.columns) {
            assert_eq!(cell.text, col.cell.text, "{} {}", row.reference, col.head.label);
            assert_eq!(cell.diff, col.cell.diff, "{} {}", row.reference, col.head.label);
            assert_eq!(cell.is_reference, col.cell.is_reference);
        }
        assert_eq!(row.convergence, c.convergence);
    }
}

#[tokio::test]
async fn the_four_column_document_of_the_demo() {
    let (store, _dir, n) = demo_store().await;
    let parties = store.parties(n).await.unwrap();
    let sessions = store.sessions(n).await.unwrap();
    for reference in
        [Reference::Joint, Reference::Base, Reference::Party(parties[2].id), Reference::Since(sessions[2].id)]
    {
        let d = agreement::document(&store, n, reference, None).await.unwrap();
        assert_eq!(d.rows.len(), 14);
        assert_eq!(d.rows[0].reference, "Art. 1");
        assert_matches_per_clause(&store, &d).await;
        let html = d.to_html();
        assert_inert(&html, "four-column html");
        assert!(html.contains("size:A4 landscape"), "prints landscape");
        assert!(html.contains("republican associations of trade unions"), "the parties by name");
        assert_eq!(html.matches("<tr>").count(), 15, "a header row and a row per clause");
        let csv = d.to_csv().unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let header = reader.headers().unwrap().clone();
        assert_eq!(
            header.iter().take(6).collect::<Vec<_>>(),
            ["ref", "title", "status", "convergence", "TU", "TU similarity"]
        );
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), 14);
        let art7 = &records[6];
        assert_eq!(&art7[0], "Art. 7");
        assert_eq!(art7[4].to_string(), d.rows[6].cells[0].text.clone().unwrap(), "the whole text, unmarked");
    }
    let d = agreement::document(&store, n, Reference::Joint, None).await.unwrap();
    let html = d.to_html();
    assert!(html.contains("changes marked against the joint text"));
    assert!(!html.contains(">Status quo<"), "no column without a text on paper");
    assert!(html.contains("<ins>"), "differences marked");
}

#[tokio::test]
async fn the_outline_says_which_texts_are_there_and_whether_they_differ() {
    let (store, _dir, n) = demo_store().await;
    let o = agreement::outline(&store, n, common::now()).await.unwrap();
    assert_eq!(o.rows.len(), 14);
    assert_eq!(o.columns.len(), 5);
    assert_eq!(o.with_text, [0, 1, 2, 3], "the demo has no status quo: that column is left out");
    assert_eq!(o.last_session.as_ref().unwrap().number, 3);
    let heads = store.tabled_heads(n).await.unwrap();
    for row in &o.rows {
        let mut hashes: Vec<&str> =
            heads.iter().filter(|((c, _), _)| *c == row.clause_id).map(|(_, v)| v.hash.as_str()).collect();
        hashes.sort();
        hashes.dedup();
        assert_eq!(row.differs, hashes.len() > 1, "{}", row.reference);
        let c = store.clause(row.clause_id).await.unwrap();
        assert_eq!(row.present[4], c.status_quo.is_some_and(|s| !s.is_empty()));
        assert_eq!(row.present[3], heads.contains_key(&(row.clause_id, Track::Joint)));
    }
    let agreed = o.rows.iter().find(|r| r.status == ClauseStatus::TentativelyAgreed).unwrap();
    let rows =
        agreement::rows(&store, n, Reference::Joint, &[agreed.clause_id, o.rows[6].clause_id], None).await.unwrap();
    assert_eq!(rows.iter().map(|r| r.clause_id).collect::<Vec<_>>(), [agreed.clause_id, o.rows[6].clause_id]);

    // a party tables the joint text word for word: that row's texts no longer differ
    let clause = o.rows.iter().find(|r| r.differs && r.present[3]).unwrap();
    let c = compare(&store, clause.clause_id, Reference::Joint, common::now()).await.unwrap();
    let joint = c.columns[3].cell.text.clone().unwrap();
    let parties = store.parties(n).await.unwrap();
    for (i, p) in parties.iter().enumerate() {
        if c.columns[i].cell.text.is_some() {
            let new = NewVersion {
                track: Track::Party(p.id),
                text: joint.clone(),
                rationale: String::new(),
                tabled: true,
                session_id: None,
                received: None,
                sent_by: None,
                letter_ref: String::new(),
                translations: vec![],
            };
            store.propose(clause.clause_id, &new, &Who::at("test", common::now())).await.unwrap();
        }
    }
    let o = agreement::outline(&store, n, common::now()).await.unwrap();
    assert!(!o.rows.iter().find(|r| r.clause_id == clause.clause_id).unwrap().differs);
}

#[tokio::test]
async fn distances_name_the_clauses_furthest_apart_and_those_that_moved() {
    let (store, _dir, n) = demo_store().await;
    let d = distances(&store, n, 5, common::now()).await.unwrap();
    assert_eq!(d.last_session.as_ref().unwrap().number, 3);
    assert!(!d.furthest.is_empty() && d.furthest.len() <= 5);
    assert!(d.furthest.windows(2).all(|w| w[0].convergence <= w[1].convergence));
    assert!(
        d.furthest.iter().all(|c| c.status != ClauseStatus::TentativelyAgreed && c.status != ClauseStatus::Withdrawn)
    );
    let change = |c: &trilogue_core::convergence::ClauseConvergence| (c.convergence - c.before.unwrap()).abs();
    assert!(d.moved.windows(2).all(|w| change(&w[0]) >= change(&w[1])));
    for c in d.furthest.iter().chain(&d.moved) {
        let now = compare(&store, c.clause_id, Reference::Joint, common::now()).await.unwrap();
        assert_eq!(now.convergence, Some(c.convergence), "{}", c.reference);
    }
    assert!((0.0..=1.0).contains(&d.mean.unwrap()));
}

#[tokio::test]
async fn the_eu_table_as_one_document() {
    let (store, _dir) = store().await;
    let table = parse_position_table(&eu_position_table(), "ai-act.csv").unwrap();
    let n = store.import_table(&table, "AI Act", "ai-act.csv", &Who::at("test", common::now())).await.unwrap();
    let d = agreement::document(&store, n.id, Reference::Base, None).await.unwrap();
    assert_eq!(d.rows.len(), 1_775);
    assert_eq!(
        d.columns.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
        ["EPP", "S&D", "Renew", "Others", "joint", "base"]
    );
    // no joint text yet: that column is left out of the document, on screen and on paper
    assert_eq!(d.with_text, [0, 1, 2, 3, 5]);
    assert!(!d.to_html().contains(">Joint text<"));
    let cached = store.diffs().len();
    assert!(cached > 1_775, "{cached} diffs remembered");
    for (row, source) in d.rows.iter().zip(&table.rows) {
        assert_eq!(row.reference, source.reference);
        for (cell, text) in row.cells.iter().zip(&source.positions) {
            assert_eq!(cell.text.as_deref().unwrap_or(""), text.as_str());
            if let Some(diff) = &cell.diff {
                assert_eq!(diff.old_text(), normalise(&source.base));
                assert_eq!(diff.new_text(), normalise(text));
            }
        }
    }
    // opened again: every diff is read back, none made
    let again = agreement::document(&store, n.id, Reference::Base, None).await.unwrap();
    assert_eq!(store.diffs().len(), cached);
    assert_eq!(again.rows.len(), 1_775);
    assert_inert(&d.to_html(), "the EU four-column document");
    let csv = d.to_csv().unwrap();
    assert_eq!(csv::Reader::from_reader(csv.as_bytes()).records().count(), 1_775);
    let o = agreement::outline(&store, n.id, common::now()).await.unwrap();
    assert_eq!(o.rows.len(), 1_775);
    assert_eq!(o.with_text, d.with_text, "the outline shows the columns the document prints");
    assert!(o.last_session.is_none());
}
