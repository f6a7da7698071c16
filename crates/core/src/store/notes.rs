//! Our side's private notes on a clause: priority, red line, reasoning. They never leave the workbench.

use super::rows::NoteRecord;
use super::{Store, Who};
use crate::error::Result;
use crate::model::{Priority, PrivateNote};

impl Store {
    /// Adds a note; the newest note on a clause is our current position on it.
    pub async fn add_note(
        &self,
        clause_id: i64,
        priority: Priority,
        red_line: &str,
        reasoning: &str,
        who: &Who,
    ) -> Result<PrivateNote> {
        // In a transaction of its own, not autocommit: SQLite commits an INSERT … RETURNING only once the
        // statement is finished, after its row was handed out, and an autocommit that then fails — a
        // full disk — would go unreported. A commit reports it.
        let mut tx = self.begin().await?;
        let (id, at) = crate::record::add_note(&mut *tx, clause_id, priority, red_line, reasoning, who).await?;
        tx.commit().await?;
        Ok(PrivateNote {
            id,
            clause_id,
            priority,
            red_line: red_line.into(),
            reasoning: reasoning.into(),
            author: who.name.clone(),
            created_at: at,
        })
    }

    /// The notes on a clause, newest first.
    pub async fn notes(&self, clause_id: i64) -> Result<Vec<PrivateNote>> {
        let rows = sqlx::query_as!(
            NoteRecord,
            "SELECT id, clause_id, priority, red_line, reasoning, author, created_at FROM private_notes
             WHERE clause_id = ? ORDER BY id DESC",
            clause_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(PrivateNote::try_from).collect()
    }
}
