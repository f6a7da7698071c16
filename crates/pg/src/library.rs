//! The standards and the clause library (`trilogue_core::library`) on a server: seeded when the record
//! is installed or brought up to date, one statement per table, and read by every member alike; a
//! clause or a draft started from a model, by the core's rules.

use serde_json::{Value, json};

use trilogue_core::library::{ModelRow, OTHERS, Shipped, StandardRow, find, shipped, shipped_hash};
use trilogue_core::model::{Clause, LibraryClause, Standard, Version};
use trilogue_core::record;
use trilogue_core::store::NewClause;
use trilogue_core::words::Lang;
use trilogue_core::{Result, Who};

use crate::server::Server;
use crate::tx::PgTx;

/// What is shipped, as the rows of each table: `(standards, their texts, models, their texts, links)`.
fn rows(shipped: &Shipped) -> [Value; 5] {
    let standards = shipped.standards.iter();
    let models = shipped.models.iter();
    [
        json!(
            standards
                .clone()
                .map(|s| json!({
                    "code": s.code, "title": s.title.en, "summary": s.summary.en, "kind": s.kind.as_str(),
                    "ratified_kz": s.ratified_kz,
                }))
                .collect::<Vec<_>>()
        ),
        json!(
            standards
                .flat_map(|s| OTHERS.map(|l| json!({
                    "code": s.code, "lang": l.code(), "title": s.title.get(l), "summary": s.summary.get(l),
                })))
                .collect::<Vec<_>>()
        ),
        json!(
            models
                .clone()
                .map(|m| json!({
                    "slug": m.slug, "topic": m.topic.en, "title": m.title.en, "text": m.text.en, "notes": m.notes.en,
                }))
                .collect::<Vec<_>>()
        ),
        json!(
            models
                .clone()
                .flat_map(|m| OTHERS.map(|l| json!({
                    "slug": m.slug, "lang": l.code(), "topic": m.topic.get(l), "title": m.title.get(l),
                    "text": m.text.get(l), "notes": m.notes.get(l),
                })))
                .collect::<Vec<_>>()
        ),
        json!(
            models.flat_map(|m| m.standards.iter().map(|c| json!({ "slug": m.slug, "code": c }))).collect::<Vec<_>>()
        ),
    ]
}

impl Server {
    /// Brings the shipped standards and models up to date in the record, as its owner: new ones added,
    /// changed ones rewritten, a citation the library no longer makes dropped. A record that took in
    /// the same assets reads one row and writes nothing.
    pub(crate) async fn seed_library(&self) -> Result<()> {
        let seeded = sqlx::query_scalar!("SELECT value FROM trilogue_meta WHERE key = 'library' /* server */")
            .fetch_optional(&self.pool)
            .await?;
        if seeded.as_deref() == Some(shipped_hash().as_str()) {
            return Ok(());
        }
        let shipped = shipped()?;
        let [standards, standard_texts, models, model_texts, links] = rows(&shipped);
        let mut tx = self.pool.begin().await?;
        sqlx::query!(
            "INSERT INTO standards (code, title, summary, kind, ratified_kz)
             SELECT code, title, summary, kind, ratified_kz
             FROM jsonb_to_recordset($1) AS j(code text, title text, summary text, kind text, ratified_kz bigint)
             ON CONFLICT (code) DO UPDATE SET title = excluded.title, summary = excluded.summary,
                 kind = excluded.kind, ratified_kz = excluded.ratified_kz",
            standards
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO standard_texts (standard_id, lang, title, summary)
             SELECT s.id, j.lang, j.title, j.summary
             FROM jsonb_to_recordset($1) AS j(code text, lang text, title text, summary text)
             JOIN standards s ON s.code = j.code
             ON CONFLICT (standard_id, lang) DO UPDATE SET title = excluded.title, summary = excluded.summary",
            standard_texts
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO library_clauses (slug, topic, title, text, notes)
             SELECT slug, topic, title, text, notes
             FROM jsonb_to_recordset($1) AS j(slug text, topic text, title text, text text, notes text)
             ON CONFLICT (slug) DO UPDATE SET topic = excluded.topic, title = excluded.title,
                 text = excluded.text, notes = excluded.notes",
            models
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO library_texts (library_clause_id, lang, topic, title, text, notes)
             SELECT l.id, j.lang, j.topic, j.title, j.text, j.notes
             FROM jsonb_to_recordset($1) AS j(slug text, lang text, topic text, title text, text text, notes text)
             JOIN library_clauses l ON l.slug = j.slug
             ON CONFLICT (library_clause_id, lang) DO UPDATE SET topic = excluded.topic, title = excluded.title,
                 text = excluded.text, notes = excluded.notes",
            model_texts
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "DELETE FROM library_standards ls USING library_clauses l, standards s
             WHERE l.id = ls.library_clause_id AND s.id = ls.standard_id
               AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($1) AS j(slug text, code text)
                               WHERE j.slug = l.slug AND j.code = s.code)",
            links.clone()
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO library_standards (library_clause_id, standard_id)
             SELECT l.id, s.id FROM jsonb_to_recordset($1) AS j(slug text, code text)
             JOIN library_clauses l ON l.slug = j.slug JOIN standards s ON s.code = j.code
             ON CONFLICT DO NOTHING",
            links
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO trilogue_meta (key, value) VALUES ('library', $1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            shipped.hash
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The standards, in `lang`.
    pub async fn standards(&self, lang: Lang) -> Result<Vec<Standard>> {
        let rows = sqlx::query_as!(
            StandardRow,
            r#"SELECT s.id, s.code, coalesce(t.title, s.title) as "title!", coalesce(t.summary, s.summary) as "summary!",
                      s.kind, s.ratified_kz
               FROM standards s LEFT JOIN standard_texts t ON t.standard_id = s.id AND t.lang = $1
               ORDER BY s.code"#,
            lang.code()
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Standard::try_from).collect()
    }

    /// The model clauses in `lang`, by topic, each with the codes of the standards it rests on.
    pub async fn library(&self, lang: Lang) -> Result<Vec<LibraryClause>> {
        let rows = sqlx::query_as!(
            ModelRow,
            r#"SELECT l.id, l.slug, coalesce(t.topic, l.topic) as "topic!", coalesce(t.title, l.title) as "title!",
                      coalesce(t.text, l.text) as "text!", coalesce(t.notes, l.notes) as "notes!",
                      (SELECT string_agg(s.code, '|') FROM library_standards ls JOIN standards s ON s.id = ls.standard_id
                       WHERE ls.library_clause_id = l.id) as codes
               FROM library_clauses l LEFT JOIN library_texts t ON t.library_clause_id = l.id AND t.lang = $1
               ORDER BY coalesce(t.topic, l.topic) COLLATE "C", coalesce(t.title, l.title) COLLATE "C""#,
            lang.code()
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(LibraryClause::from).collect())
    }

    /// One model clause in `lang`, by its key (`retraining-before-dismissal`).
    pub async fn library_clause(&self, slug: &str, lang: Lang) -> Result<LibraryClause> {
        find(self.library(lang).await?, slug)
    }

    /// Starts a clause from a model of the clause library (`record::add_clause_from_library`).
    pub async fn add_clause_from_library(
        &self,
        negotiation_id: i64,
        new: &NewClause,
        slug: &str,
        who: &Who,
    ) -> Result<Clause> {
        let model = record::model_in(self, negotiation_id, slug).await?;
        let mut tx = self.pool.begin().await?;
        let id = record::add_clause_from_library(&mut PgTx(&mut tx), negotiation_id, new, model, who).await?;
        tx.commit().await?;
        self.clause(id).await
    }

    /// Drafts a model of the clause library into a clause, as a private joint draft.
    pub async fn draft_from_library(&self, clause_id: i64, slug: &str, who: &Who) -> Result<Version> {
        let clause = self.clause(clause_id).await?;
        let model = record::model_in(self, clause.negotiation_id, slug).await?;
        self.propose(clause_id, &record::library_draft(model), who).await
    }
}
