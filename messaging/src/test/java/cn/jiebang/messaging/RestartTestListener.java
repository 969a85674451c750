package cn.jiebang.messaging;

import cn.jiebang.events.EventCatalog;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A listener like the services' own, in a group and on a topic of its own, for the membership tests. */
@Requires(property = "restart-test.enabled", value = "true")
@KafkaListener(groupId = RestartTestListener.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = InboxListener.RETRY_FOREVER, retryDelay = InboxListener.REDELIVERY_DELAY))
class RestartTestListener extends InboxListener {

    static final String GROUP = "restart-test";
    static final String TOPIC = "restart.test";

    RestartTestListener(Inbox inbox, DeadLetters deadLetters, ConsumerOutages outages, TestEffects effects) {
        super(GROUP, inbox, deadLetters, outages, EventHandlers.builder()
                .on(EventCatalog.CHALLENGE_PUBLISHED, (event, envelope) -> effects.insert(envelope.id(), event.title()))
                .build());
    }

    @Topic(TOPIC)
    void receive(ConsumerRecord<String, String> record) {
        deliver(record);
    }
}
