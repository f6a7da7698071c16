//! Many writers at once: twenty clients, of both sides, add clauses and table texts on one negotiation
//! and schedule sessions at the same time. The database serialises them per negotiation: the clause
//! order and the session numbers have no gaps or duplicates, the journal's chain holds, and nothing is
//! lost.

use crate::common;

use common::{Record, now};
use trilogue_core::Reader;
use trilogue_core::authentic::LangText;
use trilogue_core::model::{SessionKind, Side, Track};
use trilogue_core::store::{NewClause, NewSession, NewVersion};
use trilogue_core::words::Lang;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_clients_write_one_negotiation_at_once() {
    let record = Record::new("concurrent").await;
    let (n, tu, emp) = record.negotiation().await;
    let (union, _) = record.member("union", "Federation of unions", Side::Workers).await;
    let (employers, _) = record.member("employers", "Employers' association", Side::Employers).await;
    let clients = 20;
    let per_client = 5;
    let mut tasks = Vec::new();
    for client in 0..clients {
        let (server, party) = if client % 2 == 0 { (union.clone(), tu) } else { (employers.clone(), emp) };
        tasks.push(tokio::spawn(async move {
            for i in 0..per_client {
                let who = server.who("", now());
                let new = NewClause {
                    reference: format!("Пункт {client}.{i}"),
                    title: format!("Clause {client}.{i}"),
                    ..NewClause::default()
                };
                let c = server.add_clause(n, &new, &who).await.unwrap();
                let mut v = NewVersion::tabled(Track::Party(party), format!("Текст {client}.{i}"), None);
                v.translations = vec![LangText { lang: Lang::Kk, text: format!("Мәтін {client}.{i}") }];
                server.propose(c.id, &v, &who).await.unwrap();
                if i == 2 {
                    let session = NewSession {
                        starts_at: format!("2027-01-{:02}T09:00:00Z", client + 1),
                        place: format!("Room {client}"),
                        kind: SessionKind::Plenary,
                        minutes: String::new(),
                        attendees: Vec::new(),
                        agenda: vec![c.id],
                    };
                    server.add_session(n, &session, &who).await.unwrap();
                }
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let rows = union.list_clauses(n).await.unwrap();
    assert_eq!(rows.len(), clients * per_client, "every clause is there");
    let positions: Vec<i64> = rows.iter().map(|r| r.clause.position).collect();
    assert_eq!(positions, (1..=(clients * per_client) as i64).collect::<Vec<_>>(), "one order, no gaps, no twins");
    assert!(rows.iter().all(|r| r.heads.len() == 1 && r.heads[0].tabled && r.clause.status.as_str() == "open"));
    let events = employers.events(n).await.unwrap();
    let mut numbers: Vec<i64> = union.sessions(n).await.unwrap().iter().map(|s| s.number).collect();
    numbers.sort();
    assert_eq!(numbers, (1..=clients as i64).collect::<Vec<_>>(), "session numbers: no gaps, no twins");
    // created, two organisations; then per clause: added, tabled, opened; a session per client
    assert_eq!(events.len(), 3 + 3 * clients * per_client + clients);
    assert_eq!(union.verify_journal(n).await.unwrap().map(|b| b.event_id), None, "the chain holds");
}
