package cn.jiebang.notification.delivery.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Session;

import java.util.Properties;

/**
 * This application's own mail session, made from {@code javamail.properties}. Micronaut Email's default
 * provider asks Jakarta Mail for its one default session per JVM, which keeps the properties of whoever asked
 * first: in a test JVM that can be GreenMail reading a received message, and then every send goes to
 * localhost:25.
 */
@Singleton
class MailSession implements SessionProvider {

    private final Session session;

    MailSession(MailPropertiesProvider properties, @Nullable Authenticator authenticator) {
        Properties mail = properties.mailProperties();
        if (authenticator != null && !mail.containsKey("mail.smtp.auth")) {
            mail.setProperty("mail.smtp.auth", "true");
        }
        this.session = Session.getInstance(mail, authenticator);
    }

    @Override
    public Session session() {
        return session;
    }
}
