package cn.jiebang.notification.inbox.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationTest {

    private static final Instant T0 = Instant.parse("2027-01-31T08:00:00Z");

    @Test
    void readTwiceKeepsTheTimeItWasFirstRead() {
        Notification notification = Notification.to("u1", NotificationKind.BID_RECEIPT, "标题", "正文",
                "/api/bids/b-1", "event-1", T0);
        assertFalse(notification.isRead());
        assertNull(notification.getReadAt());

        notification.read(T0.plusSeconds(60));
        notification.read(T0.plusSeconds(120));
        assertTrue(notification.isRead());
        assertEquals(T0.plusSeconds(60), notification.getReadAt());
    }
}
