package cn.jiebang.notification;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.EmbeddedMail;
import cn.jiebang.devstack.TestTokens;
import cn.jiebang.events.AssignmentScored;
import cn.jiebang.events.ChallengeAmended;
import cn.jiebang.events.ChallengeCancelled;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.JudgesAssigned;
import cn.jiebang.events.RoundClosed;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.notification.delivery.application.DeliveryDispatcher;
import cn.jiebang.notification.notice.application.DeadlineReminders;
import cn.jiebang.notification.notice.application.JudgeReminders;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.Published;
import cn.jiebang.testing.Sql;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E-mail over a real SMTP server, webhooks to a real HTTP receiver, reminders: each notification once per
 * recipient and channel. This instance only decides (its dispatcher runs when a test calls it), so a test can
 * hold deliveries "decided but not sent", as after a crash, and let other instances send them.
 */
class NotificationChannelsIT extends NotificationServiceIT {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private final EmbeddedMail mail = Devstack.mail();

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    DeadlineReminders reminders;

    @Inject
    JudgeReminders judgeReminders;

    @Override
    protected Map<String, String> properties() {
        return Map.of("jiebang.deliveries.enabled", "false",
                "jiebang.deliveries.backoff", "100ms",
                "jiebang.deliveries.max-attempts", "5",
                "jiebang.due-rows.backoff", "5s",
                // the webhook receivers of these tests listen on 127.0.0.1
                "jiebang.webhooks.allow-private-addresses", "true");
    }

    private static String uniqueField() {
        return "F_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private String publish(String field, Instant closes) {
        String id = UUID.randomUUID().toString();
        Events.deliver(Published.challenge(id, "挑战 " + id, field, new BigDecimal("5000000.00"),
                Instant.now().minus(1, ChronoUnit.DAYS), closes));
        return id;
    }

    private long deliveries(String where) {
        return Sql.count(db, "SELECT COUNT(*) FROM delivery WHERE " + where);
    }

    @Test
    void anEmailGoesOutOnceInTheRecipientsLanguageAndOnlyToWhoeverWantsIt() throws Exception {
        String field = uniqueField();
        String english = "en-" + UUID.randomUUID() + "@example.cn";
        String optedOut = "zh-" + UUID.randomUUID() + "@example.cn";
        followerOf(field, UUID.randomUUID().toString(), UUID.randomUUID().toString(), english, "en");
        String quiet = followerOf(field, UUID.randomUUID().toString(), UUID.randomUUID().toString(), optedOut, "zh");
        http.toBlocking().exchange(HttpRequest.PUT("/api/notification-preferences",
                Map.of("email", Map.of("CHALLENGE_PUBLISHED", false))).bearerAuth(quiet));

        String id = UUID.randomUUID().toString();
        ChallengePublished published = Published.challenge(id, "储能 🔋 " + id, field, new BigDecimal("5000000.00"),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS));
        String eventId = Events.deliver(published);
        Events.deliver(eventId, published);
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db,
                "SELECT COUNT(*) FROM notification WHERE source_event_id = '" + eventId + "'") == 2);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatcher.dispatchDue();
            return mail.receivedBy(english).size() == 1;
        });
        dispatcher.dispatchDue();
        MimeMessage message = mail.receivedBy(english).get(0);
        assertEquals("New challenge: 储能 🔋 " + id, message.getSubject());
        assertTrue(EmbeddedMail.textOf(message).contains("/api/challenges/" + id), EmbeddedMail.textOf(message));
        assertEquals(1, message.getHeader("X-Jiebang-Delivery").length);
        assertEquals("<" + message.getHeader("X-Jiebang-Delivery")[0] + "@jiebang.notification>",
                message.getHeader("Message-ID")[0], "a Message-ID made from the delivery id");
        assertEquals(1, mail.receivedBy(english).size(), "the second delivery of the event sent nothing");
        assertEquals(0, mail.receivedBy(optedOut).size(), "e-mail off for this kind");
        Map<String, Object> inbox = http.toBlocking().retrieve(HttpRequest.GET("/api/notifications").bearerAuth(quiet), JSON);
        assertTrue(inbox.toString().contains("新榜单发布：储能"), "the inbox always gets it, in Chinese");
        assertEquals(1, deliveries("source_event_id = '" + eventId + "' AND channel = 'EMAIL' AND status = 'SENT'"));
    }

    /** A webhook receiver answering the given statuses in turn, then 200; it records what it was sent. */
    private record Receiver(HttpServer server, List<Map<String, String>> requests) implements AutoCloseable {

        static Receiver answering(int... statuses) throws IOException {
            List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
            AtomicInteger calls = new AtomicInteger();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                Map<String, String> request = new HashMap<>();
                request.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                request.put("timestamp", exchange.getRequestHeaders().getFirst("X-Jiebang-Timestamp"));
                request.put("signature", exchange.getRequestHeaders().getFirst("X-Jiebang-Signature"));
                request.put("delivery", exchange.getRequestHeaders().getFirst("X-Jiebang-Delivery"));
                request.put("at", Long.toString(System.nanoTime()));
                requests.add(request);
                int call = calls.getAndIncrement();
                int status = call < statuses.length ? statuses[call] : 200;
                request.put("status", Integer.toString(status));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return new Receiver(server, requests);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static String hmac(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aWebhookThatFailsThreeTimesGetsTheEventOnceSignedAfterBackoffAndOneThatAlwaysFailsIsShownFailed()
            throws Exception {
        String field = uniqueField();
        String organization = UUID.randomUUID().toString();
        String agency = TestTokens.shared().token(UUID.randomUUID().toString(), organization, "AGENCY");
        String secret = "whsec-" + UUID.randomUUID();
        followerOf(field, UUID.randomUUID().toString(), organization, "", "zh");
        try (Receiver flaky = Receiver.answering(500, 503, 500); Receiver dead = Receiver.answering(500, 500, 500, 500, 500)) {
            http.toBlocking().exchange(HttpRequest.POST("/api/webhooks", Map.of("url", flaky.url(), "secret", secret))
                    .bearerAuth(agency));
            Map<String, Object> generated = http.toBlocking().retrieve(HttpRequest.POST("/api/webhooks",
                    Map.of("url", dead.url())).bearerAuth(agency), JSON);
            assertEquals(64, ((String) generated.get("secret")).length(), "a generated secret, shown once");
            String id = publish(field, Instant.now().plus(30, ChronoUnit.DAYS));

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                dispatcher.dispatchDue();
                return flaky.requests().stream().anyMatch(r -> "200".equals(r.get("status")))
                        && deliveries("organization_id = '" + organization + "' AND status = 'FAILED'") == 1;
            });
            dispatcher.dispatchDue();
            assertEquals(4, flaky.requests().size(), "three failures, then one success, then nothing");
            for (Map<String, String> r : flaky.requests()) {
                assertEquals(hmac(secret, r.get("timestamp"), r.get("body")), r.get("signature"), "signed with the secret");
                assertTrue(r.get("body").contains("/api/challenges/" + id));
                assertEquals(flaky.requests().get(0).get("delivery"), r.get("delivery"), "one delivery, retried");
            }
            for (int i = 1; i < 4; i++) {
                long gapMillis = (Long.parseLong(flaky.requests().get(i).get("at"))
                        - Long.parseLong(flaky.requests().get(i - 1).get("at"))) / 1_000_000;
                assertTrue(gapMillis >= 100L << (i - 1), "backoff before attempt " + (i + 1) + ": " + gapMillis + " ms");
            }
            assertEquals(5, dead.requests().size(), "given up after the fifth attempt");

            Map<String, Object> page = http.toBlocking().retrieve(HttpRequest.GET("/api/webhooks/deliveries")
                    .bearerAuth(agency), JSON);
            List<?> items = (List<?>) page.get("items");
            assertTrue(items.stream().anyMatch(d -> "SENT".equals(((Map<?, ?>) d).get("status"))
                    && ((Number) ((Map<?, ?>) d).get("attempts")).intValue() == 4), items.toString());
            assertTrue(items.stream().anyMatch(d -> "FAILED".equals(((Map<?, ?>) d).get("status"))
                    && ((String) ((Map<?, ?>) d).get("lastError")).contains("500")), items.toString());
        }
    }

    @Test
    void decidedDeliveriesAreSentOnceByTwoFreshInstances() {
        String field = uniqueField();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String address = "restart-" + i + "-" + UUID.randomUUID() + "@example.cn";
            addresses.add(address);
            followerOf(field, UUID.randomUUID().toString(), UUID.randomUUID().toString(), address, "zh");
        }
        String id = publish(field, Instant.now().plus(30, ChronoUnit.DAYS));
        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries("channel = 'EMAIL' AND body LIKE '%" + id + "%'") == 12);
        assertEquals(0, addresses.stream().mapToLong(a -> mail.receivedBy(a).size()).sum(), "decided, nothing sent yet");

        Map<String, Object> instance = new HashMap<>(getProperties());
        instance.put("jiebang.deliveries.enabled", "true");
        instance.put("jiebang.deliveries.interval", "20ms");
        instance.put("jiebang.deliveries.initial-delay", "0s");
        instance.put("micronaut.server.port", -1);
        Map<String, Object> other = new HashMap<>(instance);
        other.put("jiebang.kafka.instance-id", "second-" + UUID.randomUUID());
        try (ApplicationContext one = ApplicationContext.run(instance); ApplicationContext two = ApplicationContext.run(other)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> addresses.stream().allMatch(a -> !mail.receivedBy(a).isEmpty()));
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        }
        for (String address : addresses) {
            assertEquals(1, mail.receivedBy(address).size(), address + " got its e-mail once");
        }
        assertEquals(12, deliveries("channel = 'EMAIL' AND body LIKE '%" + id + "%' AND status = 'SENT' AND attempts = 1"));
    }

    @Test
    void followersAreRemindedOnceBeforeTheDeadlineButNotOfACancelledOrAnExtendedOne() {
        String field = uniqueField();
        String follower = followerOf(field, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "", "zh");
        String in71Hours = publish(field, Instant.now().plus(71, ChronoUnit.HOURS));
        String in23Hours = publish(field, Instant.now().plus(23, ChronoUnit.HOURS));
        String cancelled = publish(field, Instant.now().plus(10, ChronoUnit.HOURS));
        Instant extendedFrom = Instant.now().plus(30, ChronoUnit.HOURS);
        String extended = publish(field, extendedFrom);
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM watched_challenge WHERE"
                + " challenge_id IN ('" + String.join("','", in71Hours, in23Hours, cancelled, extended) + "')") == 4);
        Events.deliver(new ChallengeCancelled(cancelled, "x", "撤榜", Instant.now()));
        Events.deliver(new ChallengeAmended(extended, "x", "DEADLINE_EXTENDED", "延期", extendedFrom,
                Instant.now().plus(100, ChronoUnit.HOURS), Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM watched_challenge WHERE"
                + " (challenge_id = '" + cancelled + "' AND cancelled) OR (challenge_id = '" + extended
                + "' AND bid_closes_at > '" + java.sql.Timestamp.from(extendedFrom.plus(1, ChronoUnit.HOURS)) + "')") == 2);

        reminders.sendDue();
        reminders.sendDue();
        Map<String, Long> reminded = new HashMap<>();
        for (String id : List.of(in71Hours, in23Hours, cancelled, extended)) {
            reminded.put(id, Sql.count(db, "SELECT COUNT(*) FROM notification WHERE kind = 'DEADLINE_REMINDER' AND link = '"
                    + "/api/challenges/" + id + "'"));
        }
        assertEquals(Map.of(in71Hours, 1L, in23Hours, 1L, cancelled, 0L, extended, 0L), reminded);
        assertEquals(2, Sql.count(db, "SELECT COUNT(*) FROM deadline_reminder WHERE challenge_id = '" + in23Hours + "'"),
                "the 72-hour reminder is skipped when the 24-hour one is already due");
        Map<String, Object> inbox = http.toBlocking().retrieve(HttpRequest.GET("/api/notifications").bearerAuth(follower), JSON);
        assertTrue(inbox.toString().contains("揭榜截止提醒"), inbox.toString());
    }

    @Test
    void judgesWithUnscoredAssignmentsAreRemindedOnceBeforeTheRoundCloses() {
        String challenge = UUID.randomUUID().toString();
        String lagging = UUID.randomUUID().toString();
        String done = UUID.randomUUID().toString();
        String replaced = UUID.randomUUID().toString();
        Instant closes = Instant.now().plus(10, ChronoUnit.HOURS);
        Events.deliver(new RoundOpened(challenge, 1, "方案评审", "PROPOSAL_REVIEW", closes, List.of(lagging, done, replaced),
                1, false, Instant.now(), List.of(), List.of()));
        Events.deliver(new JudgesAssigned(challenge, 1, "INITIAL", List.of(
                new JudgesAssigned.Assignment("a1", "b1", lagging), new JudgesAssigned.Assignment("a2", "b2", done),
                new JudgesAssigned.Assignment("a3", "b3", replaced)), null, null, List.of(), Instant.now()));
        Events.deliver(new AssignmentScored(challenge, 1, "a2", done, Instant.now()));
        Events.deliver(new JudgesAssigned(challenge, 1, "CONFLICT", List.of(new JudgesAssigned.Assignment("a4", "b3", done)),
                replaced, "a3", List.of(), Instant.now()));
        Events.deliver(new AssignmentScored(challenge, 1, "a4", done, Instant.now()));
        String closedChallenge = UUID.randomUUID().toString();
        Events.deliver(new RoundOpened(closedChallenge, 1, "方案评审", "PROPOSAL_REVIEW", closes, List.of(lagging), 1, false,
                Instant.now(), List.of(), List.of()));
        Events.deliver(new JudgesAssigned(closedChallenge, 1, "INITIAL", List.of(new JudgesAssigned.Assignment("c1", "b9",
                lagging)), null, null, List.of(), Instant.now()));
        Events.deliver(new RoundClosed(closedChallenge, 1, true, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM judge_assignment WHERE"
                + " assignment_id = 'a4' AND scored") == 1 && Sql.count(db, "SELECT COUNT(*) FROM judging_round WHERE"
                + " challenge_id = '" + closedChallenge + "' AND closed") == 1);

        judgeReminders.sendDue();
        judgeReminders.sendDue();
        Map<String, Long> reminded = new HashMap<>();
        for (String judge : List.of(lagging, done, replaced)) {
            reminded.put(judge, Sql.count(db, "SELECT COUNT(*) FROM notification WHERE kind = 'SCORING_REMINDER'"
                    + " AND recipient = '" + judge + "'"));
        }
        assertEquals(Map.of(lagging, 1L, done, 0L, replaced, 0L), reminded,
                "only the judge with an unscored assignment, once; none for a closed round or a withdrawn assignment");
    }

    private long reminded(String challengeId) {
        return Sql.count(db, "SELECT COUNT(*) FROM notification WHERE kind = 'DEADLINE_REMINDER'"
                + " AND link = '/api/challenges/" + challengeId + "'");
    }

    @Test
    void aReminderThatFailsHoldsBackNoOtherAndIsSentAfterItsBackoff() {
        String field = uniqueField();
        followerOf(field, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "", "zh");
        String failing = publish(field, Instant.now().plus(20, ChronoUnit.HOURS));
        String other = publish(field, Instant.now().plus(21, ChronoUnit.HOURS));
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM watched_challenge"
                + " WHERE challenge_id IN ('" + failing + "', '" + other + "')") == 2);
        Sql.execute(db, "CREATE TRIGGER cannot_remind BEFORE INSERT ON notification FOR EACH ROW BEGIN"
                + " IF NEW.link = '/api/challenges/" + failing + "' THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'this reminder cannot be written'; END IF; END");
        try {
            reminders.sendDue();
            assertEquals(1, reminded(other), "reminded in the run in which the other challenge failed");
            assertEquals(0, reminded(failing));
            assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM deadline_reminder WHERE challenge_id = '" + failing + "'"),
                    "its record rolled back with it");
        } finally {
            Sql.execute(db, "DROP TRIGGER IF EXISTS cannot_remind");
        }
        reminders.sendDue();
        assertEquals(0, reminded(failing), "not tried again before its backoff has passed");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            reminders.sendDue();
            return reminded(failing) == 1;
        });
        assertEquals(1, reminded(other));
    }

    @Test
    void aWebhookThatFailsHoldsBackNoOtherDeliveryAndNoRowIsLockedWhileAWebhookIsCalled() throws IOException {
        String field = uniqueField();
        String organization = UUID.randomUUID().toString();
        String agency = TestTokens.shared().token(UUID.randomUUID().toString(), organization, "AGENCY");
        followerOf(field, UUID.randomUUID().toString(), organization, "", "zh");
        List<String> seenDuringCall = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/down", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        receiver.createContext("/up", exchange -> {
            seenDuringCall.add(rowDuringCall(exchange.getRequestHeaders().getFirst("X-Jiebang-Delivery")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
            for (String path : List.of("/down", "/up")) {
                http.toBlocking().exchange(HttpRequest.POST("/api/webhooks", Map.of("url", base + path)).bearerAuth(agency));
            }
            publish(field, Instant.now().plus(30, ChronoUnit.DAYS));
            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries("organization_id = '" + organization
                    + "' AND channel = 'WEBHOOK'") == 2);

            dispatcher.dispatchDue();
            assertEquals(1, deliveries("organization_id = '" + organization + "' AND status = 'PENDING'"
                    + " AND attempts >= 1 AND last_error LIKE '%500%'"));
            assertEquals(1, deliveries("organization_id = '" + organization + "' AND status = 'SENT'"),
                    "sent in the same run as the failed one");
            assertEquals(List.of("SENDING, not locked"), seenDuringCall,
                    "the claim was committed before the call, and no transaction held the row during it");
        } finally {
            receiver.stop(0);
        }
    }

    /** The delivery's row as another connection finds it while the webhook is being called. */
    private String rowDuringCall(String deliveryId) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT status FROM delivery WHERE id = ? FOR UPDATE NOWAIT")) {
                lock.setString(1, deliveryId);
                try (ResultSet row = lock.executeQuery()) {
                    return row.next() ? row.getString(1) + ", not locked" : "no row";
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            return "locked: " + e.getMessage();
        }
    }
}
