package cn.jiebang.local;

import cn.jiebang.devstack.Devstack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first flow across all three services, each its own process from its runnable jar, through the
 * real broker and real databases: the program office signs in, creates accounts and publishes a
 * challenge over HTTP; bid-service opens it for bids, and a team, with a token from challenge-service
 * that notification-service checks against challenge-service's JWKS, finds it announced.
 */
class FirstFlowE2EIT {

    private static TestPlatform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = TestPlatform.start("e2e", false);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void publishedChallengeBecomesBiddableAndIsAnnounced() throws Exception {
        DemoData demo = new DemoData(platform.url("challenge-service"), platform.url("notification-service"));
        String admin = demo.token(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        String agencyOrganization = demo.createAccounts(admin);
        // the team's account must have reached notification-service before it follows a field there
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
            demo.followNewMaterials();
            return true;
        });
        String id = demo.publishDemoChallenge(admin, agencyOrganization, Instant.now());
        String team = demo.token("team@jiebang.local", DemoData.DEMO_PASSWORD);

        String bidding = await().atMost(Duration.ofSeconds(90)).until(
                () -> get(platform.url("bid-service") + "/api/challenges/" + id + "/bidding", null), body -> body != null);
        assertTrue(bidding.contains("\"open\":true"), bidding);
        assertTrue(bidding.contains("高端光刻胶国产化"), bidding);

        String inbox = await().atMost(Duration.ofSeconds(90)).until(
                () -> get(platform.url("notification-service") + "/api/notifications", team),
                body -> body != null && body.contains("/api/challenges/" + id));
        assertTrue(inbox.contains("新榜单发布"), inbox);
        // and by e-mail, over SMTP, in the team's language (Chinese)
        await().atMost(Duration.ofSeconds(90)).until(() -> Devstack.mail().receivedBy("team@jiebang.local").stream()
                .anyMatch(m -> subject(m).contains("新榜单发布")));

        // the team bids on bid-service with the token challenge-service issued, and is sent its receipt
        String bid = """
                {"memberOrganizationIds": [], "teamLead": {"name": "王建国", "title": "研究员"}, "coreMembers": [],
                 "technicalApproach": "化学放大光刻胶体系", "milestones": [{"title": "小试", "dueOn": "2027-06-30",
                 "deliverable": "样品"}], "committedIndicators": [{"name": "分辨率", "value": "26"},
                 {"name": "线宽粗糙度 LWR", "value": "2.2"}], "requestedBudget": "9000000.00", "attachmentIds": []}
                """;
        HttpRequest submit = HttpRequest.newBuilder(URI.create(platform.url("bid-service") + "/api/challenges/" + id
                        + "/bids")).header("Authorization", "Bearer " + team).header("Content-Type", "application/json")
                .header("Idempotency-Key", "e2e-" + id).POST(HttpRequest.BodyPublishers.ofString(bid, UTF_8)).build();
        // retried like a client on deadline day: until the team's organization has reached bid-service (409 before)
        HttpResponse<String> receipt = await().atMost(Duration.ofSeconds(90)).until(
                () -> http.send(submit, HttpResponse.BodyHandlers.ofString(UTF_8)), r -> r.statusCode() != 409);
        assertEquals(201, receipt.statusCode(), receipt.body());
        String hash = receipt.body().replaceAll(".*\"contentHash\":\"([0-9a-f]{64})\".*", "$1");
        String receipts = await().atMost(Duration.ofSeconds(90)).until(
                () -> get(platform.url("notification-service") + "/api/notifications", team),
                body -> body != null && body.contains(hash));
        assertTrue(receipts.contains("申报回执"), receipts);
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of a 200 answer, or null while the event has not arrived yet. */
    private String get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        return response.statusCode() == 200 ? response.body() : null;
    }
}
