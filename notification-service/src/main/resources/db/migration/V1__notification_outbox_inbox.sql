CREATE TABLE notification (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    recipient       VARCHAR(100) NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    title           VARCHAR(500) NOT NULL,
    body            TEXT         NOT NULL,
    link            VARCHAR(500) NULL,
    source_event_id VARCHAR(100) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    read_at         DATETIME(6)  NULL,
    CONSTRAINT uq_notification_once UNIQUE (source_event_id, recipient),
    INDEX ix_notification_inbox (recipient, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Transactional outbox (empty until the service publishes delivery events) and processed-event inbox.
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
