package cn.jiebang.challenge.evaluation.domain;

import cn.jiebang.problem.DomainProblem;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Objections extends GenericRepository<Objection, String> {

    Objection save(Objection objection);

    Objection update(Objection objection);

    Optional<Objection> findById(String id);

    boolean existsByChallengeIdAndRoundIndexAndOrganizationId(String challengeId, int roundIndex, String organizationId);

    boolean existsByChallengeIdAndRoundIndexAndStatus(String challengeId, int roundIndex, Objection.Status status);

    List<Objection> findByChallengeIdAndRoundIndexOrderByFiledAt(String challengeId, int roundIndex);

    default Objection require(String id) {
        return findById(id).orElseThrow(() -> new ObjectionNotFound(id));
    }

    class ObjectionNotFound extends DomainProblem {
        ObjectionNotFound(String id) {
            super(Kind.NOT_FOUND, "objection-not-found", "no objection " + id);
        }
    }
}
