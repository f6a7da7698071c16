//! Table status of a clause, its legal moves, and tentative agreement by initials on an exact text.

use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::SqliteConnection;

use super::{Store, Who, events};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{ClauseStatus, ClosingRule, Further, Initial, ProtocolEntry, Referral, Reservation, Side, Wording};
use crate::record::Because;

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

async fn current_status(conn: &mut SqliteConnection, clause_id: i64) -> Result<(i64, ClauseStatus)> {
    let r = sqlx::query!("SELECT negotiation_id, status FROM clauses WHERE id = ?", clause_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound(Msg::NoClause { id: clause_id }))?;
    Ok((r.negotiation_id, ClauseStatus::parse(&r.status)?))
}

/// The hash every side has initialed, if they all have initialed the same one.
async fn common_initialed_hash(
    conn: &mut SqliteConnection,
    negotiation_id: i64,
    clause_id: i64,
) -> Result<Option<String>> {
    let parties = sqlx::query!("SELECT id, side FROM parties WHERE negotiation_id = ?", negotiation_id)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| Ok((r.id, r.side.as_deref().map(Side::parse).transpose()?)))
        .collect::<Result<Vec<_>>>()?;
    let initials =
        sqlx::query!("SELECT party_id, hash FROM initials WHERE clause_id = ? AND voided_at IS NULL", clause_id)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|r| (r.party_id, r.hash))
            .collect::<Vec<_>>();
    Ok(agreed_hash(&parties, &initials))
}

/// Checks that every side (the mediator aside) consents to reopening; returns the consenting labels.
async fn consent(conn: &mut SqliteConnection, negotiation_id: i64, consenting: &[i64]) -> Result<Vec<String>> {
    let parties =
        sqlx::query!("SELECT id, side, label FROM parties WHERE negotiation_id = ? ORDER BY position", negotiation_id)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|r| Ok((r.id, r.side.as_deref().map(Side::parse).transpose()?, r.label)))
            .collect::<Result<Vec<_>>>()?;
    let missing = missing_consent(&parties, consenting);
    if !missing.is_empty() {
        return Err(Error::IllegalTransition(Msg::ReopenNeedsConsent { missing }));
    }
    Ok(parties.into_iter().filter(|p| consenting.contains(&p.0)).map(|p| p.2).collect())
}

/// Each party's latest tabled text on a clause: what it would sign.
async fn wordings(conn: &mut SqliteConnection, clause_id: i64) -> Result<Vec<Wording>> {
    Ok(sqlx::query!(
        r#"SELECT v.party_id as "party_id!", v.id, v.text FROM versions v
           WHERE v.id IN (SELECT max(id) FROM versions WHERE clause_id = ? AND party_id IS NOT NULL
                          AND tabled_at IS NOT NULL GROUP BY party_id)
           ORDER BY v.party_id"#,
        clause_id
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| Wording { party_id: r.party_id, version_id: r.id, text: r.text })
    .collect())
}

/// Refuses entering a clause in the protocol of disagreements unless the negotiation closes so.
pub fn check_protocol_entry(rule: ClosingRule) -> Result<()> {
    match rule {
        ClosingRule::Protocol => Ok(()),
        ClosingRule::All => Err(Error::IllegalTransition(Msg::NoProtocol)),
    }
}

/// Each party's latest tabled text on a clause, as recorded when it goes to impasse.
async fn last_offers(conn: &mut SqliteConnection, clause_id: i64) -> Result<serde_json::Value> {
    let rows = sqlx::query!(
        r#"SELECT v.party_id as "party_id!", max(v.id) as "version_id!: i64" FROM versions v
           WHERE v.clause_id = ? AND v.party_id IS NOT NULL AND v.tabled_at IS NOT NULL
           GROUP BY v.party_id ORDER BY v.party_id"#,
        clause_id
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(|r| json!({ "party_id": r.party_id, "version_id": r.version_id })).collect())
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
        let to = change.to;
        if change.reason.trim().is_empty() {
            return Err(Error::Invalid(Msg::ReasonRequired));
        }
        let mut tx = self.begin().await?;
        let (negotiation_id, from) = current_status(&mut tx, clause_id).await?;
        check_transition(from, to)?;
        let detail = match (from, to) {
            (_, TentativelyAgreed) => {
                if common_initialed_hash(&mut tx, negotiation_id, clause_id).await?.is_none() {
                    return Err(Error::IllegalTransition(Msg::AgreedNeedsInitials));
                }
                json!({})
            }
            (TentativelyAgreed, _) => {
                json!({ "consenting": consent(&mut tx, negotiation_id, &change.consenting).await? })
            }
            (_, Impasse) => {
                let referred_to = change.referred_to.ok_or_else(|| Error::Invalid(Msg::ImpasseNeedsReferral))?;
                json!({ "referred_to": referred_to, "last_offers": last_offers(&mut tx, clause_id).await? })
            }
            (_, InProtocol) => {
                let rule = sqlx::query_scalar!("SELECT closing_rule FROM negotiations WHERE id = ?", negotiation_id)
                    .fetch_one(&mut *tx)
                    .await?;
                check_protocol_entry(ClosingRule::parse(&rule)?)?;
                let further = change.further.ok_or_else(|| Error::Invalid(Msg::ProtocolNeedsNext))?;
                let wordings = wordings(&mut tx, clause_id).await?;
                let (text, at, further_name) =
                    (serde_json::to_string(&wordings).expect("wordings serialise"), who.stamp(), further.as_str());
                let id = sqlx::query_scalar!(
                    r#"INSERT INTO protocol_entries (clause_id, further, reason, wordings, recorded_by, recorded_at)
                       VALUES (?, ?, ?, ?, ?, ?) RETURNING id as "id!""#,
                    clause_id,
                    further_name,
                    change.reason,
                    text,
                    who.name,
                    at
                )
                .fetch_one(&mut *tx)
                .await?;
                json!({ "protocol_entry_id": id, "further": further, "wordings": wordings.iter()
                    .map(|w| json!({ "party_id": w.party_id, "version_id": w.version_id })).collect::<Vec<_>>() })
            }
            _ => json!({}),
        };
        crate::record::move_clause(&mut *tx, (negotiation_id, clause_id), (from, to), &change.reason, detail, who)
            .await?;
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
        (party_id, delegate_id): (i64, Option<i64>),
        version_id: i64,
        session_id: Option<i64>,
        who: &Who,
    ) -> Result<ClauseStatus> {
        let mut tx = self.begin().await?;
        let (negotiation_id, status) = current_status(&mut tx, clause_id).await?;
        if matches!(status, Withdrawn | NotOpened) {
            return Err(Error::IllegalTransition(Msg::NotInitialable { status }));
        }
        let party = sqlx::query!(
            "SELECT label, side FROM parties WHERE id = ? AND negotiation_id = ?",
            party_id,
            negotiation_id
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| Error::NotFound(Msg::NoParty { id: party_id }))?;
        if party.side.as_deref() == Some(Side::Mediator.as_str()) {
            return Err(Error::Invalid(Msg::MediatorDoesNotInitial { party: party.label.clone() }));
        }
        let version = sqlx::query!(
            "SELECT hash, tabled_at, needs_revision FROM versions WHERE id = ? AND clause_id = ?",
            version_id,
            clause_id
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| Error::NotFound(Msg::NoVersion { id: version_id }))?;
        if version.tabled_at.is_none() {
            return Err(Error::Invalid(Msg::DraftNotInitialable { version: version_id }));
        }
        // initials bind the text in every authentic language at once, and only a set that agrees
        let languages = super::versions::languages_of(&mut tx, negotiation_id).await?;
        let set = super::versions::version_set(&mut tx, version_id, &languages).await?;
        if let Some(missing) =
            languages.iter().find(|l| !set.iter().any(|t| t.lang == **l && !t.text.trim().is_empty()))
        {
            return Err(Error::IllegalTransition(Msg::LanguageMissing { lang: missing.code().into() }));
        }
        if !version.needs_revision.is_empty() {
            let langs = version.needs_revision.split(',').map(String::from).collect();
            return Err(Error::IllegalTransition(Msg::LanguagesWait { langs }));
        }
        let active = sqlx::query!(
            "SELECT id, hash FROM initials WHERE clause_id = ? AND party_id = ? AND voided_at IS NULL",
            clause_id,
            party_id
        )
        .fetch_optional(&mut *tx)
        .await?;
        // the delegate named, else the coordinator of the party's side, else its spokesperson; whoever
        // enters it is the event's actor. A party with neither on record (an imported table) is initialed
        // in the name of whoever enters it.
        let spokesperson = match delegate_id {
            Some(d) => Some(
                sqlx::query_scalar!(
                    "SELECT d.name FROM delegates d JOIN parties p ON p.id = d.party_id
                     WHERE d.id = ?1 AND d.retired_at IS NULL AND (d.party_id = ?2 OR (p.negotiation_id = ?3
                       AND p.side IS NOT NULL AND p.side = (SELECT side FROM parties WHERE id = ?2)))",
                    d,
                    party_id,
                    negotiation_id
                )
                .fetch_optional(&mut *tx)
                .await?
                .ok_or_else(|| {
                    Error::Invalid(Msg::DelegateNotOfSide { delegate: d, party: party.label.clone() })
                })?,
            ),
            None => sqlx::query_scalar!(
                r#"SELECT d.name as "name!" FROM delegates d JOIN parties p ON p.id = d.party_id
                   WHERE d.retired_at IS NULL AND ((d.role = 'coordinator' AND p.negotiation_id = ?2 AND p.side IS NOT NULL
                          AND p.side = (SELECT side FROM parties WHERE id = ?1))
                      OR (d.role = 'spokesperson' AND d.party_id = ?1))
                   ORDER BY d.role = 'coordinator' DESC, d.party_id = ?1 DESC, d.id LIMIT 1"#,
                party_id,
                negotiation_id
            )
            .fetch_optional(&mut *tx)
            .await?,
        };
        let initialed_by = spokesperson.clone().unwrap_or_else(|| who.name.clone());
        let at = who.stamp();
        if let Some(active) = active {
            if active.hash == version.hash {
                return Err(Error::Conflict(Msg::AlreadyInitialed { party: party.label.clone() }));
            }
            // initialing another text replaces the party's earlier initial
            sqlx::query!(
                "UPDATE initials SET voided_at = ?, voided_by_version = ? WHERE id = ?",
                at,
                version_id,
                active.id
            )
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query!(
            "INSERT INTO initials (clause_id, party_id, version_id, hash, initialed_by, initialed_at, session_id)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
            clause_id,
            party_id,
            version_id,
            version.hash,
            initialed_by,
            at,
            session_id
        )
        .execute(&mut *tx)
        .await?;
        let detail = json!({ "party_id": party_id, "version_id": version_id, "hash": version.hash,
            "spokesperson": spokesperson });
        events::append(&mut tx, negotiation_id, Some(clause_id), "initialed", who, "", detail).await?;
        let mut status = status;
        if check_transition(status, TentativelyAgreed).is_ok()
            && common_initialed_hash(&mut tx, negotiation_id, clause_id).await?.is_some()
        {
            let detail = json!({ "hash": version.hash, "because": Because::AllInitialed });
            crate::record::move_clause(
                &mut *tx,
                (negotiation_id, clause_id),
                (status, TentativelyAgreed),
                "",
                detail,
                who,
            )
            .await?;
            status = TentativelyAgreed;
        }
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
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::Invalid(Msg::ReservationNeedsText));
        }
        let mut tx = self.begin().await?;
        let (negotiation_id, _) = current_status(&mut tx, clause_id).await?;
        let found =
            sqlx::query_scalar!("SELECT id FROM parties WHERE id = ? AND negotiation_id = ?", party_id, negotiation_id)
                .fetch_optional(&mut *tx)
                .await?;
        if found.is_none() {
            return Err(Error::NotFound(Msg::NoParty { id: party_id }));
        }
        let at = who.stamp();
        let id = sqlx::query_scalar!(
            r#"INSERT INTO reservations (clause_id, party_id, text, recorded_by, recorded_at)
               VALUES (?, ?, ?, ?, ?) RETURNING id as "id!""#,
            clause_id,
            party_id,
            text,
            who.name,
            at
        )
        .fetch_one(&mut *tx)
        .await?;
        let detail = json!({ "reservation_id": id, "party_id": party_id });
        events::append(&mut tx, negotiation_id, Some(clause_id), "reservation_recorded", who, text, detail).await?;
        tx.commit().await?;
        Ok(Reservation {
            id,
            clause_id,
            party_id,
            text: text.to_string(),
            recorded_by: who.name.clone(),
            recorded_at: at,
        })
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
        let rows = sqlx::query!(
            r#"SELECT e.id, e.clause_id, e.further, e.reason, e.wordings, e.recorded_by, e.recorded_at
               FROM protocol_entries e JOIN clauses c ON c.id = e.clause_id
               WHERE c.negotiation_id = ? AND c.status = 'in_protocol'
                 AND e.id = (SELECT max(id) FROM protocol_entries WHERE clause_id = e.clause_id)
               ORDER BY c.position"#,
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(ProtocolEntry {
                    id: r.id,
                    clause_id: r.clause_id,
                    further: Further::parse(&r.further)?,
                    reason: r.reason,
                    wordings: serde_json::from_str(&r.wordings).map_err(|e| {
                        Error::Invalid(Msg::Unreadable { what: "a protocol entry".into(), detail: e.to_string() })
                    })?,
                    recorded_by: r.recorded_by,
                    recorded_at: r.recorded_at,
                })
            })
            .collect()
    }
}
