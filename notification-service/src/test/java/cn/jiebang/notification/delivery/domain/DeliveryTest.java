package cn.jiebang.notification.delivery.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryTest {

    private static final Instant T0 = Instant.parse("2027-01-31T08:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(2);
    private static final Duration BACKOFF = Duration.ofSeconds(2);

    private static Delivery aDelivery() {
        return Delivery.pending("event-1", Delivery.Channel.EMAIL, "user:u1", null, "n-1", "标题", "正文", "", T0);
    }

    @Test
    void anAttemptIsCountedWhenItStartsAndGivenUntilTheGracePeriodEnds() {
        Delivery sending = aDelivery().sending(T0, GRACE);
        assertEquals(Delivery.Status.SENDING, sending.status());
        assertEquals(1, sending.attempts());
        assertEquals(T0, sending.lastAttemptAt());
        assertEquals(T0.plus(GRACE), sending.nextAttemptAt());

        Delivery sent = sending.sent(T0.plusSeconds(1));
        assertEquals(Delivery.Status.SENT, sent.status());
        assertEquals(1, sent.attempts());
        assertEquals(T0.plusSeconds(1), sent.sentAt());
        assertThrows(IllegalStateException.class, () -> sending.sending(T0, GRACE), "already being sent");
    }

    @Test
    void aFailedAttemptIsRetriedWithDoublingBackoffThenFailed() {
        Delivery d = aDelivery();
        Instant now = T0;
        for (int attempt = 1; attempt <= 2; attempt++) {
            d = d.sending(now, GRACE).failed("smtp down", now, BACKOFF, 3);
            assertEquals(Delivery.Status.PENDING, d.status());
            assertEquals(now.plus(BACKOFF.multipliedBy(1L << (attempt - 1))), d.nextAttemptAt());
            now = d.nextAttemptAt();
        }
        d = d.sending(now, GRACE).failed("smtp down", now, BACKOFF, 3);
        assertEquals(Delivery.Status.FAILED, d.status());
        assertEquals(3, d.attempts());
        assertEquals("smtp down", d.lastError());
    }

    @Test
    void aDeliveryLeftSendingIsSentOnceMoreAndFailedIfThatIsLostToo() {
        Delivery left = aDelivery().sending(T0, GRACE);
        Instant later = T0.plus(GRACE).plusSeconds(1);

        Delivery again = left.leftSending(later);
        assertEquals(Delivery.Status.PENDING, again.status());
        assertEquals(later, again.nextAttemptAt(), "at once");
        assertEquals(1, again.uncertainSends());
        assertTrue(again.lastError().contains("possibly sent"), again.lastError());

        Delivery sentAgain = again.sending(later, GRACE).sent(later);
        assertEquals(2, sentAgain.attempts());
        assertEquals(1, sentAgain.uncertainSends(), "the record that it may have gone out twice stays");
        assertNull(sentAgain.lastError());

        Delivery lostTwice = again.sending(later, GRACE).leftSending(later.plus(GRACE).plusSeconds(1));
        assertEquals(Delivery.Status.FAILED, lostTwice.status());
        assertEquals(2, lostTwice.uncertainSends());
        assertTrue(lostTwice.lastError().contains("not sent again"), lostTwice.lastError());
        assertThrows(IllegalStateException.class, () -> again.leftSending(later), "only a SENDING delivery");
    }
}
