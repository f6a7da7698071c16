//! Searching a shared record: the demo moved from a workbench file to a server gives its union member
//! the same hits, word forms and all, as the union's file; the employers' member finds the tabled texts
//! and never the union's drafts.

use crate::common;

use std::collections::BTreeSet;

use common::{Record, now};
use trilogue_core::model::Side;
use trilogue_core::store::SearchHit;
use trilogue_core::words::Lang;
use trilogue_core::{Store, demo};
use trilogue_pg::copy::file_to_server;

/// The hits as a set of (clause, version): the backends rank alike but not to the same digits.
fn found(hits: &[SearchHit]) -> BTreeSet<(i64, Option<i64>)> {
    hits.iter().map(|h| (h.clause_id, h.version_id)).collect()
}

#[tokio::test]
async fn a_member_finds_on_a_server_what_their_side_may_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("demo.sqlite3")).await.unwrap();
    let n = demo::load_demo(&store, now(), Lang::Ru).await.unwrap();
    let record = Record::new("search").await;
    file_to_server(&store, &record.owner).await.unwrap();
    let (union, _) = record.member("aigerim", "Федерация профсоюзов", Side::Workers).await;
    let (employers, _) = record.member("dana", "Ассоциация работодателей", Side::Employers).await;

    // word forms: the texts say "переобучение", "переобучения", "алгоритмов"…
    for query in ["переобучению", "алгоритмами", "робот", "уведомление работников"]
    {
        let on_file = store.search(query, Some(n.id), 1000).await.unwrap();
        let on_server = union.search(query, Some(n.id), 1000).await.unwrap();
        assert!(!on_file.is_empty(), "{query} is in the demo");
        assert_eq!(found(&on_server), found(&on_file), "{query}: the union finds what its file finds");
        let hit = &on_server[0];
        assert!(hit.snippet.contains('[') && hit.snippet_html.contains("<mark>"), "{hit:?}");
        assert!(on_server.windows(2).all(|w| w[0].rank <= w[1].rank), "best first");

        let theirs = employers.search(query, None, 1000).await.unwrap();
        assert!(found(&theirs).is_subset(&found(&on_server)));
        for hit in theirs.iter().filter(|h| h.version_id.is_some()) {
            assert_eq!(hit.tabled, Some(true), "{query}: the employers find no draft of the union: {hit:?}");
        }
    }
    let drafts = union.search("переобучение", None, 1000).await.unwrap();
    assert!(drafts.iter().any(|h| h.tabled == Some(false)), "the union finds its own drafts");
    // what a user types is never a query syntax error
    for odd in ["' & | ! :* (", "\\", "NEAR( -- \"", ""] {
        assert!(union.search(odd, None, 10).await.is_ok(), "{odd}");
    }
    assert!(union.search("!!!", None, 10).await.unwrap().is_empty());
}
