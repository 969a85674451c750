package cn.jiebang.challenge.challenge.domain;

import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.RoundClosed;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import cn.jiebang.problem.DomainProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/** A round (评审轮次) of a challenge: its plan, its judge panel and where it stands. Numbered from 1. */
@MappedEntity("challenge_round")
public class Round {

    @Id
    @GeneratedValue
    private final Long id;
    private final String challengeId;
    private final int roundIndex;
    private final String name;
    private final RoundKind kind;
    private final Instant opensAt;
    private final Instant closesAt;
    @TypeDef(type = DataType.JSON)
    private final List<Criterion> criteria;
    private final AggregationRule aggregation;
    @TypeDef(type = DataType.JSON)
    private final Advancement advancement;
    private final int minJudgesPerBid;
    private final boolean blind;
    private final BigDecimal tranchePerTeam;
    private final int publicityDays;
    private RoundStatus status;
    @TypeDef(type = DataType.JSON)
    private List<String> judgeIds;
    @TypeDef(type = DataType.JSON)
    private List<String> judgeOrganizationIds;
    @Nullable
    private Instant openedAt;
    @TypeDef(type = DataType.JSON)
    @Nullable
    private List<String> entrants;
    @Nullable
    private Instant scoresCompletedAt;
    @Nullable
    private Instant closedAt;
    private boolean forced;
    @Nullable
    private Instant announcedAt;
    @Nullable
    private Instant publicityEndsAt;
    @Nullable
    private Instant finalizedAt;
    @Version
    private final Long version;

    /** Every column, for Micronaut Data and fixture builders (ADR 0021); a new round is {@link #planned}. */
    public Round(@Nullable Long id, String challengeId, int roundIndex, String name, RoundKind kind, Instant opensAt,
                 Instant closesAt, List<Criterion> criteria, AggregationRule aggregation, Advancement advancement,
                 int minJudgesPerBid, boolean blind, BigDecimal tranchePerTeam, int publicityDays, RoundStatus status,
                 List<String> judgeIds, List<String> judgeOrganizationIds, @Nullable Instant openedAt,
                 @Nullable List<String> entrants, @Nullable Instant scoresCompletedAt, @Nullable Instant closedAt,
                 boolean forced, @Nullable Instant announcedAt, @Nullable Instant publicityEndsAt,
                 @Nullable Instant finalizedAt, @Nullable Long version) {
        this.id = id;
        this.challengeId = challengeId;
        this.roundIndex = roundIndex;
        this.name = name;
        this.kind = kind;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.criteria = criteria;
        this.aggregation = aggregation;
        this.advancement = advancement;
        this.minJudgesPerBid = minJudgesPerBid;
        this.blind = blind;
        this.tranchePerTeam = tranchePerTeam;
        this.publicityDays = publicityDays;
        this.status = status;
        this.judgeIds = judgeIds;
        this.judgeOrganizationIds = judgeOrganizationIds;
        this.openedAt = openedAt;
        this.entrants = entrants;
        this.scoresCompletedAt = scoresCompletedAt;
        this.closedAt = closedAt;
        this.forced = forced;
        this.announcedAt = announcedAt;
        this.publicityEndsAt = publicityEndsAt;
        this.finalizedAt = finalizedAt;
        this.version = version;
    }

    static Round planned(String challengeId, int index, RoundPlan plan) {
        return new Round(null, challengeId, index, plan.name(), plan.kind(), plan.opensAt(), plan.closesAt(),
                List.copyOf(plan.criteria()), plan.aggregation(), plan.advancement(), plan.minJudgesPerBid(),
                plan.blind(), plan.tranchePerTeam(), plan.publicityDays(), RoundStatus.PENDING, List.of(), List.of(),
                null, null, null, null, false, null, null, null, null);
    }

    /**
     * Names (or renames) the judge panel, with each judge's organization in the same order; judges' roles are
     * checked by the caller.
     */
    public void namePanel(List<String> judges, List<String> organizations) {
        if (status != RoundStatus.PENDING) {
            throw new RoundNotPending(challengeId, roundIndex, status, "its panel changed");
        }
        if (new HashSet<>(judges).size() != judges.size()) {
            throw new InvalidChallenge("invalid-panel", "the panel names a judge twice",
                    List.of(new FieldProblem("judgeIds", "names a judge twice")));
        }
        if (judges.size() < minJudgesPerBid) {
            throw new InvalidChallenge("invalid-panel", "round " + roundIndex + " needs at least " + minJudgesPerBid
                    + " judges per bid, the panel has " + judges.size(),
                    List.of(new FieldProblem("judgeIds", "needs at least " + minJudgesPerBid + " judges")));
        }
        judgeIds = List.copyOf(judges);
        judgeOrganizationIds = List.copyOf(organizations);
    }

    /** The teams that went on from the round before: this round opens with their bids. */
    public void admitEntrants(List<String> bidIds) {
        if (status != RoundStatus.PENDING) {
            throw new RoundNotPending(challengeId, roundIndex, status, "given its entrants");
        }
        entrants = List.copyOf(bidIds);
    }

    RoundOpened open(Instant now) {
        return open(List.of(), now);
    }

    /** Opens the round for scoring by its panel; {@code bidIds} the bids in the race (none: those screened in). */
    public RoundOpened open(List<String> bidIds, Instant now) {
        if (status != RoundStatus.PENDING) {
            throw new RoundNotPending(challengeId, roundIndex, status, "opened");
        }
        if (judgeIds.isEmpty()) {
            throw new PanelNotNamed(challengeId, roundIndex);
        }
        status = RoundStatus.OPEN;
        openedAt = now;
        entrants = List.copyOf(bidIds);
        return new RoundOpened(challengeId, roundIndex, name, kind.name(), closesAt, judgeIds, minJudgesPerBid, blind, now,
                List.copyOf(bidIds), judgeOrganizationIds);
    }

    ChallengePublished.Round published() {
        return new ChallengePublished.Round(roundIndex, name, kind.name(), opensAt, closesAt,
                criteria.stream().map(c -> new ChallengePublished.Criterion(c.code(), c.name(), c.weight(), c.maxScore()))
                        .toList(),
                aggregation.name(), new ChallengePublished.Advancement(advancement.rule().name(), advancement.value(),
                advancement.teamCap()), minJudgesPerBid, blind, tranchePerTeam, publicityDays);
    }

    /** bid-service reported every bid has its minimum of completed scores. */
    public void scoresCompleted(Instant at) {
        if (scoresCompletedAt == null) {
            scoresCompletedAt = at;
        }
    }

    /** Closes scoring; with scores missing only when forced (the ranking then flags the bids concerned). */
    public RoundClosed close(boolean force, Instant now) {
        if (status != RoundStatus.OPEN) {
            throw new RoundWrongStatus(challengeId, roundIndex, status, "closed");
        }
        if (!force && scoresCompletedAt == null) {
            throw new ScoresIncomplete(challengeId, roundIndex);
        }
        status = RoundStatus.CLOSED;
        closedAt = now;
        forced = force && scoresCompletedAt == null;
        return new RoundClosed(challengeId, roundIndex, forced, now);
    }

    /**
     * 公示: the results are public and objections accepted for the round's publicity days (again after a
     * correction); {@code day} is how long a 公示 day lasts (a day, shorter only to compress time in demos and tests).
     */
    public void announce(Instant now, java.time.Duration day) {
        if (status != RoundStatus.CLOSED && status != RoundStatus.ANNOUNCED) {
            throw new RoundWrongStatus(challengeId, roundIndex, status, "announced");
        }
        status = RoundStatus.ANNOUNCED;
        announcedAt = now;
        publicityEndsAt = now.plus(day.multipliedBy(publicityDays));
    }

    /** A round's results are sealed until they are first announced; from then on they are public. */
    public void requireResultsPublic() {
        if (announcedAt == null) {
            throw new ResultsSealed(challengeId, roundIndex);
        }
    }

    public boolean inPublicity(Instant now) {
        return status == RoundStatus.ANNOUNCED && now.isBefore(publicityEndsAt);
    }

    /** The results stand: 公示 is over (the caller has checked that no objection is open). */
    public void finalizeAt(Instant now) {
        if (status != RoundStatus.ANNOUNCED || now.isBefore(publicityEndsAt)) {
            throw new RoundWrongStatus(challengeId, roundIndex, status, "finalized before its 公示 ended");
        }
        status = RoundStatus.FINALIZED;
        finalizedAt = now;
    }

    public static class RoundWrongStatus extends DomainProblem {
        RoundWrongStatus(String challengeId, int index, RoundStatus status, String action) {
            super(Kind.CONFLICT, "round-wrong-status", "round " + index + " of challenge " + challengeId + " is "
                    + status + " and cannot be " + action);
        }
    }

    public static class ResultsSealed extends DomainProblem {
        ResultsSealed(String challengeId, int index) {
            super(Kind.CONFLICT, "results-not-announced", "the results of round " + index
                    + " are sealed until they are announced");
        }
    }

    public static class ScoresIncomplete extends DomainProblem {
        ScoresIncomplete(String challengeId, int index) {
            super(Kind.CONFLICT, "scores-incomplete", "round " + index + " of challenge " + challengeId
                    + " still lacks required scores; close it with force=true to rank it anyway (the bids concerned "
                    + "are flagged)");
        }
    }

    public static class PanelNotNamed extends DomainProblem {
        PanelNotNamed(String challengeId, int index) {
            super(Kind.CONFLICT, "panel-not-named", "round " + index + " of challenge " + challengeId
                    + " has no judge panel yet; name it first");
        }
    }

    public static class RoundNotPending extends DomainProblem {
        RoundNotPending(String challengeId, int index, RoundStatus status, String action) {
            super(Kind.CONFLICT, "round-not-pending", "round " + index + " of challenge " + challengeId + " is "
                    + status + " and cannot be " + action);
        }
    }

    public Long getId() {
        return id;
    }


    public String getChallengeId() {
        return challengeId;
    }


    public int getRoundIndex() {
        return roundIndex;
    }


    public String getName() {
        return name;
    }


    public RoundKind getKind() {
        return kind;
    }


    public Instant getOpensAt() {
        return opensAt;
    }


    public Instant getClosesAt() {
        return closesAt;
    }


    public List<Criterion> getCriteria() {
        return criteria;
    }


    public AggregationRule getAggregation() {
        return aggregation;
    }


    public Advancement getAdvancement() {
        return advancement;
    }


    public int getMinJudgesPerBid() {
        return minJudgesPerBid;
    }


    public boolean isBlind() {
        return blind;
    }


    public BigDecimal getTranchePerTeam() {
        return tranchePerTeam;
    }


    public int getPublicityDays() {
        return publicityDays;
    }


    public RoundStatus getStatus() {
        return status;
    }


    public List<String> getJudgeIds() {
        return judgeIds;
    }


    @Nullable
    public Instant getOpenedAt() {
        return openedAt;
    }


    public Long getVersion() {
        return version;
    }


    @Nullable
    public List<String> getEntrants() {
        return entrants;
    }


    @Nullable
    public Instant getScoresCompletedAt() {
        return scoresCompletedAt;
    }


    @Nullable
    public Instant getClosedAt() {
        return closedAt;
    }


    public boolean isForced() {
        return forced;
    }


    @Nullable
    public Instant getAnnouncedAt() {
        return announcedAt;
    }


    @Nullable
    public Instant getPublicityEndsAt() {
        return publicityEndsAt;
    }


    @Nullable
    public Instant getFinalizedAt() {
        return finalizedAt;
    }


    public List<String> getJudgeOrganizationIds() {
        return judgeOrganizationIds;
    }

}
