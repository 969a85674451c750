package cn.jiebang.notification.notice.application;

import cn.jiebang.notification.delivery.domain.Deliveries;
import cn.jiebang.notification.delivery.domain.Delivery;
import cn.jiebang.notification.delivery.domain.Webhook;
import cn.jiebang.notification.delivery.domain.Webhooks;
import cn.jiebang.notification.inbox.domain.Notification;
import cn.jiebang.notification.inbox.domain.NotificationKind;
import cn.jiebang.notification.inbox.domain.Notifications;
import cn.jiebang.notification.preference.domain.EmailPreferences;
import cn.jiebang.notification.recipient.domain.Recipient;
import cn.jiebang.notification.recipient.domain.Recipients;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Decides who is told what, over which channel, in the transaction that handled the event: an inbox entry
 * for every recipient, an e-mail delivery when the user has an address and wants e-mail for the kind, and
 * one webhook delivery per active webhook of the recipient's organization. The dispatcher sends them.
 * Texts are written in the recipient's language (Chinese unless the user chose English) from the bundles
 * {@code i18n/notifications_zh} and {@code _en} by {@link NotificationTexts}.
 */
@Singleton
public class Notifier {

    private final Notifications notifications;
    private final Recipients recipients;
    private final EmailPreferences preferences;
    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final NotificationTexts texts;
    private final JsonMapper json;
    private final Clock clock;

    Notifier(Notifications notifications, Recipients recipients, EmailPreferences preferences, Webhooks webhooks,
             Deliveries deliveries, NotificationTexts texts, JsonMapper json, Clock clock) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.preferences = preferences;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.texts = texts;
        this.json = json;
        this.clock = clock;
    }

    /** A notification's title and body, written in each recipient's language when told. */
    public record Text(Message title, Message body) {

        /** The title {@code <key>.title} and the body {@code <key>.body}, both with these arguments. */
        public static Text of(String key, Object... args) {
            return new Text(Message.of(key + ".title", args), Message.of(key + ".body", args));
        }
    }

    /** A key of the bundles and its arguments {0}, {1}...; how each kind of argument is written: {@link NotificationTexts}. */
    public record Message(String key, List<Object> args) {

        public static Message of(String key, Object... args) {
            return new Message(key, Collections.unmodifiableList(Arrays.asList(args)));
        }
    }

    /** What an organization's webhook receives. */
    @Serdeable
    public record WebhookPayload(String deliveryId, String sourceEventId, NotificationKind kind, String recipient,
                                 String title, String body, String link, Instant createdAt) {
    }

    @Transactional(propagation = MANDATORY)
    public void tell(Collection<String> userIds, NotificationKind kind, Text text, String link, String sourceEventId) {
        Instant now = clock.instant();
        for (String userId : new LinkedHashSet<>(userIds)) {
            if (notifications.existsBySourceEventIdAndRecipient(sourceEventId, userId)) {
                continue; // told already by another handler of the same event: one notification per event and person
            }
            Optional<Recipient> recipient = recipients.findById(userId);
            Locale language = recipient.map(Recipient::language).filter("en"::equals).isPresent()
                    ? Locale.ENGLISH : Locale.CHINESE;
            String title = texts.write(text.title(), language);
            String body = texts.write(text.body(), language);
            Notification notification = notifications.save(Notification.to(userId, kind, title, body, link,
                    sourceEventId, now));
            boolean hasAddress = recipient.map(Recipient::email).filter(e -> !e.isBlank()).isPresent();
            // a user whose account has not arrived yet is mailed once it has (the address is looked up at sending)
            if ((hasAddress || recipient.isEmpty()) && preferences.wantsEmail(userId, kind)) {
                deliveries.save(Delivery.pending(sourceEventId, Delivery.Channel.EMAIL, Delivery.emailTarget(userId),
                        recipient.map(Recipient::organizationId).orElse(null), notification.getId(), title,
                        body + "\n\n" + link, deliveryId -> "", now));
            }
            if (recipient.isEmpty()) {
                continue;
            }
            Recipient r = recipient.get();
            for (Webhook webhook : webhooks.findByOrganizationIdAndActiveTrue(r.organizationId())) {
                deliveries.save(Delivery.pending(sourceEventId, Delivery.Channel.WEBHOOK,
                        Delivery.webhookTarget(webhook.getId(), userId), r.organizationId(), notification.getId(), title,
                        body, deliveryId -> json(new WebhookPayload(deliveryId, sourceEventId, kind, userId, title, body,
                                link, now)), now));
            }
        }
    }

    private String json(WebhookPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
