package cn.jiebang.notification.delivery.domain;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** An organization's endpoint: every notification to one of its users is POSTed there, signed with the secret. */
@MappedEntity("webhook")
public class Webhook {

    @Id
    private final String id;
    private final String organizationId;
    private final String url;
    private final String secret;
    private boolean active;
    private final Instant createdAt;

    /** Every column, for Micronaut Data and tests (ADR 0021); a new webhook is {@link #register}ed. */
    public Webhook(String id, String organizationId, String url, String secret, boolean active, Instant createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.url = url;
        this.secret = secret;
        this.active = active;
        this.createdAt = createdAt;
    }

    /** An active webhook; its target has been checked by the caller. */
    public static Webhook register(String organizationId, String url, String secret, Instant now) {
        return new Webhook(UUID.randomUUID().toString(), organizationId, url, secret, true, now);
    }

    /** Nothing more is sent to it; stopping a stopped webhook changes nothing. */
    public void deactivate() {
        active = false;
    }

    public String getId() {
        return id;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getUrl() {
        return url;
    }

    public String getSecret() {
        return secret;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
