package cn.jiebang.notification.preference.domain;

import cn.jiebang.notification.inbox.domain.NotificationKind;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface EmailPreferences extends GenericRepository<EmailPreference, EmailPreference.Key> {

    EmailPreference save(EmailPreference preference);

    EmailPreference update(EmailPreference preference);

    Optional<EmailPreference> findById(EmailPreference.Key key);

    @Query(value = "SELECT * FROM email_preference WHERE user_id = :userId", nativeQuery = true)
    List<EmailPreference> findByUser(String userId);

    default boolean wantsEmail(String userId, NotificationKind kind) {
        return findById(new EmailPreference.Key(userId, kind)).map(EmailPreference::email).orElse(true);
    }
}
