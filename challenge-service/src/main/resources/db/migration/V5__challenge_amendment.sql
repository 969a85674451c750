-- Amendments of published challenges (deadline extensions, clarifications), the challenge's public timeline.
CREATE TABLE challenge_amendment (
    id                     BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    challenge_id           CHAR(36)    NOT NULL,
    kind                   VARCHAR(30) NOT NULL,
    text                   TEXT        NOT NULL,
    previous_bid_closes_at DATETIME(6) NOT NULL,
    bid_closes_at          DATETIME(6) NOT NULL,
    amended_at             DATETIME(6) NOT NULL,
    INDEX ix_amendment_challenge (challenge_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE challenge ADD COLUMN cancellation_reason TEXT NULL;
