package cn.jiebang.notification.application;

import cn.jiebang.notification.domain.Deliveries;
import cn.jiebang.notification.domain.Delivery;
import cn.jiebang.notification.domain.EmailPreferences;
import cn.jiebang.notification.domain.Notification;
import cn.jiebang.notification.domain.NotificationKind;
import cn.jiebang.notification.domain.Notifications;
import cn.jiebang.notification.domain.Recipient;
import cn.jiebang.notification.domain.Recipients;
import cn.jiebang.notification.domain.Webhook;
import cn.jiebang.notification.domain.Webhooks;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Decides who is told what, over which channel, in the transaction that handled the event: an inbox entry
 * for every recipient, an e-mail delivery when the user has an address and wants e-mail for the kind, and
 * one webhook delivery per active webhook of the recipient's organization. The dispatcher sends them.
 * Texts are chosen by the recipient's language (Chinese unless the user chose English).
 */
@Singleton
public class Notifier {

    private final Notifications notifications;
    private final Recipients recipients;
    private final EmailPreferences preferences;
    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final JsonMapper json;
    private final Clock clock;

    Notifier(Notifications notifications, Recipients recipients, EmailPreferences preferences, Webhooks webhooks,
             Deliveries deliveries, JsonMapper json, Clock clock) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.preferences = preferences;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /** A message in Chinese and in English. */
    public record Text(String zhTitle, String zhBody, String enTitle, String enBody) {

        String title(boolean english) {
            return english ? enTitle : zhTitle;
        }

        String body(boolean english) {
            return english ? enBody : zhBody;
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
            boolean english = recipient.map(Recipient::language).filter("en"::equals).isPresent();
            String title = text.title(english);
            String body = text.body(english);
            Notification notification = notifications.save(Notification.to(userId, kind, title, body, link,
                    sourceEventId, now));
            boolean hasAddress = recipient.map(Recipient::email).filter(e -> !e.isBlank()).isPresent();
            // a user whose account has not arrived yet is mailed once it has (the address is looked up at sending)
            if ((hasAddress || recipient.isEmpty()) && preferences.wantsEmail(userId, kind)) {
                deliveries.save(Delivery.pending(sourceEventId, Delivery.Channel.EMAIL, EmailChannel.target(userId),
                        recipient.map(Recipient::organizationId).orElse(null), notification.id(), title,
                        body + "\n\n" + link, "", now));
            }
            if (recipient.isEmpty()) {
                continue;
            }
            Recipient r = recipient.get();
            for (Webhook webhook : webhooks.findByOrganizationIdAndActiveTrue(r.organizationId())) {
                Delivery delivery = Delivery.pending(sourceEventId, Delivery.Channel.WEBHOOK,
                        WebhookChannel.target(webhook.id(), userId), r.organizationId(), notification.id(), title, body,
                        "", now);
                deliveries.save(delivery.withPayload(json(new WebhookPayload(delivery.id(), sourceEventId, kind, userId,
                        title, body, link, now))));
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
