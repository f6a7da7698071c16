//! Whole-file imports into a shared record, each in one transaction by the record's rules
//! (`record::import_table`, `record::import_clauses`), and what another party sent taken into a
//! negotiation under way (`record::take_in`): a file goes in completely or not at all.

use trilogue_core::import::PositionTable;
use trilogue_core::model::Negotiation;
use trilogue_core::record;
use trilogue_core::store::{IntakePlan, NewClause, NewNegotiation, NewParty, Provenance, Submission, plan_intake};
use trilogue_core::{Reader, Result, Who};

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

impl Server {
    /// Takes what another party sent into the negotiation under way: the plan as this member reads
    /// the record, written in one transaction by the record's rules, or nothing at all.
    pub async fn take_in(
        &self,
        negotiation_id: i64,
        submission: &Submission,
        provenance: &Provenance,
        who: &Who,
    ) -> Result<IntakePlan> {
        let plan = plan_intake(self, negotiation_id, submission).await?;
        let languages = Reader::negotiation(self, negotiation_id).await?.authentic();
        let parties = Reader::parties(self, negotiation_id).await?;
        let mut tx = self.pool.begin().await?;
        let ours = (negotiation_id, parties.as_slice(), languages.as_slice());
        let plan = record::take_in(&mut PgTx(&mut tx), ours, submission, plan, provenance, who).await?;
        tx.commit().await?;
        Ok(plan)
    }
}
