package cn.jiebang.messaging;

import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DueRowsTest {

    private Instant now = Instant.parse("2026-12-01T02:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final List<TransactionDefinition> transactions = new ArrayList<>();
    private final DueRows dueRows = new DueRows(new Transactions(), clock, Duration.ofSeconds(2), Duration.ofMinutes(5));

    /** Rows due in this order; a failing one throws whenever it is changed, the others are done when changed. */
    private final Set<String> due = new LinkedHashSet<>();
    private final Set<String> failing = new LinkedHashSet<>();
    private final List<String> attempts = new ArrayList<>();

    private Optional<String> step(Set<String> skipped) {
        Optional<String> claimed = due.stream().filter(row -> !skipped.contains(row)).findFirst();
        return claimed.map(row -> DueRows.change(row, () -> {
            attempts.add(row);
            if (failing.contains(row)) {
                throw new IllegalStateException("cannot change " + row);
            }
            due.remove(row);
        }));
    }

    private int run() {
        return dueRows.drain("test job", this::step);
    }

    @Test
    void aFailingRowDoesNotHoldBackTheRowsAfterItEachInATransactionOfItsOwn() {
        due.addAll(List.of("a", "b", "c"));
        failing.add("a");

        assertEquals(2, run());
        assertEquals(Set.of("a"), due);
        assertEquals(List.of("a", "b", "c"), attempts, "each row once in a run");
        assertEquals(4, transactions.size(), "three rows and the step that found none due");
        transactions.forEach(definition -> {
            assertEquals(TransactionDefinition.Propagation.REQUIRES_NEW, definition.getPropagationBehavior());
            assertEquals(Optional.of(TransactionDefinition.Isolation.READ_COMMITTED), definition.getIsolationLevel());
        });
    }

    @Test
    void aFailedRowWaitsOutABackoffThatDoublesWithEachFailure() {
        due.add("a");
        failing.add("a");
        run();
        run();
        assertEquals(List.of("a"), attempts, "not tried again before its backoff has passed");

        now = now.plusSeconds(2);
        run();
        assertEquals(List.of("a", "a"), attempts);
        now = now.plusSeconds(3);
        run();
        assertEquals(2, attempts.size(), "the second wait is 4 s");
        now = now.plusSeconds(1);
        failing.clear();
        assertEquals(1, run());
        assertEquals(Set.of(), due);
    }

    @Test
    void theBackoffStopsAtItsMaximum() {
        due.add("a");
        failing.add("a");
        for (int i = 0; i < 12; i++) {
            run();
            now = now.plus(Duration.ofMinutes(5));
        }
        assertEquals(12, attempts.size(), "tried every 5 minutes at the most");
    }

    @Test
    void aRowThatStaysDueIsChangedOnceARunAndTheOthersStillGetTheirTurn() {
        List<String> changed = new ArrayList<>();
        DueRows.Step<String> sticky = skipped -> Optional.of(skipped.contains("sticky") ? "other" : "sticky")
                .filter(row -> !skipped.contains(row)).map(row -> DueRows.change(row, () -> changed.add(row)));
        assertEquals(2, dueRows.drain("sticky job", sticky));
        assertEquals(List.of("sticky", "other"), changed);
    }

    private final class Transactions implements TransactionOperations<Connection> {

        @Override
        public Connection getConnection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasConnection() {
            return false;
        }

        @Override
        public Optional<? extends TransactionStatus<?>> findTransactionStatus() {
            return Optional.empty();
        }

        @Override
        public <R> R execute(TransactionDefinition definition, TransactionCallback<Connection, R> callback) {
            transactions.add(definition);
            return callback.apply(null);
        }
    }
}
