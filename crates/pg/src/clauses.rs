//! Changing a clause on a shared record — its names, topics, standards and place, and the
//! reservations recorded on it — each in a transaction of its own by the record's rules.

use trilogue_core::model::{Clause, Reservation};
use trilogue_core::record;
use trilogue_core::store::ClauseEdit;
use trilogue_core::{Result, Who};

use crate::server::Server;
use crate::tx::PgTx;

impl Server {
    /// Renumbers, renames, regroups, retags or moves a clause; journaled with what it was before.
    pub async fn edit_clause(&self, clause_id: i64, edit: &ClauseEdit, who: &Who) -> Result<Clause> {
        let mut tx = self.pool.begin().await?;
        record::edit_clause(&mut PgTx(&mut tx), clause_id, edit, who).await?;
        tx.commit().await?;
        self.clause(clause_id).await
    }

    /// An organisation records a reservation on a clause: it goes along with its side, with this said.
    pub async fn add_reservation(&self, clause_id: i64, party_id: i64, text: &str, who: &Who) -> Result<Reservation> {
        let mut tx = self.pool.begin().await?;
        let (id, recorded_at) = record::add_reservation(&mut PgTx(&mut tx), clause_id, party_id, text, who).await?;
        tx.commit().await?;
        let (text, recorded_by) = (text.trim().to_string(), who.name.clone());
        Ok(Reservation { id, clause_id, party_id, text, recorded_by, recorded_at })
    }
}
