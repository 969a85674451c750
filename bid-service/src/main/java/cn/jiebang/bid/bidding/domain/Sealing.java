package cn.jiebang.bid.bidding.domain;

import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.problem.DomainProblem;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Who may read a bid and its files, and when (ADR 0011, "Sealed"). Its team always. The program office and
 * the owner agency only once bidding has closed (by this service's clock, or the close event if it came
 * first): before, they are told the bids are sealed. Anyone else is answered as if the bid did not exist,
 * so that a refusal reveals nothing. A judge reads the files of a bid it is assigned (ADR 0013).
 */
public final class Sealing {

    private Sealing() {
    }

    /** What a reader is told. */
    public enum Access {
        GRANTED,
        /** The reader will be let in once bidding has closed: 409 {@code bids-sealed}. */
        SEALED,
        /** Not the reader's to see, now or later: the answer to an unknown id. */
        HIDDEN;

        /** Returns if granted; throws {@code bids-sealed}, or the problem an unknown id gets. */
        public void require(@Nullable BiddingChallenge challenge, Supplier<? extends DomainProblem> unknown) {
            if (this == SEALED) {
                throw new BidProblems.BidsSealed(challenge.getChallengeId(), challenge.getBidClosesAt());
            }
            if (this == HIDDEN) {
                throw unknown.get();
            }
        }
    }

    /** A bid led by {@code leadOrganizationId} on the challenge (none: the bid's challenge is not known). */
    public static Access ofBid(Reader reader, String leadOrganizationId, @Nullable BiddingChallenge challenge,
                               Instant now) {
        if (reader.isTeamOf(leadOrganizationId)) {
            return Access.GRANTED;
        }
        return challenge == null ? Access.HIDDEN : ofBidsOf(challenge, reader, now);
    }

    /** All the bids on a challenge: never its teams', only the overseers' after the close. */
    public static Access ofBidsOf(BiddingChallenge challenge, Reader reader, Instant now) {
        if (!reader.oversees(challenge)) {
            return Access.HIDDEN;
        }
        return challenge.isSealedAt(now) ? Access.SEALED : Access.GRANTED;
    }

    /**
     * A file uploaded for the challenge: its organization's team, a JUDGE with an active assignment on a bid
     * that shows it ({@code assignedToShowingBid}, asked of judges only), and the overseers after the close.
     */
    public static Access ofAttachment(Reader reader, Attachment attachment, BooleanSupplier assignedToShowingBid,
                                      @Nullable BiddingChallenge challenge, Instant now) {
        if (reader.has(Reader.JUDGE) && assignedToShowingBid.getAsBoolean()) {
            return Access.GRANTED;
        }
        return ofBid(reader, attachment.organizationId(), challenge, now);
    }
}
