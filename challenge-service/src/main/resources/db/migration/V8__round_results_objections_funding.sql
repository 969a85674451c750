-- How a round went after it opened: scoring complete, closed (forced or not), announced (公示), finalized.
ALTER TABLE challenge_round
    ADD COLUMN entrants            JSON        NULL,
    ADD COLUMN scores_completed_at DATETIME(6) NULL,
    ADD COLUMN closed_at           DATETIME(6) NULL,
    ADD COLUMN forced              BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN announced_at        DATETIME(6) NULL,
    ADD COLUMN publicity_ends_at   DATETIME(6) NULL,
    ADD COLUMN finalized_at        DATETIME(6) NULL;

-- A round's results as bid-service ranked them, corrected when an objection is upheld.
CREATE TABLE round_result (
    id                   BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    challenge_id         CHAR(36)       NOT NULL,
    round_index          INT            NOT NULL,
    bid_id               CHAR(36)       NOT NULL,
    lead_organization_id VARCHAR(100)   NOT NULL,
    submitted_by         VARCHAR(100)   NOT NULL,
    aggregate            DECIMAL(9, 4)  NULL,
    rank_position        INT            NOT NULL,
    decision             VARCHAR(12)    NOT NULL,
    judges               INT            NOT NULL,
    flagged              BOOLEAN        NOT NULL,
    corrected            BOOLEAN        NOT NULL,
    CONSTRAINT uq_round_result UNIQUE (challenge_id, round_index, bid_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Objections (异议) to announced results: one per team and round, resolved by the program office.
CREATE TABLE objection (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    challenge_id    CHAR(36)     NOT NULL,
    round_index     INT          NOT NULL,
    organization_id VARCHAR(100) NOT NULL,
    filed_by        VARCHAR(100) NOT NULL,
    reasons         TEXT         NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    resolution      TEXT         NULL,
    filed_at        DATETIME(6)  NOT NULL,
    resolved_at     DATETIME(6)  NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT uq_objection_once UNIQUE (challenge_id, round_index, organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Tranches granted to advancing teams, and what the program office has released of them.
CREATE TABLE funding_grant (
    id              CHAR(36)       NOT NULL PRIMARY KEY,
    challenge_id    CHAR(36)       NOT NULL,
    round_index     INT            NOT NULL,
    bid_id          CHAR(36)       NOT NULL,
    organization_id VARCHAR(100)   NOT NULL,
    submitted_by    VARCHAR(100)   NOT NULL,
    amount          DECIMAL(15, 2) NOT NULL,
    released        DECIMAL(15, 2) NOT NULL,
    granted_at      DATETIME(6)    NOT NULL,
    version         BIGINT         NOT NULL,
    CONSTRAINT uq_grant_once UNIQUE (challenge_id, round_index, bid_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
