-- The effect the messaging tests' handlers write; the outbox and inbox come from db/messaging (SharedSchemas).
CREATE TABLE test_effect (
    event_id VARCHAR(100) NOT NULL,
    title    VARCHAR(200) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
