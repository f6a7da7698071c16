-- The ratification record: each body (a union congress, an employers' board, the government) votes on
-- the tentative settlement. Kept like the rest of the record: never changed, never deleted.
CREATE TABLE ratifications (
    id             INTEGER PRIMARY KEY NOT NULL,
    negotiation_id INTEGER NOT NULL REFERENCES negotiations (id),
    body           TEXT NOT NULL CHECK (length(trim(body)) > 0),
    decided_on     TEXT NOT NULL,
    votes_for      INTEGER NOT NULL CHECK (votes_for >= 0),
    votes_against  INTEGER NOT NULL CHECK (votes_against >= 0),
    abstaining     INTEGER NOT NULL CHECK (abstaining >= 0),
    approved       INTEGER NOT NULL CHECK (approved IN (0, 1)),
    recorded_by    TEXT NOT NULL,
    recorded_at    TEXT NOT NULL
) STRICT;
CREATE INDEX ratifications_negotiation ON ratifications (negotiation_id, id);
CREATE TRIGGER ratifications_immutable BEFORE UPDATE ON ratifications
BEGIN
    SELECT RAISE(ABORT, 'a ratification is recorded once: record a new vote instead');
END;
CREATE TRIGGER ratifications_never_deleted BEFORE DELETE ON ratifications
BEGIN
    SELECT RAISE(ABORT, 'ratifications are never deleted');
END;
