//! Moving in and out: a workbench file copied to a shared record and back is the same record, row for
//! row, with every journal entry's hash; on the server its drafts and notes are its own side's only.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::{Record, now};
use trilogue_core::model::{Level, Priority, Side};
use trilogue_core::store::{NewClause, NewNegotiation};
use trilogue_core::words::Lang;
use trilogue_core::{Reader, Store, Who, demo};
use trilogue_pg::copy::{file_to_server, server_to_file};

/// The record's tables of a workbench file, as `sqlite3 .dump` writes them.
fn dump(file: &Path) -> String {
    let tables = "negotiations parties delegates clauses clause_topics sessions session_attendees session_agenda \
                  versions version_texts initials private_notes events clause_standards reservations \
                  protocol_entries approval_steps commitments revision_authors";
    let out = Command::new("sqlite3").arg("-readonly").arg(file).arg(format!(".dump {tables}")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn a_workbench_moved_to_a_server_and_back_is_the_same_record() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.sqlite3");
    let store = Store::open(&first).await.unwrap();
    let n = demo::load_demo(&store, now(), Lang::Ru).await.unwrap();
    // a clause with the union's private notes on it
    let mut noted = None;
    for row in store.list_clauses(n.id).await.unwrap() {
        let notes = store.notes(row.clause.id).await.unwrap().len();
        if notes > 0 && noted.is_none() {
            noted = Some((row.clause.id, notes));
        }
    }
    let (art, notes_on_file) = noted.expect("the demo has private notes");
    let record = Record::new("copy").await;
    let copied = file_to_server(&store, &record.owner).await.unwrap();
    assert_eq!(copied.negotiations, 1);
    assert!(copied.rows > 100, "{copied:?}");
    // the journal verifies on the server as it did in the file: every id, every hash kept
    let chain = record.owner.verify_journal(n.id).await.unwrap();
    assert!(chain.is_none(), "{chain:?}");
    // a second copy into the same record is refused, and changes nothing
    let again = file_to_server(&store, &record.owner).await.unwrap_err();
    assert_eq!(again.message().map(|m| m.code()), Some("copy-target-not-empty"));

    // the workbench is the union's: its drafts and notes are the union's side's on the server
    let (union, _) = record.member("aigerim", "Федерация профсоюзов", Side::Workers).await;
    let (employers, _) = record.member("dana", "Ассоциация работодателей", Side::Employers).await;
    let art2 = union.clause(art).await.unwrap();
    assert_eq!(union.notes(art2.id).await.unwrap().len(), notes_on_file);
    assert!(employers.notes(art2.id).await.unwrap().is_empty(), "the employers read no note of the union");
    let drafts = |vs: Vec<trilogue_core::model::Version>| vs.iter().filter(|v| !v.is_tabled()).count();
    let (mut union_drafts, mut employer_drafts) = (0, 0);
    for row in union.list_clauses(n.id).await.unwrap() {
        union_drafts += drafts(union.versions(row.clause.id).await.unwrap());
        employer_drafts += drafts(employers.versions(row.clause.id).await.unwrap());
    }
    assert!(union_drafts > 0, "the demo has the union's drafts");
    assert_eq!(employer_drafts, 0, "the employers read no draft of the union");
    // a member's chain verifies too, over entries they cannot read
    let chain = employers.verify_journal(n.id).await.unwrap();
    assert!(chain.is_none(), "{chain:?}");
    // what was done on the server is kept on the way back
    let later = Who::at(record.role("aigerim"), now() + chrono::Duration::hours(1));
    union.add_note(art2.id, Priority::MustHave, "", "на сервере", &later).await.unwrap();

    // and back, as the owner, into a new file: the same rows, the same hashes, plus the new note
    let second = dir.path().join("second.sqlite3");
    let back = Store::open(&second).await.unwrap();
    let members_copy = server_to_file(&union, &back).await.unwrap_err();
    assert_eq!(members_copy.message().map(|m| m.code()), Some("copy-by-owner"), "a member never copies");
    server_to_file(&record.owner, &back).await.unwrap();
    let chain = back.verify_journal(n.id).await.unwrap();
    assert!(chain.is_none(), "{chain:?}");
    assert_eq!(back.notes(art2.id).await.unwrap().len(), notes_on_file + 1);
    store.close().await;
    back.close().await;
    let (a, b) = (dump(&first), dump(&second));
    assert!(b.contains("на сервере"));
    let without_new: String = b.lines().filter(|l| !l.contains("на сервере")).collect::<Vec<_>>().join("\n");
    let a: String = a.lines().collect::<Vec<_>>().join("\n");
    let (before, after): (Vec<&str>, Vec<&str>) = (a.lines().collect(), without_new.lines().collect());
    let lost: Vec<&&str> = before.iter().filter(|l| !after.contains(l)).take(3).collect();
    let gained: Vec<&&str> = after.iter().filter(|l| !before.contains(l)).take(3).collect();
    assert!(lost.is_empty() && gained.is_empty(), "lost {lost:#?}\ngained {gained:#?}");
    // every row as it was; rows without an id of their own (a clause's topics, a version's other
    // languages) may come back in another physical order, which every query sets itself
    let (mut before, mut after) = (before, after);
    before.sort_unstable();
    after.sort_unstable();
    assert_eq!(before, after, "file → server → file keeps every row as it was");
}

#[tokio::test]
async fn a_workbench_of_no_side_with_notes_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("no-side.sqlite3")).await.unwrap();
    let who = Who::at("secretariat", now());
    let (n, _) =
        store.create_negotiation(&NewNegotiation::titled("Без стороны", Level::Sectoral), &[], &who).await.unwrap();
    let c = store
        .add_clause(n.id, &NewClause { reference: "Пункт 1".into(), title: "Т".into(), ..Default::default() }, &who)
        .await
        .unwrap();
    store.add_note(c.id, Priority::Important, "", "чья это заметка?", &who).await.unwrap();
    let record = Record::new("noside").await;
    let refused = file_to_server(&store, &record.owner).await.unwrap_err();
    assert_eq!(refused.message().map(|m| m.code()), Some("copy-needs-owner"), "{refused}");
    assert!(refused.to_string().contains("Без стороны"));
    assert!(Reader::negotiations(&record.owner).await.unwrap().is_empty(), "nothing half-copied");
}
