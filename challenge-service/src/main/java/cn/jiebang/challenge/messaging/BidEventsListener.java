package cn.jiebang.challenge.messaging;

import cn.jiebang.challenge.challenge.application.ScreeningOutcomes;
import cn.jiebang.challenge.evaluation.application.Evaluation;
import cn.jiebang.events.EventCatalog;
import cn.jiebang.events.Topics;
import cn.jiebang.messaging.ConsumerOutages;
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

/** What challenge-service learns from bid-service: screening outcomes, scoring progress, rankings (never bid contents). */
@KafkaListener(groupId = BidEventsListener.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = InboxListener.RETRY_FOREVER, retryDelay = InboxListener.REDELIVERY_DELAY))
class BidEventsListener extends InboxListener {

    static final String GROUP = "challenge-service";

    BidEventsListener(Inbox inbox, DeadLetters deadLetters, ConsumerOutages outages, ScreeningOutcomes screening,
                      Evaluation evaluation) {
        super(GROUP, inbox, deadLetters, outages, EventHandlers.builder()
                .on(EventCatalog.SCREENING_STARTED, (event, envelope) -> screening.on(event))
                .on(EventCatalog.SCREENING_COMPLETED, (event, envelope) -> screening.on(event))
                .on(EventCatalog.SCORING_COMPLETED, (event, envelope) -> evaluation.on(event))
                .on(EventCatalog.ROUND_RANKED, (event, envelope) -> evaluation.on(event))
                .build());
    }

    @Topic(Topics.BID_EVENTS)
    void receive(ConsumerRecord<String, String> record) {
        deliver(record);
    }
}
