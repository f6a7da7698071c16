//! The standards and the clause library on a shared record: installed with it, from the assets this
//! build ships, and read alike by every member in each language, as a workbench file reads its own. A
//! clause and a draft started from a model come out the same on both, by the same rules.

use crate::common;

use common::{Record, negotiation_on_file, now};
use serde_json::{Value, json};
use trilogue_core::model::Side;
use trilogue_core::store::NewClause;
use trilogue_core::words::Lang;
use trilogue_core::{Reader, Result, Store, Who};
use trilogue_pg::Server;

/// What a reader reads of the standards and the library in every language, ids left out: a file and a
/// server number their rows each in its own way.
async fn reference(reader: &impl Reader) -> Value {
    let mut all = Vec::new();
    for lang in [Lang::Kk, Lang::Ru, Lang::En] {
        let mut standards = json!(reader.standards(lang).await.unwrap());
        let mut library = json!(reader.library(lang).await.unwrap());
        for row in standards.as_array_mut().unwrap().iter_mut().chain(library.as_array_mut().unwrap()) {
            row.as_object_mut().unwrap().remove("id");
        }
        all.push(json!({ "standards": standards, "library": library }));
    }
    json!(all)
}

#[tokio::test]
async fn a_server_has_the_standards_and_the_library_a_file_has() {
    let record = Record::new("library").await;
    let (employers, _) = record.member("dana", "Employers", Side::Employers).await;
    let dir = tempfile::tempdir().unwrap();
    let file = Store::open(dir.path().join("workbench.sqlite3")).await.unwrap();
    let on_file = reference(&file).await;
    assert!(on_file[0]["library"].as_array().unwrap().len() >= 20, "the library is shipped");
    assert_eq!(reference(&record.owner).await, on_file, "the owner reads what a file holds");
    assert_eq!(reference(&employers).await, on_file, "every member reads the same library");
    let kazakh = employers.library_clause("retraining-before-dismissal", Lang::Kk).await.unwrap();
    assert_ne!(kazakh.title, file.library_clause("retraining-before-dismissal", Lang::En).await.unwrap().title);

    // installing again (an upgrade) finds the same assets and writes nothing
    let count = || async {
        let rows: (i64, i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM standards), (SELECT count(*) FROM library_texts),
                    (SELECT count(*) FROM library_standards)",
        )
        .fetch_one(record.owner.pool())
        .await
        .unwrap();
        rows
    };
    let before = count().await;
    Server::install(&format!("postgres:///{}", record.db)).await.unwrap();
    assert_eq!(count().await, before);
    assert_eq!(reference(&employers).await, on_file);
}

/// The steps, written once for both backends (their calls have the same names and types).
macro_rules! from_library {
    ($record:expr, $n:expr, $who:expr) => {async {
        let (n, who) = ($n, &$who);
        let new = |r: &str| NewClause { reference: r.into(), ..Default::default() };
        let c = $record.add_clause_from_library(n, &new("Пункт 1"), " retraining-before-dismissal ", who).await?;
        let draft = $record.draft_from_library(c.id, "paid-training-time", who).await?;
        let unknown = $record.add_clause_from_library(n, &new("Пункт 2"), "no-such-model", who).await;
        let refusal = unknown.map_err(|e| e.message().map(|m| m.code())).err();
        let journal: Vec<Value> = $record.events(n).await?.iter().map(|e| json!([e.kind, e.hash])).collect();
        Result::<Value>::Ok(json!({
            "clause": $record.clause(c.id).await?,
            "standards": $record.clause_standards(c.id).await?,
            "versions": $record.versions(c.id).await?,
            "texts": $record.version_texts(draft.id).await?,
            "refusal": refusal,
            "clauses": $record.list_clauses(n).await?.len(),
            "journal": journal,
        }))
    }.await};
}

#[tokio::test]
async fn a_clause_from_the_library_is_the_same_on_a_server_as_on_a_file() {
    let record = Record::new("from_library").await;
    let (n, tu, _) = record.negotiation().await;
    let (union, u) = record.member("aigerim", "Trade unions", Side::Workers).await;
    let server: Result<Value> = from_library!(union, n, Who::at(&u, now()));
    let server = server.unwrap();

    let dir = tempfile::tempdir().unwrap();
    let file = Store::open(dir.path().join("workbench.sqlite3")).await.unwrap();
    assert_eq!(negotiation_on_file(&file).await, (n, tu, tu + 1));
    let on_file: Result<Value> = from_library!(file, n, Who::at(&u, now()));
    let on_file = on_file.unwrap();

    let model = file.library_clause("retraining-before-dismissal", Lang::Ru).await.unwrap();
    assert_eq!(server["clause"]["title"], json!(model.title), "the model's title, in the first language");
    assert_eq!(server["standards"], json!(model.standards));
    assert!(!model.standards.is_empty());
    assert_eq!(server["versions"][0]["text"], json!(model.text));
    let kazakh = file.library_clause("paid-training-time", Lang::Kk).await.unwrap();
    assert_eq!(server["texts"][1]["text"], json!(kazakh.text), "the draft in every authentic language");
    assert_eq!(server["refusal"], json!("no-library-clause"));
    assert_eq!(server["clauses"], json!(1), "a refused model adds no clause");
    assert_eq!(server, on_file, "the same clause, drafts and journal on a server and on a file");
}
