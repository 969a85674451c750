package cn.jiebang.challenge.requirement.domain;

import cn.jiebang.challenge.reference.Region;
import cn.jiebang.challenge.reference.TechnologyField;
import cn.jiebang.events.RequirementReviewed;
import cn.jiebang.events.RequirementSubmitted;
import cn.jiebang.problem.DomainProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A technology requirement (技术需求) an agency collects from industry, reviewed by the program office. */
@MappedEntity("requirement")
public class Requirement {

    private static final Set<RequirementStatus> EDITABLE = Set.of(RequirementStatus.DRAFT, RequirementStatus.RETURNED);

    @Id
    private final String id;
    private final String organizationId;
    private String submittedBy;
    private String title;
    private String description;
    private RequirementKind kind;
    private TechnologyField technologyField;
    private Region region;
    @TypeDef(type = DataType.JSON)
    private List<Indicator> indicators;
    private BigDecimal budgetCeiling;
    private LocalDate wantedBy;
    private boolean coFunded;
    private RequirementStatus status;
    @Nullable
    private String reviewComment;
    private final Instant createdAt;
    private Instant updatedAt;
    @Version
    private final Long version;

    /** Every column, for Micronaut Data and fixture builders (ADR 0021); a new requirement is a {@link #draft}. */
    public Requirement(String id, String organizationId, String submittedBy, String title, String description,
                       RequirementKind kind, TechnologyField technologyField, Region region, List<Indicator> indicators,
                       BigDecimal budgetCeiling, LocalDate wantedBy, boolean coFunded, RequirementStatus status,
                       @Nullable String reviewComment, Instant createdAt, Instant updatedAt, @Nullable Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.submittedBy = submittedBy;
        this.title = title;
        this.description = description;
        this.kind = kind;
        this.technologyField = technologyField;
        this.region = region;
        this.indicators = indicators;
        this.budgetCeiling = budgetCeiling;
        this.wantedBy = wantedBy;
        this.coFunded = coFunded;
        this.status = status;
        this.reviewComment = reviewComment;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** What an agency writes; the same for a new requirement and an edit. */
    public record Content(String title, String description, RequirementKind kind, TechnologyField technologyField,
                          Region region, List<Indicator> indicators, BigDecimal budgetCeiling, LocalDate wantedBy,
                          boolean coFunded) {
    }

    public static Requirement draft(String organizationId, String author, Content c, Instant now) {
        return new Requirement(UUID.randomUUID().toString(), organizationId, author, c.title(), c.description(),
                c.kind(), c.technologyField(), c.region(), List.copyOf(c.indicators()), c.budgetCeiling(), c.wantedBy(),
                c.coFunded(), RequirementStatus.DRAFT, null, now, now, null);
    }

    public void edit(String editor, Content content, Instant now) {
        requireStatus(EDITABLE, "edited");
        submittedBy = editor;
        apply(content, now);
    }

    public RequirementSubmitted submit(String by, Instant now) {
        requireStatus(EDITABLE, "submitted");
        submittedBy = by;
        status = RequirementStatus.SUBMITTED;
        updatedAt = now;
        return new RequirementSubmitted(id, organizationId, submittedBy, title, kind.name(), technologyField.name(),
                region.name(), budgetCeiling, now);
    }

    public RequirementReviewed approve(String reviewer, @Nullable String comment, Instant now) {
        return review(RequirementStatus.APPROVED, reviewer, comment == null ? "" : comment, now);
    }

    public RequirementReviewed returnForRevision(String reviewer, String comments, Instant now) {
        return review(RequirementStatus.RETURNED, reviewer, comments, now);
    }

    public RequirementReviewed reject(String reviewer, String reason, Instant now) {
        return review(RequirementStatus.REJECTED, reviewer, reason, now);
    }

    private RequirementReviewed review(RequirementStatus decision, String reviewer, String comment, Instant now) {
        requireStatus(Set.of(RequirementStatus.SUBMITTED), "reviewed");
        status = decision;
        reviewComment = comment;
        updatedAt = now;
        return new RequirementReviewed(id, organizationId, submittedBy, title, decision.name(), comment, reviewer, now);
    }

    /** Approved, whether or not a challenge already uses it: what a challenge may be composed from. */
    public boolean passedReview() {
        return status == RequirementStatus.APPROVED || status == RequirementStatus.PUBLISHED;
    }

    /** A challenge condensed from this requirement was published. */
    public void published(Instant now) {
        if (status == RequirementStatus.PUBLISHED) {
            return;
        }
        requireStatus(Set.of(RequirementStatus.APPROVED), "published");
        status = RequirementStatus.PUBLISHED;
        updatedAt = now;
    }

    private void apply(Content c, Instant now) {
        title = c.title();
        description = c.description();
        kind = c.kind();
        technologyField = c.technologyField();
        region = c.region();
        indicators = List.copyOf(c.indicators());
        budgetCeiling = c.budgetCeiling();
        wantedBy = c.wantedBy();
        coFunded = c.coFunded();
        updatedAt = now;
    }

    private void requireStatus(Set<RequirementStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new WrongStatus(id, status, action);
        }
    }

    public static class WrongStatus extends DomainProblem {
        WrongStatus(String id, RequirementStatus status, String action) {
            super(Kind.CONFLICT, "requirement-wrong-status", "requirement " + id + " is " + status
                    + " and cannot be " + action + " now");
        }
    }

    public String getId() {
        return id;
    }


    public String getOrganizationId() {
        return organizationId;
    }


    public String getSubmittedBy() {
        return submittedBy;
    }


    public String getTitle() {
        return title;
    }


    public String getDescription() {
        return description;
    }


    public RequirementKind getKind() {
        return kind;
    }


    public TechnologyField getTechnologyField() {
        return technologyField;
    }


    public Region getRegion() {
        return region;
    }


    public List<Indicator> getIndicators() {
        return indicators;
    }


    public BigDecimal getBudgetCeiling() {
        return budgetCeiling;
    }


    public LocalDate getWantedBy() {
        return wantedBy;
    }


    public boolean isCoFunded() {
        return coFunded;
    }


    public RequirementStatus getStatus() {
        return status;
    }


    @Nullable
    public String getReviewComment() {
        return reviewComment;
    }


    public Instant getCreatedAt() {
        return createdAt;
    }


    public Instant getUpdatedAt() {
        return updatedAt;
    }


    public Long getVersion() {
        return version;
    }

}
