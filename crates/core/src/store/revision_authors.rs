//! The authors of tracked changes in the Word documents a negotiation took in, each recorded once as
//! one of its organisations.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use super::{Store, Who};
use crate::error::Result;

impl Store {
    /// Each author recorded in a negotiation, with the party their changes are taken as.
    pub async fn revision_authors(&self, negotiation_id: i64) -> Result<HashMap<String, i64>> {
        let rows = sqlx::query!(
            "SELECT author, party_id FROM revision_authors WHERE negotiation_id = ? ORDER BY author",
            negotiation_id
        )
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(|r| (r.author, r.party_id)).collect())
    }
}

/// Records `author` as `party_id`'s in the negotiation, or records them anew.
pub(crate) async fn record(
    conn: &mut SqliteConnection,
    negotiation_id: i64,
    author: &str,
    party_id: i64,
    who: &Who,
) -> Result<()> {
    let at = who.stamp();
    sqlx::query!(
        "INSERT INTO revision_authors (negotiation_id, author, party_id, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (negotiation_id, author) DO UPDATE
         SET party_id = excluded.party_id, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
        negotiation_id,
        author,
        party_id,
        who.name,
        at
    )
    .execute(conn)
    .await?;
    Ok(())
}
