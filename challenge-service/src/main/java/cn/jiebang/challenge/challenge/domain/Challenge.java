package cn.jiebang.challenge.challenge.domain;

import cn.jiebang.challenge.reference.Region;
import cn.jiebang.challenge.reference.TechnologyField;
import cn.jiebang.challenge.requirement.domain.Indicator;
import cn.jiebang.events.ChallengeAmended;
import cn.jiebang.events.ChallengeAwarded;
import cn.jiebang.events.ChallengeBiddingClosed;
import cn.jiebang.events.ChallengeCancelled;
import cn.jiebang.events.ChallengeFailed;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import cn.jiebang.problem.DomainProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A challenge (榜单): what is to be solved, by which targets, for how much, who may bid until when, and the
 * rounds that will judge the bids. Its rounds live in {@link Round} rows; methods that need them take them.
 */
@MappedEntity("challenge")
public class Challenge {

    /** Once here, nothing more happens to the challenge. */
    private static final Set<ChallengeStatus> ENDED =
            EnumSet.of(ChallengeStatus.AWARDED, ChallengeStatus.FAILED, ChallengeStatus.CANCELLED);

    @Id
    private final String id;
    private String title;
    private String problemStatement;
    private String ownerOrganizationId;
    private TechnologyField technologyField;
    private Region region;
    private ChallengeMode mode;
    private int winners;
    @TypeDef(type = DataType.JSON)
    private List<String> requirementIds;
    @TypeDef(type = DataType.JSON)
    private List<Indicator> indicators;
    private BigDecimal totalBudget;
    @TypeDef(type = DataType.JSON)
    private Eligibility eligibility;
    private Instant bidOpensAt;
    private Instant bidClosesAt;
    private String ipTerms;
    private ChallengeStatus status;
    private final Instant createdAt;
    @Nullable
    private Instant publishedAt;
    @Nullable
    private Integer bidCount;
    @Nullable
    private Integer screenedIn;
    @Nullable
    private Instant screeningCompletedAt;
    @Nullable
    private String failureReason;
    @Nullable
    private Instant endedAt;
    @Nullable
    private String cancellationReason;
    @Version
    private final Long version;

    /** Every column, for Micronaut Data and fixture builders (ADR 0021); a new challenge is a {@link #draft}. */
    public Challenge(String id, String title, String problemStatement, String ownerOrganizationId,
                     TechnologyField technologyField, Region region, ChallengeMode mode, int winners,
                     List<String> requirementIds, List<Indicator> indicators, BigDecimal totalBudget,
                     Eligibility eligibility, Instant bidOpensAt, Instant bidClosesAt, String ipTerms,
                     ChallengeStatus status, Instant createdAt, @Nullable Instant publishedAt,
                     @Nullable Integer bidCount, @Nullable Integer screenedIn, @Nullable Instant screeningCompletedAt,
                     @Nullable String failureReason, @Nullable Instant endedAt, @Nullable String cancellationReason,
                     @Nullable Long version) {
        this.id = id;
        this.title = title;
        this.problemStatement = problemStatement;
        this.ownerOrganizationId = ownerOrganizationId;
        this.technologyField = technologyField;
        this.region = region;
        this.mode = mode;
        this.winners = winners;
        this.requirementIds = requirementIds;
        this.indicators = indicators;
        this.totalBudget = totalBudget;
        this.eligibility = eligibility;
        this.bidOpensAt = bidOpensAt;
        this.bidClosesAt = bidClosesAt;
        this.ipTerms = ipTerms;
        this.status = status;
        this.createdAt = createdAt;
        this.publishedAt = publishedAt;
        this.bidCount = bidCount;
        this.screenedIn = screenedIn;
        this.screeningCompletedAt = screeningCompletedAt;
        this.failureReason = failureReason;
        this.endedAt = endedAt;
        this.cancellationReason = cancellationReason;
        this.version = version;
    }

    /** A draft from a definition the caller has checked ({@link ChallengeDefinition#inconsistencies} and references). */
    public static Challenge draft(ChallengeDefinition d, Instant now) {
        return new Challenge(UUID.randomUUID().toString(), d.title(), d.problemStatement(), d.ownerOrganizationId(),
                d.technologyField(), d.region(), d.mode(), d.winners(), List.copyOf(d.requirementIds()),
                List.copyOf(d.indicators()), d.totalBudget(), d.eligibility(), d.bidOpensAt(), d.bidClosesAt(),
                d.ipTerms(), ChallengeStatus.DRAFT, now, null, null, null, null, null, null, null, null);
    }

    /** Replaces the whole definition of a draft; returns the rounds that replace the old ones. */
    public List<Round> redefine(ChallengeDefinition definition) {
        if (status != ChallengeStatus.DRAFT) {
            throw new ChallengeNotDraft(id, status);
        }
        apply(definition);
        return plannedRounds(definition);
    }

    /** The rounds of a definition, numbered from 1, not yet saved. */
    public List<Round> plannedRounds(ChallengeDefinition definition) {
        return IntStream.range(0, definition.rounds().size())
                .mapToObj(i -> Round.planned(id, i + 1, definition.rounds().get(i))).toList();
    }

    private void apply(ChallengeDefinition d) {
        title = d.title();
        problemStatement = d.problemStatement();
        ownerOrganizationId = d.ownerOrganizationId();
        technologyField = d.technologyField();
        region = d.region();
        mode = d.mode();
        winners = d.winners();
        requirementIds = List.copyOf(d.requirementIds());
        indicators = List.copyOf(d.indicators());
        totalBudget = d.totalBudget();
        eligibility = d.eligibility();
        bidOpensAt = d.bidOpensAt();
        bidClosesAt = d.bidClosesAt();
        ipTerms = d.ipTerms();
    }

    /**
     * 发榜: opens the challenge to bids. Only a draft whose bid window has not closed can be published; the
     * event carries the full definition.
     */
    public ChallengePublished publish(List<Round> rounds, Instant now) {
        if (status != ChallengeStatus.DRAFT) {
            throw new ChallengeNotDraft(id, status);
        }
        if (rounds.isEmpty() || requirementIds.isEmpty()) {
            throw new InvalidChallenge("invalid-challenge", "challenge " + id + " has no rounds or no requirements; "
                    + "define it in full (PUT) before publishing", List.of(new FieldProblem("rounds", "must not be empty")));
        }
        if (!now.isBefore(bidClosesAt)) {
            throw new InvalidChallenge("bid-window-closed", "the bid window closed at " + bidClosesAt
                    + "; move it before publishing", List.of(new FieldProblem("bidClosesAt", "is in the past")));
        }
        status = ChallengeStatus.PUBLISHED;
        publishedAt = now;
        return new ChallengePublished(id, title, problemStatement, technologyField.name(), totalBudget,
                bidOpensAt, bidClosesAt, now, ownerOrganizationId, region.name(), mode.name(), winners,
                requirementIds,
                indicators.stream().map(i -> new ChallengePublished.Indicator(i.name(), i.targetValue(), i.unit(),
                        i.direction().name(), i.testMethod())).toList(),
                new ChallengePublished.Eligibility(
                        eligibility.allowedRegions().stream().map(Enum::name).sorted().toList(),
                        eligibility.allowedOrganizationKinds().stream().map(Enum::name).sorted().toList(),
                        eligibility.maxConsortiumMembers(), eligibility.bidsPerOrganization(),
                        eligibility.excludePastWinners()),
                ipTerms,
                rounds.stream().sorted(Comparator.comparingInt(Round::getRoundIndex)).map(Round::published).toList());
    }

    /**
     * Extends the bid deadline of a published challenge whose window is still open; it never shortens it,
     * and never past the planned opening of round 1.
     */
    public ChallengeAmended extendDeadline(@Nullable Instant newClosesAt, String reason, @Nullable Round firstRound,
                                           Instant now) {
        if (newClosesAt == null) {
            throw new InvalidChallenge("deadline-not-extended", "a deadline extension needs the new bidClosesAt",
                    List.of(new FieldProblem("bidClosesAt", "must not be null")));
        }
        requirePublished("amended");
        if (!now.isBefore(bidClosesAt)) {
            throw new InvalidChallenge("bid-window-closed", "bidding closed at " + bidClosesAt
                    + "; a closed window is not reopened", List.of(new FieldProblem("bidClosesAt", "bidding has closed")));
        }
        if (!newClosesAt.isAfter(bidClosesAt)) {
            throw new InvalidChallenge("deadline-not-extended", "the new deadline must be after " + bidClosesAt
                    + ": bidders plan by it, so it is only ever extended",
                    List.of(new FieldProblem("bidClosesAt", "must be after the current deadline " + bidClosesAt)));
        }
        if (firstRound != null && newClosesAt.isAfter(firstRound.getOpensAt())) {
            throw new InvalidChallenge("deadline-not-extended", "the new deadline " + newClosesAt
                    + " would overlap round 1, which opens at " + firstRound.getOpensAt(),
                    List.of(new FieldProblem("bidClosesAt", "must not be after round 1 opens at "
                            + firstRound.getOpensAt())));
        }
        Instant previous = bidClosesAt;
        bidClosesAt = newClosesAt;
        return new ChallengeAmended(id, title, "DEADLINE_EXTENDED", reason, previous, newClosesAt, now);
    }

    /** A clarification (答疑) every bidder must see; the deadline stays. */
    public ChallengeAmended clarify(String text, Instant now) {
        requirePublished("amended");
        return new ChallengeAmended(id, title, "CLARIFICATION", text, bidClosesAt, bidClosesAt, now);
    }

    /** The window's end, by the server's clock: bidding is over and screening begins. */
    public ChallengeBiddingClosed closeBidding(Instant now) {
        requirePublished("closed for bidding");
        if (now.isBefore(bidClosesAt)) {
            throw new IllegalStateException("bidding on " + id + " closes at " + bidClosesAt + ", not before");
        }
        status = ChallengeStatus.SCREENING;
        return new ChallengeBiddingClosed(id, title, bidClosesAt, now);
    }

    /**
     * bid-service counted the live bids at the close. None: 流榜. A challenge that ended in the meantime
     * (cancelled) only records the count.
     */
    public Optional<ChallengeFailed> screeningStarted(int bids, Instant now) {
        bidCount = bids;
        if (ENDED.contains(status)) {
            return Optional.empty();
        }
        requireStatus(ChallengeStatus.SCREENING, "start screening");
        return bids == 0 ? Optional.of(fail("NO_BIDS", now)) : Optional.empty();
    }

    /** Every bid has its screening decision. None screened in: 流榜; otherwise round 1 may open. */
    public Optional<ChallengeFailed> screeningCompleted(int in, Instant completedAt, Instant now) {
        screenedIn = in;
        screeningCompletedAt = completedAt;
        if (ENDED.contains(status)) {
            return Optional.empty();
        }
        requireStatus(ChallengeStatus.SCREENING, "complete screening");
        return in == 0 ? Optional.of(fail("NONE_SCREENED_IN", now)) : Optional.empty();
    }

    private ChallengeFailed fail(String reason, Instant now) {
        status = ChallengeStatus.FAILED;
        failureReason = reason;
        endedAt = now;
        return new ChallengeFailed(id, title, ownerOrganizationId, reason, now);
    }

    /** Opens round 1 with its panel once screening is complete and left bids in: evaluation begins. */
    public RoundOpened openFirstRound(Round first, Instant now) {
        requireStatus(ChallengeStatus.SCREENING, "open its first round");
        if (first.getRoundIndex() != 1) {
            throw new IllegalArgumentException("round " + first.getRoundIndex() + " is not the first");
        }
        if (screeningCompletedAt == null) {
            throw new ScreeningNotComplete(id);
        }
        RoundOpened opened = first.open(now);
        status = ChallengeStatus.IN_EVALUATION;
        return opened;
    }

    /** Opens round n > 1 with the bids that advanced from the round before, once that round is finalized. */
    public RoundOpened openNextRound(Round previous, Round next, List<String> advancing, Instant now) {
        requireStatus(ChallengeStatus.IN_EVALUATION, "open a further round");
        if (previous.getStatus() != RoundStatus.FINALIZED) {
            throw new Round.RoundWrongStatus(id, next.getRoundIndex(), next.getStatus(),
                    "opened before round " + previous.getRoundIndex() + " is finalized");
        }
        return next.open(advancing, now);
    }

    /** 揭榜成功: the last round's results stand and name the winners. */
    public ChallengeAwarded award(List<ChallengeAwarded.Winner> winners, Instant now) {
        requireStatus(ChallengeStatus.IN_EVALUATION, "be awarded");
        status = ChallengeStatus.AWARDED;
        endedAt = now;
        return new ChallengeAwarded(id, title, ownerOrganizationId, winners, now);
    }

    /** 流榜 after a round in which nobody advanced. */
    public ChallengeFailed nobodyAdvanced(Instant now) {
        requireStatus(ChallengeStatus.IN_EVALUATION, "fail");
        return fail("NOBODY_ADVANCED", now);
    }

    /** Refuses {@code action} (naming a panel, closing a round, objecting) once the challenge has ended. */
    public void requireNotEnded(String action) {
        if (ENDED.contains(status)) {
            throw new ChallengeEnded(id, status, action);
        }
    }

    /**
     * 撤榜: no more bids and no evaluation. Returns the event only if bidders knew of the challenge
     * (it was published, whether bidding is still open or already closed).
     */
    public Optional<ChallengeCancelled> cancel(String reason, Instant now) {
        if (ENDED.contains(status)) {
            throw new ChallengeNotCancellable(id, status);
        }
        status = ChallengeStatus.CANCELLED;
        cancellationReason = reason;
        endedAt = now;
        if (publishedAt == null) {
            return Optional.empty();
        }
        return Optional.of(new ChallengeCancelled(id, title, reason, now));
    }

    /** The number of bids is public once bidding has closed, never while the bids are sealed. */
    @Nullable
    public Integer publicBidCount() {
        return status == ChallengeStatus.DRAFT || status == ChallengeStatus.PUBLISHED ? null : bidCount;
    }

    private void requirePublished(String action) {
        if (status != ChallengeStatus.PUBLISHED) {
            throw new ChallengeNotPublished(id, status, action);
        }
    }

    private void requireStatus(ChallengeStatus expected, String action) {
        if (status != expected) {
            throw new WrongStatus(id, status, action);
        }
    }

    public static class ChallengeNotPublished extends DomainProblem {
        ChallengeNotPublished(String id, ChallengeStatus status, String action) {
            super(Kind.CONFLICT, "challenge-not-published", "challenge " + id + " is " + status
                    + "; only a published challenge can be " + action);
        }
    }

    public static class ChallengeNotCancellable extends DomainProblem {
        ChallengeNotCancellable(String id, ChallengeStatus status) {
            super(Kind.CONFLICT, "challenge-not-cancellable", "challenge " + id + " is " + status
                    + " already; it cannot be cancelled");
        }
    }

    public static class ChallengeEnded extends DomainProblem {
        ChallengeEnded(String id, ChallengeStatus status, String action) {
            super(Kind.CONFLICT, "challenge-ended", "challenge " + id + " is " + status + "; " + action
                    + " is no longer possible");
        }
    }

    public static class WrongStatus extends DomainProblem {
        WrongStatus(String id, ChallengeStatus status, String action) {
            super(Kind.CONFLICT, "challenge-wrong-status", "challenge " + id + " is " + status
                    + " and cannot " + action + " now");
        }
    }

    public static class ScreeningNotComplete extends DomainProblem {
        ScreeningNotComplete(String id) {
            super(Kind.CONFLICT, "screening-not-complete", "the bids of challenge " + id
                    + " are still being screened (形式审查); round 1 opens when every bid has its decision");
        }
    }

    public String getId() {
        return id;
    }


    public String getTitle() {
        return title;
    }


    public String getProblemStatement() {
        return problemStatement;
    }


    public String getOwnerOrganizationId() {
        return ownerOrganizationId;
    }


    public TechnologyField getTechnologyField() {
        return technologyField;
    }


    public Region getRegion() {
        return region;
    }


    public ChallengeMode getMode() {
        return mode;
    }


    public int getWinners() {
        return winners;
    }


    public List<String> getRequirementIds() {
        return requirementIds;
    }


    public List<Indicator> getIndicators() {
        return indicators;
    }


    public BigDecimal getTotalBudget() {
        return totalBudget;
    }


    public Eligibility getEligibility() {
        return eligibility;
    }


    public Instant getBidOpensAt() {
        return bidOpensAt;
    }


    public Instant getBidClosesAt() {
        return bidClosesAt;
    }


    public String getIpTerms() {
        return ipTerms;
    }


    public ChallengeStatus getStatus() {
        return status;
    }


    public Instant getCreatedAt() {
        return createdAt;
    }


    @Nullable
    public Instant getPublishedAt() {
        return publishedAt;
    }


    @Nullable
    public Integer getBidCount() {
        return bidCount;
    }


    @Nullable
    public Integer getScreenedIn() {
        return screenedIn;
    }


    @Nullable
    public Instant getScreeningCompletedAt() {
        return screeningCompletedAt;
    }


    @Nullable
    public String getFailureReason() {
        return failureReason;
    }


    @Nullable
    public Instant getEndedAt() {
        return endedAt;
    }


    @Nullable
    public String getCancellationReason() {
        return cancellationReason;
    }


    public Long getVersion() {
        return version;
    }
}
