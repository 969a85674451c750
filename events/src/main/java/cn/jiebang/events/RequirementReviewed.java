package cn.jiebang.events;

import java.time.Instant;

/**
 * The program office reviewed a submitted requirement: {@code decision} is APPROVED, RETURNED (for
 * revision, with comments) or REJECTED (with a reason, in {@code comment}). The submitter is told.
 */
public record RequirementReviewed(
        String requirementId,
        String organizationId,
        String submittedBy,
        String title,
        String decision,
        String comment,
        String reviewedBy,
        Instant reviewedAt) implements DomainEvent {

    public static final String TYPE = "requirement.reviewed.v1";

    @Override
    public String aggregateId() {
        return requirementId;
    }
}
