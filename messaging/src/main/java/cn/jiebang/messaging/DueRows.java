package cn.jiebang.messaging;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Works through a scheduled job's due rows one row per transaction (ADR 0009): each step claims one due row
 * ({@code … LIMIT 1 FOR UPDATE SKIP LOCKED}, leaving out the rows it is told to skip), changes it and commits.
 * A row whose change fails ({@link RowFailed}) rolls back alone: the run goes on with the next row, and the
 * failed one is left out of this instance's runs until a backoff has passed, doubling with each failure from
 * {@code jiebang.due-rows.backoff} (default 2 s) to at most {@code jiebang.due-rows.max-backoff} (default
 * 5 minutes). So one bad row neither holds back the others nor is retried in a hot loop. A run takes each
 * row at most once and at most {@value #PER_RUN} rows; any other exception (the claim itself failed) ends
 * the run and is the caller's to log.
 */
@Singleton
public class DueRows {

    public static final int PER_RUN = 100;

    private static final Logger LOG = LoggerFactory.getLogger(DueRows.class);

    /** One step: claims one due row not in {@code skipped} and changes it; its key, or empty when none is due. */
    @FunctionalInterface
    public interface Step<K> {
        Optional<K> next(Set<K> skipped);
    }

    /** A row's change failed: its transaction rolls back, and the row waits out its backoff. */
    public static final class RowFailed extends RuntimeException {

        private final transient Object row;

        RowFailed(Object row, RuntimeException cause) {
            super(row + ": " + cause, cause);
            this.row = row;
        }
    }

    private record RowKey(String job, Object row) {
    }

    private record Retry(int failures, Instant notBefore) {
    }

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Map<RowKey, Retry> retries = new ConcurrentHashMap<>();

    DueRows(TransactionOperations<Connection> transactions, Clock clock,
            @Value("${jiebang.due-rows.backoff:2s}") Duration backoff,
            @Value("${jiebang.due-rows.max-backoff:5m}") Duration maxBackoff) {
        this.transactions = transactions;
        this.clock = clock;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    /** Runs {@code change} on the claimed {@code row}; a failure becomes a {@link RowFailed} for that row. */
    public static <K> K change(K row, Runnable change) {
        try {
            change.run();
            return row;
        } catch (RuntimeException e) {
            throw new RowFailed(row, e);
        }
    }

    /** Runs {@code step} until no row is due, each step in a transaction of its own; returns the rows changed. */
    public <K> int drain(String job, Step<K> step) {
        Set<K> skipped = new HashSet<>(waiting(job));
        Set<K> view = Collections.unmodifiableSet(skipped);
        int changed = 0;
        for (int i = 0; i < PER_RUN; i++) {
            Optional<K> row;
            try {
                row = transactions.execute(ownTransaction(), status -> step.next(view));
            } catch (RowFailed e) {
                @SuppressWarnings("unchecked")
                K failed = (K) e.row;
                skipped.add(failed);
                Retry retry = failed(job, failed);
                LOG.warn("{}: {} failed ({} time(s)), skipped until {}: {}", job, failed, retry.failures(),
                        retry.notBefore(), e.getCause().toString());
                continue;
            }
            if (row.isEmpty()) {
                break;
            }
            retries.remove(new RowKey(job, row.get()));
            skipped.add(row.get());
            changed++;
        }
        return changed;
    }

    @SuppressWarnings("unchecked")
    private <K> Set<K> waiting(String job) {
        Instant now = clock.instant();
        // a row not claimed again long after its backoff is no longer due (changed elsewhere, or gone)
        retries.values().removeIf(r -> r.notBefore().plus(maxBackoff).isBefore(now));
        Set<K> waiting = new HashSet<>();
        retries.forEach((key, retry) -> {
            if (key.job().equals(job) && retry.notBefore().isAfter(now)) {
                waiting.add((K) key.row());
            }
        });
        return waiting;
    }

    private Retry failed(String job, Object row) {
        return retries.compute(new RowKey(job, row), (key, previous) -> {
            int failures = previous == null ? 1 : previous.failures() + 1;
            Duration wait = backoff.multipliedBy(1L << Math.min(failures - 1, 20));
            return new Retry(failures, clock.instant().plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait));
        });
    }

    private static TransactionDefinition ownTransaction() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition(TransactionDefinition.Propagation.REQUIRES_NEW);
        // no gap locks: a locking read of due rows must not block the requests that add rows
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        return definition;
    }
}
