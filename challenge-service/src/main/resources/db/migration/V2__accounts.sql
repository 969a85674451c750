CREATE TABLE organization (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    -- moved to rejected_credit_code when an application is rejected, so it does not keep the real
    -- organization from registering (a unique key admits any number of NULLs)
    credit_code      CHAR(18)     NULL,
    rejected_credit_code CHAR(18) NULL,
    region           VARCHAR(20)  NOT NULL,
    kind             VARCHAR(30)  NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    rejection_reason VARCHAR(1000) NULL,
    created_at       DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT uq_organization_credit_code UNIQUE (credit_code),
    INDEX ix_organization_status (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_user (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    organization_id  CHAR(36)     NOT NULL,
    name             VARCHAR(100) NOT NULL,
    email            VARCHAR(254) NOT NULL,
    roles            VARCHAR(100) NOT NULL,
    expertise_fields VARCHAR(500) NOT NULL,
    language         VARCHAR(5)   NOT NULL,
    password_hash    VARCHAR(200) NOT NULL,
    active           BOOLEAN      NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT uq_user_email UNIQUE (email),
    CONSTRAINT fk_user_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    INDEX ix_user_organization (organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
