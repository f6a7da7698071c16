//! Live: a change by one user reaches the others' open views as it happens — and another side's draft
//! does not.

use crate::common;

use std::time::Duration;

use common::{Record, now};
use trilogue_core::authentic::LangText;
use trilogue_core::model::{Side, Track};
use trilogue_core::store::{NewClause, NewVersion};
use trilogue_core::words::Lang;

#[tokio::test]
async fn the_other_side_hears_a_tabled_text_and_not_a_draft() {
    let record = Record::new("live").await;
    let (n, tu, _) = record.negotiation().await;
    let (union, _) = record.member("union", "Federation of unions", Side::Workers).await;
    let (employers, _) = record.member("employers", "Employers' association", Side::Employers).await;
    let mut listening = employers.listen().await.unwrap();
    let who = union.who("", now());
    let c = union
        .add_clause(n, &NewClause { reference: "1".into(), title: "T".into(), ..Default::default() }, &who)
        .await
        .unwrap();
    let heard = tokio::time::timeout(Duration::from_secs(10), listening.next()).await.expect("heard in time").unwrap();
    assert_eq!(heard.negotiation_id, n);
    let mut v = NewVersion::draft(Track::Party(tu), "Черновик");
    v.translations = vec![LangText { lang: Lang::Kk, text: "Жоба".into() }];
    let draft = union.propose(c.id, &v, &who).await.unwrap();
    union.table(draft.id, None, &who).await.unwrap();
    // the draft's entry is passed over: the next the employers hear is the tabling
    let heard = tokio::time::timeout(Duration::from_secs(10), listening.next()).await.expect("heard in time").unwrap();
    let entry = employers
        .events(n)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.id == heard.event_id)
        .expect("an entry they may read");
    assert_eq!(entry.kind, "version_tabled");
}
