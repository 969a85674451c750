-- The audit trail of state-changing requests (cn.jiebang.audit), migrated with its own history table
-- (ADR 0020). IF NOT EXISTS: a database created before ADR 0020 already has it, from its service's audit
-- migration.
CREATE TABLE IF NOT EXISTS audit_entry (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    actor              VARCHAR(100) NOT NULL,
    actor_organization VARCHAR(100) NULL,
    action             VARCHAR(300) NOT NULL,
    object_id          VARCHAR(100) NULL,
    status             INT          NOT NULL,
    occurred_at        DATETIME(6)  NOT NULL,
    INDEX ix_audit_object (object_id, id),
    INDEX ix_audit_actor (actor, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
