//! Full-text search (SQLite FTS5) over clause titles and every version's text.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::Store;
use crate::error::Result;
use crate::markdown::escape_html;
use crate::stem::search_prefix;

/// Private-use characters that mark a match in a snippet before it is escaped for HTML.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchHit {
    pub negotiation_id: i64,
    pub clause_id: i64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    /// The version whose text matched; none when the clause's title did.
    pub version_id: Option<i64>,
    pub party_label: Option<String>,
    pub tabled: Option<bool>,
    /// The matching passage, the matches in `[` `]`.
    pub snippet: String,
    /// The same passage escaped for HTML, the matches in `<mark>`.
    pub snippet_html: String,
    pub rank: f64,
}

/// A hit as a backend reads it, before its snippet is marked up.
pub struct SearchRow {
    pub negotiation_id: i64,
    pub clause_id: i64,
    pub reference: String,
    pub title: String,
    pub version_id: Option<i64>,
    pub party_label: Option<String>,
    pub party_id: Option<i64>,
    pub tabled_at: Option<String>,
    /// The matching passage, each match between `OPEN` and `CLOSE`.
    pub snippet: String,
    /// Lower is better.
    pub rank: f64,
}

/// The characters a backend puts around each match in a snippet (private-use, so never in a text).
pub const MARKS: (char, char) = (OPEN, CLOSE);

impl From<SearchRow> for SearchHit {
    fn from(r: SearchRow) -> SearchHit {
        SearchHit {
            negotiation_id: r.negotiation_id,
            clause_id: r.clause_id,
            reference: r.reference,
            title: r.title,
            tabled: r.version_id.map(|_| r.tabled_at.is_some()),
            party_label: match (r.version_id, r.party_id) {
                (Some(_), None) => Some("joint".to_string()),
                _ => r.party_label,
            },
            version_id: r.version_id,
            snippet: r.snippet.replace(OPEN, "[").replace(CLOSE, "]"),
            snippet_html: escape_html(&r.snippet).replace(OPEN, "<mark>").replace(CLOSE, "</mark>"),
            rank: r.rank,
        }
    }
}

/// Turns what a user typed into an FTS5 query that cannot be a syntax error: each word becomes a quoted
/// prefix term — what all its forms begin with (`crate::stem`) — all of them required.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = search_terms(input).iter().map(|t| format!("\"{}\"*", t.replace('"', "\"\""))).collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// What each word a user typed is searched by: what all its forms begin with (`crate::stem`).
pub fn search_terms(input: &str) -> Vec<String> {
    input.unicode_words().map(search_prefix).collect()
}

impl Store {
    /// Searches titles and texts, best matches first; within one negotiation when given.
    pub async fn search(&self, input: &str, negotiation_id: Option<i64>, limit: i64) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(input) else { return Ok(Vec::new()) };
        let rows = sqlx::query_as!(
            SearchRow,
            r#"SELECT c.negotiation_id as "negotiation_id!", c.id as "clause_id!", c.ref as "reference!", c.title as "title!",
                      v.id as "version_id?", p.label as "party_label?", v.tabled_at as "tabled_at?",
                      v.party_id as "party_id?",
                      snippet(search_index, -1, char(57344), char(57345), '…', 16) as "snippet!: String",
                      bm25(search_index, 2.0, 1.0) as "rank!: f64"
               FROM search_index s
               JOIN clauses c ON c.id = s.clause_id
               LEFT JOIN versions v ON v.id = s.version_id
               LEFT JOIN parties p ON p.id = v.party_id
               WHERE search_index MATCH ?1 AND (?2 IS NULL OR c.negotiation_id = ?2)
               ORDER BY rank LIMIT ?3"#,
            query,
            negotiation_id,
            limit
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(SearchHit::from).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn queries_are_always_valid_fts() {
        assert_eq!(fts_query("retraining  dismissal").unwrap(), r#""retrain"* "dismiss"*"#);
        assert_eq!(fts_query("Қайта \"оқыту\" OR -NEAR(").unwrap(), r#""қайта"* "оқыт"* "or"* "near"*"#);
        assert!(fts_query("  -- \" ").is_none());
    }
}
