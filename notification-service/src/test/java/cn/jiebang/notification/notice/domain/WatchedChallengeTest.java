package cn.jiebang.notification.notice.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchedChallengeTest {

    private static final Instant DEADLINE = Instant.parse("2027-01-31T08:00:00Z");

    @Test
    void aPublishedChallengeFollowsItsExtendedDeadlineUntilCancelled() {
        WatchedChallenge challenge = WatchedChallenge.published("c-1", "量子传感", "AEROSPACE", "BEIJING", "org-1",
                DEADLINE);
        assertFalse(challenge.isCancelled());

        challenge.extendDeadline(DEADLINE.plusSeconds(86_400));
        assertEquals(DEADLINE.plusSeconds(86_400), challenge.getBidClosesAt());

        challenge.cancel();
        assertTrue(challenge.isCancelled());
        assertEquals("AEROSPACE", challenge.getTechnologyField());
    }
}
