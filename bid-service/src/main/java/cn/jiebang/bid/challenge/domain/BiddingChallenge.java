package cn.jiebang.bid.challenge.domain;

import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.ScreeningStarted;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Transient;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * bid-service's copy of a published challenge, kept from {@code challenge.events}: what it needs to
 * accept or refuse bids without asking challenge-service. Its deadline may be extended and it may be
 * cancelled; {@code biddingClosedAt} is set when challenge-service closed bidding and screening began here.
 */
@MappedEntity("bidding_challenge")
public class BiddingChallenge {

    /**
     * The calendar a bid's dates (a milestone's {@code dueOn}) are read on: Beijing's, the program office's,
     * whose days the portal and the notices show.
     */
    public static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    @Id
    private final String challengeId;
    private final String title;
    private final String technologyField;
    private final BigDecimal totalBudget;
    private final Instant bidOpensAt;
    private Instant bidClosesAt;
    private final Instant publishedAt;
    private boolean cancelled;
    private final String ownerOrganizationId;
    @TypeDef(type = DataType.JSON)
    private final List<Target> indicators;
    @TypeDef(type = DataType.JSON)
    private final EligibilityRules eligibility;
    @Nullable
    private Instant biddingClosedAt;
    @TypeDef(type = DataType.JSON)
    private final List<RoundRules> rounds;

    public BiddingChallenge(String challengeId, String title, String technologyField, BigDecimal totalBudget,
                            Instant bidOpensAt, Instant bidClosesAt, Instant publishedAt, boolean cancelled,
                            String ownerOrganizationId, List<Target> indicators, EligibilityRules eligibility,
                            @Nullable Instant biddingClosedAt, List<RoundRules> rounds) {
        this.challengeId = challengeId;
        this.title = title;
        this.technologyField = technologyField;
        this.totalBudget = totalBudget;
        this.bidOpensAt = bidOpensAt;
        this.bidClosesAt = bidClosesAt;
        this.publishedAt = publishedAt;
        this.cancelled = cancelled;
        this.ownerOrganizationId = ownerOrganizationId;
        this.indicators = indicators;
        this.eligibility = eligibility;
        this.biddingClosedAt = biddingClosedAt;
        this.rounds = rounds;
    }

    public static BiddingChallenge from(ChallengePublished event) {
        ChallengePublished.Eligibility e = event.eligibility();
        return new BiddingChallenge(event.challengeId(), event.title(), event.technologyField(), event.totalBudget(),
                event.bidOpensAt(), event.bidClosesAt(), event.publishedAt(), false, event.ownerOrganizationId(),
                event.indicators().stream().map(i -> new Target(i.name(), i.targetValue(), i.unit(), i.direction())).toList(),
                new EligibilityRules(e.allowedRegions(), e.allowedOrganizationKinds(), e.maxConsortiumMembers(),
                        e.bidsPerOrganization(), e.excludePastWinners()),
                null,
                event.rounds().stream().map(r -> new RoundRules(r.index(), r.name(), RoundKind.of(r.kind()),
                        r.criteria().stream().map(c -> new RoundRules.Criterion(c.code(), c.name(), c.weight(),
                                c.maxScore())).toList(),
                        r.aggregation(), r.advancement().rule(), r.advancement().value(), r.advancement().maxTeams(),
                        r.minJudgesPerBid(), r.blind(), r.closesAt())).toList());
    }

    /** An amendment's deadline replaces the old one (a clarification carries the same). */
    public void amendDeadline(Instant newClosesAt) {
        bidClosesAt = newClosesAt;
    }

    /** Cancelled: no more bids, whatever the clocks say. */
    public void cancel() {
        cancelled = true;
    }

    @Transient
    public boolean isBiddingClosed() {
        return biddingClosedAt != null;
    }

    /** challenge-service closed bidding: no more bids from now on, and screening of the live ones begins. */
    public ScreeningStarted closeBidding(int liveBids, Instant now) {
        if (isBiddingClosed()) {
            throw new IllegalStateException("bidding on challenge " + challengeId + " closed at " + biddingClosedAt);
        }
        biddingClosedAt = now;
        return new ScreeningStarted(challengeId, title, ownerOrganizationId, liveBids, now);
    }

    /**
     * Bids are taken from the opening instant (inclusive) until the closing instant (exclusive), by the
     * server's clock, unless the challenge was cancelled or its close has been processed (whatever the clocks).
     */
    public boolean isOpenAt(Instant now) {
        return !cancelled && biddingClosedAt == null && !now.isBefore(bidOpensAt) && now.isBefore(bidClosesAt);
    }

    /** Bids are sealed until the window has closed: nobody but their team reads them before. */
    public boolean isSealedAt(Instant now) {
        return biddingClosedAt == null && now.isBefore(bidClosesAt);
    }

    /** The published rules of round {@code index} (from 1). */
    public RoundRules round(int index) {
        return rounds.stream().filter(r -> r.index() == index).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("challenge " + challengeId + " has no round " + index));
    }

    public boolean isLastRound(int index) {
        return rounds.stream().mapToInt(RoundRules::index).max().orElse(0) == index;
    }

    /** The day, on the platform's calendar, bids are first taken. */
    public LocalDate firstDayOfBidding() {
        return LocalDate.ofInstant(bidOpensAt, CALENDAR);
    }

    /**
     * The day, on the platform's calendar, the last round is planned to close: the end of everything a bid
     * can promise. Empty when no round says (a challenge projected before rounds kept their close).
     */
    public Optional<LocalDate> lastDayOfEvaluation() {
        return rounds.stream().map(RoundRules::closesAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .map(closes -> LocalDate.ofInstant(closes, CALENDAR));
    }

    public String getChallengeId() {
        return challengeId;
    }

    public String getTitle() {
        return title;
    }

    public String getTechnologyField() {
        return technologyField;
    }

    public BigDecimal getTotalBudget() {
        return totalBudget;
    }

    public Instant getBidOpensAt() {
        return bidOpensAt;
    }

    public Instant getBidClosesAt() {
        return bidClosesAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public String getOwnerOrganizationId() {
        return ownerOrganizationId;
    }

    public List<Target> getIndicators() {
        return indicators;
    }

    public EligibilityRules getEligibility() {
        return eligibility;
    }

    @Nullable
    public Instant getBiddingClosedAt() {
        return biddingClosedAt;
    }

    public List<RoundRules> getRounds() {
        return rounds;
    }
}
