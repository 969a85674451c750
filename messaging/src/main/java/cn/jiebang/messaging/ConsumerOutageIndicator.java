package cn.jiebang.messaging;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code consumers} in {@code /health} and {@code /health/readiness}: DOWN while a consumer group of this
 * instance is held back by an outage, with each such group, since when, its failed attempts, the last failure
 * and the next attempt as details. Not a liveness indicator: restarting the instance would not end an
 * outage of the database or of the dead-letter topic, only make its partitions move.
 */
@Singleton
class ConsumerOutageIndicator implements HealthIndicator {

    static final String NAME = "consumers";

    private final ConsumerOutages outages;

    ConsumerOutageIndicator(ConsumerOutages outages) {
        this.outages = outages;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, ConsumerOutages.Outage> current = outages.current();
        Map<String, Object> details = new TreeMap<>();
        current.forEach((group, outage) -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("outageSince", outage.since().toString());
            detail.put("failedAttempts", outage.failedAttempts());
            detail.put("lastFailure", outage.lastFailure());
            detail.put("nextAttempt", outage.nextAttempt().toString());
            details.put(group, detail);
        });
        return Publishers.just(HealthResult.builder(NAME, current.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details)
                .build());
    }
}
