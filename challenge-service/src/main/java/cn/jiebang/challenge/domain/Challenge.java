package cn.jiebang.challenge.domain;

import cn.jiebang.events.ChallengePublished;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.jiebang.problem.DomainProblem.FieldProblem;

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

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
