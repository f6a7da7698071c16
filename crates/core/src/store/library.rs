//! The standards and the clause library (`crate::library`) in a workbench file: seeded when it opens,
//! read in the reader's language.

use super::Store;
use crate::error::{Error, Result};
use crate::library::{ModelRow, OTHERS, ShippedModel, StandardRow, find, shipped, shipped_hash};
use crate::message::Msg;
use crate::model::{LibraryClause, Standard};
use crate::words::Lang;

impl Store {
    /// Brings the shipped standards and model clauses up to date in the workbench: new ones are added,
    /// changed ones rewritten. The workbench keeps the hash of the assets it took in, so an open with
    /// the same assets reads one row and writes nothing.
    pub(crate) async fn seed_library(&self) -> Result<()> {
        let seeded = sqlx::query_scalar!("SELECT value FROM trilogue_meta WHERE key = 'library'")
            .fetch_optional(&self.pool)
            .await?;
        if seeded.as_deref() == Some(shipped_hash().as_str()) {
            return Ok(());
        }
        let shipped = shipped()?;
        let mut tx = self.begin().await?;
        for s in &shipped.standards {
            let kind = s.kind.as_str();
            sqlx::query!(
                "INSERT INTO standards (code, title, summary, kind, ratified_kz) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (code) DO UPDATE SET title = excluded.title, summary = excluded.summary,
                     kind = excluded.kind, ratified_kz = excluded.ratified_kz",
                s.code,
                s.title.en,
                s.summary.en,
                kind,
                s.ratified_kz
            )
            .execute(&mut *tx)
            .await?;
            for lang in OTHERS {
                let (code, title, summary) = (lang.code(), s.title.get(lang), s.summary.get(lang));
                sqlx::query!(
                    "INSERT INTO standard_texts (standard_id, lang, title, summary)
                     SELECT id, ?, ?, ? FROM standards WHERE code = ?
                     ON CONFLICT (standard_id, lang) DO UPDATE SET title = excluded.title, summary = excluded.summary",
                    code,
                    title,
                    summary,
                    s.code
                )
                .execute(&mut *tx)
                .await?;
            }
        }
        for l in &shipped.models {
            sqlx::query!(
                "INSERT INTO library_clauses (slug, topic, title, text, notes) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (slug) DO UPDATE SET topic = excluded.topic, title = excluded.title,
                     text = excluded.text, notes = excluded.notes",
                l.slug,
                l.topic.en,
                l.title.en,
                l.text.en,
                l.notes.en
            )
            .execute(&mut *tx)
            .await?;
            for lang in OTHERS {
                let code = lang.code();
                let (topic, title, text, notes) =
                    (l.topic.get(lang), l.title.get(lang), l.text.get(lang), l.notes.get(lang));
                sqlx::query!(
                    "INSERT INTO library_texts (library_clause_id, lang, topic, title, text, notes)
                     SELECT id, ?, ?, ?, ?, ? FROM library_clauses WHERE slug = ?
                     ON CONFLICT (library_clause_id, lang) DO UPDATE SET topic = excluded.topic, title = excluded.title,
                         text = excluded.text, notes = excluded.notes",
                    code,
                    topic,
                    title,
                    text,
                    notes,
                    l.slug
                )
                .execute(&mut *tx)
                .await?;
            }
            link_model(&mut tx, l).await?;
        }
        sqlx::query!(
            "INSERT INTO trilogue_meta (key, value) VALUES ('library', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            shipped.hash
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The standards, in `lang`.
    pub async fn standards(&self, lang: Lang) -> Result<Vec<Standard>> {
        let code = lang.code();
        let rows = sqlx::query_as!(
            StandardRow,
            r#"SELECT s.id, s.code, coalesce(t.title, s.title) as "title!: String",
                      coalesce(t.summary, s.summary) as "summary!: String", s.kind, s.ratified_kz
               FROM standards s LEFT JOIN standard_texts t ON t.standard_id = s.id AND t.lang = ?
               ORDER BY s.code"#,
            code
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Standard::try_from).collect()
    }

    /// The model clauses in `lang`, by topic, each with the codes of the standards it rests on.
    pub async fn library(&self, lang: Lang) -> Result<Vec<LibraryClause>> {
        let code = lang.code();
        let rows = sqlx::query_as!(
            ModelRow,
            r#"SELECT l.id, l.slug, coalesce(t.topic, l.topic) as "topic!: String",
                      coalesce(t.title, l.title) as "title!: String", coalesce(t.text, l.text) as "text!: String",
                      coalesce(t.notes, l.notes) as "notes!: String",
                      (SELECT group_concat(s.code, '|') FROM library_standards ls JOIN standards s ON s.id = ls.standard_id
                       WHERE ls.library_clause_id = l.id) as "codes?: String"
               FROM library_clauses l LEFT JOIN library_texts t ON t.library_clause_id = l.id AND t.lang = ?
               ORDER BY 3, 4"#,
            code
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(LibraryClause::from).collect())
    }

    /// One model clause in `lang`, by its key (`retraining-before-dismissal`).
    pub async fn library_clause(&self, slug: &str, lang: Lang) -> Result<LibraryClause> {
        find(self.library(lang).await?, slug)
    }

    /// Links a clause to a standard by the standard's code.
    pub async fn link_standard(&self, clause_id: i64, code: &str) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        link(&mut conn, clause_id, code).await
    }

    /// The codes of the standards a clause is linked to.
    pub async fn clause_standards(&self, clause_id: i64) -> Result<Vec<String>> {
        codes(&mut *self.pool.acquire().await?, clause_id).await
    }
}

/// The codes of the standards a clause is linked to, inside the caller's connection or transaction.
pub(crate) async fn codes(conn: &mut sqlx::SqliteConnection, clause_id: i64) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar!(
        "SELECT s.code FROM clause_standards cs JOIN standards s ON s.id = cs.standard_id WHERE cs.clause_id = ? ORDER BY s.code",
        clause_id
    )
    .fetch_all(&mut *conn)
    .await?)
}

/// Links a clause to a standard by its code, inside the caller's connection or transaction.
pub(crate) async fn link(conn: &mut sqlx::SqliteConnection, clause_id: i64, code: &str) -> Result<()> {
    let done = sqlx::query!(
        "INSERT OR IGNORE INTO clause_standards (clause_id, standard_id) SELECT ?, id FROM standards WHERE code = ?",
        clause_id,
        code
    )
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        let known =
            sqlx::query_scalar!("SELECT count(*) FROM standards WHERE code = ?", code).fetch_one(&mut *conn).await?;
        if known == 0 {
            return Err(Error::NotFound(Msg::NoStandard { code: code.to_string() }));
        }
    }
    Ok(())
}

/// Links a shipped model clause to exactly the standards it cites now (a citation the library no
/// longer makes is dropped), inside the seeding transaction; `shipped` checked every code is known.
async fn link_model(tx: &mut sqlx::SqliteConnection, l: &ShippedModel) -> Result<()> {
    let cited = serde_json::to_string(&l.standards).unwrap_or_default();
    sqlx::query!(
        "DELETE FROM library_standards WHERE library_clause_id = (SELECT id FROM library_clauses WHERE slug = ?)
           AND standard_id NOT IN (SELECT s.id FROM standards s, json_each(?) j WHERE s.code = j.value)",
        l.slug,
        cited
    )
    .execute(&mut *tx)
    .await?;
    for code in &l.standards {
        sqlx::query!(
            "INSERT OR IGNORE INTO library_standards (library_clause_id, standard_id)
             SELECT l.id, s.id FROM library_clauses l, standards s WHERE l.slug = ? AND s.code = ?",
            l.slug,
            code
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}
