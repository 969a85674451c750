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

-- The outbox and the inbox, outbox_message and processed_event, are the messaging module's: db/messaging
-- (ADR 0020).
