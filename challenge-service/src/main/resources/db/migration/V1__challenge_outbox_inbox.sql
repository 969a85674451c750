CREATE TABLE challenge (
    id                CHAR(36)       NOT NULL PRIMARY KEY,
    title             VARCHAR(200)   NOT NULL,
    problem_statement MEDIUMTEXT     NOT NULL,
    technology_field  VARCHAR(40)    NOT NULL,
    total_budget      DECIMAL(15, 2) NOT NULL,
    bid_opens_at      DATETIME(6)    NOT NULL,
    bid_closes_at     DATETIME(6)    NOT NULL,
    status            VARCHAR(20)    NOT NULL,
    created_at        DATETIME(6)    NOT NULL,
    published_at      DATETIME(6)    NULL,
    version           BIGINT         NOT NULL,
    INDEX ix_challenge_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The outbox and the inbox, outbox_message and processed_event, are the messaging module's: db/messaging
-- (ADR 0020).
