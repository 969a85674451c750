package cn.jiebang.challenge.challenge.domain;

import cn.jiebang.challenge.fixtures.ChallengeBuilder;
import cn.jiebang.challenge.fixtures.ChallengeWithRounds;
import cn.jiebang.challenge.fixtures.RoundBuilder;
import cn.jiebang.events.ChallengeAmended;
import cn.jiebang.events.ChallengeAwarded;
import cn.jiebang.events.ChallengeBiddingClosed;
import cn.jiebang.events.ChallengeCancelled;
import cn.jiebang.events.ChallengeFailed;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import cn.jiebang.problem.DomainProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static cn.jiebang.challenge.challenge.domain.ChallengeStatus.AWARDED;
import static cn.jiebang.challenge.challenge.domain.ChallengeStatus.CANCELLED;
import static cn.jiebang.challenge.challenge.domain.ChallengeStatus.DRAFT;
import static cn.jiebang.challenge.challenge.domain.ChallengeStatus.FAILED;
import static cn.jiebang.challenge.challenge.domain.ChallengeStatus.IN_EVALUATION;
import static cn.jiebang.challenge.challenge.domain.ChallengeStatus.PUBLISHED;
import static cn.jiebang.challenge.challenge.domain.ChallengeStatus.SCREENING;
import static cn.jiebang.challenge.fixtures.ChallengeBuilder.NOW;
import static cn.jiebang.challenge.fixtures.ChallengeBuilder.aHorseRaceChallenge;
import static cn.jiebang.challenge.fixtures.ChallengeBuilder.aWinner;
import static cn.jiebang.challenge.fixtures.ChallengeBuilder.anOpenCompetition;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The life of a challenge: DRAFT → PUBLISHED → SCREENING → IN_EVALUATION → AWARDED | FAILED, or CANCELLED. */
class ChallengeTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Set<ChallengeStatus> ENDED = EnumSet.of(AWARDED, FAILED, CANCELLED);

    // ---- draft -------------------------------------------------------------------------------------------

    @Test
    void aNewChallengeIsADraftWithItsRoundsPlannedNumberedFromOne() {
        ChallengeWithRounds c = aHorseRaceChallenge().withRounds(3).draft();
        assertEquals(DRAFT, c.challenge().getStatus());
        assertEquals(NOW, c.challenge().getCreatedAt());
        assertEquals(List.of(1, 2, 3), c.rounds().stream().map(Round::getRoundIndex).toList());
        assertTrue(c.rounds().stream().allMatch(r -> r.getStatus() == RoundStatus.PENDING
                && r.getChallengeId().equals(c.challenge().getId()) && r.getJudgeIds().isEmpty()));
    }

    @Test
    void theFixturesDefineConsistentChallenges() {
        assertEquals(List.of(), aHorseRaceChallenge().withRounds(3).definition().inconsistencies(NOW));
        assertEquals(List.of(), aHorseRaceChallenge().withRounds(5).definition().inconsistencies(NOW));
        assertEquals(List.of(), anOpenCompetition().definition().inconsistencies(NOW));
    }

    @Test
    void aDraftIsRedefinedWithTheRoundsOfItsNewDefinition() {
        ChallengeWithRounds c = aHorseRaceChallenge().withRounds(3).draft();
        List<Round> replacing = c.challenge().redefine(aHorseRaceChallenge().withRounds(2)
                .withBidWindowClosingAt(NOW.plus(Duration.ofDays(10))).definition());
        assertEquals(DRAFT, c.challenge().getStatus());
        assertEquals(NOW.plus(Duration.ofDays(10)), c.challenge().getBidClosesAt());
        assertEquals(List.of(1, 2), replacing.stream().map(Round::getRoundIndex).toList());
        assertTrue(replacing.stream().allMatch(r -> r.getChallengeId().equals(c.challenge().getId())));
    }

    // ---- publishing --------------------------------------------------------------------------------------

    @Test
    void publishingOpensTheChallengeForBidsAndTheEventCarriesTheFullDefinitionWithRoundsInOrder() {
        ChallengeWithRounds c = aHorseRaceChallenge().withRounds(3).draft();
        ChallengePublished published = c.challenge().publish(List.of(c.round(3), c.round(1), c.round(2)), NOW);

        assertEquals(PUBLISHED, c.challenge().getStatus());
        assertEquals(NOW, c.challenge().getPublishedAt());
        assertEquals(c.challenge().getId(), published.challengeId());
        assertEquals(NOW, published.publishedAt());
        assertEquals("HORSE_RACE", published.mode());
        assertEquals(List.of("requirement-1"), published.requirementIds());
        assertEquals(List.of("BEIJING", "TIANJIN"), published.eligibility().allowedRegions());
        assertEquals(List.of(1, 2, 3), published.rounds().stream().map(ChallengePublished.Round::index).toList());
        assertEquals(new ChallengePublished.Advancement("TOP_N", BigDecimal.valueOf(4), 4),
                published.rounds().get(0).advancement(), "TOP_N names its team cap though maxTeams was left out");
    }

    @Test
    void aDraftWithoutRoundsIsNotPublished() {
        ChallengeWithRounds c = anOpenCompetition().withoutRounds().draft();
        DomainProblem refused = assertThrows(InvalidChallenge.class, () -> c.challenge().publish(c.rounds(), NOW));
        assertEquals("invalid-challenge", refused.code());
        assertEquals(List.of("rounds"), refused.fieldProblems().stream().map(FieldProblem::field).toList());
        assertEquals(DRAFT, c.challenge().getStatus());
    }

    @Test
    void aDraftWithoutRequirementsIsNotPublished() {
        ChallengeWithRounds c = anOpenCompetition().withoutRequirements().draft();
        assertEquals("invalid-challenge",
                assertThrows(InvalidChallenge.class, () -> c.challenge().publish(c.rounds(), NOW)).code());
        assertEquals(DRAFT, c.challenge().getStatus());
    }

    @Test
    void aDraftIsPublishedUpToTheLastInstantBeforeItsBidWindowCloses() {
        ChallengeWithRounds c = anOpenCompetition().draft();
        c.challenge().publish(c.rounds(), c.challenge().getBidClosesAt().minusNanos(1));
        assertEquals(PUBLISHED, c.challenge().getStatus());
    }

    @Test
    void aDraftWhoseBidWindowHasClosedIsNotPublished() {
        ChallengeWithRounds c = anOpenCompetition().draft();
        InvalidChallenge refused = assertThrows(InvalidChallenge.class,
                () -> c.challenge().publish(c.rounds(), c.challenge().getBidClosesAt()));
        assertEquals("bid-window-closed", refused.code());
        assertEquals(List.of("bidClosesAt"), refused.fieldProblems().stream().map(FieldProblem::field).toList());
        assertEquals(DRAFT, c.challenge().getStatus());
        assertNull(c.challenge().getPublishedAt());
    }

    // ---- amendments --------------------------------------------------------------------------------------

    @Test
    void theDeadlineIsExtendedWhileBiddingIsOpen() {
        ChallengeWithRounds c = anOpenCompetition().published();
        Instant previous = c.challenge().getBidClosesAt();
        Instant later = previous.plus(Duration.ofDays(1));
        ChallengeAmended amended = c.challenge().extendDeadline(later, "应申请延期一天", c.round(1), NOW);
        assertEquals(new ChallengeAmended(c.challenge().getId(), c.challenge().getTitle(), "DEADLINE_EXTENDED",
                "应申请延期一天", previous, later, NOW), amended);
        assertEquals(later, c.challenge().getBidClosesAt());
        assertEquals(PUBLISHED, c.challenge().getStatus());
    }

    @Test
    void theDeadlineMayBeExtendedUpToTheOpeningOfRoundOne() {
        ChallengeWithRounds c = anOpenCompetition().published();
        c.challenge().extendDeadline(c.round(1).getOpensAt(), "延至评审开始", c.round(1), NOW);
        assertEquals(c.round(1).getOpensAt(), c.challenge().getBidClosesAt());
    }

    @Test
    void theDeadlineIsNotExtendedIntoRoundOne() {
        ChallengeWithRounds c = anOpenCompetition().published();
        Instant before = c.challenge().getBidClosesAt();
        InvalidChallenge refused = assertThrows(InvalidChallenge.class, () -> c.challenge()
                .extendDeadline(c.round(1).getOpensAt().plusNanos(1), "延期", c.round(1), NOW));
        assertEquals("deadline-not-extended", refused.code());
        assertEquals(List.of("bidClosesAt"), refused.fieldProblems().stream().map(FieldProblem::field).toList());
        assertEquals(before, c.challenge().getBidClosesAt());
    }

    @Test
    void withoutARoundOneTheDeadlineIsNotBoundedByIt() {
        ChallengeWithRounds c = anOpenCompetition().published();
        Instant muchLater = c.round(1).getClosesAt().plus(Duration.ofDays(100));
        c.challenge().extendDeadline(muchLater, "延期", null, NOW);
        assertEquals(muchLater, c.challenge().getBidClosesAt());
    }

    @Test
    void theDeadlineIsNeverShortenedNorSetToItself() {
        ChallengeWithRounds c = anOpenCompetition().published();
        Instant deadline = c.challenge().getBidClosesAt();
        for (Instant notLater : List.of(deadline, deadline.minusNanos(1), NOW.plus(HOUR))) {
            InvalidChallenge refused = assertThrows(InvalidChallenge.class,
                    () -> c.challenge().extendDeadline(notLater, "提前", c.round(1), NOW), notLater.toString());
            assertEquals("deadline-not-extended", refused.code());
        }
        assertEquals(deadline, c.challenge().getBidClosesAt());
    }

    @Test
    void anExtensionNamesItsNewDeadline() {
        ChallengeWithRounds c = anOpenCompetition().published();
        Instant deadline = c.challenge().getBidClosesAt();
        InvalidChallenge refused = assertThrows(InvalidChallenge.class,
                () -> c.challenge().extendDeadline(null, "延期", c.round(1), NOW));
        assertEquals("deadline-not-extended", refused.code());
        assertEquals(List.of(new FieldProblem("bidClosesAt", "must not be null")), refused.fieldProblems());
        assertEquals(deadline, c.challenge().getBidClosesAt());
    }

    @Test
    void aClosedWindowIsNotReopenedByAnExtension() {
        ChallengeWithRounds c = anOpenCompetition().published();
        Instant deadline = c.challenge().getBidClosesAt();
        InvalidChallenge refused = assertThrows(InvalidChallenge.class, () -> c.challenge()
                .extendDeadline(deadline.plus(Duration.ofDays(1)), "延期", c.round(1), deadline));
        assertEquals("bid-window-closed", refused.code());
        assertEquals(deadline, c.challenge().getBidClosesAt());
    }

    @Test
    void aClarificationKeepsTheDeadline() {
        ChallengeWithRounds c = anOpenCompetition().published();
        Instant deadline = c.challenge().getBidClosesAt();
        ChallengeAmended clarified = c.challenge().clarify("测试方法以国标为准", NOW);
        assertEquals("CLARIFICATION", clarified.kind());
        assertEquals("测试方法以国标为准", clarified.text());
        assertEquals(deadline, clarified.previousBidClosesAt());
        assertEquals(deadline, clarified.bidClosesAt());
        assertEquals(deadline, c.challenge().getBidClosesAt());
    }

    // ---- the close and screening ----------------------------------------------------------------------

    @Test
    void biddingClosesAtTheDeadlineAndScreeningBegins() {
        ChallengeWithRounds c = anOpenCompetition().published();
        Instant deadline = c.challenge().getBidClosesAt();
        ChallengeBiddingClosed closed = c.challenge().closeBidding(deadline);
        assertEquals(new ChallengeBiddingClosed(c.challenge().getId(), c.challenge().getTitle(), deadline, deadline),
                closed);
        assertEquals(SCREENING, c.challenge().getStatus());
    }

    @Test
    void biddingDoesNotCloseBeforeTheDeadline() {
        ChallengeWithRounds c = anOpenCompetition().published();
        assertThrows(IllegalStateException.class,
                () -> c.challenge().closeBidding(c.challenge().getBidClosesAt().minusNanos(1)));
        assertEquals(PUBLISHED, c.challenge().getStatus());
    }

    @Test
    void theBidCountIsPublicOnlyOnceBiddingHasClosed() {
        ChallengeWithRounds c = anOpenCompetition().published();
        assertNull(c.challenge().publicBidCount());
        c.challenge().closeBidding(c.challenge().getBidClosesAt());
        assertNull(c.challenge().publicBidCount(), "not counted yet");
        c.challenge().screeningStarted(3, c.challenge().getBidClosesAt().plus(HOUR));
        assertEquals(3, c.challenge().publicBidCount());
    }

    @Test
    void bidsAtTheCloseKeepTheChallengeInScreening() {
        ChallengeWithRounds c = anOpenCompetition().biddingClosed();
        assertEquals(Optional.empty(), c.challenge().screeningStarted(3, c.challenge().getBidClosesAt().plus(HOUR)));
        assertEquals(SCREENING, c.challenge().getStatus());
        assertEquals(3, c.challenge().getBidCount());
    }

    @Test
    void aWindowClosingWithoutBidsFails() {
        ChallengeWithRounds c = anOpenCompetition().biddingClosed();
        Instant at = c.challenge().getBidClosesAt().plus(HOUR);
        Optional<ChallengeFailed> failed = c.challenge().screeningStarted(0, at);
        assertEquals(Optional.of(new ChallengeFailed(c.challenge().getId(), c.challenge().getTitle(), "owner-org",
                "NO_BIDS", at)), failed);
        assertEquals(FAILED, c.challenge().getStatus());
        assertEquals("NO_BIDS", c.challenge().getFailureReason());
        assertEquals(at, c.challenge().getEndedAt());
        assertEquals(0, c.challenge().publicBidCount());
    }

    @Test
    void aFailedChallengeDoesNotFailAgainWhenTheCountArrivesTwice() {
        ChallengeWithRounds c = anOpenCompetition().in(FAILED);
        Instant endedAt = c.challenge().getEndedAt();
        assertEquals(Optional.empty(), c.challenge().screeningStarted(0, endedAt.plus(HOUR)));
        assertEquals(FAILED, c.challenge().getStatus());
        assertEquals(endedAt, c.challenge().getEndedAt());
    }

    @Test
    void screeningThatLeavesBidsInRecordsWhenItCompleted() {
        ChallengeWithRounds c = anOpenCompetition().biddingClosed();
        Instant completed = c.challenge().getBidClosesAt().plus(HOUR);
        c.challenge().screeningStarted(3, completed);
        assertEquals(Optional.empty(), c.challenge().screeningCompleted(2, completed, completed.plus(HOUR)));
        assertEquals(SCREENING, c.challenge().getStatus());
        assertEquals(2, c.challenge().getScreenedIn());
        assertEquals(completed, c.challenge().getScreeningCompletedAt());
    }

    @Test
    void screeningThatLeavesNoBidInFails() {
        ChallengeWithRounds c = anOpenCompetition().biddingClosed();
        Instant at = c.challenge().getBidClosesAt().plus(HOUR);
        c.challenge().screeningStarted(2, at);
        Optional<ChallengeFailed> failed = c.challenge().screeningCompleted(0, at, at.plus(HOUR));
        assertEquals("NONE_SCREENED_IN", failed.orElseThrow().reason());
        assertEquals(FAILED, c.challenge().getStatus());
        assertEquals("NONE_SCREENED_IN", c.challenge().getFailureReason());
        assertEquals(2, c.challenge().getBidCount());
    }

    @Test
    void aChallengeCancelledDuringScreeningOnlyRecordsTheScreeningFacts() {
        ChallengeWithRounds c = anOpenCompetition().biddingClosed();
        Instant at = c.challenge().getBidClosesAt().plus(HOUR);
        c.challenge().cancel("需求方撤回", at);
        assertEquals(Optional.empty(), c.challenge().screeningStarted(0, at.plus(HOUR)));
        assertEquals(Optional.empty(), c.challenge().screeningCompleted(0, at.plus(HOUR), at.plus(HOUR)));
        assertEquals(CANCELLED, c.challenge().getStatus());
        assertNull(c.challenge().getFailureReason());
        assertEquals(0, c.challenge().getBidCount());
        assertEquals(0, c.challenge().getScreenedIn());
    }

    // ---- evaluation --------------------------------------------------------------------------------------

    @Test
    void roundOneOpensWithItsPanelOnceScreeningLeftBidsInAndEvaluationBegins() {
        ChallengeWithRounds c = aHorseRaceChallenge().withMinJudgesPerBid(2).screened();
        Round first = c.round(1);
        RoundOpened opened = c.challenge().openFirstRound(first, first.getOpensAt());
        assertEquals(IN_EVALUATION, c.challenge().getStatus());
        assertEquals(RoundStatus.OPEN, first.getStatus());
        assertEquals(List.of("judge-1", "judge-2"), opened.judgeIds());
        assertEquals(List.of("judge-org-1", "judge-org-2"), opened.judgeOrganizationIds());
        assertEquals(List.of(), opened.bidIds(), "round 1 races the bids screened in");
        assertEquals(1, opened.roundIndex());
        assertEquals(2, opened.minJudgesPerBid());
    }

    @Test
    void roundOneDoesNotOpenBeforeEveryBidIsScreened() {
        ChallengeWithRounds c = anOpenCompetition().biddingClosed();
        c.challenge().screeningStarted(3, c.challenge().getBidClosesAt().plus(HOUR));
        c.round(1).namePanel(ChallengeBuilder.judges(2), ChallengeBuilder.judgeOrganizations(2));
        DomainProblem refused = assertThrows(Challenge.ScreeningNotComplete.class,
                () -> c.challenge().openFirstRound(c.round(1), c.round(1).getOpensAt()));
        assertEquals("screening-not-complete", refused.code());
        assertEquals(SCREENING, c.challenge().getStatus());
        assertEquals(RoundStatus.PENDING, c.round(1).getStatus());
    }

    @Test
    void roundOneDoesNotOpenWithoutAPanelAndEvaluationDoesNotBegin() {
        ChallengeWithRounds c = anOpenCompetition().withoutPanels().screened();
        assertEquals("panel-not-named", assertThrows(Round.PanelNotNamed.class,
                () -> c.challenge().openFirstRound(c.round(1), c.round(1).getOpensAt())).code());
        assertEquals(SCREENING, c.challenge().getStatus());
        assertEquals(RoundStatus.PENDING, c.round(1).getStatus());
    }

    @Test
    void onlyRoundOneOpensAfterScreening() {
        ChallengeWithRounds c = aHorseRaceChallenge().screened();
        assertThrows(IllegalArgumentException.class,
                () -> c.challenge().openFirstRound(c.round(2), c.round(2).getOpensAt()));
        assertEquals(SCREENING, c.challenge().getStatus());
        assertEquals(RoundStatus.PENDING, c.round(2).getStatus());
    }

    @Test
    void roundOneOpensOnlyOnce() {
        ChallengeWithRounds c = anOpenCompetition().inEvaluation();
        assertEquals("challenge-wrong-status", assertThrows(Challenge.WrongStatus.class,
                () -> c.challenge().openFirstRound(c.round(1), c.round(1).getOpensAt())).code());
    }

    @Test
    void aLaterRoundOpensWithTheTeamsThatWentOnOnceTheRoundBeforeIsFinal() {
        ChallengeWithRounds c = aHorseRaceChallenge().withRounds(3).inEvaluation();
        RoundBuilder.advance(c.round(1), RoundStatus.FINALIZED);
        RoundOpened opened = c.challenge().openNextRound(c.round(1), c.round(2), List.of("bid-1", "bid-2"),
                c.round(2).getOpensAt());
        assertEquals(2, opened.roundIndex());
        assertEquals(List.of("bid-1", "bid-2"), opened.bidIds());
        assertEquals(RoundStatus.OPEN, c.round(2).getStatus());
        assertEquals(List.of("bid-1", "bid-2"), c.round(2).getEntrants());
        assertEquals(IN_EVALUATION, c.challenge().getStatus());
    }

    @ParameterizedTest
    @EnumSource(value = RoundStatus.class, names = {"OPEN", "CLOSED", "ANNOUNCED"})
    void aLaterRoundWaitsUntilTheRoundBeforeIsFinal(RoundStatus before) {
        ChallengeWithRounds c = aHorseRaceChallenge().withRounds(3).inEvaluation();
        RoundBuilder.advance(c.round(1), before);
        assertEquals("round-wrong-status", assertThrows(Round.RoundWrongStatus.class, () -> c.challenge()
                .openNextRound(c.round(1), c.round(2), List.of("bid-1"), c.round(2).getOpensAt())).code());
        assertEquals(RoundStatus.PENDING, c.round(2).getStatus());
    }

    @Test
    void theLastRoundsWinnersAreAwarded() {
        ChallengeWithRounds c = aHorseRaceChallenge().withRounds(2).inEvaluation();
        Instant at = c.round(2).getClosesAt().plus(Duration.ofDays(6));
        ChallengeAwarded awarded = c.challenge().award(List.of(aWinner("bid-7")), at);
        assertEquals(List.of(new ChallengeAwarded.Winner("bid-7", "org-of-bid-7", "user-of-bid-7")), awarded.winners());
        assertEquals("owner-org", awarded.ownerOrganizationId());
        assertEquals(AWARDED, c.challenge().getStatus());
        assertEquals(at, c.challenge().getEndedAt());
    }

    @Test
    void nobodyGoingOnFromARoundIsFailure() {
        ChallengeWithRounds c = aHorseRaceChallenge().inEvaluation();
        Instant at = c.round(1).getClosesAt().plus(Duration.ofDays(6));
        ChallengeFailed failed = c.challenge().nobodyAdvanced(at);
        assertEquals("NOBODY_ADVANCED", failed.reason());
        assertEquals(FAILED, c.challenge().getStatus());
        assertEquals("NOBODY_ADVANCED", c.challenge().getFailureReason());
        assertEquals(at, c.challenge().getEndedAt());
    }

    // ---- cancelling and ending ----------------------------------------------------------------------------

    @Test
    void cancellingADraftTellsNobody() {
        ChallengeWithRounds c = anOpenCompetition().draft();
        assertEquals(Optional.empty(), c.challenge().cancel("不再需要", NOW));
        assertEquals(CANCELLED, c.challenge().getStatus());
        assertEquals("不再需要", c.challenge().getCancellationReason());
        assertEquals(NOW, c.challenge().getEndedAt());
    }

    @ParameterizedTest
    @EnumSource(value = ChallengeStatus.class, names = {"PUBLISHED", "SCREENING", "IN_EVALUATION"})
    void cancellingAChallengeBiddersKnowTellsThem(ChallengeStatus status) {
        ChallengeWithRounds c = aHorseRaceChallenge().in(status);
        Instant at = NOW.plus(Duration.ofDays(90));
        assertEquals(Optional.of(new ChallengeCancelled(c.challenge().getId(), c.challenge().getTitle(), "需求方撤回", at)),
                c.challenge().cancel("需求方撤回", at));
        assertEquals(CANCELLED, c.challenge().getStatus());
        assertEquals(at, c.challenge().getEndedAt());
    }

    @ParameterizedTest
    @EnumSource(ChallengeStatus.class)
    void actionsOnItsRoundsAreRefusedOnlyOnceTheChallengeHasEnded(ChallengeStatus status) {
        ChallengeWithRounds c = aHorseRaceChallenge().in(status);
        if (ENDED.contains(status)) {
            assertEquals("challenge-ended", assertThrows(Challenge.ChallengeEnded.class,
                    () -> c.challenge().requireNotEnded("closing a round")).code());
        } else {
            assertDoesNotThrow(() -> c.challenge().requireNotEnded("closing a round"));
        }
    }

    // ---- every refused transition ---------------------------------------------------------------------------

    /** Each state-changing method, where it may be called from and how it refuses elsewhere. */
    enum Command {
        REDEFINE(EnumSet.of(DRAFT), Set.of(), "challenge-not-draft",
                c -> c.challenge().redefine(aHorseRaceChallenge().definition())),
        PUBLISH(EnumSet.of(DRAFT), Set.of(), "challenge-not-draft", c -> c.challenge().publish(c.rounds(), NOW)),
        EXTEND_DEADLINE(EnumSet.of(PUBLISHED), Set.of(), "challenge-not-published", c -> c.challenge()
                .extendDeadline(c.challenge().getBidClosesAt().plus(Duration.ofDays(1)), "延期", c.round(1), NOW)),
        CLARIFY(EnumSet.of(PUBLISHED), Set.of(), "challenge-not-published", c -> c.challenge().clarify("答疑", NOW)),
        CLOSE_BIDDING(EnumSet.of(PUBLISHED), Set.of(), "challenge-not-published",
                c -> c.challenge().closeBidding(c.challenge().getBidClosesAt())),
        START_SCREENING(EnumSet.of(SCREENING), ENDED, "challenge-wrong-status",
                c -> c.challenge().screeningStarted(3, c.challenge().getBidClosesAt().plus(HOUR))),
        COMPLETE_SCREENING(EnumSet.of(SCREENING), ENDED, "challenge-wrong-status", c -> c.challenge()
                .screeningCompleted(2, c.challenge().getBidClosesAt().plus(HOUR), c.challenge().getBidClosesAt().plus(HOUR))),
        OPEN_FIRST_ROUND(EnumSet.of(SCREENING), Set.of(), "challenge-wrong-status",
                c -> c.challenge().openFirstRound(c.round(1), c.round(1).getOpensAt())),
        OPEN_NEXT_ROUND(EnumSet.of(IN_EVALUATION), Set.of(), "challenge-wrong-status",
                c -> c.challenge().openNextRound(c.round(1), c.round(2), List.of("bid-1"), c.round(2).getOpensAt())),
        AWARD(EnumSet.of(IN_EVALUATION), Set.of(), "challenge-wrong-status",
                c -> c.challenge().award(List.of(aWinner("bid-1")), c.round(3).getClosesAt())),
        FAIL_AS_NOBODY_WENT_ON(EnumSet.of(IN_EVALUATION), Set.of(), "challenge-wrong-status",
                c -> c.challenge().nobodyAdvanced(c.round(1).getClosesAt())),
        CANCEL(EnumSet.complementOf(EnumSet.copyOf(ENDED)), Set.of(), "challenge-not-cancellable",
                c -> c.challenge().cancel("撤榜", NOW.plus(Duration.ofDays(1))));

        final Set<ChallengeStatus> allowedIn;
        /** Where the command is a late fact about an ended challenge: recorded, nothing else happens. */
        final Set<ChallengeStatus> ignoredIn;
        final String refusal;
        final Consumer<ChallengeWithRounds> action;

        Command(Set<ChallengeStatus> allowedIn, Set<ChallengeStatus> ignoredIn, String refusal,
                Consumer<ChallengeWithRounds> action) {
            this.allowedIn = allowedIn;
            this.ignoredIn = ignoredIn;
            this.refusal = refusal;
            this.action = action;
        }
    }

    static Stream<Arguments> refusedTransitions() {
        return Arrays.stream(Command.values()).flatMap(command -> Arrays.stream(ChallengeStatus.values())
                .filter(s -> !command.allowedIn.contains(s) && !command.ignoredIn.contains(s))
                .map(s -> Arguments.of(command, s)));
    }

    @ParameterizedTest(name = "{0} is refused in {1}")
    @MethodSource("refusedTransitions")
    void aCommandOutsideItsStatusesIsRefusedAndChangesNoStatus(Command command, ChallengeStatus status) {
        ChallengeWithRounds c = aHorseRaceChallenge().withRounds(3).in(status);
        List<RoundStatus> rounds = c.rounds().stream().map(Round::getStatus).toList();
        Instant deadline = c.challenge().getBidClosesAt();

        DomainProblem refused = assertThrows(DomainProblem.class, () -> command.action.accept(c));
        assertEquals(command.refusal, refused.code());
        assertEquals(DomainProblem.Kind.CONFLICT, refused.kind());
        assertEquals(status, c.challenge().getStatus());
        assertEquals(rounds, c.rounds().stream().map(Round::getStatus).toList());
        assertEquals(deadline, c.challenge().getBidClosesAt());
    }

    static Stream<Arguments> lateFacts() {
        return Arrays.stream(Command.values()).flatMap(command -> command.ignoredIn.stream()
                .map(s -> Arguments.of(command, s)));
    }

    @ParameterizedTest(name = "{0} in {1} is only recorded")
    @MethodSource("lateFacts")
    void aScreeningFactAboutAnEndedChallengeChangesNoStatus(Command command, ChallengeStatus status) {
        ChallengeWithRounds c = aHorseRaceChallenge().in(status);
        Instant endedAt = c.challenge().getEndedAt();
        command.action.accept(c);
        assertEquals(status, c.challenge().getStatus());
        assertEquals(endedAt, c.challenge().getEndedAt());
    }
}
