//! Negotiations, their parties and delegates.

use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::SqliteConnection;

use super::{Store, Who, events};
use crate::error::{Error, Result};
use crate::model::{ClauseStatus, Delegate, Level, Negotiation, NegotiationStatus, Party, Role, Side};

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewNegotiation {
    pub title: String,
    pub level: Level,
    pub tripartite: bool,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
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

/// A negotiation as stored: names still text, checked on the way out.
struct NegotiationRow {
    id: i64,
    title: String,
    level: String,
    tripartite: i64,
    status: String,
    starts_on: Option<String>,
    ends_on: Option<String>,
    owner_party_id: Option<i64>,
    created_at: String,
}

impl TryFrom<NegotiationRow> for Negotiation {
    type Error = Error;
    fn try_from(r: NegotiationRow) -> Result<Self> {
        Ok(Negotiation {
            id: r.id,
            title: r.title,
            level: Level::parse(&r.level)?,
            tripartite: r.tripartite != 0,
            status: NegotiationStatus::parse(&r.status)?,
            starts_on: r.starts_on,
            ends_on: r.ends_on,
            owner_party_id: r.owner_party_id,
            created_at: r.created_at,
        })
    }
}

/// Inserts a negotiation and its parties inside the caller's transaction; returns its id.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    new: &NewNegotiation,
    parties: &[NewParty],
    who: &Who,
) -> Result<i64> {
    let (level, at) = (new.level.as_str(), who.stamp());
    let title = new.title.trim();
    if title.is_empty() {
        return Err(Error::invalid("a negotiation needs a title"));
    }
    let id = sqlx::query_scalar!(
        r#"INSERT INTO negotiations (title, level, tripartite, starts_on, ends_on, created_at)
           VALUES (?, ?, ?, ?, ?, ?) RETURNING id as "id!""#,
        title,
        level,
        new.tripartite,
        new.starts_on,
        new.ends_on,
        at
    )
    .fetch_one(&mut *conn)
    .await?;
    let mut labels = std::collections::HashSet::new();
    for (position, p) in parties.iter().enumerate() {
        let label = p.label.trim();
        if label.is_empty() || label.eq_ignore_ascii_case("joint") {
            return Err(Error::invalid(format!("'{label}' cannot be a party's label")));
        }
        if !labels.insert(label.to_lowercase()) {
            return Err(Error::invalid(format!("two parties are labelled '{label}'")));
        }
        let (side, pos) = (p.side.map(Side::as_str), position as i64);
        sqlx::query!(
            "INSERT INTO parties (negotiation_id, name, side, label, colour, position) VALUES (?, ?, ?, ?, ?, ?)",
            id,
            p.name,
            side,
            label,
            p.colour,
            pos
        )
        .execute(&mut *conn)
        .await?;
    }
    events::append(conn, id, None, "negotiation_created", who, "", json!({ "title": title })).await?;
    Ok(id)
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
            NegotiationRow,
            "SELECT id, title, level, tripartite, status, starts_on, ends_on, owner_party_id, created_at
             FROM negotiations WHERE id = ?",
            id
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| Error::not_found(format!("negotiation {id}")))?
        .try_into()
    }

    /// Finds a negotiation by id or by its exact title (case-insensitive).
    pub async fn find_negotiation(&self, name: &str) -> Result<Negotiation> {
        if let Ok(id) = name.trim().parse::<i64>()
            && let Ok(n) = self.negotiation(id).await
        {
            return Ok(n);
        }
        let ids = sqlx::query_scalar!("SELECT id FROM negotiations WHERE lower(title) = lower(?) ORDER BY id", name)
            .fetch_all(&self.pool)
            .await?;
        match ids.as_slice() {
            [id] => self.negotiation(*id).await,
            [] => Err(Error::not_found(format!("a negotiation named '{name}' (give its id or exact title)"))),
            _ => Err(Error::Conflict(format!("several negotiations are titled '{name}': give the id ({ids:?})"))),
        }
    }

    pub async fn negotiations(&self) -> Result<Vec<NegotiationSummary>> {
        let rows = sqlx::query_as!(
            NegotiationRow,
            "SELECT id, title, level, tripartite, status, starts_on, ends_on, owner_party_id, created_at
             FROM negotiations ORDER BY id"
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
        use strum::VariantArray;
        Ok(ClauseStatus::VARIANTS
            .iter()
            .map(|s| (*s, rows.iter().find(|r| r.status == s.as_str()).map_or(0, |r| r.n)))
            .collect())
    }

    pub async fn parties(&self, negotiation_id: i64) -> Result<Vec<Party>> {
        let rows = sqlx::query!(
            "SELECT id, negotiation_id, name, side, label, colour, position FROM parties
             WHERE negotiation_id = ? ORDER BY position",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(Party {
                    id: r.id,
                    negotiation_id: r.negotiation_id,
                    name: r.name,
                    side: r.side.as_deref().map(Side::parse).transpose()?,
                    label: r.label,
                    colour: r.colour,
                    position: r.position,
                })
            })
            .collect()
    }

    /// Finds a party of a negotiation by its label (case-insensitive) or id.
    pub async fn find_party(&self, negotiation_id: i64, label: &str) -> Result<Party> {
        let parties = self.parties(negotiation_id).await?;
        let wanted = label.trim();
        parties
            .iter()
            .find(|p| p.label.eq_ignore_ascii_case(wanted))
            .or_else(|| parties.iter().find(|p| wanted.parse() == Ok(p.id)))
            .cloned()
            .ok_or_else(|| {
                let labels: Vec<&str> = parties.iter().map(|p| p.label.as_str()).collect();
                Error::not_found(format!(
                    "a party '{wanted}' in this negotiation (parties: {}, or joint)",
                    labels.join(", ")
                ))
            })
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
            return Err(Error::not_found(format!("party {party_id} in negotiation {negotiation_id}")));
        }
        events::append(&mut tx, negotiation_id, None, "owner_set", who, "", json!({ "party_id": party_id })).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn add_delegate(&self, party_id: i64, name: &str, role: Role) -> Result<Delegate> {
        let role_name = role.as_str();
        let id = sqlx::query_scalar!(
            r#"INSERT INTO delegates (party_id, name, role) VALUES (?, ?, ?) RETURNING id as "id!""#,
            party_id,
            name,
            role_name
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(Delegate { id, party_id, name: name.to_string(), role })
    }

    pub async fn delegates(&self, negotiation_id: i64) -> Result<Vec<Delegate>> {
        let rows = sqlx::query!(
            "SELECT d.id, d.party_id, d.name, d.role FROM delegates d JOIN parties p ON p.id = d.party_id
             WHERE p.negotiation_id = ? ORDER BY p.position, d.id",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| Ok(Delegate { id: r.id, party_id: r.party_id, name: r.name, role: Role::parse(&r.role)? }))
            .collect()
    }
}
