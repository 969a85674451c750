package cn.jiebang.challenge.account.domain;

import cn.jiebang.problem.DomainProblem;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Users extends GenericRepository<User, String> {

    User save(User user);

    User update(User user);

    Optional<User> findById(String id);

    Optional<User> findByEmail(String email);

    boolean existsByEmail(String email);

    List<User> findByOrganizationId(String organizationId);

    void delete(User user);

    Page<User> findAll(Pageable pageable);

    Page<User> findByOrganizationId(String organizationId, Pageable pageable);

    default User require(String id) {
        return findById(id).orElseThrow(() -> new UserNotFound(id));
    }

    class UserNotFound extends DomainProblem {
        public UserNotFound(String id) {
            super(Kind.NOT_FOUND, "user-not-found", "no user " + id);
        }
    }
}
