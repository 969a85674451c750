package cn.jiebang.challenge.requirement.application;

import cn.jiebang.challenge.requirement.domain.Requirement;
import cn.jiebang.challenge.requirement.domain.RequirementFilter;
import cn.jiebang.challenge.requirement.domain.Requirements;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;

/** Requirements as they are read; whose an agency may see is decided by the caller of these reads. */
@Singleton
public class RequirementQueries {

    private final Requirements requirements;

    RequirementQueries(Requirements requirements) {
        this.requirements = requirements;
    }

    public Requirement requirement(String id) {
        return requirements.require(id);
    }

    /** One page of the requirements the filter matches, newest first. */
    public Page<Requirement> requirements(RequirementFilter filter, int page, int size) {
        return requirements.findAll(filter.toSpecification(),
                Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
    }
}
