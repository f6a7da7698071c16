//! The agreement as a whole on a shared record — its status, approval steps and commitments — each
//! change in a transaction of its own by the record's rules, each read one query.

use trilogue_core::message::Msg;
use trilogue_core::model::{Approval, Commitment, NegotiationStatus};
use trilogue_core::record;
use trilogue_core::store::rows::ApprovalRecord;
use trilogue_core::store::{NewApproval, NewCommitment};
use trilogue_core::{Error, Reader, Result, Who};

use crate::server::Server;
use crate::tx::PgTx;

impl Server {
    /// Moves the agreement as a whole to another status, journaled with the reason.
    pub async fn set_negotiation_status(
        &self,
        negotiation_id: i64,
        to: NegotiationStatus,
        reason: &str,
        who: &Who,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        record::set_negotiation_status(&mut PgTx(&mut tx), negotiation_id, to, reason, who).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records an approval step of the settled agreement.
    pub async fn record_approval(&self, negotiation_id: i64, new: &NewApproval, who: &Who) -> Result<Approval> {
        let mut tx = self.pool.begin().await?;
        let (id, at) = record::record_approval(&mut PgTx(&mut tx), negotiation_id, new, who).await?;
        tx.commit().await?;
        Ok(Approval::recorded(id, negotiation_id, new, who, at))
    }

    /// Records what the agreement obliges: the text, who is responsible, by when.
    pub async fn add_commitment(&self, negotiation_id: i64, new: &NewCommitment, who: &Who) -> Result<Commitment> {
        let mut tx = self.pool.begin().await?;
        let id = record::add_commitment(&mut PgTx(&mut tx), negotiation_id, new, who).await?;
        tx.commit().await?;
        Reader::commitment(self, id).await
    }

    /// Marks a commitment done on a day.
    pub async fn commitment_done(&self, commitment_id: i64, done_on: &str, who: &Who) -> Result<Commitment> {
        let mut tx = self.pool.begin().await?;
        record::commitment_done(&mut PgTx(&mut tx), commitment_id, done_on, who).await?;
        tx.commit().await?;
        Reader::commitment(self, commitment_id).await
    }

    pub(crate) async fn read_approvals(&self, negotiation_id: i64) -> Result<Vec<Approval>> {
        let rows = sqlx::query_as!(
            ApprovalRecord,
            "SELECT id, negotiation_id, step, side, body, decided_on, votes_for, votes_against, abstaining,
                    approved, recorded_by, recorded_at
             FROM approval_steps WHERE negotiation_id = $1 ORDER BY decided_on, id",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Approval::try_from).collect()
    }

    pub(crate) async fn read_commitments(&self, negotiation_id: i64) -> Result<Vec<Commitment>> {
        Ok(sqlx::query_as!(
            Commitment,
            "SELECT id, negotiation_id, clause_id, text, responsible, due_on, done_on FROM commitments
             WHERE negotiation_id = $1 ORDER BY due_on, id",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?)
    }

    pub(crate) async fn read_commitment(&self, id: i64) -> Result<Commitment> {
        sqlx::query_as!(
            Commitment,
            "SELECT id, negotiation_id, clause_id, text, responsible, due_on, done_on FROM commitments WHERE id = $1",
            id
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or(Error::NotFound(Msg::NoCommitment { id }))
    }
}
