package cn.jiebang.messaging;

import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Properties;

/**
 * Every Kafka consumer of a service joins its group as a static member: {@code group.instance.id} is this
 * instance's id ({@code jiebang.kafka.instance-id}, else the host name), the same after a restart. A
 * consumer that died without leaving (kill -9, OOM) is replaced at once by its restarted self, with the
 * partitions it had, instead of holding them until its session times out. The session timeout is 15 s
 * rather than Kafka's 45 s, for an instance that does not come back; {@link LeaveGroupsOnShutdown} makes a
 * graceful shutdown leave at once. Settings in {@code kafka.consumers.*} win over these.
 *
 * <p>The id must be unique among the instances of one service: two consumers with one id fence each
 * other, and the older one stops consuming. One listener per consumer group and instance, as today.
 */
@Singleton
class StaticMembership implements BeanCreatedEventListener<AbstractKafkaConsumerConfiguration<?, ?>> {

    static final String SESSION_TIMEOUT_MS = "15000";
    static final String HEARTBEAT_INTERVAL_MS = "3000";

    private final String instanceId;

    StaticMembership(@Value("${jiebang.kafka.instance-id:}") String instanceId) {
        this.instanceId = instanceId.isBlank() ? hostName() : instanceId;
    }

    @Override
    public AbstractKafkaConsumerConfiguration<?, ?> onCreated(
            BeanCreatedEvent<AbstractKafkaConsumerConfiguration<?, ?>> event) {
        Properties config = event.getBean().getConfig();
        config.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
        return event.getBean();
    }

    String instanceId() {
        return instanceId;
    }

    /** A container's or pod's name ({@code HOSTNAME}), else what the system calls this host. */
    static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
