//! A negotiation from the first day: set up from scratch with coalitions on its sides, delegates in their
//! roles, clauses added, renumbered, moved and started from the library; texts received by letter with
//! their provenance; initials by side; closing with a protocol of disagreements; the commitments of the
//! signed agreement; and a workbench written by the previous Trilogue opening with nothing lost.

use crate::common;

use common::store;
use trilogue_core::Reader;
use trilogue_core::authentic::{Disagreement, LangText, set_hash};
use trilogue_core::message::Msg;
use trilogue_core::model::{
    ApprovalStep, ClauseStatus, ClosingRule, Further, Level, NegotiationStatus, Role, Side, Track,
};
use trilogue_core::report::final_agreement;
use trilogue_core::store::{
    ClauseEdit, DelegateEdit, NewApproval, NewClause, NewCommitment, NewNegotiation, NewParty, NewVersion,
    StatusChange, agreed_hash, missing_consent, reorder, unsettled,
};
use trilogue_core::words::{Lang, Words};
use trilogue_core::{Store, Who, packet};

fn org(label: &str, side: Side, name: &str) -> NewParty {
    NewParty { name: name.into(), side: Some(side), label: label.into(), colour: "#1f618d".into() }
}

fn clause(reference: &str, title: &str) -> NewClause {
    NewClause { reference: reference.into(), title: title.into(), status_quo: None, topics: vec![], section: "".into() }
}

/// A tripartite General Agreement set up as a union negotiator would: two federations on the workers'
/// side, two associations on the employers', the ministry; coordinators, spokespersons, a secretary.
struct Setup {
    store: Store,
    _dir: tempfile::TempDir,
    n: i64,
    who: Who,
    /// TU, KTU (workers), EMP, AIE (employers), GOV (government)
    orgs: Vec<i64>,
}

async fn setup(rule: ClosingRule) -> Setup {
    let (store, dir) = store().await;
    let who = Who::at("Aigerim Seitkali", common::now());
    let mut new = NewNegotiation::titled("General Agreement 2027–2029, section 4: AI at work", Level::General);
    new.tripartite = true;
    new.closing_rule = rule;
    new.languages = vec!["kk".into(), "ru".into()];
    new.starts_on = Some("2027-01-01".into());
    let (n, none) = store.create_negotiation(&new, &[], &who).await.unwrap();
    assert!(none.is_empty());
    assert_eq!((n.level, n.closing_rule, n.languages.clone()), (Level::General, rule, vec!["kk".into(), "ru".into()]));
    let mut orgs = Vec::new();
    for (label, side, name) in [
        ("TU", Side::Workers, "Federation of Trade Unions"),
        ("KTU", Side::Workers, "Confederation of Independent Trade Unions"),
        ("EMP", Side::Employers, "National Employers' Association"),
        ("AIE", Side::Employers, "Association of Industrial Enterprises"),
        ("GOV", Side::Government, "Ministry of Labour and Social Protection"),
    ] {
        orgs.push(store.add_party(n.id, &org(label, side, name), &who).await.unwrap().id);
    }
    store.set_owner(n.id, orgs[0], &who).await.unwrap();
    for (o, name, role) in [
        (0, "Aigerim Seitkali", Role::Coordinator),
        (1, "Bolat Ospanov", Role::Spokesperson),
        (2, "Marat Zhaksylykov", Role::Coordinator),
        (3, "Gulnara Abenova", Role::Spokesperson),
        (4, "Saule Nurlanova", Role::Chair),
        (4, "Timur Bekov", Role::Coordinator),
        (4, "Elena Kuznetsova", Role::Secretary),
    ] {
        store.add_delegate(orgs[o], name, role, &who).await.unwrap();
    }
    Setup { store, _dir: dir, n: n.id, who, orgs }
}

#[tokio::test]
async fn a_negotiation_is_set_up_from_scratch_with_coalitions_and_delegates() {
    let s = setup(ClosingRule::Protocol).await;
    let parties = s.store.parties(s.n).await.unwrap();
    let labels: Vec<&str> = parties.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["TU", "KTU", "EMP", "AIE", "GOV"]);
    assert_eq!(s.store.negotiation(s.n).await.unwrap().owner_party_id, Some(s.orgs[0]));
    // a label is one organisation's, a colour is a colour, a name is needed
    let twice = s.store.add_party(s.n, &org("tu", Side::Workers, "Again"), &s.who).await.unwrap_err();
    assert!(twice.to_string().contains("two organisations are labelled"), "{twice}");
    let bad = NewParty { colour: "red;}</style><script>".into(), ..org("X", Side::Workers, "X") };
    assert!(s.store.add_party(s.n, &bad, &s.who).await.unwrap_err().to_string().contains("not a colour"));
    assert!(s.store.add_party(s.n, &org("Y", Side::Workers, " "), &s.who).await.is_err());
    // a delegate is edited, then retired: still on file, and in the journal
    let elena = s.store.find_delegate(s.n, "elena kuznetsova").await.unwrap();
    let edit = DelegateEdit { name: "Elena Kuznetsova".into(), role: Role::Translator, retire: false };
    assert_eq!(s.store.edit_delegate(elena.id, &edit, &s.who).await.unwrap().role, Role::Translator);
    let retire = DelegateEdit { retire: true, ..edit };
    assert!(s.store.edit_delegate(elena.id, &retire, &s.who).await.unwrap().retired_at.is_some());
    assert!(s.store.edit_delegate(elena.id, &retire, &s.who).await.unwrap_err().to_string().contains("retired"));
    let gone = sqlx::query("DELETE FROM delegates WHERE id = ?").bind(elena.id).execute(s.store.pool()).await;
    assert!(gone.unwrap_err().to_string().contains("never deleted"));
    let kinds: Vec<String> = s.store.events(s.n).await.unwrap().into_iter().map(|e| e.kind).collect();
    for kind in ["negotiation_created", "organisation_added", "owner_set", "delegate_added", "delegate_retired"] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    assert!(s.store.verify_journal(s.n).await.unwrap().is_none());
    // an unknown language or a date in another form is refused before anything is written
    let mut wrong = NewNegotiation::titled("x", Level::Enterprise);
    wrong.languages = vec!["de".into()];
    assert!(s.store.create_negotiation(&wrong, &[], &s.who).await.unwrap_err().to_string().contains("kk, ru or en"));
    wrong.languages = vec![];
    wrong.starts_on = Some("01.01.2027".into());
    assert!(s.store.create_negotiation(&wrong, &[], &s.who).await.unwrap_err().to_string().contains("YYYY-MM-DD"));
    assert_eq!(s.store.negotiations().await.unwrap().len(), 1);
}

#[tokio::test]
async fn clauses_are_added_renumbered_moved_grouped_and_started_from_the_library() {
    let s = setup(ClosingRule::All).await;
    let mut ids = Vec::new();
    for (r, t) in [("4.1", "Notice"), ("4.2", "Consultation"), ("4.3", "Transparency")] {
        ids.push(s.store.add_clause(s.n, &clause(r, t), &s.who).await.unwrap().id);
    }
    let from_library =
        s.store.add_clause_from_library(s.n, &clause("4.4", ""), "retraining-before-dismissal", &s.who).await.unwrap();
    // the model in the negotiation's authentic languages: Kazakh first, Russian beside it
    assert_eq!(from_library.title, "Жұмыстан босатуға дейін қайта оқыту");
    assert!(from_library.topics.contains(&"жұмыстан босатуға дейін қайта оқыту".to_string()));
    let versions = s.store.versions(from_library.id).await.unwrap();
    assert_eq!(versions.len(), 1);
    let texts = s.store.version_texts(versions[0].id).await.unwrap();
    assert_eq!(texts.iter().map(|t| t.lang.code()).collect::<Vec<_>>(), ["kk", "ru"]);
    assert!(texts[0].text.starts_with("Функциялары") && texts[1].text.starts_with("Работник"), "{texts:?}");
    assert!(versions[0].needs_revision.is_empty(), "the two texts are parallel: neither waits");
    assert_eq!(versions[0].track, Track::Party(s.orgs[0]), "the model is our side's draft");
    assert!(!versions[0].is_tabled(), "starting from the library tables nothing");
    assert!(!s.store.clause_standards(from_library.id).await.unwrap().is_empty());
    let unknown = s.store.add_clause_from_library(s.n, &clause("4.5", ""), "no-such-model", &s.who).await;
    assert!(unknown.unwrap_err().to_string().contains("retraining-before-dismissal"), "the error lists the keys");
    assert_eq!(s.store.list_clauses(s.n).await.unwrap().len(), 4, "nothing half-added");

    // renumbering changes the ref, never the identity; a ref is one clause's
    let renumbered = s.store.edit_clause(ids[2], &ClauseEdit::Ref { reference: "4.5".into() }, &s.who).await.unwrap();
    assert_eq!((renumbered.id, renumbered.reference.as_str()), (ids[2], "4.5"));
    let taken = s.store.edit_clause(ids[0], &ClauseEdit::Ref { reference: "4.2".into() }, &s.who).await;
    assert!(taken.unwrap_err().to_string().contains("already has a clause 4.2"));
    // moved before another, then to the end
    s.store.edit_clause(ids[2], &ClauseEdit::Move { before: Some(ids[0]) }, &s.who).await.unwrap();
    let order =
        |rows: Vec<trilogue_core::store::ClauseRow>| rows.into_iter().map(|r| r.clause.reference).collect::<Vec<_>>();
    assert_eq!(order(s.store.list_clauses(s.n).await.unwrap()), ["4.5", "4.1", "4.2", "4.4"]);
    s.store.edit_clause(ids[2], &ClauseEdit::Move { before: None }, &s.who).await.unwrap();
    assert_eq!(order(s.store.list_clauses(s.n).await.unwrap()), ["4.1", "4.2", "4.4", "4.5"]);
    let section = ClauseEdit::Section { section: "Раздел IV. Занятость и технологии".into() };
    assert_eq!(
        s.store.edit_clause(ids[0], &section, &s.who).await.unwrap().section,
        "Раздел IV. Занятость и технологии"
    );
    let topics = ClauseEdit::Topics { topics: vec!["advance notice".into(), " ".into()] };
    assert_eq!(s.store.edit_clause(ids[0], &topics, &s.who).await.unwrap().topics, ["advance notice"]);
    let gone = sqlx::query("DELETE FROM clauses WHERE id = ?").bind(ids[0]).execute(s.store.pool()).await;
    assert!(gone.unwrap_err().to_string().contains("never deleted"));
    assert!(s.store.verify_journal(s.n).await.unwrap().is_none());
}

#[test]
fn reordering_is_a_plain_rule() {
    assert_eq!(reorder(&[1, 2, 3, 4], 4, Some(2)).unwrap(), [1, 4, 2, 3]);
    assert_eq!(reorder(&[1, 2, 3, 4], 1, None).unwrap(), [2, 3, 4, 1]);
    assert_eq!(reorder(&[1, 2, 3], 2, Some(2)).unwrap_err().kind(), "invalid");
    assert_eq!(reorder(&[1, 2, 3], 2, Some(9)).unwrap_err().kind(), "not_found");
}

#[tokio::test]
async fn a_text_received_by_letter_keeps_when_and_from_whom_it_came() {
    let s = setup(ClosingRule::All).await;
    let art = s.store.add_clause(s.n, &clause("4.1", "Notice"), &s.who).await.unwrap();
    // a session a week ago; the employers' letter came two days before it, and is entered today
    let session = trilogue_core::store::NewSession {
        starts_at: "2026-11-17T05:00:00.000Z".into(),
        place: "Astana".into(),
        kind: trilogue_core::model::SessionKind::Plenary,
        minutes: String::new(),
        attendees: vec![],
        agenda: vec![art.id],
    };
    let session = s.store.add_session(s.n, &session, &s.who).await.unwrap();
    let letter = NewVersion {
        received: Some("2026-11-15".into()),
        sent_by: Some(s.orgs[3]),
        letter_ref: " 12/345 ".into(),
        translations: vec![],
        rationale: "Sixty days is what an investment cycle allows.".into(),
        ..NewVersion::tabled(Track::Party(s.orgs[2]), "Notice of 60 days.", None)
    };
    let v = s.store.propose(art.id, &letter, &s.who).await.unwrap();
    assert_eq!(v.tabled_at.as_deref(), Some("2026-11-15T00:00:00.000Z"), "tabled when received, not when typed");
    assert_eq!(v.created_at, "2026-11-24T09:00:00.000Z");
    assert_eq!((v.sent_by, v.letter_ref.as_str()), (Some(s.orgs[3]), "12/345"));
    // the packet since that session does not count the text: it was on the table before (the clause's
    // opening, entered today, is in the journal today)
    let since = packet::packet(&s.store, s.n, Some(session.id), common::now()).await.unwrap();
    assert!(since.clauses.iter().all(|c| c.texts.is_empty()), "{since:?}");
    assert!(since.by_track.iter().all(|t| t.clauses == 0));
    // a text received after it is in the packet
    let later = NewVersion {
        received: Some("2026-11-20T10:00:00+05:00".into()),
        ..NewVersion::tabled(Track::Party(s.orgs[4]), "Notice of 90 days.", None)
    };
    s.store.propose(art.id, &later, &s.who).await.unwrap();
    let since = packet::packet(&s.store, s.n, Some(session.id), common::now()).await.unwrap();
    let moved: Vec<&str> = since.clauses[0].texts.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(moved, ["GOV"]);
    // a text cannot come from the future, nor from outside the negotiation, nor on a date no one writes
    for (received, sent_by, why) in [
        (Some("2026-12-01"), None, "after now"),
        (Some("15.11.2026"), None, "is not a date"),
        (None, Some(9999), "organisation 9999 is not in this negotiation"),
    ] {
        let bad = NewVersion {
            received: received.map(String::from),
            sent_by,
            ..NewVersion::tabled(Track::Party(s.orgs[2]), "Another text.", None)
        };
        let err = s.store.propose(art.id, &bad, &s.who).await.unwrap_err();
        assert!(err.to_string().contains(why), "{why}: {err}");
    }
    // provenance is fixed once tabled
    let edit =
        sqlx::query("UPDATE versions SET letter_ref = 'x' WHERE id = ?").bind(v.id).execute(s.store.pool()).await;
    assert!(edit.unwrap_err().to_string().contains("recorded once"));
}

#[test]
fn a_coalition_initials_as_one_side() {
    use Side::*;
    let parties =
        [(1, Some(Workers)), (2, Some(Workers)), (3, Some(Employers)), (4, Some(Government)), (5, Some(Mediator))];
    let h = |p: i64, hash: &str| (p, hash.to_string());
    // one organisation of each side is enough; the mediator never initials
    assert_eq!(agreed_hash(&parties, &[h(1, "a"), h(3, "a"), h(4, "a")]).as_deref(), Some("a"));
    assert_eq!(agreed_hash(&parties, &[h(2, "a"), h(3, "a"), h(4, "a")]).as_deref(), Some("a"));
    assert_eq!(agreed_hash(&parties, &[h(1, "a"), h(3, "a")]), None, "the government has not initialed");
    assert_eq!(agreed_hash(&parties, &[h(1, "a"), h(3, "b"), h(4, "a")]), None, "not the same text");
    assert_eq!(agreed_hash(&parties, &[h(1, "b"), h(2, "a"), h(3, "a"), h(4, "a")]).as_deref(), Some("a"));
    // organisations with no side known are each a side of their own
    let unsided = [(1, None), (2, None)];
    assert_eq!(agreed_hash(&unsided, &[h(1, "a")]), None);
    assert_eq!(agreed_hash(&unsided, &[h(1, "a"), h(2, "a")]).as_deref(), Some("a"));
    // consent to reopen: every side, through any of its organisations
    let named: Vec<(i64, Option<Side>, String)> =
        parties.iter().map(|(id, side)| (*id, *side, format!("P{id}"))).collect();
    assert!(missing_consent(&named, &[2, 3, 4]).is_empty());
    assert_eq!(missing_consent(&named, &[1, 2, 4]), ["P3"]);
    assert_eq!(missing_consent(&named, &[3]), ["P1/P2", "P4"]);
}

#[tokio::test]
async fn initials_are_given_by_the_delegate_who_gave_them_and_bind_each_side() {
    let s = setup(ClosingRule::All).await;
    let art = s.store.add_clause(s.n, &clause("4.1", "Notice"), &s.who).await.unwrap();
    let joint =
        s.store.propose(art.id, &both(Track::Joint, "90 күн бұрын хабарлау.", "Уведомление за 90 дней."), &s.who).await;
    let joint = joint.unwrap().id;
    // the workers' coordinator (of the TU) initials for the KTU's track too; the EMP's is named
    assert_eq!(s.store.initial(art.id, s.orgs[1], joint, None, &s.who).await.unwrap(), ClauseStatus::Open);
    let gulnara = s.store.find_delegate(s.n, "Gulnara Abenova").await.unwrap();
    s.store.initial_by(art.id, (s.orgs[2], Some(gulnara.id)), joint, None, &s.who).await.unwrap();
    // a delegate of another side cannot initial for this one
    let bolat = s.store.find_delegate(s.n, "Bolat Ospanov").await.unwrap();
    let wrong = s.store.initial_by(art.id, (s.orgs[4], Some(bolat.id)), joint, None, &s.who).await.unwrap_err();
    assert!(wrong.to_string().contains("not a serving delegate"), "{wrong}");
    let status = s.store.initial(art.id, s.orgs[4], joint, None, &s.who).await.unwrap();
    assert_eq!(status, ClauseStatus::TentativelyAgreed, "one organisation per side is every side");
    let by: Vec<String> = s.store.initials(art.id).await.unwrap().into_iter().map(|i| i.initialed_by).collect();
    assert_eq!(by, ["Aigerim Seitkali", "Gulnara Abenova", "Timur Bekov"]);
    // reopening needs every side: the workers through the KTU, the employers through the AIE
    let mut reopen = StatusChange::to(ClauseStatus::Open, "new facts");
    reopen.consenting = vec![s.orgs[1], s.orgs[3]];
    let err = s.store.change_status(art.id, &reopen, &s.who).await.unwrap_err();
    assert!(err.to_string().contains("missing: GOV"), "{err}");
    reopen.consenting.push(s.orgs[4]);
    s.store.change_status(art.id, &reopen, &s.who).await.unwrap();
}

#[tokio::test]
async fn the_agreed_terms_are_signed_with_a_protocol_of_disagreements() {
    let s = setup(ClosingRule::Protocol).await;
    let mut ids = Vec::new();
    for (r, t) in [("4.1", "Notice"), ("4.2", "Retraining before dismissal"), ("4.3", "Consent of the collective")] {
        ids.push(s.store.add_clause(s.n, &clause(r, t), &s.who).await.unwrap().id);
    }
    let table = |id: i64, track: Track, text: &str| {
        let store = s.store.clone();
        let who = s.who.clone();
        let text = text.to_string();
        async move { store.propose(id, &both(track, &text, &format!("{text} (ru)")), &who).await.unwrap().id }
    };
    let joint = table(ids[0], Track::Joint, "Notice of 90 days.").await;
    for o in [0, 2, 4] {
        s.store.initial(ids[0], s.orgs[o], joint, None, &s.who).await.unwrap();
    }
    table(ids[1], Track::Party(s.orgs[0]), "Twelve months of paid retraining.").await;
    table(ids[1], Track::Party(s.orgs[2]), "Six months of retraining.").await;
    table(ids[2], Track::Party(s.orgs[0]), "No robot-facing job without the collective's consent.").await;
    s.store.set_negotiation_status(s.n, NegotiationStatus::InSession, "opened", &s.who).await.unwrap();
    let early = s.store.set_negotiation_status(s.n, NegotiationStatus::TentativeSettlement, "?", &s.who).await;
    assert!(early.unwrap_err().to_string().contains("entered in the protocol of disagreements"));
    // a point goes into the protocol with what comes next; the wording of each side as it stood
    let mut change = StatusChange::to(ClauseStatus::InProtocol, "the employers will not go beyond six months");
    let missing = s.store.change_status(ids[1], &change, &s.who).await.unwrap_err();
    assert!(missing.to_string().contains("further talks, conciliation or the next round"));
    change.further = Some(Further::Conciliation);
    s.store.change_status(ids[1], &change, &s.who).await.unwrap();
    change.further = Some(Further::NextRound);
    change.reason = "left to the next General Agreement".into();
    s.store.change_status(ids[2], &change, &s.who).await.unwrap();
    let entries = s.store.protocol_entries(s.n).await.unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].wordings.len(), 2, "the TU's and the EMP's texts");
    s.store.set_negotiation_status(s.n, NegotiationStatus::TentativeSettlement, "agreed terms", &s.who).await.unwrap();
    // the final agreement: the agreed terms, the protocol with its further procedure, a block per side
    let f = final_agreement(&s.store, s.n).await.unwrap();
    assert_eq!(f.articles.len(), 1);
    assert_eq!(f.disagreements.len(), 2);
    assert_eq!(f.disagreements[0].further, Some(Further::Conciliation));
    let sides: Vec<Option<Side>> = f.signatures.iter().map(|b| b.side).collect();
    assert_eq!(sides, [Some(Side::Workers), Some(Side::Employers), Some(Side::Government)]);
    assert_eq!(f.signatures[0].organisations.len(), 2, "the workers' coalition signs as one side");
    assert_eq!(f.signatures[0].signatory.as_deref(), Some("Aigerim Seitkali"));
    let md = f.to_markdown();
    assert!(md.contains("signed with a protocol of disagreements"), "{md}");
    assert!(md.contains("## 1. 4.2 — Retraining before dismissal"), "{md}");
    assert!(md.contains("Further procedure: a conciliation commission, decided on 24 November 2026"), "{md}");
    assert!(md.contains("Twelve months of paid retraining.") && md.contains("Six months of retraining."));
    assert!(md.contains("| For the workers | Federation of Trade Unions (TU); Confederation"), "{md}");
    let html = f.to_html();
    assert!(html.contains(">Signatures</h2>") && html.contains("the next round of negotiations"));
    common::assert_inert(&html, "final agreement");
    // approval steps, then the commitments of the signed agreement
    for (step, side) in [(ApprovalStep::Discussion, None), (ApprovalStep::Side, Some(Side::Employers))] {
        let a = NewApproval {
            step,
            side,
            body: "general meeting".into(),
            decided_on: "2026-11-24".into(),
            vote: None,
            approved: true,
        };
        s.store.record_approval(s.n, &a, &s.who).await.unwrap();
    }
    s.store.set_negotiation_status(s.n, NegotiationStatus::Ratified, "approved", &s.who).await.unwrap();
    let c = NewCommitment {
        text: "Retraining fund set up".into(),
        responsible: "Government".into(),
        due_on: "2027-06-30".into(),
        clause_id: Some(ids[0]),
    };
    let c = s.store.add_commitment(s.n, &c, &s.who).await.unwrap();
    assert!(s.store.commitment_done(c.id, "30.06.2027", &s.who).await.is_err());
    assert_eq!(
        s.store.commitment_done(c.id, "2027-06-01", &s.who).await.unwrap().done_on.as_deref(),
        Some("2027-06-01")
    );
    assert!(
        s.store.commitment_done(c.id, "2027-06-02", &s.who).await.unwrap_err().to_string().contains("already done")
    );
    assert_eq!(s.store.commitments(s.n).await.unwrap().len(), 1);
    assert!(s.store.verify_journal(s.n).await.unwrap().is_none());
}

#[tokio::test]
async fn where_everything_must_be_agreed_there_is_no_protocol() {
    let s = setup(ClosingRule::All).await;
    let id = s.store.add_clause(s.n, &clause("4.1", "Notice"), &s.who).await.unwrap().id;
    s.store.set_status(id, ClauseStatus::Open, "opened", &s.who).await.unwrap();
    let mut change = StatusChange::to(ClauseStatus::InProtocol, "no agreement");
    change.further = Some(Further::Talks);
    let err = s.store.change_status(id, &change, &s.who).await.unwrap_err();
    assert!(err.to_string().contains("has no protocol of disagreements"), "{err}");
    assert_eq!(s.store.clause(id).await.unwrap().status, ClauseStatus::Open);
    // and the settlement rule: a point in the protocol settles only under that rule
    let clauses = [("4.1".to_string(), ClauseStatus::InProtocol), ("4.2".to_string(), ClauseStatus::Withdrawn)];
    assert_eq!(unsettled(ClosingRule::All, &clauses), ["4.1"]);
    assert!(unsettled(ClosingRule::Protocol, &clauses).is_empty());
}

/// A workbench written by the Trilogue before this change (migrations 0001–0002: the demo, a clause
/// settlement, a ratification vote) opens with nothing lost: its parties are organisations of their
/// sides, its vote an approval step, its note taker a secretary, its journal verifies.
#[tokio::test]
async fn a_workbench_of_the_previous_trilogue_opens_with_nothing_lost() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/workbench-0002.sqlite3.gz");
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(fixture).unwrap()).read_to_end(&mut bytes).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let store = Store::open(&path).await.unwrap();
    let backups = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with("old.sqlite3.bak-"));
    assert_eq!(backups.count(), 1, "copied beside itself before migrating");
    let n = store.negotiations().await.unwrap().remove(0).negotiation;
    assert_eq!(
        (n.level, n.closing_rule, n.status),
        (Level::General, ClosingRule::All, NegotiationStatus::TentativeSettlement)
    );
    assert_eq!(n.languages, ["en"]);
    let parties = store.parties(n.id).await.unwrap();
    let sides: Vec<Option<Side>> = parties.iter().map(|p| p.side).collect();
    assert_eq!(sides, [Some(Side::Workers), Some(Side::Employers), Some(Side::Government)]);
    let delegates = store.delegates(n.id).await.unwrap();
    assert_eq!(delegates.len(), 7);
    assert!(delegates.iter().any(|d| d.name == "Elena Kuznetsova" && d.role == Role::Secretary));
    let approvals = store.approvals(n.id).await.unwrap();
    assert_eq!(approvals.len(), 1);
    let a = &approvals[0];
    assert_eq!(
        (a.step, a.body.as_str(), a.decided_on.as_str(), a.approved),
        (ApprovalStep::Side, "FTU Congress", "2026-11-20", true)
    );
    assert_eq!(a.vote.map(|v| (v.votes_for, v.votes_against, v.abstaining)), Some((212, 31, 9)));
    let clauses = store.list_clauses(n.id).await.unwrap();
    assert_eq!(clauses.len(), 14);
    assert!(clauses.iter().all(|c| c.clause.section.is_empty()));
    assert!(store.verify_journal(n.id).await.unwrap().is_none(), "the journal still verifies");
    assert!(!store.search("retraining", Some(n.id), 50).await.unwrap().is_empty(), "the search index kept");
    // the old vote still counts: the settlement goes on to ratification
    store
        .set_negotiation_status(n.id, NegotiationStatus::Ratified, "as voted", &Who::at("s", common::now()))
        .await
        .unwrap();
    let f = final_agreement(&store, n.id).await.unwrap();
    assert_eq!(f.articles.len(), 5);
    store.close().await;
    // and it opens again without migrating twice
    Store::open(&path).await.unwrap();
    let again = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with("old.sqlite3.bak-"));
    assert_eq!(again.count(), 1);
}

/// A set tabled in both authentic languages: Kazakh first, as the negotiation names them.
fn both(track: Track, kk: &str, ru: &str) -> NewVersion {
    NewVersion {
        translations: vec![LangText { lang: Lang::Ru, text: ru.into() }],
        ..NewVersion::tabled(track, kk, None)
    }
}

/// A clause agreed in Russian and not yet in Kazakh is not agreed: initials bind the whole set, a change
/// to one language waits for the other, and the texts are checked against each other.
#[tokio::test]
async fn two_authentic_texts_are_initialed_together() {
    let s = setup(ClosingRule::All).await;
    let art = s.store.add_clause(s.n, &clause("4.2", "Retraining"), &s.who).await.unwrap();
    // the Russian text alone: not a set to initial
    let ru_only =
        s.store.with_language(art.id, Track::Joint, Lang::Ru, "Переобучение не менее 6 месяцев.".into()).await.unwrap();
    let ru_only = s.store.propose(art.id, &NewVersion { tabled: true, ..ru_only }, &s.who).await.unwrap();
    let refused = s.store.initial(art.id, s.orgs[0], ru_only.id, None, &s.who).await.unwrap_err();
    assert_eq!(refused.message(), Some(&Msg::LanguageMissing { lang: "kk".into() }));
    assert_eq!(
        refused.words(&Words::new(Lang::Ru)),
        "нет текста на казахском языке: пункт визируется сразу на всех аутентичных языках"
    );
    // the Kazakh text added to the set: Russian carried over, and now both are there
    let kk = s.store.with_language(art.id, Track::Joint, Lang::Kk, "Кемінде 6 ай қайта даярлау.".into()).await.unwrap();
    assert_eq!(kk.translations, [LangText { lang: Lang::Ru, text: "Переобучение не менее 6 месяцев.".into() }]);
    let set = s.store.propose(art.id, &NewVersion { tabled: true, ..kk }, &s.who).await.unwrap();
    assert_eq!(set.needs_revision, [], "the missing language was what the set waited for");
    let texts = s.store.version_texts(set.id).await.unwrap();
    assert_eq!(set.hash, set_hash(&texts));
    assert_ne!(set.hash, trilogue_core::text::text_hash(&set.text), "the hash binds both languages");
    for o in [0, 2] {
        assert_eq!(s.store.initial(art.id, s.orgs[o], set.id, None, &s.who).await.unwrap(), ClauseStatus::Open);
    }
    // the Russian text changed after two sides initialed: the Kazakh one waits, and nothing is initialed
    let changed =
        s.store.with_language(art.id, Track::Joint, Lang::Ru, "Переобучение не менее 9 месяцев.".into()).await.unwrap();
    let changed = s.store.propose(art.id, &NewVersion { tabled: true, ..changed }, &s.who).await.unwrap();
    assert_eq!(changed.needs_revision, [Lang::Kk]);
    let waits = s.store.initial(art.id, s.orgs[4], changed.id, None, &s.who).await.unwrap_err();
    assert!(waits.to_string().contains("waits to be brought in line"), "{waits}");
    let clause = s.store.clause(art.id).await.unwrap();
    let view = trilogue_core::views::ClauseDetail::load(&s.store, clause.clone()).await.unwrap();
    let shown = view.language_sets.iter().find(|l| l.version_id == changed.id).unwrap();
    assert!(
        shown.disagreements.iter().any(|d| matches!(d, Disagreement::Number { number, .. } if number == "9")),
        "the check sees 9 months in Russian and 6 in Kazakh: {:?}",
        shown.disagreements
    );
    // the Kazakh text brought in line: the set agrees, and every side initials it
    let fixed =
        s.store.with_language(art.id, Track::Joint, Lang::Kk, "Кемінде 9 ай қайта даярлау.".into()).await.unwrap();
    let fixed = s.store.propose(art.id, &NewVersion { tabled: true, ..fixed }, &s.who).await.unwrap();
    assert_eq!(fixed.needs_revision, []);
    assert_eq!(
        s.store.language_sets(&clause, std::slice::from_ref(&fixed), &[Lang::Kk, Lang::Ru]).await.unwrap()[0]
            .disagreements,
        []
    );
    for o in [0, 2, 4] {
        s.store.initial(art.id, s.orgs[o], fixed.id, None, &s.who).await.unwrap();
    }
    assert_eq!(s.store.clause(art.id).await.unwrap().status, ClauseStatus::TentativelyAgreed);
    assert_eq!(s.store.verify_texts(s.n).await.unwrap(), Vec::<i64>::new());
    // the final agreement prints the two authentic texts side by side
    let f = trilogue_core::report::final_agreement(&s.store, s.n).await.unwrap();
    let article = f.articles.iter().find(|a| a.reference == "4.2").unwrap();
    assert_eq!(article.texts.iter().map(|t| t.lang).collect::<Vec<_>>(), [Lang::Kk, Lang::Ru]);
    let md = String::from_utf8(
        trilogue_core::document::render(&f.to_model(&Words::new(Lang::Ru)), trilogue_core::document::Format::Markdown)
            .unwrap(),
    )
    .unwrap();
    assert!(md.contains("| На казахском языке | На русском языке |"), "{md}");
    assert!(md.contains("| Кемінде 9 ай қайта даярлау. | Переобучение не менее 9 месяцев. |"), "{md}");
    // a language the negotiation does not have is refused
    let english = NewVersion {
        translations: vec![LangText { lang: Lang::En, text: "x".into() }],
        ..NewVersion::tabled(Track::Joint, "y", None)
    };
    let refused = s.store.propose(art.id, &english, &s.who).await.unwrap_err();
    assert!(
        refused.to_string().contains("en is not an authentic language of this negotiation (its languages: kk, ru)"),
        "{refused}"
    );
}
