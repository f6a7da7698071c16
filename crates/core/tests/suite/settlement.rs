//! Where the agreement stands: reopening with consent, impasse with its referral and last offers, the
//! agreement's own status and the rule that settles it, ratification votes, sessions, the packet for the
//! next session, the table of initials, the status report and the final agreement with its protocol of
//! disagreements.

use crate::common;

use common::{assert_inert, store};
use strum::VariantArray;
use trilogue_core::Reader;
use trilogue_core::message::Msg;
use trilogue_core::model::{ApprovalStep, ClauseStatus, NegotiationStatus, Referral, SessionKind, Side, Track, Vote};
use trilogue_core::report::{InitialCell, final_agreement, initials_table, status_report};
use trilogue_core::store::{NewApproval, NewSession, StatusChange, agreement_transitions, check_agreement_transition};
use trilogue_core::words::{Lang, Words};
use trilogue_core::{Store, Who, demo, packet};

async fn demo_store() -> (Store, tempfile::TempDir, i64) {
    let (store, dir) = store().await;
    let n = demo::load_demo(&store, common::now(), trilogue_core::words::Lang::En).await.unwrap();
    (store, dir, n.id)
}

async fn clause(store: &Store, n: i64, r: &str) -> i64 {
    store.find_clause(Some(n), r).await.unwrap().id
}

#[test]
fn the_agreements_transition_table_is_exactly_what_it_says() {
    use NegotiationStatus::*;
    let legal: &[(NegotiationStatus, NegotiationStatus)] = &[
        (Preparing, InSession),
        (Preparing, Suspended),
        (InSession, TentativeSettlement),
        (InSession, Suspended),
        (TentativeSettlement, InSession),
        (TentativeSettlement, Ratified),
        (TentativeSettlement, Rejected),
        (TentativeSettlement, Suspended),
        (Ratified, Signed),
        (Rejected, InSession),
        (Signed, InForce),
        (InForce, Suspended),
        (Suspended, InSession),
        (Suspended, InForce),
    ];
    for from in NegotiationStatus::VARIANTS {
        for to in NegotiationStatus::VARIANTS {
            let expected = legal.contains(&(*from, *to));
            let result = check_agreement_transition(*from, *to);
            assert_eq!(result.is_ok(), expected, "{from} → {to}: {result:?}");
            assert_eq!(agreement_transitions(*from).contains(to), expected);
            if let Err(e) = result {
                assert_eq!(e.kind(), "illegal_transition");
                let named_from = match e.message() {
                    Some(Msg::AgreementAlready { status }) => *status,
                    Some(Msg::AgreementCannotMove { from, .. }) => *from,
                    other => panic!("{other:?}"),
                };
                assert_eq!(named_from, *from);
            }
        }
    }
}

#[tokio::test]
async fn a_tentatively_agreed_clause_reopens_only_with_every_partys_consent() {
    let (store, _dir, n) = demo_store().await;
    let who = Who::at("mediator", common::now());
    let art1 = clause(&store, n, "Art. 1").await;
    let parties = store.parties(n).await.unwrap();
    let plain = store.set_status(art1, ClauseStatus::Open, "the EMP wants to reopen", &who).await.unwrap_err();
    assert_eq!(plain.kind(), "illegal_transition");
    assert!(plain.to_string().contains("missing: TU, EMP, GOV"), "{plain}");
    let mut change = StatusChange::to(ClauseStatus::Open, "the EMP wants to reopen");
    change.consenting = vec![parties[1].id, parties[2].id];
    let partial = store.change_status(art1, &change, &who).await.unwrap_err();
    assert!(partial.to_string().contains("missing: TU"), "{partial}");
    assert_eq!(store.clause(art1).await.unwrap().status, ClauseStatus::TentativelyAgreed, "refused: nothing moved");
    change.consenting.push(parties[0].id);
    store.change_status(art1, &change, &who).await.unwrap();
    assert_eq!(store.clause(art1).await.unwrap().status, ClauseStatus::Open);
    let event = store.recent_events(n, 1).await.unwrap().remove(0);
    assert_eq!(event.detail["consenting"], serde_json::json!(["TU", "EMP", "GOV"]));
    assert_eq!(event.reason, "the EMP wants to reopen");
}

#[tokio::test]
async fn an_impasse_says_who_it_is_referred_to_and_records_each_partys_last_offer() {
    let (store, _dir, n) = demo_store().await;
    let who = Who::at("mediator", common::now());
    let art4 = clause(&store, n, "Art. 4").await;
    let mut change = StatusChange::to(ClauseStatus::Impasse, "45 days against 15");
    let err = store.change_status(art4, &change, &who).await.unwrap_err();
    assert!(err.to_string().contains("a mediator or labour arbitration"), "{err}");
    change.referred_to = Some(Referral::WorkingGroup);
    store.change_status(art4, &change, &who).await.unwrap();
    let event = store.recent_events(n, 1).await.unwrap().remove(0);
    assert_eq!(event.detail["referred_to"], "working_group");
    let offers = event.detail["last_offers"].as_array().unwrap();
    let heads = store.tabled_heads(n).await.unwrap();
    let parties = store.parties(n).await.unwrap();
    let expected: Vec<i64> =
        parties.iter().filter_map(|p| heads.get(&(art4, Track::Party(p.id)))).map(|v| v.id).collect();
    let recorded: Vec<i64> = offers.iter().map(|o| o["version_id"].as_i64().unwrap()).collect();
    assert_eq!(recorded.len(), 3, "TU, EMP and GOV each tabled a text on Art. 4");
    assert_eq!(recorded.iter().copied().collect::<std::collections::BTreeSet<_>>(), expected.into_iter().collect());
}

#[tokio::test]
async fn the_settlement_needs_every_opened_clause_initialed_or_withdrawn_and_falls_with_one() {
    let (store, _dir, n) = demo_store().await;
    let who = Who::at("mediator", common::now());
    let settle = |store: Store| async move {
        store
            .set_negotiation_status(
                n,
                NegotiationStatus::TentativeSettlement,
                "all initialed",
                &Who::at("m", common::now()),
            )
            .await
    };
    let err = settle(store.clone()).await.unwrap_err();
    assert_eq!(err.kind(), "illegal_transition");
    assert!(err.to_string().contains("Art. 3") && err.to_string().contains("Art. 8"), "{err}");
    // the parties initial every open clause's joint text, or withdraw it
    let parties = store.parties(n).await.unwrap();
    for row in store.list_clauses(n).await.unwrap() {
        let c = row.clause;
        if matches!(c.status, ClauseStatus::TentativelyAgreed | ClauseStatus::NotOpened) {
            continue;
        }
        match store.latest_tabled(c.id, Track::Joint).await.unwrap() {
            Some(joint) if c.status != ClauseStatus::Impasse && c.status != ClauseStatus::Parked => {
                for p in &parties {
                    let _ = store.initial(c.id, p.id, joint.id, None, &who).await;
                }
            }
            _ => store.set_status(c.id, ClauseStatus::Withdrawn, "left to the next round", &who).await.unwrap(),
        }
        let status = store.clause(c.id).await.unwrap().status;
        assert!(
            matches!(status, ClauseStatus::TentativelyAgreed | ClauseStatus::Withdrawn),
            "{} {status}",
            c.reference
        );
    }
    settle(store.clone()).await.unwrap();
    // ratification is bound to recorded approval steps
    let ratify = store.set_negotiation_status(n, NegotiationStatus::Ratified, "approved", &who).await.unwrap_err();
    assert!(ratify.to_string().contains("record the approval steps"), "{ratify}");
    let vote = NewApproval {
        step: ApprovalStep::Side,
        side: Some(Side::Workers),
        body: "TU Congress".into(),
        decided_on: "2027-02-14".into(),
        vote: Some(Vote { votes_for: 212, votes_against: 31, abstaining: 9 }),
        approved: true,
    };
    let bad_date = NewApproval { decided_on: "14.02.2027".into(), ..vote.clone() };
    assert!(store.record_approval(n, &bad_date, &who).await.unwrap_err().to_string().contains("YYYY-MM-DD"));
    let no_side = NewApproval { side: None, ..vote.clone() };
    assert!(store.record_approval(n, &no_side, &who).await.unwrap_err().to_string().contains("which side"));
    let registration = NewApproval { step: ApprovalStep::Registration, side: None, vote: None, ..vote.clone() };
    let early = store.record_approval(n, &registration, &who).await.unwrap_err();
    assert!(early.to_string().contains("registration is recorded when the agreement is signed"), "{early}");
    let recorded = store.record_approval(n, &vote, &who).await.unwrap();
    assert_eq!(store.approvals(n).await.unwrap(), vec![recorded.clone()]);
    let edit = sqlx::query("UPDATE approval_steps SET votes_for = 1").execute(store.pool()).await.unwrap_err();
    assert!(edit.to_string().contains("recorded once"));
    let rejected = store.set_negotiation_status(n, NegotiationStatus::Rejected, "no", &who).await.unwrap_err();
    assert!(rejected.to_string().contains("approval step that rejected"), "{rejected}");
    store.set_negotiation_status(n, NegotiationStatus::Ratified, "congress approved", &who).await.unwrap();
    assert_eq!(store.negotiation(n).await.unwrap().status, NegotiationStatus::Ratified);
    let late = store.record_approval(n, &vote, &who).await.unwrap_err();
    assert!(
        late.to_string().contains("a side's approval is recorded when the agreement is tentative settlement"),
        "{late}"
    );
    let signing = NewApproval { step: ApprovalStep::Signing, side: None, body: String::new(), vote: None, ..vote };
    store.record_approval(n, &signing, &who).await.unwrap();
    store.set_negotiation_status(n, NegotiationStatus::Signed, "signed at the commission", &who).await.unwrap();
    store.record_approval(n, &registration, &who).await.unwrap();
    let steps: Vec<ApprovalStep> = store.approvals(n).await.unwrap().iter().map(|a| a.step).collect();
    assert_eq!(steps, [ApprovalStep::Side, ApprovalStep::Signing, ApprovalStep::Registration]);
    assert!(store.verify_journal(n).await.unwrap().is_none());
}

#[tokio::test]
async fn a_new_joint_text_takes_the_settlement_back_to_the_table() {
    let (store, _dir, n) = demo_store().await;
    let who = Who::at("mediator", common::now());
    for row in store.list_clauses(n).await.unwrap() {
        if !matches!(row.clause.status, ClauseStatus::TentativelyAgreed | ClauseStatus::NotOpened) {
            store.set_status(row.clause.id, ClauseStatus::Withdrawn, "later", &who).await.unwrap();
        }
    }
    store.set_negotiation_status(n, NegotiationStatus::TentativeSettlement, "settled", &who).await.unwrap();
    let art1 = clause(&store, n, "Art. 1").await;
    let amend = trilogue_core::store::NewVersion {
        track: Track::Joint,
        text: "A changed joint text.".into(),
        rationale: String::new(),
        tabled: true,
        session_id: None,
        received: None,
        sent_by: None,
        letter_ref: String::new(),
        translations: vec![],
    };
    store.propose(art1, &amend, &who).await.unwrap();
    assert_eq!(store.clause(art1).await.unwrap().status, ClauseStatus::Open);
    assert_eq!(store.negotiation(n).await.unwrap().status, NegotiationStatus::InSession);
}

#[tokio::test]
async fn a_session_lists_what_was_tabled_and_initialed_in_it() {
    let (store, _dir, n) = demo_store().await;
    let sessions = store.sessions(n).await.unwrap();
    let third = &sessions[2];
    let tabled = store.tabled_in(third.id).await.unwrap();
    let art2 = clause(&store, n, "Art. 2").await;
    assert!(tabled.iter().any(|t| t.clause_id == art2 && t.track == Track::Joint), "Art. 2's joint text");
    assert!(tabled.windows(2).all(|w| w[0].tabled_at <= w[1].tabled_at));
    for t in &tabled {
        let v = store.version(t.version_id).await.unwrap();
        assert_eq!(v.session_id, Some(third.id));
        assert!(v.is_tabled());
    }
    let initialed = store.initialed_in(third.id).await.unwrap();
    // Art. 2, 6, 11 by all three, Art. 14 by two
    assert_eq!(initialed.len(), 3 + 3 + 3 + 2);
    assert!(store.attendees(third.id).await.unwrap().len() >= 6);
    assert!(store.attendees(sessions[3].id).await.unwrap().is_empty(), "the next session has not met");
    let agenda = store.agenda(sessions[3].id).await.unwrap();
    assert_eq!(
        agenda.iter().map(|a| a.reference.as_str()).collect::<Vec<_>>(),
        ["Art. 7", "Art. 8", "Art. 9", "Art. 14", "Art. 5"]
    );
    // the minutes are written after the session; the journal keeps each writing
    let who = Who::at("secretariat", common::now());
    let s = store.set_minutes(sessions[3].id, "## Session 4\n\nArt. 14 initialed by the EMP.", &who).await.unwrap();
    assert!(s.minutes.contains("Art. 14"));
    assert_eq!(store.recent_events(n, 1).await.unwrap()[0].kind, "minutes_written");
    let new = NewSession {
        starts_at: "2027-01-12T05:00:00.000Z".into(),
        place: "Astana".into(),
        kind: SessionKind::WorkingGroup,
        minutes: String::new(),
        attendees: vec![],
        agenda: vec![art2],
    };
    assert_eq!(store.add_session(n, &new, &who).await.unwrap().number, 5);
}

#[tokio::test]
async fn an_initial_is_given_in_the_name_of_the_partys_spokesperson() {
    let (store, _dir, n) = demo_store().await;
    let art14 = clause(&store, n, "Art. 14").await;
    let nea = store.find_party(n, "EMP").await.unwrap();
    let joint = store.latest_tabled(art14, Track::Joint).await.unwrap().unwrap();
    let status = store.initial(art14, nea.id, joint.id, None, &Who::at("TU secretariat", common::now())).await.unwrap();
    assert_eq!(status, ClauseStatus::TentativelyAgreed);
    let given = store.initials(art14).await.unwrap().into_iter().find(|i| i.party_id == nea.id).unwrap();
    assert_eq!(given.initialed_by, "Marat Zhaksylykov", "the EMP's spokesperson");
    let event = store.events(n).await.unwrap().into_iter().rev().find(|e| e.kind == "initialed").unwrap();
    assert_eq!(
        (event.actor.as_str(), event.detail["spokesperson"].as_str()),
        ("TU secretariat", Some("Marat Zhaksylykov"))
    );
}

#[tokio::test]
async fn attendance_is_recorded_from_the_negotiations_delegates_only() {
    let (store, _dir, n) = demo_store().await;
    let who = Who::at("secretariat", common::now());
    let next = store.sessions(n).await.unwrap()[3].clone();
    let delegates = store.delegates(n).await.unwrap();
    let chosen = [delegates[0].id, delegates[3].id];
    let attended = store.set_attendees(next.id, &chosen, &who).await.unwrap();
    assert_eq!(attended.iter().map(|d| d.id).collect::<Vec<_>>(), chosen);
    // recording again replaces the record
    let again = store.set_attendees(next.id, &[delegates[1].id], &who).await.unwrap();
    assert_eq!(again.len(), 1);
    assert_eq!(store.recent_events(n, 1).await.unwrap()[0].kind, "attendance_recorded");
    // a delegate of another negotiation is refused, and nothing changes
    let (other, _) = store
        .create_negotiation(
            &trilogue_core::store::NewNegotiation {
                title: "Other".into(),
                level: trilogue_core::model::Level::Enterprise,
                tripartite: false,
                starts_on: None,
                ends_on: None,
                closing_rule: trilogue_core::model::ClosingRule::All,
                languages: Vec::new(),
            },
            &[trilogue_core::store::NewParty {
                name: "U".into(),
                side: None,
                label: "U".into(),
                colour: "#000000".into(),
            }],
            &who,
        )
        .await
        .unwrap();
    let stranger = store.parties(other.id).await.unwrap()[0].id;
    let stranger = store.add_delegate(stranger, "Stranger", trilogue_core::model::Role::Member, &who).await.unwrap();
    let err = store.set_attendees(next.id, &[stranger.id], &who).await.unwrap_err();
    assert!(err.to_string().contains("delegate of one of this negotiation's parties"), "{err}");
    assert_eq!(store.attendees(next.id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_clause_not_yet_agreed_is_drafted_tabled_or_countered() {
    use trilogue_core::views::{ClauseDetail, Stage};
    let (store, _dir, n) = demo_store().await;
    let stage = |r: &'static str| {
        let store = store.clone();
        async move {
            let clause = store.find_clause(Some(n), r).await.unwrap();
            ClauseDetail::load(&store, clause).await.unwrap().stage
        }
    };
    let parties = store.parties(n).await.unwrap();
    // Art. 4: the TU and the EMP answered each other in session 3, the EMP last
    assert_eq!(stage("Art. 4").await, Some(Stage::Countered { track: Track::Party(parties[1].id) }));
    assert_eq!(stage("Art. 1").await, None, "tentatively agreed: past the exchange of texts");
    let who = Who::at("TU", common::now());
    let new = trilogue_core::store::NewClause {
        reference: "Art. 15".into(),
        title: "Platform work".into(),
        status_quo: None,
        topics: vec![],
        section: String::new(),
    };
    let c = store.add_clause(n, &new, &who).await.unwrap();
    assert_eq!(stage("Art. 15").await, None, "nothing written yet");
    let mut text = trilogue_core::store::NewVersion {
        track: Track::Party(parties[0].id),
        text: "Our draft.".into(),
        rationale: String::new(),
        tabled: false,
        session_id: None,
        received: None,
        sent_by: None,
        letter_ref: String::new(),
        translations: vec![],
    };
    store.propose(c.id, &text, &who).await.unwrap();
    assert_eq!(stage("Art. 15").await, Some(Stage::Draft));
    text.text = "Our text.".into();
    text.tabled = true;
    store.propose(c.id, &text, &who).await.unwrap();
    assert_eq!(stage("Art. 15").await, Some(Stage::Tabled { track: Track::Party(parties[0].id) }));
    text.track = Track::Party(parties[1].id);
    text.text = "Their answer.".into();
    store.propose(c.id, &text, &who).await.unwrap();
    assert_eq!(stage("Art. 15").await, Some(Stage::Countered { track: Track::Party(parties[1].id) }));
}

#[tokio::test]
async fn the_packet_lists_what_changed_since_the_last_session_per_clause_and_party() {
    let (store, _dir, n) = demo_store().await;
    let sessions = store.sessions(n).await.unwrap();
    let p = packet::packet(&store, n, None, common::now()).await.unwrap();
    assert_eq!(p.since.number, 3, "the last session held");
    // Art. 2, 3, 4, 6, 7, 9, 10, 11, 14 saw texts in session 3; Art. 8 the Ministry's and an impasse
    let refs: Vec<&str> = p.clauses.iter().map(|c| c.reference.as_str()).collect();
    for r in ["Art. 2", "Art. 5", "Art. 7", "Art. 8", "Art. 14"] {
        assert!(refs.contains(&r), "{r} in {refs:?}");
    }
    assert!(!refs.contains(&"Art. 1") && !refs.contains(&"Art. 12"), "unchanged since: {refs:?}");
    let art7 = p.clauses.iter().find(|c| c.reference == "Art. 7").unwrap();
    let nea = art7.texts.iter().find(|t| t.label == "EMP").unwrap();
    assert!(nea.before.is_some(), "the EMP moved from its session-2 text");
    let before = store.version(nea.before.unwrap()).await.unwrap();
    let after = store.version(nea.after).await.unwrap();
    assert_eq!(nea.diff.old_text(), trilogue_core::text::normalise(&before.text));
    assert_eq!(nea.diff.new_text(), trilogue_core::text::normalise(&after.text));
    assert!(art7.texts.iter().all(|t| t.label != "TU"), "our untabled draft is no change at the table");
    let art5 = p.clauses.iter().find(|c| c.reference == "Art. 5").unwrap();
    assert!(art5.events.iter().any(|e| e.kind == "initials_voided"), "the voiding is in the packet");
    let art8 = p.clauses.iter().find(|c| c.reference == "Art. 8").unwrap();
    assert!(art8.events.iter().any(|e| e.kind == "status_changed"));
    let nea_count = p.by_track.iter().find(|t| t.label == "EMP").unwrap().clauses;
    assert_eq!(nea_count, p.clauses.iter().filter(|c| c.texts.iter().any(|t| t.label == "EMP")).count());
    assert!(nea_count >= 3);
    // since the first session, more has changed than since the third
    let first = packet::packet(&store, n, Some(sessions[0].id), common::now()).await.unwrap();
    assert!(first.clauses.len() > p.clauses.len());
    // a screenful keeps the first clauses and the whole count
    let kept = packet::packet_page(&store, n, Some(sessions[0].id), 0, 2, common::now()).await.unwrap();
    assert_eq!((kept.clauses.len(), kept.changed), (2, first.clauses.len()));
    // and the next screenful the next two, the same as the whole packet's, texts and marks alike
    let next = packet::packet_page(&store, n, Some(sessions[0].id), 2, 2, common::now()).await.unwrap();
    let json = |c: &[packet::PacketClause]| serde_json::to_value(c).unwrap();
    assert_eq!(json(&next.clauses), json(&first.clauses[2..4]));
    assert_eq!(json(&kept.clauses), json(&first.clauses[..2]));
    let past = packet::packet_page(&store, n, Some(sessions[0].id), first.changed, 2, common::now()).await.unwrap();
    assert!(past.clauses.is_empty() && past.changed == first.changed);
    assert!(kept.to_markdown().contains(&format!("{} clauses changed", first.clauses.len())));
    let md = p.to_markdown();
    assert!(md.contains("What changed since session 3") && md.contains("### Art. 7"), "{md}");
    let html = p.to_html();
    assert!(html.contains("<ins>") && html.contains("<del>"));
    assert_inert(&html, "packet html");
    let wrong = packet::packet(&store, n, Some(9999), common::now()).await.unwrap_err();
    assert_eq!(wrong.kind(), "not_found");
}

#[tokio::test]
async fn the_table_of_initials_shows_who_initialed_when_and_what_was_voided() {
    let (store, _dir, n) = demo_store().await;
    let table = initials_table(&store, n).await.unwrap();
    assert_eq!(table.parties.iter().map(|p| p.label.as_str()).collect::<Vec<_>>(), ["TU", "EMP", "GOV"]);
    let row = |r: &str| table.rows.iter().find(|x| x.reference == r).unwrap();
    assert!(row("Art. 1").cells.iter().all(|c| matches!(c, InitialCell::Initialed { current: true, .. })));
    let art14 = row("Art. 14");
    assert!(matches!(art14.cells[0], InitialCell::Initialed { .. }));
    assert!(matches!(art14.cells[1], InitialCell::Pending), "the EMP has not initialed");
    assert!(matches!(art14.cells[2], InitialCell::Initialed { .. }));
    let art5 = row("Art. 5");
    assert!(matches!(art5.cells[0], InitialCell::Voided { by_version: Some(_), .. }));
    assert!(matches!(art5.cells[2], InitialCell::Pending));
    assert!(table.rows.iter().all(|r| r.status != ClauseStatus::NotOpened));
}

#[tokio::test]
async fn the_status_report_says_where_everything_stands() {
    let (store, _dir, n) = demo_store().await;
    let r = status_report(&store, n, 15, common::now(), &Words::new(Lang::En)).await.unwrap();
    assert_eq!(r.timeline.len(), 15);
    assert!(r.timeline.windows(2).all(|w| w[0].at >= w[1].at), "newest first");
    let md = r.to_markdown();
    assert!(md.contains("Agreement status: in session. 14 clauses: open: 5, agreed in principle: 2, tentatively agreed: 5, parked: 1, impasse: 1."), "{md}");
    assert!(md.contains("| TU | EMP | GOV |"));
    assert!(
        md.contains(
            "| Art. 14 Settlement of disputes | open | **initialed 27 October 2026** | *pending* | **initialed 27 October 2026** |"
        ),
        "{md}"
    );
    assert!(md.contains("Session 4 — 8 December 2026, ") && md.contains("— scheduled"));
    assert!(r.by_topic.iter().any(|t| t.topic == "joint technology committee" && t.total == 1));
    let html = r.to_html();
    assert_inert(&html, "status report html");
    assert!(html.contains("<td><p><s>voided "), "a voided initial is struck through");
}

#[tokio::test]
async fn the_final_agreement_holds_the_initialed_texts_and_the_protocol_of_disagreements() {
    let (store, _dir, n) = demo_store().await;
    let f = final_agreement(&store, n).await.unwrap();
    let refs: Vec<&str> = f.articles.iter().map(|a| a.reference.as_str()).collect();
    assert_eq!(refs, ["Art. 1", "Art. 2", "Art. 6", "Art. 11", "Art. 13"]);
    for a in &f.articles {
        let v = store.version(a.version_id.unwrap()).await.unwrap();
        assert_eq!(v.text, a.text);
        assert_eq!(Some(&v.hash), a.hash.as_ref());
        assert_eq!(v.track, Track::Joint);
        assert_eq!(a.initialed.len(), 3);
    }
    assert_eq!(f.disagreements.len(), 1);
    let art8 = &f.disagreements[0];
    assert_eq!((art8.reference.as_str(), art8.referred_to), ("Art. 8", Some(Referral::Mediator)));
    assert_eq!(art8.positions.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(), ["TU", "EMP", "GOV"]);
    assert!(art8.positions.iter().all(|(_, t)| t.is_some()));
    assert!(f.pending.iter().any(|p| p.reference == "Art. 12" && p.status == ClauseStatus::Parked));
    let md = f.to_markdown();
    assert!(md.contains("draft: 8 clauses not yet agreed"), "{md}");
    assert!(md.contains("# Annex: protocol of disagreements") && md.contains("*In impasse, referred to a mediator.*"));
    let html = f.to_html();
    assert_inert(&html, "final agreement html");
    assert!(html.find("Art. 13").unwrap() < html.find("Annex: protocol of disagreements").unwrap());
    // a text edited behind the app's back does not slip into the agreement
    sqlx::query("DROP TRIGGER versions_immutable").execute(store.pool()).await.unwrap();
    sqlx::query("UPDATE versions SET text = 'Nothing at all.' WHERE id = ?")
        .bind(f.articles[2].version_id.unwrap())
        .execute(store.pool())
        .await
        .unwrap();
    let err = final_agreement(&store, n).await.unwrap_err();
    assert!(err.to_string().contains("Art. 6 no longer matches the hash"), "{err}");
}
