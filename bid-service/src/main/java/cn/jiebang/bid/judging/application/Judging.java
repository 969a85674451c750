package cn.jiebang.bid.judging.application;

import cn.jiebang.bid.bidding.domain.Bid;
import cn.jiebang.bid.bidding.domain.BidStatus;
import cn.jiebang.bid.bidding.domain.Bids;
import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.bid.challenge.domain.BiddingChallenges;
import cn.jiebang.bid.challenge.domain.RoundRules;
import cn.jiebang.bid.judging.domain.Assignment;
import cn.jiebang.bid.judging.domain.Assignments;
import cn.jiebang.bid.judging.domain.Deliverables;
import cn.jiebang.bid.judging.domain.JudgingProblems;
import cn.jiebang.bid.judging.domain.PanelAssignment;
import cn.jiebang.bid.judging.domain.RaceRound;
import cn.jiebang.bid.judging.domain.RaceRounds;
import cn.jiebang.bid.judging.domain.ScoreSheet;
import cn.jiebang.bid.ranking.domain.Ranking;
import cn.jiebang.events.JudgesAssigned;
import cn.jiebang.events.RoundAnnounced;
import cn.jiebang.events.RoundClosed;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.messaging.Outbox;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Judging a round in bid-service, what changes: the bids race in it when challenge-service opens it, judges of the
 * panel are assigned (conflicts of organization excluded, load balanced), a judge may declare a conflict before
 * opening a bid and is replaced, judges score sealed, and when the round closes the ranking is computed
 * ({@link Ranking}) and published. Every step holds the challenge's row lock, like bidding and screening. What
 * judges and teams read is {@link JudgingQueries}; deliverables are {@link MilestoneDeliveries}.
 */
@Singleton
public class Judging {

    private final BiddingChallenges challenges;
    private final RaceRounds rounds;
    private final Assignments assignments;
    private final Bids bids;
    private final Deliverables deliverables;
    private final PanelParties parties;
    private final RoundRanking ranking;
    private final Outbox outbox;
    private final Clock clock;

    Judging(BiddingChallenges challenges, RaceRounds rounds, Assignments assignments, Bids bids,
            Deliverables deliverables, PanelParties parties, RoundRanking ranking, Outbox outbox, Clock clock) {
        this.challenges = challenges;
        this.rounds = rounds;
        this.assignments = assignments;
        this.bids = bids;
        this.deliverables = deliverables;
        this.parties = parties;
        this.ranking = ranking;
        this.outbox = outbox;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional(propagation = MANDATORY)
    public void on(RoundOpened event) {
        BiddingChallenge challenge = challenges.lock(event.challengeId());
        if (rounds.findByChallengeIdAndRoundIndex(event.challengeId(), event.roundIndex()).isPresent()) {
            return;
        }
        Instant now = now();
        List<String> racing = RaceRound.racing(event.roundIndex(), event.bidIds(), () -> bids
                .findByChallengeIdAndStatus(event.challengeId(), BidStatus.SCREENED_IN).stream().map(Bid::getId).toList());
        rounds.save(RaceRound.open(event, racing, now));
        PanelAssignment.Plan plan = PanelAssignment.assign(racing.stream().map(parties::bid).toList(),
                parties.panel(event.judgeIds(), event.judgeOrganizationIds()), event.minJudgesPerBid());
        List<JudgesAssigned.Assignment> made = new ArrayList<>();
        plan.judgesByBid().forEach((bidId, judges) -> judges.forEach(judge -> {
            Assignment a = assignments.save(Assignment.of(event.challengeId(), event.roundIndex(), bidId, judge, now));
            made.add(new JudgesAssigned.Assignment(a.getId(), bidId, judge));
        }));
        outbox.add(new JudgesAssigned(challenge.getChallengeId(), event.roundIndex(), "INITIAL", made, null, null,
                plan.shortOfJudges(), now));
    }

    /** Opens the bid for its judge: from now on a conflict can no longer be declared on it. */
    @Transactional
    public Assignment open(String judgeId, String assignmentId) {
        Assignment assignment = assignments.requireJudgedBy(assignmentId, judgeId);
        requireActiveInOpenRound(assignment);
        requireDeliverableIfMilestone(assignment);
        assignment.open(now());
        return assignments.update(assignment);
    }

    /** 回避: withdraws the assignment and gives the bid to another eligible judge of the panel, if there is one. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Assignment declareConflict(String judgeId, String assignmentId, String reason) {
        challenges.lock(assignments.requireJudgedBy(assignmentId, judgeId).getChallengeId());
        Assignment assignment = assignments.requireJudgedBy(assignmentId, judgeId);
        RaceRound round = requireActiveInOpenRound(assignment);
        assignment.declareConflict(reason);
        Assignment withdrawn = assignments.update(assignment);
        Set<String> beenOnIt = new HashSet<>();
        Map<String, Integer> load = new HashMap<>();
        for (Assignment a : assignments.findByChallengeIdAndRoundIndex(withdrawn.getChallengeId(),
                withdrawn.getRoundIndex())) {
            if (a.getBidId().equals(withdrawn.getBidId())) {
                beenOnIt.add(a.getJudgeId());
            }
            if (a.getStatus() == Assignment.Status.ACTIVE) {
                load.merge(a.getJudgeId(), 1, Integer::sum);
            }
        }
        Instant now = now();
        Optional<String> next = PanelAssignment.replacement(parties.bid(withdrawn.getBidId()),
                parties.panel(round.getJudgeIds(), round.getJudgeOrganizationIds()), beenOnIt, load);
        List<JudgesAssigned.Assignment> made = new ArrayList<>();
        next.ifPresent(judge -> {
            Assignment replacement = assignments.save(Assignment.of(withdrawn.getChallengeId(),
                    withdrawn.getRoundIndex(), withdrawn.getBidId(), judge, now));
            made.add(new JudgesAssigned.Assignment(replacement.getId(), replacement.getBidId(), replacement.getJudgeId()));
        });
        outbox.add(new JudgesAssigned(withdrawn.getChallengeId(), withdrawn.getRoundIndex(), "CONFLICT", made, judgeId,
                withdrawn.getId(), next.isEmpty() ? List.of(withdrawn.getBidId()) : List.of(), now));
        return withdrawn;
    }

    /** A judge's sheet for every criterion, within 0..max and with a comment; revisable until the round closes. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Assignment score(String judgeId, String assignmentId, ScoreSheet sheet) {
        BiddingChallenge challenge = challenges.lock(assignments.requireJudgedBy(assignmentId, judgeId)
                .getChallengeId());
        Assignment assignment = assignments.requireJudgedBy(assignmentId, judgeId);
        RaceRound round = requireActiveInOpenRound(assignment);
        requireDeliverableIfMilestone(assignment);
        RoundRules rules = challenge.round(assignment.getRoundIndex());
        Instant now = now();
        assignment.score(sheet.checkedAgainst(rules), now).ifPresent(outbox::add);
        Assignment scored = assignments.update(assignment);
        round.completeScoring(assignments.findByChallengeIdAndRoundIndex(round.getChallengeId(), round.getRoundIndex()),
                rules.minJudgesPerBid(), now).ifPresent(completed -> {
                    rounds.update(round);
                    outbox.add(completed);
                });
        return scored;
    }

    /** In a MILESTONE round judges score the deliverable: nothing to open or score before the team delivered. */
    private void requireDeliverableIfMilestone(Assignment assignment) {
        if (challenges.require(assignment.getChallengeId()).round(assignment.getRoundIndex()).takesDeliverables()
                && deliverables.findByBidIdAndRoundIndex(assignment.getBidId(), assignment.getRoundIndex()).isEmpty()) {
            throw new JudgingProblems.NoDeliverableYet(assignment.getBidId(), assignment.getRoundIndex());
        }
    }

    private RaceRound requireActiveInOpenRound(Assignment assignment) {
        assignment.requireActive();
        RaceRound round = rounds.findByChallengeIdAndRoundIndex(assignment.getChallengeId(), assignment.getRoundIndex())
                .orElseThrow();
        round.requireOpenForJudging(challenges.require(assignment.getChallengeId()));
        return round;
    }

    /** The round closed: no more scoring; the ranking is computed from the scores and published. */
    @Transactional(propagation = MANDATORY)
    public void on(RoundClosed event) {
        BiddingChallenge challenge = challenges.lock(event.challengeId());
        RaceRound round = rounds.findByChallengeIdAndRoundIndex(event.challengeId(), event.roundIndex()).orElse(null);
        if (round == null || !round.isOpen()) {
            return;
        }
        Instant now = now();
        round.close(event.forced(), now);
        rounds.update(round);
        outbox.add(ranking.published(challenge, round, now));
    }

    /** challenge-service announced the round's results: from now on each team reads its own. */
    @Transactional(propagation = MANDATORY)
    public void on(RoundAnnounced event) {
        rounds.findByChallengeIdAndRoundIndex(event.challengeId(), event.roundIndex()).ifPresent(round -> {
            round.announce(event.results().stream().map(r -> new RaceRound.AnnouncedResult(r.bidId(), r.aggregate(),
                    r.rank(), r.decision(), r.flagged())).toList(), now());
            rounds.update(round);
        });
    }
}
