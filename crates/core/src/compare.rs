//! The position comparison of one clause: each party's latest tabled text, the joint text and the
//! status quo, each marked word by word against a chosen reference. Drafts never appear here.

use serde::{Deserialize, Serialize};

use crate::diff::{WordDiff, diff_words};
use crate::error::{Error, Result};
use crate::markdown::escape_html;
use crate::model::{Clause, Track, Version};
use crate::store::Store;

/// What the other columns are compared against.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "party_id")]
pub enum Reference {
    Joint,
    Base,
    Party(i64),
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Column {
    /// The party's label, `joint` or `base`.
    pub label: String,
    pub colour: Option<String>,
    pub reference: Reference,
    pub version_id: Option<i64>,
    pub text: Option<String>,
    pub is_reference: bool,
    /// The word diff from the reference's text to this column's, when both have a text.
    pub diff: Option<WordDiff>,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Comparison {
    pub clause: Clause,
    pub reference: Reference,
    pub columns: Vec<Column>,
    /// The similarity of each pair of parties that both tabled a text.
    pub pairs: Vec<PairSimilarity>,
    /// The mean of `pairs`: 1.0 when every party tabled the same words.
    pub convergence: Option<f64>,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PairSimilarity {
    pub a: String,
    pub b: String,
    pub similarity: f64,
}

pub async fn compare(store: &Store, clause_id: i64, reference: Reference) -> Result<Comparison> {
    let clause = store.clause(clause_id).await?;
    let parties = store.parties(clause.negotiation_id).await?;
    let mut columns = Vec::with_capacity(parties.len() + 2);
    for p in &parties {
        let v = store.latest_tabled(clause_id, Track::Party(p.id)).await?;
        columns.push(column(p.label.clone(), Some(p.colour.clone()), Reference::Party(p.id), v));
    }
    let joint = store.latest_tabled(clause_id, Track::Joint).await?;
    columns.push(column("joint".into(), None, Reference::Joint, joint));
    let mut base = column("base".into(), None, Reference::Base, None);
    base.text = clause.status_quo.clone();
    columns.push(base);

    let Some(reference_column) = columns.iter().position(|c| c.reference == reference) else {
        return Err(Error::not_found(format!("the reference party {reference:?} in this negotiation")));
    };
    let reference_text = columns[reference_column].text.clone();
    for (i, c) in columns.iter_mut().enumerate() {
        c.is_reference = i == reference_column;
        if let (Some(from), Some(to)) = (&reference_text, &c.text) {
            c.diff = Some(diff_words(from, to));
        }
    }
    let texts: Vec<(&str, &str)> =
        columns[..parties.len()].iter().filter_map(|c| c.text.as_deref().map(|t| (c.label.as_str(), t))).collect();
    let mut pairs = Vec::new();
    for (i, (a, ta)) in texts.iter().enumerate() {
        for (b, tb) in &texts[i + 1..] {
            pairs.push(PairSimilarity {
                a: a.to_string(),
                b: b.to_string(),
                similarity: diff_words(ta, tb).similarity,
            });
        }
    }
    let convergence = (!pairs.is_empty()).then(|| pairs.iter().map(|p| p.similarity).sum::<f64>() / pairs.len() as f64);
    Ok(Comparison { clause, reference, columns, pairs, convergence })
}

fn column(label: String, colour: Option<String>, reference: Reference, version: Option<Version>) -> Column {
    Column {
        label,
        colour,
        reference,
        version_id: version.as_ref().map(|v| v.id),
        text: version.map(|v| v.text),
        is_reference: false,
        diff: None,
    }
}

impl Comparison {
    fn reference_label(&self) -> &str {
        self.columns.iter().find(|c| c.is_reference).map_or("?", |c| c.label.as_str())
    }

    /// Plain text: each column with its changes against the reference in `[-…-]{+…+}`.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "{} — {}  [{}]\nreference: {}",
            self.clause.reference,
            self.clause.title,
            self.clause.status,
            self.reference_label()
        );
        if let Some(c) = self.convergence {
            out.push_str(&format!("  ·  convergence {c:.2}"));
        }
        out.push('\n');
        for c in &self.columns {
            let version = c.version_id.map(|v| format!(" v{v}")).unwrap_or_default();
            let similarity = match (&c.diff, c.is_reference) {
                (_, true) => " (reference)".to_string(),
                (Some(d), _) => format!(" · similarity {:.2}", d.similarity),
                _ => String::new(),
            };
            out.push_str(&format!("\n== {}{version}{similarity}\n", c.label));
            let body = match (&c.text, &c.diff, c.is_reference) {
                (None, _, _) => "(no text tabled)".to_string(),
                (Some(t), _, true) | (Some(t), None, _) => t.clone(),
                (Some(_), Some(d), false) => d.to_text(),
            };
            out.push_str(&body);
            out.push('\n');
        }
        for p in &self.pairs {
            out.push_str(&format!("\n{} ~ {}: {:.2}", p.a, p.b, p.similarity));
        }
        out.push('\n');
        out
    }

    /// One self-contained HTML page, every text escaped, the changes in `<ins>` and `<del>`.
    pub fn to_html(&self) -> String {
        let mut cols = String::new();
        for c in &self.columns {
            let colour = c.colour.as_deref().filter(|c| is_css_colour(c)).unwrap_or("#555555");
            let body = match (&c.text, &c.diff, c.is_reference) {
                (None, _, _) => "<p class=\"none\">no text tabled</p>".to_string(),
                (Some(t), _, true) | (Some(t), None, _) => escape_html(t).replace('\n', "<br>"),
                (Some(_), Some(d), false) => d.to_html(),
            };
            let similarity = match (&c.diff, c.is_reference) {
                (_, true) => "reference".to_string(),
                (Some(d), _) => format!("similarity {:.2}", d.similarity),
                _ => String::new(),
            };
            cols.push_str(&format!(
                "<section style=\"border-top-color:{colour}\"><h2>{}</h2><p class=\"meta\">{}</p><div class=\"text\">{body}</div></section>",
                escape_html(&c.label),
                escape_html(&similarity)
            ));
        }
        let convergence = self.convergence.map(|c| format!(" · convergence {c:.2}")).unwrap_or_default();
        format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
             <title>{r} — {t}</title><style>{css}</style></head><body>\
             <h1>{r} — {t}</h1><p class=\"meta\">{status} · compared against {reference}{convergence}</p>\
             <div class=\"columns\">{cols}</div></body></html>\n",
            r = escape_html(&self.clause.reference),
            t = escape_html(&self.clause.title),
            status = self.clause.status,
            reference = escape_html(self.reference_label()),
            css = COMPARE_CSS,
        )
    }
}

/// A party colour is ours to print in a style attribute only when it is a plain hex colour.
pub(crate) fn is_css_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit())
}

const COMPARE_CSS: &str = "body{font:15px/1.5 'Noto Sans','DejaVu Sans',sans-serif;margin:2em;color:#111}\
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(14em,1fr));gap:1em}\
section{border-top:6px solid #555;padding:.5em;background:#fafafa}h2{margin:.2em 0;font-size:1.1em}\
.meta{color:#555;font-size:.9em}.none{color:#888;font-style:italic}\
ins{background:#d4f7d4;text-decoration:underline}del{background:#fbd5d5;text-decoration:line-through}\
@media print{body{margin:0}section{break-inside:avoid}}";
