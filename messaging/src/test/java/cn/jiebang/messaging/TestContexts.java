package cn.jiebang.messaging;

import cn.jiebang.devstack.TestDatabase;
import io.micronaut.context.ApplicationContext;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Starts a Micronaut context of the messaging beans against a test database and a broker. */
final class TestContexts {

    private TestContexts() {
    }

    static ApplicationContext start(TestDatabase db, String bootstrapServers, Map<String, Object> extra) {
        return ApplicationContext.run(properties(db, bootstrapServers, extra));
    }

    /** The properties of such a context; each call makes a new Kafka instance id, as for another instance. */
    static Map<String, Object> properties(TestDatabase db, String bootstrapServers, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.application.name", "messaging-test");
        props.put("datasources.default.url", db.url());
        props.put("datasources.default.username", db.user());
        props.put("datasources.default.password", db.password());
        props.put("datasources.default.dialect", "MYSQL");
        props.put("datasources.default.maximum-pool-size", 6);
        props.put("flyway.datasources.default.enabled", true);
        props.put("jiebang.schemas.shared.messaging", "classpath:db/messaging");
        props.put("kafka.bootstrap.servers", bootstrapServers);
        props.put("jiebang.outbox.relay.interval", "50ms");
        props.put("jiebang.outbox.relay.initial-delay", "0s");
        props.put("jiebang.kafka.instance-id", "test-" + UUID.randomUUID());
        props.putAll(extra);
        return props;
    }
}
