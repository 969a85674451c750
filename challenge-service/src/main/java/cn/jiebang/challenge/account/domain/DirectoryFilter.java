package cn.jiebang.challenge.account.domain;

import cn.jiebang.challenge.reference.LikePattern;
import cn.jiebang.challenge.reference.OrganizationKind;
import cn.jiebang.challenge.reference.Region;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;

/**
 * What the public organization directory lists: active organizations only, whatever else is asked, so
 * pending and rejected applications stay unseen. Each filter left empty matches everything; the text
 * is matched literally anywhere in the name.
 */
public record DirectoryFilter(@Nullable Region region, @Nullable OrganizationKind kind, @Nullable String text) {

    public PredicateSpecification<Organization> toSpecification() {
        PredicateSpecification<Organization> spec = (root, cb) -> cb.equal(root.get("status"), OrganizationStatus.ACTIVE);
        if (region != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("region"), region));
        }
        if (kind != null) {
            spec = spec.and((root, cb) -> cb.equal(root.get("kind"), kind));
        }
        if (text != null && !text.isBlank()) {
            String pattern = LikePattern.containing(text);
            spec = spec.and((root, cb) -> cb.like(root.get("name"), pattern));
        }
        return spec;
    }
}
