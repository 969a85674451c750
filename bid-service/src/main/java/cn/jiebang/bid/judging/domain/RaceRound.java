package cn.jiebang.bid.judging.domain;

import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.bid.challenge.domain.RoundKind;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.events.ScoringCompleted;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Transient;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A round as bid-service runs it: its panel and the bids racing in it, open for scoring until
 * challenge-service closes it, then the results challenge-service announced.
 */
@MappedEntity("race_round")
public class RaceRound {

    /** A bid's result as challenge-service announced it (after any correction). */
    @Serdeable
    public record AnnouncedResult(String bidId, BigDecimal aggregate, int rank, String decision, boolean flagged) {
    }

    public enum Status { OPEN, CLOSED }

    @Id
    @GeneratedValue
    @Nullable
    private final Long id;
    private final String challengeId;
    private final int roundIndex;
    private Status status;
    @TypeDef(type = DataType.JSON)
    private final List<String> judgeIds;
    @TypeDef(type = DataType.JSON)
    private final List<String> bidIds;
    private final Instant openedAt;
    @Nullable
    private Instant scoringCompletedAt;
    @Nullable
    private Instant closedAt;
    private boolean forced;
    @Nullable
    private final Instant closesAt;
    @Nullable
    private final RoundKind kind;
    @Nullable
    private Instant announcedAt;
    @Nullable
    @TypeDef(type = DataType.JSON)
    private List<AnnouncedResult> announcedResults;
    @Nullable
    @TypeDef(type = DataType.JSON)
    private final List<String> judgeOrganizationIds;
    @Version
    @Nullable
    private final Long version;

    /** Every persisted property, as Micronaut Data reads a row; a new round comes from {@link #open}. */
    public RaceRound(@Nullable Long id, String challengeId, int roundIndex, Status status, List<String> judgeIds,
                     List<String> bidIds, Instant openedAt, @Nullable Instant scoringCompletedAt,
                     @Nullable Instant closedAt, boolean forced, @Nullable Instant closesAt, @Nullable RoundKind kind,
                     @Nullable Instant announcedAt, @Nullable List<AnnouncedResult> announcedResults,
                     @Nullable List<String> judgeOrganizationIds, @Nullable Long version) {
        this.id = id;
        this.challengeId = challengeId;
        this.roundIndex = roundIndex;
        this.status = status;
        this.judgeIds = judgeIds;
        this.bidIds = bidIds;
        this.openedAt = openedAt;
        this.scoringCompletedAt = scoringCompletedAt;
        this.closedAt = closedAt;
        this.forced = forced;
        this.closesAt = closesAt;
        this.kind = kind;
        this.announcedAt = announcedAt;
        this.announcedResults = announcedResults;
        this.judgeOrganizationIds = judgeOrganizationIds;
        this.version = version;
    }

    /** challenge-service opened the round: {@code racing} are its bids, as {@link #racing} tells. */
    public static RaceRound open(RoundOpened event, List<String> racing, Instant now) {
        return new RaceRound(null, event.challengeId(), event.roundIndex(), Status.OPEN, event.judgeIds(),
                List.copyOf(racing), now, null, null, false, event.closesAt(), RoundKind.of(event.kind()), null, null,
                event.judgeOrganizationIds(), null);
    }

    /**
     * The bids racing in a round, in id order: those the event names, except that round 1 with none named races
     * the bids screened in. A later round races exactly the bids named, even none.
     */
    public static List<String> racing(int roundIndex, List<String> named,
                                      Supplier<? extends Collection<String>> screenedIn) {
        return (named.isEmpty() && roundIndex == 1 ? screenedIn.get() : named).stream().sorted().toList();
    }

    @Transient
    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** Judges open, score and declare conflicts only while the round is open and the challenge goes on. */
    public void requireOpenForJudging(BiddingChallenge challenge) {
        if (!isOpen() || challenge.isCancelled()) {
            throw new JudgingProblems.RoundNotOpen(challengeId, roundIndex);
        }
    }

    /** Whether the bid races here and its team may still deliver for it: an open MILESTONE round, before it closes. */
    public boolean takesDeliverableFrom(String bidId, Instant now) {
        return isOpen() && RoundKind.takesDeliverables(kind) && bidIds.contains(bidId)
                && (closesAt == null || now.isBefore(closesAt));
    }

    /**
     * Once every racing bid has {@code minJudgesPerBid} scored assignments, scoring is complete: the fact goes out
     * once, with the score that completes it. A bid short of judges keeps it from coming.
     */
    public Optional<ScoringCompleted> completeScoring(Collection<Assignment> assignments, int minJudgesPerBid,
                                                      Instant now) {
        if (scoringCompletedAt != null) {
            return Optional.empty();
        }
        Map<String, Integer> scored = new HashMap<>();
        assignments.stream().filter(Assignment::isScored).forEach(a -> scored.merge(a.getBidId(), 1, Integer::sum));
        if (!bidIds.stream().allMatch(b -> scored.getOrDefault(b, 0) >= minJudgesPerBid)) {
            return Optional.empty();
        }
        scoringCompletedAt = now;
        return Optional.of(new ScoringCompleted(challengeId, roundIndex, now));
    }

    /** challenge-service closed the round, {@code forced} with scores missing or not: no more scoring. */
    public void close(boolean forced, Instant now) {
        if (!isOpen()) {
            throw new JudgingProblems.RoundNotOpen(challengeId, roundIndex);
        }
        status = Status.CLOSED;
        this.forced = forced;
        closedAt = now;
    }

    /** The ranking is sealed while judges may still score: nobody sees it before the close. */
    public void requireClosedForRanking() {
        if (isOpen()) {
            throw new JudgingProblems.RoundNotClosed(challengeId, roundIndex);
        }
    }

    /** challenge-service announced the results, or corrected them: these replace any before. */
    public void announce(List<AnnouncedResult> results, Instant now) {
        announcedResults = List.copyOf(results);
        announcedAt = now;
    }

    /** A bid's announced result: sealed, to its team too, until challenge-service announces the round. */
    public AnnouncedResult announcedResultOf(String bidId) {
        return Optional.ofNullable(announcedAt).flatMap(at -> announcedResults.stream()
                        .filter(r -> r.bidId().equals(bidId)).findFirst())
                .orElseThrow(() -> new JudgingProblems.NotAnnounced(challengeId, roundIndex));
    }

    @Nullable
    public Long getId() {
        return id;
    }

    public String getChallengeId() {
        return challengeId;
    }

    public int getRoundIndex() {
        return roundIndex;
    }

    public Status getStatus() {
        return status;
    }

    public List<String> getJudgeIds() {
        return judgeIds;
    }

    public List<String> getBidIds() {
        return bidIds;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    @Nullable
    public Instant getScoringCompletedAt() {
        return scoringCompletedAt;
    }

    @Nullable
    public Instant getClosedAt() {
        return closedAt;
    }

    public boolean isForced() {
        return forced;
    }

    @Nullable
    public Instant getClosesAt() {
        return closesAt;
    }

    @Nullable
    public RoundKind getKind() {
        return kind;
    }

    @Nullable
    public Instant getAnnouncedAt() {
        return announcedAt;
    }

    @Nullable
    public List<AnnouncedResult> getAnnouncedResults() {
        return announcedResults;
    }

    @Nullable
    public List<String> getJudgeOrganizationIds() {
        return judgeOrganizationIds;
    }

    @Nullable
    public Long getVersion() {
        return version;
    }
}
