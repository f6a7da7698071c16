-- A negotiation whose agreement has two or three authentic texts (Kazakh and Russian) keeps every
-- version of a clause as a set of texts tabled together: `versions.text` in its first authentic
-- language, the others here. A version's hash is then the hash of the whole set, so that initials
-- bind every language at once.
CREATE TABLE version_texts (
    version_id INTEGER NOT NULL REFERENCES versions (id),
    lang       TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
    text       TEXT NOT NULL,
    PRIMARY KEY (version_id, lang)
) STRICT;
CREATE TRIGGER version_texts_immutable BEFORE UPDATE ON version_texts
BEGIN
    SELECT RAISE(ABORT, 'versions are immutable: add a new version instead');
END;
CREATE TRIGGER version_texts_never_deleted BEFORE DELETE ON version_texts
BEGIN
    SELECT RAISE(ABORT, 'versions are never deleted');
END;
CREATE TRIGGER search_version_text_insert AFTER INSERT ON version_texts
BEGIN
    INSERT INTO search_index (title, body, clause_id, version_id)
    SELECT '', NEW.text, v.clause_id, NEW.version_id FROM versions v WHERE v.id = NEW.version_id;
END;

-- The languages whose text in a version still waits to be brought in line with a change made to
-- another language's (comma-separated codes; empty when the set agrees), fixed when the version is.
ALTER TABLE versions ADD COLUMN needs_revision TEXT NOT NULL DEFAULT '';
CREATE TRIGGER versions_needs_revision_fixed BEFORE UPDATE OF needs_revision ON versions
BEGIN
    SELECT RAISE(ABORT, 'versions are immutable: add a new version instead');
END;
