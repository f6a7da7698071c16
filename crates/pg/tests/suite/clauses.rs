//! Changing clauses on a shared record, by the same rules as on a workbench file: renumbered, renamed,
//! grouped, tagged, moved and with a reservation recorded, the same steps end in the same clause list
//! and the same journal on both. What the rules refuse is refused on both, and changes nothing.

use crate::common;

use common::{Record, negotiation_on_file, now};
use serde_json::{Value, json};
use trilogue_core::model::Side;
use trilogue_core::store::{ClauseEdit, NewClause};
use trilogue_core::{Reader, Result, Store, Who};

/// The steps, written once for both backends (their calls have the same names and types).
macro_rules! rearrange {
    ($record:expr, $n:expr, $tu:expr, $who:expr) => {async {
        let (n, who) = ($n, &$who);
        let mut ids = Vec::new();
        for (r, t) in [("Пункт 1", "Переобучение"), ("Пункт 2", "Согласие коллектива"), ("Пункт 3", "Прозрачность")] {
            ids.push($record.add_clause(n, &NewClause { reference: r.into(), title: t.into(), ..Default::default() }, who).await?.id);
        }
        let edit = |e: ClauseEdit| e;
        $record.edit_clause(ids[2], &edit(ClauseEdit::Ref { reference: "Пункт 3-1".into() }), who).await?;
        $record.edit_clause(ids[2], &edit(ClauseEdit::Title { title: "Прозрачность алгоритмов".into() }), who).await?;
        $record.edit_clause(ids[2], &edit(ClauseEdit::Section { section: " Глава 2 ".into() }), who).await?;
        $record.edit_clause(ids[0], &edit(ClauseEdit::Topics { topics: vec!["обучение".into(), " ".into(), "увольнение".into()] }), who).await?;
        $record.edit_clause(ids[2], &edit(ClauseEdit::Move { before: Some(ids[0]) }), who).await?;
        $record.edit_clause(ids[0], &edit(ClauseEdit::Move { before: None }), who).await?;
        let taken = $record.edit_clause(ids[1], &edit(ClauseEdit::Ref { reference: "Пункт 3-1".into() }), who).await;
        let itself = $record.edit_clause(ids[1], &edit(ClauseEdit::Move { before: Some(ids[1]) }), who).await;
        let unknown = $record.edit_clause(ids[1], &edit(ClauseEdit::Standards { codes: vec!["ILO-C999".into()] }), who).await;
        $record.add_reservation(ids[1], $tu, "  С оговоркой о сроках  ", who).await?;
        let blank = $record.add_reservation(ids[1], $tu, " ", who).await;
        let code = |r: Result<()>| r.map_err(|e| e.message().map(|m| m.code())).err();
        let refusals = json!([code(taken.map(drop)), code(itself.map(drop)), code(unknown.map(drop)), code(blank.map(drop))]);
        let rows = $record.list_clauses(n).await?;
        let journal: Vec<Value> = $record.events(n).await?.iter().map(|e| json!([e.kind, e.hash])).collect();
        let reservations = $record.reservations(ids[1]).await?;
        Result::<Value>::Ok(json!({ "rows": rows, "refusals": refusals, "reservations": reservations, "journal": journal }))
    }.await};
}

#[tokio::test]
async fn clauses_are_rearranged_the_same_on_a_server_as_on_a_file() {
    let record = Record::new("clauses").await;
    let (n, tu, _) = record.negotiation().await;
    let (union, u) = record.member("aigerim", "Trade unions", Side::Workers).await;
    let server: Result<Value> = rearrange!(union, n, tu, Who::at(&u, now()));
    let server = server.unwrap();

    let dir = tempfile::tempdir().unwrap();
    let file = Store::open(dir.path().join("workbench.sqlite3")).await.unwrap();
    assert_eq!(negotiation_on_file(&file).await, (n, tu, tu + 1));
    let on_file: Result<Value> = rearrange!(file, n, tu, Who::at(&u, now()));
    let on_file = on_file.unwrap();

    let order: Vec<&Value> = server["rows"].as_array().unwrap().iter().map(|r| &r["ref"]).collect();
    assert_eq!(order, [&json!("Пункт 3-1"), &json!("Пункт 2"), &json!("Пункт 1")]);
    assert_eq!(server["rows"][0]["section"], json!("Глава 2"));
    assert_eq!(server["rows"][2]["topics"], json!(["обучение", "увольнение"]));
    assert_eq!(
        server["refusals"],
        json!(["clause-ref-taken", "clause-before-itself", "no-standard", "reservation-needs-text"])
    );
    assert_eq!(server["reservations"][0]["text"], json!("С оговоркой о сроках"));
    assert_eq!(server, on_file, "the same clauses on a server and on a file");
}
