//! Sessions and delegations on a shared record, each change in a transaction of its own by the
//! record's rules (`record::add_session`, …).

use trilogue_core::model::{Delegate, Role, Session};
use trilogue_core::record;
use trilogue_core::store::{DelegateEdit, NewSession};
use trilogue_core::{Reader, Result, Who};

use crate::server::Server;
use crate::tx::PgTx;

impl Server {
    /// Schedules the next session of a negotiation, numbered after the last.
    pub async fn add_session(&self, negotiation_id: i64, new: &NewSession, who: &Who) -> Result<Session> {
        let mut tx = self.pool.begin().await?;
        let id = record::add_session(&mut PgTx(&mut tx), negotiation_id, new, who).await?;
        tx.commit().await?;
        Reader::session(self, id).await
    }

    /// Writes a session's minutes; the journal keeps the earlier minutes with the change.
    pub async fn set_minutes(&self, session_id: i64, minutes: &str, who: &Who) -> Result<Session> {
        let mut tx = self.pool.begin().await?;
        record::set_minutes(&mut PgTx(&mut tx), session_id, minutes, who).await?;
        tx.commit().await?;
        Reader::session(self, session_id).await
    }

    /// Records who attended a session, replacing what was recorded.
    pub async fn set_attendees(&self, session_id: i64, delegates: &[i64], who: &Who) -> Result<Vec<Delegate>> {
        let mut tx = self.pool.begin().await?;
        record::set_attendees(&mut PgTx(&mut tx), session_id, delegates, who).await?;
        tx.commit().await?;
        Reader::attendees(self, session_id).await
    }

    pub async fn add_delegate(&self, party_id: i64, name: &str, role: Role, who: &Who) -> Result<Delegate> {
        let mut tx = self.pool.begin().await?;
        let id = record::add_delegate(&mut PgTx(&mut tx), party_id, name, role, who).await?;
        tx.commit().await?;
        Reader::delegate(self, id).await
    }

    /// Changes a delegate's name or role, or retires them.
    pub async fn edit_delegate(&self, delegate_id: i64, edit: &DelegateEdit, who: &Who) -> Result<Delegate> {
        let mut tx = self.pool.begin().await?;
        record::edit_delegate(&mut PgTx(&mut tx), delegate_id, edit, who).await?;
        tx.commit().await?;
        Reader::delegate(self, delegate_id).await
    }
}
