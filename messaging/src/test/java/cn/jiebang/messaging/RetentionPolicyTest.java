package cn.jiebang.messaging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionPolicyTest {

    /** Only the configuration: no relay, no retention job, no listener, so no database or broker is needed. */
    private static final Map<String, Object> NOTHING_RUNS = Map.of(
            "jiebang.outbox.relay.enabled", false,
            "jiebang.retention.enabled", false);

    @Test
    void defaultsKeepProcessedIdsLongerThanTheBrokerKeepsRecords() {
        try (ApplicationContext context = ApplicationContext.run(NOTHING_RUNS)) {
            RetentionPolicy policy = context.getBean(RetentionPolicy.class);
            assertEquals(new RetentionPolicy(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(14), 500), policy);
        }
    }

    @Test
    void refusesAnInboxRetentionNoLongerThanTheBrokersRetention() {
        Map<String, Object> properties = new java.util.HashMap<>(NOTHING_RUNS);
        properties.put("jiebang.retention.processed-event-age", "10d");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            BeanInstantiationException refused = assertThrows(BeanInstantiationException.class,
                    () -> context.getBean(RetentionPolicy.class));
            Throwable cause = rootCause(refused);
            assertInstanceOf(IllegalArgumentException.class, cause);
            assertTrue(cause.getMessage().contains("broker-keeps-records-for"), cause.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new RetentionPolicy(Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(14), 500));
    }

    @Test
    void refusesAnEmptyBatch() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetentionPolicy(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(14), 0));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
