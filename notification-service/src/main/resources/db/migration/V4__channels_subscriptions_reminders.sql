-- Teams subscribe to technology fields and regions: they hear of new and amended challenges in them.
CREATE TABLE subscription (
    user_id VARCHAR(100) NOT NULL,
    kind    VARCHAR(10)  NOT NULL,
    value   VARCHAR(40)  NOT NULL,
    PRIMARY KEY (user_id, kind, value),
    INDEX ix_subscription_value (kind, value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Whether a user wants e-mail for a kind of notification; no row means yes. The in-app inbox always gets it.
CREATE TABLE email_preference (
    user_id           VARCHAR(100) NOT NULL,
    notification_kind VARCHAR(40)  NOT NULL,
    email             BOOLEAN      NOT NULL,
    PRIMARY KEY (user_id, notification_kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An organization's endpoint for its notifications, signed with its secret.
CREATE TABLE webhook (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    organization_id VARCHAR(100)  NOT NULL,
    url             VARCHAR(1000) NOT NULL,
    secret          VARCHAR(200)  NOT NULL,
    active          BOOLEAN       NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    INDEX ix_webhook_organization (organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per notification, channel and target, decided in the transaction that handled the event and
-- sent afterwards by the dispatcher: at most one per (event, channel, target) ever exists.
CREATE TABLE delivery (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    source_event_id VARCHAR(100)  NOT NULL,
    channel         VARCHAR(10)   NOT NULL,
    target          VARCHAR(300)  NOT NULL,
    organization_id VARCHAR(100)  NULL,
    notification_id CHAR(36)      NOT NULL,
    subject         VARCHAR(500)  NOT NULL,
    body            TEXT          NOT NULL,
    payload         MEDIUMTEXT    NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_error      VARCHAR(1000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    CONSTRAINT uq_delivery_once UNIQUE (source_event_id, channel, target),
    INDEX ix_delivery_due (status, next_attempt_at),
    INDEX ix_delivery_organization (organization_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who bid on which challenge (from bid.events): they hear of its amendments, cancellation and closing.
CREATE TABLE bidder (
    challenge_id CHAR(36)     NOT NULL,
    user_id      VARCHAR(100) NOT NULL,
    PRIMARY KEY (challenge_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Published challenges as notifications need them: whom to tell, and when its deadline falls.
CREATE TABLE watched_challenge (
    challenge_id          CHAR(36)     NOT NULL PRIMARY KEY,
    title                 VARCHAR(200) NOT NULL,
    technology_field      VARCHAR(40)  NOT NULL,
    region                VARCHAR(20)  NOT NULL,
    owner_organization_id VARCHAR(100) NOT NULL,
    bid_closes_at         DATETIME(6)  NOT NULL,
    cancelled             BOOLEAN      NOT NULL,
    INDEX ix_watched_deadline (cancelled, bid_closes_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each deadline reminder once: per challenge, deadline (an extension makes a new one) and lead time.
CREATE TABLE deadline_reminder (
    challenge_id  CHAR(36)    NOT NULL,
    bid_closes_at DATETIME(6) NOT NULL,
    hours_before  INT         NOT NULL,
    sent_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (challenge_id, bid_closes_at, hours_before)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
