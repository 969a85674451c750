package cn.jiebang.events;

import java.time.Instant;
import java.util.List;

/** A user's details changed; carries the whole new state, so a consumer simply replaces its copy. */
public record UserUpdated(
        String userId,
        String organizationId,
        String name,
        String email,
        List<String> roles,
        List<String> expertiseFields,
        String language,
        Instant updatedAt) implements DomainEvent {

    public static final String TYPE = "user.updated.v1";

    @Override
    public String aggregateId() {
        return userId;
    }
}
