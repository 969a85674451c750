package cn.jiebang.notification.notice.application;

import cn.jiebang.notification.notice.application.Notifier.Message;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes notification texts in a language from the bundles {@code i18n/notifications_zh} and {@code _en}. Each
 * argument is written before it goes in: an {@link Instant} as a Beijing time with the zone named, a
 * {@link BigDecimal} as CNY, a {@link Message} in the same language, a {@link List} joined by the language's
 * separator, anything else as {@link String#valueOf} (so numbers are not grouped).
 */
@Singleton
public class NotificationTexts {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationTexts.class);

    private final MessageSource messages;

    NotificationTexts(@Named("notifications") MessageSource messages) {
        this.messages = messages;
    }

    public String write(Message message, Locale locale) {
        Object[] args = message.args().stream().map(a -> argument(a, locale)).toArray();
        return messages.getMessage(message.key(), locale, args).orElseGet(() -> {
            // a missing key is a bug the bundle test should catch; a raw key beats a consumer stuck on the event
            LOG.warn("No notification text {} in {}", message.key(), locale);
            return message.key();
        });
    }

    private String argument(Object argument, Locale locale) {
        if (argument instanceof Instant instant) {
            return write(Message.of("time", Formats.beijing(instant)), locale);
        }
        if (argument instanceof BigDecimal amount) {
            return Formats.cny(amount);
        }
        if (argument instanceof Message message) {
            return write(message, locale);
        }
        if (argument instanceof List<?> list) {
            String separator = write(Message.of("list.separator"), locale);
            return list.stream().map(a -> argument(a, locale)).collect(Collectors.joining(separator));
        }
        return argument == null ? "" : String.valueOf(argument);
    }

    @Factory
    static class Bundles {

        @Singleton
        @Named("notifications")
        MessageSource notificationMessages() {
            return new ResourceBundleMessageSource("i18n.notifications");
        }
    }
}
