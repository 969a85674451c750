-- What bid-service needs from challenge.published.v1 to check bids: owner agency, targets, eligibility.
-- Columns arrive nullable, existing rows get neutral values, then they become NOT NULL (portable between
-- MySQL 8 and MariaDB, which differ on defaults for JSON columns). bidding_closed_at marks screening begun.
ALTER TABLE bidding_challenge
    ADD COLUMN owner_organization_id CHAR(36)    NULL,
    ADD COLUMN indicators            JSON        NULL,
    ADD COLUMN eligibility           JSON        NULL,
    ADD COLUMN bidding_closed_at     DATETIME(6) NULL;

UPDATE bidding_challenge
SET owner_organization_id = '',
    indicators            = '[]',
    eligibility           = '{"allowedRegions":[],"allowedOrganizationKinds":[],"maxConsortiumMembers":4,"bidsPerOrganization":1,"excludePastWinners":false}';

ALTER TABLE bidding_challenge
    MODIFY owner_organization_id CHAR(36) NOT NULL,
    MODIFY indicators            JSON     NOT NULL,
    MODIFY eligibility           JSON     NOT NULL;

-- A bid (揭榜申报) of a lead organization on a challenge; its content lives in its versions.
CREATE TABLE bid (
    id                    CHAR(36)    NOT NULL PRIMARY KEY,
    challenge_id          CHAR(36)    NOT NULL,
    lead_organization_id  CHAR(36)    NOT NULL,
    submitted_by          VARCHAR(100) NOT NULL,
    status                VARCHAR(20) NOT NULL,
    current_version       INT         NOT NULL,
    content_hash          CHAR(64)    NOT NULL,
    screening_reason      TEXT        NULL,
    screened_by           VARCHAR(100) NULL,
    created_at            DATETIME(6) NOT NULL,
    updated_at            DATETIME(6) NOT NULL,
    version               BIGINT      NOT NULL,
    INDEX ix_bid_challenge_lead (challenge_id, lead_organization_id, status),
    INDEX ix_bid_lead (lead_organization_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every version a team submitted, never changed afterwards: the content the receipt's hash covers.
CREATE TABLE bid_version (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    bid_id       CHAR(36)    NOT NULL,
    version_no   INT         NOT NULL,
    content      JSON        NOT NULL,
    attachments  JSON        NOT NULL,
    content_hash CHAR(64)    NOT NULL,
    submitted_by VARCHAR(100) NOT NULL,
    submitted_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_bid_version UNIQUE (bid_id, version_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A retried request (same caller, same Idempotency-Key) finds the receipt of the first one here.
CREATE TABLE idempotency_record (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id         VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    bid_id          CHAR(36)     NOT NULL,
    version_no      INT          NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uq_idempotency UNIQUE (user_id, idempotency_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Files a team uploads for its bid; the bytes are in an AttachmentStore (by default attachment_content).
CREATE TABLE attachment (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    challenge_id    CHAR(36)     NOT NULL,
    organization_id CHAR(36)     NOT NULL,
    uploaded_by     VARCHAR(100) NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    uploaded_at     DATETIME(6)  NOT NULL,
    INDEX ix_attachment_challenge (challenge_id, organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE attachment_content (
    attachment_id CHAR(36) NOT NULL PRIMARY KEY,
    bytes         LONGBLOB NOT NULL
) ENGINE = InnoDB;
