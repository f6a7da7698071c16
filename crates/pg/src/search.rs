//! Full-text search on a server (PostgreSQL's text search over the indexes of migration 0003): titles
//! and texts, best matches first, each hit as a workbench file's search gives it.

use trilogue_core::Result;
use trilogue_core::store::{MARKS, SearchHit, SearchRow, search_terms};

use crate::server::Server;

/// Turns what a user typed into a `to_tsquery` that cannot be a syntax error: each word a quoted prefix
/// term — what all its forms begin with — all of them required.
pub fn ts_query(input: &str) -> Option<String> {
    let terms: Vec<String> =
        search_terms(input).iter().map(|t| format!("'{}':*", t.replace('\\', "\\\\").replace('\'', "''"))).collect();
    (!terms.is_empty()).then(|| terms.join(" & "))
}

impl Server {
    /// Searches titles and texts the member may read, best matches first; within one negotiation when
    /// given. A title weighs twice a text, as on a file.
    pub async fn search(&self, input: &str, negotiation_id: Option<i64>, limit: i64) -> Result<Vec<SearchHit>> {
        let Some(query) = ts_query(input) else { return Ok(Vec::new()) };
        let options = format!(
            "StartSel={}, StopSel={}, MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…",
            MARKS.0, MARKS.1
        );
        let rows = sqlx::query_as!(
            SearchRow,
            r#"WITH q AS (SELECT to_tsquery('simple', $1) AS q),
               hits AS (
                   SELECT c.id AS clause_id, NULL::bigint AS version_id, c.title AS body, 2.0::float8 AS weight
                   FROM clauses c, q WHERE to_tsvector('simple', c.title) @@ q.q
                   UNION ALL
                   SELECT v.clause_id, v.id, v.text, 1.0 FROM versions v, q WHERE to_tsvector('simple', v.text) @@ q.q
                   UNION ALL
                   SELECT v.clause_id, v.id, t.text, 1.0 FROM version_texts t JOIN versions v ON v.id = t.version_id, q
                   WHERE to_tsvector('simple', t.text) @@ q.q
               )
               SELECT c.negotiation_id as "negotiation_id!", c.id as "clause_id!", c.ref as "reference!",
                      c.title as "title!", h.version_id as "version_id?", p.label as "party_label?",
                      v.tabled_at as "tabled_at?", v.party_id as "party_id?",
                      ts_headline('simple', h.body, q.q, $4) as "snippet!",
                      -(ts_rank(to_tsvector('simple', h.body), q.q) * h.weight)::float8 as "rank!"
               FROM hits h CROSS JOIN q
               JOIN clauses c ON c.id = h.clause_id
               LEFT JOIN versions v ON v.id = h.version_id
               LEFT JOIN parties p ON p.id = v.party_id
               WHERE $2::bigint IS NULL OR c.negotiation_id = $2
               ORDER BY 10, 2, 5 NULLS FIRST LIMIT $3"#,
            query,
            negotiation_id,
            limit,
            options
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(SearchHit::from).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::ts_query;

    #[test]
    fn queries_are_always_valid_tsquery() {
        assert_eq!(ts_query("retraining  dismissal").unwrap(), "'retrain':* & 'dismiss':*");
        assert_eq!(ts_query("Қайта 'оқыту' OR -NEAR( \\").unwrap(), "'қайта':* & 'оқыт':* & 'or':* & 'near':*");
        assert!(ts_query("  -- ' ! & | ").is_none());
    }
}
