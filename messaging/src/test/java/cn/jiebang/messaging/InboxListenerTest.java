package cn.jiebang.messaging;

import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.EventCatalog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failure parks a record, which holds the consumer back, and how the attempts back off. */
class InboxListenerTest {

    private static final String GROUP = "unit";

    private final MovableClock clock = new MovableClock();
    private final ConsumerOutages outages = new ConsumerOutages(clock, Duration.ofSeconds(1), Duration.ofSeconds(30),
            new SimpleMeterRegistry());
    private final FakeInbox inbox = new FakeInbox();
    private final FakeDeadLetters deadLetters = new FakeDeadLetters();
    private final InboxListener listener = new InboxListener(GROUP, inbox, deadLetters, outages,
            EventHandlers.builder().on(EventCatalog.CHALLENGE_PUBLISHED, (event, envelope) -> { }).build()) {
    };

    @Test
    void aLostDatabaseIsAnOutageToRetryNotAPoisonMessage() {
        assertTrue(InboxListener.isOutage(new IllegalStateException(new SQLTransientConnectionException("pool timeout"))));
        assertTrue(InboxListener.isOutage(new RuntimeException(new SQLNonTransientConnectionException("gone"))));
        assertTrue(InboxListener.isOutage(new RuntimeException(new RuntimeException(new ConnectException("refused")))));
    }

    @Test
    void aFailingEffectIsNotAnOutage() {
        assertFalse(InboxListener.isOutage(new IllegalStateException("bug")));
        assertFalse(InboxListener.isOutage(new RuntimeException(new SQLIntegrityConstraintViolationException("dup"))));
        assertFalse(InboxListener.isOutage(new MalformedEvent("bad json")));
    }

    @Test
    void malformedRecordIsParkedAtOnceWithoutRetries() {
        inbox.failWith(() -> new MalformedEvent("payload lacks the required field ChallengePublished.challengeId"));

        listener.deliver(record());

        assertEquals(1, inbox.received);
        assertEquals(1, deadLetters.parked.size());
        assertInstanceOf(MalformedEvent.class, deadLetters.parked.get(0));
        assertTrue(outages.current().isEmpty());
    }

    @Test
    void effectFailingOnAnAnsweringDatabaseIsParkedAfterThreeAttempts() {
        inbox.failWith(() -> new IllegalStateException("bug in the effect"));

        listener.deliver(record());

        assertEquals(InboxListener.ATTEMPTS, inbox.received);
        assertEquals(1, deadLetters.parked.size());
        assertTrue(outages.current().isEmpty());
    }

    @Test
    void effectFailingWhileTheDatabaseDoesNotAnswerIsHeldNotParked() {
        inbox.failWith(() -> new IllegalStateException("odd failure"));
        inbox.answers = false;

        assertThrows(ConsumerOutage.class, () -> listener.deliver(record()));

        assertTrue(deadLetters.parked.isEmpty());
        assertTrue(outages.current().containsKey(GROUP));
    }

    @Test
    void recordThatCannotBeParkedHoldsTheConsumerBack() {
        inbox.failWith(() -> new MalformedEvent("not JSON"));
        deadLetters.refuse = true;

        assertThrows(ConsumerOutage.class, () -> listener.deliver(record()));

        assertEquals(1, outages.current().get(GROUP).failedAttempts());
    }

    @Test
    void databaseOutageHoldsTheConsumerBackUntilAnAttemptGetsThrough() {
        inbox.failWith(() -> new IllegalStateException(new SQLTransientConnectionException("Connection is not available")));

        ConsumerOutage first = assertThrows(ConsumerOutage.class, () -> listener.deliver(record()));
        assertInstanceOf(IllegalStateException.class, first.getCause());
        assertEquals(1, inbox.received, "an outage is not retried in place");

        // redelivered before the backoff is over: refused without touching the database
        clock.advance(Duration.ofMillis(999));
        assertThrows(ConsumerOutage.class, () -> listener.deliver(record()));
        assertEquals(1, inbox.received);

        clock.advance(Duration.ofMillis(1));
        assertThrows(ConsumerOutage.class, () -> listener.deliver(record()));
        assertEquals(2, inbox.received);
        assertEquals(2, outages.current().get(GROUP).failedAttempts());

        inbox.failWith(null);
        clock.advance(Duration.ofSeconds(2));
        listener.deliver(record());
        assertEquals(3, inbox.received);
        assertTrue(outages.current().isEmpty());
        assertTrue(deadLetters.parked.isEmpty(), "an outage parks nothing");
    }

    @Test
    void outageEndsHereWhenThePartitionsGoElsewhere() {
        inbox.failWith(() -> new RuntimeException(new ConnectException("refused")));
        assertThrows(ConsumerOutage.class, () -> listener.deliver(record()));

        listener.onPartitionsRevoked(List.of(new TopicPartition("t", 0)));

        assertTrue(outages.current().isEmpty());
        assertTrue(outages.attemptDue(GROUP));
    }

    @Test
    void attemptsBackOffExponentiallyUpToTheCapForAsLongAsTheOutageLasts() {
        assertEquals(Duration.ofSeconds(1), outages.backoff(1));
        assertEquals(Duration.ofSeconds(2), outages.backoff(2));
        assertEquals(Duration.ofSeconds(16), outages.backoff(5));
        assertEquals(Duration.ofSeconds(30), outages.backoff(6));
        assertEquals(Duration.ofSeconds(30), outages.backoff(Integer.MAX_VALUE));
    }

    private static ConsumerRecord<String, String> record() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 7L, "c-1", "{}");
        record.headers().add(CloudEventHeaders.ID, "e-1".getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, ChallengePublished.TYPE.getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "urn:jiebang:test".getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.TIME, "2026-12-01T00:00:00Z".getBytes(UTF_8));
        return record;
    }

    /** The inbox without a database: each receive fails as told, or succeeds. */
    private static final class FakeInbox extends Inbox {
        int received;
        boolean answers = true;
        private Supplier<RuntimeException> failure;

        FakeInbox() {
            super(null, new EventJson(), Clock.systemUTC(), null);
        }

        void failWith(Supplier<RuntimeException> failure) {
            this.failure = failure;
        }

        @Override
        public boolean receive(String consumer, IncomingEvent event, EventHandlers handlers) {
            received++;
            if (failure != null) {
                throw failure.get();
            }
            return true;
        }

        @Override
        public boolean databaseAnswers() {
            return answers;
        }
    }

    private static final class FakeDeadLetters extends DeadLetters {
        final List<Throwable> parked = new ArrayList<>();
        boolean refuse;

        FakeDeadLetters() {
            super(null);
        }

        @Override
        public void park(String consumerGroup, ConsumerRecord<?, ?> record, Throwable cause) {
            if (refuse) {
                throw new IllegalStateException("could not park a failed message on " + consumerGroup + ".dlt");
            }
            parked.add(cause);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
