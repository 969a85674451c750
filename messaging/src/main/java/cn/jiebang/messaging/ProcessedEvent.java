package cn.jiebang.messaging;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("processed_event")
record ProcessedEvent(String consumer, @Id String eventId, String eventType, Instant processedAt) {
}
