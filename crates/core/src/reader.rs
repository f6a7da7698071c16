//! Reading a record, whichever backend holds it: a workbench file (`Store`) or a shared record on a
//! server (the `trilogue-pg` crate). A backend answers each read with one query of its own dialect; what
//! is made of the rows — a clause's view, a negotiation's overview, the texts of a clause side by side
//! in each authentic language — is made here and in `views`, once for both.
//!
//! On a server each read sees only what the reader's side may: the database leaves the rest out.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

use crate::authentic::{LangText, LanguageSet, check};
use crate::compare::Heads;
use crate::diff_cache::DiffCache;
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{
    Approval, Clause, ClauseStatus, Commitment, Delegate, Event, Initial, LibraryClause, Negotiation, Party,
    PrivateNote, ProtocolEntry, Reservation, Session, Standard, Track, Version,
};
use crate::store::{
    ClauseRow, ClauseSummary, HeadIds, InitialGiven, NegotiationSummary, Neighbours, TabledHashes, Tabling,
};
use crate::words::Lang;

/// A record as its front ends read it.
pub trait Reader: Sync {
    fn negotiation(&self, id: i64) -> impl Future<Output = Result<Negotiation>> + Send;
    /// Every negotiation the reader may see, with its clauses counted by status.
    fn negotiations(&self) -> impl Future<Output = Result<Vec<NegotiationSummary>>> + Send;
    fn parties(&self, negotiation_id: i64) -> impl Future<Output = Result<Vec<Party>>> + Send;
    fn sessions(&self, negotiation_id: i64) -> impl Future<Output = Result<Vec<Session>>> + Send;
    fn session(&self, id: i64) -> impl Future<Output = Result<Session>> + Send;
    /// The delegates who attended a session, by party.
    fn attendees(&self, session_id: i64) -> impl Future<Output = Result<Vec<Delegate>>> + Send;
    /// The clauses on a session's agenda, in its order.
    fn agenda(&self, session_id: i64) -> impl Future<Output = Result<Vec<ClauseSummary>>> + Send;
    /// The versions tabled in a session, in the order they were tabled.
    fn tabled_in(&self, session_id: i64) -> impl Future<Output = Result<Vec<Tabling>>> + Send;
    /// The initials given in a session, voided ones included.
    fn initialed_in(&self, session_id: i64) -> impl Future<Output = Result<Vec<InitialGiven>>> + Send;
    fn delegate(&self, id: i64) -> impl Future<Output = Result<Delegate>> + Send;
    /// Every approval step recorded on a negotiation, by the day it was decided.
    fn approvals(&self, negotiation_id: i64) -> impl Future<Output = Result<Vec<Approval>>> + Send;
    /// The action plan: every commitment, by due date.
    fn commitments(&self, negotiation_id: i64) -> impl Future<Output = Result<Vec<Commitment>>> + Send;
    fn commitment(&self, id: i64) -> impl Future<Output = Result<Commitment>> + Send;
    /// Every delegate of a negotiation, retired ones included, by organisation.
    fn delegates(&self, negotiation_id: i64) -> impl Future<Output = Result<Vec<Delegate>>> + Send;
    /// How many clauses stand at each status, every status listed.
    fn status_counts(&self, negotiation_id: i64) -> impl Future<Output = Result<Vec<(ClauseStatus, i64)>>> + Send;
    /// The newest entries of a negotiation's journal the reader may read, newest first.
    fn recent_events(&self, negotiation_id: i64, limit: i64) -> impl Future<Output = Result<Vec<Event>>> + Send;
    fn clause(&self, id: i64) -> impl Future<Output = Result<Clause>> + Send;
    /// Every clause of a negotiation in order, with the head of each track the reader may see.
    fn list_clauses(&self, negotiation_id: i64) -> impl Future<Output = Result<Vec<ClauseRow>>> + Send;
    /// The clauses before and after this one in the negotiation's order.
    fn neighbours(&self, clause: &Clause) -> impl Future<Output = Result<Neighbours>> + Send;
    fn version(&self, id: i64) -> impl Future<Output = Result<Version>> + Send;
    /// A clause's versions the reader may see, oldest first.
    fn versions(&self, clause_id: i64) -> impl Future<Output = Result<Vec<Version>>> + Send;
    /// A version's texts in every authentic language it has, the negotiation's first language first.
    fn version_texts(&self, version_id: i64) -> impl Future<Output = Result<Vec<LangText>>> + Send;
    /// The texts of a clause's versions in the authentic languages other than the first, by version.
    fn clause_texts(&self, clause_id: i64) -> impl Future<Output = Result<Vec<(i64, LangText)>>> + Send;
    /// Every initial given on a clause, voided ones included, oldest first.
    fn initials(&self, clause_id: i64) -> impl Future<Output = Result<Vec<Initial>>> + Send;
    fn reservations(&self, clause_id: i64) -> impl Future<Output = Result<Vec<Reservation>>> + Send;
    /// The codes of the standards a clause is linked to.
    fn clause_standards(&self, clause_id: i64) -> impl Future<Output = Result<Vec<String>>> + Send;
    /// The standards, in `lang`: the same for every reader of a record.
    fn standards(&self, lang: Lang) -> impl Future<Output = Result<Vec<Standard>>> + Send;
    /// The clause library's models in `lang`, by topic: the same for every reader of a record.
    fn library(&self, lang: Lang) -> impl Future<Output = Result<Vec<LibraryClause>>> + Send;
    /// The reader's side's private notes on a clause.
    fn notes(&self, clause_id: i64) -> impl Future<Output = Result<Vec<PrivateNote>>> + Send;
    /// The clauses whose ref is `reference` (case-insensitive), within a negotiation or in all, by id.
    fn clauses_named(
        &self,
        negotiation_id: Option<i64>,
        reference: &str,
    ) -> impl Future<Output = Result<Vec<i64>>> + Send;

    /// The whole journal of a negotiation the reader may read, oldest first.
    fn events(&self, negotiation_id: i64) -> impl Future<Output = Result<Vec<Event>>> + Send;
    /// The newest entries of the journal but those of the given kinds, newest first.
    fn recent_events_except(
        &self,
        negotiation_id: i64,
        kinds: &[&str],
        limit: i64,
    ) -> impl Future<Output = Result<Vec<Event>>> + Send;
    /// The entries of the given kinds at or after `since` (a stamp), oldest first.
    fn events_since(
        &self,
        negotiation_id: i64,
        kinds: &[&str],
        since: &str,
    ) -> impl Future<Output = Result<Vec<Event>>> + Send;
    /// Every clause of a negotiation in order with the hashes of its latest tabled texts: no text read.
    fn tabled_hashes(&self, negotiation_id: i64) -> impl Future<Output = Result<Vec<TabledHashes>>> + Send;
    /// Every clause of a negotiation named with where it stands, in order.
    fn clause_summaries(&self, negotiation_id: i64) -> impl Future<Output = Result<Vec<ClauseSummary>>> + Send;
    /// The newest tabled version of each track of the given clauses (all of the negotiation's when
    /// none), as things stand or as they stood at a session: tabled before it began or in it.
    fn heads(
        &self,
        negotiation_id: i64,
        clauses: Option<&[i64]>,
        at: Option<&Session>,
    ) -> impl Future<Output = Result<Heads>> + Send;
    /// Which version heads each tabled track, as things stand or as they stood at an instant: ids only.
    fn head_ids(&self, negotiation_id: i64, before: Option<&str>) -> impl Future<Output = Result<HeadIds>> + Send;
    /// The versions with the given ids the reader may see, by id.
    fn versions_by_id(&self, ids: &[i64]) -> impl Future<Output = Result<HashMap<i64, Version>>> + Send;
    /// The texts in `lang` of the given versions, by version (none where a version has none).
    fn texts_in(&self, lang: Lang, version_ids: &[i64]) -> impl Future<Output = Result<HashMap<i64, String>>> + Send;
    /// Every initial given in a negotiation, voided ones included, oldest first.
    fn negotiation_initials(&self, negotiation_id: i64) -> impl Future<Output = Result<Vec<Initial>>> + Send;
    /// Every reservation recorded in a negotiation, in clause order.
    fn negotiation_reservations(&self, negotiation_id: i64) -> impl Future<Output = Result<Vec<Reservation>>> + Send;
    /// The latest protocol entry of each clause now in the protocol of disagreements, in clause order.
    fn protocol_entries(&self, negotiation_id: i64) -> impl Future<Output = Result<Vec<ProtocolEntry>>> + Send;
    /// The hash of the newest version on each track the reader may see, tabled or not: what a text
    /// sent again is compared to.
    fn head_hashes(&self, negotiation_id: i64) -> impl Future<Output = Result<HashMap<(i64, Track), String>>> + Send;
    /// Each author of tracked changes recorded in a negotiation, with the party their changes are taken as.
    fn revision_authors(&self, negotiation_id: i64) -> impl Future<Output = Result<HashMap<String, i64>>> + Send;
    /// The word diffs made so far, kept for as long as the record is open.
    fn diffs(&self) -> &Arc<DiffCache>;

    /// The newest tabled version of every track of every clause: what exports and comparisons show.
    fn tabled_heads(&self, negotiation_id: i64) -> impl Future<Output = Result<Heads>> + Send {
        self.heads(negotiation_id, None, None)
    }

    /// Puts the versions of `heads` into another authentic language than the first: each one's text
    /// in `lang` (empty where it has none yet), hashed as that text. Nothing changes where the
    /// negotiation has one language, or `lang` is none, the first or not one of its languages.
    fn in_language(
        &self,
        negotiation_id: i64,
        heads: &mut Heads,
        lang: Option<Lang>,
    ) -> impl Future<Output = Result<()>> + Send {
        async move {
            let languages = self.negotiation(negotiation_id).await?.authentic();
            // only into another authentic language: one the agreement has no text in leaves the first
            let Some(lang) = lang.filter(|l| languages.contains(l) && languages.first() != Some(l)) else {
                return Ok(());
            };
            let ids: Vec<i64> = heads.values().map(|v| v.id).collect();
            let texts = self.texts_in(lang, &ids).await?;
            for v in heads.values_mut() {
                let text = texts.get(&v.id).cloned().unwrap_or_default();
                v.hash = crate::text::text_hash(&text);
                v.text = text;
            }
            Ok(())
        }
    }

    /// Finds a negotiation by id or by its exact title (case-insensitive).
    fn find_negotiation(&self, name: &str) -> impl Future<Output = Result<Negotiation>> + Send {
        async move {
            if let Ok(id) = name.trim().parse::<i64>()
                && let Ok(n) = self.negotiation(id).await
            {
                return Ok(n);
            }
            let wanted = name.to_lowercase();
            let all = self.negotiations().await?;
            let ids: Vec<i64> =
                all.iter().filter(|s| s.negotiation.title.to_lowercase() == wanted).map(|s| s.negotiation.id).collect();
            match ids.as_slice() {
                [id] => self.negotiation(*id).await,
                [] => Err(Error::NotFound(Msg::NoNegotiationTitled { title: name.to_string() })),
                _ => Err(Error::Conflict(Msg::NegotiationTitleAmbiguous { title: name.to_string(), ids })),
            }
        }
    }

    /// Finds a clause by its ref within a negotiation, or by its id.
    fn find_clause(&self, negotiation_id: Option<i64>, name: &str) -> impl Future<Output = Result<Clause>> + Send {
        async move {
            let name = name.trim();
            if negotiation_id.is_some()
                && let [id, ..] = self.clauses_named(negotiation_id, name).await?.as_slice()
            {
                return self.clause(*id).await;
            }
            if let Ok(id) = name.parse::<i64>() {
                return self.clause(id).await;
            }
            if negotiation_id.is_some() {
                return Err(Error::NotFound(Msg::NoClauseRef { reference: name.to_string() }));
            }
            match self.clauses_named(None, name).await?.as_slice() {
                [id] => self.clause(*id).await,
                [] => Err(Error::NotFound(Msg::NoClauseRef { reference: name.to_string() })),
                _ => Err(Error::Conflict(Msg::ClauseRefAmbiguous { reference: name.to_string() })),
            }
        }
    }

    /// Finds an organisation of a negotiation by its label (case-insensitive) or id.
    fn find_party(&self, negotiation_id: i64, label: &str) -> impl Future<Output = Result<Party>> + Send {
        async move {
            let parties = self.parties(negotiation_id).await?;
            let wanted = label.trim();
            parties
                .iter()
                .find(|p| p.label.eq_ignore_ascii_case(wanted))
                .or_else(|| parties.iter().find(|p| wanted.parse() == Ok(p.id)))
                .cloned()
                .ok_or_else(|| {
                    Error::NotFound(Msg::NoPartyLabelled {
                        label: wanted.to_string(),
                        labels: parties.iter().map(|p| p.label.clone()).collect(),
                    })
                })
        }
    }

    /// Finds a delegate of a negotiation by name (case-insensitive) or id.
    fn find_delegate(&self, negotiation_id: i64, name: &str) -> impl Future<Output = Result<Delegate>> + Send {
        async move {
            let all = self.delegates(negotiation_id).await?;
            let wanted = name.trim();
            all.iter()
                .find(|d| d.name.eq_ignore_ascii_case(wanted))
                .or_else(|| all.iter().find(|d| wanted.parse() == Ok(d.id)))
                .cloned()
                .ok_or_else(|| Error::NotFound(Msg::NoDelegateNamed { name: wanted.to_string() }))
        }
    }

    /// A version's text in `lang`, where its agreement has that authentic language; else (or none asked)
    /// its text in the first.
    fn text_in(&self, version_id: i64, lang: Option<Lang>) -> impl Future<Output = Result<String>> + Send {
        async move {
            let texts = self.version_texts(version_id).await?;
            match texts.into_iter().find(|t| Some(t.lang) == lang) {
                Some(t) => Ok(t.text),
                None => Ok(self.version(version_id).await?.text),
            }
        }
    }

    /// Each of a clause's versions (`versions`) as a set of texts, one per authentic language of its
    /// negotiation (`languages`), with where they disagree; none when there is one language.
    fn language_sets(
        &self,
        clause: &Clause,
        versions: &[Version],
        languages: &[Lang],
    ) -> impl Future<Output = Result<Vec<LanguageSet>>> + Send {
        async move {
            if languages.len() < 2 {
                return Ok(vec![]);
            }
            let others = self.clause_texts(clause.id).await?;
            Ok(versions
                .iter()
                .map(|v| {
                    let mut texts = vec![LangText { lang: languages[0], text: v.text.clone() }];
                    texts.extend(others.iter().filter(|(id, _)| *id == v.id).map(|(_, t)| t.clone()));
                    texts.sort_by_key(|t| languages.iter().position(|l| *l == t.lang));
                    LanguageSet { version_id: v.id, disagreements: check(&texts), texts }
                })
                .collect())
        }
    }
}
