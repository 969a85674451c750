package cn.jiebang.bid.bidding.domain;

import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.problem.DomainProblem;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Why bid-service refuses a bid, each with its stable problem type. */
public final class BidProblems {

    private BidProblems() {
    }

    public static class InvalidBid extends DomainProblem {
        public InvalidBid(List<FieldProblem> problems) {
            super(Kind.REJECTED, "invalid-bid", problems.stream().map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; ")), problems);
        }
    }

    public static class BidWindowClosed extends DomainProblem {
        public BidWindowClosed(BiddingChallenge challenge, Instant now) {
            super(Kind.CONFLICT, "bid-window-closed", challenge.isCancelled()
                    ? "challenge " + challenge.getChallengeId() + " was cancelled"
                    : "bids on challenge " + challenge.getChallengeId() + " are taken from " + challenge.getBidOpensAt()
                    + " until (not at) " + challenge.getBidClosesAt() + "; the server's time is " + now);
        }
    }

    public static class DuplicateBid extends DomainProblem {
        public DuplicateBid(String challengeId, String organizationId) {
            super(Kind.CONFLICT, "duplicate-bid", "organization " + organizationId + " already leads a live bid on "
                    + challengeId + "; revise that bid instead");
        }
    }

    public static class BidCapReached extends DomainProblem {
        public BidCapReached(String challengeId, String organizationId, int cap) {
            super(Kind.CONFLICT, "bid-cap-reached", "organization " + organizationId + " already leads " + cap
                    + " live bids on " + challengeId + ", the most the challenge allows");
        }
    }

    public static class OrganizationNotKnown extends DomainProblem {
        public OrganizationNotKnown(String organizationId) {
            super(Kind.CONFLICT, "organization-not-known", "organization " + organizationId
                    + " has not reached bid-service yet; try again in a moment");
        }
    }

    public static class BidNotFound extends DomainProblem {
        public BidNotFound(String bidId) {
            super(Kind.NOT_FOUND, "bid-not-found", "no bid " + bidId);
        }
    }

    public static class StaleVersion extends DomainProblem {
        public StaleVersion(String bidId, int base, int current) {
            super(Kind.CONFLICT, "stale-version", "the revision is based on version " + base + " of bid " + bidId
                    + ", but version " + current + " is the latest; start from it");
        }
    }

    public static class WrongStatus extends DomainProblem {
        public WrongStatus(String bidId, BidStatus status, String action) {
            super(Kind.CONFLICT, "bid-wrong-status", "bid " + bidId + " is " + status + " and cannot be " + action);
        }
    }

    public static class IdempotencyKeyReused extends DomainProblem {
        public IdempotencyKeyReused(String key) {
            super(Kind.REJECTED, "idempotency-key-reused", "Idempotency-Key " + key
                    + " was used for a different request; use a new key for a new request");
        }
    }

    public static class BidsSealed extends DomainProblem {
        public BidsSealed(String challengeId, Instant closesAt) {
            super(Kind.CONFLICT, "bids-sealed", "the bids of challenge " + challengeId + " are sealed until bidding "
                    + "closes at " + closesAt);
        }
    }

    public static class ScreeningNotOpen extends DomainProblem {
        public ScreeningNotOpen(String challengeId) {
            super(Kind.CONFLICT, "screening-not-open", "challenge " + challengeId
                    + " is not in screening: bidding has not closed yet");
        }
    }
}
