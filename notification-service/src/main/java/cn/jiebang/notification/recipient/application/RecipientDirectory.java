package cn.jiebang.notification.recipient.application;

import cn.jiebang.events.UserRegistered;
import cn.jiebang.events.UserUpdated;
import cn.jiebang.notification.recipient.domain.Recipient;
import cn.jiebang.notification.recipient.domain.Recipients;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/** Keeps the recipients (e-mail, language, organization) from {@code account.events}; runs in the inbox's transaction. */
@Singleton
public class RecipientDirectory {

    private final Recipients recipients;

    RecipientDirectory(Recipients recipients) {
        this.recipients = recipients;
    }

    @Transactional(propagation = MANDATORY)
    public void on(UserRegistered e) {
        upsert(new Recipient(e.userId(), e.organizationId(), e.name(), e.email(), e.language(), String.join(",", e.roles())));
    }

    @Transactional(propagation = MANDATORY)
    public void on(UserUpdated e) {
        upsert(new Recipient(e.userId(), e.organizationId(), e.name(), e.email(), e.language(), String.join(",", e.roles())));
    }

    private void upsert(Recipient recipient) {
        if (recipients.existsById(recipient.userId())) {
            recipients.update(recipient);
        } else {
            recipients.save(recipient);
        }
    }
}
