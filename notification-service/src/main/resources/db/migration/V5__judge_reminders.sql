-- Judges' assignments and whether each is scored (from bid.events), the rounds' closing times (from
-- challenge.events), and which round-deadline reminders went out: judges with unscored assignments are
-- reminded before a round closes, each once per round and deadline.
CREATE TABLE judge_assignment (
    assignment_id CHAR(36)     NOT NULL PRIMARY KEY,
    challenge_id  CHAR(36)     NOT NULL,
    round_index   INT          NOT NULL,
    judge_id      VARCHAR(100) NOT NULL,
    active        BOOLEAN      NOT NULL,
    scored        BOOLEAN      NOT NULL,
    INDEX ix_judge_assignment_round (challenge_id, round_index, judge_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE judging_round (
    challenge_id CHAR(36)     NOT NULL,
    round_index  INT          NOT NULL,
    name         VARCHAR(100) NOT NULL,
    closes_at    DATETIME(6)  NOT NULL,
    closed       BOOLEAN      NOT NULL,
    PRIMARY KEY (challenge_id, round_index),
    INDEX ix_judging_round_due (closed, closes_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE judge_reminder (
    challenge_id CHAR(36)     NOT NULL,
    round_index  INT          NOT NULL,
    judge_id     VARCHAR(100) NOT NULL,
    closes_at    DATETIME(6)  NOT NULL,
    sent_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (challenge_id, round_index, judge_id, closes_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
