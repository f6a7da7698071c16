//! Starting from the clause library: a model clause becomes a new clause of a negotiation, or a draft of
//! one, in every authentic language of the negotiation.

use serde_json::json;

use super::{Tx, add_clause, append, propose};
use crate::authentic::LangText;
use crate::error::{Error, Result};
use crate::library::find;
use crate::message::Msg;
use crate::model::{LibraryClause, Track};
use crate::reader::Reader;
use crate::store::{NewClause, NewVersion, Who};

/// A model of the library as a negotiation takes it: in its first authentic language, the others beside.
pub struct Model {
    pub model: LibraryClause,
    pub translations: Vec<LangText>,
    /// The party whose workbench this is: the model becomes that party's draft.
    pub owner: Option<i64>,
}

/// Reads a model for a negotiation (the library is the same for every reader of a record).
pub async fn model_in(reader: &impl Reader, negotiation_id: i64, slug: &str) -> Result<Model> {
    let negotiation = reader.negotiation(negotiation_id).await?;
    let languages = negotiation.authentic();
    let model = find(reader.library(languages.first().copied().unwrap_or_default()).await?, slug)?;
    let mut translations = Vec::new();
    for &lang in languages.iter().skip(1) {
        translations.push(LangText { lang, text: find(reader.library(lang).await?, slug)?.text });
    }
    Ok(Model { model, translations, owner: negotiation.owner_party_id })
}

/// Starts a clause from a model: its title (unless one is given), topic and standards, and its text as
/// the owner's first draft (never tabled by this).
pub async fn add_clause_from_library(
    tx: &mut impl Tx,
    negotiation_id: i64,
    new: &NewClause,
    Model { model, translations, owner }: Model,
    who: &Who,
) -> Result<i64> {
    let mut new = new.clone();
    if new.title.trim().is_empty() {
        new.title = model.title.clone();
    }
    if !new.topics.contains(&model.topic) {
        new.topics.push(model.topic.clone());
    }
    let id = add_clause(tx, negotiation_id, &new, who).await?;
    for code in &model.standards {
        if !tx.link_standard(id, code).await? {
            return Err(Error::NotFound(Msg::NoStandard { code: code.clone() }));
        }
    }
    let draft = NewVersion { translations, ..NewVersion::draft(owner.map_or(Track::Joint, Track::Party), model.text) };
    propose(tx, id, &draft, who).await?;
    append(tx, negotiation_id, Some(id), "clause_from_library", who, "", json!({ "slug": model.slug })).await?;
    Ok(id)
}

/// A model as a private joint draft of a clause; the model's title is the draft's rationale.
pub fn library_draft(Model { model, translations, .. }: Model) -> NewVersion {
    NewVersion { rationale: model.title, translations, ..NewVersion::draft(Track::Joint, model.text) }
}
