package cn.jiebang.challenge.account.domain;

import cn.jiebang.problem.DomainProblem;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Organizations extends GenericRepository<Organization, String>, JpaSpecificationExecutor<Organization> {

    Organization save(Organization organization);

    Organization update(Organization organization);

    Optional<Organization> findById(String id);

    boolean existsByCreditCode(String creditCode);

    Page<Organization> findAll(Pageable pageable);

    Page<Organization> findByStatus(OrganizationStatus status, Pageable pageable);

    Optional<Organization> findByIdAndStatus(String id, OrganizationStatus status);

    default Organization require(String id) {
        return findById(id).orElseThrow(() -> new OrganizationNotFound(id));
    }

    /** An active organization; any other is answered exactly like an unknown id, so applications cannot be probed. */
    default Organization requireActive(String id) {
        return findByIdAndStatus(id, OrganizationStatus.ACTIVE).orElseThrow(() -> new OrganizationNotFound(id));
    }

    class OrganizationNotFound extends DomainProblem {
        public OrganizationNotFound(String id) {
            super(Kind.NOT_FOUND, "organization-not-found", "no organization " + id);
        }
    }
}
