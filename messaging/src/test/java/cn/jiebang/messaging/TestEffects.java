package cn.jiebang.messaging;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface TestEffects extends GenericRepository<ProcessedEvent, String> {

    @Query(value = "INSERT INTO test_effect (event_id, title) VALUES (:eventId, :title)", nativeQuery = true)
    void insert(String eventId, String title);

    @Query(value = "SELECT COUNT(*) FROM test_effect WHERE title = :title", nativeQuery = true)
    long countByTitle(String title);
}
