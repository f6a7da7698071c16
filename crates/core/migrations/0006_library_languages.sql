-- The standards and the clause library in Kazakh and Russian as well as English: the English text
-- stays in the tables it was in, each other language's beside it. A standard also says what kind of
-- instrument it is and, for a convention, the year Kazakhstan ratified it (none when it has not).
ALTER TABLE standards ADD COLUMN kind TEXT NOT NULL DEFAULT 'convention'
    CHECK (kind IN ('convention', 'recommendation', 'code_of_practice', 'declaration', 'national_law'));
ALTER TABLE standards ADD COLUMN ratified_kz INTEGER;

CREATE TABLE standard_texts (
    standard_id INTEGER NOT NULL REFERENCES standards (id),
    lang        TEXT NOT NULL CHECK (lang IN ('kk', 'ru')),
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    PRIMARY KEY (standard_id, lang)
) STRICT;

CREATE TABLE library_texts (
    library_clause_id INTEGER NOT NULL REFERENCES library_clauses (id),
    lang              TEXT NOT NULL CHECK (lang IN ('kk', 'ru')),
    topic             TEXT NOT NULL,
    title             TEXT NOT NULL,
    text              TEXT NOT NULL,
    notes             TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (library_clause_id, lang)
) STRICT;
