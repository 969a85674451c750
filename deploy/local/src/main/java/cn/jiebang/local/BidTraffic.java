package cn.jiebang.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Teams bidding as a careful client does on deadline day: each bid carries an {@code Idempotency-Key}, and is
 * sent again with the same key after a timeout, a broken connection or a 5xx, until it gets a 2xx receipt or a
 * definitive 4xx. Some bids are then revised once, the same way. Records every receipt with when it came.
 */
final class BidTraffic {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a surge may take, retries included, before the client gives up on the bids still without a receipt. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(8);

    /** A team's TEAM user, signed in. */
    record Team(String name, String organizationId, String userId, String email, String token) {
    }

    /** One bid to make on a challenge, and whether to revise it once it is in. */
    record Order(String key, Team team, String challengeId, int number, boolean revise) {
    }

    enum Kind { SUBMIT, REVISE }

    /**
     * A 2xx receipt: bid, version, server time and content hash; {@code replayed} when the server had taken an
     * earlier attempt already. {@code attemptStartedAt} is when the attempt that got it was sent.
     */
    record Receipt(Kind kind, String key, Team team, String challengeId, String bidId, int version,
                   String contentHash, Instant serverTime, boolean replayed, Instant attemptStartedAt,
                   Instant receivedAt) {
    }

    /** A bid the client did not get a receipt for: refused with a definitive 4xx, or given up after its deadline. */
    record Unacknowledged(Kind kind, String key, String reason) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String bidService;
    private final int clients;
    private final Duration requestTimeout;
    private final String dueOn = LocalDate.now(ZoneOffset.UTC).plusDays(100).toString();

    BidTraffic(String bidService, int clients, Duration requestTimeout) {
        this.bidService = bidService;
        this.clients = clients;
        this.requestTimeout = requestTimeout;
    }

    /** Starts sending {@code orders} from {@link #clients} concurrent clients. */
    Surge start(List<Order> orders) {
        return new Surge(orders);
    }

    /** One burst of orders in flight. */
    final class Surge {

        private final Queue<Order> pending;
        private final Instant giveUpAt = Instant.now().plus(GIVE_UP_AFTER);
        private final CountDownLatch done;
        private final ExecutorService workers;
        private final Queue<Receipt> receipts = new ConcurrentLinkedQueue<>();
        private final Queue<Unacknowledged> unacknowledged = new ConcurrentLinkedQueue<>();
        private final Map<String, LongAdder> failedAttempts = new ConcurrentHashMap<>();

        private Surge(List<Order> orders) {
            pending = new ConcurrentLinkedQueue<>(orders);
            done = new CountDownLatch(orders.size());
            workers = Executors.newFixedThreadPool(clients);
            for (int i = 0; i < clients; i++) {
                workers.submit(this::work);
            }
            workers.shutdown();
        }

        private void work() {
            for (Order order; (order = pending.poll()) != null; ) {
                try {
                    if (Instant.now().isAfter(giveUpAt)) {
                        unacknowledged.add(new Unacknowledged(Kind.SUBMIT, order.key() + "-submit", "not sent within "
                                + GIVE_UP_AFTER + " of the surge's start"));
                        continue;
                    }
                    Receipt first = send(Kind.SUBMIT, order, "/api/challenges/" + order.challengeId() + "/bids",
                            order.key() + "-submit", content(order, "submitted"));
                    if (first != null && order.revise()) {
                        send(Kind.REVISE, order, "/api/bids/" + first.bidId() + "/versions", order.key() + "-revise",
                                "{\"baseVersion\": 1, \"content\": " + content(order, "revised") + "}");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    done.countDown();
                }
            }
        }

        /** Sends until a 2xx receipt (returned) or a definitive answer or the surge's deadline (null, recorded). */
        private Receipt send(Kind kind, Order order, String path, String key, String body) throws InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(bidService + path))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + order.team().token())
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8)).build();
            for (int attempt = 0; ; attempt++) {
                Instant started = Instant.now();
                String failure;
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
                    int status = response.statusCode();
                    if (status / 100 == 2) {
                        Receipt receipt = receipt(kind, key, order, response.body(), started);
                        receipts.add(receipt);
                        return receipt;
                    }
                    if (!worthRetrying(status, response.body())) {
                        unacknowledged.add(new Unacknowledged(kind, key, "HTTP " + status + " " + response.body()));
                        return null;
                    }
                    failure = "HTTP " + status;
                } catch (HttpTimeoutException e) {
                    failure = "timeout";
                } catch (IOException e) {
                    failure = "connection failed";
                }
                failedAttempts.computeIfAbsent(failure, f -> new LongAdder()).increment();
                if (Instant.now().isAfter(giveUpAt)) {
                    unacknowledged.add(new Unacknowledged(kind, key, "no receipt within " + GIVE_UP_AFTER
                            + " of the surge's start, last " + failure));
                    return null;
                }
                Thread.sleep(backoff(attempt));
            }
        }

        /** Waits until at least {@code count} receipts have come, or the orders are done. */
        void awaitReceipts(int count, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (receipts.size() < count && done.getCount() > 0) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("only " + receipts.size() + " of " + count + " receipts within "
                            + timeout);
                }
                Thread.sleep(20);
            }
        }

        /** Waits until every order has its receipts or was given up: the surge's deadline bounds this. */
        void awaitDone() throws InterruptedException {
            Duration left = Duration.between(Instant.now(), giveUpAt).plus(requestTimeout).plusSeconds(30);
            if (!done.await(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                throw new IllegalStateException(done.getCount() + " orders still in flight");
            }
        }

        List<Receipt> receipts() {
            return List.copyOf(receipts);
        }

        List<Unacknowledged> unacknowledged() {
            return List.copyOf(unacknowledged);
        }

        /** Attempts that failed and were sent again, by why: "timeout", "connection failed", "HTTP 503", ... */
        Map<String, Long> failedAttempts() {
            Map<String, Long> counts = new TreeMap<>();
            failedAttempts.forEach((why, count) -> counts.put(why, count.sum()));
            return counts;
        }
    }

    /**
     * 5xx and 429 are the server's trouble; 409 {@code organization-not-known} means the team's organization has
     * not reached bid-service yet. Any other 4xx is the answer.
     */
    private static boolean worthRetrying(int status, String body) {
        return status >= 500 || status == 429 || status == 408
                || (status == 409 && body.contains("organization-not-known"));
    }

    /** 100 ms, doubling to 2 s, with jitter so the clients do not retry in step. */
    private static long backoff(int attempt) {
        long ceiling = Math.min(2_000, 100L << Math.min(attempt, 5));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    private static Receipt receipt(Kind kind, String key, Order order, String body, Instant attemptStartedAt)
            throws IOException {
        JsonNode receipt = JSON.readTree(body);
        return new Receipt(kind, key, order.team(), receipt.get("challengeId").asText(), receipt.get("bidId").asText(),
                receipt.get("version").asInt(), receipt.get("contentHash").asText(),
                Instant.parse(receipt.get("serverTime").asText()), receipt.get("replayed").asBoolean(),
                attemptStartedAt, Instant.now());
    }

    /** A bid that meets the challenges' targets and budget; its approach names the order, so every hash differs. */
    private String content(Order order, String what) {
        return """
                {"memberOrganizationIds": [], "teamLead": {"name": "王建国", "title": "研究员"}, "coreMembers": [],
                 "technicalApproach": "化学放大光刻胶体系，%s %s 第 %d 份，%s",
                 "milestones": [{"title": "小试", "dueOn": "%s", "deliverable": "样品"}],
                 "committedIndicators": [{"name": "分辨率", "value": "26"}, {"name": "线宽粗糙度 LWR", "value": "2.2"}],
                 "requestedBudget": "9000000.00", "attachmentIds": []}
                """.formatted(order.team().name(), order.challengeId(), order.number(), what, dueOn);
    }
}
