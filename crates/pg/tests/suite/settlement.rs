//! The agreement as a whole on a shared record, by the same rules as on a workbench file: opened,
//! settled once both sides initial, refused ratification without a vote, approved by each side,
//! ratified and signed, its commitments recorded and done — the same statuses, approval steps,
//! commitments and journal on both.

use crate::common;

use common::{Record, negotiation_on_file, now};
use serde_json::{Value, json};
use trilogue_core::authentic::LangText;
use trilogue_core::model::{ApprovalStep, NegotiationStatus, Side, Track, Vote};
use trilogue_core::store::{NewApproval, NewClause, NewCommitment, NewVersion};
use trilogue_core::words::Lang;
use trilogue_core::{Reader, Result, Store, Who};

fn joint() -> NewVersion {
    let mut v = NewVersion::tabled(Track::Joint, "Переобучение не менее 100 часов", None);
    v.translations =
        vec![LangText { lang: Lang::Kk, text: "Кемінде 100 сағат қайта оқыту".into() }];
    v
}

fn approval(side: Side) -> NewApproval {
    NewApproval {
        step: ApprovalStep::Side,
        side: Some(side),
        body: " Президиум ".into(),
        decided_on: "2027-02-01".into(),
        vote: Some(Vote { votes_for: 11, votes_against: 2, abstaining: 1 }),
        approved: true,
    }
}

/// The steps, written once for both backends (their calls have the same names and types).
macro_rules! settle {
    ($secretariat:expr, $union:expr, $employers:expr, $ids:expr, $s:expr, $u:expr, $e:expr) => {async {
        let ((n, tu, emp), s, u, e) = ($ids, &$s, &$u, &$e);
        let code = |r: Result<()>| r.map_err(|e| e.message().map(|m| m.code())).err();
        $secretariat.set_negotiation_status(n, NegotiationStatus::InSession, "открыто", s).await?;
        let c = $union.add_clause(n, &NewClause { reference: "Пункт 1".into(), title: "Переобучение".into(), ..Default::default() }, u).await?;
        let j = $union.propose(c.id, &joint(), u).await?;
        let early = code($secretariat.set_negotiation_status(n, NegotiationStatus::TentativeSettlement, "рано", s).await);
        $union.initial(c.id, tu, j.id, None, u).await?;
        $employers.initial(c.id, emp, j.id, None, e).await?;
        // the clause is tentatively agreed; the agreement is settled when the chair says so
        let settled = $secretariat.clause(c.id).await?.status;
        $secretariat.set_negotiation_status(n, NegotiationStatus::TentativeSettlement, "все пункты парафированы", s).await?;
        let unvoted = code($secretariat.set_negotiation_status(n, NegotiationStatus::Ratified, "без голосования", s).await);
        $union.record_approval(n, &approval(Side::Workers), u).await?;
        $employers.record_approval(n, &approval(Side::Employers), e).await?;
        $secretariat.set_negotiation_status(n, NegotiationStatus::Ratified, "одобрено сторонами", s).await?;
        $secretariat.set_negotiation_status(n, NegotiationStatus::Signed, "подписано", s).await?;
        let plan = NewCommitment { text: " Программа переобучения ".into(), responsible: "Работодатели".into(), due_on: "2027-06-30".into(), clause_id: Some(c.id) };
        let k = $employers.add_commitment(n, &plan, e).await?;
        $union.commitment_done(k.id, "2027-05-15", u).await?;
        let twice = code($union.commitment_done(k.id, "2027-05-16", u).await.map(drop));
        let journal: Vec<Value> = $secretariat.events(n).await?.iter().map(|e| json!([e.kind, e.actor, e.hash])).collect();
        Result::<Value>::Ok(json!({
            "status": $secretariat.negotiation(n).await?.status,
            "refused": [early, unvoted, twice],
            "settled": settled,
            "approvals": $secretariat.approvals(n).await?,
            "commitments": $secretariat.commitments(n).await?,
            "journal": journal,
        }))
    }.await};
}

#[tokio::test]
async fn an_agreement_is_settled_the_same_on_a_server_as_on_a_file() {
    let record = Record::new("settlement").await;
    let ids = record.negotiation().await;
    let (union, u) = record.member("aigerim", "Trade unions", Side::Workers).await;
    let (employers, e) = record.member("dana", "Employers", Side::Employers).await;
    let at = |name: &str| Who::at(name, now());
    let server: Result<Value> = settle!(record.owner, union, employers, ids, at("secretariat"), at(&u), at(&e));
    let server = server.unwrap();

    let dir = tempfile::tempdir().unwrap();
    let file = Store::open(dir.path().join("workbench.sqlite3")).await.unwrap();
    assert_eq!(negotiation_on_file(&file).await, ids);
    let on_file: Result<Value> = settle!(file, file, file, ids, at("secretariat"), at(&u), at(&e));
    let on_file = on_file.unwrap();

    assert_eq!(server["status"], json!("signed"));
    assert_eq!(server["settled"], json!("tentatively_agreed"));
    assert_eq!(server["refused"], json!(["settlement-open", "ratify-needs-approval", "commitment-done"]));
    assert_eq!(server["approvals"].as_array().unwrap().len(), 2);
    assert_eq!(server["approvals"][0]["body"], json!("Президиум"));
    assert_eq!(server["commitments"][0]["done_on"], json!("2027-05-15"));
    assert_eq!(server, on_file, "the same agreement on a server and on a file");
}
