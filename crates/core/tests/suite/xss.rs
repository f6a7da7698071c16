//! Every HTML the core produces is inert, whatever the clause texts, titles and names hold.

use crate::common;

use common::{XSS, assert_inert, store};
use trilogue_core::compare::{Reference, compare};
use trilogue_core::model::{ClauseStatus, Level, Referral, SessionKind, Side, Track};
use trilogue_core::store::{NewClause, NewNegotiation, NewParty, NewSession, NewVersion, StatusChange};
use trilogue_core::words::{Lang, Words};
use trilogue_core::{Who, agreement, diff, export, markdown, packet, report};

#[test]
fn markdown_rendering_is_inert() {
    for v in XSS {
        assert_inert(&markdown::render(v), &format!("render({v})"));
        assert_inert(&markdown::render(&format!("Text with {v} inside.\n\n- {v}\n\n> {v}")), v);
    }
}

#[test]
fn diff_html_is_inert() {
    for v in XSS {
        let d = diff::diff_words("The employer shall consult.", &format!("The employer {v} shall consult."));
        assert_inert(&d.to_html(), v);
        assert!(d.to_html().contains("&lt;") || !v.contains('<'), "the vector is shown as text: {}", d.to_html());
    }
}

#[tokio::test]
async fn comparison_and_exports_are_inert() {
    let (store, _dir) = store().await;
    let who = Who::at("tester", common::now());
    let hostile = XSS.join(" ");
    let parties: Vec<NewParty> = ["W", "E", "G"]
        .iter()
        .zip([Side::Workers, Side::Employers, Side::Government])
        .map(|(l, side)| NewParty {
            name: format!("{l} {hostile}"),
            side: Some(side),
            label: l.to_string(),
            colour: "#1f618d".into(),
        })
        .collect();
    let new = NewNegotiation {
        title: hostile.clone(),
        level: Level::General,
        tripartite: true,
        starts_on: None,
        ends_on: None,
        closing_rule: trilogue_core::model::ClosingRule::All,
        languages: Vec::new(),
    };
    let (n, parties) = store.create_negotiation(&new, &parties, &who).await.unwrap();
    // a colour that is no colour is refused as entered, but a workbench from elsewhere may hold one:
    // every view must still render it inert
    let hostile_colour = "red;background:url(javascript:alert(1))";
    let refused =
        store.add_party(n.id, &NewParty { colour: hostile_colour.into(), ..parties_in(&parties[0]) }, &who).await;
    assert!(refused.unwrap_err().to_string().contains("not a colour"));
    sqlx::query("UPDATE parties SET colour = ?").bind(hostile_colour).execute(store.pool()).await.unwrap();
    let parties = store.parties(n.id).await.unwrap();
    for (i, v) in XSS.iter().enumerate() {
        let clause = NewClause {
            reference: format!("Art. {i} {v}"),
            title: v.to_string(),
            status_quo: Some(v.to_string()),
            topics: vec![],
            section: v.to_string(),
        };
        let c = store.add_clause(n.id, &clause, &who).await.unwrap();
        for (track, text) in
            [(Track::Party(parties[0].id), format!("Workers: {v}")), (Track::Joint, format!("Joint: {v}"))]
        {
            let new = NewVersion {
                track,
                text,
                rationale: String::new(),
                tabled: true,
                session_id: None,
                received: None,
                sent_by: None,
                letter_ref: String::new(),
                translations: vec![],
            };
            store.propose(c.id, &new, &who).await.unwrap();
        }
        for reference in [Reference::Joint, Reference::Base, Reference::Party(parties[0].id)] {
            assert_inert(&compare(&store, c.id, reference, common::now()).await.unwrap().to_html(), v);
        }
    }
    let html = export::agreement_html(&store, n.id).await.unwrap();
    assert_inert(&html, "agreement html");
    for reference in [Reference::Joint, Reference::Base, Reference::Party(parties[0].id)] {
        let four = agreement::document(&store, n.id, reference, None).await.unwrap().to_html();
        assert_inert(&four, "four-column document");
        assert!(four.contains("&lt;svg onload=alert(1)&gt;"), "titles are shown escaped");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "titles are shown escaped");
    let md = export::agreement_markdown(&store, n.id).await.unwrap();
    assert!(!md.to_lowercase().contains("<script"), "no raw tag in the Markdown export");
    assert_inert(&markdown::render(&md), "the Markdown export, rendered");
    // the reports carry titles, names, reasons, places and texts from every party
    let session = NewSession {
        starts_at: "2020-01-01T09:00:00.000Z".into(),
        place: hostile.clone(),
        kind: SessionKind::Plenary,
        minutes: hostile.clone(),
        attendees: vec![],
        agenda: vec![],
    };
    store.add_session(n.id, &session, &who).await.unwrap();
    let clauses = store.list_clauses(n.id).await.unwrap();
    let first = &clauses[0].clause;
    let joint = store.latest_tabled(first.id, Track::Joint).await.unwrap().unwrap();
    for p in &parties {
        store.initial(first.id, p.id, joint.id, None, &who).await.unwrap();
    }
    let mut impasse = StatusChange::to(ClauseStatus::Impasse, hostile.clone());
    impasse.referred_to = Some(Referral::WorkingGroup);
    store.change_status(clauses[1].clause.id, &impasse, &who).await.unwrap();
    let report = report::status_report(&store, n.id, 100, common::now(), &Words::new(Lang::En)).await.unwrap();
    let settlement = report::final_agreement(&store, n.id).await.unwrap();
    let packet = packet::packet(&store, n.id, None, common::now()).await.unwrap();
    assert!(!settlement.disagreements.is_empty() && !settlement.articles.is_empty() && !packet.clauses.is_empty());
    for (what, html, md) in [
        ("status report", report.to_html(), report.to_markdown()),
        ("final agreement", settlement.to_html(), settlement.to_markdown()),
        ("packet", packet.to_html(), packet.to_markdown()),
    ] {
        assert_inert(&html, what);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{what}: titles are shown escaped");
        assert!(!md.to_lowercase().contains("<script"), "{what}: no raw tag in the Markdown");
        assert_inert(&markdown::render(&md), what);
    }
    let hits = store.search("alert", Some(n.id), 100).await.unwrap();
    assert!(!hits.is_empty());
    for h in hits {
        assert_inert(&h.snippet_html, "search snippet");
    }
}

/// A new organisation like `p`, under another label.
fn parties_in(p: &trilogue_core::model::Party) -> NewParty {
    NewParty { name: p.name.clone(), side: p.side, label: format!("{}2", p.label), colour: p.colour.clone() }
}
