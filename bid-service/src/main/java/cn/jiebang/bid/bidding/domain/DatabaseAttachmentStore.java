package cn.jiebang.bid.bidding.domain;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The default {@link AttachmentStore}: bytes in {@code attachment_content}, written in the caller's
 * transaction so a file and its metadata are stored together or not at all. Turned off with
 * {@code jiebang.attachments.store} set to anything but {@code database} when another store is provided.
 */
@Singleton
@Requires(property = "jiebang.attachments.store", value = "database", defaultValue = "database")
class DatabaseAttachmentStore implements AttachmentStore {

    private final JdbcOperations jdbc;

    DatabaseAttachmentStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void put(String attachmentId, byte[] bytes) {
        jdbc.prepareStatement("INSERT INTO attachment_content (attachment_id, bytes) VALUES (?, ?)", statement -> {
            statement.setString(1, attachmentId);
            statement.setBytes(2, bytes);
            return statement.executeUpdate();
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<byte[]> get(String attachmentId) {
        return jdbc.prepareStatement("SELECT bytes FROM attachment_content WHERE attachment_id = ?", statement -> {
            statement.setString(1, attachmentId);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.<byte[]>empty();
            }
        });
    }
}
