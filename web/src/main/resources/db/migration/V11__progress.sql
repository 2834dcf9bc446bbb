-- A student's progress through the chapter: which sections they opened and how they answered the knowledge
-- checks in them (the best answer counts; every attempt is counted).
CREATE TABLE lesson_visit (
    account_id  BIGINT      NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    lesson_id   VARCHAR(64) NOT NULL,
    first_at    TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_at     TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (account_id, lesson_id)
);

CREATE TABLE check_answer (
    account_id   BIGINT      NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    lesson_id    VARCHAR(64) NOT NULL,
    check_index  INT         NOT NULL,
    best         DOUBLE      NOT NULL,
    attempts     INT         NOT NULL,
    answered_at  TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (account_id, lesson_id, check_index)
);
