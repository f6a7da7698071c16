-- The negotiation record. Append-only: a later change is a new migration file, never an edit here.
-- Times are ISO 8601 UTC text. Booleans are 0/1. Nothing here is ever deleted: versions, initials and
-- events refuse DELETE and the columns that make them what they are refuse UPDATE.

CREATE TABLE trilogue_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
INSERT INTO trilogue_meta (key, value) VALUES ('app', 'trilogue');

CREATE TABLE negotiations (
    id             INTEGER PRIMARY KEY NOT NULL,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    level          TEXT NOT NULL CHECK (level IN ('enterprise', 'sectoral', 'regional', 'national')),
    tripartite     INTEGER NOT NULL CHECK (tripartite IN (0, 1)),
    status         TEXT NOT NULL DEFAULT 'preparing' CHECK (status IN ('preparing', 'in_session',
                       'tentative_settlement', 'ratified', 'rejected', 'signed', 'in_force', 'suspended')),
    starts_on      TEXT,
    ends_on        TEXT,
    -- the party whose workbench this is; NULL for an imported table not yet claimed
    owner_party_id INTEGER REFERENCES parties (id),
    created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE parties (
    id             INTEGER PRIMARY KEY NOT NULL,
    negotiation_id INTEGER NOT NULL REFERENCES negotiations (id),
    name           TEXT NOT NULL,
    -- NULL when an imported table did not say which side a party sits on
    side           TEXT CHECK (side IN ('workers', 'employers', 'government', 'mediator')),
    label          TEXT NOT NULL CHECK (length(trim(label)) > 0 AND lower(label) <> 'joint'),
    colour         TEXT NOT NULL,
    position       INTEGER NOT NULL,
    UNIQUE (negotiation_id, label)
) STRICT;

CREATE TABLE delegates (
    id       INTEGER PRIMARY KEY NOT NULL,
    party_id INTEGER NOT NULL REFERENCES parties (id),
    name     TEXT NOT NULL,
    role     TEXT NOT NULL CHECK (role IN ('spokesperson', 'member', 'expert', 'note_taker', 'observer'))
) STRICT;
CREATE INDEX delegates_party ON delegates (party_id);

CREATE TABLE clauses (
    id             INTEGER PRIMARY KEY NOT NULL,
    negotiation_id INTEGER NOT NULL REFERENCES negotiations (id),
    ref            TEXT NOT NULL CHECK (length(trim(ref)) > 0),
    title          TEXT NOT NULL,
    position       INTEGER NOT NULL,
    status         TEXT NOT NULL DEFAULT 'not_opened' CHECK (status IN ('not_opened', 'open',
                       'agreed_in_principle', 'tentatively_agreed', 'parked', 'impasse', 'withdrawn')),
    status_quo     TEXT,
    created_at     TEXT NOT NULL,
    UNIQUE (negotiation_id, ref)
) STRICT;
CREATE INDEX clauses_order ON clauses (negotiation_id, position);

CREATE TABLE clause_topics (
    clause_id INTEGER NOT NULL REFERENCES clauses (id),
    topic     TEXT NOT NULL,
    PRIMARY KEY (clause_id, topic)
) STRICT;

CREATE TABLE sessions (
    id             INTEGER PRIMARY KEY NOT NULL,
    negotiation_id INTEGER NOT NULL REFERENCES negotiations (id),
    number         INTEGER NOT NULL,
    starts_at      TEXT NOT NULL,
    place          TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL CHECK (kind IN ('plenary', 'caucus', 'working_group', 'mediation')),
    minutes        TEXT NOT NULL DEFAULT '',
    UNIQUE (negotiation_id, number)
) STRICT;

CREATE TABLE session_attendees (
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    delegate_id INTEGER NOT NULL REFERENCES delegates (id),
    PRIMARY KEY (session_id, delegate_id)
) STRICT;

CREATE TABLE session_agenda (
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    clause_id  INTEGER NOT NULL REFERENCES clauses (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (session_id, clause_id)
) STRICT;

-- A track is a clause and a party; party_id NULL is the joint track.
CREATE TABLE versions (
    id         INTEGER PRIMARY KEY NOT NULL,
    clause_id  INTEGER NOT NULL REFERENCES clauses (id),
    party_id   INTEGER REFERENCES parties (id),
    parent_id  INTEGER REFERENCES versions (id),
    text       TEXT NOT NULL,
    hash       TEXT NOT NULL CHECK (length(hash) = 64),
    author     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    rationale  TEXT NOT NULL DEFAULT '',
    -- NULL while a private draft; set once, when tabled
    tabled_at  TEXT,
    session_id INTEGER REFERENCES sessions (id)
) STRICT;
-- covering: a clause list reads each track's newest version from the index alone, never the texts
CREATE INDEX versions_track ON versions (clause_id, party_id, id, tabled_at, created_at);
CREATE INDEX versions_session ON versions (session_id);

CREATE TRIGGER versions_immutable BEFORE UPDATE OF id, clause_id, party_id, parent_id, text, hash, author,
    created_at, rationale ON versions
BEGIN
    SELECT RAISE(ABORT, 'versions are immutable: add a new version instead');
END;
CREATE TRIGGER versions_tabled_once BEFORE UPDATE OF tabled_at, session_id ON versions
    WHEN OLD.tabled_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a tabled version cannot be untabled or re-tabled');
END;
CREATE TRIGGER versions_never_deleted BEFORE DELETE ON versions
BEGIN
    SELECT RAISE(ABORT, 'versions are never deleted');
END;

-- A party's spokesperson initials one exact text, by its hash.
CREATE TABLE initials (
    id                INTEGER PRIMARY KEY NOT NULL,
    clause_id         INTEGER NOT NULL REFERENCES clauses (id),
    party_id          INTEGER NOT NULL REFERENCES parties (id),
    version_id        INTEGER NOT NULL REFERENCES versions (id),
    hash              TEXT NOT NULL,
    initialed_by      TEXT NOT NULL,
    initialed_at      TEXT NOT NULL,
    session_id        INTEGER REFERENCES sessions (id),
    voided_at         TEXT,
    voided_by_version INTEGER REFERENCES versions (id)
) STRICT;
CREATE INDEX initials_clause ON initials (clause_id);
CREATE TRIGGER initials_never_deleted BEFORE DELETE ON initials
BEGIN
    SELECT RAISE(ABORT, 'initials are never deleted: a later joint text voids them');
END;

CREATE TABLE private_notes (
    id         INTEGER PRIMARY KEY NOT NULL,
    clause_id  INTEGER NOT NULL REFERENCES clauses (id),
    priority   TEXT NOT NULL CHECK (priority IN ('must_have', 'important', 'tradeable')),
    red_line   TEXT NOT NULL DEFAULT '',
    reasoning  TEXT NOT NULL DEFAULT '',
    author     TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX private_notes_clause ON private_notes (clause_id, id);

-- The journal. Each event carries the hash of the one before it, so that an edit behind the app's back
-- breaks the chain.
CREATE TABLE events (
    id             INTEGER PRIMARY KEY NOT NULL,
    negotiation_id INTEGER NOT NULL REFERENCES negotiations (id),
    clause_id      INTEGER REFERENCES clauses (id),
    kind           TEXT NOT NULL,
    actor          TEXT NOT NULL,
    at             TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    detail         TEXT NOT NULL DEFAULT '{}',
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL
) STRICT;
CREATE INDEX events_negotiation ON events (negotiation_id, id);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only');
END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only');
END;

CREATE TABLE standards (
    id      INTEGER PRIMARY KEY NOT NULL,
    code    TEXT NOT NULL UNIQUE,
    title   TEXT NOT NULL,
    summary TEXT NOT NULL
) STRICT;

CREATE TABLE clause_standards (
    clause_id   INTEGER NOT NULL REFERENCES clauses (id),
    standard_id INTEGER NOT NULL REFERENCES standards (id),
    PRIMARY KEY (clause_id, standard_id)
) STRICT;

CREATE TABLE library_clauses (
    id    INTEGER PRIMARY KEY NOT NULL,
    slug  TEXT NOT NULL UNIQUE,
    topic TEXT NOT NULL,
    title TEXT NOT NULL,
    text  TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE library_standards (
    library_clause_id INTEGER NOT NULL REFERENCES library_clauses (id),
    standard_id       INTEGER NOT NULL REFERENCES standards (id),
    PRIMARY KEY (library_clause_id, standard_id)
) STRICT;

-- Full-text search over clause titles and every version's text. unicode61 folds case beyond ASCII, so
-- Cyrillic (Kazakh letters included) matches regardless of case.
CREATE VIRTUAL TABLE search_index USING fts5 (
    title,
    body,
    clause_id UNINDEXED,
    version_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_clause_insert AFTER INSERT ON clauses
BEGIN
    INSERT INTO search_index (title, body, clause_id, version_id) VALUES (NEW.title, '', NEW.id, NULL);
END;
CREATE TRIGGER search_clause_title AFTER UPDATE OF title ON clauses
BEGIN
    DELETE FROM search_index WHERE clause_id = OLD.id AND version_id IS NULL;
    INSERT INTO search_index (title, body, clause_id, version_id) VALUES (NEW.title, '', NEW.id, NULL);
END;
CREATE TRIGGER search_version_insert AFTER INSERT ON versions
BEGIN
    INSERT INTO search_index (title, body, clause_id, version_id) VALUES ('', NEW.text, NEW.clause_id, NEW.id);
END;
