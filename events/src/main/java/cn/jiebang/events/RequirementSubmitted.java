package cn.jiebang.events;

import java.math.BigDecimal;
import java.time.Instant;

/** An agency submitted a technology requirement (技术需求) for the program office's review. */
public record RequirementSubmitted(
        String requirementId,
        String organizationId,
        String submittedBy,
        String title,
        String kind,
        String technologyField,
        String region,
        BigDecimal budgetCeiling,
        Instant submittedAt) implements DomainEvent {

    public static final String TYPE = "requirement.submitted.v1";

    @Override
    public String aggregateId() {
        return requirementId;
    }
}
