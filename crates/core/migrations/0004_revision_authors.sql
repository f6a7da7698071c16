-- Who the authors of a Word document's tracked changes are: a name as Word records it ("Ivanova A."),
-- taken once per negotiation as one of its organisations, so that a document sent later shows whose
-- changes it carries without asking again.
CREATE TABLE revision_authors (
    negotiation_id INTEGER NOT NULL REFERENCES negotiations (id),
    author         TEXT NOT NULL,
    party_id       INTEGER NOT NULL REFERENCES parties (id),
    recorded_by    TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, author)
) STRICT;
