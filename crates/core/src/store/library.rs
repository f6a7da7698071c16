//! Standards (ILO conventions and the like) and the clause library of model clauses, both shipped in
//! `assets/` and seeded into every workbench.

use serde::Deserialize;

use super::Store;
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{LibraryClause, Standard};

#[derive(Deserialize)]
struct StandardAsset {
    code: String,
    title: String,
    summary: String,
}

#[derive(Deserialize)]
struct LibraryAsset {
    slug: String,
    topic: String,
    title: String,
    text: String,
    #[serde(default)]
    notes: String,
    standards: Vec<String>,
}

const STANDARDS: &str = include_str!("../../../../assets/standards.json");
const LIBRARY: &str = include_str!("../../../../assets/library.json");

impl Store {
    /// Adds the shipped standards and model clauses that the workbench does not have yet.
    pub(crate) async fn seed_library(&self) -> Result<()> {
        let standards: Vec<StandardAsset> = serde_json::from_str(STANDARDS).map_err(|e| {
            Error::Invalid(Msg::Unreadable { what: "assets/standards.json".into(), detail: e.to_string() })
        })?;
        let library: Vec<LibraryAsset> = serde_json::from_str(LIBRARY).map_err(|e| {
            Error::Invalid(Msg::Unreadable { what: "assets/library.json".into(), detail: e.to_string() })
        })?;
        let mut tx = self.begin().await?;
        for s in &standards {
            sqlx::query!(
                "INSERT OR IGNORE INTO standards (code, title, summary) VALUES (?, ?, ?)",
                s.code,
                s.title,
                s.summary
            )
            .execute(&mut *tx)
            .await?;
        }
        for l in &library {
            sqlx::query!(
                "INSERT OR IGNORE INTO library_clauses (slug, topic, title, text, notes) VALUES (?, ?, ?, ?, ?)",
                l.slug,
                l.topic,
                l.title,
                l.text,
                l.notes
            )
            .execute(&mut *tx)
            .await?;
            for code in &l.standards {
                let linked = sqlx::query!(
                    "INSERT OR IGNORE INTO library_standards (library_clause_id, standard_id)
                     SELECT l.id, s.id FROM library_clauses l, standards s WHERE l.slug = ? AND s.code = ?",
                    l.slug,
                    code
                )
                .execute(&mut *tx)
                .await?;
                if linked.rows_affected() == 0 {
                    let known = sqlx::query_scalar!("SELECT count(*) FROM standards WHERE code = ?", code)
                        .fetch_one(&mut *tx)
                        .await?;
                    if known == 0 {
                        return Err(Error::Invalid(Msg::Unreadable {
                            what: "assets/library.json".into(),
                            detail: format!("{} cites unknown standard {code}", l.slug),
                        }));
                    }
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn standards(&self) -> Result<Vec<Standard>> {
        Ok(sqlx::query_as!(Standard, "SELECT id, code, title, summary FROM standards ORDER BY code")
            .fetch_all(&self.pool)
            .await?)
    }

    /// The model clauses, by topic, each with the codes of the standards it rests on.
    pub async fn library(&self) -> Result<Vec<LibraryClause>> {
        let rows = sqlx::query!(
            r#"SELECT l.id, l.slug, l.topic, l.title, l.text, l.notes,
                      (SELECT group_concat(s.code, '|') FROM library_standards ls JOIN standards s ON s.id = ls.standard_id
                       WHERE ls.library_clause_id = l.id) as "codes?: String"
               FROM library_clauses l ORDER BY l.topic, l.title"#
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| LibraryClause {
                id: r.id,
                slug: r.slug,
                topic: r.topic,
                title: r.title,
                text: r.text,
                notes: r.notes,
                standards: r.codes.map(|c| c.split('|').map(String::from).collect()).unwrap_or_default(),
            })
            .collect())
    }

    /// One model clause, by its key (`retraining-before-dismissal`).
    pub async fn library_clause(&self, slug: &str) -> Result<LibraryClause> {
        let all = self.library().await?;
        let wanted = slug.trim();
        match all.iter().find(|l| l.slug == wanted) {
            Some(l) => Ok(l.clone()),
            None => {
                let keys: Vec<&str> = all.iter().map(|l| l.slug.as_str()).collect();
                Err(Error::NotFound(Msg::NoLibraryClause {
                    key: wanted.to_string(),
                    keys: keys.iter().map(|k| k.to_string()).collect(),
                }))
            }
        }
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
