package cn.jiebang.messaging;

import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Every Kafka consumer of a service takes one record per poll ({@code max.poll.records=1}), unless
 * {@code kafka.consumers.*} says otherwise. When a record fails and is to be retried, micronaut-kafka 5.9
 * seeks back the partitions of the records after it in the same poll, but tells partitions apart by number
 * only ({@code ConsumerStateSingle.resetTheFollowingPartitions}): a listener of several topics would skip the
 * rest of the poll on another topic's partition with the same number, and commit past it with its next record.
 * With one record per poll there is nothing after the failed one. The cost is small: a poll then takes the
 * next record from what the consumer has already fetched, and each record's offset is committed on its own
 * anyway ({@code SYNC_PER_RECORD}).
 */
@Singleton
class OneRecordPerPoll implements BeanCreatedEventListener<AbstractKafkaConsumerConfiguration<?, ?>> {

    static final String MAX_POLL_RECORDS = "1";

    @Override
    public AbstractKafkaConsumerConfiguration<?, ?> onCreated(
            BeanCreatedEvent<AbstractKafkaConsumerConfiguration<?, ?>> event) {
        event.getBean().getConfig().putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        return event.getBean();
    }
}
