//! Whole-file imports, by the same rules on every backend: a file becomes a new negotiation in one
//! transaction, completely or not at all. A position table's rows go in as a handful of statements
//! (every clause in one, every tabled text in another), not as ten thousand round trips.

use serde_json::json;

use super::{ImportedClause, ImportedText, NegotiationRow, Tx, add_clause, append, create_negotiation};
use crate::error::{Error, Result};
use crate::import::PositionTable;
use crate::message::Msg;
use crate::model::{ClauseStatus, Level, NegotiationStatus};
use crate::store::{NewClause, NewNegotiation, NewParty, Who, party_colour};
use crate::text::text_hash;

/// Imports a position table as a new negotiation, in session: a party per column (named by its
/// label), a clause per row, each non-empty cell a tabled version on its track, `base` the status-quo
/// text. Returns the negotiation's id.
pub async fn import_table(
    tx: &mut impl Tx,
    table: &PositionTable,
    title: &str,
    source_name: &str,
    who: &Who,
) -> Result<i64> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Error::Invalid(Msg::NegotiationNeedsTitle));
    }
    let at = who.stamp();
    let start = NewNegotiation::titled(title, Level::General);
    let row = NegotiationRow {
        title,
        level: start.level.as_str(),
        tripartite: table.parties.len() == 3,
        starts_on: None,
        ends_on: None,
        created_at: &at,
        closing_rule: start.closing_rule.as_str(),
        languages: &crate::store::languages_text(&start.languages)?,
    };
    let negotiation_id = tx.insert_negotiation(&row).await?;
    tx.lock(negotiation_id).await?;
    tx.move_negotiation(negotiation_id, NegotiationStatus::Preparing, NegotiationStatus::InSession).await?;
    let parties: Vec<_> = table.parties.iter().enumerate().map(|(i, l)| (l.as_str(), party_colour(i))).collect();
    let party_ids = tx.insert_parties(negotiation_id, &parties).await?;

    let clauses: Vec<_> = table
        .rows
        .iter()
        .map(|row| {
            let tabled = row.positions.iter().any(|c| !c.is_empty()) || !row.joint.is_empty();
            let status = if tabled { ClauseStatus::Open } else { ClauseStatus::NotOpened };
            let status_quo = (!row.base.is_empty()).then_some(row.base.as_str());
            ImportedClause { reference: &row.reference, title: &row.title, status: status.as_str(), status_quo }
        })
        .collect();
    let clause_ids = tx.insert_clauses(negotiation_id, &clauses, &at).await?;

    let mut texts = Vec::with_capacity(table.rows.len() * (table.parties.len() + 1));
    for (row, &clause_id) in table.rows.iter().zip(&clause_ids) {
        let cells = party_ids.iter().copied().map(Some).zip(&row.positions).chain([(None, &row.joint)]);
        for (party_id, text) in cells.filter(|(_, t)| !t.is_empty()) {
            texts.push(ImportedText { clause_id, party_id, text, hash: text_hash(text) });
        }
    }
    // the file the texts came from (a name, not a sentence: the reader's language words the rest)
    let rationale = source_name;
    let inserted = tx.insert_tabled(&texts, &who.name, &at, rationale).await?;
    let detail =
        json!({ "source": source_name, "parties": table.parties, "clauses": table.rows.len(), "versions": inserted });
    append(tx, negotiation_id, None, "table_imported", who, rationale, detail).await?;
    Ok(negotiation_id)
}

/// Imports an agreement's clauses (from Markdown) as a new negotiation with the given parties.
pub async fn import_clauses(
    tx: &mut impl Tx,
    new: &NewNegotiation,
    parties: &[NewParty],
    clauses: &[NewClause],
    source_name: &str,
    who: &Who,
) -> Result<i64> {
    let negotiation_id = create_negotiation(tx, new, parties, who).await?;
    for clause in clauses {
        add_clause(tx, negotiation_id, clause, who).await?;
    }
    let detail = json!({ "source": source_name, "clauses": clauses.len() });
    append(tx, negotiation_id, None, "agreement_imported", who, "", detail).await?;
    Ok(negotiation_id)
}
