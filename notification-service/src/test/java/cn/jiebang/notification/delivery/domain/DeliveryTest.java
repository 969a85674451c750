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
        return Delivery.pending("event-1", Delivery.Channel.EMAIL, "user:u1", null, "n-1", "标题", "正文", id -> "", T0);
    }

    private static Delivery sending() {
        Delivery delivery = aDelivery();
        delivery.sending(T0, GRACE);
        return delivery;
    }

    @Test
    void aNewDeliveryIsDueAtOnceWithItsPayloadWrittenForItsOwnId() {
        Delivery delivery = Delivery.pending("event-1", Delivery.Channel.WEBHOOK, "w-1/u1", "org-1", "n-1", "标题",
                "正文", id -> "{\"deliveryId\":\"" + id + "\"}", T0);
        assertEquals(Delivery.Status.PENDING, delivery.getStatus());
        assertEquals(T0, delivery.getNextAttemptAt());
        assertEquals(0, delivery.getAttempts());
        assertEquals("{\"deliveryId\":\"" + delivery.getId() + "\"}", delivery.getPayload());
    }

    @Test
    void anAttemptIsCountedWhenItStartsAndGivenUntilTheGracePeriodEnds() {
        Delivery delivery = sending();
        assertEquals(Delivery.Status.SENDING, delivery.getStatus());
        assertEquals(1, delivery.getAttempts());
        assertEquals(T0, delivery.getLastAttemptAt());
        assertEquals(T0.plus(GRACE), delivery.getNextAttemptAt());

        delivery.sent(T0.plusSeconds(1));
        assertEquals(Delivery.Status.SENT, delivery.getStatus());
        assertEquals(1, delivery.getAttempts());
        assertEquals(T0.plusSeconds(1), delivery.getSentAt());
    }

    @Test
    void onlyAPendingDeliveryStartsAnAttempt() {
        Delivery inFlight = sending();
        assertThrows(IllegalStateException.class, () -> inFlight.sending(T0, GRACE), "already being sent");
        assertEquals(1, inFlight.getAttempts(), "a refused attempt is not counted");

        Delivery sent = sending();
        sent.sent(T0);
        assertThrows(IllegalStateException.class, () -> sent.sending(T0, GRACE));

        Delivery failed = sending();
        failed.failed("smtp down", T0, BACKOFF, 1);
        assertThrows(IllegalStateException.class, () -> failed.sending(T0, GRACE));
        assertEquals(Delivery.Status.FAILED, failed.getStatus());
    }

    @Test
    void onlyADeliveryBeingSentEndsItsAttempt() {
        Delivery pending = aDelivery();
        assertThrows(IllegalStateException.class, () -> pending.sent(T0));
        assertThrows(IllegalStateException.class, () -> pending.failed("smtp down", T0, BACKOFF, 3));
        assertThrows(IllegalStateException.class, () -> pending.leftSending(T0));
        assertEquals(Delivery.Status.PENDING, pending.getStatus());
        assertNull(pending.getSentAt());
        assertNull(pending.getLastError());
    }

    @Test
    void aFailedAttemptIsRetriedWithDoublingBackoffThenFailed() {
        Delivery d = aDelivery();
        Instant now = T0;
        for (int attempt = 1; attempt <= 2; attempt++) {
            d.sending(now, GRACE);
            d.failed("smtp down", now, BACKOFF, 3);
            assertEquals(Delivery.Status.PENDING, d.getStatus());
            assertEquals(now.plus(BACKOFF.multipliedBy(1L << (attempt - 1))), d.getNextAttemptAt());
            now = d.getNextAttemptAt();
        }
        d.sending(now, GRACE);
        d.failed("smtp down", now, BACKOFF, 3);
        assertEquals(Delivery.Status.FAILED, d.getStatus());
        assertEquals(3, d.getAttempts());
        assertEquals("smtp down", d.getLastError());
    }

    @Test
    void anErrorIsKeptToAThousandCharacters() {
        Delivery d = sending();
        d.failed("x".repeat(1500), T0, BACKOFF, 3);
        assertEquals(1000, d.getLastError().length());
    }

    @Test
    void aDeliveryLeftSendingIsSentOnceMoreAndFailedIfThatIsLostToo() {
        Instant later = T0.plus(GRACE).plusSeconds(1);
        Delivery again = sending();
        again.leftSending(later);
        assertEquals(Delivery.Status.PENDING, again.getStatus());
        assertEquals(later, again.getNextAttemptAt(), "at once");
        assertEquals(1, again.getUncertainSends());
        assertTrue(again.getLastError().contains("possibly sent"), again.getLastError());
        assertThrows(IllegalStateException.class, () -> again.leftSending(later), "only a SENDING delivery");

        Delivery sentAgain = sending();
        sentAgain.leftSending(later);
        sentAgain.sending(later, GRACE);
        sentAgain.sent(later);
        assertEquals(2, sentAgain.getAttempts());
        assertEquals(1, sentAgain.getUncertainSends(), "the record that it may have gone out twice stays");
        assertNull(sentAgain.getLastError());

        Delivery lostTwice = sending();
        lostTwice.leftSending(later);
        lostTwice.sending(later, GRACE);
        lostTwice.leftSending(later.plus(GRACE).plusSeconds(1));
        assertEquals(Delivery.Status.FAILED, lostTwice.getStatus());
        assertEquals(2, lostTwice.getUncertainSends());
        assertTrue(lostTwice.getLastError().contains("not sent again"), lostTwice.getLastError());
    }
}
