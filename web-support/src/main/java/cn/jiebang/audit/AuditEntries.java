package cn.jiebang.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditEntries extends GenericRepository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    Page<AuditEntry> findAll(Pageable pageable);

    Page<AuditEntry> findByObjectId(String objectId, Pageable pageable);

    Page<AuditEntry> findByActor(String actor, Pageable pageable);
}
