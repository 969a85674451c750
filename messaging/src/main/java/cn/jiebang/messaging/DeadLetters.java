package cn.jiebang.messaging;

import cn.jiebang.events.Topics;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Parks a message a consumer could not process on that consumer's dead-letter topic, unchanged, with
 * where it came from and why it failed, so an operator can inspect and replay it.
 */
@Singleton
public class DeadLetters {

    public static final String ORIGINAL_TOPIC = "dlt_original_topic";
    public static final String ORIGINAL_PARTITION = "dlt_original_partition";
    public static final String ORIGINAL_OFFSET = "dlt_original_offset";
    public static final String EXCEPTION = "dlt_exception";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final RelayProducer producer;

    DeadLetters(RelayProducer producer) {
        this.producer = producer;
    }

    public void park(String consumerGroup, ConsumerRecord<?, ?> record, Throwable cause) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(ORIGINAL_TOPIC, record.topic().getBytes(UTF_8));
        headers.add(ORIGINAL_PARTITION, Integer.toString(record.partition()).getBytes(UTF_8));
        headers.add(ORIGINAL_OFFSET, Long.toString(record.offset()).getBytes(UTF_8));
        headers.add(EXCEPTION, String.valueOf(cause).getBytes(UTF_8));
        String topic = Topics.deadLetter(consumerGroup);
        try {
            producer.send(new ProducerRecord<>(topic, null, asText(record.key()), asText(record.value()), headers))
                    .get(30, TimeUnit.SECONDS);
            LOG.warn("parked {}-{}@{} on {}: {}", record.topic(), record.partition(), record.offset(), topic, cause.toString());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not park a failed message on " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking a failed message on " + topic, e);
        }
    }

    private static String asText(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? new String(bytes, UTF_8) : value.toString();
    }
}
