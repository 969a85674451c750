package cn.jiebang.messaging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One event waiting in (or already relayed from) the outbox table of the service that caused it. */
@MappedEntity("outbox_message")
public record OutboxMessage(
        @Id @GeneratedValue @Nullable Long id,
        String eventId,
        String eventType,
        String topic,
        String messageKey,
        String payload,
        Instant occurredAt,
        @Nullable Instant publishedAt) {
}
