package cn.jiebang.messaging;

import cn.jiebang.events.DomainEvent;
import cn.jiebang.events.EventType;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a consumer does with each event type it cares about; other types are ignored. */
public final class EventHandlers {

    /** The effect of one event; it runs inside the inbox's transaction. */
    @FunctionalInterface
    public interface Handler<E extends DomainEvent> {
        void handle(E event, IncomingEvent envelope);
    }

    private record Entry<E extends DomainEvent>(EventType<E> type, Handler<E> handler) {
        void apply(IncomingEvent envelope, EventJson json) {
            handler.handle(json.read(envelope.payload(), type.payload()), envelope);
        }
    }

    private final Map<String, Entry<?>> byType;

    private EventHandlers(Map<String, Entry<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    boolean handles(String type) {
        return byType.containsKey(type);
    }

    Set<String> types() {
        return byType.keySet();
    }

    void apply(IncomingEvent envelope, EventJson json) {
        Optional.ofNullable(byType.get(envelope.type())).ifPresent(entry -> entry.apply(envelope, json));
    }

    public static final class Builder {
        private final Map<String, Entry<?>> byType = new HashMap<>();

        public <E extends DomainEvent> Builder on(EventType<E> type, Handler<E> handler) {
            if (byType.put(type.type(), new Entry<>(type, handler)) != null) {
                throw new IllegalArgumentException("two handlers for " + type.type());
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}
