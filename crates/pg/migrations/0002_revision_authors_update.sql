-- Taking in a Word document records who wrote its tracked changes as one of the negotiation's
-- organisations, and records an author anew when a member takes them as another organisation: the
-- record's members update `revision_authors` as well as add to it.
DO $$
BEGIN
    EXECUTE format('GRANT UPDATE ON revision_authors TO %I', trilogue_group());
END
$$;
