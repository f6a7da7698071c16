//! What the other side sent, taken into a negotiation under way on a shared record, by the same rules
//! as on a workbench file: the same plan before anything is written, then the same clauses, versions
//! and journal. A file that names an organisation the negotiation does not have writes nothing.

use crate::common;

use common::{Record, negotiation_on_file, now};
use serde_json::{Value, json};
use trilogue_core::import::parse_position_table;
use trilogue_core::model::{Side, Track};
use trilogue_core::store::{AuthorParty, NewClause, NewVersion, Provenance, Revisions, Submission, plan_intake};
use trilogue_core::words::Lang;
use trilogue_core::{Reader, Result, Who};
use trilogue_core::{Store, authentic::LangText};

const SENT: &str = "ref,title,EMP\n\
                    Пункт 1,Переобучение,Переобучение по возможности работодателя\n\
                    Пункт 2,Согласие коллектива,Согласие не требуется\n";

fn submission(csv: &str) -> Submission {
    let table = parse_position_table(csv.as_bytes(), "emp.csv").unwrap();
    // as a Word document with one author's tracked changes would come in
    let revisions =
        vec![Revisions { author: "Дана Е.".into(), insertions: 3, deletions: 1, party_id: None, recorded: false }];
    Submission { lang: Some(Lang::Ru), revisions, ..Submission::from_table(&table, "emp.csv") }
}

/// The steps, written once for both backends (their calls have the same names and types).
macro_rules! take_in {
    ($union:expr, $employers:expr, ($n:expr, $tu:expr), $u:expr, $e:expr) => {async {
        let (n, u, e) = ($n, &$u, &$e);
        let c = $union.add_clause(n, &NewClause { reference: "Пункт 1".into(), title: "Переобучение".into(), ..Default::default() }, u).await?;
        let mut ours = NewVersion::tabled(Track::Party($tu), "Переобучение за счёт работодателя", None);
        ours.translations = vec![LangText { lang: Lang::Kk, text: "Жұмыс беруші есебінен".into() }];
        $union.propose(c.id, &ours, u).await?;
        let unknown = $employers.take_in(n, &submission("ref,title,XYZ\nПункт 1,Переобучение,Текст\n"), &Provenance::default(), e).await;
        let unknown = unknown.map(drop).map_err(|e| e.message().map(|m| m.code())).err();
        let plan = plan_intake(&$employers, n, &submission(SENT)).await?;
        let provenance = Provenance { received: Some("2026-11-20".into()), letter_ref: "№ 12-3".into(), ..Provenance::default() };
        let taken = $employers.take_in(n, &submission(SENT), &provenance, e).await?;
        let again = plan_intake(&$employers, n, &submission(SENT)).await?;
        // the author's changes taken as the union's after all: recorded anew
        let retaken = Provenance { authors: vec![AuthorParty { author: "Дана Е.".into(), party_id: $tu }], ..provenance };
        $employers.take_in(n, &submission(SENT), &retaken, e).await?;
        let mut authors: Vec<(String, i64)> = $union.revision_authors(n).await?.into_iter().collect();
        authors.sort();
        let journal: Vec<Value> = $union.events(n).await?.iter().map(|e| json!([e.kind, e.hash])).collect();
        Result::<Value>::Ok(json!({
            "unknown": unknown, "plan": plan, "taken": taken, "again": again,
            "rows": $union.list_clauses(n).await?, "journal": journal, "authors": authors,
        }))
    }.await};
}

#[tokio::test]
async fn what_the_other_side_sent_is_taken_in_the_same_on_a_server_as_on_a_file() {
    let record = Record::new("intake").await;
    let (n, tu, _) = record.negotiation().await;
    let (union, u) = record.member("aigerim", "Trade unions", Side::Workers).await;
    let (employers, e) = record.member("dana", "Employers", Side::Employers).await;
    let server: Result<Value> = take_in!(union, employers, (n, tu), Who::at(&u, now()), Who::at(&e, now()));
    let server = server.unwrap();

    let dir = tempfile::tempdir().unwrap();
    let file = Store::open(dir.path().join("workbench.sqlite3")).await.unwrap();
    assert_eq!(negotiation_on_file(&file).await.0, n);
    let on_file: Result<Value> = take_in!(file, file, (n, tu), Who::at(&u, now()), Who::at(&e, now()));
    let on_file = on_file.unwrap();

    assert_eq!(server["unknown"], json!("not-an-organisation"), "{}", server["unknown"]);
    assert_eq!(server["plan"]["tabled"], json!(2));
    assert_eq!(server["plan"]["new_clauses"], json!(1));
    assert_eq!(server["again"]["tabled"], json!(0), "the same file again tables nothing");
    assert_eq!(server["rows"].as_array().unwrap().len(), 2);
    assert_eq!(server["again"]["authors"][0]["recorded"], json!(true));
    assert_eq!(server["authors"], json!([["Дана Е.", tu]]), "recorded anew as the union's");
    assert_eq!(server, on_file, "the same intake on a server and on a file");
}
