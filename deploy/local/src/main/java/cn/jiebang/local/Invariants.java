package cn.jiebang.local;

import cn.jiebang.devstack.EmbeddedMail;
import cn.jiebang.devstack.TestDatabase;
import cn.jiebang.events.BidRevised;
import cn.jiebang.events.BidSubmitted;
import cn.jiebang.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * What must hold once the bids of a fault have drained, read where each part keeps it: bid-service's and
 * notification-service's databases over JDBC, {@code bid.events} and the dead-letter topics with a Kafka consumer
 * of its own, the e-mails from the mail server.
 *
 * <ul>
 *   <li>every acknowledged bid version is stored once, with its receipt's hash, and nothing unacknowledged is;</li>
 *   <li>bid-service's outbox holds one event per version; {@code bid.events} holds each of them (copies of a
 *       record are allowed: the relay is at least once); notification-service processed each once, and each has
 *       one {@code BID_RECEIPT} notification for its submitter, one e-mail delivery and one e-mail (a copy of that
 *       e-mail, sent again after a crash, is reported, not taken for a second one); challenge-service, which keeps
 *       no bid counts, has no effect of them;</li>
 *   <li>no dead-letter topic holds anything (the harness parks nothing there).</li>
 * </ul>
 */
final class Invariants {

    static final Set<String> RECEIPT_EVENTS = Set.of(BidSubmitted.TYPE, BidRevised.TYPE);
    static final List<String> GROUPS = List.of("challenge-service", "bid-service", "notification-service");
    private static final String DELIVERY_HEADER = "X-Jiebang-Delivery";
    private static final String RECEIPT_SUBJECT = "申报回执";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The three services' databases. */
    record Databases(TestDatabase challenge, TestDatabase bid, TestDatabase notification) {
    }

    /** A bid's version: what a receipt acknowledges. */
    record Version(String bidId, int number) {
        @Override
        public String toString() {
            return bidId + " v" + number;
        }
    }

    /** What a check found: violations (must be none), notes (allowed, but worth knowing), counts and times. */
    record Check(List<String> violations, List<String> notes, Map<String, Integer> counts,
                 Map<Version, Instant> notifiedAt, Map<Version, Instant> emailedAt) {
    }

    private final Databases databases;
    private final String bootstrapServers;
    private final EmbeddedMail mail;

    Invariants(Databases databases, String bootstrapServers, EmbeddedMail mail) {
        this.databases = databases;
        this.bootstrapServers = bootstrapServers;
        this.mail = mail;
    }

    /**
     * Waits until the flow has drained: the outbox is published, and every stored version has its notification,
     * its e-mail delivery sent and its e-mail received. Returns whether it drained within {@code timeout}.
     */
    boolean awaitDrained(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (drained()) {
                    return true;
                }
            } catch (SQLException e) {
                // a database still recovering: look again
            }
            Thread.sleep(500);
        }
        return false;
    }

    private boolean drained() throws SQLException {
        if (count(databases.bid(), "SELECT COUNT(*) FROM outbox_message WHERE published_at IS NULL") > 0) {
            return false;
        }
        long versions = count(databases.bid(), "SELECT COUNT(*) FROM bid_version");
        return count(databases.notification(), "SELECT COUNT(*) FROM notification WHERE kind = 'BID_RECEIPT'") >= versions
                && count(databases.notification(), "SELECT COUNT(*) FROM delivery d JOIN notification n"
                + " ON n.id = d.notification_id WHERE n.kind = 'BID_RECEIPT' AND d.channel = 'EMAIL'"
                + " AND d.status = 'SENT'") >= versions
                && receiptMails().stream().map(ReceiptMail::deliveryId).distinct().count() >= versions;
    }

    /** Checks every invariant over all the bids so far: the receipts the client got and the bids it did not. */
    Check check(List<BidTraffic.Receipt> receipts, List<BidTraffic.Unacknowledged> unacknowledged) throws Exception {
        Report report = new Report();
        for (BidTraffic.Unacknowledged bid : unacknowledged) {
            report.violation("no receipt for " + bid.kind() + " " + bid.key() + ": " + bid.reason());
        }

        // 1. every acknowledged version stored once, with its hash; nothing stored that was not acknowledged
        Map<Version, String> stored = new HashMap<>();
        for (String[] row : rows(databases.bid(), "SELECT bid_id, version_no, content_hash FROM bid_version", 3)) {
            stored.put(new Version(row[0], Integer.parseInt(row[1])), row[2]);
        }
        Map<Version, BidTraffic.Receipt> acknowledged = new HashMap<>();
        for (BidTraffic.Receipt receipt : receipts) {
            Version version = new Version(receipt.bidId(), receipt.version());
            BidTraffic.Receipt earlier = acknowledged.put(version, receipt);
            if (earlier != null) {
                report.violation("two requests acknowledged with one version " + version + ": " + earlier.key()
                        + " and " + receipt.key());
            }
            String hash = stored.get(version);
            if (hash == null) {
                report.violation("acknowledged but not stored: " + version + " (" + receipt.key() + ")");
            } else if (!hash.equals(receipt.contentHash())) {
                report.violation("stored with another hash than its receipt's: " + version);
            }
        }
        for (Version version : stored.keySet()) {
            if (!acknowledged.containsKey(version)) {
                report.violation("stored but never acknowledged (a retry stored twice?): " + version);
            }
        }
        long bids = count(databases.bid(), "SELECT COUNT(*) FROM bid");
        long submitted = receipts.stream().filter(r -> r.kind() == BidTraffic.Kind.SUBMIT).count();
        if (bids != submitted) {
            report.violation(bids + " bids stored for " + submitted + " acknowledged submissions");
        }
        Map<String, Version> keys = new HashMap<>();
        for (String[] row : rows(databases.bid(), "SELECT user_id, idempotency_key, bid_id, version_no"
                + " FROM idempotency_record", 4)) {
            keys.put(row[0] + " " + row[1], new Version(row[2], Integer.parseInt(row[3])));
        }
        for (BidTraffic.Receipt receipt : receipts) {
            Version kept = keys.get(receipt.team().userId() + " " + receipt.key());
            if (!new Version(receipt.bidId(), receipt.version()).equals(kept)) {
                report.violation("idempotency key " + receipt.key() + " keeps " + kept + ", not its receipt's version");
            }
        }
        long replayed = receipts.stream().filter(BidTraffic.Receipt::replayed).count();
        if (replayed > 0) {
            report.note(replayed + " receipts were replays: an earlier attempt had been stored, its answer lost");
        }

        // 2. the outbox: one event per stored version, all published
        Map<String, Version> outbox = new HashMap<>();
        Map<Version, String> eventOf = new HashMap<>();
        for (String[] row : rows(databases.bid(), "SELECT event_id, payload, published_at FROM outbox_message"
                + " WHERE event_type IN ('" + BidSubmitted.TYPE + "', '" + BidRevised.TYPE + "')", 3)) {
            JsonNode payload = JSON.readTree(row[1]);
            Version version = new Version(payload.get("bidId").asText(), payload.get("version").asInt());
            outbox.put(row[0], version);
            String other = eventOf.put(version, row[0]);
            if (other != null) {
                report.violation("two outbox events for " + version + ": " + other + " and " + row[0]);
            }
            if (row[2] == null) {
                report.violation("outbox event " + row[0] + " never published");
            }
        }
        for (Version version : stored.keySet()) {
            if (!eventOf.containsKey(version)) {
                report.violation("no outbox event for " + version);
            }
        }

        // 3. bid.events: each outbox event on it, nothing else; copies are the relay's at-least-once
        Map<String, Integer> onTopic = eventsOn(Topics.BID_EVENTS, RECEIPT_EVENTS::contains);
        report.compare("on bid.events", outbox.keySet(), onTopic.keySet());
        int repeated = onTopic.values().stream().mapToInt(c -> c - 1).sum();
        if (repeated > 0) {
            report.note(repeated + " records on bid.events were copies of one already there (same ce_id), sent again"
                    + " by the outbox relay; the consumers' inboxes drop them");
        }

        // 4. notification-service: processed once, one BID_RECEIPT for the submitter, one e-mail delivery and e-mail
        Map<String, String> submitter = new HashMap<>();
        acknowledged.forEach((version, receipt) -> {
            if (eventOf.containsKey(version)) {
                submitter.put(eventOf.get(version), receipt.team().userId());
            }
        });
        report.compare("processed by notification-service", outbox.keySet(), new HashSet<>(column(databases.notification(),
                "SELECT event_id FROM processed_event WHERE consumer = 'notification-service' AND event_type IN ('"
                        + BidSubmitted.TYPE + "', '" + BidRevised.TYPE + "')")));
        Map<Version, Instant> notifiedAt = new HashMap<>();
        Map<String, Integer> notificationsPerEvent = new HashMap<>();
        for (String[] row : rows(databases.notification(), "SELECT source_event_id, recipient, created_at"
                + " FROM notification WHERE kind = 'BID_RECEIPT'", 3)) {
            notificationsPerEvent.merge(row[0], 1, Integer::sum);
            if (outbox.containsKey(row[0])) {
                notifiedAt.put(outbox.get(row[0]), instant(row[2]));
                if (!row[1].equals(submitter.get(row[0]))) {
                    report.violation("receipt notification of " + outbox.get(row[0]) + " went to " + row[1]);
                }
            }
        }
        report.compare("notified (BID_RECEIPT)", outbox.keySet(), notificationsPerEvent.keySet());
        notificationsPerEvent.forEach((event, count) -> {
            if (count > 1) {
                report.violation(count + " BID_RECEIPT notifications for event " + event);
            }
        });
        Set<String> bidders = new HashSet<>();
        for (String[] row : rows(databases.notification(), "SELECT challenge_id, user_id FROM bidder", 2)) {
            bidders.add(row[0] + " " + row[1]);
        }
        for (BidTraffic.Receipt receipt : receipts) {
            if (!bidders.contains(receipt.challengeId() + " " + receipt.team().userId())) {
                report.violation("notification-service does not know " + receipt.team().name() + " bid on "
                        + receipt.challengeId());
            }
        }
        Map<String, String> deliveryOfEvent = new HashMap<>();
        Map<Version, Instant> emailedAt = new HashMap<>();
        for (String[] row : rows(databases.notification(), "SELECT d.source_event_id, d.id, d.status, d.sent_at"
                + " FROM delivery d JOIN notification n ON n.id = d.notification_id"
                + " WHERE n.kind = 'BID_RECEIPT' AND d.channel = 'EMAIL'", 4)) {
            String other = deliveryOfEvent.put(row[0], row[1]);
            if (other != null) {
                report.violation("two e-mail deliveries for event " + row[0]);
            }
            if (!"SENT".equals(row[2])) {
                report.violation("e-mail delivery " + row[1] + " is " + row[2]);
            } else if (outbox.containsKey(row[0])) {
                emailedAt.put(outbox.get(row[0]), instant(row[3]));
            }
        }
        report.compare("given an e-mail delivery", outbox.keySet(), deliveryOfEvent.keySet());

        // 5. the e-mails: one per version. A copy of one delivery (same delivery id) is the dispatcher's at-least-once
        // at the very edge (ADR 0012): reported, and whether a receiver can drop it by its Message-ID
        Map<String, List<String>> messageIds = new HashMap<>();
        for (ReceiptMail mail : receiptMails()) {
            messageIds.computeIfAbsent(mail.deliveryId(), d -> new ArrayList<>()).add(mail.messageId());
        }
        Set<String> ours = new HashSet<>(deliveryOfEvent.values());
        int emails = 0;
        int copies = 0;
        int copiesWithOtherMessageId = 0;
        for (Map.Entry<String, String> delivery : deliveryOfEvent.entrySet()) {
            List<String> received = messageIds.getOrDefault(delivery.getValue(), List.of());
            emails += received.size();
            if (received.isEmpty()) {
                report.violation("no e-mail received for " + outbox.get(delivery.getKey()));
            } else if (received.size() > 1) {
                copies += received.size() - 1;
                if (new HashSet<>(received).size() > 1) {
                    copiesWithOtherMessageId += received.size() - 1;
                }
            }
        }
        if (copies > 0) {
            report.note(copies + " receipt e-mails were copies of one already received (same delivery, sent again"
                    + " after a crash); " + (copiesWithOtherMessageId == 0 ? "each with the first one's Message-ID"
                    : copiesWithOtherMessageId + " with another Message-ID, so a receiver sees them twice"));
        }
        messageIds.keySet().stream().filter(d -> !ours.contains(d))
                .forEach(d -> report.violation("receipt e-mail of an unknown delivery " + d));

        // 6. challenge-service keeps no bid counts: it handles screening, scoring and ranking, not receipts
        List<String> challengeEffects = column(databases.challenge(), "SELECT event_id FROM processed_event"
                + " WHERE consumer = 'challenge-service' AND event_type IN ('" + BidSubmitted.TYPE + "', '"
                + BidRevised.TYPE + "')");
        if (!challengeEffects.isEmpty()) {
            report.compare("processed by challenge-service", outbox.keySet(), new HashSet<>(challengeEffects));
        }

        // 7. dead letters: the harness puts nothing there
        int deadLetters = 0;
        for (String group : GROUPS) {
            int parked = eventsOn(Topics.deadLetter(group), type -> true).values().stream().mapToInt(c -> c).sum();
            deadLetters += parked;
            if (parked > 0) {
                report.violation(parked + " records on " + Topics.deadLetter(group));
            }
        }

        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("receipts", receipts.size());
        counts.put("replayed", (int) replayed);
        counts.put("versions stored", stored.size());
        counts.put("outbox events", outbox.size());
        counts.put("bid.events records", onTopic.values().stream().mapToInt(c -> c).sum());
        counts.put("bid.events distinct", onTopic.size());
        counts.put("notifications", notificationsPerEvent.size());
        counts.put("e-mails", emails);
        counts.put("e-mail copies", copies);
        counts.put("dead letters", deadLetters);
        return new Check(report.violations, report.notes, counts, notifiedAt, emailedAt);
    }

    /** A receipt e-mail as received: the delivery it carries out, and its Message-ID. */
    private record ReceiptMail(String deliveryId, String messageId) {
    }

    /** The receipt e-mails received so far. */
    private List<ReceiptMail> receiptMails() {
        List<ReceiptMail> mails = new ArrayList<>();
        for (MimeMessage message : mail.received()) {
            try {
                String[] delivery = message.getHeader(DELIVERY_HEADER);
                if (delivery != null && message.getSubject() != null && message.getSubject().startsWith(RECEIPT_SUBJECT)) {
                    mails.add(new ReceiptMail(delivery[0], message.getMessageID()));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    /** Each event id (ce_id) on a topic whose type passes {@code types}, with how many records carry it. */
    private Map<String, Integer> eventsOn(String topic, Predicate<String> types) {
        Map<String, Integer> events = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return events;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    String type = header(record, "ce_type");
                    if (type == null || types.test(type)) {
                        events.merge(header(record, "ce_id") == null ? record.topic() + "@" + record.offset()
                                : header(record, "ce_id"), 1, Integer::sum);
                    }
                }
            }
        }
        return events;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    /** A DATETIME(6) as the services store it: UTC. */
    private static Instant instant(String text) {
        return text == null ? null : LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> column(TestDatabase db, String sql) throws SQLException {
        return rows(db, sql, 1).stream().map(row -> row[0]).toList();
    }

    /** Every row as its columns' text; instants as {@code yyyy-mm-dd hh:mm:ss.ffffff} in UTC. */
    private static List<String[]> rows(TestDatabase db, String sql, int columns) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Connection connect(TestDatabase db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /** Violations and notes, as a check finds them. */
    private static final class Report {

        private static final int LISTED = 10;
        private final List<String> violations = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        void violation(String text) {
            violations.add(text);
        }

        void note(String text) {
            notes.add(text);
        }

        /** Outbox events missing from {@code actual}, and events there that the outbox never had. */
        void compare(String where, Set<String> expected, Set<String> actual) {
            List<String> missing = expected.stream().filter(e -> !actual.contains(e)).sorted().toList();
            List<String> unknown = actual.stream().filter(e -> !expected.contains(e)).sorted().toList();
            if (!missing.isEmpty()) {
                violation(missing.size() + " outbox events not " + where + ": "
                        + missing.subList(0, Math.min(LISTED, missing.size())));
            }
            if (!unknown.isEmpty()) {
                violation(unknown.size() + " events " + where + " that the outbox never had: "
                        + unknown.subList(0, Math.min(LISTED, unknown.size())));
            }
        }
    }
}
