package cn.jiebang.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which consumer groups of this instance are held back by an outage (the database unreachable, or a record
 * that cannot be parked on the dead-letter topic), and when each may try again: after {@code initial-backoff},
 * doubling up to {@code max-backoff}, for as long as the outage lasts. A group's outage is logged once when it
 * starts (WARN) and once when it ends (INFO), counted in the metrics {@value #OUTAGE_METRIC} (1 while held
 * back) and {@value #ATTEMPTS_METRIC} (failed attempts), and reported by {@link ConsumerOutageIndicator}.
 */
@Singleton
public class ConsumerOutages {

    static final String OUTAGE_METRIC = "jiebang.consumer.outage";
    static final String ATTEMPTS_METRIC = "jiebang.consumer.outage.failed.attempts";
    static final String INITIAL_BACKOFF = "jiebang.inbox.outage.initial-backoff";

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerOutages.class);

    /** One group's outage: since when, how many attempts failed, the last failure, and when to try again. */
    public record Outage(Instant since, int failedAttempts, String lastFailure, Instant nextAttempt) {
    }

    private final Clock clock;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final MeterRegistry meters;
    private final Map<String, Outage> outages = new ConcurrentHashMap<>();
    private final Map<String, Counter> failedAttempts = new ConcurrentHashMap<>();

    ConsumerOutages(Clock clock,
                    @Value("${" + INITIAL_BACKOFF + ":1s}") Duration initialBackoff,
                    @Value("${jiebang.inbox.outage.max-backoff:30s}") Duration maxBackoff,
                    MeterRegistry meters) {
        if (initialBackoff.isZero() || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("jiebang.inbox.outage: initial-backoff must be positive and at most max-backoff, was "
                    + initialBackoff + " and " + maxBackoff);
        }
        this.clock = clock;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.meters = meters;
    }

    /** Whether the group may try a record now: it is not held back, or its next attempt is due. */
    public boolean attemptDue(String group) {
        Outage outage = outages.get(group);
        return outage == null || !clock.instant().isBefore(outage.nextAttempt());
    }

    /** An attempt of the group failed for a reason outside the record; the next waits for the backoff. */
    public void failed(String group, Throwable cause) {
        Instant now = clock.instant();
        Outage outage = outages.compute(group, (g, before) -> {
            int failures = before == null ? 1 : before.failedAttempts() + 1;
            return new Outage(before == null ? now : before.since(), failures, String.valueOf(cause),
                    now.plus(backoff(failures)));
        });
        watch(group).increment();
        if (outage.failedAttempts() == 1) {
            LOG.warn("consumer group {} is held back by an outage and retries until it is over, every {} at most: {}",
                    group, maxBackoff, outage.lastFailure());
        }
    }

    /** A record of the group got through (processed, a duplicate, or parked): any outage is over. */
    public void over(String group) {
        Outage outage = outages.remove(group);
        if (outage != null) {
            LOG.info("consumer group {} is processing again after an outage of {} ({} failed attempts)", group,
                    Duration.between(outage.since(), clock.instant()), outage.failedAttempts());
        }
    }

    /**
     * The group's partitions went to another instance (or come back after a rebalance): what held them back
     * here is no longer this instance's to report; a record still failing starts a new outage.
     */
    public void handedOver(String group) {
        Outage outage = outages.remove(group);
        if (outage != null) {
            LOG.info("consumer group {} no longer holds back a record here: its partitions were reassigned during an outage of {}",
                    group, Duration.between(outage.since(), clock.instant()));
        }
    }

    /** The groups in an outage now. */
    public Map<String, Outage> current() {
        return Map.copyOf(outages);
    }

    /** initial × 2^(failures − 1), at most max. */
    Duration backoff(int failures) {
        Duration delay = initialBackoff;
        for (int i = 1; i < failures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) < 0 ? delay : maxBackoff;
    }

    /** Registers the group's metrics, so they read 0 before its first outage; returns its failed-attempts counter. */
    Counter watch(String group) {
        return failedAttempts.computeIfAbsent(group, g -> {
            Gauge.builder(OUTAGE_METRIC, outages, all -> all.containsKey(g) ? 1 : 0)
                    .description("1 while the consumer group is held back by an outage, else 0")
                    .tag("group", g)
                    .register(meters);
            return Counter.builder(ATTEMPTS_METRIC)
                    .description("attempts of the consumer group that failed because of an outage")
                    .tag("group", g)
                    .register(meters);
        });
    }
}
