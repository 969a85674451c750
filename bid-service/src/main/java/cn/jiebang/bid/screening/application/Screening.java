package cn.jiebang.bid.screening.application;

import cn.jiebang.bid.account.domain.KnownOrganization;
import cn.jiebang.bid.account.domain.KnownOrganizations;
import cn.jiebang.bid.bidding.domain.Bid;
import cn.jiebang.bid.bidding.domain.BidProblems;
import cn.jiebang.bid.bidding.domain.BidRules;
import cn.jiebang.bid.bidding.domain.BidStatus;
import cn.jiebang.bid.bidding.domain.BidVersion;
import cn.jiebang.bid.bidding.domain.BidVersions;
import cn.jiebang.bid.bidding.domain.Bids;
import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.bid.challenge.domain.BiddingChallenges;
import cn.jiebang.events.ChallengeBiddingClosed;
import cn.jiebang.events.ScreeningCompleted;
import cn.jiebang.events.ScreeningStarted;
import cn.jiebang.messaging.Outbox;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * 形式审查. When bidding closes, the eligibility rules run again on each live bid's last version (an
 * organization may have moved or changed kind since) and screen out those that now fail; the program office
 * then screens the rest in or out with a reason. The count goes out at the start, the tally at the end,
 * each once: every step holds the challenge's row lock.
 */
@Singleton
public class Screening {

    static final String SYSTEM = "system";

    private final BiddingChallenges challenges;
    private final Bids bids;
    private final BidVersions versions;
    private final KnownOrganizations organizations;
    private final Outbox outbox;
    private final Clock clock;

    Screening(BiddingChallenges challenges, Bids bids, BidVersions versions, KnownOrganizations organizations,
              Outbox outbox, Clock clock) {
        this.challenges = challenges;
        this.bids = bids;
        this.versions = versions;
        this.organizations = organizations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeBiddingClosed event) {
        Optional<BiddingChallenge> known = challenges.lockById(event.challengeId());
        if (known.isEmpty() || known.get().isBiddingClosed()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BiddingChallenge challenge = known.get();
        List<Bid> live = bids.findByChallengeIdAndStatus(challenge.getChallengeId(), BidStatus.SUBMITTED);
        ScreeningStarted started = challenge.closeBidding(live.size(), now);
        challenges.update(challenge);
        outbox.add(started);
        for (Bid bid : live) {
            List<FieldProblem> problems = recheck(challenge, bid);
            if (!problems.isEmpty()) {
                String reason = "automatic eligibility check: " + problems.stream()
                        .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
                outbox.add(bid.screen(challenge, false, reason, SYSTEM, true, now));
                bids.update(bid);
            }
        }
        completeIfDone(challenge, now);
    }

    private List<FieldProblem> recheck(BiddingChallenge challenge, Bid bid) {
        BidVersion last = versions.currentOf(bid);
        Optional<KnownOrganization> lead = organizations.findById(bid.getLeadOrganizationId());
        if (lead.isEmpty()) {
            return List.of(new FieldProblem("leadOrganization", "is no longer registered"));
        }
        Map<String, KnownOrganization> members = new HashMap<>();
        last.content().memberOrganizationIds().forEach(id -> organizations.findById(id).ifPresent(o -> members.put(id, o)));
        return BidRules.problems(challenge, lead.get(), members, last.content());
    }

    /**
     * The program office screens a bid in or out after the close, with the reason the team will read. READ
     * COMMITTED, after the challenge's lock: the last of two concurrent decisions sees the other and completes.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Bid decide(String bidId, boolean in, String reason, String screenedBy) {
        Bid bid = bids.require(bidId);
        BiddingChallenge challenge = challenges.lock(bid.getChallengeId());
        if (!challenge.isBiddingClosed()) {
            throw new BidProblems.ScreeningNotOpen(challenge.getChallengeId());
        }
        bid = bids.require(bidId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        outbox.add(bid.screen(challenge, in, reason, screenedBy, false, now));
        Bid saved = bids.update(bid);
        completeIfDone(challenge, now);
        return saved;
    }

    private void completeIfDone(BiddingChallenge challenge, Instant now) {
        List<Bid> all = bids.findByChallengeIdOrderByCreatedAt(challenge.getChallengeId());
        if (all.stream().anyMatch(b -> b.getStatus() == BidStatus.SUBMITTED)) {
            return;
        }
        int in = (int) all.stream().filter(b -> b.getStatus() == BidStatus.SCREENED_IN).count();
        int out = (int) all.stream().filter(b -> b.getStatus() == BidStatus.SCREENED_OUT).count();
        if (in + out > 0) {
            outbox.add(new ScreeningCompleted(challenge.getChallengeId(), in, out, now));
        }
    }
}
