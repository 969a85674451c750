package cn.jiebang.notification;

import cn.jiebang.devstack.ChildJvm;
import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.EmbeddedMail;
import cn.jiebang.notification.delivery.application.DeliveryDispatcher;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.Published;
import cn.jiebang.testing.Sql;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a crash between sending an e-mail and recording it does: once with a real {@code kill -9} of an
 * instance in the middle of its deliveries, and once stood in for by a trigger that makes the database
 * refuse to record one delivery SENT after its SMTP transaction has succeeded, so the instance cannot record
 * it, as if it had died there. This instance only decides; its dispatcher runs when a test calls it.
 */
class DeliveryCrashIT extends NotificationServiceIT {

    private static final Duration GRACE = Duration.ofSeconds(2);

    private final EmbeddedMail mail = Devstack.mail();

    @Inject
    DeliveryDispatcher dispatcher;

    @Override
    protected Map<String, String> properties() {
        return Map.of("jiebang.deliveries.enabled", "false",
                "jiebang.deliveries.backoff", "100ms",
                "jiebang.deliveries.sending-grace", GRACE.toMillis() + "ms");
    }

    /** Runs the dispatcher as the schedule does: a failing run is logged and the next run goes on. */
    private void dispatchRuns(int runs) {
        for (int i = 0; i < runs; i++) {
            try {
                dispatcher.dispatchDue();
            } catch (RuntimeException e) {
                // as DeliverySchedule and ReminderSchedule: logged, retried on the next run
            }
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : String.join(",", values);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> followers(String field, String prefix, int count) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String address = prefix + "-" + i + "-" + UUID.randomUUID() + "@example.cn";
            followerOf(field, UUID.randomUUID().toString(), UUID.randomUUID().toString(), address, "zh");
            addresses.add(address);
        }
        return addresses;
    }

    private static String uniqueField() {
        return "F_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private String publish(String field) {
        String challenge = UUID.randomUUID().toString();
        Events.deliver(Published.challenge(challenge, "挑战 " + challenge, field, new BigDecimal("5000000.00"),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS)));
        return challenge;
    }

    private String status(String deliveryId) {
        return Sql.query(db, "SELECT status FROM delivery WHERE id = '" + deliveryId + "'");
    }

    @Test
    void anInstanceKilledInTheMiddleOfItsDeliveriesResendsNoneOfThoseItHadSent() {
        String field = uniqueField();
        List<String> addresses = followers(field, "killed", 8);
        String challenge = publish(field);
        String ours = "channel = 'EMAIL' AND body LIKE '%" + challenge + "%'";
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM delivery WHERE " + ours) == 8);
        // the fourth delivery recorded SENT hangs there, so that the kill lands after its SMTP transaction
        Sql.execute(db, "CREATE TABLE crash_point (sent INT NOT NULL)");
        Sql.execute(db, "INSERT INTO crash_point VALUES (0)");
        Sql.execute(db, "CREATE TRIGGER hang_at_fourth_sent BEFORE UPDATE ON delivery FOR EACH ROW BEGIN"
                + " IF NEW.status = 'SENT' AND OLD.status <> 'SENT' THEN UPDATE crash_point SET sent = sent + 1;"
                + " IF (SELECT sent FROM crash_point) = 4 THEN DO SLEEP(8); END IF; END IF; END");
        Map<String, String> instance = new HashMap<>(getProperties());
        instance.put("jiebang.deliveries.enabled", "true");
        instance.put("jiebang.deliveries.interval", "20ms");
        instance.put("jiebang.deliveries.initial-delay", "0s");
        instance.put("micronaut.server.port", "-1");
        // it only sends: left in the consumer group, its death would hold up this instance's events
        instance.put("kafka.enabled", "false");
        List<String> sentBeforeTheKill;
        try (ChildJvm killed = ChildJvm.start("delivery-crash-instance", Application.class.getName(), instance)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                assertTrue(killed.isAlive(), killed::output);
                return addresses.stream().filter(a -> !mail.receivedBy(a).isEmpty()).count() >= 4;
            });
            killed.kill();
            sentBeforeTheKill = addresses.stream().filter(a -> !mail.receivedBy(a).isEmpty()).toList();
        } finally {
            Sql.execute(db, "DROP TRIGGER IF EXISTS hang_at_fourth_sent");
        }

        // a restarted instance: everything goes out, and the one in flight at the kill once more after the grace
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dispatchRuns(1);
            return Sql.count(db, "SELECT COUNT(*) FROM delivery WHERE " + ours + " AND status = 'SENT'") == 8;
        });
        assertEquals(4, sentBeforeTheKill.size(), "the fourth one hung while being recorded: " + sentBeforeTheKill);
        List<String> twice = addresses.stream().filter(a -> mail.receivedBy(a).size() > 1).toList();
        assertTrue(twice.size() <= 1, "only the one in flight at the kill may come twice, but these did: " + twice);
        String inFlight = Sql.query(db, "SELECT id FROM delivery WHERE " + ours + " AND uncertain_sends = 1");
        String inFlightAddress = Sql.query(db, "SELECT email FROM recipient WHERE CONCAT('user:', user_id) ="
                + " (SELECT target FROM delivery WHERE id = '" + inFlight + "')");
        assertTrue(sentBeforeTheKill.contains(inFlightAddress), inFlightAddress + " was in flight when the instance died");
        for (String address : addresses) {
            assertEquals(address.equals(inFlightAddress) ? 2 : 1, mail.receivedBy(address).size(),
                    address + "; sent before the kill: " + sentBeforeTheKill);
        }
        for (MimeMessage copy : mail.receivedBy(inFlightAddress)) {
            assertEquals("<" + inFlight + "@jiebang.notification>", header(copy, "Message-ID"), "the same on both");
        }
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM delivery WHERE " + ours + " AND attempts = 2"));
    }

    @Test
    void aCrashAfterOneSendNeitherResendsTheOthersNorSendsThatOneMoreThanOnceMore() {
        String field = uniqueField();
        List<String> addresses = followers(field, "crash", 5);
        String challenge = publish(field);
        String ours = "channel = 'EMAIL' AND body LIKE '%" + challenge + "%'";
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM delivery WHERE " + ours) == 5);
        String crashedAddress = addresses.get(2);
        String crashedDelivery = Sql.query(db, "SELECT id FROM delivery WHERE " + ours + " AND target = (SELECT"
                + " CONCAT('user:', user_id) FROM recipient WHERE email = '" + crashedAddress + "')");
        Sql.execute(db, "CREATE TRIGGER crash_after_send BEFORE UPDATE ON delivery FOR EACH ROW BEGIN"
                + " IF NEW.status = 'SENT' AND NEW.id = '" + crashedDelivery + "' THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'stands in for a crash after the SMTP transaction';"
                + " END IF; END");
        try {
            dispatchRuns(5);

            for (String address : addresses) {
                assertEquals(1, mail.receivedBy(address).size(), address + ": one e-mail, however the batch went");
            }
            assertEquals("SENDING", status(crashedDelivery), "possibly sent: not recorded either way");
            assertEquals(4, Sql.count(db, "SELECT COUNT(*) FROM delivery WHERE " + ours + " AND status = 'SENT'"
                    + " AND attempts = 1"));

            dispatchRuns(2);
            assertEquals(1, mail.receivedBy(crashedAddress).size(), "not sent again within the grace period");

            await().pollDelay(GRACE).atMost(GRACE.multipliedBy(10)).until(() -> {
                dispatchRuns(1);
                return mail.receivedBy(crashedAddress).size() == 2;
            });
            List<MimeMessage> copies = mail.receivedBy(crashedAddress);
            String messageId = "<" + crashedDelivery + "@jiebang.notification>";
            for (MimeMessage copy : copies) {
                assertEquals(messageId, header(copy, "Message-ID"), "the same Message-ID on the resend");
                assertEquals(crashedDelivery, header(copy, "X-Jiebang-Delivery"));
            }
            assertEquals("SENDING", status(crashedDelivery), "the resend was lost to a crash as well");
            assertEquals("1", Sql.query(db, "SELECT uncertain_sends FROM delivery WHERE id = '" + crashedDelivery + "'"));

            await().pollDelay(GRACE).atMost(GRACE.multipliedBy(10)).until(() -> {
                dispatchRuns(1);
                return "FAILED".equals(status(crashedDelivery));
            });
            dispatchRuns(2);
            assertEquals(2, mail.receivedBy(crashedAddress).size(), "resent at most once");
            String error = Sql.query(db, "SELECT last_error FROM delivery WHERE id = '" + crashedDelivery + "'");
            assertTrue(error.contains("possibly sent, not sent again"), error);
            for (String address : addresses) {
                if (!address.equals(crashedAddress)) {
                    assertEquals(1, mail.receivedBy(address).size(), address);
                }
            }
        } finally {
            Sql.execute(db, "DROP TRIGGER IF EXISTS crash_after_send");
        }
    }
}
