package cn.jiebang.messaging;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OutboxMessages extends GenericRepository<OutboxMessage, Long> {

    OutboxMessage save(OutboxMessage message);

    /** The oldest unpublished rows no other relay holds; they stay locked until this transaction ends. */
    @Query(value = "SELECT * FROM outbox_message WHERE published_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    List<OutboxMessage> claimUnpublished(int limit);

    /** Unpublished rows of these keys that this relay did not claim (another relay holds them). */
    @Query(value = "SELECT * FROM outbox_message WHERE published_at IS NULL AND message_key IN (:keys)"
            + " AND id < :below AND id NOT IN (:claimed) ORDER BY id", nativeQuery = true)
    List<OutboxMessage> findUnclaimedEarlier(Collection<String> keys, long below, Collection<Long> claimed);

    @Query(value = "UPDATE outbox_message SET published_at = :publishedAt WHERE id IN (:ids)", nativeQuery = true)
    void markPublished(Collection<Long> ids, Instant publishedAt);

    @Query(value = "SELECT COUNT(*) FROM outbox_message WHERE published_at IS NULL", nativeQuery = true)
    long countUnpublished();

    /**
     * Deletes up to {@code limit} rows published before {@code cutoff}, the oldest first, along
     * {@code ix_outbox_unpublished (published_at, id)}. An unpublished row has no {@code published_at}, so it
     * is never before anything.
     */
    @Query(value = "DELETE FROM outbox_message WHERE published_at < :cutoff ORDER BY published_at, id LIMIT :limit",
            nativeQuery = true)
    int deletePublishedBefore(Instant cutoff, int limit);
}
