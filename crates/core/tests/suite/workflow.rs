//! The record's rules: versions append, tabling happens once, statuses move only along legal
//! transitions, initials bind to a hash and a new joint text voids them, the journal shows tampering.

use crate::common;

use common::store;
use strum::VariantArray;
use trilogue_core::model::{ClauseStatus, Level, Referral, Side, Track};
use trilogue_core::store::{
    NewClause, NewNegotiation, NewParty, NewVersion, StatusChange, allowed_transitions, check_transition,
};
use trilogue_core::{Error, Store, Who};

struct Table {
    store: Store,
    _dir: tempfile::TempDir,
    negotiation: i64,
    parties: Vec<i64>,
    clause: i64,
    who: Who,
}

async fn table() -> Table {
    let (store, dir) = store().await;
    let who = Who::at("secretariat", common::now());
    let parties: Vec<NewParty> =
        [("TU", Side::Workers), ("EMP", Side::Employers), ("GOV", Side::Government), ("MED", Side::Mediator)]
            .iter()
            .map(|(l, s)| NewParty {
                name: l.to_string(),
                side: Some(*s),
                label: l.to_string(),
                colour: "#123456".into(),
            })
            .collect();
    let new = NewNegotiation {
        title: "Test".into(),
        level: Level::Sectoral,
        tripartite: true,
        starts_on: None,
        ends_on: None,
        // closing with a protocol of disagreements: every move, into the protocol too, is possible
        closing_rule: trilogue_core::model::ClosingRule::Protocol,
        languages: Vec::new(),
    };
    let (n, parties) = store.create_negotiation(&new, &parties, &who).await.unwrap();
    let clause = NewClause {
        reference: "Art. 7".into(),
        title: "Retraining".into(),
        status_quo: None,
        topics: vec!["retraining".into()],
        section: String::new(),
    };
    let clause = store.add_clause(n.id, &clause, &who).await.unwrap().id;
    Table { store, _dir: dir, negotiation: n.id, parties: parties.iter().map(|p| p.id).collect(), clause, who }
}

impl Table {
    async fn propose(&self, track: Track, text: &str, tabled: bool) -> i64 {
        let new = NewVersion {
            track,
            text: text.into(),
            rationale: String::new(),
            tabled,
            session_id: None,
            received: None,
            sent_by: None,
            letter_ref: String::new(),
            translations: vec![],
        };
        self.store.propose(self.clause, &new, &self.who).await.unwrap().id
    }

    /// A move to `to` with everything a move may need: a referral and every party's consent.
    fn complete(&self, to: ClauseStatus) -> StatusChange {
        StatusChange {
            to,
            reason: "because".into(),
            referred_to: Some(Referral::Mediator),
            consenting: self.parties.clone(),
            further: Some(trilogue_core::model::Further::Talks),
        }
    }

    async fn status(&self) -> ClauseStatus {
        self.store.clause(self.clause).await.unwrap().status
    }
}

#[test]
fn the_transition_table_is_exactly_what_it_says() {
    use ClauseStatus::*;
    let legal: &[(ClauseStatus, ClauseStatus)] = &[
        (NotOpened, Open),
        (NotOpened, Parked),
        (NotOpened, Withdrawn),
        (Open, AgreedInPrinciple),
        (Open, TentativelyAgreed),
        (Open, Parked),
        (Open, Impasse),
        (Open, InProtocol),
        (Open, Withdrawn),
        (AgreedInPrinciple, Open),
        (AgreedInPrinciple, TentativelyAgreed),
        (AgreedInPrinciple, Parked),
        (AgreedInPrinciple, Impasse),
        (AgreedInPrinciple, InProtocol),
        (AgreedInPrinciple, Withdrawn),
        (TentativelyAgreed, Open),
        (Parked, Open),
        (Parked, InProtocol),
        (Parked, Withdrawn),
        (Impasse, Open),
        (Impasse, AgreedInPrinciple),
        (Impasse, Parked),
        (Impasse, InProtocol),
        (Impasse, Withdrawn),
        (InProtocol, Open),
        (Withdrawn, Open),
    ];
    for from in ClauseStatus::VARIANTS {
        for to in ClauseStatus::VARIANTS {
            let expected = legal.contains(&(*from, *to));
            let result = check_transition(*from, *to);
            assert_eq!(result.is_ok(), expected, "{from} → {to}: {result:?}");
            assert_eq!(allowed_transitions(*from).contains(to), expected);
            if let Err(e) = result {
                assert_eq!(e.kind(), "illegal_transition");
                assert!(
                    e.to_string().contains(&trilogue_core::words::Words::english().name("status", from.as_str())),
                    "the reason names where the clause is: {e}"
                );
            }
        }
    }
}

#[tokio::test]
async fn every_status_move_is_checked_in_the_store_too() {
    use ClauseStatus::*;
    for from in ClauseStatus::VARIANTS {
        for to in ClauseStatus::VARIANTS {
            let t = table().await;
            let path_to_from: &[ClauseStatus] = match from {
                NotOpened | TentativelyAgreed => &[],
                Open => &[Open],
                AgreedInPrinciple => &[Open, AgreedInPrinciple],
                Parked => &[Parked],
                Impasse => &[Open, Impasse],
                InProtocol => &[Open, InProtocol],
                Withdrawn => &[Withdrawn],
            };
            for step in path_to_from {
                t.store.change_status(t.clause, &t.complete(*step), &t.who).await.unwrap();
            }
            if *from == TentativelyAgreed {
                let joint = t.propose(Track::Joint, "The agreed text.", true).await;
                for p in &t.parties[..3] {
                    t.store.initial(t.clause, *p, joint, None, &t.who).await.unwrap();
                }
            }
            assert_eq!(t.status().await, *from);
            // every move with all it may need: a referral, every party's consent; tentative agreement
            // still needs the initials, which only a clause that was agreed has
            let result = t.store.change_status(t.clause, &t.complete(*to), &t.who).await;
            let legal = check_transition(*from, *to).is_ok() && *to != TentativelyAgreed;
            assert_eq!(result.is_ok(), legal, "{from} → {to}: {result:?}");
            if let Err(e) = &result {
                assert_eq!(e.kind(), "illegal_transition", "{from} → {to}: {e}");
                if check_transition(*from, *to).is_ok() {
                    assert!(e.to_string().contains("every party has initialed the same text"), "{e}");
                }
            }
            let expected = if result.is_ok() { *to } else { *from };
            assert_eq!(t.status().await, expected, "a refused move changes nothing");
        }
    }
}

#[tokio::test]
async fn initials_given_while_parked_let_the_clause_be_agreed_once_it_is_back() {
    let t = table().await;
    let joint = t.propose(Track::Joint, "The text.", true).await;
    t.store.set_status(t.clause, ClauseStatus::Parked, "later", &t.who).await.unwrap();
    for p in &t.parties[..3] {
        assert_eq!(t.store.initial(t.clause, *p, joint, None, &t.who).await.unwrap(), ClauseStatus::Parked);
    }
    t.store.set_status(t.clause, ClauseStatus::Open, "back", &t.who).await.unwrap();
    t.store.set_status(t.clause, ClauseStatus::TentativelyAgreed, "initialed by all", &t.who).await.unwrap();
    assert_eq!(t.status().await, ClauseStatus::TentativelyAgreed);
}

#[tokio::test]
async fn a_status_change_needs_a_reason() {
    let t = table().await;
    let err = t.store.set_status(t.clause, ClauseStatus::Open, "  ", &t.who).await.unwrap_err();
    assert!(err.to_string().contains("reason"), "{err}");
}

#[tokio::test]
async fn versions_append_and_never_change() {
    let t = table().await;
    let v1 = t.propose(Track::Party(t.parties[0]), "Retraining for six months.", false).await;
    let v2 = t.propose(Track::Party(t.parties[0]), "Retraining for twelve months.", false).await;
    let versions = t.store.versions(t.clause).await.unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1].parent_id, Some(v1));
    assert_eq!(versions[0].text, "Retraining for six months.");
    // the same text again is not a new version
    let same = NewVersion {
        track: Track::Party(t.parties[0]),
        text: "Retraining for twelve months.\n".into(),
        rationale: String::new(),
        tabled: false,
        session_id: None,
        received: None,
        sent_by: None,
        letter_ref: String::new(),
        translations: vec![],
    };
    let err = t.store.propose(t.clause, &same, &t.who).await.unwrap_err();
    assert!(err.to_string().contains(&format!("same as version {v2}")), "{err}");
    // the database itself refuses edits and deletions
    let edit = sqlx::query("UPDATE versions SET text = 'changed' WHERE id = ?").bind(v1).execute(t.store.pool()).await;
    assert!(edit.unwrap_err().to_string().contains("immutable"));
    let delete = sqlx::query("DELETE FROM versions WHERE id = ?").bind(v1).execute(t.store.pool()).await;
    assert!(delete.unwrap_err().to_string().contains("never deleted"));
}

#[tokio::test]
async fn tabling_happens_once_and_opens_the_clause() {
    let t = table().await;
    assert_eq!(t.status().await, ClauseStatus::NotOpened);
    let v = t.propose(Track::Party(t.parties[0]), "Draft.", false).await;
    assert_eq!(t.status().await, ClauseStatus::NotOpened, "a draft does not open a clause");
    let tabled = t.store.table(v, None, &t.who).await.unwrap();
    assert!(tabled.is_tabled());
    assert_eq!(t.status().await, ClauseStatus::Open);
    let again = t.store.table(v, None, &t.who).await.unwrap_err();
    assert_eq!(again.kind(), "conflict");
}

#[tokio::test]
async fn a_clause_is_tentatively_agreed_only_when_every_party_initialed_the_same_text() {
    let t = table().await;
    let joint = t.propose(Track::Joint, "Nine months of paid retraining.", true).await;
    let draft = t.propose(Track::Party(t.parties[0]), "Twelve months.", false).await;
    // a draft cannot be initialed, the mediator does not initial, the status cannot be forced
    assert_eq!(t.store.initial(t.clause, t.parties[0], draft, None, &t.who).await.unwrap_err().kind(), "invalid");
    assert_eq!(t.store.initial(t.clause, t.parties[3], joint, None, &t.who).await.unwrap_err().kind(), "invalid");
    let forced = t.store.set_status(t.clause, ClauseStatus::TentativelyAgreed, "we agree", &t.who).await.unwrap_err();
    assert!(forced.to_string().contains("every party has initialed the same text"), "{forced}");

    assert_eq!(t.store.initial(t.clause, t.parties[0], joint, None, &t.who).await.unwrap(), ClauseStatus::Open);
    assert_eq!(t.store.initial(t.clause, t.parties[0], joint, None, &t.who).await.unwrap_err().kind(), "conflict");
    assert_eq!(t.store.initial(t.clause, t.parties[1], joint, None, &t.who).await.unwrap(), ClauseStatus::Open);
    assert_eq!(
        t.store.initial(t.clause, t.parties[2], joint, None, &t.who).await.unwrap(),
        ClauseStatus::TentativelyAgreed
    );

    // a new joint text voids every initial, visibly, and the agreement falls
    let joint2 = t.propose(Track::Joint, "Nine months of paid retraining, extendable to twelve.", true).await;
    assert_eq!(t.status().await, ClauseStatus::Open);
    let initials = t.store.initials(t.clause).await.unwrap();
    assert_eq!(initials.len(), 3);
    assert!(initials.iter().all(|i| i.voided_by_version == Some(joint2) && i.voided_at.is_some()));
    let events = t.store.events(t.negotiation).await.unwrap();
    let voided = events.iter().find(|e| e.kind == "initials_voided").unwrap();
    assert_eq!(
        (voided.reason.as_str(), &voided.detail["voided"]),
        ("", &serde_json::json!(3)),
        "a code, not a sentence"
    );
    // the reader words it, in the reader's language; an older journal's sentence is read the same way
    let words = |lang| trilogue_core::words::Words::new(lang);
    use trilogue_core::words::Lang;
    let ru = trilogue_core::report::reason(voided, &words(Lang::Ru));
    assert_eq!(ru, format!("новый согласованный текст (версия {joint2}) аннулирует 3 визы"));
    assert_eq!(
        trilogue_core::report::reason(voided, &words(Lang::En)),
        format!("a new joint text (version {joint2}) voids 3 initials")
    );
    let mut older = voided.clone();
    (older.reason, older.detail) =
        (format!("a new joint text (version {joint2}) voids 3 initial(s)"), serde_json::json!({}));
    assert_eq!(trilogue_core::report::reason(&older, &words(Lang::Ru)), ru);
    let agreed = events.iter().find(|e| e.detail["to"] == "tentatively_agreed").unwrap();
    assert_eq!(trilogue_core::report::reason(agreed, &words(Lang::Kk)), "барлық тараптар бір мәтінге бұрыштама қойды");
}

#[tokio::test]
async fn initials_on_different_texts_are_no_agreement() {
    let t = table().await;
    let a = t.propose(Track::Joint, "Text A.", true).await;
    t.store.initial(t.clause, t.parties[0], a, None, &t.who).await.unwrap();
    t.store.initial(t.clause, t.parties[1], a, None, &t.who).await.unwrap();
    let b = t.propose(Track::Party(t.parties[2]), "Text B.", true).await;
    assert_eq!(t.store.initial(t.clause, t.parties[2], b, None, &t.who).await.unwrap(), ClauseStatus::Open);
    // the government moves to text A: its initial on B is replaced, and now all three match
    assert_eq!(
        t.store.initial(t.clause, t.parties[2], a, None, &t.who).await.unwrap(),
        ClauseStatus::TentativelyAgreed
    );
}

#[tokio::test]
async fn an_oversized_text_is_refused_with_the_limit() {
    let t = table().await;
    let new = NewVersion {
        track: Track::Joint,
        text: "a".repeat(trilogue_core::text::MAX_TEXT_BYTES + 1),
        rationale: String::new(),
        tabled: true,
        session_id: None,
        received: None,
        sent_by: None,
        letter_ref: String::new(),
        translations: vec![],
    };
    let err = t.store.propose(t.clause, &new, &t.who).await.unwrap_err();
    assert!(matches!(err, Error::Invalid(_)) && err.to_string().contains("1 MiB"), "{err}");
    assert!(t.store.versions(t.clause).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_journal_shows_an_edit_behind_the_apps_back() {
    let t = table().await;
    t.propose(Track::Joint, "Text.", true).await;
    let mut impasse = t.complete(ClauseStatus::Impasse);
    impasse.reason = "no movement".into();
    t.store.change_status(t.clause, &impasse, &t.who).await.unwrap();
    assert!(t.store.verify_journal(t.negotiation).await.unwrap().is_none());
    let events = t.store.events(t.negotiation).await.unwrap();
    let target = events.iter().find(|e| e.kind == "status_changed" && e.reason == "no movement").unwrap();
    // the append-only trigger stops a plain UPDATE ...
    let edit =
        sqlx::query("UPDATE events SET reason = 'agreed' WHERE id = ?").bind(target.id).execute(t.store.pool()).await;
    assert!(edit.unwrap_err().to_string().contains("append-only"));
    // ... so a tamperer drops it first; the chain still names the event
    sqlx::query("DROP TRIGGER events_append_only_update").execute(t.store.pool()).await.unwrap();
    sqlx::query("UPDATE events SET reason = 'agreed' WHERE id = ?")
        .bind(target.id)
        .execute(t.store.pool())
        .await
        .unwrap();
    let broken = t.store.verify_journal(t.negotiation).await.unwrap().unwrap();
    assert_eq!(broken.event_id, target.id);
}

#[tokio::test]
async fn verify_names_a_text_edited_behind_the_apps_back() {
    let t = table().await;
    let v = t.propose(Track::Joint, "Nine months.", true).await;
    t.propose(Track::Party(t.parties[0]), "Twelve months.", true).await;
    assert!(t.store.verify_texts(t.negotiation).await.unwrap().is_empty());
    sqlx::query("DROP TRIGGER versions_immutable").execute(t.store.pool()).await.unwrap();
    sqlx::query("UPDATE versions SET text = 'Three months.' WHERE id = ?")
        .bind(v)
        .execute(t.store.pool())
        .await
        .unwrap();
    assert_eq!(t.store.verify_texts(t.negotiation).await.unwrap(), vec![v]);
}

#[tokio::test]
async fn search_finds_words_in_titles_and_texts_in_any_script() {
    let t = table().await;
    t.propose(Track::Party(t.parties[0]), "Жұмыс беруші қайта даярлауды қамтамасыз етеді.", true).await;
    t.propose(Track::Party(t.parties[1]), "Работодатель обеспечивает ПЕРЕОБУЧЕНИЕ работников.", false).await;
    let kk = t.store.search("даярлау", None, 10).await.unwrap();
    assert_eq!(kk.len(), 1);
    assert!(kk[0].snippet_html.contains("<mark>даярлауды</mark>"), "{}", kk[0].snippet_html);
    let ru = t.store.search("переобучение", Some(t.negotiation), 10).await.unwrap();
    assert_eq!(ru.len(), 1, "case folds in Cyrillic");
    assert_eq!(ru[0].tabled, Some(false), "a private draft is found and marked as such");
    let title = t.store.search("retrain", None, 10).await.unwrap();
    assert_eq!(title[0].version_id, None);
    assert_eq!(title[0].snippet, "[Retraining]");
    assert!(t.store.search("\"unbalanced (", None, 10).await.unwrap().is_empty(), "any input is a valid query");
}
