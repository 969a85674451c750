package cn.jiebang.messaging;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Applies an event's effect at most once per consumer: the event id is recorded in the same
 * transaction as the effect, so a redelivered event finds its id and does nothing.
 */
@Singleton
public class Inbox {

    private final ProcessedEvents processed;
    private final EventJson json;
    private final Clock clock;

    Inbox(ProcessedEvents processed, EventJson json, Clock clock) {
        this.processed = processed;
        this.json = json;
        this.clock = clock;
    }

    /** Returns true if the effect ran, false for a duplicate or an event type the consumer ignores. */
    @Transactional
    public boolean receive(String consumer, IncomingEvent event, EventHandlers handlers) {
        if (!handlers.handles(event.type())) {
            return false;
        }
        if (processed.record(consumer, event.id(), event.type(), clock.instant()) == 0) {
            return false;
        }
        handlers.apply(event, json);
        return true;
    }
}
