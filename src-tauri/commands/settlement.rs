//! Where the agreement stands: initials, sessions, the packet, the agreement's status, ratification,
//! and the reports that leave the workbench.

use serde::Deserialize;
use tauri::State;
use trilogue_core::Reader;
use trilogue_core::document::{self, Format};
use trilogue_core::model::{Approval, ClauseStatus, Commitment, Delegate, Negotiation, NegotiationStatus, Session};
use trilogue_core::packet::{Packet, packet, packet_page};
use trilogue_core::report::{InitialsTable, StatusReport, final_agreement, initials_table, status_report};
use trilogue_core::store::{NewApproval, NewCommitment, NewSession};
use trilogue_core::views::SessionDetail;
use trilogue_core::words::{Lang, Words};

use crate::error::IpcResult;
use crate::files;
use crate::state::Workbench;

/// A party initials one exact tabled version, by the delegate named (by default its side's
/// coordinator, else its spokesperson); returns the clause's status afterwards.
#[tauri::command]
#[specta::specta]
pub async fn initial(
    workbench: State<'_, Workbench>,
    clause_id: i64,
    party_id: i64,
    version_id: i64,
    delegate_id: Option<i64>,
) -> IpcResult<ClauseStatus> {
    let record = workbench.record();
    Ok(record.initial_by(clause_id, (party_id, delegate_id), version_id, None, &workbench.who()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn initials(workbench: State<'_, Workbench>, negotiation_id: i64) -> IpcResult<InitialsTable> {
    Ok(initials_table(&workbench.record(), negotiation_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn schedule_session(
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    session: NewSession,
) -> IpcResult<Session> {
    Ok(workbench.record().add_session(negotiation_id, &session, &workbench.who()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_attendees(
    workbench: State<'_, Workbench>,
    session_id: i64,
    delegates: Vec<i64>,
) -> IpcResult<Vec<Delegate>> {
    Ok(workbench.record().set_attendees(session_id, &delegates, &workbench.who()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_minutes(workbench: State<'_, Workbench>, session_id: i64, minutes: String) -> IpcResult<Session> {
    Ok(workbench.record().set_minutes(session_id, &minutes, &workbench.who()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn session_detail(workbench: State<'_, Workbench>, session_id: i64) -> IpcResult<SessionDetail> {
    let record = workbench.record();
    let session = record.session(session_id).await?;
    Ok(SessionDetail::load(&record, session).await?)
}

/// What changed since a session began (the last one held when `since` is none): the counts, and the
/// changes of `limit` changed clauses from the `from`th on — a screenful; the exported packet holds
/// them all.
#[tauri::command]
#[specta::specta]
pub async fn session_packet(
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    since: Option<i64>,
    from: u32,
    limit: u32,
) -> IpcResult<Packet> {
    Ok(packet_page(&workbench.record(), negotiation_id, since, from as usize, limit as usize, workbench.now()).await?)
}

#[tauri::command]
#[specta::specta]
/// The status report, its events in `lang`'s words.
pub async fn report(workbench: State<'_, Workbench>, negotiation_id: i64, lang: Lang) -> IpcResult<StatusReport> {
    Ok(status_report(&workbench.record(), negotiation_id, 30, workbench.now(), &Words::new(lang)).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_agreement_status(
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    status: NegotiationStatus,
    reason: String,
) -> IpcResult<Negotiation> {
    let record = workbench.record();
    record.set_negotiation_status(negotiation_id, status, &reason, &workbench.who()).await?;
    Ok(record.negotiation(negotiation_id).await?)
}

/// Records an approval step of the settled agreement.
#[tauri::command]
#[specta::specta]
pub async fn record_approval(
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    approval: NewApproval,
) -> IpcResult<Approval> {
    Ok(workbench.record().record_approval(negotiation_id, &approval, &workbench.who()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn approvals(workbench: State<'_, Workbench>, negotiation_id: i64) -> IpcResult<Vec<Approval>> {
    Ok(workbench.record().approvals(negotiation_id).await?)
}

/// The action plan: the commitments of the agreement, by due date.
#[tauri::command]
#[specta::specta]
pub async fn commitments(workbench: State<'_, Workbench>, negotiation_id: i64) -> IpcResult<Vec<Commitment>> {
    Ok(workbench.record().commitments(negotiation_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn add_commitment(
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    commitment: NewCommitment,
) -> IpcResult<Commitment> {
    Ok(workbench.record().add_commitment(negotiation_id, &commitment, &workbench.who()).await?)
}

/// Marks a commitment done today.
#[tauri::command]
#[specta::specta]
pub async fn commitment_done(workbench: State<'_, Workbench>, commitment_id: i64) -> IpcResult<Commitment> {
    let today = workbench.now().date_naive().to_string();
    Ok(workbench.record().commitment_done(commitment_id, &today, &workbench.who()).await?)
}

/// The documents that report where the agreement stands.
#[derive(Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    StatusReport,
    FinalAgreement,
    Packet,
}

/// The status report, the final agreement or the packet, saved where the user chooses; the file's
/// name, or none.
#[tauri::command]
#[specta::specta]
pub async fn export_report(
    window: tauri::WebviewWindow,
    workbench: State<'_, Workbench>,
    negotiation_id: i64,
    kind: ReportKind,
    format: Format,
    lang: Lang,
) -> IpcResult<Option<String>> {
    let w = Words::new(lang);
    let store = workbench.record();
    let title = store.negotiation(negotiation_id).await?.title;
    let what = match kind {
        ReportKind::StatusReport => "status report",
        ReportKind::FinalAgreement => "final agreement",
        ReportKind::Packet => "packet",
    };
    let now = workbench.now();
    let contents = async {
        let model = match kind {
            ReportKind::StatusReport => status_report(&store, negotiation_id, 30, now, &w).await?.to_model(&w),
            ReportKind::FinalAgreement => final_agreement(&store, negotiation_id).await?.to_model(&w),
            ReportKind::Packet => packet(&store, negotiation_id, None, now).await?.to_model(&w),
        };
        Ok(document::render(&model, format)?)
    };
    let name = files::suggested_name(&title, what, format.extension());
    files::export(&window, &name, files::document_filter(format), contents).await
}
