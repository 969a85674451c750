package cn.jiebang.messaging;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.Future;

/**
 * The messaging module's own Kafka producer, a type of its own so it never competes with the
 * {@code Producer} beans micronaut-kafka offers for injection.
 */
final class RelayProducer implements AutoCloseable {

    private final Producer<String, String> producer;

    RelayProducer(Producer<String, String> producer) {
        this.producer = producer;
    }

    Future<RecordMetadata> send(ProducerRecord<String, String> record) {
        return producer.send(record);
    }

    @Override
    public void close() {
        producer.close();
    }
}
