package cn.jiebang.bid.challenge.domain;

import cn.jiebang.events.ScreeningStarted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static cn.jiebang.bid.fixtures.BiddingChallengeBuilder.aBiddingChallenge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bid window of bid-service's copy of a challenge: opened and closed by the clock, moved, cancelled, closed. */
class BiddingChallengeTest {

    private final BiddingChallenge challenge = aBiddingChallenge().build();
    private final Instant opens = challenge.getBidOpensAt();
    private final Instant closes = challenge.getBidClosesAt();

    @Test
    void takesBidsFromTheOpeningInstantUntilButNotAtTheClosingOne() {
        assertFalse(challenge.isOpenAt(opens.minusMillis(1)));
        assertTrue(challenge.isOpenAt(opens));
        assertTrue(challenge.isOpenAt(closes.minusMillis(1)));
        assertFalse(challenge.isOpenAt(closes));
    }

    @Test
    void anAmendedDeadlineMovesTheClose() {
        challenge.amendDeadline(closes.plus(Duration.ofDays(7)));
        assertTrue(challenge.isOpenAt(closes));
        assertTrue(challenge.isSealedAt(closes));
        assertEquals(closes.plus(Duration.ofDays(7)), challenge.getBidClosesAt());
    }

    @Test
    void aCancelledChallengeTakesNoMoreBids() {
        challenge.cancel();
        assertTrue(challenge.isCancelled());
        assertFalse(challenge.isOpenAt(opens.plus(Duration.ofDays(1))));
    }

    @Test
    void closingBiddingEndsTheWindowWhateverTheClocksSayAndStartsScreening() {
        Instant early = closes.minus(Duration.ofHours(2));
        ScreeningStarted started = challenge.closeBidding(4, early);
        assertEquals(new ScreeningStarted(challenge.getChallengeId(), challenge.getTitle(), "owner-org", 4, early), started);
        assertTrue(challenge.isBiddingClosed());
        assertFalse(challenge.isOpenAt(early.plusSeconds(1)));
        assertFalse(challenge.isSealedAt(early.plusSeconds(1)));
    }

    @Test
    void biddingClosesOnce() {
        Instant first = closes.plusSeconds(5);
        challenge.closeBidding(4, first);
        assertThrows(IllegalStateException.class, () -> challenge.closeBidding(4, first.plusSeconds(60)));
        assertEquals(first, challenge.getBiddingClosedAt());
    }
}
