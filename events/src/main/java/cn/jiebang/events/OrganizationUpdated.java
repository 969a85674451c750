package cn.jiebang.events;

import java.time.Instant;

/** An active organization's details changed; carries the whole new state, so a consumer replaces its copy. */
public record OrganizationUpdated(
        String organizationId,
        String name,
        String creditCode,
        String region,
        String kind,
        Instant updatedAt) implements DomainEvent {

    public static final String TYPE = "organization.updated.v1";

    @Override
    public String aggregateId() {
        return organizationId;
    }
}
