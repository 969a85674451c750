-- bid-service's copy of organizations and users (from account.events).
CREATE TABLE known_organization (
    organization_id CHAR(36)     NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    region          VARCHAR(20)  NOT NULL,
    kind            VARCHAR(30)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE known_user (
    user_id          CHAR(36)     NOT NULL PRIMARY KEY,
    organization_id  CHAR(36)     NOT NULL,
    name             VARCHAR(100) NOT NULL,
    roles            VARCHAR(100) NOT NULL,
    expertise_fields VARCHAR(500) NOT NULL,
    INDEX ix_known_user_organization (organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
