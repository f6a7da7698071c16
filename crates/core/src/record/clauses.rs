//! Changing a clause's names and place, and recording a reservation on it, by the same rules on every
//! backend: what each change checks first, and what the journal keeps of what was before.

use serde_json::json;

use super::{Tx, append};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::store::{ClauseEdit, Who, reorder};
use crate::text::check_size;

/// Renumbers, renames, regroups, retags or moves a clause; journaled with what it was before.
pub async fn edit_clause(tx: &mut impl Tx, clause_id: i64, edit: &ClauseEdit, who: &Who) -> Result<()> {
    let before = tx.clause_names(clause_id).await?.ok_or(Error::NotFound(Msg::NoClause { id: clause_id }))?;
    let n = before.negotiation_id;
    tx.lock(n).await?;
    let (mut reference, mut title, mut section) =
        (before.reference.clone(), before.title.clone(), before.section.clone());
    let detail = match edit {
        ClauseEdit::Ref { reference: to } => {
            let to = to.trim();
            if to.is_empty() {
                return Err(Error::Invalid(Msg::ClauseNeedsRef));
            }
            if tx.clause_with_ref(n, to).await?.is_some_and(|id| id != clause_id) {
                return Err(Error::Conflict(Msg::ClauseRefTaken { reference: to.to_string() }));
            }
            reference = to.to_string();
            json!({ "from": before.reference, "to": to })
        }
        ClauseEdit::Title { title: to } => {
            title = to.clone();
            json!({ "from": before.title, "to": to })
        }
        ClauseEdit::Section { section: to } => {
            section = to.trim().to_string();
            json!({ "from": before.section, "to": section })
        }
        ClauseEdit::Topics { topics } => {
            let was = tx.topics(clause_id).await?;
            tx.clear_topics(clause_id).await?;
            for topic in topics.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
                tx.add_topic(clause_id, topic).await?;
            }
            json!({ "from": was, "to": topics })
        }
        ClauseEdit::Standards { codes } => {
            let was = tx.standard_codes(clause_id).await?;
            tx.clear_standards(clause_id).await?;
            for code in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
                if !tx.link_standard(clause_id, code).await? {
                    return Err(Error::NotFound(Msg::NoStandard { code: code.to_string() }));
                }
            }
            json!({ "from": was, "to": codes })
        }
        ClauseEdit::Move { before: place } => {
            let order = tx.clause_order(n).await?;
            tx.set_positions(&reorder(&order, clause_id, *place)?).await?;
            json!({ "before": place })
        }
    };
    if matches!(edit, ClauseEdit::Ref { .. } | ClauseEdit::Title { .. } | ClauseEdit::Section { .. }) {
        tx.set_clause_names(clause_id, &reference, &title, &section).await?;
    }
    let kind = match edit {
        ClauseEdit::Ref { .. } => "clause_renumbered",
        ClauseEdit::Move { .. } => "clause_moved",
        _ => "clause_edited",
    };
    append(tx, n, Some(clause_id), kind, who, "", detail).await?;
    Ok(())
}

/// An organisation records a reservation on a clause: it goes along with its side, with this said.
/// Returns the reservation's id and when it was recorded.
pub async fn add_reservation(
    tx: &mut impl Tx,
    clause_id: i64,
    party_id: i64,
    text: &str,
    who: &Who,
) -> Result<(i64, String)> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::Invalid(Msg::ReservationNeedsText));
    }
    check_size("text", text)?;
    let (negotiation_id, _) = tx.clause(clause_id).await?.ok_or(Error::NotFound(Msg::NoClause { id: clause_id }))?;
    tx.lock(negotiation_id).await?;
    if !tx.party_in(negotiation_id, party_id).await? {
        return Err(Error::NotFound(Msg::NoParty { id: party_id }));
    }
    let at = who.stamp();
    let id = tx.insert_reservation(clause_id, party_id, text, &who.name, &at).await?;
    let detail = json!({ "reservation_id": id, "party_id": party_id });
    append(tx, negotiation_id, Some(clause_id), "reservation_recorded", who, text, detail).await?;
    Ok((id, at))
}
