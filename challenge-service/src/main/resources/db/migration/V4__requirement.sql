-- Technology requirements (需求征集), written by agencies and reviewed by the program office.
CREATE TABLE requirement (
    id               CHAR(36)       NOT NULL PRIMARY KEY,
    organization_id  CHAR(36)       NOT NULL,
    submitted_by     CHAR(36)       NOT NULL,
    title            VARCHAR(200)   NOT NULL,
    description      MEDIUMTEXT     NOT NULL,
    kind             VARCHAR(20)    NOT NULL,
    technology_field VARCHAR(40)    NOT NULL,
    region           VARCHAR(20)    NOT NULL,
    indicators       JSON           NOT NULL,
    budget_ceiling   DECIMAL(15, 2) NOT NULL,
    wanted_by        DATE           NOT NULL,
    co_funded        BOOLEAN        NOT NULL,
    status           VARCHAR(20)    NOT NULL,
    review_comment   TEXT           NULL,
    created_at       DATETIME(6)    NOT NULL,
    updated_at       DATETIME(6)    NOT NULL,
    version          BIGINT         NOT NULL,
    INDEX ix_requirement_organization (organization_id, created_at),
    INDEX ix_requirement_status (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
