package cn.jiebang.testing;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TopicRecorder;
import cn.jiebang.events.DomainEvent;
import cn.jiebang.events.EventCatalog;
import cn.jiebang.events.EventType;
import cn.jiebang.messaging.CloudEventHeaders;
import cn.jiebang.messaging.EventJson;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Puts an event on its topic the way the outbox relay does (CloudEvents binary headers, aggregate id as key). */
public final class Events {

    private static final EventJson JSON = new EventJson();

    private Events() {
    }

    /** Delivers the event with a new id; returns the id. */
    public static String deliver(DomainEvent event) {
        return deliver(UUID.randomUUID().toString(), event);
    }

    /** Delivers the event with the given id, e.g. twice to test that the second delivery has no effect. */
    public static String deliver(String eventId, DomainEvent event) {
        EventType<DomainEvent> type = EventCatalog.of(event);
        TopicRecorder.send(Devstack.kafkaBootstrapServers(), type.topic(), event.aggregateId(), JSON.write(event), Map.of(
                CloudEventHeaders.ID, eventId,
                CloudEventHeaders.TYPE, type.type(),
                CloudEventHeaders.SOURCE, "urn:jiebang:test",
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON));
        return eventId;
    }
}
