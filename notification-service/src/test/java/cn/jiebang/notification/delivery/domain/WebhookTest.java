package cn.jiebang.notification.delivery.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookTest {

    private static final Instant T0 = Instant.parse("2027-01-31T08:00:00Z");

    @Test
    void aRegisteredWebhookIsActiveUntilDeactivated() {
        Webhook webhook = Webhook.register("org-1", "https://example.com/hook", "0123456789abcdef", T0);
        assertTrue(webhook.isActive());

        webhook.deactivate();
        assertFalse(webhook.isActive());
        webhook.deactivate();
        assertFalse(webhook.isActive(), "stopping a stopped webhook changes nothing");
        assertEquals("https://example.com/hook", webhook.getUrl());
        assertEquals("0123456789abcdef", webhook.getSecret());
        assertEquals(T0, webhook.getCreatedAt());
    }
}
