//! A shared record's write transaction as the record's rules use it (`record::Tx`): PostgreSQL's
//! queries. A change locks its negotiation's row first, so that changes to one negotiation are
//! serialised by the database while others go on at once.

use serde_json::json;
use sqlx::PgConnection;

use trilogue_core::Result;
use trilogue_core::Who;
use trilogue_core::authentic::{LangText, parse_languages};
use trilogue_core::model::{ClauseStatus, ClosingRule, Further, NegotiationStatus, Priority, Role, Side, Wording};
use trilogue_core::record::{
    ClauseNames, DelegateBefore, Head, ImportedClause, ImportedText, InitialRow, Initialing, NegotiationRow, NewEvent,
    PartySide, Tabling, Tx, Unfinished, VersionRow,
};
use trilogue_core::store::{NewApproval, NewClause, NewCommitment, NewParty, NewSession};
use trilogue_core::words::Lang;

pub struct PgTx<'c>(pub &'c mut PgConnection);

impl Tx for PgTx<'_> {
    async fn lock(&mut self, negotiation_id: i64) -> Result<()> {
        sqlx::query!("SELECT id FROM negotiations WHERE id = $1 FOR NO KEY UPDATE", negotiation_id)
            .fetch_optional(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn chain_head(&mut self, negotiation_id: i64) -> Result<Option<String>> {
        Ok(sqlx::query_scalar!("SELECT trilogue_chain_head($1)", negotiation_id).fetch_one(&mut *self.0).await?)
    }

    async fn insert_event(&mut self, e: &NewEvent<'_>) -> Result<i64> {
        Ok(sqlx::query_scalar!(
            "INSERT INTO events (negotiation_id, clause_id, kind, actor, at, reason, detail, prev_hash, hash, side)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $10 THEN trilogue_side() END) RETURNING id",
            e.negotiation_id,
            e.clause_id,
            e.kind,
            e.actor,
            e.at,
            e.reason,
            e.detail,
            e.prev_hash,
            e.hash,
            e.private
        )
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn insert_negotiation(&mut self, n: &NegotiationRow<'_>) -> Result<i64> {
        Ok(sqlx::query_scalar!(
            "INSERT INTO negotiations (title, level, tripartite, starts_on, ends_on, created_at, closing_rule, languages)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            n.title,
            n.level,
            n.tripartite,
            n.starts_on,
            n.ends_on,
            n.created_at,
            n.closing_rule,
            n.languages
        )
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn languages(&mut self, negotiation_id: i64) -> Result<Vec<Lang>> {
        let stored = sqlx::query_scalar!("SELECT languages FROM negotiations WHERE id = $1", negotiation_id)
            .fetch_one(&mut *self.0)
            .await?;
        Ok(parse_languages(&stored))
    }

    async fn party_labelled(&mut self, negotiation_id: i64, label: &str) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar!(
            "SELECT id FROM parties WHERE negotiation_id = $1 AND lower(label) = lower($2)",
            negotiation_id,
            label
        )
        .fetch_optional(&mut *self.0)
        .await?)
    }

    async fn party_in(&mut self, negotiation_id: i64, party_id: i64) -> Result<bool> {
        let found = sqlx::query_scalar!(
            "SELECT id FROM parties WHERE id = $1 AND negotiation_id = $2",
            party_id,
            negotiation_id
        )
        .fetch_optional(&mut *self.0)
        .await?;
        Ok(found.is_some())
    }

    async fn insert_party(&mut self, negotiation_id: i64, p: &NewParty, label: &str, colour: &str) -> Result<i64> {
        let side = p.side.map(|s| s.as_str());
        Ok(sqlx::query_scalar!(
            "INSERT INTO parties (negotiation_id, name, side, label, colour, position)
             VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(position) + 1, 0) FROM parties WHERE negotiation_id = $1))
             RETURNING id",
            negotiation_id,
            p.name,
            side,
            label,
            colour
        )
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn insert_parties(&mut self, negotiation_id: i64, parties: &[(&str, String)]) -> Result<Vec<i64>> {
        sqlx::query!(
            "INSERT INTO parties (negotiation_id, name, label, colour, position)
             SELECT $1, j.value ->> 0, j.value ->> 0, j.value ->> 1, j.n - 1
             FROM jsonb_array_elements($2) WITH ORDINALITY AS j(value, n)",
            negotiation_id,
            json!(parties)
        )
        .execute(&mut *self.0)
        .await?;
        Ok(sqlx::query_scalar!("SELECT id FROM parties WHERE negotiation_id = $1 ORDER BY position", negotiation_id)
            .fetch_all(&mut *self.0)
            .await?)
    }

    async fn insert_clauses(
        &mut self,
        negotiation_id: i64,
        clauses: &[ImportedClause<'_>],
        at: &str,
    ) -> Result<Vec<i64>> {
        sqlx::query!(
            "INSERT INTO clauses (negotiation_id, ref, title, position, status, status_quo, created_at)
             SELECT $1, j.value ->> 'reference', j.value ->> 'title', j.n, j.value ->> 'status',
                    j.value ->> 'status_quo', $2
             FROM jsonb_array_elements($3) WITH ORDINALITY AS j(value, n)",
            negotiation_id,
            at,
            json!(clauses)
        )
        .execute(&mut *self.0)
        .await?;
        Ok(sqlx::query_scalar!("SELECT id FROM clauses WHERE negotiation_id = $1 ORDER BY position", negotiation_id)
            .fetch_all(&mut *self.0)
            .await?)
    }

    async fn insert_tabled(
        &mut self,
        texts: &[ImportedText<'_>],
        author: &str,
        at: &str,
        rationale: &str,
    ) -> Result<u64> {
        Ok(sqlx::query!(
            "INSERT INTO versions (clause_id, party_id, text, hash, author, created_at, rationale, tabled_at)
             SELECT j.clause_id, j.party_id, j.text, j.hash, $1, $2, $3, $2
             FROM jsonb_to_recordset($4) AS j(clause_id bigint, party_id bigint, text text, hash text)",
            author,
            at,
            rationale,
            json!(texts)
        )
        .execute(&mut *self.0)
        .await?
        .rows_affected())
    }

    async fn clause(&mut self, clause_id: i64) -> Result<Option<(i64, ClauseStatus)>> {
        let row = sqlx::query!("SELECT negotiation_id, status FROM clauses WHERE id = $1", clause_id)
            .fetch_optional(&mut *self.0)
            .await?;
        row.map(|r| Ok((r.negotiation_id, ClauseStatus::parse(&r.status)?))).transpose()
    }

    async fn clause_with_ref(&mut self, negotiation_id: i64, reference: &str) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar!(
            "SELECT id FROM clauses WHERE negotiation_id = $1 AND ref = $2",
            negotiation_id,
            reference
        )
        .fetch_optional(&mut *self.0)
        .await?)
    }

    async fn insert_clause(
        &mut self,
        negotiation_id: i64,
        new: &NewClause,
        reference: &str,
        section: &str,
        at: &str,
    ) -> Result<i64> {
        Ok(sqlx::query_scalar!(
            "INSERT INTO clauses (negotiation_id, ref, title, position, status_quo, created_at, section)
             VALUES ($1, $2, $3, (SELECT coalesce(max(position), 0) + 1 FROM clauses WHERE negotiation_id = $1), $4, $5, $6)
             RETURNING id",
            negotiation_id,
            reference,
            new.title,
            new.status_quo,
            at,
            section
        )
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn add_topic(&mut self, clause_id: i64, topic: &str) -> Result<()> {
        sqlx::query!(
            "INSERT INTO clause_topics (clause_id, topic) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            clause_id,
            topic
        )
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn set_clause_status(&mut self, clause_id: i64, to: ClauseStatus) -> Result<()> {
        sqlx::query!("UPDATE clauses SET status = $1 WHERE id = $2", to.as_str(), clause_id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn move_negotiation(
        &mut self,
        negotiation_id: i64,
        from: NegotiationStatus,
        to: NegotiationStatus,
    ) -> Result<bool> {
        let moved = sqlx::query!(
            "UPDATE negotiations SET status = $1 WHERE id = $2 AND status = $3",
            to.as_str(),
            negotiation_id,
            from.as_str()
        )
        .execute(&mut *self.0)
        .await?
        .rows_affected();
        Ok(moved > 0)
    }

    async fn session_in(&mut self, negotiation_id: i64, session_id: i64) -> Result<bool> {
        let found = sqlx::query_scalar!(
            "SELECT id FROM sessions WHERE id = $1 AND negotiation_id = $2",
            session_id,
            negotiation_id
        )
        .fetch_optional(&mut *self.0)
        .await?;
        Ok(found.is_some())
    }

    async fn track_head(&mut self, clause_id: i64, party_id: Option<i64>) -> Result<Option<Head>> {
        let row = sqlx::query!(
            "SELECT id, hash, needs_revision FROM versions WHERE clause_id = $1 AND party_id IS NOT DISTINCT FROM $2
             ORDER BY id DESC LIMIT 1",
            clause_id,
            party_id
        )
        .fetch_optional(&mut *self.0)
        .await?;
        Ok(row.map(|r| Head { id: r.id, hash: r.hash, needs_revision: parse_languages(&r.needs_revision) }))
    }

    async fn version_set(&mut self, version_id: i64, languages: &[Lang]) -> Result<Vec<LangText>> {
        version_set(self.0, version_id, languages).await
    }

    async fn insert_version(&mut self, v: &VersionRow<'_>) -> Result<i64> {
        Ok(sqlx::query_scalar!(
            "INSERT INTO versions (clause_id, party_id, parent_id, text, hash, author, created_at, rationale, tabled_at,
                                   session_id, sent_by, letter_ref, needs_revision)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            v.clause_id,
            v.party_id,
            v.parent_id,
            v.text,
            v.hash,
            v.author,
            v.created_at,
            v.rationale,
            v.tabled_at,
            v.session_id,
            v.sent_by,
            v.letter_ref,
            v.needs_revision
        )
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn insert_version_text(&mut self, version_id: i64, lang: Lang, text: &str) -> Result<()> {
        sqlx::query!(
            "INSERT INTO version_texts (version_id, lang, text) VALUES ($1, $2, $3)",
            version_id,
            lang.code(),
            text
        )
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn version_to_table(&mut self, version_id: i64) -> Result<Option<Tabling>> {
        let row = sqlx::query!(
            "SELECT v.clause_id, v.party_id, v.hash, v.tabled_at, c.negotiation_id FROM versions v
             JOIN clauses c ON c.id = v.clause_id WHERE v.id = $1",
            version_id
        )
        .fetch_optional(&mut *self.0)
        .await?;
        Ok(row.map(|r| Tabling {
            negotiation_id: r.negotiation_id,
            clause_id: r.clause_id,
            party_id: r.party_id,
            hash: r.hash,
            tabled_at: r.tabled_at,
        }))
    }

    async fn set_tabled(&mut self, version_id: i64, at: &str, session_id: Option<i64>) -> Result<()> {
        sqlx::query!("UPDATE versions SET tabled_at = $1, session_id = $2 WHERE id = $3", at, session_id, version_id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn void_initials(&mut self, clause_id: i64, version_id: i64, hash: &str, at: &str) -> Result<u64> {
        Ok(sqlx::query!(
            "UPDATE initials SET voided_at = $1, voided_by_version = $2
             WHERE clause_id = $3 AND voided_at IS NULL AND hash <> $4",
            at,
            version_id,
            clause_id,
            hash
        )
        .execute(&mut *self.0)
        .await?
        .rows_affected())
    }

    async fn parties(&mut self, negotiation_id: i64) -> Result<Vec<PartySide>> {
        let rows = sqlx::query!(
            "SELECT id, side, label FROM parties WHERE negotiation_id = $1 ORDER BY position",
            negotiation_id
        )
        .fetch_all(&mut *self.0)
        .await?;
        rows.into_iter()
            .map(|r| Ok(PartySide { id: r.id, side: r.side.as_deref().map(Side::parse).transpose()?, label: r.label }))
            .collect()
    }

    async fn closing_rule(&mut self, negotiation_id: i64) -> Result<ClosingRule> {
        let rule = sqlx::query_scalar!("SELECT closing_rule FROM negotiations WHERE id = $1", negotiation_id)
            .fetch_one(&mut *self.0)
            .await?;
        ClosingRule::parse(&rule)
    }

    async fn standing_initials(&mut self, clause_id: i64) -> Result<Vec<(i64, String)>> {
        let rows =
            sqlx::query!("SELECT party_id, hash FROM initials WHERE clause_id = $1 AND voided_at IS NULL", clause_id)
                .fetch_all(&mut *self.0)
                .await?;
        Ok(rows.into_iter().map(|r| (r.party_id, r.hash)).collect())
    }

    async fn party_initial(&mut self, clause_id: i64, party_id: i64) -> Result<Option<(i64, String)>> {
        let row = sqlx::query!(
            "SELECT id, hash FROM initials WHERE clause_id = $1 AND party_id = $2 AND voided_at IS NULL",
            clause_id,
            party_id
        )
        .fetch_optional(&mut *self.0)
        .await?;
        Ok(row.map(|r| (r.id, r.hash)))
    }

    async fn wordings(&mut self, clause_id: i64) -> Result<Vec<Wording>> {
        Ok(sqlx::query!(
            r#"SELECT DISTINCT ON (party_id) party_id as "party_id!", id, text FROM versions
               WHERE clause_id = $1 AND party_id IS NOT NULL AND tabled_at IS NOT NULL
               ORDER BY party_id, id DESC"#,
            clause_id
        )
        .fetch_all(&mut *self.0)
        .await?
        .into_iter()
        .map(|r| Wording { party_id: r.party_id, version_id: r.id, text: r.text })
        .collect())
    }

    async fn insert_protocol_entry(
        &mut self,
        clause_id: i64,
        further: Further,
        reason: &str,
        wordings: &str,
        who: &Who,
    ) -> Result<i64> {
        Ok(sqlx::query_scalar!(
            "INSERT INTO protocol_entries (clause_id, further, reason, wordings, recorded_by, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            clause_id,
            further.as_str(),
            reason,
            wordings,
            who.name,
            trilogue_core::store::stamp(who.at)
        )
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn version_to_initial(&mut self, version_id: i64, clause_id: i64) -> Result<Option<Initialing>> {
        let row = sqlx::query!(
            "SELECT hash, tabled_at, needs_revision FROM versions WHERE id = $1 AND clause_id = $2",
            version_id,
            clause_id
        )
        .fetch_optional(&mut *self.0)
        .await?;
        Ok(row.map(|r| Initialing {
            hash: r.hash,
            tabled: r.tabled_at.is_some(),
            needs_revision: parse_languages(&r.needs_revision),
        }))
    }

    async fn delegate_for(&mut self, delegate_id: i64, party_id: i64, negotiation_id: i64) -> Result<Option<String>> {
        Ok(sqlx::query_scalar!(
            "SELECT d.name FROM delegates d JOIN parties p ON p.id = d.party_id
             WHERE d.id = $1 AND d.retired_at IS NULL AND (d.party_id = $2 OR (p.negotiation_id = $3
               AND p.side IS NOT NULL AND p.side = (SELECT side FROM parties WHERE id = $2)))",
            delegate_id,
            party_id,
            negotiation_id
        )
        .fetch_optional(&mut *self.0)
        .await?)
    }

    async fn signatory(&mut self, party_id: i64, negotiation_id: i64) -> Result<Option<String>> {
        Ok(sqlx::query_scalar!(
            "SELECT d.name FROM delegates d JOIN parties p ON p.id = d.party_id
             WHERE d.retired_at IS NULL AND ((d.role = 'coordinator' AND p.negotiation_id = $2 AND p.side IS NOT NULL
                    AND p.side = (SELECT side FROM parties WHERE id = $1))
                OR (d.role = 'spokesperson' AND d.party_id = $1))
             ORDER BY d.role = 'coordinator' DESC, d.party_id = $1 DESC, d.id LIMIT 1",
            party_id,
            negotiation_id
        )
        .fetch_optional(&mut *self.0)
        .await?)
    }

    async fn void_initial(&mut self, initial_id: i64, at: &str, version_id: i64) -> Result<()> {
        sqlx::query!(
            "UPDATE initials SET voided_at = $1, voided_by_version = $2 WHERE id = $3",
            at,
            version_id,
            initial_id
        )
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn insert_initial(&mut self, i: &InitialRow<'_>) -> Result<()> {
        sqlx::query!(
            "INSERT INTO initials (clause_id, party_id, version_id, hash, initialed_by, initialed_at, session_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            i.clause_id,
            i.party_id,
            i.version_id,
            i.hash,
            i.initialed_by,
            i.initialed_at,
            i.session_id
        )
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn clause_names(&mut self, clause_id: i64) -> Result<Option<ClauseNames>> {
        let row = sqlx::query!("SELECT negotiation_id, ref, title, section FROM clauses WHERE id = $1", clause_id)
            .fetch_optional(&mut *self.0)
            .await?;
        Ok(row.map(|r| ClauseNames {
            negotiation_id: r.negotiation_id,
            reference: r.r#ref,
            title: r.title,
            section: r.section,
        }))
    }

    async fn set_clause_names(&mut self, clause_id: i64, reference: &str, title: &str, section: &str) -> Result<()> {
        sqlx::query!(
            "UPDATE clauses SET ref = $1, title = $2, section = $3 WHERE id = $4",
            reference,
            title,
            section,
            clause_id
        )
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn topics(&mut self, clause_id: i64) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar!("SELECT topic FROM clause_topics WHERE clause_id = $1 ORDER BY topic", clause_id)
            .fetch_all(&mut *self.0)
            .await?)
    }

    async fn clear_topics(&mut self, clause_id: i64) -> Result<()> {
        sqlx::query!("DELETE FROM clause_topics WHERE clause_id = $1", clause_id).execute(&mut *self.0).await?;
        Ok(())
    }

    async fn standard_codes(&mut self, clause_id: i64) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar!(
            "SELECT s.code FROM clause_standards cs JOIN standards s ON s.id = cs.standard_id
             WHERE cs.clause_id = $1 ORDER BY s.code",
            clause_id
        )
        .fetch_all(&mut *self.0)
        .await?)
    }

    async fn clear_standards(&mut self, clause_id: i64) -> Result<()> {
        sqlx::query!("DELETE FROM clause_standards WHERE clause_id = $1", clause_id).execute(&mut *self.0).await?;
        Ok(())
    }

    async fn link_standard(&mut self, clause_id: i64, code: &str) -> Result<bool> {
        let known =
            sqlx::query_scalar!("SELECT id FROM standards WHERE code = $1", code).fetch_optional(&mut *self.0).await?;
        let Some(standard_id) = known else { return Ok(false) };
        sqlx::query!(
            "INSERT INTO clause_standards (clause_id, standard_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            clause_id,
            standard_id
        )
        .execute(&mut *self.0)
        .await?;
        Ok(true)
    }

    async fn clause_order(&mut self, negotiation_id: i64) -> Result<Vec<i64>> {
        Ok(sqlx::query_scalar!("SELECT id FROM clauses WHERE negotiation_id = $1 ORDER BY position", negotiation_id)
            .fetch_all(&mut *self.0)
            .await?)
    }

    async fn set_positions(&mut self, order: &[i64]) -> Result<()> {
        sqlx::query!(
            "UPDATE clauses c SET position = o.n FROM unnest($1::bigint[]) WITH ORDINALITY AS o(id, n) WHERE c.id = o.id",
            order
        )
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn insert_reservation(
        &mut self,
        clause_id: i64,
        party_id: i64,
        text: &str,
        by: &str,
        at: &str,
    ) -> Result<i64> {
        Ok(sqlx::query_scalar!(
            "INSERT INTO reservations (clause_id, party_id, text, recorded_by, recorded_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
            clause_id,
            party_id,
            text,
            by,
            at
        )
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn negotiation_status(&mut self, negotiation_id: i64) -> Result<Option<NegotiationStatus>> {
        let status = sqlx::query_scalar!("SELECT status FROM negotiations WHERE id = $1", negotiation_id)
            .fetch_optional(&mut *self.0)
            .await?;
        status.map(|s| NegotiationStatus::parse(&s)).transpose()
    }

    async fn clause_statuses(&mut self, negotiation_id: i64) -> Result<Vec<(String, ClauseStatus)>> {
        let rows =
            sqlx::query!("SELECT ref, status FROM clauses WHERE negotiation_id = $1 ORDER BY position", negotiation_id)
                .fetch_all(&mut *self.0)
                .await?;
        rows.into_iter().map(|r| Ok((r.r#ref, ClauseStatus::parse(&r.status)?))).collect()
    }

    async fn votes_since_settlement(&mut self, negotiation_id: i64) -> Result<(i64, i64)> {
        let r = sqlx::query!(
            r#"SELECT count(*) FILTER (WHERE (detail::jsonb ->> 'approved')::boolean) as "approved!",
                      count(*) FILTER (WHERE NOT (detail::jsonb ->> 'approved')::boolean) as "rejected!"
               FROM events WHERE negotiation_id = $1 AND kind IN ('ratification_recorded', 'approval_recorded')
                 AND (detail::jsonb ->> 'step') IS DISTINCT FROM 'signing'
                 AND (detail::jsonb ->> 'step') IS DISTINCT FROM 'registration'
                 AND id > coalesce(
                 (SELECT max(id) FROM events WHERE negotiation_id = $1 AND kind = 'negotiation_status_changed'
                    AND detail::jsonb ->> 'to' = $2), 0)"#,
            negotiation_id,
            NegotiationStatus::TentativeSettlement.as_str()
        )
        .fetch_one(&mut *self.0)
        .await?;
        Ok((r.approved, r.rejected))
    }

    async fn insert_approval(
        &mut self,
        negotiation_id: i64,
        new: &NewApproval,
        body: &str,
        by: &str,
        at: &str,
    ) -> Result<i64> {
        let (votes_for, votes_against, abstaining) = match new.vote {
            Some(v) => (Some(v.votes_for), Some(v.votes_against), Some(v.abstaining)),
            None => (None, None, None),
        };
        Ok(sqlx::query_scalar!(
            "INSERT INTO approval_steps (negotiation_id, step, side, body, decided_on, votes_for, votes_against,
                                        abstaining, approved, recorded_by, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            negotiation_id,
            new.step.as_str(),
            new.side.map(Side::as_str),
            body,
            new.decided_on,
            votes_for,
            votes_against,
            abstaining,
            new.approved,
            by,
            at
        )
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn insert_commitment(
        &mut self,
        negotiation_id: i64,
        new: &NewCommitment,
        (text, responsible): (&str, &str),
        by: &str,
        at: &str,
    ) -> Result<i64> {
        Ok(sqlx::query_scalar!(
            "INSERT INTO commitments (negotiation_id, clause_id, text, responsible, due_on, recorded_by, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            negotiation_id,
            new.clause_id,
            text,
            responsible,
            new.due_on,
            by,
            at
        )
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn commitment_to_finish(&mut self, commitment_id: i64) -> Result<Option<Unfinished>> {
        let row = sqlx::query!(
            "SELECT negotiation_id, clause_id, text, done_on FROM commitments WHERE id = $1",
            commitment_id
        )
        .fetch_optional(&mut *self.0)
        .await?;
        Ok(row.map(|r| Unfinished {
            negotiation_id: r.negotiation_id,
            clause_id: r.clause_id,
            text: r.text,
            done_on: r.done_on,
        }))
    }

    async fn set_commitment_done(&mut self, commitment_id: i64, done_on: &str) -> Result<()> {
        sqlx::query!("UPDATE commitments SET done_on = $1 WHERE id = $2", done_on, commitment_id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn record_revision_author(
        &mut self,
        negotiation_id: i64,
        author: &str,
        party_id: i64,
        by: &str,
        at: &str,
    ) -> Result<()> {
        sqlx::query!(
            "INSERT INTO revision_authors (negotiation_id, author, party_id, recorded_by, recorded_at)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (negotiation_id, author) DO UPDATE
             SET party_id = excluded.party_id, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
            negotiation_id,
            author,
            party_id,
            by,
            at
        )
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn insert_session(&mut self, negotiation_id: i64, new: &NewSession) -> Result<(i64, i64)> {
        let r = sqlx::query!(
            "INSERT INTO sessions (negotiation_id, number, starts_at, place, kind, minutes)
             VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM sessions WHERE negotiation_id = $1), $2, $3, $4, $5)
             RETURNING id, number",
            negotiation_id,
            new.starts_at,
            new.place,
            new.kind.as_str(),
            new.minutes
        )
        .fetch_one(&mut *self.0)
        .await?;
        Ok((r.id, r.number))
    }

    async fn session_of(&mut self, session_id: i64) -> Result<Option<(i64, i64)>> {
        let row = sqlx::query!("SELECT negotiation_id, number FROM sessions WHERE id = $1", session_id)
            .fetch_optional(&mut *self.0)
            .await?;
        Ok(row.map(|r| (r.negotiation_id, r.number)))
    }

    async fn set_session_minutes(&mut self, session_id: i64, minutes: &str) -> Result<()> {
        sqlx::query!("UPDATE sessions SET minutes = $1 WHERE id = $2", minutes, session_id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn delegates_outside(&mut self, negotiation_id: i64, delegates: &[i64]) -> Result<i64> {
        Ok(sqlx::query_scalar!(
            r#"SELECT count(*) as "n!" FROM unnest($1::bigint[]) AS j(id)
               WHERE NOT EXISTS (SELECT 1 FROM delegates d JOIN parties p ON p.id = d.party_id
                                 WHERE d.id = j.id AND p.negotiation_id = $2)"#,
            delegates,
            negotiation_id
        )
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn clauses_outside(&mut self, negotiation_id: i64, clauses: &[i64]) -> Result<Vec<i64>> {
        Ok(sqlx::query_scalar!(
            r#"SELECT j.id as "id!" FROM unnest($1::bigint[]) AS j(id)
               WHERE NOT EXISTS (SELECT 1 FROM clauses c WHERE c.id = j.id AND c.negotiation_id = $2)"#,
            clauses,
            negotiation_id
        )
        .fetch_all(&mut *self.0)
        .await?)
    }

    async fn set_attendees(&mut self, session_id: i64, delegates: &[i64]) -> Result<()> {
        sqlx::query!("DELETE FROM session_attendees WHERE session_id = $1", session_id).execute(&mut *self.0).await?;
        sqlx::query!(
            "INSERT INTO session_attendees (session_id, delegate_id) SELECT $1, id FROM unnest($2::bigint[]) AS j(id)
             ON CONFLICT DO NOTHING",
            session_id,
            delegates
        )
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn set_agenda(&mut self, session_id: i64, clauses: &[i64]) -> Result<()> {
        sqlx::query!(
            "INSERT INTO session_agenda (session_id, clause_id, position)
             SELECT $1, j.id, j.n - 1 FROM unnest($2::bigint[]) WITH ORDINALITY AS j(id, n)
             ON CONFLICT DO NOTHING",
            session_id,
            clauses
        )
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn negotiation_of_party(&mut self, party_id: i64) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar!("SELECT negotiation_id FROM parties WHERE id = $1", party_id)
            .fetch_optional(&mut *self.0)
            .await?)
    }

    async fn insert_delegate(&mut self, party_id: i64, name: &str, role: Role) -> Result<i64> {
        Ok(sqlx::query_scalar!(
            "INSERT INTO delegates (party_id, name, role) VALUES ($1, $2, $3) RETURNING id",
            party_id,
            name,
            role.as_str()
        )
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn delegate_to_edit(&mut self, delegate_id: i64) -> Result<Option<DelegateBefore>> {
        let row = sqlx::query!(
            "SELECT d.name, d.role, d.retired_at, p.negotiation_id FROM delegates d JOIN parties p ON p.id = d.party_id
             WHERE d.id = $1",
            delegate_id
        )
        .fetch_optional(&mut *self.0)
        .await?;
        Ok(row.map(|r| DelegateBefore {
            negotiation_id: r.negotiation_id,
            name: r.name,
            role: r.role,
            retired: r.retired_at.is_some(),
        }))
    }

    async fn update_delegate(
        &mut self,
        delegate_id: i64,
        name: &str,
        role: Role,
        retired_at: Option<&str>,
    ) -> Result<()> {
        sqlx::query!(
            "UPDATE delegates SET name = $1, role = $2, retired_at = $3 WHERE id = $4",
            name,
            role.as_str(),
            retired_at,
            delegate_id
        )
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn insert_note(
        &mut self,
        clause_id: i64,
        priority: Priority,
        red_line: &str,
        reasoning: &str,
        who: &Who,
        at: &str,
    ) -> Result<i64> {
        Ok(sqlx::query_scalar!(
            "INSERT INTO private_notes (clause_id, priority, red_line, reasoning, author, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            clause_id,
            priority.as_str(),
            red_line,
            reasoning,
            who.name,
            at
        )
        .fetch_one(&mut *self.0)
        .await?)
    }
}

/// A version's texts as a set, in the order of the languages: what its hash is the hash of.
pub(crate) async fn version_set(conn: &mut PgConnection, version_id: i64, languages: &[Lang]) -> Result<Vec<LangText>> {
    let text = sqlx::query_scalar!("SELECT text FROM versions WHERE id = $1", version_id).fetch_one(&mut *conn).await?;
    let first = languages.first().copied().unwrap_or_default();
    let mut set = vec![LangText { lang: first, text }];
    let others = sqlx::query!("SELECT lang, text FROM version_texts WHERE version_id = $1", version_id)
        .fetch_all(&mut *conn)
        .await?;
    set.extend(others.into_iter().filter_map(|r| Some(LangText { lang: r.lang.parse().ok()?, text: r.text })));
    set.sort_by_key(|t| languages.iter().position(|l| *l == t.lang));
    Ok(set)
}
