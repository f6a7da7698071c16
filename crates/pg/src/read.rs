//! The shared record as its front ends read and change it: the same calls and types as a workbench
//! file's `Store`, each change made by the core's rules (`record`) in a transaction of its own. A
//! member reads only what their side may: the database leaves the rest out.

use std::collections::HashMap;

use sqlx::PgConnection;

use trilogue_core::message::Msg;
use trilogue_core::model::{
    Clause, ClauseStatus, Event, Initial, Negotiation, Party, Priority, PrivateNote, Track, Version,
};
use trilogue_core::record::{self, GENESIS, event_hash};
use trilogue_core::store::rows::{
    ClauseRecord, EventRecord, NegotiationRecord, NoteRecord, PartyRecord, VersionRecord,
};
use trilogue_core::store::{
    ChainBreak, ClauseRow, NegotiationSummary, NewClause, NewNegotiation, NewParty, NewVersion, StatusChange,
    TrackHead, every_status,
};
use trilogue_core::words::Lang;
use trilogue_core::{Error, Result, Who};

use crate::server::Server;
use crate::tx::PgTx;

/// A clause as its view shows it: the clause, every version the reader may see, and their side's notes.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ClauseView {
    pub clause: Clause,
    pub versions: Vec<Version>,
    pub notes: Vec<PrivateNote>,
}

impl Server {
    pub async fn create_negotiation(
        &self,
        new: &NewNegotiation,
        parties: &[NewParty],
        who: &Who,
    ) -> Result<(Negotiation, Vec<Party>)> {
        let mut tx = self.pool.begin().await?;
        let id = record::create_negotiation(&mut PgTx(&mut tx), new, parties, who).await?;
        tx.commit().await?;
        Ok((self.negotiation(id).await?, self.parties(id).await?))
    }

    pub async fn add_party(&self, negotiation_id: i64, new: &NewParty, who: &Who) -> Result<Party> {
        let mut tx = self.pool.begin().await?;
        let id = record::add_party(&mut PgTx(&mut tx), negotiation_id, new, who).await?;
        tx.commit().await?;
        let parties = self.parties(negotiation_id).await?;
        parties.into_iter().find(|p| p.id == id).ok_or(Error::NotFound(Msg::NoParty { id }))
    }

    pub async fn add_clause(&self, negotiation_id: i64, new: &NewClause, who: &Who) -> Result<Clause> {
        let mut tx = self.pool.begin().await?;
        let id = record::add_clause(&mut PgTx(&mut tx), negotiation_id, new, who).await?;
        tx.commit().await?;
        self.clause(id).await
    }

    /// Saves a new version of a clause's text on one track: a draft only the writer's side sees, or a
    /// text tabled for every side.
    pub async fn propose(&self, clause_id: i64, new: &NewVersion, who: &Who) -> Result<Version> {
        let mut tx = self.pool.begin().await?;
        let id = record::propose(&mut PgTx(&mut tx), clause_id, new, who).await?;
        tx.commit().await?;
        self.version(id).await
    }

    /// Saves a version whose text (`new.text`) is in `lang`, the set's other languages carried over from
    /// the track's last version, read and written in one transaction.
    pub async fn propose_in(&self, clause_id: i64, lang: Lang, new: &NewVersion, who: &Who) -> Result<Version> {
        let mut tx = self.pool.begin().await?;
        let set = record::with_language(&mut PgTx(&mut tx), clause_id, new.track, lang, new.text.clone()).await?;
        let new = NewVersion { text: set.text, translations: set.translations, ..new.clone() };
        let id = record::propose(&mut PgTx(&mut tx), clause_id, &new, who).await?;
        tx.commit().await?;
        self.version(id).await
    }

    /// Tables a draft: from now on every side has it.
    pub async fn table(&self, version_id: i64, session_id: Option<i64>, who: &Who) -> Result<Version> {
        let mut tx = self.pool.begin().await?;
        record::table(&mut PgTx(&mut tx), version_id, session_id, who).await?;
        tx.commit().await?;
        self.version(version_id).await
    }

    /// Moves a clause to another status (`record::change_status`).
    pub async fn change_status(&self, clause_id: i64, change: &StatusChange, who: &Who) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        record::change_status(&mut PgTx(&mut tx), clause_id, change, who).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A party initials one exact tabled version (`record::initial`); a member initials only for a
    /// party of their own side. Returns the clause's status afterwards.
    pub async fn initial(
        &self,
        clause_id: i64,
        party_id: i64,
        version_id: i64,
        session_id: Option<i64>,
        who: &Who,
    ) -> Result<ClauseStatus> {
        self.initial_by(clause_id, (party_id, None), version_id, session_id, who).await
    }

    /// [`Server::initial`], naming the delegate who gave the initial: `(party, delegate)`.
    pub async fn initial_by(
        &self,
        clause_id: i64,
        signed: (i64, Option<i64>),
        version_id: i64,
        session_id: Option<i64>,
        who: &Who,
    ) -> Result<ClauseStatus> {
        let mut tx = self.pool.begin().await?;
        let status = record::initial(&mut PgTx(&mut tx), clause_id, signed, version_id, session_id, who).await?;
        tx.commit().await?;
        Ok(status)
    }

    /// Every initial given on a clause, voided ones included, oldest first.
    pub async fn initials(&self, clause_id: i64) -> Result<Vec<Initial>> {
        Ok(sqlx::query_as!(
            Initial,
            "SELECT id, clause_id, party_id, version_id, hash, initialed_by, initialed_at, session_id, voided_at,
                    voided_by_version
             FROM initials WHERE clause_id = $1 ORDER BY id",
            clause_id
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Adds a note for the writer's side only.
    pub async fn add_note(
        &self,
        clause_id: i64,
        priority: Priority,
        red_line: &str,
        reasoning: &str,
        who: &Who,
    ) -> Result<PrivateNote> {
        let mut tx = self.pool.begin().await?;
        let (id, at) = record::add_note(&mut PgTx(&mut tx), clause_id, priority, red_line, reasoning, who).await?;
        tx.commit().await?;
        let (red_line, reasoning, author) = (red_line.into(), reasoning.into(), who.name.clone());
        Ok(PrivateNote { id, clause_id, priority, red_line, reasoning, author, created_at: at })
    }

    pub async fn negotiation(&self, id: i64) -> Result<Negotiation> {
        sqlx::query_as!(
            NegotiationRecord,
            "SELECT id, title, level, tripartite, status, starts_on, ends_on, owner_party_id, created_at, closing_rule,
                    languages
             FROM negotiations WHERE id = $1",
            id
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or(Error::NotFound(Msg::NoNegotiation { id }))?
        .try_into()
    }

    /// The negotiations on the server, by id, with their clauses counted by status: two queries
    /// however many negotiations there are (every live change reads this list again).
    pub async fn negotiations(&self) -> Result<Vec<NegotiationSummary>> {
        let rows = sqlx::query_as!(
            NegotiationRecord,
            "SELECT id, title, level, tripartite, status, starts_on, ends_on, owner_party_id, created_at, closing_rule,
                    languages
             FROM negotiations AS n ORDER BY n.id"
        )
        .fetch_all(&self.pool)
        .await?;
        let counted = sqlx::query!(
            r#"SELECT negotiation_id, status, count(*) as "n!" FROM clauses GROUP BY negotiation_id, status"#
        )
        .fetch_all(&self.pool)
        .await?;
        let mut by_negotiation: HashMap<i64, Vec<(String, i64)>> = HashMap::new();
        for c in counted {
            by_negotiation.entry(c.negotiation_id).or_default().push((c.status, c.n));
        }
        rows.into_iter()
            .map(|r| {
                let by_status = every_status(by_negotiation.remove(&r.id).unwrap_or_default());
                let negotiation = Negotiation::try_from(r)?;
                Ok(NegotiationSummary { clauses: by_status.iter().map(|(_, n)| n).sum(), by_status, negotiation })
            })
            .collect()
    }

    /// How many clauses stand at each status, every status listed.
    pub async fn status_counts(&self, negotiation_id: i64) -> Result<Vec<(ClauseStatus, i64)>> {
        let rows = sqlx::query!(
            r#"SELECT status, count(*) as "n!" FROM clauses WHERE negotiation_id = $1 GROUP BY status"#,
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(every_status(rows.into_iter().map(|r| (r.status, r.n))))
    }

    pub async fn parties(&self, negotiation_id: i64) -> Result<Vec<Party>> {
        let rows = sqlx::query_as!(
            PartyRecord,
            "SELECT id, negotiation_id, name, side, label, colour, position FROM parties
             WHERE negotiation_id = $1 ORDER BY position",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Party::try_from).collect()
    }

    pub async fn clause(&self, id: i64) -> Result<Clause> {
        let mut conn = self.pool.acquire().await?;
        clause(&mut conn, id).await
    }

    /// Every clause of a negotiation in order, with the head of each track the reader may see.
    pub async fn list_clauses(&self, negotiation_id: i64) -> Result<Vec<ClauseRow>> {
        let mut conn = self.pool.acquire().await?;
        let clauses = sqlx::query_as!(
            ClauseRecord,
            "SELECT id, negotiation_id, ref as reference, title, position, status, status_quo, section FROM clauses
             WHERE negotiation_id = $1 ORDER BY position",
            negotiation_id
        )
        .fetch_all(&mut *conn)
        .await?;
        let heads = sqlx::query!(
            "SELECT DISTINCT ON (v.clause_id, v.party_id) v.clause_id, v.party_id, v.id, v.tabled_at IS NOT NULL as \"tabled!\",
                    v.created_at
             FROM versions v JOIN clauses c ON c.id = v.clause_id WHERE c.negotiation_id = $1
             ORDER BY v.clause_id, v.party_id, v.id DESC",
            negotiation_id
        )
        .fetch_all(&mut *conn)
        .await?;
        let topics = sqlx::query!(
            "SELECT t.clause_id, t.topic FROM clause_topics t JOIN clauses c ON c.id = t.clause_id
             WHERE c.negotiation_id = $1 ORDER BY t.clause_id, t.topic",
            negotiation_id
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut heads_of: std::collections::HashMap<i64, Vec<TrackHead>> = std::collections::HashMap::new();
        for h in heads {
            heads_of.entry(h.clause_id).or_default().push(TrackHead {
                track: Track::from_party_id(h.party_id),
                version_id: h.id,
                tabled: h.tabled,
                created_at: h.created_at,
            });
        }
        let mut topics_of: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
        for t in topics {
            topics_of.entry(t.clause_id).or_default().push(t.topic);
        }
        clauses
            .into_iter()
            .map(|c| {
                let mut heads = heads_of.remove(&c.id).unwrap_or_default();
                // the parties' tracks in id order, the joint track last
                heads.sort_by_key(|h| h.track.party_id().unwrap_or(i64::MAX));
                let topics = topics_of.remove(&c.id).unwrap_or_default();
                Ok(ClauseRow { clause: c.into_clause(topics)?, heads })
            })
            .collect()
    }

    pub async fn version(&self, id: i64) -> Result<Version> {
        let row = sqlx::query_as!(
            VersionRecord,
            "SELECT id, clause_id, party_id, parent_id, text, hash, author, created_at, rationale, tabled_at, session_id,
                    sent_by, letter_ref, needs_revision
             FROM versions WHERE id = $1",
            id
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.ok_or(Error::NotFound(Msg::NoVersion { id }))?.into())
    }

    /// A clause's versions the reader may see, oldest first.
    pub async fn versions(&self, clause_id: i64) -> Result<Vec<Version>> {
        let mut conn = self.pool.acquire().await?;
        versions(&mut conn, clause_id).await
    }

    /// The reader's side's notes on a clause, newest first.
    pub async fn notes(&self, clause_id: i64) -> Result<Vec<PrivateNote>> {
        let mut conn = self.pool.acquire().await?;
        notes(&mut conn, clause_id).await
    }

    /// A clause with its versions and notes, read on one connection.
    pub async fn clause_view(&self, clause_id: i64) -> Result<ClauseView> {
        let mut conn = self.pool.acquire().await?;
        let clause = clause(&mut conn, clause_id).await?;
        let versions = versions(&mut conn, clause_id).await?;
        let notes = notes(&mut conn, clause_id).await?;
        Ok(ClauseView { clause, versions, notes })
    }

    /// The journal of a negotiation as the reader may read it, oldest first.
    pub async fn events(&self, negotiation_id: i64) -> Result<Vec<Event>> {
        let rows = sqlx::query_as!(
            EventRecord,
            "SELECT id, negotiation_id, clause_id, kind, actor, at, reason, detail, hash
             FROM events WHERE negotiation_id = $1 ORDER BY id",
            negotiation_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Event::from).collect())
    }

    /// Walks a negotiation's journal and returns the first entry that does not match its chain. Every
    /// link is checked (the server gives each entry's hashes, even of an entry the reader may not read);
    /// each entry the reader may read is hashed again from what it says.
    pub async fn verify_journal(&self, negotiation_id: i64) -> Result<Option<ChainBreak>> {
        let mut conn = self.pool.acquire().await?;
        let links = sqlx::query!(
            r#"SELECT id as "id!", kind as "kind!", prev_hash as "prev_hash!", hash as "hash!"
               FROM trilogue_chain_links($1) ORDER BY id"#,
            negotiation_id
        )
        .fetch_all(&mut *conn)
        .await?;
        let readable = sqlx::query!(
            "SELECT id, clause_id, kind, actor, at, reason, detail, hash FROM events WHERE negotiation_id = $1",
            negotiation_id
        )
        .fetch_all(&mut *conn)
        .await?;
        let readable: std::collections::HashMap<i64, _> = readable.into_iter().map(|r| (r.id, r)).collect();
        let mut prev = GENESIS.to_string();
        for link in links {
            let content_matches = readable.get(&link.id).is_none_or(|r| {
                let fields = [r.kind.as_str(), &r.actor, &r.at, &r.reason, &r.detail];
                r.hash == link.hash && event_hash(&prev, negotiation_id, r.clause_id, fields) == link.hash
            });
            if link.prev_hash != prev || !content_matches {
                let kind = readable.get(&link.id).map_or(link.kind, |r| r.kind.clone());
                return Ok(Some(ChainBreak { event_id: link.id, kind }));
            }
            prev = link.hash;
        }
        Ok(None)
    }

    /// The versions whose stored hash no longer matches their texts in every language (the reader's
    /// side's and every tabled one), by id.
    pub async fn verify_texts(&self, negotiation_id: i64) -> Result<Vec<i64>> {
        let mut conn = self.pool.acquire().await?;
        let stored = sqlx::query_scalar!("SELECT languages FROM negotiations WHERE id = $1", negotiation_id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(Error::NotFound(Msg::NoNegotiation { id: negotiation_id }))?;
        let languages = trilogue_core::authentic::parse_languages(&stored);
        let rows = sqlx::query!(
            "SELECT v.id, v.hash FROM versions v JOIN clauses c ON c.id = v.clause_id
             WHERE c.negotiation_id = $1 ORDER BY v.id",
            negotiation_id
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut altered = vec![];
        for r in rows {
            let set = crate::tx::version_set(&mut conn, r.id, &languages).await?;
            if trilogue_core::authentic::set_hash(&set) != r.hash {
                altered.push(r.id);
            }
        }
        Ok(altered)
    }
}

async fn clause(conn: &mut PgConnection, id: i64) -> Result<Clause> {
    let c = sqlx::query_as!(
        ClauseRecord,
        "SELECT id, negotiation_id, ref as reference, title, position, status, status_quo, section FROM clauses
         WHERE id = $1",
        id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(Error::NotFound(Msg::NoClause { id }))?;
    let topics = sqlx::query_scalar!("SELECT topic FROM clause_topics WHERE clause_id = $1 ORDER BY topic", id)
        .fetch_all(&mut *conn)
        .await?;
    c.into_clause(topics)
}

async fn versions(conn: &mut PgConnection, clause_id: i64) -> Result<Vec<Version>> {
    let rows = sqlx::query_as!(
        VersionRecord,
        "SELECT id, clause_id, party_id, parent_id, text, hash, author, created_at, rationale, tabled_at, session_id,
                sent_by, letter_ref, needs_revision
         FROM versions WHERE clause_id = $1 ORDER BY id",
        clause_id
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Version::from).collect())
}

async fn notes(conn: &mut PgConnection, clause_id: i64) -> Result<Vec<PrivateNote>> {
    let rows = sqlx::query_as!(
        NoteRecord,
        "SELECT id, clause_id, priority, red_line, reasoning, author, created_at FROM private_notes
         WHERE clause_id = $1 ORDER BY id DESC",
        clause_id
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(PrivateNote::try_from).collect()
}
