//! Whole-file imports into a shared record, each in one transaction by the record's rules
//! (`record::import_table`, `record::import_clauses`): a file imports completely or not at all.

use trilogue_core::import::PositionTable;
use trilogue_core::model::Negotiation;
use trilogue_core::record;
use trilogue_core::store::{NewClause, NewNegotiation, NewParty};
use trilogue_core::{Result, Who};

use crate::server::Server;
use crate::tx::PgTx;

impl Server {
    /// Imports a position table as a new negotiation: a party per column, a clause per row, each
    /// non-empty cell a tabled version on its track.
    pub async fn import_table(
        &self,
        table: &PositionTable,
        title: &str,
        source_name: &str,
        who: &Who,
    ) -> Result<Negotiation> {
        let mut tx = self.pool.begin().await?;
        let id = record::import_table(&mut PgTx(&mut tx), table, title, source_name, who).await?;
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
        let mut tx = self.pool.begin().await?;
        let id = record::import_clauses(&mut PgTx(&mut tx), new, parties, clauses, source_name, who).await?;
        tx.commit().await?;
        self.negotiation(id).await
    }
}
