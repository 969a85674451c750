package cn.jiebang.notification.delivery.application;

import cn.jiebang.notification.delivery.domain.Delivery;
import cn.jiebang.notification.delivery.domain.Webhook;
import cn.jiebang.notification.delivery.domain.Webhooks;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLSocketFactory;

/**
 * POSTs the delivery's JSON to the organization's webhook. Signed like Stripe's and GitHub's webhooks:
 * {@code X-Jiebang-Timestamp} (Unix seconds) and {@code X-Jiebang-Signature: sha256=<hex>}, the HMAC-SHA256
 * with the webhook's secret of {@code timestamp + "." + body}; {@code X-Jiebang-Delivery} identifies the
 * delivery for the receiver's own deduplication. Any answer but 2xx, or none within 10 s, is a failure.
 * The POST goes to the address {@link WebhookTargets} has just checked, never to a second lookup of the host.
 */
@Singleton
class WebhookChannel implements DeliveryChannel {

    private final Webhooks webhooks;
    private final Clock clock;
    private final WebhookTargets targets;
    private final WebhookPost post = new WebhookPost((SSLSocketFactory) SSLSocketFactory.getDefault(),
            Duration.ofSeconds(5), Duration.ofSeconds(10));

    WebhookChannel(Webhooks webhooks, Clock clock, WebhookTargets targets) {
        this.targets = targets;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Override
    public Delivery.Channel channel() {
        return Delivery.Channel.WEBHOOK;
    }

    @Override
    public void send(Delivery delivery) {
        Webhook webhook = webhooks.findById(Delivery.webhookOf(delivery.getTarget())).filter(Webhook::isActive)
                .orElseThrow(() -> new IllegalStateException("the webhook was deactivated"));
        WebhookTargets.Target target;
        try {
            target = targets.target(webhook.getUrl());
        } catch (WebhookTargets.NotAllowed e) {
            throw new IllegalStateException(e.getMessage());
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("X-Jiebang-Delivery", delivery.getId());
        headers.put("X-Jiebang-Timestamp", timestamp);
        headers.put("X-Jiebang-Signature", "sha256=" + sign(webhook.getSecret(), timestamp, delivery.getPayload()));
        int status;
        try {
            status = post.send(target, headers, delivery.getPayload().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("webhook unreachable: " + e, e);
        }
        if (status / 100 != 2) {
            throw new IllegalStateException("webhook answered " + status);
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
