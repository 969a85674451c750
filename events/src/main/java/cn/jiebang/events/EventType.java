package cn.jiebang.events;

import java.util.Objects;

/** The contract of one kind of event: its hand-written type string, its topic and its payload record. */
public record EventType<E extends DomainEvent>(String type, String topic, Class<E> payload) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (!type.matches("[a-z]+(\\.[a-z][a-z-]*)+\\.v[1-9][0-9]*")) {
            throw new IllegalArgumentException("event type must be dotted, lower case, with a major version: " + type);
        }
    }
}
