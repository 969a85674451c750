package cn.jiebang.challenge.evaluation.domain;

import cn.jiebang.challenge.challenge.domain.InvalidChallenge;
import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.evaluation.domain.RoundResult.Decision;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.jiebang.challenge.fixtures.ChallengeBuilder.aHorseRaceChallenge;
import static cn.jiebang.challenge.fixtures.ResultBuilder.ranking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an upheld objection may correct: bids of the round, the right decisions for it, within its team cap. */
class CorrectionTest {

    /** Round 1 of 3: the best 4 teams advance. */
    private final Round first = aHorseRaceChallenge().withRounds(3).draft().round(1);
    /** Round 3 of 3: the best team wins. */
    private final Round last = aHorseRaceChallenge().withRounds(3).draft().round(3);

    @Test
    void correctsTheResultsWhoseDecisionChangesAndMarksThemCorrected() {
        List<RoundResult> results = ranking(first, 6, 4, Decision.ADVANCED);
        List<RoundResult> changed = Correction.of(first, false, results,
                ordered("bid-4", Decision.ELIMINATED, "bid-5", Decision.ADVANCED, "bid-1", Decision.ADVANCED)).apply();
        assertEquals(List.of("bid-4", "bid-5"), changed.stream().map(RoundResult::getBidId).toList());
        assertEquals(Decision.ELIMINATED, results.get(3).getDecision());
        assertEquals(Decision.ADVANCED, results.get(4).getDecision());
        assertTrue(results.get(3).isCorrected());
        assertFalse(results.get(0).isCorrected(), "a decision named as it stands is not a correction");
    }

    @Test
    void theLastRoundsWinnerIsReplaced() {
        List<RoundResult> results = ranking(last, 2, 1, Decision.WINNER);
        Correction.of(last, true, results, ordered("bid-1", Decision.ELIMINATED, "bid-2", Decision.WINNER)).apply();
        assertEquals(List.of(Decision.ELIMINATED, Decision.WINNER),
                results.stream().map(RoundResult::getDecision).toList());
    }

    @Test
    void onlyBidsOfTheRoundAreCorrected() {
        assertProblems(() -> Correction.of(first, false, ranking(first, 5, 4, Decision.ADVANCED),
                        ordered("bid-9", Decision.ADVANCED)),
                new FieldProblem("corrections.bid-9", "is not a bid of round 1"));
    }

    @Test
    void onlyTheLastRoundNamesWinners() {
        assertProblems(() -> Correction.of(first, false, ranking(first, 5, 4, Decision.ADVANCED),
                        ordered("bid-5", Decision.WINNER, "bid-4", Decision.ELIMINATED)),
                new FieldProblem("corrections.bid-5", "only the last round names winners"));
    }

    @Test
    void theLastRoundNamesWinnersNotTeamsAdvancing() {
        assertProblems(() -> Correction.of(last, true, ranking(last, 2, 1, Decision.WINNER),
                        ordered("bid-1", Decision.ADVANCED)),
                new FieldProblem("corrections.bid-1", "the last round names winners"));
    }

    @Test
    void noMoreTeamsGoOnThanTheRoundAllows() {
        assertProblems(() -> Correction.of(first, false, ranking(first, 6, 4, Decision.ADVANCED),
                        ordered("bid-5", Decision.ADVANCED)),
                new FieldProblem("corrections", "would let 5 teams go on; the round allows 4"));
    }

    @Test
    void everyProblemIsReportedAtOnceAndNoResultChanges() {
        List<RoundResult> results = ranking(first, 6, 4, Decision.ADVANCED);
        assertProblems(() -> Correction.of(first, false, results, ordered("bid-9", Decision.ADVANCED,
                        "bid-5", Decision.WINNER, "bid-6", Decision.ADVANCED)),
                new FieldProblem("corrections.bid-9", "is not a bid of round 1"),
                new FieldProblem("corrections.bid-5", "only the last round names winners"),
                new FieldProblem("corrections", "would let 6 teams go on; the round allows 4"));
        assertTrue(results.stream().noneMatch(RoundResult::isCorrected));
    }

    @Test
    void noCorrectionChangesNothing() {
        List<RoundResult> results = ranking(first, 5, 4, Decision.ADVANCED);
        assertEquals(List.of(), Correction.of(first, false, results, Map.of()).apply());
    }

    private static Map<String, Decision> ordered(Object... bidsAndDecisions) {
        Map<String, Decision> map = new LinkedHashMap<>();
        for (int i = 0; i < bidsAndDecisions.length; i += 2) {
            map.put((String) bidsAndDecisions[i], (Decision) bidsAndDecisions[i + 1]);
        }
        return map;
    }

    private static void assertProblems(Runnable correction, FieldProblem... expected) {
        InvalidChallenge refused = assertThrows(InvalidChallenge.class, correction::run);
        assertEquals("invalid-correction", refused.code());
        assertEquals(List.of(expected), refused.fieldProblems());
    }
}
