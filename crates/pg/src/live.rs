//! Live: what changed in a shared record, as it happens. Each journal entry is announced by the
//! database (the `trilogue` channel, `migrations/`); an open view listens and reads again what it shows.

use sqlx::postgres::PgListener;

use trilogue_core::Result;

use crate::server::Server;

/// A change another user (or this one) made: the negotiation and its new journal entry.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    pub negotiation_id: i64,
    pub event_id: i64,
    /// The side a private entry (a draft's) belongs to; none for what every side reads.
    pub side: Option<String>,
}

/// Listens to a shared record's changes on a connection of its own.
pub struct Listener {
    listener: PgListener,
    side: Option<String>,
}

impl Server {
    /// Starts listening: every change made from now on, that this member may know of, comes out of
    /// `Listener::next`.
    pub async fn listen(&self) -> Result<Listener> {
        let mut listener = PgListener::connect_with(&self.pool).await?;
        listener.listen("trilogue").await?;
        let side = self.me().map(|m| m.side.as_str().to_string());
        Ok(Listener { listener, side })
    }
}

impl Listener {
    /// The next change this member may know of: another side's private entries are passed over.
    pub async fn next(&mut self) -> Result<Change> {
        loop {
            let notification = self.listener.recv().await?;
            let Ok(change) = serde_json::from_str::<Change>(notification.payload()) else { continue };
            if change.side.is_none() || self.side.is_none() || change.side == self.side {
                return Ok(change);
            }
        }
    }
}
