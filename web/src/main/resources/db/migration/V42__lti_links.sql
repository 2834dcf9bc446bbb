-- Who a platform's user is in the kit (issuer + subject -> account), the courses launches came from (for the
-- roster), and where each student's grade for a kit page goes (the line item of the launch's resource link).
CREATE TABLE lti_account (
    issuer      VARCHAR(255) NOT NULL,
    subject     VARCHAR(255) NOT NULL,
    account_id  BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    email       VARCHAR(320),
    created_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX lti_account_by_account ON lti_account (account_id);

CREATE TABLE lti_context (
    platform_id      BIGINT        NOT NULL REFERENCES lti_platform (id) ON DELETE CASCADE,
    context_id       VARCHAR(255)  NOT NULL,
    title            VARCHAR(500)  NOT NULL,
    memberships_url  VARCHAR(2000),
    updated_at       TIMESTAMP     NOT NULL,
    PRIMARY KEY (platform_id, context_id)
);

CREATE TABLE lti_grade_link (
    account_id    BIGINT        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    target        VARCHAR(300)  NOT NULL,
    platform_id   BIGINT        NOT NULL REFERENCES lti_platform (id) ON DELETE CASCADE,
    lineitem_url  VARCHAR(2000) NOT NULL,
    subject       VARCHAR(255)  NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (account_id, target, platform_id)
);
