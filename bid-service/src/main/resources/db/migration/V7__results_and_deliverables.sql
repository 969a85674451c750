-- When a round's scoring closes, and its results as announced (公示) by challenge-service: teams read
-- their own result only from then on.
ALTER TABLE race_round
    ADD COLUMN closes_at         DATETIME(6) NULL,
    ADD COLUMN kind              VARCHAR(20) NULL,
    ADD COLUMN announced_at      DATETIME(6) NULL,
    ADD COLUMN announced_results JSON        NULL;

-- What a team racing in a MILESTONE round delivers for it (中期、终期成果): judges score this.
CREATE TABLE deliverable (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    bid_id         CHAR(36)     NOT NULL,
    round_index    INT          NOT NULL,
    summary        MEDIUMTEXT   NOT NULL,
    attachment_ids JSON         NOT NULL,
    submitted_by   VARCHAR(100) NOT NULL,
    submitted_at   DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT uq_deliverable UNIQUE (bid_id, round_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
