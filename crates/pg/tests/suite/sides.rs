//! Each side sees only what it may: another side's private notes, drafts and their journal entries
//! are hidden by the database itself — through Trilogue, through a direct SQL connection with the
//! member's own role, and through psql.

use crate::common;

use common::{Record, now};
use sqlx::{Connection, PgConnection};
use trilogue_core::authentic::LangText;
use trilogue_core::model::{Priority, Side, Track};
use trilogue_core::store::{NewClause, NewVersion};
use trilogue_core::words::Lang;

fn clause(reference: &str) -> NewClause {
    NewClause { reference: reference.into(), title: "Retraining before dismissal".into(), ..NewClause::default() }
}

fn draft(track: Track, ru: &str, kk: &str) -> NewVersion {
    let mut v = NewVersion::draft(track, ru);
    v.translations = vec![LangText { lang: Lang::Kk, text: kk.into() }];
    v
}

#[tokio::test]
async fn another_side_never_sees_our_notes_or_drafts() {
    let record = Record::new("sides").await;
    let (n, tu, _emp) = record.negotiation().await;
    let (aigerim, aigerim_role) = record.member("aigerim", "Federation of unions", Side::Workers).await;
    let (bolat, _) = record.member("bolat", "Sectoral union", Side::Workers).await;
    let (dana, dana_role) = record.member("dana", "Employers' association", Side::Employers).await;

    let c = aigerim.add_clause(n, &clause("Пункт 1"), &aigerim.who("", now())).await.unwrap();
    let secret = "Пересмотр через девять месяцев — наша красная линия";
    let v = aigerim
        .propose(
            c.id,
            &draft(Track::Party(tu), "Переобучение до увольнения", "Жұмыстан шығаруға дейін қайта оқыту"),
            &aigerim.who("", now()),
        )
        .await
        .unwrap();
    aigerim.add_note(c.id, Priority::MustHave, secret, "", &aigerim.who("", now())).await.unwrap();

    // the same side: the draft, the note and the draft's journal entry
    assert_eq!(bolat.versions(c.id).await.unwrap().len(), 1, "a colleague of the same side reads the draft");
    assert_eq!(bolat.notes(c.id).await.unwrap()[0].red_line, secret);
    assert!(bolat.events(n).await.unwrap().iter().any(|e| e.kind == "draft_saved"));

    // the other side: nothing of it, through Trilogue
    let view = dana.clause_view(c.id).await.unwrap();
    assert!(view.versions.is_empty(), "the employers read no union draft: {:?}", view.versions);
    assert!(view.notes.is_empty(), "the employers read no union note");
    assert!(!dana.events(n).await.unwrap().iter().any(|e| e.kind == "draft_saved"));
    assert!(dana.list_clauses(n).await.unwrap()[0].heads.is_empty());
    assert!(dana.version(v.id).await.is_err(), "not even by its id");
    assert!(dana.table(v.id, None, &dana.who("", now())).await.is_err(), "nor table it");

    // nor with a direct connection as their own role
    let mut sql = PgConnection::connect(&record.url_as(&dana_role)).await.unwrap();
    for (what, query) in [
        ("private notes", "SELECT count(*) FROM private_notes"),
        ("drafts", "SELECT count(*) FROM versions"),
        ("a draft's texts", "SELECT count(*) FROM version_texts"),
        ("a draft's journal entry", "SELECT count(*) FROM events WHERE kind = 'draft_saved'"),
        ("anything with the red line", "SELECT count(*) FROM private_notes WHERE red_line LIKE '%красная%'"),
    ] {
        let count: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(query)).fetch_one(&mut sql).await.unwrap();
        assert_eq!(count, 0, "{what} are readable by the other side's role");
    }
    // nor write around it: a note under another's name, a journal entry, a change to a version
    let forged = sqlx::query(
        "INSERT INTO private_notes (clause_id, priority, author, created_at) VALUES ($1, 'important', $2, 'x')",
    )
    .bind(c.id)
    .bind(&aigerim_role)
    .execute(&mut sql)
    .await;
    assert!(forged.is_err(), "a member wrote a note under another member's name");
    let unveiled =
        sqlx::query("UPDATE versions SET tabled_at = 'now' WHERE id = $1").bind(v.id).execute(&mut sql).await.unwrap();
    assert_eq!(unveiled.rows_affected(), 0, "the other side tabled a draft it cannot see");
    assert!(sqlx::query("DELETE FROM events").execute(&mut sql).await.is_err(), "the journal is append-only");
    assert!(sqlx::query("ALTER TABLE private_notes DISABLE ROW LEVEL SECURITY").execute(&mut sql).await.is_err());

    // and through psql, a tool we did not write, logged in as the employers' member
    let (host, port) = common::server_env();
    let psql = std::process::Command::new("psql")
        .args(["-At", "-h", if host.starts_with('/') { "localhost" } else { &host }, "-p", &port, "-d", &record.db])
        .args(["-U", &dana_role, "-c", "SELECT count(*) FROM private_notes; SELECT count(*) FROM versions;"])
        .env("PGPASSWORD", format!("pw-{dana_role}"))
        .output()
        .expect("psql runs");
    assert!(psql.status.success(), "psql: {}", String::from_utf8_lossy(&psql.stderr));
    assert_eq!(String::from_utf8_lossy(&psql.stdout), "0\n0\n");

    // once tabled, every side has the text; the note stays the union's
    let tabled = aigerim.table(v.id, None, &aigerim.who("", now())).await.unwrap();
    let seen = dana.versions(c.id).await.unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!((seen[0].id, &seen[0].hash), (tabled.id, &tabled.hash));
    assert!(dana.notes(c.id).await.unwrap().is_empty());
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM version_texts").fetch_one(&mut sql).await.unwrap();
    assert_eq!(count, 1, "the Kazakh text comes with the tabled set");

    // what each member did is recorded under their own role
    let events = dana.events(n).await.unwrap();
    let tabling = events.iter().find(|e| e.kind == "version_tabled").unwrap();
    assert_eq!(tabling.actor, aigerim_role);
    assert_eq!(dana.clause(c.id).await.unwrap().status.as_str(), "open", "tabling opened the clause");

    // each side verifies the whole chain, the entries it cannot read included
    assert_eq!(dana.verify_journal(n).await.unwrap().map(|b| b.event_id), None);
    assert_eq!(bolat.verify_journal(n).await.unwrap().map(|b| b.event_id), None);
    assert_eq!(record.owner.verify_journal(n).await.unwrap().map(|b| b.event_id), None);
}

#[tokio::test]
async fn a_member_writes_only_as_themself() {
    let record = Record::new("identity").await;
    let (n, tu, _) = record.negotiation().await;
    let (aigerim, _) = record.member("aigerim", "Federation of unions", Side::Workers).await;
    let c = aigerim.add_clause(n, &clause("Пункт 2"), &aigerim.who("", now())).await.unwrap();
    // a name given by the front end is not who the database records
    let forged = aigerim
        .propose(c.id, &draft(Track::Party(tu), "Текст", "Мәтін"), &trilogue_core::Who::at("the minister", now()))
        .await;
    let refused = forged.unwrap_err();
    assert_eq!(
        refused.message().map(|m| m.code()),
        Some("not-your-name"),
        "a member wrote under another name: {refused}"
    );
    assert!(aigerim.versions(c.id).await.unwrap().is_empty(), "nothing of the refused change stayed");
    // someone who is not a member is refused at the door
    let mut admin = PgConnection::connect("postgres:///postgres").await.unwrap();
    let stranger = record.role("stranger");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "DROP ROLE IF EXISTS {stranger}; CREATE ROLE {stranger} LOGIN PASSWORD 'pw-{stranger}'"
    )))
    .execute(&mut admin)
    .await
    .unwrap();
    let refused = trilogue_pg::Server::connect(&record.url_as(&stranger)).await.unwrap_err();
    assert_eq!(refused.message().map(|m| m.code()), Some("not-a-member"), "{refused}");
    // a role name that could be SQL is refused before it reaches the server
    let bad = trilogue_pg::NewMember {
        role: "x; DROP TABLE events".into(),
        password: "p".into(),
        name: "X".into(),
        organisation: "Y".into(),
        side: Side::Workers,
    };
    assert_eq!(
        record.owner.add_member(&bad, now()).await.unwrap_err().message().map(|m| m.code()),
        Some("not-a-role-name")
    );
}

#[tokio::test]
async fn a_member_can_insist_on_an_encrypted_connection() {
    let record = Record::new("tls").await;
    let (_, role) = record.member("aigerim", "Federation of unions", Side::Workers).await;
    // the throwaway server, as Debian sets one up, speaks TLS (with its snakeoil certificate)
    let url = format!("{}?sslmode=require", record.url_as(&role));
    let server = trilogue_pg::Server::connect(&url).await.unwrap();
    let encrypted: bool = sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(server.pool())
        .await
        .unwrap();
    assert!(encrypted, "sslmode=require gave a connection in the clear");
    assert_eq!(server.me().map(|m| m.role.as_str()), Some(role.as_str()));
}

#[tokio::test]
async fn a_member_of_one_record_cannot_open_another_on_the_same_server() {
    let first = Record::new("first").await;
    let second = Record::new("second").await;
    let (_, role) = first.member("aigerim", "Federation of unions", Side::Workers).await;
    second.negotiation().await;
    // the same login, aimed at the other record's database on the same server
    let url = first.url_as(&role).replace(&first.db, &second.db);
    let refused = trilogue_pg::Server::connect(&url).await.unwrap_err();
    assert_eq!(refused.message().map(|m| m.code()), Some("not-a-member"), "{refused}");
    assert!(PgConnection::connect(&url).await.is_err(), "a direct connection is refused as well");
}
