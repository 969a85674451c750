package cn.jiebang.challenge.challenge.domain;

import cn.jiebang.challenge.fixtures.RoundBuilder;
import cn.jiebang.events.RoundClosed;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import cn.jiebang.problem.DomainProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static cn.jiebang.challenge.challenge.domain.RoundStatus.ANNOUNCED;
import static cn.jiebang.challenge.challenge.domain.RoundStatus.CLOSED;
import static cn.jiebang.challenge.challenge.domain.RoundStatus.FINALIZED;
import static cn.jiebang.challenge.challenge.domain.RoundStatus.OPEN;
import static cn.jiebang.challenge.challenge.domain.RoundStatus.PENDING;
import static cn.jiebang.challenge.fixtures.RoundBuilder.PUBLICITY_DAY;
import static cn.jiebang.challenge.fixtures.RoundBuilder.aRound;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The life of a round: PENDING → OPEN → CLOSED → ANNOUNCED (公示, again after a correction) → FINALIZED. */
class RoundTest {

    private static final Duration HOUR = Duration.ofHours(1);

    // ---- the panel -----------------------------------------------------------------------------------------

    @Test
    void aPlannedRoundIsPendingWithoutAPanel() {
        Round round = aRound().planned();
        assertEquals(PENDING, round.getStatus());
        assertEquals(List.of(), round.getJudgeIds());
    }

    @Test
    void thePanelIsNamedWithEachJudgesOrganizationInTheSameOrder() {
        Round round = aRound().withMinJudgesPerBid(2).planned();
        round.namePanel(List.of("judge-b", "judge-a"), List.of("org-b", "org-a"));
        assertEquals(List.of("judge-b", "judge-a"), round.getJudgeIds());
        assertEquals(List.of("org-b", "org-a"), round.getJudgeOrganizationIds());
    }

    @Test
    void aPendingRoundsPanelIsRenamed() {
        Round round = aRound().withMinJudgesPerBid(2).pending();
        round.namePanel(List.of("judge-x", "judge-y", "judge-z"), List.of("org-x", "org-y", "org-z"));
        assertEquals(List.of("judge-x", "judge-y", "judge-z"), round.getJudgeIds());
    }

    @Test
    void aPanelNamingAJudgeTwiceIsRefused() {
        Round round = aRound().withMinJudgesPerBid(2).planned();
        InvalidChallenge refused = assertThrows(InvalidChallenge.class,
                () -> round.namePanel(List.of("judge-1", "judge-2", "judge-1"), List.of("o1", "o2", "o1")));
        assertEquals("invalid-panel", refused.code());
        assertEquals(List.of("judgeIds"), refused.fieldProblems().stream().map(FieldProblem::field).toList());
        assertEquals(List.of(), round.getJudgeIds());
    }

    @Test
    void aPanelSmallerThanTheJudgesEachBidNeedsIsRefused() {
        Round round = aRound().withMinJudgesPerBid(3).planned();
        InvalidChallenge refused = assertThrows(InvalidChallenge.class,
                () -> round.namePanel(List.of("judge-1", "judge-2"), List.of("o1", "o2")));
        assertEquals("invalid-panel", refused.code());
        assertEquals(List.of(new FieldProblem("judgeIds", "needs at least 3 judges")), refused.fieldProblems());
        round.namePanel(List.of("judge-1", "judge-2", "judge-3"), List.of("o1", "o2", "o3"));
        assertEquals(3, round.getJudgeIds().size(), "exactly the minimum is enough");
    }

    // ---- opening -------------------------------------------------------------------------------------------

    @Test
    void openingStartsScoringByThePanelWithTheBidsInTheRace() {
        Round round = aRound().withMinJudgesPerBid(2).pending();
        Instant at = round.getOpensAt();
        RoundOpened opened = round.open(List.of("bid-1", "bid-2"), at);
        assertEquals(OPEN, round.getStatus());
        assertEquals(at, round.getOpenedAt());
        assertEquals(List.of("bid-1", "bid-2"), round.getEntrants());
        assertEquals(new RoundOpened(round.getChallengeId(), 1, round.getName(), "PROPOSAL_REVIEW", round.getClosesAt(),
                List.of("judge-1", "judge-2"), 2, false, at, List.of("bid-1", "bid-2"),
                List.of("judge-org-1", "judge-org-2")), opened);
    }

    @Test
    void aRoundWithoutAPanelDoesNotOpen() {
        Round round = aRound().planned();
        assertEquals("panel-not-named", assertThrows(Round.PanelNotNamed.class,
                () -> round.open(List.of("bid-1"), round.getOpensAt())).code());
        assertEquals(PENDING, round.getStatus());
        assertNull(round.getOpenedAt());
    }

    @Test
    void theTeamsThatWentOnAreTheEntrantsTheRoundOpensWith() {
        Round round = aRound().pending();
        round.admitEntrants(List.of("bid-3", "bid-1"));
        assertEquals(List.of("bid-3", "bid-1"), round.getEntrants());
        assertEquals(PENDING, round.getStatus());
    }

    @Test
    void aRoundThatOpenedTakesNoMoreEntrants() {
        Round round = aRound().open();
        assertEquals("round-not-pending", assertThrows(Round.RoundNotPending.class,
                () -> round.admitEntrants(List.of("bid-9"))).code());
        assertEquals(List.of("bid-1", "bid-2"), round.getEntrants());
    }

    // ---- closing -------------------------------------------------------------------------------------------

    @Test
    void aRoundWithEveryScoreInClosesUnforced() {
        Round round = aRound().open();
        round.scoresCompleted(round.getClosesAt().minus(HOUR));
        RoundClosed closed = round.close(false, round.getClosesAt());
        assertEquals(new RoundClosed(round.getChallengeId(), 1, false, round.getClosesAt()), closed);
        assertEquals(CLOSED, round.getStatus());
        assertEquals(round.getClosesAt(), round.getClosedAt());
        assertFalse(round.isForced());
    }

    @Test
    void aRoundWithScoresMissingIsNotClosedUnlessForced() {
        Round round = aRound().open();
        assertEquals("scores-incomplete", assertThrows(Round.ScoresIncomplete.class,
                () -> round.close(false, round.getClosesAt())).code());
        assertEquals(OPEN, round.getStatus());
    }

    @Test
    void aForcedCloseWithScoresMissingIsMarkedForced() {
        Round round = aRound().open();
        RoundClosed closed = round.close(true, round.getClosesAt());
        assertTrue(closed.forced());
        assertTrue(round.isForced());
        assertEquals(CLOSED, round.getStatus());
    }

    @Test
    void forcingARoundWhoseScoresAreCompleteIsAnOrdinaryClose() {
        Round round = aRound().open();
        round.scoresCompleted(round.getClosesAt().minus(HOUR));
        assertFalse(round.close(true, round.getClosesAt()).forced());
        assertFalse(round.isForced());
    }

    @Test
    void theFirstReportOfCompleteScoresIsTheOneKept() {
        Round round = aRound().open();
        Instant first = round.getClosesAt().minus(Duration.ofHours(5));
        round.scoresCompleted(first);
        round.scoresCompleted(first.plus(HOUR));
        assertEquals(first, round.getScoresCompletedAt());
    }

    // ---- 公示 and finalizing ---------------------------------------------------------------------------------

    @Test
    void announcingStartsTheRoundsPublicityDays() {
        Round round = aRound().withPublicityDays(5).closed();
        Instant at = round.getClosesAt().plus(HOUR);
        round.announce(at, PUBLICITY_DAY);
        assertEquals(ANNOUNCED, round.getStatus());
        assertEquals(at, round.getAnnouncedAt());
        assertEquals(at.plus(Duration.ofDays(5)), round.getPublicityEndsAt());
    }

    @Test
    void aPublicityDayLastsAsLongAsConfigured() {
        Round round = aRound().withPublicityDays(3).closed();
        Instant at = round.getClosesAt();
        round.announce(at, Duration.ofSeconds(2));
        assertEquals(at.plusSeconds(6), round.getPublicityEndsAt());
    }

    @Test
    void aCorrectedAnnouncementStartsThePublicityDaysAgain() {
        Round round = aRound().withPublicityDays(5).announced();
        Instant correction = round.getAnnouncedAt().plus(Duration.ofDays(2));
        round.announce(correction, PUBLICITY_DAY);
        assertEquals(ANNOUNCED, round.getStatus());
        assertEquals(correction.plus(Duration.ofDays(5)), round.getPublicityEndsAt());
    }

    @Test
    void objectionsAreTakenFromTheAnnouncementUntilPublicityEnds() {
        Round round = aRound().withPublicityDays(1).announced();
        assertTrue(round.inPublicity(round.getAnnouncedAt()));
        assertTrue(round.inPublicity(round.getPublicityEndsAt().minusNanos(1)));
        assertFalse(round.inPublicity(round.getPublicityEndsAt()));
    }

    @Test
    void aRoundIsInPublicityOnlyWhileAnnounced() {
        for (RoundStatus status : EnumSet.of(PENDING, OPEN, CLOSED)) {
            Round round = aRound().in(status);
            assertFalse(round.inPublicity(round.getClosesAt()), status.name());
        }
        Round finalized = aRound().in(FINALIZED);
        assertFalse(finalized.inPublicity(finalized.getAnnouncedAt()));
    }

    @Test
    void theResultsAreSealedUntilTheyAreAnnounced() {
        for (RoundStatus status : EnumSet.of(PENDING, OPEN, CLOSED)) {
            Round round = aRound().in(status);
            DomainProblem sealed = assertThrows(Round.ResultsSealed.class, round::requireResultsPublic, status.name());
            assertEquals("results-not-announced", sealed.code());
            assertEquals(DomainProblem.Kind.CONFLICT, sealed.kind());
        }
    }

    @Test
    void theResultsArePublicFromTheirAnnouncementOn() {
        assertDoesNotThrow(aRound().announced()::requireResultsPublic);
        assertDoesNotThrow(aRound().in(FINALIZED)::requireResultsPublic);
    }

    @Test
    void withoutPublicityDaysAnAnnouncedRoundTakesNoObjectionAndIsFinalAtOnce() {
        Round round = aRound().withPublicityDays(0).announced();
        assertFalse(round.inPublicity(round.getAnnouncedAt()));
        round.finalizeAt(round.getAnnouncedAt());
        assertEquals(FINALIZED, round.getStatus());
    }

    @Test
    void aRoundIsFinalWhenItsPublicityEnds() {
        Round round = aRound().announced();
        round.finalizeAt(round.getPublicityEndsAt());
        assertEquals(FINALIZED, round.getStatus());
        assertEquals(round.getPublicityEndsAt(), round.getFinalizedAt());
    }

    @Test
    void aRoundIsNotFinalizedDuringItsPublicity() {
        Round round = aRound().announced();
        assertEquals("round-wrong-status", assertThrows(Round.RoundWrongStatus.class,
                () -> round.finalizeAt(round.getPublicityEndsAt().minusNanos(1))).code());
        assertEquals(ANNOUNCED, round.getStatus());
        assertNull(round.getFinalizedAt());
    }

    // ---- every refused transition ---------------------------------------------------------------------------

    enum Command {
        NAME_PANEL(EnumSet.of(PENDING), "round-not-pending",
                r -> r.namePanel(List.of("judge-x", "judge-y"), List.of("org-x", "org-y"))),
        ADMIT_ENTRANTS(EnumSet.of(PENDING), "round-not-pending", r -> r.admitEntrants(List.of("bid-9"))),
        OPEN_ROUND(EnumSet.of(PENDING), "round-not-pending", r -> r.open(List.of("bid-9"), r.getOpensAt())),
        CLOSE_ROUND(EnumSet.of(OPEN), "round-wrong-status", r -> r.close(true, r.getClosesAt())),
        ANNOUNCE_RESULTS(EnumSet.of(CLOSED, ANNOUNCED), "round-wrong-status",
                r -> r.announce(r.getClosesAt().plus(Duration.ofDays(30)), PUBLICITY_DAY)),
        FINALIZE_ROUND(EnumSet.of(ANNOUNCED), "round-wrong-status", r -> r.finalizeAt(r.getClosesAt().plus(Duration.ofDays(365))));

        final Set<RoundStatus> allowedIn;
        final String refusal;
        final Consumer<Round> action;

        Command(Set<RoundStatus> allowedIn, String refusal, Consumer<Round> action) {
            this.allowedIn = allowedIn;
            this.refusal = refusal;
            this.action = action;
        }
    }

    static Stream<Arguments> refusedTransitions() {
        return Arrays.stream(Command.values()).flatMap(command -> Arrays.stream(RoundStatus.values())
                .filter(s -> !command.allowedIn.contains(s)).map(s -> Arguments.of(command, s)));
    }

    @ParameterizedTest(name = "{0} is refused in {1}")
    @MethodSource("refusedTransitions")
    void aCommandOutsideItsStatusesIsRefusedAndChangesNothing(Command command, RoundStatus status) {
        Round round = aRound().in(status);
        List<String> panel = round.getJudgeIds();
        Instant publicityEnds = round.getPublicityEndsAt();

        DomainProblem refused = assertThrows(DomainProblem.class, () -> command.action.accept(round));
        assertEquals(command.refusal, refused.code());
        assertEquals(DomainProblem.Kind.CONFLICT, refused.kind());
        assertEquals(status, round.getStatus());
        assertEquals(panel, round.getJudgeIds());
        assertEquals(publicityEnds, round.getPublicityEndsAt());
    }

    static Stream<Arguments> allowedTransitions() {
        return Arrays.stream(Command.values()).flatMap(command -> command.allowedIn.stream()
                .map(s -> Arguments.of(command, s)));
    }

    @ParameterizedTest(name = "{0} is taken in {1}")
    @MethodSource("allowedTransitions")
    void aCommandInItsStatusesIsTaken(Command command, RoundStatus status) {
        Round round = aRound().in(status);
        command.action.accept(round);
        RoundStatus expected = switch (command) {
            case NAME_PANEL, ADMIT_ENTRANTS -> PENDING;
            case OPEN_ROUND -> OPEN;
            case CLOSE_ROUND -> CLOSED;
            case ANNOUNCE_RESULTS -> ANNOUNCED;
            case FINALIZE_ROUND -> FINALIZED;
        };
        assertEquals(expected, round.getStatus());
    }
}
