package cn.jiebang.bid.challenge.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kinds of round challenge-service publishes, by name, and which of them take deliverables. */
class RoundKindTest {

    @Test
    void readsTheKindsChallengeServicePublishesByName() {
        assertEquals(RoundKind.PROPOSAL_REVIEW, RoundKind.of("PROPOSAL_REVIEW"));
        assertEquals(RoundKind.MILESTONE, RoundKind.of("MILESTONE"));
    }

    @Test
    void aRoundFromBeforeKindsWereKeptHasNone() {
        assertNull(RoundKind.of(null));
    }

    @Test
    void refusesAKindItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> RoundKind.of("milestone"));
    }

    @Test
    void onlyAMilestoneRoundTakesDeliverables() {
        assertTrue(RoundKind.takesDeliverables(RoundKind.MILESTONE));
        assertFalse(RoundKind.takesDeliverables(RoundKind.PROPOSAL_REVIEW));
        assertFalse(RoundKind.takesDeliverables(null));
    }

    @Test
    void aRoundsPublishedRulesTakeDeliverablesAsItsKindSays() {
        assertTrue(rules(RoundKind.MILESTONE).takesDeliverables());
        assertFalse(rules(RoundKind.PROPOSAL_REVIEW).takesDeliverables());
    }

    private static RoundRules rules(RoundKind kind) {
        return new RoundRules(2, "中期比拼", kind, List.of(new RoundRules.Criterion("TECH", "技术", 100, 10)), "MEAN",
                "TOP_N", BigDecimal.ONE, 1, 2, false, null);
    }
}
