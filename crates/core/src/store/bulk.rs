//! Whole-file imports, each in one transaction: a file imports completely or not at all. Rows go in
//! as one JSON array per statement (`json_each`), so a 1,700-clause table is a handful of statements
//! rather than ten thousand round trips, and every statement is still checked at compile time.

use serde_json::json;

use super::negotiations::party_colour;
use super::{NewClause, NewNegotiation, Store, Who, events};
use crate::error::{Error, Result};
use crate::import::PositionTable;
use crate::message::Msg;
use crate::model::{Level, Negotiation};
use crate::text::text_hash;

impl Store {
    /// Imports a position table as a new negotiation: a party per column, a clause per row, each
    /// non-empty cell a tabled version on its track, `base` the status-quo text.
    pub async fn import_table(
        &self,
        table: &PositionTable,
        title: &str,
        source_name: &str,
        who: &Who,
    ) -> Result<Negotiation> {
        let title = title.trim();
        if title.is_empty() {
            return Err(Error::Invalid(Msg::NegotiationNeedsTitle));
        }
        let mut tx = self.begin().await?;
        let (at, tripartite) = (who.stamp(), table.parties.len() == 3);
        let level = Level::General.as_str();
        let negotiation_id = sqlx::query_scalar!(
            r#"INSERT INTO negotiations (title, level, tripartite, status, created_at)
               VALUES (?, ?, ?, 'in_session', ?) RETURNING id as "id!""#,
            title,
            level,
            tripartite,
            at
        )
        .fetch_one(&mut *tx)
        .await?;
        let parties =
            json!(table.parties.iter().enumerate().map(|(i, l)| json!([l, party_colour(i)])).collect::<Vec<_>>())
                .to_string();
        sqlx::query!(
            "INSERT INTO parties (negotiation_id, name, label, colour, position)
             SELECT ?1, j.value ->> 0, j.value ->> 0, j.value ->> 1, j.key FROM json_each(?2) j",
            negotiation_id,
            parties
        )
        .execute(&mut *tx)
        .await?;
        let party_ids =
            sqlx::query_scalar!("SELECT id FROM parties WHERE negotiation_id = ? ORDER BY position", negotiation_id)
                .fetch_all(&mut *tx)
                .await?;

        let clauses: Vec<_> = table
            .rows
            .iter()
            .map(|row| {
                let tabled = row.positions.iter().any(|c| !c.is_empty()) || !row.joint.is_empty();
                let base = (!row.base.is_empty()).then_some(&row.base);
                json!([row.reference, row.title, if tabled { "open" } else { "not_opened" }, base])
            })
            .collect();
        let clauses = json!(clauses).to_string();
        sqlx::query!(
            "INSERT INTO clauses (negotiation_id, ref, title, position, status, status_quo, created_at)
             SELECT ?1, j.value ->> 0, j.value ->> 1, j.key + 1, j.value ->> 2, j.value ->> 3, ?2 FROM json_each(?3) j",
            negotiation_id,
            at,
            clauses
        )
        .execute(&mut *tx)
        .await?;
        // Clause ids in row order (positions follow the rows): versions refer to them directly.
        let clause_ids =
            sqlx::query_scalar!("SELECT id FROM clauses WHERE negotiation_id = ? ORDER BY position", negotiation_id)
                .fetch_all(&mut *tx)
                .await?;
        let mut versions = Vec::with_capacity(table.rows.len() * (table.parties.len() + 1));
        for (row, clause_id) in table.rows.iter().zip(&clause_ids) {
            let cells = party_ids.iter().map(Some).zip(&row.positions).chain([(None, &row.joint)]);
            for (party_id, text) in cells.filter(|(_, t)| !t.is_empty()) {
                versions.push(json!([clause_id, party_id, text, text_hash(text)]));
            }
        }
        let versions = json!(versions).to_string();
        // the file the texts came from (a name, not a sentence: the reader's language words the rest)
        let rationale = source_name;
        let inserted = sqlx::query!(
            "INSERT INTO versions (clause_id, party_id, text, hash, author, created_at, rationale, tabled_at)
             SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, ?1, ?2, ?3, ?2 FROM json_each(?4) j",
            who.name,
            at,
            rationale,
            versions
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let detail = json!({ "source": source_name, "parties": table.parties, "clauses": table.rows.len(), "versions": inserted });
        events::append(&mut tx, negotiation_id, None, "table_imported", who, rationale, detail).await?;
        tx.commit().await?;
        self.negotiation(negotiation_id).await
    }

    /// Imports an agreement's clauses (from Markdown) as a new negotiation with the given parties.
    pub async fn import_clauses(
        &self,
        new: &NewNegotiation,
        parties: &[super::NewParty],
        clauses: &[NewClause],
        source_name: &str,
        who: &Who,
    ) -> Result<Negotiation> {
        let mut tx = self.begin().await?;
        let negotiation_id = super::negotiations::insert(&mut tx, new, parties, who).await?;
        for clause in clauses {
            super::clauses::insert(&mut tx, negotiation_id, clause, who).await?;
        }
        let detail = json!({ "source": source_name, "clauses": clauses.len() });
        events::append(&mut tx, negotiation_id, None, "agreement_imported", who, "", detail).await?;
        tx.commit().await?;
        self.negotiation(negotiation_id).await
    }
}
