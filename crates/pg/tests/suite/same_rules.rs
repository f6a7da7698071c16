//! One set of rules over both backends: the same negotiation worked through the same steps on a
//! workbench file and on a shared record ends the same — the same statuses, the same versions and
//! initials, and a journal whose every entry has the same hash, byte for byte.

use crate::common;

use common::{Record, now};
use serde_json::{Value, json};
use trilogue_core::authentic::LangText;
use trilogue_core::model::{ClauseStatus, Level, Referral, Side, Track};
use trilogue_core::store::{NewClause, NewNegotiation, NewParty, NewVersion, StatusChange};
use trilogue_core::views::{ClauseDetail, Overview};
use trilogue_core::words::Lang;
use trilogue_core::{Reader, Result, Store, Who};
use trilogue_pg::Server;

fn text(track: Track, ru: &str, tabled: bool) -> NewVersion {
    let mut v = if tabled { NewVersion::tabled(track, ru, None) } else { NewVersion::draft(track, ru) };
    v.translations = vec![LangText { lang: Lang::Kk, text: format!("{ru} (қазақша)") }];
    v
}

/// The steps, written once for both backends (their calls have the same names and types).
macro_rules! negotiate {
    ($secretariat:expr, $union:expr, $employers:expr, $u:expr, $e:expr, $s:expr) => {async {
        let at = |minutes: i64, name: &str| Who::at(name, now() + chrono::Duration::minutes(minutes));
        let mut new = NewNegotiation::titled("Отраслевое соглашение: ИИ на работе", Level::Sectoral);
        new.languages = vec!["ru".into(), "kk".into()];
        let parties = [
            NewParty { name: "Профсоюзы".into(), side: Some(Side::Workers), label: "TU".into(), colour: "#1f77b4".into() },
            NewParty { name: "Работодатели".into(), side: Some(Side::Employers), label: "EMP".into(), colour: "#d62728".into() },
        ];
        let (n, parties) = $secretariat.create_negotiation(&new, &parties, &at(0, $s)).await?;
        let (tu, emp) = (Track::Party(parties[0].id), Track::Party(parties[1].id));
        let p1 = $union.add_clause(n.id, &NewClause { reference: "Пункт 1".into(), title: "Переобучение".into(), ..Default::default() }, &at(1, $u)).await?;
        let p2 = $union.add_clause(n.id, &NewClause { reference: "Пункт 2".into(), title: "Согласие коллектива".into(), ..Default::default() }, &at(2, $u)).await?;
        $union.propose(p1.id, &text(tu, "Переобучение за счёт работодателя", true), &at(3, $u)).await?;
        $employers.propose(p1.id, &text(emp, "Переобучение по возможности", true), &at(4, $e)).await?;
        let j1 = $union.propose(p1.id, &text(Track::Joint, "Переобучение не менее 100 часов", true), &at(5, $u)).await?;
        let s1 = $union.initial(p1.id, parties[0].id, j1.id, None, &at(6, $u)).await?;
        let s2 = $employers.initial(p1.id, parties[1].id, j1.id, None, &at(7, $e)).await?;
        // a new joint text voids both initials and takes the clause back to open
        let j2 = $employers.propose(p1.id, &text(Track::Joint, "Переобучение не менее 80 часов", true), &at(8, $e)).await?;
        let draft = $union.propose(p2.id, &text(tu, "Только с согласия коллектива", false), &at(9, $u)).await?;
        $union.table(draft.id, None, &at(10, $u)).await?;
        let impasse = StatusChange { referred_to: Some(Referral::Conciliation), ..StatusChange::to(ClauseStatus::Impasse, "стороны не сошлись") };
        $secretariat.change_status(p1.id, &impasse, &at(11, $s)).await?;
        let illegal = $secretariat.change_status(p2.id, &StatusChange::to(ClauseStatus::TentativelyAgreed, "x"), &at(12, $s)).await;
        let mut outcome = json!({ "after_initials": [s1, s2], "illegal": illegal.map_err(|e| e.kind()).err(), "j2": j2.hash });
        for c in [p1.id, p2.id] {
            let clause = $secretariat.clause(c).await?;
            let versions: Vec<Value> = $secretariat.versions(c).await?.iter()
                .map(|v| json!([v.id, v.track, v.hash, v.tabled_at, v.author, v.parent_id])).collect();
            let initials: Vec<Value> = $secretariat.initials(c).await?.iter()
                .map(|i| json!([i.party_id, i.version_id, i.hash, i.initialed_by, i.voided_at, i.voided_by_version])).collect();
            outcome[format!("clause {c}")] = json!({ "status": clause.status, "versions": versions, "initials": initials });
            // what the app's clause view shows, read through the one reading interface
            outcome[format!("view {c}")] = json!(ClauseDetail::load(&$secretariat, clause).await?);
        }
        outcome["overview"] = json!(Overview::load(&$secretariat, $secretariat.negotiation(n.id).await?, now()).await?);
        outcome["negotiations"] = json!(Reader::negotiations(&$secretariat).await?);
        outcome["recent"] = json!(Reader::recent_events(&$secretariat, n.id, 3).await?);
        let journal: Vec<Value> = $secretariat.events(n.id).await?.iter().map(|e| json!([e.kind, e.actor, e.hash])).collect();
        outcome["journal"] = json!(journal);
        Result::<Value>::Ok(outcome)
    }.await};
}

#[tokio::test]
async fn the_same_steps_end_the_same_on_a_file_and_on_a_server() {
    let record = Record::new("same").await;
    let (union, u) = record.member("aigerim", "Федерация профсоюзов", Side::Workers).await;
    let (employers, e) = record.member("dana", "Ассоциация работодателей", Side::Employers).await;
    let server: Result<Value> = negotiate!(record.owner, union, employers, &u, &e, "secretariat");
    let server = server.unwrap();

    let dir = tempfile::tempdir().unwrap();
    let file = Store::open(dir.path().join("workbench.sqlite3")).await.unwrap();
    let on_file: Result<Value> = negotiate!(file, file, file, &u, &e, "secretariat");
    let on_file = on_file.unwrap();

    assert_eq!(server["after_initials"], json!(["open", "tentatively_agreed"]));
    assert_eq!(server["illegal"], json!("illegal_transition"));
    assert_eq!(server["clause 1"]["status"], json!("impasse"));
    assert!(server["clause 1"]["initials"].as_array().unwrap().iter().all(|i| !i[4].is_null()), "both voided");
    assert_eq!(server["journal"].as_array().unwrap().len(), on_file["journal"].as_array().unwrap().len());
    assert_eq!(server["view 1"]["language_sets"].as_array().unwrap().len(), 4, "four versions, in Russian and Kazakh");
    assert_eq!(server["overview"]["by_status"][5], json!(["impasse", 1]));
    assert_eq!(server, on_file, "the same steps on a server and on a file");
}

#[tokio::test]
async fn a_member_initials_only_for_their_own_side() {
    let record = Record::new("own_side").await;
    let (n, tu, emp) = record.negotiation().await;
    let (union, _) = record.member("aigerim", "Федерация профсоюзов", Side::Workers).await;
    let who = union.who("", now());
    let c = union
        .add_clause(n, &NewClause { reference: "1".into(), title: "T".into(), ..Default::default() }, &who)
        .await
        .unwrap();
    let joint = union.propose(c.id, &text(Track::Joint, "Совместный текст", true), &who).await.unwrap();
    let refused = union.initial(c.id, emp, joint.id, None, &who).await.unwrap_err();
    assert_eq!(refused.message().map(|m| m.code()), Some("not-your-side"), "initialed for the employers: {refused}");
    assert!(union.initials(c.id).await.unwrap().is_empty(), "nothing of it stayed");
    assert_eq!(union.initial(c.id, tu, joint.id, None, &who).await.unwrap(), ClauseStatus::Open);
    let _: &Server = &union;
}
