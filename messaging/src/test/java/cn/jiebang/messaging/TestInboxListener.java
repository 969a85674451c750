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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener like the services' own, on two topics like most of them. */
@Requires(property = "inbox-test.enabled", value = "true")
@KafkaListener(groupId = TestInboxListener.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = InboxListener.RETRY_FOREVER, retryDelay = InboxListener.REDELIVERY_DELAY))
class TestInboxListener extends InboxListener {

    static final String GROUP = "inbox-test";
    static final String TOPIC = "inbox.test";
    static final String OTHER_TOPIC = "inbox.test.other";

    static final String FAILING_TITLE = "always-fails";

    /** By title, which each test makes unique; static, as the handler is built before the listener exists. */
    private static final Map<String, AtomicInteger> EFFECTS_TRIED = new ConcurrentHashMap<>();

    TestInboxListener(Inbox inbox, DeadLetters deadLetters, ConsumerOutages outages, TestEffects effects) {
        super(GROUP, inbox, deadLetters, outages, EventHandlers.builder()
                .on(EventCatalog.CHALLENGE_PUBLISHED, (event, envelope) -> {
                    EFFECTS_TRIED.computeIfAbsent(event.title(), t -> new AtomicInteger()).incrementAndGet();
                    effects.insert(envelope.id(), event.title());
                    if (event.title().startsWith(FAILING_TITLE)) {
                        throw new IllegalStateException("effect failed after writing: must roll back");
                    }
                })
                .build());
    }

    @Topic({TOPIC, OTHER_TOPIC})
    void receive(ConsumerRecord<String, String> record) {
        deliver(record);
    }

    /** How often the effect of the event with this title ran, committed or not. */
    static int effectsTried(String title) {
        AtomicInteger tried = EFFECTS_TRIED.get(title);
        return tried == null ? 0 : tried.get();
    }
}
