package cn.jiebang.messaging;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;

/**
 * The producer of the outbox relay and the dead-letter publisher. Idempotent with {@code acks=all}:
 * a retried send is written once and, with at most five requests in flight, in order per partition.
 * Timeouts are short so a broker outage fails the relay's transaction quickly (the rows stay
 * unpublished and are retried) instead of holding row locks for a minute.
 */
@Factory
class RelayProducerFactory {

    @Singleton
    @Bean(preDestroy = "close")
    RelayProducer relayProducer(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                                           @Value("${micronaut.application.name:jiebang}") String application) {
        return new RelayProducer(new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox-relay",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000),
                new StringSerializer(), new StringSerializer()));
    }
}
