//! The authors of tracked changes in the Word documents a negotiation took in, each recorded once as
//! one of its organisations.

use std::collections::HashMap;

use super::Store;
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
