package cn.jiebang.events;

import java.time.Instant;
import java.util.List;

/**
 * A user account can now sign in. Consumers keep what they need of it: the organization (conflicts of
 * interest, bids), roles, expertise fields (judges), and e-mail address and language (notifications).
 */
public record UserRegistered(
        String userId,
        String organizationId,
        String name,
        String email,
        List<String> roles,
        List<String> expertiseFields,
        String language,
        Instant registeredAt) implements DomainEvent {

    public static final String TYPE = "user.registered.v1";

    @Override
    public String aggregateId() {
        return userId;
    }
}
