-- Full-text search over clause titles and every version's text in each of its languages, as a
-- workbench file's FTS5 index searches them. 'simple' lowercases every script (Kazakh and Russian
-- included) and stems nothing: a query asks for what each word's forms begin with (prefix terms, from
-- the core's stemmer), as on a file. Row-level security applies as to any read: a member finds only
-- the texts their side may read.
CREATE INDEX clauses_search ON clauses USING gin (to_tsvector('simple', title));
CREATE INDEX versions_search ON versions USING gin (to_tsvector('simple', text));
CREATE INDEX version_texts_search ON version_texts USING gin (to_tsvector('simple', text));
