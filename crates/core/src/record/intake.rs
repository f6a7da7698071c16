//! Taking in what another party sent, by the same rules on every backend: the plan made from what the
//! record reads (`store::plan_intake`) is written in the caller's one transaction — the authors of
//! tracked changes recorded as their organisations, new clauses added at the end, every new or changed
//! text tabled with its provenance — so that a refusal anywhere writes nothing.

use super::{Tx, add_clause, propose, with_language};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::Party;
use crate::store::{IntakeChange, IntakePlan, NewClause, NewVersion, Provenance, Submission, Who, at_line};
use crate::words::Lang;

/// Writes `plan` for `submission` into the negotiation (`(id, parties, authentic languages)`).
pub async fn take_in(
    tx: &mut impl Tx,
    (negotiation_id, parties, languages): (i64, &[Party], &[Lang]),
    submission: &Submission,
    mut plan: IntakePlan,
    provenance: &Provenance,
    who: &Who,
) -> Result<IntakePlan> {
    for a in &provenance.authors {
        if !parties.iter().any(|p| p.id == a.party_id) {
            return Err(Error::NotFound(Msg::NoParty { id: a.party_id }));
        }
    }
    let lang = submission.language(languages);
    let recorded: Vec<bool> = plan.authors.iter().map(|r| r.recorded).collect();
    plan.take_authors_as(&provenance.authors);
    tx.lock(negotiation_id).await?;
    let at = who.stamp();
    for (r, was_recorded) in plan.authors.iter_mut().zip(recorded) {
        let chosen = provenance.authors.iter().any(|a| a.author == r.author);
        if let Some(party_id) = r.party_id.filter(|_| chosen || !was_recorded) {
            tx.record_revision_author(negotiation_id, &r.author, party_id, &who.name, &at).await?;
            r.recorded = true;
        }
    }
    for (row, sent) in plan.rows.iter().zip(&submission.clauses) {
        let clause_id = match row.clause_id {
            Some(id) => id,
            None => {
                let new = NewClause {
                    reference: sent.reference.clone(),
                    title: sent.title.clone(),
                    status_quo: None,
                    topics: vec![],
                    section: sent.section.clone(),
                };
                add_clause(tx, negotiation_id, &new, who).await.map_err(|e| at_line(e, submission, row.line))?
            }
        };
        for (t, (_, text)) in row.texts.iter().zip(&sent.texts) {
            if t.change == IntakeChange::Same {
                continue;
            }
            // a set of languages: this one's text, the others carried over
            let set = match lang {
                Some(lang) => with_language(tx, clause_id, t.track, lang, text.clone()).await?,
                None => NewVersion::draft(t.track, text.clone()),
            };
            let new = NewVersion {
                received: provenance.received.clone(),
                sent_by: provenance.sent_by,
                letter_ref: provenance.letter_ref.clone(),
                tabled: true,
                session_id: provenance.session_id,
                ..set
            };
            propose(tx, clause_id, &new, who).await.map_err(|e| at_line(e, submission, row.line))?;
        }
    }
    Ok(plan)
}
