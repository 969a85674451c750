package cn.jiebang.messaging;

import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.configuration.kafka.event.KafkaConsumerSubscribedEvent;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A static member ({@link StaticMembership}) does not leave its group when its consumer closes (kafka-clients
 * 3.9 has no option for it), so after a graceful shutdown its partitions would wait for the session timeout.
 * This closes the consumers first, then removes their memberships through the admin client, and the other
 * instances take the partitions over at once. A restart with the same id simply joins again.
 */
@Singleton
class LeaveGroupsOnShutdown implements ApplicationEventListener<KafkaConsumerSubscribedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LeaveGroupsOnShutdown.class);

    private final ConsumerRegistry consumers;
    private final AdminClient admin;
    private final Map<String, String> memberships = new ConcurrentHashMap<>();

    /** Depending on both, this is destroyed before either: the consumers and the admin client are still there. */
    LeaveGroupsOnShutdown(ConsumerRegistry consumers, AdminClient admin) {
        this.consumers = consumers;
        this.admin = admin;
    }

    /** Published before the consumer's thread starts polling, so reading its metadata here is safe. */
    @Override
    public void onApplicationEvent(KafkaConsumerSubscribedEvent event) {
        ConsumerGroupMetadata group = event.getSource().groupMetadata();
        group.groupInstanceId().ifPresent(instance -> memberships.put(group.groupId(), instance));
    }

    @PreDestroy
    void leave() {
        if (memberships.isEmpty()) {
            return;
        }
        // micronaut-kafka closes its consumers when its processor (the registry) is closed; doing it first
        // here is harmless, as its own close later finds nothing left, and removing a member whose consumer
        // still ran would only make it join again
        if (consumers instanceof AutoCloseable processor) {
            try {
                processor.close();
            } catch (Exception e) {
                LOG.warn("closing the Kafka consumers failed: {}", e.toString());
            }
        }
        memberships.forEach(this::remove);
    }

    private void remove(String group, String instance) {
        try {
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions(
                    List.of(new MemberToRemove(instance)))).all().get(5, TimeUnit.SECONDS);
            LOG.info("left consumer group {} as {}", group, instance);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownMemberIdException) {
                LOG.debug("{} was no longer a member of {}", instance, group);
            } else {
                LOG.warn("could not leave consumer group {} as {}; its partitions wait for the session timeout: {}",
                        group, instance, e.getCause().toString());
            }
        } catch (TimeoutException e) {
            LOG.warn("could not leave consumer group {} as {} in time; its partitions wait for the session timeout",
                    group, instance);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
