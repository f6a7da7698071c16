//! Whole-file imports into a workbench file, each in one transaction by the record's rules
//! (`record::import_table`, `record::import_clauses`): a file imports completely or not at all.

use super::{NewClause, NewNegotiation, NewParty, Store, Who};
use crate::error::Result;
use crate::import::PositionTable;
use crate::model::Negotiation;
use crate::record;

impl Store {
    /// Imports a position table as a new negotiation: a party per column, a clause per row, each
    /// non-empty cell a tabled version on its track, `base` the status-quo text.
    pub async fn import_table(
        &self,
        table: &PositionTable,
        title: &str,
        source_name: &str,
        who: &Who,
    ) -> Result<Negotiation> {
        let mut tx = self.begin().await?;
        let id = record::import_table(&mut *tx, table, title, source_name, who).await?;
        tx.commit().await?;
        self.negotiation(id).await
    }

    /// Imports an agreement's clauses (from Markdown) as a new negotiation with the given parties.
    pub async fn import_clauses(
        &self,
        new: &NewNegotiation,
        parties: &[NewParty],
        clauses: &[NewClause],
        source_name: &str,
        who: &Who,
    ) -> Result<Negotiation> {
        let mut tx = self.begin().await?;
        let id = record::import_clauses(&mut *tx, new, parties, clauses, source_name, who).await?;
        tx.commit().await?;
        self.negotiation(id).await
    }
}
