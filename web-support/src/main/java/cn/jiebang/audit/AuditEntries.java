package cn.jiebang.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditEntries extends GenericRepository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    /** The answer to a request whose entry was written with its change, before the answer existed. */
    void update(@Id Long id, int status, @Nullable String objectId);

    Page<AuditEntry> findAll(Pageable pageable);

    Page<AuditEntry> findByObjectId(String objectId, Pageable pageable);

    Page<AuditEntry> findByActor(String actor, Pageable pageable);
}
