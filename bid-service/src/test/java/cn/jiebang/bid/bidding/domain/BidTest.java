package cn.jiebang.bid.bidding.domain;

import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.events.BidRevised;
import cn.jiebang.events.BidScreened;
import cn.jiebang.events.BidSubmitted;
import cn.jiebang.events.BidWithdrawn;
import cn.jiebang.problem.DomainProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static cn.jiebang.bid.fixtures.BidBuilder.LEAD;
import static cn.jiebang.bid.fixtures.BidBuilder.TEAM_USER;
import static cn.jiebang.bid.fixtures.BidBuilder.aBid;
import static cn.jiebang.bid.fixtures.BidContentBuilder.aBidContent;
import static cn.jiebang.bid.fixtures.BiddingChallengeBuilder.aBiddingChallenge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bid is live (SUBMITTED) while it is revised; withdrawing or screening ends that, once. */
class BidTest {

    private static final BiddingChallenge CHALLENGE = aBiddingChallenge().build();
    private static final Instant LATER = CHALLENGE.getBidOpensAt().plus(Duration.ofDays(2));
    private static final AttachmentRef PDF = new AttachmentRef("att-1", "技术方案.pdf", "application/pdf", 1024,
            "ab".repeat(32));

    @Test
    void aSubmittedBidIsLiveAtVersionOneWithTheHashOfItsContent() {
        BidContent content = aBidContent().withMembers("member-1").build();
        Bid bid = aBid().on(CHALLENGE).with(content).submitted();
        assertEquals(BidStatus.SUBMITTED, bid.getStatus());
        assertEquals(1, bid.getCurrentVersion());
        assertEquals(Bid.hashOf(CHALLENGE.getChallengeId(), LEAD, content, List.of()), bid.getContentHash());
        assertTrue(bid.getContentHash().matches("[0-9a-f]{64}"));

        Bid.Change first = bid.firstVersion(CHALLENGE, content, List.of());
        assertEquals(new BidVersion(null, bid.getId(), 1, content, List.of(), bid.getContentHash(), TEAM_USER,
                bid.getCreatedAt()), first.version());
        assertEquals(new BidSubmitted(CHALLENGE.getChallengeId(), CHALLENGE.getTitle(), bid.getId(), 1, LEAD, List.of("member-1"),
                TEAM_USER, bid.getContentHash(), bid.getCreatedAt()), first.event());
    }

    @Test
    void theReceiptHashCoversTheAttachmentsTheLeadAndTheChallenge() {
        BidContent content = aBidContent().build();
        String plain = Bid.hashOf("challenge-1", LEAD, content, List.of());
        assertEquals(plain, Bid.hashOf("challenge-1", LEAD, aBidContent().build(), List.of()), "same content, same hash");
        assertNotEquals(plain, Bid.hashOf("challenge-1", LEAD, content, List.of(PDF)));
        assertNotEquals(plain, Bid.hashOf("challenge-1", "other-org", content, List.of()));
        assertNotEquals(plain, Bid.hashOf("challenge-2", LEAD, content, List.of()));
    }

    @Test
    void aBidIsLedByTheOrganizationThatSubmittedItAndNoOther() {
        Bid bid = aBid().on(CHALLENGE).with(aBidContent().withMembers("member-1").build()).submitted();
        assertTrue(bid.isLedBy(LEAD));
        assertFalse(bid.isLedBy("member-1"), "a member organization does not lead it");
        assertFalse(bid.isLedBy(null));
    }

    // ---- revising -----------------------------------------------------------------------------------------------

    @Test
    void revisingTheCurrentVersionMakesTheNextOneByWhoeverOfTheTeamRevisedIt() {
        Bid bid = aBid().on(CHALLENGE).submitted();
        BidContent revised = aBidContent().requesting("900000.00").build();
        Bid.Change change = bid.revise(CHALLENGE, 1, "team-user-2", revised, List.of(PDF), LATER);

        assertEquals(2, bid.getCurrentVersion());
        assertEquals(Bid.hashOf(CHALLENGE.getChallengeId(), LEAD, revised, List.of(PDF)), bid.getContentHash());
        assertEquals(LATER, bid.getUpdatedAt());
        assertEquals(TEAM_USER, bid.getSubmittedBy(), "the bid stays its first submitter's");
        assertEquals(new BidVersion(null, bid.getId(), 2, revised, List.of(PDF), bid.getContentHash(), "team-user-2", LATER),
                change.version());
        assertEquals(new BidRevised(CHALLENGE.getChallengeId(), CHALLENGE.getTitle(), bid.getId(), 2, LEAD, List.of(),
                "team-user-2", bid.getContentHash(), LATER), change.event());
    }

    @Test
    void aRevisionBasedOnAnOlderVersionIsRefusedAndChangesNothing() {
        Bid bid = aBid().on(CHALLENGE).submitted();
        bid.revise(CHALLENGE, 1, TEAM_USER, aBidContent().requesting("900000.00").build(), List.of(), LATER);
        String hash = bid.getContentHash();

        DomainProblem refused = assertThrows(BidProblems.StaleVersion.class, () -> bid.revise(CHALLENGE, 1, TEAM_USER,
                aBidContent().requesting("800000.00").build(), List.of(), LATER.plusSeconds(1)));
        assertEquals("stale-version", refused.code());
        assertEquals(2, bid.getCurrentVersion());
        assertEquals(hash, bid.getContentHash());
        assertEquals(LATER, bid.getUpdatedAt());
    }

    @Test
    void aRevisionAheadOfTheCurrentVersionIsRefused() {
        Bid bid = aBid().on(CHALLENGE).submitted();
        assertThrows(BidProblems.StaleVersion.class,
                () -> bid.revise(CHALLENGE, 2, TEAM_USER, aBidContent().build(), List.of(), LATER));
        assertEquals(1, bid.getCurrentVersion());
    }

    // ---- withdrawing and screening -----------------------------------------------------------------------

    @Test
    void withdrawingEndsTheBid() {
        Bid bid = aBid().on(CHALLENGE).submitted();
        BidWithdrawn withdrawn = bid.withdraw(CHALLENGE, "team-user-2", LATER);
        assertEquals(BidStatus.WITHDRAWN, bid.getStatus());
        assertEquals(LATER, bid.getUpdatedAt());
        assertEquals(new BidWithdrawn(CHALLENGE.getChallengeId(), CHALLENGE.getTitle(), bid.getId(), LEAD, "team-user-2", LATER),
                withdrawn);
    }

    @Test
    void theProgramOfficeScreensABidInWithAReasonTheTeamReads() {
        Bid bid = aBid().on(CHALLENGE).submitted();
        Instant at = CHALLENGE.getBidClosesAt().plus(Duration.ofHours(3));
        BidScreened screened = bid.screen(CHALLENGE, true, "材料齐全", "office-user", false, at);
        assertEquals(BidStatus.SCREENED_IN, bid.getStatus());
        assertEquals("材料齐全", bid.getScreeningReason());
        assertEquals("office-user", bid.getScreenedBy());
        assertEquals(new BidScreened(CHALLENGE.getChallengeId(), CHALLENGE.getTitle(), bid.getId(), LEAD, TEAM_USER,
                "SCREENED_IN", "材料齐全", false, "office-user", at), screened);
    }

    @Test
    void theAutomaticChecksScreenABidOutAsTheSystem() {
        Bid bid = aBid().on(CHALLENGE).submitted();
        Instant at = CHALLENGE.getBidClosesAt();
        BidScreened screened = bid.screen(CHALLENGE, false, "automatic: leadOrganization is in OTHER", "system", true, at);
        assertEquals(BidStatus.SCREENED_OUT, bid.getStatus());
        assertEquals("SCREENED_OUT", screened.decision());
        assertTrue(screened.automatic());
        assertEquals("system", screened.screenedBy());
    }

    // ---- every refused transition ---------------------------------------------------------------------------

    enum Command {
        REVISE((bid, c) -> bid.revise(c, bid.getCurrentVersion(), TEAM_USER, aBidContent().build(), List.of(), LATER)),
        WITHDRAW((bid, c) -> bid.withdraw(c, TEAM_USER, LATER)),
        SCREEN_IN((bid, c) -> bid.screen(c, true, "改判", "office-user", false, LATER)),
        SCREEN_OUT((bid, c) -> bid.screen(c, false, "改判", "office-user", false, LATER));

        final BiConsumer<Bid, BiddingChallenge> action;

        Command(BiConsumer<Bid, BiddingChallenge> action) {
            this.action = action;
        }
    }

    static Stream<Arguments> refusedTransitions() {
        return Arrays.stream(Command.values()).flatMap(command -> Stream.of(BidStatus.WITHDRAWN, BidStatus.SCREENED_IN,
                BidStatus.SCREENED_OUT).map(status -> Arguments.of(command, status)));
    }

    @ParameterizedTest(name = "{0} is refused for a {1} bid")
    @MethodSource("refusedTransitions")
    void aBidThatIsNoLongerLiveIsNeitherRevisedWithdrawnNorScreenedAgain(Command command, BidStatus status) {
        Bid bid = aBid().on(CHALLENGE).in(status);
        Instant updated = bid.getUpdatedAt();
        String reason = bid.getScreeningReason();

        DomainProblem refused = assertThrows(BidProblems.WrongStatus.class, () -> command.action.accept(bid, CHALLENGE));
        assertEquals("bid-wrong-status", refused.code());
        assertEquals(DomainProblem.Kind.CONFLICT, refused.kind());
        assertEquals(status, bid.getStatus());
        assertEquals(1, bid.getCurrentVersion());
        assertEquals(updated, bid.getUpdatedAt());
        assertEquals(reason, bid.getScreeningReason());
    }

    @ParameterizedTest(name = "{0} is taken for a live bid")
    @EnumSource(Command.class)
    void aLiveBidTakesEveryCommand(Command command) {
        Bid bid = aBid().on(CHALLENGE).submitted();
        command.action.accept(bid, CHALLENGE);
        assertEquals(LATER, bid.getUpdatedAt());
    }
}
