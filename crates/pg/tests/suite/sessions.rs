//! Sessions and delegations on a shared record, by the same rules as on a workbench file: the same
//! steps — delegates named, one retired, a session scheduled with its agenda, attendance and minutes
//! recorded, a text tabled and initialed in it — end in the same session view and the same journal on
//! both. What the rules refuse is refused on both, and changes nothing.

use crate::common;

use common::{Record, now};
use serde_json::{Value, json};
use trilogue_core::authentic::LangText;
use trilogue_core::model::{Role, SessionKind, Side, Track};
use trilogue_core::store::{DelegateEdit, NewClause, NewSession, NewVersion};
use trilogue_core::views::SessionDetail;
use trilogue_core::words::Lang;
use trilogue_core::{Reader, Result, Store, Who};

/// A text tabled in a session, in Russian and Kazakh.
fn in_both(track: Track, session_id: i64) -> NewVersion {
    let mut v = NewVersion::tabled(track, "Не менее 100 часов", Some(session_id));
    v.translations = vec![LangText { lang: Lang::Kk, text: "Кемінде 100 сағат".into() }];
    v
}

/// The steps, written once for both backends (their calls have the same names and types).
macro_rules! hold_a_session {
    ($record:expr, $n:expr, $tu:expr, $emp:expr, $who:expr) => {async {
        let (n, who) = ($n, &$who);
        let p1 = $record.add_clause(n, &NewClause { reference: "Пункт 1".into(), title: "Переобучение".into(), ..Default::default() }, who).await?;
        let aigerim = $record.add_delegate($tu, "Айгерим Сапарова", Role::Spokesperson, who).await?;
        let dana = $record.add_delegate($emp, "Дана Ержанова", Role::Spokesperson, who).await?;
        let berik = $record.add_delegate($tu, "Берик Омаров", Role::Expert, who).await?;
        let retired = DelegateEdit { name: "Берик Омаров".into(), role: Role::Expert, retire: true };
        $record.edit_delegate(berik.id, &retired, who).await?;
        let again = $record.edit_delegate(berik.id, &retired, who).await.map_err(|e| e.message().map(|m| m.code())).err();
        let new = NewSession {
            starts_at: "2027-01-12T09:00:00Z".into(),
            place: "Астана, Дом министерств".into(),
            kind: SessionKind::Plenary,
            minutes: String::new(),
            attendees: vec![aigerim.id],
            agenda: vec![p1.id],
        };
        let s1 = $record.add_session(n, &new, who).await?;
        let s2 = $record.add_session(n, &NewSession { agenda: vec![], ..new.clone() }, who).await?;
        $record.set_attendees(s1.id, &[aigerim.id, dana.id], who).await?;
        $record.set_minutes(s1.id, "Стороны обсудили **переобучение**.", who).await?;
        let tabled = $record.propose(p1.id, &in_both(Track::Party($tu), s1.id), who).await?;
        $record.initial(p1.id, $tu, tabled.id, Some(s1.id), who).await?;
        let detail = SessionDetail::load(&$record, $record.session(s1.id).await?).await?;
        let journal: Vec<Value> = $record.events(n).await?.iter().map(|e| json!([e.kind, e.hash])).collect();
        Result::<Value>::Ok(json!({ "numbers": [s1.number, s2.number], "again": again, "detail": detail, "journal": journal }))
    }.await};
}

#[tokio::test]
async fn a_session_is_held_the_same_on_a_server_as_on_a_file() {
    let record = Record::new("sessions").await;
    let (n, tu, emp) = record.negotiation().await;
    let (union, u) = record.member("aigerim", "Trade unions", Side::Workers).await;
    let server: Result<Value> = hold_a_session!(union, n, tu, emp, Who::at(&u, now()));
    let server = server.unwrap();

    let dir = tempfile::tempdir().unwrap();
    let file = Store::open(dir.path().join("workbench.sqlite3")).await.unwrap();
    let (n_file, tu_file, emp_file) = common::negotiation_on_file(&file).await;
    assert_eq!((n_file, tu_file, emp_file), (n, tu, emp), "the same ids on both");
    let on_file: Result<Value> = hold_a_session!(file, n, tu, emp, Who::at(&u, now()));
    let on_file = on_file.unwrap();

    assert_eq!(server["numbers"], json!([1, 2]));
    assert_eq!(server["again"], json!("delegate-retired"));
    assert_eq!(server["detail"]["attendees"].as_array().unwrap().len(), 2);
    assert_eq!(server["detail"]["agenda"][0]["ref"], json!("Пункт 1"));
    assert_eq!(server["detail"]["tabled"].as_array().unwrap().len(), 1);
    assert_eq!(server["detail"]["initialed"].as_array().unwrap().len(), 1);
    assert!(server["detail"]["minutes_html"].as_str().unwrap().contains("<strong>переобучение</strong>"));
    assert_eq!(server, on_file, "the same session on a server and on a file");
}

#[tokio::test]
async fn a_session_of_strangers_is_refused_and_nothing_is_written() {
    let record = Record::new("strangers").await;
    let (n, tu, _) = record.negotiation().await;
    let (other, _, _) = record.negotiation().await;
    let (union, u) = record.member("aigerim", "Trade unions", Side::Workers).await;
    let who = Who::at(&u, now());
    let stranger = union.add_delegate(tu, "Айгерим", Role::Spokesperson, &who).await.unwrap();
    let elsewhere = union
        .add_clause(
            other,
            &NewClause { reference: "Пункт 9".into(), title: "Чужой".into(), ..Default::default() },
            &who,
        )
        .await
        .unwrap();
    let new = NewSession {
        starts_at: "2027-01-12T09:00:00Z".into(),
        place: String::new(),
        kind: SessionKind::Caucus,
        minutes: String::new(),
        attendees: vec![stranger.id],
        agenda: vec![],
    };
    let refused = union.add_session(other, &new, &who).await.unwrap_err();
    assert_eq!(refused.message().map(|m| m.code()), Some("attendee-not-delegate"));
    let refused =
        union.add_session(n, &NewSession { attendees: vec![], agenda: vec![elsewhere.id], ..new }, &who).await;
    assert_eq!(refused.unwrap_err().message().map(|m| m.code()), Some("no-clause"));
    assert!(union.sessions(n).await.unwrap().is_empty() && union.sessions(other).await.unwrap().is_empty());
    let nameless = union.add_delegate(tu, "  ", Role::Member, &who).await.unwrap_err();
    assert_eq!(nameless.message().map(|m| m.code()), Some("delegate-needs-name"));
    assert_eq!(union.delegates(n).await.unwrap().len(), 1);
}
