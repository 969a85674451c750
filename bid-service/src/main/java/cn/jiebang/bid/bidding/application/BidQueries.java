package cn.jiebang.bid.bidding.application;

import cn.jiebang.bid.bidding.domain.Bid;
import cn.jiebang.bid.bidding.domain.BidProblems;
import cn.jiebang.bid.bidding.domain.BidVersion;
import cn.jiebang.bid.bidding.domain.BidVersions;
import cn.jiebang.bid.bidding.domain.Bids;
import cn.jiebang.bid.bidding.domain.Reader;
import cn.jiebang.bid.bidding.domain.Sealing;
import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.bid.challenge.domain.BiddingChallenges;
import cn.jiebang.bid.challenge.domain.ChallengeNotOpenForBids;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * Reading bids and their versions, each as {@link Sealing} allows: a refusal that must not reveal anything is the
 * answer to an unknown id, word for word.
 */
@Singleton
public class BidQueries {

    private final Bids bids;
    private final BidVersions versions;
    private final BiddingChallenges challenges;
    private final Clock clock;

    BidQueries(Bids bids, BidVersions versions, BiddingChallenges challenges, Clock clock) {
        this.bids = bids;
        this.versions = versions;
        this.challenges = challenges;
        this.clock = clock;
    }

    /** A bid with the version it points at. */
    public record BidRead(Bid bid, BidVersion current) {
    }

    /** A published challenge with its bid window; an unknown one is {@code challenge-not-found}. */
    public BiddingChallenge challenge(String challengeId) {
        return challenges.require(challengeId);
    }

    public BidRead withCurrentVersion(Bid bid) {
        return new BidRead(bid, versions.currentOf(bid));
    }

    /** The bids the organization leads, newest first. */
    public Page<BidRead> ledBy(@Nullable String organizationId, int page, int size) {
        return bids.findByLeadOrganizationId(organizationId,
                        Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))))
                .map(this::withCurrentVersion);
    }

    public BidRead read(Reader reader, String bidId) {
        Bid bid = bids.require(bidId);
        BiddingChallenge challenge = challenges.findById(bid.getChallengeId()).orElse(null);
        Sealing.ofBid(reader, bid.getLeadOrganizationId(), challenge, clock.instant())
                .require(challenge, () -> new BidProblems.BidNotFound(bidId));
        return withCurrentVersion(bid);
    }

    /** Every version of the organization's own bid, oldest first. */
    public List<BidVersion> versionsOf(@Nullable String organizationId, String bidId) {
        bids.requireLedBy(bidId, organizationId);
        return versions.findByBidIdOrderByVersionNo(bidId);
    }

    public BidVersion version(@Nullable String organizationId, String bidId, int version) {
        bids.requireLedBy(bidId, organizationId);
        return versions.findByBidIdAndVersionNo(bidId, version)
                .orElseThrow(() -> new BidProblems.BidNotFound(bidId + " version " + version));
    }

    /** All the bids on a challenge, oldest first, withdrawn ones included: for its overseers after the close. */
    public List<BidRead> ofChallenge(Reader reader, String challengeId) {
        BiddingChallenge challenge = challenges.require(challengeId);
        // to anyone else, the same answer as for an unknown challenge
        Sealing.ofBidsOf(challenge, reader, clock.instant())
                .require(challenge, () -> new ChallengeNotOpenForBids(challengeId));
        return bids.findByChallengeIdOrderByCreatedAt(challengeId).stream().map(this::withCurrentVersion).toList();
    }
}
