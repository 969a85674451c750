package cn.jiebang.notification.messaging;

import cn.jiebang.events.EventCatalog;
import cn.jiebang.events.Topics;
import cn.jiebang.messaging.ConsumerOutages;
import cn.jiebang.messaging.DeadLetters;
import cn.jiebang.messaging.EventHandlers;
import cn.jiebang.messaging.Inbox;
import cn.jiebang.messaging.InboxListener;
import cn.jiebang.notification.notice.application.BidNotices;
import cn.jiebang.notification.notice.application.ChallengeAnnouncements;
import cn.jiebang.notification.notice.application.EvaluationNotices;
import cn.jiebang.notification.notice.application.JudgeReminders;
import cn.jiebang.notification.notice.application.RequirementReviews;
import cn.jiebang.notification.recipient.application.RecipientDirectory;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** notification-service listens to every topic: whatever happens on the platform may concern someone. */
@KafkaListener(groupId = PlatformEventsListener.GROUP, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = InboxListener.RETRY_FOREVER, retryDelay = InboxListener.REDELIVERY_DELAY))
class PlatformEventsListener extends InboxListener {

    static final String GROUP = "notification-service";

    PlatformEventsListener(Inbox inbox, DeadLetters deadLetters, ConsumerOutages outages,
                           ChallengeAnnouncements announcements, RecipientDirectory recipients,
                           RequirementReviews reviews, BidNotices bids, EvaluationNotices evaluation,
                           JudgeReminders judgeReminders) {
        super(GROUP, inbox, deadLetters, outages, EventHandlers.builder()
                .on(EventCatalog.CHALLENGE_PUBLISHED, announcements::on)
                .on(EventCatalog.CHALLENGE_AMENDED, announcements::on)
                .on(EventCatalog.CHALLENGE_CANCELLED, announcements::on)
                .on(EventCatalog.CHALLENGE_BIDDING_CLOSED, announcements::on)
                .on(EventCatalog.CHALLENGE_FAILED, announcements::on)
                .on(EventCatalog.ROUND_OPENED, (event, envelope) -> {
                    announcements.on(event, envelope);
                    judgeReminders.on(event);
                })
                .on(EventCatalog.USER_REGISTERED, (event, envelope) -> recipients.on(event))
                .on(EventCatalog.USER_UPDATED, (event, envelope) -> recipients.on(event))
                .on(EventCatalog.REQUIREMENT_SUBMITTED, reviews::on)
                .on(EventCatalog.REQUIREMENT_REVIEWED, reviews::on)
                .on(EventCatalog.BID_SUBMITTED, bids::on)
                .on(EventCatalog.BID_REVISED, bids::on)
                .on(EventCatalog.BID_WITHDRAWN, bids::on)
                .on(EventCatalog.BID_SCREENED, bids::on)
                .on(EventCatalog.SCREENING_STARTED, bids::on)
                .on(EventCatalog.SCREENING_COMPLETED, bids::on)
                .on(EventCatalog.JUDGES_ASSIGNED, (event, envelope) -> {
                    evaluation.on(event, envelope);
                    judgeReminders.on(event);
                })
                .on(EventCatalog.ASSIGNMENT_SCORED, (event, envelope) -> judgeReminders.on(event))
                .on(EventCatalog.ROUND_CLOSED, (event, envelope) -> judgeReminders.on(event))
                .on(EventCatalog.ROUND_ANNOUNCED, evaluation::on)
                .on(EventCatalog.OBJECTION_FILED, evaluation::on)
                .on(EventCatalog.OBJECTION_RESOLVED, evaluation::on)
                .on(EventCatalog.ROUND_FINALIZED, evaluation::on)
                .on(EventCatalog.FUNDING_RELEASED, evaluation::on)
                .on(EventCatalog.CHALLENGE_AWARDED, evaluation::on)
                .build());
    }

    @Topic({Topics.ACCOUNT_EVENTS, Topics.CHALLENGE_EVENTS, Topics.BID_EVENTS})
    void receive(ConsumerRecord<String, String> record) {
        deliver(record);
    }
}
