package cn.jiebang.messaging;

import cn.jiebang.events.DomainEvent;
import cn.jiebang.events.EventCatalog;
import cn.jiebang.events.EventType;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Where a use case puts the events it causes. The row is written in the caller's transaction, so the
 * event exists if and only if the state change committed; {@link OutboxRelay} publishes it later.
 */
@Singleton
public class Outbox {

    private final OutboxMessages messages;
    private final EventJson json;
    private final Clock clock;

    Outbox(OutboxMessages messages, EventJson json, Clock clock) {
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** Adds the event to the current transaction; there must be one. Returns the event id ({@code ce_id}). */
    @Transactional(propagation = MANDATORY)
    public String add(DomainEvent event) {
        EventType<DomainEvent> type = EventCatalog.of(event);
        String eventId = UUID.randomUUID().toString();
        messages.save(new OutboxMessage(null, eventId, type.type(), type.topic(), event.aggregateId(),
                json.write(event), clock.instant(), null));
        return eventId;
    }
}
