package cn.jiebang.testing;

import cn.jiebang.devstack.Devstack;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the test broker knows of a consumer group. */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** The {@code group.instance.id} of each static member the group has now. */
    public static List<String> staticMembers(String group) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Devstack.kafkaBootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group)
                    .members().stream().flatMap(member -> member.groupInstanceId().stream()).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe consumer group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
