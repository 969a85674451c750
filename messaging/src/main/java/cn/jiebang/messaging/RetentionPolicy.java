package cn.jiebang.messaging;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long the outbox and the inbox keep what they no longer need ({@code jiebang.retention.*}).
 *
 * <ul>
 *   <li>{@code published-outbox-age} (7 days): a published outbox row is only a record of what was sent.
 *   <li>{@code processed-event-age} (30 days): a processed event id must be kept as long as the broker may
 *       still deliver that event again, so it must exceed {@code broker-keeps-records-for}.
 *   <li>{@code broker-keeps-records-for} (14 days): the longest a record stays on a topic. Kafka deletes whole
 *       segments, once the newest record in them is older than {@code retention.ms}, and rolls a segment
 *       after {@code segment.ms}: with the defaults (7 days each) a record may stay up to 14 days.
 *   <li>{@code batch-size} (500): rows per delete, each delete its own short transaction.
 * </ul>
 */
@ConfigurationProperties("jiebang.retention")
record RetentionPolicy(
        @Bindable(defaultValue = "7d") Duration publishedOutboxAge,
        @Bindable(defaultValue = "30d") Duration processedEventAge,
        @Bindable(defaultValue = "14d") Duration brokerKeepsRecordsFor,
        @Bindable(defaultValue = "500") int batchSize) {

    RetentionPolicy {
        if (publishedOutboxAge.isNegative() || publishedOutboxAge.isZero()) {
            throw new IllegalArgumentException("jiebang.retention.published-outbox-age must be positive: " + publishedOutboxAge);
        }
        if (processedEventAge.compareTo(brokerKeepsRecordsFor) <= 0) {
            throw new IllegalArgumentException("jiebang.retention.processed-event-age (" + processedEventAge
                    + ") must exceed jiebang.retention.broker-keeps-records-for (" + brokerKeepsRecordsFor
                    + "): an event the broker can still deliver again must still be recognised as processed");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("jiebang.retention.batch-size must be at least 1: " + batchSize);
        }
    }
}
