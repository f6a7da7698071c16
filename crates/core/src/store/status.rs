//! Table status of a clause, its legal moves, and tentative agreement by initials on an exact text.

use serde::{Deserialize, Serialize};

use super::{Store, Who};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{ClauseStatus, ClosingRule, Further, Initial, ProtocolEntry, Referral, Reservation, Side};
use crate::store::rows::ProtocolEntryRecord;

use ClauseStatus::*;

/// The statuses a clause may move to from `from`. Moving to `tentatively_agreed` is further bound to
/// every party having initialed the same text.
pub fn allowed_transitions(from: ClauseStatus) -> &'static [ClauseStatus] {
    match from {
        NotOpened => &[Open, Parked, Withdrawn],
        Open => &[AgreedInPrinciple, TentativelyAgreed, Parked, Impasse, InProtocol, Withdrawn],
        AgreedInPrinciple => &[Open, TentativelyAgreed, Parked, Impasse, InProtocol, Withdrawn],
        // reopening an agreed clause is the one way back
        TentativelyAgreed => &[Open],
        Parked => &[Open, InProtocol, Withdrawn],
        Impasse => &[Open, AgreedInPrinciple, Parked, InProtocol, Withdrawn],
        // a point of the protocol of disagreements goes back to the table in further talks
        InProtocol => &[Open],
        Withdrawn => &[Open],
    }
}

/// Refuses an illegal move, saying why and what is possible instead.
pub fn check_transition(from: ClauseStatus, to: ClauseStatus) -> Result<()> {
    refuse_unless_allowed(
        (from, to),
        allowed_transitions(from),
        |status| Msg::ClauseAlready { status },
        |from, to, allowed| Msg::ClauseCannotMove { from, to, allowed },
    )
}

/// Refuses a move that `allowed` (the moves from `from`) does not hold, saying where it stands
/// (`already`) or where it can go instead (`cannot`).
pub(crate) fn refuse_unless_allowed<S: Copy + PartialEq>(
    (from, to): (S, S),
    allowed: &[S],
    already: impl FnOnce(S) -> Msg,
    cannot: impl FnOnce(S, S, Vec<S>) -> Msg,
) -> Result<()> {
    if from == to {
        return Err(Error::IllegalTransition(already(from)));
    }
    if !allowed.contains(&to) {
        return Err(Error::IllegalTransition(cannot(from, to, allowed.to_vec())));
    }
    Ok(())
}

/// A move of a clause to another status, with what the move needs recorded beside its reason.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StatusChange {
    pub to: ClauseStatus,
    pub reason: String,
    /// Into impasse: who the clause is referred to.
    #[serde(default)]
    pub referred_to: Option<Referral>,
    /// Reopening a tentatively agreed clause: the parties that consent — every side must.
    #[serde(default)]
    pub consenting: Vec<i64>,
    /// Into the protocol of disagreements: the further procedure decided.
    #[serde(default)]
    pub further: Option<Further>,
}

impl StatusChange {
    pub fn to(to: ClauseStatus, reason: impl Into<String>) -> Self {
        StatusChange { to, reason: reason.into(), referred_to: None, consenting: Vec::new(), further: None }
    }
}

/// The sides a clause needs to agree: each side of the negotiation with organisations on it (the
/// mediator aside), and each organisation whose side is not known as one of its own.
fn side_of(party: &(i64, Option<Side>)) -> Option<(Option<Side>, Option<i64>)> {
    match party.1 {
        Some(Side::Mediator) => None,
        Some(side) => Some((Some(side), None)),
        None => Some((None, Some(party.0))),
    }
}

/// The text every side has initialed, by its hash, if every side has initialed the same one. A side
/// that is a coalition initials through any of its organisations (its coordinator signs for all).
/// `parties` are (id, side); `initials` the (party id, hash) of the initials not voided.
pub fn agreed_hash(parties: &[(i64, Option<Side>)], initials: &[(i64, String)]) -> Option<String> {
    let mut sides: Vec<(Option<Side>, Option<i64>)> = Vec::new();
    for side in parties.iter().filter_map(side_of) {
        if !sides.contains(&side) {
            sides.push(side);
        }
    }
    let hashes_of = |side: &(Option<Side>, Option<i64>)| -> Vec<&String> {
        initials
            .iter()
            .filter(|(p, _)| parties.iter().any(|q| q.0 == *p && side_of(q).as_ref() == Some(side)))
            .map(|(_, h)| h)
            .collect()
    };
    let first = sides.first()?;
    hashes_of(first).into_iter().find(|h| sides.iter().all(|s| hashes_of(s).contains(h))).cloned()
}

/// The sides (as the labels of their organisations) of which no organisation consents.
pub fn missing_consent(parties: &[(i64, Option<Side>, String)], consenting: &[i64]) -> Vec<String> {
    let keyed: Vec<(i64, Option<Side>)> = parties.iter().map(|(id, side, _)| (*id, *side)).collect();
    let mut missing = Vec::new();
    for (i, party) in keyed.iter().enumerate() {
        let Some(side) = side_of(party) else { continue };
        let members: Vec<usize> = (0..keyed.len()).filter(|&j| side_of(&keyed[j]).as_ref() == Some(&side)).collect();
        if members[0] != i {
            continue;
        }
        if !members.iter().any(|&j| consenting.contains(&keyed[j].0)) {
            let labels: Vec<&str> = members.iter().map(|&j| parties[j].2.as_str()).collect();
            missing.push(labels.join("/"));
        }
    }
    missing
}

/// Refuses entering a clause in the protocol of disagreements unless the negotiation closes so.
pub fn check_protocol_entry(rule: ClosingRule) -> Result<()> {
    match rule {
        ClosingRule::Protocol => Ok(()),
        ClosingRule::All => Err(Error::IllegalTransition(Msg::NoProtocol)),
    }
}

impl Store {
    /// Moves a clause to another status, with the reason journaled.
    pub async fn set_status(&self, clause_id: i64, to: ClauseStatus, reason: &str, who: &Who) -> Result<()> {
        self.change_status(clause_id, &StatusChange::to(to, reason), who).await
    }

    /// Moves a clause to another status. Besides the transition table: tentative agreement needs every
    /// party's initials on one text; reopening it needs every party's consent; an impasse says who it is
    /// referred to and records each party's last offer.
    pub async fn change_status(&self, clause_id: i64, change: &StatusChange, who: &Who) -> Result<()> {
        let mut tx = self.begin().await?;
        crate::record::change_status(&mut *tx, clause_id, change, who).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A party initials one exact tabled version, by the delegate who gave the initial (by default the
    /// coordinator of its side, else its spokesperson). When every side has initialed the same text,
    /// the clause becomes tentatively agreed. Returns the clause's status afterwards.
    pub async fn initial(
        &self,
        clause_id: i64,
        party_id: i64,
        version_id: i64,
        session_id: Option<i64>,
        who: &Who,
    ) -> Result<ClauseStatus> {
        self.initial_by(clause_id, (party_id, None), version_id, session_id, who).await
    }

    /// [`Store::initial`], naming the delegate who gave the initial: `(party, delegate)`.
    pub async fn initial_by(
        &self,
        clause_id: i64,
        signed: (i64, Option<i64>),
        version_id: i64,
        session_id: Option<i64>,
        who: &Who,
    ) -> Result<ClauseStatus> {
        let mut tx = self.begin().await?;
        let status = crate::record::initial(&mut *tx, clause_id, signed, version_id, session_id, who).await?;
        tx.commit().await?;
        Ok(status)
    }

    /// Every initial given on a clause, voided ones included, oldest first.
    pub async fn initials(&self, clause_id: i64) -> Result<Vec<Initial>> {
        Ok(sqlx::query_as!(
            Initial,
            "SELECT id, clause_id, party_id, version_id, hash, initialed_by, initialed_at, session_id, voided_at, voided_by_version
             FROM initials WHERE clause_id = ? ORDER BY id",
            clause_id
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every initial given in a negotiation, voided ones included, oldest first.
    pub async fn negotiation_initials(&self, negotiation_id: i64) -> Result<Vec<Initial>> {
        Ok(sqlx::query_as!(
            Initial,
            "SELECT i.id, i.clause_id, i.party_id, i.version_id, i.hash, i.initialed_by, i.initialed_at, i.session_id,
                    i.voided_at, i.voided_by_version
             FROM initials i JOIN clauses c ON c.id = i.clause_id WHERE c.negotiation_id = ? ORDER BY i.id",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?)
    }
}

impl Store {
    /// An organisation records a reservation on a clause: it goes along with its side, with this said.
    pub async fn add_reservation(&self, clause_id: i64, party_id: i64, text: &str, who: &Who) -> Result<Reservation> {
        let mut tx = self.begin().await?;
        let (id, recorded_at) = crate::record::add_reservation(&mut *tx, clause_id, party_id, text, who).await?;
        tx.commit().await?;
        let (text, recorded_by) = (text.trim().to_string(), who.name.clone());
        Ok(Reservation { id, clause_id, party_id, text, recorded_by, recorded_at })
    }

    /// The reservations recorded on a clause, oldest first.
    pub async fn reservations(&self, clause_id: i64) -> Result<Vec<Reservation>> {
        Ok(sqlx::query_as!(
            Reservation,
            "SELECT id, clause_id, party_id, text, recorded_by, recorded_at FROM reservations WHERE clause_id = ? ORDER BY id",
            clause_id
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every reservation recorded in a negotiation, in clause order, oldest first within a clause.
    pub async fn negotiation_reservations(&self, negotiation_id: i64) -> Result<Vec<Reservation>> {
        Ok(sqlx::query_as!(
            Reservation,
            "SELECT r.id, r.clause_id, r.party_id, r.text, r.recorded_by, r.recorded_at
             FROM reservations r JOIN clauses c ON c.id = r.clause_id WHERE c.negotiation_id = ? ORDER BY c.position, r.id",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// The latest protocol entry of each clause of a negotiation now in the protocol, in clause order.
    pub async fn protocol_entries(&self, negotiation_id: i64) -> Result<Vec<ProtocolEntry>> {
        let rows = sqlx::query_as!(
            ProtocolEntryRecord,
            r#"SELECT e.id, e.clause_id, e.further, e.reason, e.wordings, e.recorded_by, e.recorded_at
               FROM protocol_entries e JOIN clauses c ON c.id = e.clause_id
               WHERE c.negotiation_id = ? AND c.status = 'in_protocol'
                 AND e.id = (SELECT max(id) FROM protocol_entries WHERE clause_id = e.clause_id)
               ORDER BY c.position"#,
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(ProtocolEntry::try_from).collect()
    }
}
