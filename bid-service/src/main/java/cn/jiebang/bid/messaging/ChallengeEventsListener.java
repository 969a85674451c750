package cn.jiebang.bid.messaging;

import cn.jiebang.bid.application.ChallengeProjection;
import cn.jiebang.events.EventCatalog;
import cn.jiebang.events.Topics;
import cn.jiebang.messaging.DeadLetters;
import cn.jiebang.messaging.EventHandlers;
import cn.jiebang.messaging.Inbox;
import cn.jiebang.messaging.InboxListener;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

@KafkaListener(groupId = ChallengeEventsListener.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 10,
                retryDelay = "1s", handleAllExceptions = true))
class ChallengeEventsListener extends InboxListener {

    static final String GROUP = "bid-service";

    ChallengeEventsListener(Inbox inbox, DeadLetters deadLetters, ChallengeProjection projection) {
        super(GROUP, inbox, deadLetters, EventHandlers.builder()
                .on(EventCatalog.CHALLENGE_PUBLISHED, (event, envelope) -> projection.on(event))
                .build());
    }

    @Topic(Topics.CHALLENGE_EVENTS)
    void receive(ConsumerRecord<String, String> record) {
        deliver(record);
    }
}
