//! The standards (ILO conventions, Kazakhstan's laws and the like) and the clause library of model
//! clauses, shipped in `assets/` in Kazakh, Russian and English. Every record is seeded with them — a
//! workbench file when it opens, a shared record when it is installed — the English in `standards` and
//! `library_clauses`, the other languages beside them; each backend writes them in its own dialect.

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{LibraryClause, Standard, StandardKind};
use crate::words::{Lang, Parallel};

/// A standard as shipped.
#[derive(Deserialize)]
pub struct ShippedStandard {
    pub code: String,
    pub kind: StandardKind,
    pub ratified_kz: Option<i64>,
    pub title: Parallel,
    pub summary: Parallel,
}

/// A model clause as shipped, with the codes of the standards it cites.
#[derive(Deserialize)]
pub struct ShippedModel {
    pub slug: String,
    pub topic: Parallel,
    pub title: Parallel,
    pub text: Parallel,
    #[serde(default)]
    pub notes: Parallel,
    pub standards: Vec<String>,
}

/// What this build ships, and a hash of it: a record that took in the same hash is up to date.
pub struct Shipped {
    pub standards: Vec<ShippedStandard>,
    pub models: Vec<ShippedModel>,
    pub hash: String,
}

const STANDARDS: &str = include_str!("../../../assets/standards.json");
const LIBRARY: &str = include_str!("../../../assets/library.json");

/// The languages kept beside the English of the tables.
pub const OTHERS: [Lang; 2] = [Lang::Kk, Lang::Ru];

/// The hash of what this build ships, without reading it.
pub fn shipped_hash() -> String {
    crate::text::text_hash(&format!("{STANDARDS}\u{0}{LIBRARY}"))
}

/// The shipped standards and model clauses; a model citing a standard that is not shipped is refused.
pub fn shipped() -> Result<Shipped> {
    let unreadable =
        |what: &str, e: serde_json::Error| Error::Invalid(Msg::Unreadable { what: what.into(), detail: e.to_string() });
    let standards: Vec<ShippedStandard> =
        serde_json::from_str(STANDARDS).map_err(|e| unreadable("assets/standards.json", e))?;
    let models: Vec<ShippedModel> = serde_json::from_str(LIBRARY).map_err(|e| unreadable("assets/library.json", e))?;
    for model in &models {
        if let Some(code) = model.standards.iter().find(|c| !standards.iter().any(|s| &s.code == *c)) {
            return Err(Error::Invalid(Msg::Unreadable {
                what: "assets/library.json".into(),
                detail: format!("{} cites unknown standard {code}", model.slug),
            }));
        }
    }
    Ok(Shipped { standards, models, hash: shipped_hash() })
}

/// A standard as a backend reads it, in one language.
pub struct StandardRow {
    pub id: i64,
    pub code: String,
    pub title: String,
    pub summary: String,
    pub kind: String,
    pub ratified_kz: Option<i64>,
}

impl TryFrom<StandardRow> for Standard {
    type Error = Error;
    fn try_from(r: StandardRow) -> Result<Standard> {
        Ok(Standard {
            id: r.id,
            code: r.code,
            title: r.title,
            summary: r.summary,
            kind: StandardKind::parse(&r.kind)?,
            ratified_kz: r.ratified_kz,
        })
    }
}

/// A model clause as a backend reads it, in one language, the codes it cites joined by `|`.
pub struct ModelRow {
    pub id: i64,
    pub slug: String,
    pub topic: String,
    pub title: String,
    pub text: String,
    pub notes: String,
    pub codes: Option<String>,
}

impl From<ModelRow> for LibraryClause {
    fn from(r: ModelRow) -> LibraryClause {
        LibraryClause {
            id: r.id,
            slug: r.slug,
            topic: r.topic,
            title: r.title,
            text: r.text,
            notes: r.notes,
            standards: codes(r.codes),
        }
    }
}

/// The codes of the standards a model rests on, as a backend reads them joined by `|`, in order.
fn codes(joined: Option<String>) -> Vec<String> {
    let mut codes: Vec<String> = joined.map(|c| c.split('|').map(String::from).collect()).unwrap_or_default();
    codes.sort();
    codes
}

/// The model whose key is `slug`, from the whole library; an unknown key is answered with the known.
pub fn find(library: Vec<LibraryClause>, slug: &str) -> Result<LibraryClause> {
    let wanted = slug.trim();
    let keys: Vec<String> = library.iter().map(|l| l.slug.clone()).collect();
    library
        .into_iter()
        .find(|l| l.slug == wanted)
        .ok_or_else(|| Error::NotFound(Msg::NoLibraryClause { key: wanted.to_string(), keys }))
}
