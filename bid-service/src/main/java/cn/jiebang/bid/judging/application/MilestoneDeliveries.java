package cn.jiebang.bid.judging.application;

import cn.jiebang.bid.bidding.domain.Attachments;
import cn.jiebang.bid.bidding.domain.Bid;
import cn.jiebang.bid.bidding.domain.Bids;
import cn.jiebang.bid.challenge.domain.BiddingChallenges;
import cn.jiebang.bid.judging.domain.Assignments;
import cn.jiebang.bid.judging.domain.Deliverable;
import cn.jiebang.bid.judging.domain.Deliverables;
import cn.jiebang.bid.judging.domain.JudgingProblems;
import cn.jiebang.bid.judging.domain.RaceRounds;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deliverables: a team whose bid races in an open MILESTONE round delivers for it, a summary and files its
 * organization uploaded for the challenge, again and again until a judge opens the bid or the round closes.
 * Holds the challenge's row lock, like judging.
 */
@Singleton
public class MilestoneDeliveries {

    private final BiddingChallenges challenges;
    private final RaceRounds rounds;
    private final Assignments assignments;
    private final Bids bids;
    private final Deliverables deliverables;
    private final Attachments attachments;
    private final Clock clock;

    MilestoneDeliveries(BiddingChallenges challenges, RaceRounds rounds, Assignments assignments, Bids bids,
                        Deliverables deliverables, Attachments attachments, Clock clock) {
        this.challenges = challenges;
        this.rounds = rounds;
        this.assignments = assignments;
        this.bids = bids;
        this.deliverables = deliverables;
        this.attachments = attachments;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A team racing in an open MILESTONE round delivers for it (again, until a judge opened the bid). */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Deliverable deliver(String organizationId, String userId, String bidId, int roundIndex, String summary,
                               List<String> attachmentIds) {
        Bid bid = bids.requireLedBy(bidId, organizationId);
        challenges.lock(bid.getChallengeId());
        Instant now = now();
        rounds.findByChallengeIdAndRoundIndex(bid.getChallengeId(), roundIndex)
                .filter(round -> round.takesDeliverableFrom(bidId, now))
                .orElseThrow(() -> new JudgingProblems.NoMilestone(bid.getChallengeId(), roundIndex));
        for (String attachmentId : attachmentIds) {
            if (attachments.findById(attachmentId).filter(a -> a.isOf(organizationId, bid.getChallengeId())).isEmpty()) {
                throw new JudgingProblems.InvalidDeliverable(List.of(new FieldProblem("attachmentIds", attachmentId
                        + " is not a file your organization uploaded for this challenge")));
            }
        }
        Deliverable.requireNotUnderReview(bidId, roundIndex,
                assignments.findByChallengeIdAndRoundIndex(bid.getChallengeId(), roundIndex));
        Optional<Deliverable> earlier = deliverables.findByBidIdAndRoundIndex(bidId, roundIndex);
        if (earlier.isEmpty()) {
            return deliverables.save(Deliverable.first(bidId, roundIndex, summary, attachmentIds, userId, now));
        }
        earlier.get().replace(summary, attachmentIds, userId, now);
        return deliverables.update(earlier.get());
    }

    /** Whether the organization races in an open MILESTONE round of the challenge (and so may upload for it). */
    public boolean racesInOpenMilestone(String challengeId, String organizationId) {
        Set<String> ours = bids.findByChallengeIdOrderByCreatedAt(challengeId).stream()
                .filter(b -> b.isLedBy(organizationId)).map(Bid::getId).collect(Collectors.toSet());
        if (ours.isEmpty()) {
            return false;
        }
        Instant now = now();
        return challenges.require(challengeId).getRounds().stream()
                .map(r -> rounds.findByChallengeIdAndRoundIndex(challengeId, r.index()))
                .flatMap(Optional::stream)
                .anyMatch(round -> ours.stream().anyMatch(bidId -> round.takesDeliverableFrom(bidId, now)));
    }
}
