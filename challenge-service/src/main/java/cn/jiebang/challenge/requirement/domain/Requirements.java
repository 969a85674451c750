package cn.jiebang.challenge.requirement.domain;

import cn.jiebang.problem.DomainProblem;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Requirements extends GenericRepository<Requirement, String>, JpaSpecificationExecutor<Requirement> {

    Requirement save(Requirement requirement);

    Requirement update(Requirement requirement);

    Optional<Requirement> findById(String id);

    default Requirement require(String id) {
        return findById(id).orElseThrow(() -> new RequirementNotFound(id));
    }

    class RequirementNotFound extends DomainProblem {
        public RequirementNotFound(String id) {
            super(Kind.NOT_FOUND, "requirement-not-found", "no requirement " + id);
        }
    }
}
