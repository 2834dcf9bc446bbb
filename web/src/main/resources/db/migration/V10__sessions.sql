-- Signed-in sessions. The browser holds a random token; only its SHA-256 hash is stored, so a copy of the
-- database does not let anyone sign in. Sessions survive a restart of the kit.
CREATE TABLE web_session (
    token_hash   CHAR(64)  NOT NULL PRIMARY KEY,
    account_id   BIGINT    NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at   TIMESTAMP NOT NULL
);
CREATE INDEX web_session_account ON web_session(account_id);
