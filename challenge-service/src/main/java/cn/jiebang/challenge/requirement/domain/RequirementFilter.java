package cn.jiebang.challenge.requirement.domain;

import cn.jiebang.challenge.reference.LikePattern;
import cn.jiebang.challenge.reference.Region;
import cn.jiebang.challenge.reference.TechnologyField;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;

/** The filters of the requirement list; each one left empty matches everything. */
public record RequirementFilter(@Nullable String organizationId, @Nullable RequirementStatus status,
                                @Nullable TechnologyField technologyField, @Nullable RequirementKind kind,
                                @Nullable Region region, @Nullable String text) {

    public PredicateSpecification<Requirement> toSpecification() {
        PredicateSpecification<Requirement> spec = PredicateSpecification.where(null);
        if (organizationId != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("organizationId"), organizationId));
        }
        if (status != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("status"), status));
        }
        if (technologyField != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("technologyField"), technologyField));
        }
        if (kind != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("kind"), kind));
        }
        if (region != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("region"), region));
        }
        if (text != null && !text.isBlank()) {
            String pattern = LikePattern.containing(text);
            spec = spec.and((root, cb) -> cb.or(cb.like(root.get("title"), pattern), cb.like(root.get("description"), pattern)));
        }
        return spec;
    }
}
