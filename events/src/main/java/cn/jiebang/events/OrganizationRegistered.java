package cn.jiebang.events;

import java.time.Instant;

/**
 * An organization became a member of the platform: created by the program office, or its application
 * approved. Consumers keep its region and kind (eligibility) and its name.
 */
public record OrganizationRegistered(
        String organizationId,
        String name,
        String creditCode,
        String region,
        String kind,
        Instant registeredAt) implements DomainEvent {

    public static final String TYPE = "organization.registered.v1";

    @Override
    public String aggregateId() {
        return organizationId;
    }
}
