package cn.jiebang.notification.delivery.application;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.email.Email;
import io.micronaut.email.javamail.composer.DefaultMessageComposer;
import io.micronaut.email.javamail.composer.MessageComposer;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Micronaut Email's message, made to keep the {@code Message-ID} that {@link EmailChannel} gives it. Jakarta
 * Mail replaces a message's Message-ID with a new random one each time it is sent
 * ({@code MimeMessage.updateMessageID}); a resend must carry the same one, so that mail systems that
 * deduplicate by it can.
 */
@Singleton
@Replaces(DefaultMessageComposer.class)
class KeepMessageIdComposer implements MessageComposer {

    private final MessageComposer composer = new DefaultMessageComposer();

    @Override
    public Message compose(Email email, Session session) throws MessagingException {
        return new KeepsMessageId((MimeMessage) composer.compose(email, session));
    }

    /** A copy of the composed message that makes up a Message-ID only when none was set. */
    static final class KeepsMessageId extends MimeMessage {

        KeepsMessageId(MimeMessage composed) throws MessagingException {
            super(composed);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }
}
