-- notification-service's copy of users (from account.events): whom to tell, where, in which language.
CREATE TABLE recipient (
    user_id         CHAR(36)     NOT NULL PRIMARY KEY,
    organization_id CHAR(36)     NOT NULL,
    name            VARCHAR(100) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    language        VARCHAR(5)   NOT NULL,
    roles           VARCHAR(100) NOT NULL,
    INDEX ix_recipient_organization (organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
