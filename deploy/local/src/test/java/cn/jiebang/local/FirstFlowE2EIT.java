package cn.jiebang.local;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first flow across all three services, each its own process from its runnable jar, through the
 * real broker and real databases: publish a challenge over HTTP, then see bid-service open it for
 * bids and notification-service announce it.
 */
class FirstFlowE2EIT {

    private static final List<TestDatabase> databases = new ArrayList<>();
    private static Platform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startPlatform() throws Exception {
        for (String service : Platform.SERVICES) {
            databases.add(Devstack.database("e2e_" + service.replace("-service", "")));
        }
        Path root = Platform.root();
        platform = Platform.start(root, Devstack.kafkaBootstrapServers(), databases,
                List.of(freePort(), freePort(), freePort()), root.resolve("deploy/local/target/e2e-logs"));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        databases.forEach(Devstack::drop);
    }

    @Test
    void publishedChallengeBecomesBiddableAndIsAnnounced() throws Exception {
        String id = new DemoData().publishDemoChallenge(platform.url("challenge-service"), Instant.now());

        String bidding = await().atMost(Duration.ofSeconds(90)).until(
                () -> get(platform.url("bid-service") + "/api/challenges/" + id + "/bidding"), body -> body != null);
        assertTrue(bidding.contains("\"open\":true"), bidding);
        assertTrue(bidding.contains("高端光刻胶国产化"), bidding);

        String inbox = await().atMost(Duration.ofSeconds(90)).until(
                () -> get(platform.url("notification-service") + "/api/notifications"),
                body -> body != null && body.contains("/api/challenges/" + id));
        assertTrue(inbox.contains("新榜单发布"), inbox);
    }

    /** The body of a 200 answer, or null while the event has not arrived yet. */
    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(UTF_8));
        return response.statusCode() == 200 ? response.body() : null;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
