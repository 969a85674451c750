package cn.jiebang.bid.messaging;

import cn.jiebang.bid.account.application.AccountProjection;
import cn.jiebang.bid.challenge.application.ChallengeProjection;
import cn.jiebang.bid.judging.application.Judging;
import cn.jiebang.bid.screening.application.Screening;
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

/** What bid-service learns from the others: accounts (eligibility, conflicts), published and closed challenges. */
@KafkaListener(groupId = PlatformEventsListener.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = InboxListener.RETRY_FOREVER, retryDelay = InboxListener.REDELIVERY_DELAY))
class PlatformEventsListener extends InboxListener {

    static final String GROUP = "bid-service";

    PlatformEventsListener(Inbox inbox, DeadLetters deadLetters, ConsumerOutages outages,
                           ChallengeProjection challenges, AccountProjection accounts, Screening screening,
                           Judging judging) {
        super(GROUP, inbox, deadLetters, outages, EventHandlers.builder()
                .on(EventCatalog.CHALLENGE_PUBLISHED, (event, envelope) -> challenges.on(event))
                .on(EventCatalog.CHALLENGE_AMENDED, (event, envelope) -> challenges.on(event))
                .on(EventCatalog.CHALLENGE_CANCELLED, (event, envelope) -> challenges.on(event))
                .on(EventCatalog.CHALLENGE_BIDDING_CLOSED, (event, envelope) -> screening.on(event))
                .on(EventCatalog.ROUND_OPENED, (event, envelope) -> judging.on(event))
                .on(EventCatalog.ROUND_CLOSED, (event, envelope) -> judging.on(event))
                .on(EventCatalog.ROUND_ANNOUNCED, (event, envelope) -> judging.on(event))
                .on(EventCatalog.CHALLENGE_AWARDED, (event, envelope) -> accounts.on(event))
                .on(EventCatalog.ORGANIZATION_REGISTERED, (event, envelope) -> accounts.on(event))
                .on(EventCatalog.ORGANIZATION_UPDATED, (event, envelope) -> accounts.on(event))
                .on(EventCatalog.USER_REGISTERED, (event, envelope) -> accounts.on(event))
                .on(EventCatalog.USER_UPDATED, (event, envelope) -> accounts.on(event))
                .build());
    }

    @Topic({Topics.ACCOUNT_EVENTS, Topics.CHALLENGE_EVENTS})
    void receive(ConsumerRecord<String, String> record) {
        deliver(record);
    }
}
