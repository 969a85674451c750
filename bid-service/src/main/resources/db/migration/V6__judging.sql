-- The rounds of a challenge as published (criteria and rules), for judging and ranking.
ALTER TABLE bidding_challenge ADD COLUMN rounds JSON NULL;
UPDATE bidding_challenge SET rounds = '[]';
ALTER TABLE bidding_challenge MODIFY rounds JSON NOT NULL;

-- A round as bid-service runs it: its panel, which bids race in it, open or closed.
CREATE TABLE race_round (
    id                    BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    challenge_id          CHAR(36)    NOT NULL,
    round_index           INT         NOT NULL,
    status                VARCHAR(10) NOT NULL,
    judge_ids             JSON        NOT NULL,
    bid_ids               JSON        NOT NULL,
    opened_at             DATETIME(6) NOT NULL,
    scoring_completed_at  DATETIME(6) NULL,
    closed_at             DATETIME(6) NULL,
    forced                BOOLEAN     NOT NULL,
    version               BIGINT      NOT NULL,
    CONSTRAINT uq_race_round UNIQUE (challenge_id, round_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A bid of a round given to a judge of its panel; WITHDRAWN when the judge declared a conflict (回避).
-- The judge's scores (per criterion, with comments) are sealed: only that judge reads them before the close.
CREATE TABLE assignment (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    challenge_id CHAR(36)     NOT NULL,
    round_index  INT          NOT NULL,
    bid_id       CHAR(36)     NOT NULL,
    judge_id     VARCHAR(100) NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    conflict     TEXT         NULL,
    viewed_at    DATETIME(6)  NULL,
    scores       JSON         NULL,
    scored_at    DATETIME(6)  NULL,
    created_at   DATETIME(6)  NOT NULL,
    version      BIGINT       NOT NULL,
    INDEX ix_assignment_round (challenge_id, round_index, bid_id),
    INDEX ix_assignment_judge (judge_id, challenge_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
