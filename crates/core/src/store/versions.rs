//! Versions: immutable texts on a clause's tracks. Saving appends; tabling is the one change a version
//! may go through, once.

use super::rows::VersionRecord;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use super::{Store, Who};
use crate::authentic::{LangText, parse_languages};
use crate::compare::Heads;
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{Session, Track, Version};
use crate::words::Lang;

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewVersion {
    pub track: Track,
    pub text: String,
    #[serde(default)]
    pub rationale: String,
    /// Tabled at once, rather than kept as a private draft.
    #[serde(default)]
    pub tabled: bool,
    #[serde(default)]
    pub session_id: Option<i64>,
    /// Where a tabled text came from: when it was tabled or received, if not now (RFC 3339, or a day
    /// `YYYY-MM-DD`); the organisation that sent it, if not the track's own; the sender's reference.
    #[serde(default)]
    pub received: Option<String>,
    #[serde(default)]
    pub sent_by: Option<i64>,
    #[serde(default)]
    pub letter_ref: String,
    /// The text in each other authentic language of the negotiation (`text` is in its first): a set
    /// tabled together. `Store::with_language` makes one from the track's last set.
    #[serde(default)]
    pub translations: Vec<LangText>,
}

impl NewVersion {
    /// A private draft on a track.
    pub fn draft(track: Track, text: impl Into<String>) -> Self {
        NewVersion {
            track,
            text: text.into(),
            rationale: String::new(),
            tabled: false,
            session_id: None,
            received: None,
            sent_by: None,
            letter_ref: String::new(),
            translations: vec![],
        }
    }

    /// A text tabled now, in a session or not.
    pub fn tabled(track: Track, text: impl Into<String>, session_id: Option<i64>) -> Self {
        NewVersion { tabled: true, session_id, ..NewVersion::draft(track, text) }
    }
}

/// When a text was tabled or received, as stored: `received` (a time or a day) or now. A text cannot
/// have been received after now.
pub fn tabled_stamp(received: Option<&str>, now: DateTime<Utc>) -> Result<String> {
    let Some(text) = received.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(super::stamp(now));
    };
    let at = match DateTime::parse_from_rfc3339(text) {
        Ok(t) => t.with_timezone(&Utc),
        Err(_) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(day) => day.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc(),
            Err(_) => {
                return Err(Error::Invalid(Msg::NotATime { value: text.to_string() }));
            }
        },
    };
    if at > now {
        return Err(Error::Invalid(Msg::ReceivedInFuture { value: text.to_string() }));
    }
    Ok(super::stamp(at))
}

/// A negotiation's authentic languages, the first first.
pub(crate) async fn languages_of(conn: &mut SqliteConnection, negotiation_id: i64) -> Result<Vec<Lang>> {
    let stored = sqlx::query_scalar!("SELECT languages FROM negotiations WHERE id = ?", negotiation_id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(parse_languages(&stored))
}

/// A version's texts as a set, in the order of the languages: what its hash is the hash of.
pub(crate) async fn version_set(
    conn: &mut SqliteConnection,
    version_id: i64,
    languages: &[Lang],
) -> Result<Vec<LangText>> {
    let text = sqlx::query_scalar!("SELECT text FROM versions WHERE id = ?", version_id).fetch_one(&mut *conn).await?;
    let first = languages.first().copied().unwrap_or_default();
    let mut set = vec![LangText { lang: first, text }];
    let others = sqlx::query!("SELECT lang, text FROM version_texts WHERE version_id = ?", version_id)
        .fetch_all(&mut *conn)
        .await?;
    set.extend(others.into_iter().filter_map(|r| Some(LangText { lang: r.lang.parse().ok()?, text: r.text })));
    set.sort_by_key(|t| languages.iter().position(|l| *l == t.lang));
    Ok(set)
}

/// A new version on `track` whose text in `lang` is `text`, the other languages' texts carried over
/// from the track's last version; inside the caller's transaction or on a connection of its own.
pub(crate) async fn with_language(
    conn: &mut SqliteConnection,
    clause_id: i64,
    track: Track,
    lang: Lang,
    text: String,
) -> Result<NewVersion> {
    crate::record::with_language(conn, clause_id, track, lang, text).await
}

/// Appends a version inside the caller's transaction; returns its id.
pub(crate) async fn insert(conn: &mut SqliteConnection, clause_id: i64, new: &NewVersion, who: &Who) -> Result<i64> {
    crate::record::propose(conn, clause_id, new, who).await
}

impl Store {
    /// Saves a new version of a clause's text on one track. Never overwrites: the previous version stays.
    pub async fn propose(&self, clause_id: i64, new: &NewVersion, who: &Who) -> Result<Version> {
        let mut tx = self.begin().await?;
        let id = insert(&mut tx, clause_id, new, who).await?;
        tx.commit().await?;
        self.version(id).await
    }

    /// The texts of a clause's versions in the authentic languages other than the first, by version.
    pub async fn clause_texts(&self, clause_id: i64) -> Result<Vec<(i64, LangText)>> {
        let rows = sqlx::query!(
            "SELECT t.version_id, t.lang, t.text FROM version_texts t JOIN versions v ON v.id = t.version_id
             WHERE v.clause_id = ?",
            clause_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| Some((r.version_id, LangText { lang: r.lang.parse().ok()?, text: r.text })))
            .collect())
    }

    /// The texts in `lang` of the given versions, by version.
    pub async fn texts_in(&self, lang: Lang, version_ids: &[i64]) -> Result<HashMap<i64, String>> {
        let (code, ids) = (lang.code(), serde_json::json!(version_ids).to_string());
        let rows = sqlx::query!(
            "SELECT version_id, text FROM version_texts WHERE lang = ? AND version_id IN (SELECT value FROM json_each(?))",
            code,
            ids
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (r.version_id, r.text)).collect())
    }

    /// A version's texts in every authentic language it has, the negotiation's first language first.
    pub async fn version_texts(&self, version_id: i64) -> Result<Vec<LangText>> {
        let mut conn = self.pool.acquire().await?;
        let negotiation_id = sqlx::query_scalar!(
            "SELECT c.negotiation_id FROM versions v JOIN clauses c ON c.id = v.clause_id WHERE v.id = ?",
            version_id
        )
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound(Msg::NoVersion { id: version_id }))?;
        let languages = languages_of(&mut conn, negotiation_id).await?;
        version_set(&mut conn, version_id, &languages).await
    }

    /// A new version on `track` whose text in `lang` is `text`, the other languages' texts carried over
    /// from the track's last version (and then marked as waiting to be brought in line).
    pub async fn with_language(&self, clause_id: i64, track: Track, lang: Lang, text: String) -> Result<NewVersion> {
        with_language(&mut *self.pool.acquire().await?, clause_id, track, lang, text).await
    }

    /// Saves a version whose text (`new.text`) is in `lang`, the set's other languages carried over from
    /// the track's last version — read and written in one transaction.
    pub async fn propose_in(&self, clause_id: i64, lang: Lang, new: &NewVersion, who: &Who) -> Result<Version> {
        let mut tx = self.begin().await?;
        let set = with_language(&mut tx, clause_id, new.track, lang, new.text.clone()).await?;
        let new = NewVersion { text: set.text, translations: set.translations, ..new.clone() };
        let id = insert(&mut tx, clause_id, &new, who).await?;
        tx.commit().await?;
        self.version(id).await
    }

    /// Tables a private draft: from now on the other parties have it.
    pub async fn table(&self, version_id: i64, session_id: Option<i64>, who: &Who) -> Result<Version> {
        let mut tx = self.begin().await?;
        crate::record::table(&mut *tx, version_id, session_id, who).await?;
        tx.commit().await?;
        self.version(version_id).await
    }

    pub async fn version(&self, id: i64) -> Result<Version> {
        sqlx::query_as!(
            VersionRecord,
            "SELECT id, clause_id, party_id, parent_id, text, hash, author, created_at, rationale, tabled_at, session_id, sent_by, letter_ref, needs_revision
             FROM versions WHERE id = ?",
            id
        )
        .fetch_optional(&self.pool)
        .await?
        .map(Version::from)
        .ok_or_else(|| Error::NotFound(Msg::NoVersion { id }))
    }

    /// Every version of a clause, oldest first.
    pub async fn versions(&self, clause_id: i64) -> Result<Vec<Version>> {
        Ok(sqlx::query_as!(
            VersionRecord,
            "SELECT id, clause_id, party_id, parent_id, text, hash, author, created_at, rationale, tabled_at, session_id, sent_by, letter_ref, needs_revision
             FROM versions WHERE clause_id = ? ORDER BY id",
            clause_id
        )
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(Version::from)
        .collect())
    }

    /// The newest tabled version on a track: what the other parties have seen.
    pub async fn latest_tabled(&self, clause_id: i64, track: Track) -> Result<Option<Version>> {
        let party_id = track.party_id();
        Ok(sqlx::query_as!(
            VersionRecord,
            "SELECT id, clause_id, party_id, parent_id, text, hash, author, created_at, rationale, tabled_at, session_id, sent_by, letter_ref, needs_revision
             FROM versions WHERE clause_id = ? AND party_id IS ? AND tabled_at IS NOT NULL ORDER BY id DESC LIMIT 1",
            clause_id,
            party_id
        )
        .fetch_optional(&self.pool)
        .await?
        .map(Version::from))
    }
}

impl Store {
    /// The newest tabled version of each track of the given clauses (all of the negotiation's when
    /// `None`), as things stand or as they stood at a session: tabled before it began or in it.
    pub async fn heads(&self, negotiation_id: i64, clauses: Option<&[i64]>, at: Option<&Session>) -> Result<Heads> {
        self.heads_as_of(negotiation_id, clauses, at.map(|s| s.starts_at.as_str()), at.map(|s| s.id)).await
    }

    async fn heads_as_of(
        &self,
        negotiation_id: i64,
        clauses: Option<&[i64]>,
        before: Option<&str>,
        session_id: Option<i64>,
    ) -> Result<Heads> {
        let clauses = clauses.map(|ids| serde_json::to_string(ids).expect("ids serialise"));
        let rows = sqlx::query_as!(
            VersionRecord,
            r#"SELECT v.id as "id!", v.clause_id as "clause_id!", v.party_id, v.parent_id, v.text as "text!",
                      v.hash as "hash!", v.author as "author!", v.created_at as "created_at!",
                      v.rationale as "rationale!", v.tabled_at, v.session_id, v.sent_by,
                      v.letter_ref as "letter_ref!", v.needs_revision as "needs_revision!"
               FROM versions v
               JOIN (SELECT max(v2.id) as id FROM versions v2 JOIN clauses c ON c.id = v2.clause_id
                     WHERE c.negotiation_id = ?1 AND v2.tabled_at IS NOT NULL
                       AND (?2 IS NULL OR v2.clause_id IN (SELECT value FROM json_each(?2)))
                       AND (?3 IS NULL OR v2.tabled_at <= ?3 OR v2.session_id = ?4)
                     GROUP BY v2.clause_id, v2.party_id) latest ON latest.id = v.id"#,
            negotiation_id,
            clauses,
            before,
            session_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Version::from).map(|v| ((v.clause_id, v.track), v)).collect())
    }

    /// Which version heads each track, as things stand (`before` none) or as they stood at an instant:
    /// ids only, no text read, so that what moved can be told before any text is fetched.
    pub async fn head_ids(&self, negotiation_id: i64, before: Option<&str>) -> Result<HeadIds> {
        let rows = sqlx::query!(
            r#"SELECT max(v.id) as "id!: i64", v.clause_id as "clause_id!", v.party_id
               FROM versions v JOIN clauses c ON c.id = v.clause_id
               WHERE c.negotiation_id = ?1 AND v.tabled_at IS NOT NULL AND (?2 IS NULL OR v.tabled_at <= ?2)
               GROUP BY v.clause_id, v.party_id"#,
            negotiation_id,
            before
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| ((r.clause_id, Track::from_party_id(r.party_id)), r.id)).collect())
    }

    /// The hash of the newest version on each track, tabled or not: what a text sent again is compared to.
    pub async fn head_hashes(&self, negotiation_id: i64) -> Result<HashMap<(i64, Track), String>> {
        let rows = sqlx::query!(
            r#"SELECT v.clause_id, v.party_id, v.hash FROM versions v
               WHERE v.id IN (SELECT max(v2.id) FROM versions v2 JOIN clauses c ON c.id = v2.clause_id
                              WHERE c.negotiation_id = ? GROUP BY v2.clause_id, v2.party_id)"#,
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| ((r.clause_id, Track::from_party_id(r.party_id)), r.hash)).collect())
    }

    /// The versions with the given ids, by id.
    pub async fn versions_by_id(&self, ids: &[i64]) -> Result<HashMap<i64, Version>> {
        let ids = serde_json::to_string(ids).expect("ids serialise");
        let rows = sqlx::query_as!(
            VersionRecord,
            r#"SELECT id, clause_id, party_id, parent_id, text, hash, author, created_at, rationale, tabled_at, session_id, sent_by, letter_ref, needs_revision
               FROM versions WHERE id IN (SELECT value FROM json_each(?))"#,
            ids
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (r.id, Version::from(r))).collect())
    }
}

/// The id of the version heading each (clause, track).
pub type HeadIds = HashMap<(i64, Track), i64>;
