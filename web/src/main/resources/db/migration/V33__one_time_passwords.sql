-- A password an instructor set for someone who forgot theirs works for one sign-in: then a new one is chosen.
ALTER TABLE account ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
