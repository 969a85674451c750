package cn.jiebang.challenge.challenge.domain;

import cn.jiebang.challenge.reference.LikePattern;
import cn.jiebang.challenge.reference.Region;
import cn.jiebang.challenge.reference.TechnologyField;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The filters of the challenge board; each one left empty matches everything. {@code publicOnly} shows
 * published (and later) challenges only, plus, when {@code alsoOwnedBy} is given, that organization's drafts.
 */
public record ChallengeFilter(boolean publicOnly, @Nullable String alsoOwnedBy, @Nullable ChallengeStatus status,
                              @Nullable TechnologyField technologyField, @Nullable Region region,
                              @Nullable ChallengeMode mode, @Nullable String owner, @Nullable BigDecimal minBudget,
                              @Nullable BigDecimal maxBudget, @Nullable Instant closesAfter,
                              @Nullable Instant closesBefore, @Nullable String text) {

    public PredicateSpecification<Challenge> toSpecification() {
        PredicateSpecification<Challenge> spec = PredicateSpecification.where(null);
        if (publicOnly && alsoOwnedBy != null) {
            spec = spec.and((root, cb) -> cb.or(cb.isNotNull(root.get("publishedAt")),
                    cb.equal(root.get("ownerOrganizationId"), alsoOwnedBy)));
        } else if (publicOnly) {
            spec = spec.and((root, cb) -> cb.isNotNull(root.get("publishedAt")));
        }
        if (status != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("status"), status));
        }
        if (technologyField != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("technologyField"), technologyField));
        }
        if (region != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("region"), region));
        }
        if (mode != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("mode"), mode));
        }
        if (owner != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("ownerOrganizationId"), owner));
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
