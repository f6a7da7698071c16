//! Negotiations, their parties and delegates.

use super::rows::{NegotiationRecord, PartyRecord};
use crate::store::rows::DelegateRecord;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::SqliteConnection;

use super::{Store, Who, events};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{ClauseStatus, ClosingRule, Delegate, Level, Negotiation, Party, Role, Side};

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewNegotiation {
    pub title: String,
    pub level: Level,
    pub tripartite: bool,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    #[serde(default = "default_closing_rule")]
    pub closing_rule: ClosingRule,
    /// The authentic languages (ISO 639-1: `kk`, `ru`, `en`); English alone when none is given.
    #[serde(default)]
    pub languages: Vec<String>,
}

fn default_closing_rule() -> ClosingRule {
    ClosingRule::All
}

impl NewNegotiation {
    /// A negotiation with a title and a level, the rest as a new one starts.
    pub fn titled(title: impl Into<String>, level: Level) -> Self {
        NewNegotiation {
            title: title.into(),
            level,
            tripartite: false,
            starts_on: None,
            ends_on: None,
            closing_rule: ClosingRule::All,
            languages: Vec::new(),
        }
    }
}

/// The authentic languages as stored: known ISO 639-1 codes, at most three, comma-separated.
pub fn languages_text(languages: &[String]) -> Result<String> {
    const KNOWN: [&str; 3] = ["kk", "ru", "en"];
    let mut codes: Vec<String> = Vec::new();
    for l in languages {
        let code = l.trim().to_lowercase();
        if !KNOWN.contains(&code.as_str()) {
            return Err(Error::Invalid(Msg::UnknownLanguage { value: l.to_string() }));
        }
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if codes.is_empty() {
        codes.push("en".into());
    }
    Ok(codes.join(","))
}

/// A delegate's name and role as edited; `retire` takes them out of the delegation.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DelegateEdit {
    pub name: String,
    pub role: Role,
    #[serde(default)]
    pub retire: bool,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewParty {
    pub name: String,
    pub side: Option<Side>,
    pub label: String,
    pub colour: String,
}

/// A negotiation with the counts a list needs.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NegotiationSummary {
    #[serde(flatten)]
    pub negotiation: Negotiation,
    pub clauses: i64,
    /// How many clauses stand at each status, in the order of `ClauseStatus`.
    pub by_status: Vec<(ClauseStatus, i64)>,
}

/// Colours for parties an import did not colour: distinct, and readable in print.
const PALETTE: [&str; 8] = ["#c0392b", "#1f618d", "#7d6608", "#6c3483", "#117a65", "#a04000", "#2e4053", "#b03a2e"];

pub fn party_colour(position: usize) -> String {
    PALETTE[position % PALETTE.len()].to_string()
}

/// Inserts a negotiation and its parties inside the caller's transaction; returns its id.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    new: &NewNegotiation,
    parties: &[NewParty],
    who: &Who,
) -> Result<i64> {
    crate::record::create_negotiation(conn, new, parties, who).await
}

/// Adds an organisation to a side of a negotiation, last in order, inside the caller's transaction.
pub(crate) async fn insert_party(
    conn: &mut SqliteConnection,
    negotiation_id: i64,
    p: &NewParty,
    who: &Who,
) -> Result<i64> {
    crate::record::add_party(conn, negotiation_id, p, who).await
}

impl Store {
    pub async fn create_negotiation(
        &self,
        new: &NewNegotiation,
        parties: &[NewParty],
        who: &Who,
    ) -> Result<(Negotiation, Vec<Party>)> {
        let mut tx = self.begin().await?;
        let id = insert(&mut tx, new, parties, who).await?;
        tx.commit().await?;
        Ok((self.negotiation(id).await?, self.parties(id).await?))
    }

    pub async fn negotiation(&self, id: i64) -> Result<Negotiation> {
        sqlx::query_as!(
            NegotiationRecord,
            r#"SELECT id, title, level, tripartite as "tripartite: bool", status, starts_on, ends_on, owner_party_id, created_at, closing_rule,
                    languages
             FROM negotiations WHERE id = ?"#,
            id
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| Error::NotFound(Msg::NoNegotiation { id }))?
        .try_into()
    }

    pub async fn negotiations(&self) -> Result<Vec<NegotiationSummary>> {
        let rows = sqlx::query_as!(
            NegotiationRecord,
            r#"SELECT id, title, level, tripartite as "tripartite: bool", status, starts_on, ends_on, owner_party_id, created_at, closing_rule,
                    languages
             FROM negotiations ORDER BY id"#
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let negotiation = Negotiation::try_from(r)?;
            let by_status = self.status_counts(negotiation.id).await?;
            out.push(NegotiationSummary { clauses: by_status.iter().map(|(_, n)| n).sum(), by_status, negotiation });
        }
        Ok(out)
    }

    /// How many clauses stand at each status, every status listed.
    pub async fn status_counts(&self, negotiation_id: i64) -> Result<Vec<(ClauseStatus, i64)>> {
        let rows = sqlx::query!(
            r#"SELECT status, count(*) as "n!: i64" FROM clauses WHERE negotiation_id = ? GROUP BY status"#,
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(every_status(rows.into_iter().map(|r| (r.status, r.n))))
    }

    pub async fn parties(&self, negotiation_id: i64) -> Result<Vec<Party>> {
        let rows = sqlx::query_as!(
            PartyRecord,
            "SELECT id, negotiation_id, name, side, label, colour, position FROM parties
             WHERE negotiation_id = ? ORDER BY position",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Party::try_from).collect()
    }

    pub async fn set_owner(&self, negotiation_id: i64, party_id: i64, who: &Who) -> Result<()> {
        let mut tx = self.begin().await?;
        let changed = sqlx::query!(
            "UPDATE negotiations SET owner_party_id = ?1
             WHERE id = ?2 AND EXISTS (SELECT 1 FROM parties WHERE id = ?1 AND negotiation_id = ?2)",
            party_id,
            negotiation_id
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(Error::NotFound(Msg::NoParty { id: party_id }));
        }
        events::append(&mut tx, negotiation_id, None, "owner_set", who, "", json!({ "party_id": party_id })).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds an organisation to a side of the negotiation.
    pub async fn add_party(&self, negotiation_id: i64, new: &NewParty, who: &Who) -> Result<Party> {
        let mut tx = self.begin().await?;
        let id = insert_party(&mut tx, negotiation_id, new, who).await?;
        tx.commit().await?;
        self.parties(negotiation_id)
            .await?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| Error::NotFound(Msg::NoParty { id }))
    }

    /// Adds a delegate to an organisation's delegation; journaled, as every change to who may act is.
    pub async fn add_delegate(&self, party_id: i64, name: &str, role: Role, who: &Who) -> Result<Delegate> {
        let mut tx = self.begin().await?;
        let id = crate::record::add_delegate(&mut *tx, party_id, name, role, who).await?;
        tx.commit().await?;
        self.delegate(id).await
    }

    /// Changes a delegate's name or role, or retires them (kept in the record, never erased).
    pub async fn edit_delegate(&self, delegate_id: i64, edit: &DelegateEdit, who: &Who) -> Result<Delegate> {
        let mut tx = self.begin().await?;
        crate::record::edit_delegate(&mut *tx, delegate_id, edit, who).await?;
        tx.commit().await?;
        self.delegate(delegate_id).await
    }

    pub async fn delegate(&self, delegate_id: i64) -> Result<Delegate> {
        sqlx::query_as!(
            DelegateRecord,
            "SELECT id, party_id, name, role, retired_at FROM delegates WHERE id = ?",
            delegate_id
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| Error::NotFound(Msg::NoDelegate { id: delegate_id }))?
        .try_into()
    }

    /// Every delegate of a negotiation, retired ones included, by organisation.
    pub async fn delegates(&self, negotiation_id: i64) -> Result<Vec<Delegate>> {
        let rows = sqlx::query_as!(
            DelegateRecord,
            "SELECT d.id, d.party_id, d.name, d.role, d.retired_at FROM delegates d JOIN parties p ON p.id = d.party_id
             WHERE p.negotiation_id = ? ORDER BY p.position, d.id",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Delegate::try_from).collect()
    }
}

/// Clauses counted by status, as a backend counts them (`(status, count)`), with every status listed.
pub fn every_status(counted: impl IntoIterator<Item = (String, i64)>) -> Vec<(ClauseStatus, i64)> {
    use strum::VariantArray;
    let counted: Vec<(String, i64)> = counted.into_iter().collect();
    ClauseStatus::VARIANTS
        .iter()
        .map(|s| (*s, counted.iter().find(|(status, _)| status == s.as_str()).map_or(0, |(_, n)| *n)))
        .collect()
}
