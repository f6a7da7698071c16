//! A real four-party position table at the size of the EU AI Act's four-column document, built from
//! the European Parliament's amendments in `shared/data`.

use crate::common;

use common::{eu_position_table, store};
use trilogue_core::Reader;
use trilogue_core::compare::{Reference, compare};
use trilogue_core::{Who, export, import};

#[tokio::test]
async fn the_eu_table_imports_exports_compares_and_searches() {
    let bytes = eu_position_table();
    assert!(bytes.len() > 1_500_000, "{} bytes", bytes.len());
    let table = import::parse_position_table(&bytes, "ai-act.csv").unwrap();
    assert!(table.rows.len() >= 1_700, "{} rows", table.rows.len());
    assert_eq!(table.parties, ["EPP", "S&D", "Renew", "Others"]);

    let (store, _dir) = store().await;
    let n =
        store.import_table(&table, "AI Act amendments", "ai-act.csv", &Who::at("tester", common::now())).await.unwrap();
    let rows = store.list_clauses(n.id).await.unwrap();
    assert_eq!(rows.len(), table.rows.len());

    // cell for cell: every cell of the original, read back from the export
    let exported = export::position_table_csv(&store, n.id).await.unwrap();
    let back = import::parse_position_table(exported.as_bytes(), "export.csv").unwrap();
    assert_eq!(back.parties, table.parties);
    assert_eq!(back.rows.len(), table.rows.len());
    for (a, b) in table.rows.iter().zip(&back.rows) {
        assert_eq!(
            (&a.reference, &a.title, &a.positions, &a.base),
            (&b.reference, &b.title, &b.positions, &b.base),
            "line {}",
            a.line
        );
    }

    // compare one provision with four texts against the Commission's
    let busy = table.rows.iter().find(|r| r.positions.iter().all(|p| !p.is_empty()) && !r.base.is_empty()).unwrap();
    let clause = store.find_clause(Some(n.id), &busy.reference).await.unwrap();
    let c = compare(&store, clause.id, Reference::Base, common::now()).await.unwrap();
    assert_eq!(
        c.columns.iter().filter(|c| c.cell.diff.is_some()).count(),
        4,
        "the four parties; the reference is not marked"
    );
    assert_eq!(c.pairs.len(), 6);
    let convergence = c.convergence.unwrap();
    assert!((0.0..=1.0).contains(&convergence));

    let hits = store.search("biometric identification", Some(n.id), 10).await.unwrap();
    assert_eq!(hits.len(), 10);
    assert!(hits[0].snippet.contains("[biometric]") || hits[0].snippet.contains("[Biometric]"), "{}", hits[0].snippet);
}

#[tokio::test]
async fn a_bad_file_imports_nothing() {
    let (store, _dir) = store().await;
    let mut bytes = eu_position_table();
    // break the quoting near the end of the file: the last cell opens a quote and never closes it
    bytes.extend_from_slice(b"P99999,\"broken,a,b,c,d,e\n");
    let err = import::parse_position_table(&bytes, "broken.csv").unwrap_err();
    assert_eq!(err.kind(), "import");
    assert!(err.to_string().contains("never closed"), "{err}");
    assert!(store.negotiations().await.unwrap().is_empty());
}
