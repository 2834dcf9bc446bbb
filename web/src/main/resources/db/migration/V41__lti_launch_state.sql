-- LTI 1.3 launches in flight. A login started by a platform leaves its state (hashed) and nonce here, bound to
-- the browser that started it; the launch that follows uses them once. In the database rather than in memory,
-- so the launch may reach another node of the kit than the login did.
CREATE TABLE lti_login (
    state_hash    CHAR(64)      NOT NULL PRIMARY KEY,
    browser_hash  CHAR(64)      NOT NULL,
    nonce         VARCHAR(64)   NOT NULL,
    platform_id   BIGINT        NOT NULL REFERENCES lti_platform (id) ON DELETE CASCADE,
    login_query   VARCHAR(8000) NOT NULL,
    expires_at    TIMESTAMP     NOT NULL,
    used_at       TIMESTAMP
);
CREATE INDEX lti_login_expiry ON lti_login (expires_at);

-- A signed-in launch handed to a new window when the browser kept no cookie inside the platform's frame, and a
-- deep-linking request waiting for the instructor's choice. Both are single-use and short-lived.
CREATE TABLE lti_handoff (
    token_hash   CHAR(64)      NOT NULL PRIMARY KEY,
    account_id   BIGINT        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    target       VARCHAR(300)  NOT NULL,
    expires_at   TIMESTAMP     NOT NULL,
    used_at      TIMESTAMP
);

CREATE TABLE lti_deep_link (
    id             VARCHAR(64)   NOT NULL PRIMARY KEY,
    account_id     BIGINT        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    platform_id    BIGINT        NOT NULL REFERENCES lti_platform (id) ON DELETE CASCADE,
    deployment_id  VARCHAR(255)  NOT NULL,
    return_url     VARCHAR(2000) NOT NULL,
    data           VARCHAR(4000),
    expires_at     TIMESTAMP     NOT NULL,
    used_at        TIMESTAMP
);
