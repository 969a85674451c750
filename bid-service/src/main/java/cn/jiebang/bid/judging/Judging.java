package cn.jiebang.bid.judging;

import cn.jiebang.bid.domain.Bid;
import cn.jiebang.bid.domain.BidStatus;
import cn.jiebang.bid.domain.BidVersion;
import cn.jiebang.bid.domain.BidVersions;
import cn.jiebang.bid.domain.BiddingChallenge;
import cn.jiebang.bid.domain.BiddingChallenges;
import cn.jiebang.bid.domain.Bids;
import cn.jiebang.bid.domain.KnownUser;
import cn.jiebang.bid.domain.KnownUsers;
import cn.jiebang.bid.domain.RoundRules;
import cn.jiebang.bid.ranking.Ranking;
import cn.jiebang.events.AssignmentScored;
import cn.jiebang.events.JudgesAssigned;
import cn.jiebang.events.RoundClosed;
import cn.jiebang.events.RoundAnnounced;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.events.RoundRanked;
import cn.jiebang.events.ScoringCompleted;
import cn.jiebang.messaging.Outbox;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Judging a round in bid-service: the bids race in it when challenge-service opens it, judges of the panel
 * are assigned (conflicts of organization excluded, load balanced), a judge may declare a conflict before
 * opening a bid and is replaced, judges score sealed, and when the round closes the ranking is computed
 * ({@link Ranking}) and published. Every step holds the challenge's row lock, like bidding and screening.
 */
@Singleton
public class Judging {

    private final BiddingChallenges challenges;
    private final RaceRounds rounds;
    private final Assignments assignments;
    private final Bids bids;
    private final BidVersions versions;
    private final KnownUsers users;
    private final Outbox outbox;
    private final Clock clock;
    private final Deliverables deliverables;
    private final AttachmentOwnership attachmentsOfOrganization;

    /** Whether an attachment was uploaded by an organization for a challenge. */
    @FunctionalInterface
    interface AttachmentOwnership {
        boolean test(String attachmentId, String organizationId, String challengeId);
    }

    Judging(BiddingChallenges challenges, RaceRounds rounds, Assignments assignments, Bids bids, BidVersions versions,
            KnownUsers users, Outbox outbox, Clock clock, Deliverables deliverables,
            cn.jiebang.bid.domain.Attachments attachments) {
        this.deliverables = deliverables;
        this.attachmentsOfOrganization = (id, org, challenge) -> attachments.findById(id)
                .filter(a -> a.organizationId().equals(org) && a.challengeId().equals(challenge)).isPresent();
        this.challenges = challenges;
        this.rounds = rounds;
        this.assignments = assignments;
        this.bids = bids;
        this.versions = versions;
        this.users = users;
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
        List<String> racing = event.bidIds().isEmpty() && event.roundIndex() == 1
                ? bids.findByChallengeIdAndStatus(event.challengeId(), BidStatus.SCREENED_IN).stream().map(Bid::getId)
                .sorted().toList()
                : event.bidIds().stream().sorted().toList();
        rounds.save(new RaceRound(null, event.challengeId(), event.roundIndex(), RaceRound.Status.OPEN,
                event.judgeIds(), racing, now, null, null, false, event.closesAt(), event.kind(), null, null,
                event.judgeOrganizationIds(), null));
        List<PanelAssignment.Judge> panel = panel(event.judgeIds(), event.judgeOrganizationIds());
        PanelAssignment.Plan plan = PanelAssignment.assign(racing.stream().map(this::parties).toList(), panel,
                event.minJudgesPerBid());
        List<JudgesAssigned.Assignment> made = new ArrayList<>();
        plan.judgesByBid().forEach((bidId, judges) -> judges.forEach(judge -> {
            Assignment a = assignments.save(Assignment.of(event.challengeId(), event.roundIndex(), bidId, judge, now));
            made.add(new JudgesAssigned.Assignment(a.id(), bidId, judge));
        }));
        outbox.add(new JudgesAssigned(challenge.challengeId(), event.roundIndex(), "INITIAL", made, null, null,
                plan.shortOfJudges(), now));
    }

    /**
     * The panel with each judge's organization: as round.opened.v1 carried it, else (older events) from the
     * account copy; a judge whose organization is unknown is never eligible.
     */
    private List<PanelAssignment.Judge> panel(List<String> judgeIds, @io.micronaut.core.annotation.Nullable List<String> organizations) {
        List<PanelAssignment.Judge> panel = new ArrayList<>();
        for (int i = 0; i < judgeIds.size(); i++) {
            String id = judgeIds.get(i);
            String organization = organizations != null && organizations.size() == judgeIds.size() ? organizations.get(i)
                    : users.findById(id).map(KnownUser::organizationId).orElse(null);
            panel.add(new PanelAssignment.Judge(id, organization));
        }
        return panel;
    }

    private PanelAssignment.Bid parties(String bidId) {
        Bid bid = bids.require(bidId);
        Set<String> organizations = new HashSet<>(current(bid).content().memberOrganizationIds());
        organizations.add(bid.getLeadOrganizationId());
        return new PanelAssignment.Bid(bidId, organizations);
    }

    private BidVersion current(Bid bid) {
        return versions.findByBidIdAndVersionNo(bid.getId(), bid.getCurrentVersion()).orElseThrow();
    }

    /** The judge's own active assignment; any other is "not found". */
    public Assignment own(String judgeId, String assignmentId) {
        return assignments.findById(assignmentId).filter(a -> a.judgeId().equals(judgeId))
                .orElseThrow(() -> new JudgingProblems.AssignmentNotFound(assignmentId));
    }

    /** Opens the bid for its judge: from now on a conflict can no longer be declared on it. */
    @Transactional
    public BidVersion open(String judgeId, String assignmentId) {
        Assignment assignment = own(judgeId, assignmentId);
        requireActiveInOpenRound(assignment);
        requireDeliverableIfMilestone(assignment);
        assignments.update(assignment.viewed(now()));
        return current(bids.require(assignment.bidId()));
    }

    /** 回避: withdraws the assignment and gives the bid to another eligible judge of the panel, if there is one. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Assignment declareConflict(String judgeId, String assignmentId, String reason) {
        Assignment assignment = own(judgeId, assignmentId);
        challenges.lock(assignment.challengeId());
        assignment = own(judgeId, assignmentId);
        RaceRound round = requireActiveInOpenRound(assignment);
        if (assignment.viewedAt() != null) {
            throw new JudgingProblems.AlreadyViewed(assignmentId);
        }
        Assignment withdrawn = assignments.update(assignment.withdrawn(reason));
        Set<String> beenOnIt = new HashSet<>();
        Map<String, Integer> load = new HashMap<>();
        for (Assignment a : assignments.findByChallengeIdAndRoundIndex(assignment.challengeId(), assignment.roundIndex())) {
            if (a.bidId().equals(assignment.bidId())) {
                beenOnIt.add(a.judgeId());
            }
            if (a.status() == Assignment.Status.ACTIVE) {
                load.merge(a.judgeId(), 1, Integer::sum);
            }
        }
        Instant now = now();
        java.util.Optional<String> next = PanelAssignment.replacement(parties(assignment.bidId()),
                panel(round.judgeIds(), round.judgeOrganizationIds()), beenOnIt, load);
        List<JudgesAssigned.Assignment> made = new ArrayList<>();
        next.ifPresent(judge -> {
            Assignment replacement = assignments.save(Assignment.of(withdrawn.challengeId(), withdrawn.roundIndex(),
                    withdrawn.bidId(), judge, now));
            made.add(new JudgesAssigned.Assignment(replacement.id(), replacement.bidId(), replacement.judgeId()));
        });
        outbox.add(new JudgesAssigned(assignment.challengeId(), assignment.roundIndex(), "CONFLICT", made, judgeId,
                assignment.id(), next.isEmpty() ? List.of(assignment.bidId()) : List.of(), now));
        return withdrawn;
    }

    /** A judge's score of every criterion, within 0..max and with a comment; revisable until the round closes. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Assignment score(String judgeId, String assignmentId, Map<String, Assignment.Score> scores) {
        Assignment assignment = own(judgeId, assignmentId);
        BiddingChallenge challenge = challenges.lock(assignment.challengeId());
        assignment = own(judgeId, assignmentId);
        RaceRound round = requireActiveInOpenRound(assignment);
        requireDeliverableIfMilestone(assignment);
        RoundRules rules = challenge.round(assignment.roundIndex());
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (RoundRules.Criterion c : rules.criteria()) {
            codes.add(c.code());
            Assignment.Score s = scores.get(c.code());
            if (s == null || s.score() == null) {
                problems.add(new FieldProblem("scores." + c.code(), "score " + c.name() + " (0.." + c.maxScore() + ")"));
            } else if (s.score().signum() < 0 || s.score().compareTo(BigDecimal.valueOf(c.maxScore())) > 0) {
                problems.add(new FieldProblem("scores." + c.code(), "must be within 0.." + c.maxScore()));
            } else if (s.comment() == null || s.comment().isBlank()) {
                problems.add(new FieldProblem("scores." + c.code() + ".comment", "give a comment"));
            }
        }
        scores.keySet().stream().filter(k -> !codes.contains(k)).sorted()
                .forEach(k -> problems.add(new FieldProblem("scores." + k, "is not a criterion of this round")));
        if (!problems.isEmpty()) {
            throw new JudgingProblems.InvalidScores(problems);
        }
        Instant now = now();
        boolean first = assignment.scores() == null || assignment.scores().isEmpty();
        Assignment scored = assignments.update(assignment.viewed(now).scored(new TreeMap<>(scores), now));
        if (first) {
            outbox.add(new AssignmentScored(scored.challengeId(), scored.roundIndex(), scored.id(), judgeId, now));
        }
        if (round.scoringCompletedAt() == null && complete(round, rules.minJudgesPerBid())) {
            rounds.update(round.scoringCompleted(now));
            outbox.add(new ScoringCompleted(round.challengeId(), round.roundIndex(), now));
        }
        return scored;
    }

    /** In a MILESTONE round judges score the deliverable: nothing to open or score before the team delivered. */
    private void requireDeliverableIfMilestone(Assignment assignment) {
        if (isMilestone(assignment) && deliverableFor(assignment).isEmpty()) {
            throw new JudgingProblems.NoDeliverableYet(assignment.bidId(), assignment.roundIndex());
        }
    }

    private boolean complete(RaceRound round, int minJudges) {
        Map<String, Integer> scored = new HashMap<>();
        assignments.findByChallengeIdAndRoundIndex(round.challengeId(), round.roundIndex()).stream()
                .filter(Assignment::isScored).forEach(a -> scored.merge(a.bidId(), 1, Integer::sum));
        return round.bidIds().stream().allMatch(b -> scored.getOrDefault(b, 0) >= minJudges);
    }

    private RaceRound requireActiveInOpenRound(Assignment assignment) {
        if (assignment.status() != Assignment.Status.ACTIVE) {
            throw new JudgingProblems.Withdrawn(assignment.id());
        }
        RaceRound round = rounds.findByChallengeIdAndRoundIndex(assignment.challengeId(), assignment.roundIndex())
                .orElseThrow();
        if (!round.isOpen() || challenges.require(assignment.challengeId()).cancelled()) {
            throw new JudgingProblems.RoundNotOpen(assignment.challengeId(), assignment.roundIndex());
        }
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
        rounds.update(round.closed(event.forced(), now));
        List<RoundRanked.Entry> results = new ArrayList<>();
        for (Ranking.Result r : rank(challenge, round)) {
            Bid bid = bids.require(r.bidId());
            results.add(new RoundRanked.Entry(r.bidId(), bid.getLeadOrganizationId(), bid.getSubmittedBy(), r.aggregate(),
                    r.rank(), r.decision().name(), r.judges(), r.flagged()));
        }
        outbox.add(new RoundRanked(event.challengeId(), event.roundIndex(), results, now));
    }

    /** The ranking of a closed round, recomputed from the stored scores: the same every time. */
    public List<Ranking.Result> ranking(String challengeId, int roundIndex) {
        BiddingChallenge challenge = challenges.require(challengeId);
        RaceRound round = rounds.findByChallengeIdAndRoundIndex(challengeId, roundIndex)
                .filter(r -> !r.isOpen()).orElseThrow(() -> new JudgingProblems.RoundNotClosed(challengeId, roundIndex));
        return rank(challenge, round);
    }

    private List<Ranking.Result> rank(BiddingChallenge challenge, RaceRound round) {
        RoundRules rules = challenge.round(round.roundIndex());
        Map<String, Map<String, Map<String, BigDecimal>>> byBid = new LinkedHashMap<>();
        round.bidIds().forEach(b -> byBid.put(b, new TreeMap<>()));
        for (Assignment a : assignments.findByChallengeIdAndRoundIndex(round.challengeId(), round.roundIndex())) {
            if (a.isScored() && byBid.containsKey(a.bidId())) {
                Map<String, BigDecimal> scores = new TreeMap<>();
                a.scores().forEach((code, s) -> scores.put(code, s.score()));
                byBid.get(a.bidId()).put(a.judgeId(), scores);
            }
        }
        List<Ranking.Entry> entries = new ArrayList<>();
        // a tie goes to the bid first submitted earlier (ADR 0013): revising before the deadline costs no place
        byBid.forEach((bidId, scores) -> entries.add(new Ranking.Entry(bidId, bids.require(bidId).getCreatedAt(), scores)));
        return Ranking.rank(entries, new Ranking.Rules(
                rules.criteria().stream().map(c -> new Ranking.Criterion(c.code(), c.weight(), c.maxScore())).toList(),
                Ranking.Aggregation.valueOf(rules.aggregation()), Ranking.Rule.valueOf(rules.advancementRule()),
                rules.advancementValue(), rules.maxTeams(), rules.minJudgesPerBid(),
                challenge.isLastRound(round.roundIndex())));
    }

    public boolean isBlind(Assignment assignment) {
        return challenges.require(assignment.challengeId()).round(assignment.roundIndex()).blind();
    }

    public String leadOf(String bidId) {
        return bids.require(bidId).getLeadOrganizationId();
    }

    /** challenge-service announced the round's results: from now on each team reads its own. */
    @Transactional(propagation = MANDATORY)
    public void on(RoundAnnounced event) {
        rounds.findByChallengeIdAndRoundIndex(event.challengeId(), event.roundIndex()).ifPresent(round ->
                rounds.update(round.announced(event.results().stream().map(r -> new RaceRound.AnnouncedResult(r.bidId(),
                        r.aggregate(), r.rank(), r.decision(), r.flagged())).toList(), now())));
    }

    /** A team's own result in an announced round, with its mean score per criterion (no judge named). */
    @io.micronaut.serde.annotation.Serdeable
    public record TeamResult(String bidId, int roundIndex, BigDecimal aggregate, int rank, String decision,
                             boolean flagged, int judges, Map<String, BigDecimal> meanScoreByCriterion) {
    }

    public TeamResult resultOf(String bidId, int roundIndex) {
        Bid bid = bids.require(bidId);
        RaceRound round = rounds.findByChallengeIdAndRoundIndex(bid.getChallengeId(), roundIndex)
                .filter(r -> r.announcedAt() != null)
                .orElseThrow(() -> new JudgingProblems.NotAnnounced(bid.getChallengeId(), roundIndex));
        RaceRound.AnnouncedResult announced = round.announcedResults().stream().filter(r -> r.bidId().equals(bidId))
                .findFirst().orElseThrow(() -> new JudgingProblems.NotAnnounced(bid.getChallengeId(), roundIndex));
        Map<String, List<BigDecimal>> byCriterion = new TreeMap<>();
        List<Assignment> scored = assignments.findByChallengeIdAndRoundIndex(bid.getChallengeId(), roundIndex).stream()
                .filter(a -> a.bidId().equals(bidId) && a.isScored()).toList();
        scored.forEach(a -> a.scores().forEach((code, s) ->
                byCriterion.computeIfAbsent(code, c -> new ArrayList<>()).add(s.score())));
        Map<String, BigDecimal> means = new TreeMap<>();
        byCriterion.forEach((code, values) -> means.put(code, values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, java.math.RoundingMode.HALF_EVEN)));
        return new TeamResult(bidId, roundIndex, announced.aggregate(), announced.rank(), announced.decision(),
                announced.flagged(), scored.size(), means);
    }

    /** A team racing in an open MILESTONE round delivers for it (again, until the round closes). */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Deliverable deliver(String organizationId, String userId, String bidId, int roundIndex, String summary,
                               List<String> attachmentIds) {
        Bid bid = bids.require(bidId);
        if (!bid.getLeadOrganizationId().equals(organizationId)) {
            throw new cn.jiebang.bid.domain.BidProblems.BidNotFound(bidId);
        }
        challenges.lock(bid.getChallengeId());
        RaceRound round = rounds.findByChallengeIdAndRoundIndex(bid.getChallengeId(), roundIndex)
                .filter(RaceRound::isOpen).filter(r -> "MILESTONE".equals(r.kind()))
                .orElseThrow(() -> new JudgingProblems.NoMilestone(bid.getChallengeId(), roundIndex));
        Instant now = now();
        if (!round.bidIds().contains(bidId) || (round.closesAt() != null && !now.isBefore(round.closesAt()))) {
            throw new JudgingProblems.NoMilestone(bid.getChallengeId(), roundIndex);
        }
        for (String attachmentId : attachmentIds) {
            if (!attachmentsOfOrganization.test(attachmentId, organizationId, bid.getChallengeId())) {
                throw new JudgingProblems.InvalidDeliverable(List.of(new FieldProblem("attachmentIds", attachmentId
                        + " is not a file your organization uploaded for this challenge")));
            }
        }
        boolean underReview = assignments.findByChallengeIdAndRoundIndex(bid.getChallengeId(), roundIndex).stream()
                .anyMatch(a -> a.bidId().equals(bidId) && a.status() == Assignment.Status.ACTIVE && a.viewedAt() != null);
        if (underReview) {
            throw new JudgingProblems.UnderReview(bidId, roundIndex);
        }
        Deliverable next = new Deliverable(null, bidId, roundIndex, summary, List.copyOf(attachmentIds), userId, now, null);
        return deliverables.findByBidIdAndRoundIndex(bidId, roundIndex)
                .map(d -> deliverables.update(new Deliverable(d.id(), bidId, roundIndex, summary, List.copyOf(attachmentIds),
                        userId, now, d.version())))
                .orElseGet(() -> deliverables.save(next));
    }

    public java.util.Optional<Deliverable> deliverableFor(Assignment assignment) {
        return deliverables.findByBidIdAndRoundIndex(assignment.bidId(), assignment.roundIndex());
    }

    public boolean isMilestone(Assignment assignment) {
        return "MILESTONE".equals(challenges.require(assignment.challengeId()).round(assignment.roundIndex()).kind());
    }

    /** Whether the organization races in an open MILESTONE round of the challenge (and so may upload for it). */
    public boolean racesInOpenMilestone(String challengeId, String organizationId) {
        Set<String> ours = new HashSet<>();
        bids.findByChallengeIdOrderByCreatedAt(challengeId).stream()
                .filter(b -> b.getLeadOrganizationId().equals(organizationId)).forEach(b -> ours.add(b.getId()));
        if (ours.isEmpty()) {
            return false;
        }
        Instant now = now();
        return challenges.require(challengeId).rounds().stream()
                .map(r -> rounds.findByChallengeIdAndRoundIndex(challengeId, r.index()))
                .flatMap(java.util.Optional::stream)
                .filter(r -> r.isOpen() && "MILESTONE".equals(r.kind())
                        && (r.closesAt() == null || now.isBefore(r.closesAt())))
                .anyMatch(r -> r.bidIds().stream().anyMatch(ours::contains));
    }

    /** Whether the judge has an active assignment on a bid that shows this attachment (in its version or deliverables). */
    public boolean judgeMaySee(String judgeId, String attachmentId) {
        return assignments.findByJudgeIdOrderByCreatedAt(judgeId).stream()
                .filter(a -> a.status() == Assignment.Status.ACTIVE)
                .anyMatch(a -> current(bids.require(a.bidId())).attachments().stream()
                        .anyMatch(ref -> ref.attachmentId().equals(attachmentId))
                        || deliverables.findByBidId(a.bidId()).stream()
                        .anyMatch(d -> d.attachmentIds().contains(attachmentId)));
    }

    /** The judge's assignments, newest last. */
    public List<Assignment> of(String judgeId) {
        return assignments.findByJudgeIdOrderByCreatedAt(judgeId);
    }
}
