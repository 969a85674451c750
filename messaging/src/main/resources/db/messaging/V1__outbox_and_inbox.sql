-- The transactional outbox (ADR 0001) and the processed-event inbox (ADR 0006) of every service, migrated
-- with their own history table (ADR 0020). IF NOT EXISTS: a database created before ADR 0020 already has
-- both, from its service's V1.
CREATE TABLE IF NOT EXISTS outbox_message (
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

CREATE TABLE IF NOT EXISTS processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(100) NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    processed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (consumer, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
