-- The full definition of a challenge (需求凝练): owner agency, region, mode, winners, the requirements it
-- condenses, indicators, eligibility and IP terms; what screening found; how it ended.
-- Columns arrive nullable, existing rows get neutral values, then the required ones become NOT NULL:
-- portable between MySQL 8 and MariaDB, which differ on defaults for JSON and TEXT columns.
ALTER TABLE challenge
    ADD COLUMN owner_organization_id  CHAR(36)    NULL,
    ADD COLUMN region                 VARCHAR(20) NULL,
    ADD COLUMN mode                   VARCHAR(20) NULL,
    ADD COLUMN winners                INT         NULL,
    ADD COLUMN requirement_ids        JSON        NULL,
    ADD COLUMN indicators             JSON        NULL,
    ADD COLUMN eligibility            JSON        NULL,
    ADD COLUMN ip_terms               MEDIUMTEXT  NULL,
    ADD COLUMN bid_count              INT         NULL,
    ADD COLUMN screened_in            INT         NULL,
    ADD COLUMN screening_completed_at DATETIME(6) NULL,
    ADD COLUMN failure_reason         VARCHAR(40) NULL,
    ADD COLUMN ended_at               DATETIME(6) NULL;

UPDATE challenge
SET owner_organization_id = '',
    region                = 'OTHER',
    mode                  = 'OPEN_COMPETITION',
    winners               = 1,
    requirement_ids       = '[]',
    indicators            = '[]',
    eligibility           = '{"allowedRegions":[],"allowedOrganizationKinds":[],"maxConsortiumMembers":4,"bidsPerOrganization":1,"excludePastWinners":false}',
    ip_terms              = '';

ALTER TABLE challenge
    MODIFY owner_organization_id CHAR(36)    NOT NULL,
    MODIFY region                VARCHAR(20) NOT NULL,
    MODIFY mode                  VARCHAR(20) NOT NULL,
    MODIFY winners               INT         NOT NULL,
    MODIFY requirement_ids       JSON        NOT NULL,
    MODIFY indicators            JSON        NOT NULL,
    MODIFY eligibility           JSON        NOT NULL,
    MODIFY ip_terms              MEDIUMTEXT  NOT NULL,
    ADD INDEX ix_challenge_owner (owner_organization_id, created_at);

-- The rounds (评审轮次) of a challenge, numbered from 1, with their plan, judge panel and state.
CREATE TABLE challenge_round (
    id                 BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    challenge_id       CHAR(36)       NOT NULL,
    round_index        INT            NOT NULL,
    name               VARCHAR(100)   NOT NULL,
    kind               VARCHAR(20)    NOT NULL,
    opens_at           DATETIME(6)    NOT NULL,
    closes_at          DATETIME(6)    NOT NULL,
    criteria           JSON           NOT NULL,
    aggregation        VARCHAR(20)    NOT NULL,
    advancement        JSON           NOT NULL,
    min_judges_per_bid INT            NOT NULL,
    blind              BOOLEAN        NOT NULL,
    tranche_per_team   DECIMAL(15, 2) NOT NULL,
    publicity_days     INT            NOT NULL,
    status             VARCHAR(20)    NOT NULL,
    judge_ids          JSON           NOT NULL,
    opened_at          DATETIME(6)    NULL,
    version            BIGINT         NOT NULL,
    CONSTRAINT uq_round_challenge_index UNIQUE (challenge_id, round_index),
    INDEX ix_round_due (status, opens_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
