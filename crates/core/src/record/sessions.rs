//! Sessions and delegations, by the same rules on every backend: who may be recorded as attending,
//! what an agenda may hold, how a session is numbered, and what the journal says of each change.

use serde_json::json;

use super::{Tx, append};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::Role;
use crate::store::{DelegateEdit, NewSession, Who};
use crate::text::check_size;

/// Schedules the next session of a negotiation, numbered after the last; returns its id.
pub async fn add_session(tx: &mut impl Tx, negotiation_id: i64, new: &NewSession, who: &Who) -> Result<i64> {
    check_size("minutes", &new.minutes)?;
    tx.lock(negotiation_id).await?;
    check_attendees(tx, negotiation_id, &new.attendees).await?;
    if let Some(&id) = tx.clauses_outside(negotiation_id, &new.agenda).await?.first() {
        return Err(Error::NotFound(Msg::NoClause { id }));
    }
    let (id, number) = tx.insert_session(negotiation_id, new).await?;
    tx.set_attendees(id, &new.attendees).await?;
    tx.set_agenda(id, &new.agenda).await?;
    let detail = json!({ "session_id": id, "number": number, "starts_at": new.starts_at });
    append(tx, negotiation_id, None, "session_scheduled", who, "", detail).await?;
    Ok(id)
}

/// Writes a session's minutes (Markdown); the journal keeps the earlier minutes with the change.
pub async fn set_minutes(tx: &mut impl Tx, session_id: i64, minutes: &str, who: &Who) -> Result<()> {
    check_size("minutes", minutes)?;
    let (negotiation_id, number) = session_locked(tx, session_id).await?;
    tx.set_session_minutes(session_id, minutes).await?;
    let detail = json!({ "session_id": session_id, "number": number, "minutes": minutes });
    append(tx, negotiation_id, None, "minutes_written", who, "", detail).await?;
    Ok(())
}

/// Records who attended a session, replacing what was recorded; the journal keeps each record.
pub async fn set_attendees(tx: &mut impl Tx, session_id: i64, delegates: &[i64], who: &Who) -> Result<()> {
    let (negotiation_id, number) = session_locked(tx, session_id).await?;
    check_attendees(tx, negotiation_id, delegates).await?;
    tx.set_attendees(session_id, delegates).await?;
    let detail = json!({ "session_id": session_id, "number": number, "attendees": delegates });
    append(tx, negotiation_id, None, "attendance_recorded", who, "", detail).await?;
    Ok(())
}

/// Adds a delegate to an organisation's delegation; returns their id. Journaled, as every change to
/// who may act is.
pub async fn add_delegate(tx: &mut impl Tx, party_id: i64, name: &str, role: Role, who: &Who) -> Result<i64> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::Invalid(Msg::DelegateNeedsName));
    }
    let negotiation_id =
        tx.negotiation_of_party(party_id).await?.ok_or(Error::NotFound(Msg::NoParty { id: party_id }))?;
    tx.lock(negotiation_id).await?;
    let id = tx.insert_delegate(party_id, name, role).await?;
    let detail = json!({ "delegate_id": id, "party_id": party_id, "name": name, "role": role });
    append(tx, negotiation_id, None, "delegate_added", who, "", detail).await?;
    Ok(id)
}

/// Changes a delegate's name or role, or retires them: kept in the record, never erased.
pub async fn edit_delegate(tx: &mut impl Tx, delegate_id: i64, edit: &DelegateEdit, who: &Who) -> Result<()> {
    let before = tx.delegate_to_edit(delegate_id).await?.ok_or(Error::NotFound(Msg::NoDelegate { id: delegate_id }))?;
    tx.lock(before.negotiation_id).await?;
    if before.retired {
        return Err(Error::Invalid(Msg::DelegateRetired { name: before.name }));
    }
    let name = edit.name.trim();
    if name.is_empty() {
        return Err(Error::Invalid(Msg::DelegateNeedsName));
    }
    let retired_at = edit.retire.then(|| who.stamp());
    tx.update_delegate(delegate_id, name, edit.role, retired_at.as_deref()).await?;
    let kind = if edit.retire { "delegate_retired" } else { "delegate_edited" };
    let detail = json!({ "delegate_id": delegate_id, "from": { "name": before.name, "role": before.role },
        "to": { "name": name, "role": edit.role.as_str() } });
    append(tx, before.negotiation_id, None, kind, who, "", detail).await?;
    Ok(())
}

/// A session's negotiation, locked, and its number.
async fn session_locked(tx: &mut impl Tx, session_id: i64) -> Result<(i64, i64)> {
    let (negotiation_id, number) =
        tx.session_of(session_id).await?.ok_or(Error::NotFound(Msg::NoSession { id: session_id }))?;
    tx.lock(negotiation_id).await?;
    Ok((negotiation_id, number))
}

/// Only the negotiation's own delegates attend its sessions.
async fn check_attendees(tx: &mut impl Tx, negotiation_id: i64, delegates: &[i64]) -> Result<()> {
    if tx.delegates_outside(negotiation_id, delegates).await? > 0 {
        return Err(Error::Invalid(Msg::AttendeeNotDelegate));
    }
    Ok(())
}
