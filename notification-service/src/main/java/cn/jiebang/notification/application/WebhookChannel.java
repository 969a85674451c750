package cn.jiebang.notification.application;

import cn.jiebang.notification.domain.Delivery;
import cn.jiebang.notification.domain.Webhook;
import cn.jiebang.notification.domain.Webhooks;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * POSTs the delivery's JSON to the organization's webhook. Signed like Stripe's and GitHub's webhooks:
 * {@code X-Jiebang-Timestamp} (Unix seconds) and {@code X-Jiebang-Signature: sha256=<hex>}, the HMAC-SHA256
 * with the webhook's secret of {@code timestamp + "." + body}; {@code X-Jiebang-Delivery} identifies the
 * delivery for the receiver's own deduplication. Any answer but 2xx, or none within 10 s, is a failure.
 */
@Singleton
class WebhookChannel implements DeliveryChannel {

    private final Webhooks webhooks;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final WebhookTargets targets;

    WebhookChannel(Webhooks webhooks, Clock clock, WebhookTargets targets) {
        this.targets = targets;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Override
    public Delivery.Channel channel() {
        return Delivery.Channel.WEBHOOK;
    }

    /** A delivery's target: the webhook and the user the notification is for, one POST per notification. */
    static String target(String webhookId, String userId) {
        return webhookId + "/" + userId;
    }

    static String webhookOf(String target) {
        return target.substring(0, target.indexOf('/'));
    }

    @Override
    public void send(Delivery delivery) {
        Webhook webhook = webhooks.findById(webhookOf(delivery.target())).filter(Webhook::active)
                .orElseThrow(() -> new IllegalStateException("the webhook was deactivated"));
        try {
            targets.check(webhook.url());
        } catch (WebhookTargets.NotAllowed e) {
            throw new IllegalStateException(e.getMessage());
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Jiebang-Delivery", delivery.id())
                .header("X-Jiebang-Timestamp", timestamp)
                .header("X-Jiebang-Signature", "sha256=" + sign(webhook.secret(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("webhook answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("webhook unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** HMAC-SHA256 of {@code timestamp.body} with the secret, as hex: what a receiver recomputes to verify. */
    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
