package cn.jiebang.bid.bidding.domain;

import cn.jiebang.bid.bidding.domain.Sealing.Access;
import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.problem.DomainProblem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static cn.jiebang.bid.fixtures.BiddingChallengeBuilder.aBiddingChallenge;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * ADR 0011's seal: a bid of lead-org on a challenge owned by owner-org, whose window closes at {@code CLOSES}.
 * Its team reads it always; the program office and the owner agency after the close; nobody else ever.
 */
class SealingTest {

    private static final BiddingChallenge CHALLENGE = aBiddingChallenge().build();
    private static final Instant CLOSES = CHALLENGE.getBidClosesAt();
    private static final Instant BEFORE = CLOSES.minus(Duration.ofHours(1));

    private static Reader reader(String organizationId, String... roles) {
        return new Reader("user-1", organizationId, Set.of(roles));
    }

    private static final Reader TEAM = reader("lead-org", Reader.TEAM);
    private static final Reader OTHER_TEAM = reader("other-org", Reader.TEAM);
    private static final Reader JUDGE_OF_LEAD = reader("lead-org", Reader.JUDGE);
    private static final Reader OFFICE = reader(null, Reader.ADMIN);
    private static final Reader OWNER_AGENCY = reader("owner-org", Reader.AGENCY);
    private static final Reader OTHER_AGENCY = reader("other-org", Reader.AGENCY);

    private static Access ofBid(Reader reader, Instant now) {
        return Sealing.ofBid(reader, "lead-org", CHALLENGE, now);
    }

    @Test
    void itsTeamReadsABidBeforeAndAfterTheClose() {
        assertEquals(Access.GRANTED, ofBid(TEAM, BEFORE));
        assertEquals(Access.GRANTED, ofBid(TEAM, CLOSES));
        assertEquals(Access.GRANTED, Sealing.ofBid(TEAM, "lead-org", null, BEFORE), "whatever is known of the challenge");
    }

    @Test
    void theProgramOfficeAndTheOwnerAgencyAreToldToWaitForTheClose() {
        assertEquals(Access.SEALED, ofBid(OFFICE, BEFORE));
        assertEquals(Access.SEALED, ofBid(OWNER_AGENCY, BEFORE));
        assertEquals(Access.SEALED, ofBid(OFFICE, CLOSES.minusMillis(1)));
    }

    @Test
    void theSealBreaksAtTheDeadlineByThisServicesClock() {
        assertEquals(Access.GRANTED, ofBid(OFFICE, CLOSES));
        assertEquals(Access.GRANTED, ofBid(OWNER_AGENCY, CLOSES));
    }

    @Test
    void theSealBreaksWhenTheCloseEventComesBeforeTheDeadline() {
        BiddingChallenge closedEarly = aBiddingChallenge().build();
        closedEarly.closeBidding(3, BEFORE.minusSeconds(60));
        assertEquals(Access.GRANTED, Sealing.ofBid(OFFICE, "lead-org", closedEarly, BEFORE));
    }

    @Test
    void anyoneElseIsAnsweredAsIfTheBidDidNotExistBeforeAndAfterTheClose() {
        for (Reader stranger : new Reader[]{OTHER_TEAM, JUDGE_OF_LEAD, OTHER_AGENCY, reader("lead-org")}) {
            assertEquals(Access.HIDDEN, ofBid(stranger, BEFORE), stranger.toString());
            assertEquals(Access.HIDDEN, ofBid(stranger, CLOSES), stranger.toString());
        }
    }

    @Test
    void aBidOfAChallengeNotKnownIsHiddenFromTheOverseers() {
        assertEquals(Access.HIDDEN, Sealing.ofBid(OFFICE, "lead-org", null, CLOSES));
    }

    @Test
    void allTheBidsOfAChallengeAreForItsOverseersAfterTheCloseOnly() {
        assertEquals(Access.SEALED, Sealing.ofBidsOf(CHALLENGE, OWNER_AGENCY, BEFORE));
        assertEquals(Access.GRANTED, Sealing.ofBidsOf(CHALLENGE, OWNER_AGENCY, CLOSES));
        assertEquals(Access.GRANTED, Sealing.ofBidsOf(CHALLENGE, OFFICE, CLOSES));
        assertEquals(Access.HIDDEN, Sealing.ofBidsOf(CHALLENGE, OTHER_AGENCY, CLOSES));
        assertEquals(Access.HIDDEN, Sealing.ofBidsOf(CHALLENGE, TEAM, CLOSES), "a team reads its own bids only");
    }

    private static final Attachment PDF = new Attachment("att-1", CHALLENGE.getChallengeId(), "lead-org", "team-user",
            "方案.pdf", "application/pdf", 1024, "ab".repeat(32), BEFORE);

    @Test
    void aFileIsReadByTheTeamOfTheOrganizationThatUploadedIt() {
        assertEquals(Access.GRANTED, Sealing.ofAttachment(TEAM, PDF, () -> false, CHALLENGE, BEFORE));
        assertEquals(Access.HIDDEN, Sealing.ofAttachment(OTHER_TEAM, PDF, () -> false, CHALLENGE, BEFORE));
    }

    @Test
    void aFileIsReadByAJudgeAssignedABidThatShowsItBeforeTheClose() {
        Reader judge = reader("judge-org", Reader.JUDGE);
        assertEquals(Access.GRANTED, Sealing.ofAttachment(judge, PDF, () -> true, CHALLENGE, BEFORE));
        assertEquals(Access.HIDDEN, Sealing.ofAttachment(judge, PDF, () -> false, CHALLENGE, CLOSES));
    }

    @Test
    void onlyAJudgeIsAskedWhetherItIsAssigned() {
        AtomicBoolean asked = new AtomicBoolean();
        assertEquals(Access.HIDDEN, Sealing.ofAttachment(OTHER_TEAM, PDF, () -> asked.getAndSet(true), CHALLENGE,
                CLOSES));
        assertFalse(asked.get());
    }

    @Test
    void aFileIsSealedFromTheOverseersUntilTheClose() {
        assertEquals(Access.SEALED, Sealing.ofAttachment(OFFICE, PDF, () -> false, CHALLENGE, BEFORE));
        assertEquals(Access.GRANTED, Sealing.ofAttachment(OWNER_AGENCY, PDF, () -> false, CHALLENGE, CLOSES));
    }

    @Test
    void aSealedReaderIsToldWhenTheSealBreaksAndAHiddenOneGetsTheAnswerToAnUnknownId() {
        DomainProblem sealed = assertThrows(DomainProblem.class,
                () -> Access.SEALED.require(CHALLENGE, () -> new BidProblems.BidNotFound("bid-1")));
        assertEquals("bids-sealed", sealed.code());
        assertEquals(DomainProblem.Kind.CONFLICT, sealed.kind());

        BidProblems.BidNotFound unknown = new BidProblems.BidNotFound("bid-1");
        assertSame(unknown, assertThrows(DomainProblem.class, () -> Access.HIDDEN.require(CHALLENGE, () -> unknown)));
        assertDoesNotThrow(() -> Access.GRANTED.require(CHALLENGE, () -> unknown));
    }
}
