-- no-transaction
-- A negotiation as the Labour Code of Kazakhstan runs it: a general (republican) level, a closing rule
-- ("nothing is agreed until everything is agreed", or "sign the agreed terms with a protocol of
-- disagreements"), authentic languages; delegates in every role a commission has, retired rather than
-- erased; a clause's section and its entry in the protocol of disagreements; where a tabled text came
-- from (the organisation that sent it, the sender's reference); reservations; approval steps instead of
-- a single ratification vote; and the commitments of a signed agreement.
--
-- SQLite cannot change a CHECK constraint in place, so negotiations, delegates and clauses are rebuilt
-- the way SQLite documents (foreign keys off, a new table, copy, drop, rename, check, foreign keys on),
-- outside sqlx's transaction because foreign keys cannot be switched off inside one. Every row keeps
-- its id: the journal, the initials and the search index refer to them.

PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

CREATE TABLE negotiations_new (
    id             INTEGER PRIMARY KEY NOT NULL,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    level          TEXT NOT NULL CHECK (level IN ('enterprise', 'sectoral', 'regional', 'general')),
    tripartite     INTEGER NOT NULL CHECK (tripartite IN (0, 1)),
    status         TEXT NOT NULL DEFAULT 'preparing' CHECK (status IN ('preparing', 'in_session',
                       'tentative_settlement', 'ratified', 'rejected', 'signed', 'in_force', 'suspended')),
    starts_on      TEXT,
    ends_on        TEXT,
    owner_party_id INTEGER REFERENCES parties (id),
    created_at     TEXT NOT NULL,
    -- 'all': nothing is agreed until everything is agreed; 'protocol': the agreed terms are signed and
    -- the disputed ones entered in a protocol of disagreements (Labour Code, Art. 156)
    closing_rule   TEXT NOT NULL DEFAULT 'all' CHECK (closing_rule IN ('all', 'protocol')),
    -- the authentic languages, as ISO 639-1 codes separated by commas: 'kk,ru'
    languages      TEXT NOT NULL DEFAULT 'en' CHECK (length(languages) BETWEEN 2 AND 8)
) STRICT;
INSERT INTO negotiations_new (id, title, level, tripartite, status, starts_on, ends_on, owner_party_id, created_at)
    SELECT id, title, CASE level WHEN 'national' THEN 'general' ELSE level END, tripartite, status, starts_on,
           ends_on, owner_party_id, created_at
    FROM negotiations;
DROP TABLE negotiations;
ALTER TABLE negotiations_new RENAME TO negotiations;

CREATE TABLE delegates_new (
    id         INTEGER PRIMARY KEY NOT NULL,
    party_id   INTEGER NOT NULL REFERENCES parties (id),
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role       TEXT NOT NULL CHECK (role IN ('chair', 'coordinator', 'spokesperson', 'member', 'expert',
                   'legal_counsel', 'secretary', 'translator', 'observer')),
    -- set when the delegate leaves the delegation; a delegate who appears in the record is never erased
    retired_at TEXT
) STRICT;
INSERT INTO delegates_new (id, party_id, name, role)
    SELECT id, party_id, name, CASE role WHEN 'note_taker' THEN 'secretary' ELSE role END FROM delegates;
DROP TABLE delegates;
ALTER TABLE delegates_new RENAME TO delegates;
CREATE INDEX delegates_party ON delegates (party_id);
CREATE TRIGGER delegates_never_deleted BEFORE DELETE ON delegates
BEGIN
    SELECT RAISE(ABORT, 'delegates are never deleted: retire them instead');
END;

CREATE TABLE clauses_new (
    id             INTEGER PRIMARY KEY NOT NULL,
    negotiation_id INTEGER NOT NULL REFERENCES negotiations (id),
    ref            TEXT NOT NULL CHECK (length(trim(ref)) > 0),
    title          TEXT NOT NULL,
    position       INTEGER NOT NULL,
    status         TEXT NOT NULL DEFAULT 'not_opened' CHECK (status IN ('not_opened', 'open',
                       'agreed_in_principle', 'tentatively_agreed', 'parked', 'impasse', 'in_protocol',
                       'withdrawn')),
    status_quo     TEXT,
    created_at     TEXT NOT NULL,
    -- the section the clause is grouped under: 'Раздел II. Занятость'
    section        TEXT NOT NULL DEFAULT '',
    UNIQUE (negotiation_id, ref)
) STRICT;
INSERT INTO clauses_new (id, negotiation_id, ref, title, position, status, status_quo, created_at)
    SELECT id, negotiation_id, ref, title, position, status, status_quo, created_at FROM clauses;
DROP TABLE clauses;
ALTER TABLE clauses_new RENAME TO clauses;
CREATE INDEX clauses_order ON clauses (negotiation_id, position);
CREATE TRIGGER search_clause_insert AFTER INSERT ON clauses
BEGIN
    INSERT INTO search_index (title, body, clause_id, version_id) VALUES (NEW.title, '', NEW.id, NULL);
END;
CREATE TRIGGER search_clause_title AFTER UPDATE OF title ON clauses
BEGIN
    DELETE FROM search_index WHERE clause_id = OLD.id AND version_id IS NULL;
    INSERT INTO search_index (title, body, clause_id, version_id) VALUES (NEW.title, '', NEW.id, NULL);
END;
CREATE TRIGGER clauses_never_deleted BEFORE DELETE ON clauses
BEGIN
    SELECT RAISE(ABORT, 'clauses are never deleted: withdraw them instead');
END;

-- Where a tabled text came from: the organisation that sent it (on a coalition's or the joint track)
-- and the sender's reference, a letter number. When it was tabled or received is tabled_at.
ALTER TABLE versions ADD COLUMN sent_by INTEGER REFERENCES parties (id);
ALTER TABLE versions ADD COLUMN letter_ref TEXT NOT NULL DEFAULT '';
CREATE TRIGGER versions_provenance_fixed BEFORE UPDATE OF sent_by, letter_ref ON versions
    WHEN OLD.tabled_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'where a tabled text came from is recorded once');
END;

-- An organisation's reservation on a clause: it goes along with the side, with this reservation.
CREATE TABLE reservations (
    id          INTEGER PRIMARY KEY NOT NULL,
    clause_id   INTEGER NOT NULL REFERENCES clauses (id),
    party_id    INTEGER NOT NULL REFERENCES parties (id),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX reservations_clause ON reservations (clause_id, id);
CREATE TRIGGER reservations_immutable BEFORE UPDATE ON reservations
BEGIN
    SELECT RAISE(ABORT, 'a reservation is recorded once');
END;
CREATE TRIGGER reservations_never_deleted BEFORE DELETE ON reservations
BEGIN
    SELECT RAISE(ABORT, 'reservations are never deleted');
END;

-- A clause entered in the protocol of disagreements: the further procedure decided for it. Each side's
-- wording is its latest tabled text at that moment, recorded in the journal's event.
CREATE TABLE protocol_entries (
    id          INTEGER PRIMARY KEY NOT NULL,
    clause_id   INTEGER NOT NULL REFERENCES clauses (id),
    further     TEXT NOT NULL CHECK (further IN ('talks', 'conciliation', 'next_round')),
    reason      TEXT NOT NULL,
    wordings    TEXT NOT NULL DEFAULT '[]',
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX protocol_entries_clause ON protocol_entries (clause_id, id);
CREATE TRIGGER protocol_entries_immutable BEFORE UPDATE ON protocol_entries
BEGIN
    SELECT RAISE(ABORT, 'a protocol entry is recorded once');
END;
CREATE TRIGGER protocol_entries_never_deleted BEFORE DELETE ON protocol_entries
BEGIN
    SELECT RAISE(ABORT, 'protocol entries are never deleted');
END;

-- The approval steps a negotiation goes through after its settlement, each optional and dated:
-- discussion by the employees, a side's internal approval, signing, registration. A vote where there
-- is one. The ratification votes of earlier workbenches become a side's approval.
CREATE TABLE approval_steps (
    id             INTEGER PRIMARY KEY NOT NULL,
    negotiation_id INTEGER NOT NULL REFERENCES negotiations (id),
    step           TEXT NOT NULL CHECK (step IN ('discussion', 'side', 'signing', 'registration')),
    side           TEXT CHECK (side IN ('workers', 'employers', 'government', 'mediator')),
    body           TEXT NOT NULL DEFAULT '',
    decided_on     TEXT NOT NULL,
    votes_for      INTEGER CHECK (votes_for >= 0),
    votes_against  INTEGER CHECK (votes_against >= 0),
    abstaining     INTEGER CHECK (abstaining >= 0),
    approved       INTEGER NOT NULL CHECK (approved IN (0, 1)),
    recorded_by    TEXT NOT NULL,
    recorded_at    TEXT NOT NULL
) STRICT;
CREATE INDEX approval_steps_negotiation ON approval_steps (negotiation_id, id);
INSERT INTO approval_steps (id, negotiation_id, step, side, body, decided_on, votes_for, votes_against,
        abstaining, approved, recorded_by, recorded_at)
    SELECT id, negotiation_id, 'side', NULL, body, decided_on, votes_for, votes_against, abstaining, approved,
           recorded_by, recorded_at
    FROM ratifications;
DROP TABLE ratifications;
CREATE TRIGGER approval_steps_immutable BEFORE UPDATE ON approval_steps
BEGIN
    SELECT RAISE(ABORT, 'an approval step is recorded once: record a new one instead');
END;
CREATE TRIGGER approval_steps_never_deleted BEFORE DELETE ON approval_steps
BEGIN
    SELECT RAISE(ABORT, 'approval steps are never deleted');
END;

-- What a signed agreement obliges: who is responsible, by when, and whether it is done (the action plan
-- of a General Agreement).
CREATE TABLE commitments (
    id             INTEGER PRIMARY KEY NOT NULL,
    negotiation_id INTEGER NOT NULL REFERENCES negotiations (id),
    clause_id      INTEGER REFERENCES clauses (id),
    text           TEXT NOT NULL CHECK (length(trim(text)) > 0),
    responsible    TEXT NOT NULL CHECK (length(trim(responsible)) > 0),
    due_on         TEXT NOT NULL,
    done_on        TEXT,
    recorded_by    TEXT NOT NULL,
    recorded_at    TEXT NOT NULL
) STRICT;
CREATE INDEX commitments_negotiation ON commitments (negotiation_id, due_on);
CREATE TRIGGER commitments_never_deleted BEFORE DELETE ON commitments
BEGIN
    SELECT RAISE(ABORT, 'commitments are never deleted');
END;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
