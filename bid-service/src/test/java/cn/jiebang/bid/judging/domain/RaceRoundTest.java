package cn.jiebang.bid.judging.domain;

import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.bid.challenge.domain.RoundKind;
import cn.jiebang.events.ScoringCompleted;
import cn.jiebang.problem.DomainProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static cn.jiebang.bid.fixtures.BiddingChallengeBuilder.aBiddingChallenge;
import static cn.jiebang.bid.fixtures.RaceRoundBuilder.OPENED;
import static cn.jiebang.bid.fixtures.RaceRoundBuilder.aRaceRound;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which bids race in a round, when it takes deliverables, when scoring completes, and its close and results. */
class RaceRoundTest {

    private static final Instant DURING = OPENED.plus(Duration.ofDays(1));

    // ---- the bids racing ---------------------------------------------------------------------------------------

    @Test
    void roundOneWithNoBidsNamedRacesTheBidsScreenedInInIdOrder() {
        assertEquals(List.of("bid-a", "bid-b"), RaceRound.racing(1, List.of(), () -> List.of("bid-b", "bid-a")));
    }

    @Test
    void roundOneRacesTheBidsNamedWhenThereAreSome() {
        assertEquals(List.of("bid-c"), RaceRound.racing(1, List.of("bid-c"), () -> List.of("bid-a", "bid-b")));
    }

    @Test
    void aLaterRoundRacesExactlyTheBidsNamedEvenNone() {
        assertEquals(List.of("bid-a", "bid-c"), RaceRound.racing(2, List.of("bid-c", "bid-a"), () -> List.of("bid-b")));
        assertEquals(List.of(), RaceRound.racing(2, List.of(), () -> List.of("bid-a", "bid-b")));
    }

    // ---- deliverables --------------------------------------------------------------------------------------------

    @Test
    void anOpenMilestoneRoundTakesADeliverableFromABidRacingInItBeforeItCloses() {
        assertTrue(aRaceRound().build().takesDeliverableFrom("bid-1", DURING));
    }

    @Test
    void aMilestoneRoundTakesNoDeliverableFromTheMomentItIsPlannedToClose() {
        RaceRound round = aRaceRound().build();
        Instant closes = aRaceRound().closesAt();
        assertTrue(round.takesDeliverableFrom("bid-1", closes.minusMillis(1)));
        assertFalse(round.takesDeliverableFrom("bid-1", closes));
    }

    @Test
    void aMilestoneRoundWithoutAPlannedCloseTakesDeliverablesWhileOpen() {
        assertTrue(aRaceRound().closingAt(null).build().takesDeliverableFrom("bid-1", DURING.plus(Duration.ofDays(400))));
    }

    @Test
    void aMilestoneRoundTakesNoDeliverableFromABidNotRacingInIt() {
        assertFalse(aRaceRound().racing("bid-1").build().takesDeliverableFrom("bid-2", DURING));
    }

    @Test
    void aProposalReviewTakesNoDeliverable() {
        assertFalse(aRaceRound().ofKind(RoundKind.PROPOSAL_REVIEW).build().takesDeliverableFrom("bid-1", DURING));
        assertFalse(aRaceRound().ofKind(null).build().takesDeliverableFrom("bid-1", DURING));
    }

    @Test
    void aClosedMilestoneRoundTakesNoDeliverable() {
        RaceRound round = aRaceRound().build();
        round.close(false, DURING);
        assertFalse(round.takesDeliverableFrom("bid-1", DURING));
    }

    // ---- scoring -------------------------------------------------------------------------------------------------

    private static Assignment scored(String bidId, String judgeId) {
        Assignment a = Assignment.of("challenge-1", 2, bidId, judgeId, OPENED);
        a.score(ScoreSheet.of(List.of(new ScoreSheet.Line("TECH", BigDecimal.TEN, "好"))), DURING);
        return a;
    }

    @Test
    void scoringCompletesOnceEveryRacingBidHasItsMinimumOfScoredAssignments() {
        RaceRound round = aRaceRound().build();
        List<Assignment> scores = List.of(scored("bid-1", "judge-1"), scored("bid-1", "judge-2"),
                scored("bid-2", "judge-1"), scored("bid-2", "judge-3"));
        assertEquals(Optional.of(new ScoringCompleted("challenge-1", 2, DURING)), round.completeScoring(scores, 2, DURING));
        assertEquals(DURING, round.getScoringCompletedAt());
        assertEquals(Optional.empty(), round.completeScoring(scores, 2, DURING.plusSeconds(1)), "the fact goes out once");
        assertEquals(DURING, round.getScoringCompletedAt());
    }

    @Test
    void aBidShortOfScoresKeepsScoringFromCompleting() {
        RaceRound round = aRaceRound().build();
        Assignment unscored = Assignment.of("challenge-1", 2, "bid-2", "judge-3", OPENED);
        assertEquals(Optional.empty(), round.completeScoring(List.of(scored("bid-1", "judge-1"), scored("bid-1", "judge-2"),
                scored("bid-2", "judge-1"), unscored), 2, DURING));
        assertNull(round.getScoringCompletedAt());
    }

    @Test
    void theScoresOfAWithdrawnAssignmentDoNotCount() {
        Assignment withdrawn = Assignment.of("challenge-1", 2, "bid-2", "judge-3", OPENED);
        withdrawn.declareConflict("回避");
        assertFalse(withdrawn.isScored());
        assertEquals(Optional.empty(), aRaceRound().build().completeScoring(List.of(scored("bid-1", "judge-1"),
                scored("bid-1", "judge-2"), scored("bid-2", "judge-1"), withdrawn), 2, DURING));
    }

    @Test
    void judgesWorkOnlyWhileTheRoundIsOpenAndTheChallengeGoesOn() {
        BiddingChallenge challenge = aBiddingChallenge().build();
        RaceRound round = aRaceRound().build();
        assertDoesNotThrow(() -> round.requireOpenForJudging(challenge));

        challenge.cancel();
        assertEquals("round-not-open", assertThrows(DomainProblem.class,
                () -> round.requireOpenForJudging(challenge)).code());

        round.close(false, DURING);
        assertEquals("round-not-open", assertThrows(DomainProblem.class,
                () -> round.requireOpenForJudging(aBiddingChallenge().build())).code());
    }

    // ---- closing and results -------------------------------------------------------------------------------------

    @Test
    void closingEndsScoringAndRecordsWhetherItWasForced() {
        RaceRound round = aRaceRound().build();
        round.close(true, DURING);
        assertFalse(round.isOpen());
        assertEquals(RaceRound.Status.CLOSED, round.getStatus());
        assertTrue(round.isForced());
        assertEquals(DURING, round.getClosedAt());
    }

    @Test
    void aClosedRoundIsNotClosedAgain() {
        RaceRound round = aRaceRound().build();
        round.close(false, DURING);
        assertThrows(DomainProblem.class, () -> round.close(true, DURING.plusSeconds(1)));
        assertFalse(round.isForced());
        assertEquals(DURING, round.getClosedAt());
    }

    @Test
    void theRankingIsSealedUntilTheRoundCloses() {
        RaceRound round = aRaceRound().build();
        assertEquals("round-not-closed", assertThrows(DomainProblem.class, round::requireClosedForRanking).code());
        round.close(false, DURING);
        assertDoesNotThrow(round::requireClosedForRanking);
    }

    @Test
    void aTeamsResultIsSealedUntilTheRoundIsAnnounced() {
        RaceRound round = aRaceRound().build();
        round.close(false, DURING);
        assertEquals("results-not-announced", assertThrows(DomainProblem.class,
                () -> round.announcedResultOf("bid-1")).code());

        RaceRound.AnnouncedResult first = new RaceRound.AnnouncedResult("bid-1", new BigDecimal("81.5"), 1, "ADVANCED",
                false);
        round.announce(List.of(first), DURING.plusSeconds(60));
        assertEquals(first, round.announcedResultOf("bid-1"));
        assertEquals("results-not-announced", assertThrows(DomainProblem.class,
                () -> round.announcedResultOf("bid-2")).code(), "a bid without a result has none to read");
    }

    @Test
    void aCorrectionReplacesTheAnnouncedResults() {
        RaceRound round = aRaceRound().build();
        round.announce(List.of(new RaceRound.AnnouncedResult("bid-1", BigDecimal.TEN, 2, "ELIMINATED", false)), DURING);
        RaceRound.AnnouncedResult corrected = new RaceRound.AnnouncedResult("bid-1", BigDecimal.TEN, 2, "ADVANCED", false);
        round.announce(List.of(corrected), DURING.plusSeconds(60));
        assertEquals(corrected, round.announcedResultOf("bid-1"));
        assertEquals(DURING.plusSeconds(60), round.getAnnouncedAt());
    }
}
