package cn.jiebang.challenge.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;

import java.math.BigDecimal;
import java.time.Instant;

/** The filters of the challenge board; each one left empty matches everything. */
public record ChallengeFilter(boolean publicOnly, @Nullable ChallengeStatus status,
                              @Nullable TechnologyField technologyField, @Nullable BigDecimal minBudget,
                              @Nullable BigDecimal maxBudget, @Nullable Instant closesAfter,
                              @Nullable Instant closesBefore, @Nullable String text) {

    public PredicateSpecification<Challenge> toSpecification() {
        PredicateSpecification<Challenge> spec = PredicateSpecification.where(null);
        if (publicOnly) {
            spec = spec.and((root, cb) -> cb.isNotNull(root.get("publishedAt")));
        }
        if (status != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("status"), status));
        }
        if (technologyField != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("technologyField"), technologyField));
        }
        if (minBudget != null) {
            spec = spec.and((root, cb) -> cb.greaterThanOrEqualTo(root.get("totalBudget"), minBudget));
        }
        if (maxBudget != null) {
            spec = spec.and((root, cb) -> cb.lessThanOrEqualTo(root.get("totalBudget"), maxBudget));
        }
        if (closesAfter != null) {
            spec = spec.and((root, cb) -> cb.greaterThanOrEqualTo(root.get("bidClosesAt"), closesAfter));
        }
        if (closesBefore != null) {
            spec = spec.and((root, cb) -> cb.lessThan(root.get("bidClosesAt"), closesBefore));
        }
        if (text != null && !text.isBlank()) {
            String pattern = LikePattern.containing(text);
            spec = spec.and((root, cb) -> cb.or(cb.like(root.get("title"), pattern),
                    cb.like(root.get("problemStatement"), pattern)));
        }
        return spec;
    }
}
