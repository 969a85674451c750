package cn.jiebang.challenge.domain;

import cn.jiebang.events.ChallengeAmended;
import cn.jiebang.events.ChallengeBiddingClosed;
import cn.jiebang.events.ChallengeCancelled;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.problem.DomainProblem;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A challenge (榜单): what is to be solved, for how much, and until when teams may bid. */
@MappedEntity("challenge")
public class Challenge {

    @Id
    private String id;
    private String title;
    private String problemStatement;
    private TechnologyField technologyField;
    private BigDecimal totalBudget;
    private Instant bidOpensAt;
    private Instant bidClosesAt;
    private ChallengeStatus status;
    private Instant createdAt;
    @Nullable
    private Instant publishedAt;
    @Nullable
    private String cancellationReason;
    @Version
    private Long version;

    /** For Micronaut Data; use {@link #draft}. */
    public Challenge() {
    }

    public static Challenge draft(String title, String problemStatement, TechnologyField field, BigDecimal totalBudget,
                                  Instant bidOpensAt, Instant bidClosesAt, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!bidOpensAt.isBefore(bidClosesAt)) {
            problems.add(new FieldProblem("bidClosesAt", "must be after bidOpensAt"));
        }
        if (totalBudget.signum() <= 0) {
            problems.add(new FieldProblem("totalBudget", "must be positive"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidChallenge(problems);
        }
        Challenge c = new Challenge();
        c.id = UUID.randomUUID().toString();
        c.title = title;
        c.problemStatement = problemStatement;
        c.technologyField = field;
        c.totalBudget = totalBudget;
        c.bidOpensAt = bidOpensAt;
        c.bidClosesAt = bidClosesAt;
        c.status = ChallengeStatus.DRAFT;
        c.createdAt = now;
        return c;
    }

    /** 发榜: opens the challenge to bids. Only a draft whose bid window has not closed can be published. */
    public ChallengePublished publish(Instant now) {
        if (status != ChallengeStatus.DRAFT) {
            throw new ChallengeNotDraft(id, status);
        }
        if (!now.isBefore(bidClosesAt)) {
            throw new InvalidChallenge("bid-window-closed", "the bid window closed at " + bidClosesAt
                    + "; move it before publishing", List.of(new FieldProblem("bidClosesAt", "is in the past")));
        }
        status = ChallengeStatus.PUBLISHED;
        publishedAt = now;
        return new ChallengePublished(id, title, problemStatement, technologyField.name(), totalBudget,
                bidOpensAt, bidClosesAt, now);
    }

    /** Extends the bid deadline of a published challenge whose window is still open; it never shortens it. */
    public ChallengeAmended extendDeadline(Instant newClosesAt, String reason, Instant now) {
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
     * 撤榜: no more bids and no evaluation. Returns the event only if bidders knew of the challenge
     * (it was published, whether bidding is still open or already closed).
     */
    public Optional<ChallengeCancelled> cancel(String reason, Instant now) {
        if (status == ChallengeStatus.CANCELLED) {
            throw new ChallengeNotCancellable(id, status);
        }
        status = ChallengeStatus.CANCELLED;
        cancellationReason = reason;
        return publishedAt != null ? Optional.of(new ChallengeCancelled(id, title, reason, now)) : Optional.empty();
    }

    private void requirePublished(String action) {
        if (status != ChallengeStatus.PUBLISHED) {
            throw new ChallengeNotPublished(id, status, action);
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
            super(Kind.CONFLICT, "challenge-not-cancellable", "challenge " + id + " is " + status + " already");
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getProblemStatement() {
        return problemStatement;
    }

    public void setProblemStatement(String problemStatement) {
        this.problemStatement = problemStatement;
    }

    public TechnologyField getTechnologyField() {
        return technologyField;
    }

    public void setTechnologyField(TechnologyField technologyField) {
        this.technologyField = technologyField;
    }

    public BigDecimal getTotalBudget() {
        return totalBudget;
    }

    public void setTotalBudget(BigDecimal totalBudget) {
        this.totalBudget = totalBudget;
    }

    public Instant getBidOpensAt() {
        return bidOpensAt;
    }

    public void setBidOpensAt(Instant bidOpensAt) {
        this.bidOpensAt = bidOpensAt;
    }

    public Instant getBidClosesAt() {
        return bidClosesAt;
    }

    public void setBidClosesAt(Instant bidClosesAt) {
        this.bidClosesAt = bidClosesAt;
    }

    public ChallengeStatus getStatus() {
        return status;
    }

    public void setStatus(ChallengeStatus status) {
        this.status = status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    @Nullable
    public Instant getPublishedAt() {
        return publishedAt;
    }

    public void setPublishedAt(@Nullable Instant publishedAt) {
        this.publishedAt = publishedAt;
    }

    @Nullable
    public String getCancellationReason() {
        return cancellationReason;
    }

    public void setCancellationReason(@Nullable String cancellationReason) {
        this.cancellationReason = cancellationReason;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
