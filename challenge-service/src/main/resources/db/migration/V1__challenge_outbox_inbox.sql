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

-- Transactional outbox and processed-event inbox (see the messaging module).
CREATE TABLE outbox_message (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id     CHAR(36)     NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    topic        VARCHAR(100) NOT NULL,
    message_key  VARCHAR(100) NOT NULL,
    payload      LONGTEXT     NOT NULL,
    occurred_at  DATETIME(6)  NOT NULL,
    published_at DATETIME(6)  NULL,
    CONSTRAINT uq_outbox_event UNIQUE (event_id),
    INDEX ix_outbox_unpublished (published_at, id),
    INDEX ix_outbox_key (message_key, published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(100) NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    processed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (consumer, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
