package cn.jiebang.bid.bidding.domain;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Attachments extends GenericRepository<Attachment, String> {

    Attachment save(Attachment attachment);

    Optional<Attachment> findById(String id);
}
