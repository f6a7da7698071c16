//! Whole files into a shared record, by the same rules as into a workbench file: the EU's 1,775-row
//! position table and an agreement in Markdown become the same negotiations on a server as on a file,
//! each in one transaction, written under the member who imported them.

use crate::common;
use crate::data;

use common::{Record, now};
use serde_json::{Value, json};
use trilogue_core::import::{parse_markdown_agreement, parse_position_table};
use trilogue_core::model::{ClauseStatus, Side};
use trilogue_core::store::{NewNegotiation, NewParty};
use trilogue_core::views::ClauseDetail;
use trilogue_core::{Reader, Result, Store, Who};

/// What a reader of the imported negotiation sees: its clause list, three clauses' views, the
/// journal's hashes.
async fn seen(reader: &impl Reader, negotiation_id: i64) -> Result<Value> {
    let rows = reader.list_clauses(negotiation_id).await?;
    let mut views = Vec::new();
    for row in [&rows[0], &rows[rows.len() / 2], &rows[rows.len() - 1]] {
        views.push(json!(ClauseDetail::load(reader, reader.clause(row.clause.id).await?).await?));
    }
    let counts = reader.status_counts(negotiation_id).await?;
    Ok(
        json!({ "rows": rows, "views": views, "counts": counts, "recent": reader.recent_events(negotiation_id, 5).await? }),
    )
}

#[tokio::test]
async fn the_eu_table_imports_the_same_on_a_server_as_on_a_file() {
    let table = parse_position_table(&data::eu_position_table(), "ai-act.csv").unwrap();
    assert_eq!(table.rows.len(), 1_775);
    let record = Record::new("imports").await;
    let (union, u) = record.member("aigerim", "Trade unions", Side::Workers).await;
    let (employers, _) = record.member("dana", "Employers", Side::Employers).await;
    let who = Who::at(&u, now());

    let on_server = union.import_table(&table, "AI Act amendments", "ai-act.csv", &who).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = Store::open(dir.path().join("workbench.sqlite3")).await.unwrap();
    let on_file = file.import_table(&table, "AI Act amendments", "ai-act.csv", &who).await.unwrap();
    assert_eq!(json!(on_server), json!(on_file));

    let server = seen(&union, on_server.id).await.unwrap();
    assert_eq!(server["rows"].as_array().unwrap().len(), 1_775);
    assert_eq!(server, seen(&file, on_file.id).await.unwrap(), "the same negotiation on a server and on a file");
    // every text is tabled: the other side reads all of it
    assert_eq!(seen(&employers, on_server.id).await.unwrap(), server, "what the other side sees");
    let journal: Vec<_> =
        union.events(on_server.id).await.unwrap().into_iter().map(|e| (e.kind, e.actor, e.hash)).collect();
    let on_file_journal: Vec<_> =
        file.events(on_file.id).await.unwrap().into_iter().map(|e| (e.kind, e.actor, e.hash)).collect();
    assert_eq!(journal, on_file_journal);
    assert_eq!(journal.len(), 1, "one entry for the whole table");
    assert!(union.verify_journal(on_server.id).await.unwrap().is_none());

    // refused whole: nothing of a table without a title is written
    let before = Reader::negotiations(&union).await.unwrap().len();
    let refused = union.import_table(&table, "  ", "ai-act.csv", &who).await.unwrap_err();
    assert_eq!(refused.message().map(|m| m.code()), Some("negotiation-needs-title"));
    assert_eq!(Reader::negotiations(&union).await.unwrap().len(), before);
}

#[tokio::test]
async fn an_agreement_in_markdown_imports_the_same_on_a_server_as_on_a_file() {
    let md = "# Соглашение об ИИ на работе\n\n## Пункт 1. Переобучение\n\nДо увольнения — переобучение.\n\n\
              ## Пункт 2. Согласие коллектива\n\nРабочие места рядом с роботами — с согласия коллектива.\n";
    let agreement = parse_markdown_agreement(md, "ai.md").unwrap();
    let mut new = NewNegotiation::titled(agreement.title.clone().unwrap(), trilogue_core::model::Level::Sectoral);
    new.languages = vec!["ru".into()];
    let parties = [NewParty {
        name: "Профсоюзы".into(),
        side: Some(Side::Workers),
        label: "TU".into(),
        colour: "#1f77b4".into(),
    }];
    let record = Record::new("markdown").await;
    let (union, u) = record.member("aigerim", "Профсоюзы", Side::Workers).await;
    let who = Who::at(&u, now());
    let on_server = union.import_clauses(&new, &parties, &agreement.clauses, "ai.md", &who).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = Store::open(dir.path().join("workbench.sqlite3")).await.unwrap();
    let on_file = file.import_clauses(&new, &parties, &agreement.clauses, "ai.md", &who).await.unwrap();

    let rows = union.list_clauses(on_server.id).await.unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.clause.status == ClauseStatus::NotOpened));
    assert_eq!(json!(rows), json!(file.list_clauses(on_file.id).await.unwrap()));
    let hashes = |events: Vec<trilogue_core::model::Event>| events.into_iter().map(|e| e.hash).collect::<Vec<_>>();
    assert_eq!(hashes(union.events(on_server.id).await.unwrap()), hashes(file.events(on_file.id).await.unwrap()));
}
