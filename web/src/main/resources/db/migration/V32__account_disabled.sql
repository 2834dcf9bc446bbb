-- An account that may not sign in: the demo accounts while the kit runs with demo-accounts = false. Its sessions
-- are ended when it is disabled, and sessions of a disabled account are not honoured.
ALTER TABLE account ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
