//! What a shared record reads out — status report, initials table, final agreement, packet, outline,
//! comparisons, distances, exports — is what the same record read from a workbench file gives: the
//! demo negotiation copied from a file to a server reads the same, byte for byte, to the server's
//! owner. A member of the other side reads it without the union's drafts and notes anywhere in it.

use crate::common;

use common::{Record, now};
use serde_json::{Value, json};
use trilogue_core::compare::{Reference, compare_in};
use trilogue_core::model::{Side, Track};
use trilogue_core::words::{Lang, Words};
use trilogue_core::{Reader, Result, Store, agreement, convergence, demo, export, packet, report};
use trilogue_pg::copy::file_to_server;

/// Everything the app and the CLI read out of a negotiation, as JSON and text.
async fn read_out(r: &impl Reader, n: i64) -> Result<Value> {
    let w = Words::new(Lang::Ru);
    let mut comparisons = Vec::new();
    for row in r.list_clauses(n).await?.iter().take(4) {
        comparisons.push(json!(compare_in(r, row.clause.id, Reference::Joint, now(), Some(Lang::Kk)).await?));
    }
    Ok(json!({
        "status_report": report::status_report(r, n, 30, now(), &w).await?,
        "initials": report::initials_table(r, n).await?,
        "final": report::final_agreement(r, n).await?,
        "packet": packet::packet(r, n, None, now()).await?,
        "outline": agreement::outline(r, n, now()).await?,
        "document": agreement::document(r, n, Reference::Joint, Some(Lang::Ru)).await?,
        "distances": convergence::distances(r, n, 5, now()).await?,
        "comparisons": comparisons,
        "markdown": export::agreement_markdown(r, n).await?,
        "csv": export::position_table_csv(r, n).await?,
    }))
}

#[tokio::test]
async fn a_record_reads_out_the_same_from_a_server_as_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("demo.sqlite3")).await.unwrap();
    let n = demo::load_demo(&store, now(), Lang::Ru).await.unwrap().id;
    let record = Record::new("reports").await;
    file_to_server(&store, &record.owner).await.unwrap();

    let on_file = read_out(&store, n).await.unwrap();
    let on_server = read_out(&record.owner, n).await.unwrap();
    for part in on_file.as_object().unwrap().keys() {
        assert_eq!(on_server[part], on_file[part], "{part}: the same on a server as on a file");
    }
    assert!(on_file["csv"].as_str().unwrap().lines().count() > 3);

    // the union's drafts and notes, as the file holds them
    let union = store.parties(n).await.unwrap().into_iter().find(|p| p.side == Some(Side::Workers)).unwrap();
    let mut secrets = Vec::new();
    for row in store.list_clauses(n).await.unwrap() {
        for v in store.versions(row.clause.id).await.unwrap() {
            if !v.is_tabled() && v.track == Track::Party(union.id) {
                secrets.push(v.text.clone());
            }
        }
        secrets.extend(store.notes(row.clause.id).await.unwrap().into_iter().map(|note| note.reasoning));
    }
    secrets.retain(|s| s.len() > 12);
    assert!(!secrets.is_empty(), "the demo has the union's drafts and notes");
    let (employers, _) = record.member("dana", "Ассоциация работодателей", Side::Employers).await;
    let theirs = read_out(&employers, n).await.unwrap().to_string();
    for secret in &secrets {
        let quoted = serde_json::to_string(secret).unwrap();
        assert!(!theirs.contains(quoted.trim_matches('"')), "the employers read a union draft or note: {secret}");
    }
}
