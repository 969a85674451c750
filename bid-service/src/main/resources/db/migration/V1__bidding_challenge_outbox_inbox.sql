-- bid-service's projection of published challenges (from challenge.events).
CREATE TABLE bidding_challenge (
    challenge_id     CHAR(36)       NOT NULL PRIMARY KEY,
    title            VARCHAR(200)   NOT NULL,
    technology_field VARCHAR(40)    NOT NULL,
    total_budget     DECIMAL(15, 2) NOT NULL,
    bid_opens_at     DATETIME(6)    NOT NULL,
    bid_closes_at    DATETIME(6)    NOT NULL,
    published_at     DATETIME(6)    NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The outbox and the inbox, outbox_message and processed_event, are the messaging module's: db/messaging
-- (ADR 0020).
