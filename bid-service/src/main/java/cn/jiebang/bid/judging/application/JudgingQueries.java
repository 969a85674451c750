package cn.jiebang.bid.judging.application;

import cn.jiebang.bid.bidding.domain.Bid;
import cn.jiebang.bid.bidding.domain.BidVersion;
import cn.jiebang.bid.bidding.domain.BidVersions;
import cn.jiebang.bid.bidding.domain.Bids;
import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.bid.challenge.domain.BiddingChallenges;
import cn.jiebang.bid.judging.domain.Assignment;
import cn.jiebang.bid.judging.domain.Assignments;
import cn.jiebang.bid.judging.domain.Deliverable;
import cn.jiebang.bid.judging.domain.Deliverables;
import cn.jiebang.bid.judging.domain.JudgingProblems;
import cn.jiebang.bid.judging.domain.RaceRound;
import cn.jiebang.bid.judging.domain.RaceRounds;
import cn.jiebang.bid.judging.domain.TeamResult;
import cn.jiebang.bid.ranking.domain.Ranking;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * What judging shows, and to whom: a judge its own assignments and the bids given to it, a team its own result
 * once announced, the program office a closed round's ranking. Nothing here changes anything.
 */
@Singleton
public class JudgingQueries {

    private final BiddingChallenges challenges;
    private final RaceRounds rounds;
    private final Assignments assignments;
    private final Bids bids;
    private final BidVersions versions;
    private final Deliverables deliverables;
    private final RoundRanking ranking;

    JudgingQueries(BiddingChallenges challenges, RaceRounds rounds, Assignments assignments, Bids bids,
                   BidVersions versions, Deliverables deliverables, RoundRanking ranking) {
        this.challenges = challenges;
        this.rounds = rounds;
        this.assignments = assignments;
        this.bids = bids;
        this.versions = versions;
        this.deliverables = deliverables;
        this.ranking = ranking;
    }

    /** A bid as it is given to its judge: its current version and, in a MILESTONE round, the team's deliverable. */
    public record AssignedBid(Bid bid, BidVersion current, @Nullable Deliverable deliverable) {
    }

    /** The judge's assignments, oldest first, withdrawn ones included. */
    public List<Assignment> assignmentsOf(String judgeId) {
        return assignments.findByJudgeIdOrderByCreatedAt(judgeId);
    }

    /** The judge's own assignment; any other is "not found". */
    public Assignment own(String judgeId, String assignmentId) {
        return assignments.requireJudgedBy(assignmentId, judgeId);
    }

    /** In a blind round a judge sees neither the team nor the bid's id. */
    public boolean isBlind(Assignment assignment) {
        return challenges.require(assignment.getChallengeId()).round(assignment.getRoundIndex()).blind();
    }

    public AssignedBid assignedBid(Assignment assignment) {
        Bid bid = bids.require(assignment.getBidId());
        boolean milestone = challenges.require(assignment.getChallengeId()).round(assignment.getRoundIndex())
                .takesDeliverables();
        return new AssignedBid(bid, versions.currentOf(bid), milestone ? deliverables
                .findByBidIdAndRoundIndex(assignment.getBidId(), assignment.getRoundIndex()).orElse(null) : null);
    }

    /** Whether the judge has an active assignment on a bid that shows this attachment (in its version or deliverables). */
    public boolean judgeMaySee(String judgeId, String attachmentId) {
        return assignments.findByJudgeIdOrderByCreatedAt(judgeId).stream()
                .filter(a -> a.getStatus() == Assignment.Status.ACTIVE)
                .anyMatch(a -> versions.currentOf(bids.require(a.getBidId())).attachments().stream()
                        .anyMatch(ref -> ref.attachmentId().equals(attachmentId))
                        || deliverables.findByBidId(a.getBidId()).stream()
                        .anyMatch(d -> d.getAttachmentIds().contains(attachmentId)));
    }

    /** A team's own result in an announced round; another organization's bid is "not found". */
    public TeamResult resultOf(String organizationId, String bidId, int roundIndex) {
        Bid bid = bids.requireLedBy(bidId, organizationId);
        RaceRound round = rounds.findByChallengeIdAndRoundIndex(bid.getChallengeId(), roundIndex)
                .orElseThrow(() -> new JudgingProblems.NotAnnounced(bid.getChallengeId(), roundIndex));
        RaceRound.AnnouncedResult announced = round.announcedResultOf(bidId);
        return TeamResult.of(announced, roundIndex, assignments.findByChallengeIdAndRoundIndex(bid.getChallengeId(),
                roundIndex).stream().filter(a -> a.getBidId().equals(bidId) && a.isScored()).toList());
    }

    /** The ranking of a closed round, recomputed from the stored scores: the same every time. */
    public List<Ranking.Result> ranking(String challengeId, int roundIndex) {
        BiddingChallenge challenge = challenges.require(challengeId);
        RaceRound round = rounds.findByChallengeIdAndRoundIndex(challengeId, roundIndex)
                .orElseThrow(() -> new JudgingProblems.RoundNotClosed(challengeId, roundIndex));
        round.requireClosedForRanking();
        return ranking.rank(challenge, round);
    }
}
