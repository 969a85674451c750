package cn.jiebang.bid;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestDatabase;
import cn.jiebang.devstack.TestTokens;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.OrganizationRegistered;
import cn.jiebang.events.OrganizationUpdated;
import cn.jiebang.events.UserRegistered;
import cn.jiebang.events.UserUpdated;
import cn.jiebang.testing.Published;
import cn.jiebang.testing.AccessMatrix;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.Sql;
import cn.jiebang.web.Routes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.jiebang.testing.AccessMatrix.adminOnly;
import static cn.jiebang.testing.AccessMatrix.everyone;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may call what on bid-service, which tokens it refuses, and the account projections it keeps. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BidAccessIT implements TestPropertyProvider {

    private static final String ORG_A = UUID.randomUUID().toString();
    private static final String ORG_B = UUID.randomUUID().toString();
    private final TestDatabase db = Devstack.database("bid_access");
    private final TestTokens tokens = TestTokens.shared();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Router router;

    @Override
    public Map<String, String> getProperties() {
        return Devstack.resourceServerProperties(db);
    }

    @AfterAll
    void dropDatabase() {
        Devstack.drop(db);
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheMatrixSays() {
        String challengeId = UUID.randomUUID().toString();
        Events.deliver(Published.challenge(challengeId, "matrix", "OTHER", BigDecimal.TEN,
                Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS)));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Sql.count(db, "SELECT COUNT(*) FROM bidding_challenge WHERE challenge_id = '" + challengeId + "'") == 1);

        AccessMatrix matrix = new AccessMatrix(http, AccessMatrix.tokens(tokens, ORG_A, ORG_B))
                .route("GET /api/challenges/{id}/bidding",
                        () -> HttpRequest.GET("/api/challenges/" + challengeId + "/bidding"), everyone(200))
                .route("GET /api/audit", () -> HttpRequest.GET("/api/audit"), adminOnly(200))
                .route("GET /health", () -> HttpRequest.GET("/health"), everyone(200))
                .route("GET /health/{selector}", () -> HttpRequest.GET("/health/liveness"), everyone(200));

        assertEquals(Routes.of(router), matrix.routes(), "every route needs an entry in the authorization matrix");
        assertEquals(matrix.expected(), matrix.actual());
    }

    @Test
    void refusesExpiredForgedUnsignedAndTamperedTokens() {
        assertEquals(200, status(tokens.token("admin", "office", "ADMIN")));
        assertEquals(401, status(tokens.expired("admin", "office", "ADMIN")));
        assertEquals(401, status(tokens.signedByAnotherKey("admin", "office", "ADMIN")));
        assertEquals(401, status(tokens.unsigned("admin", "office", "ADMIN")));
        assertEquals(401, status(tokens.withoutExpiry("admin", "office", "ADMIN")));
        assertEquals(401, status(TestTokens.promotedToAdmin(tokens.token("team", ORG_A, "TEAM"))));
    }

    @Test
    void keepsOrganizationsAndUsersFromAccountEventsOnce() {
        String org = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        Events.deliver(new OrganizationRegistered(org, "天津大学", "12120000MB1234567L", "TIANJIN", "UNIVERSITY", Instant.now()));
        UserRegistered registered = new UserRegistered(user, org, "李娜", "li.na@example.cn", List.of("JUDGE"),
                List.of("NEW_MATERIALS"), "zh", Instant.now());
        String eventId = Events.deliver(registered);
        // a redelivery is not applied again: the changed copy under the same id must leave no trace
        Events.deliver(eventId, new UserRegistered(user, org, "redelivered", "x@example.cn", List.of("ADMIN"),
                List.of(), "en", Instant.now()));
        Events.deliver(new UserUpdated(user, org, "李娜", "li.na@example.cn", List.of("JUDGE", "TEAM"), List.of(), "en",
                Instant.now()));

        Events.deliver(new OrganizationUpdated(org, "天津大学（北洋园校区）", "12120000MB1234567L", "TIANJIN", "UNIVERSITY",
                Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "JUDGE,TEAM".equals(Sql.query(db, "SELECT roles FROM known_user WHERE user_id = '" + user + "'"))
                        && "天津大学（北洋园校区）".equals(Sql.query(db,
                        "SELECT name FROM known_organization WHERE organization_id = '" + org + "'")));
        assertEquals("TIANJIN", Sql.query(db, "SELECT region FROM known_organization WHERE organization_id = '" + org + "'"));
        assertEquals("李娜", Sql.query(db, "SELECT name FROM known_user WHERE user_id = '" + user + "'"));
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM processed_event WHERE event_id = '" + eventId + "'"));
    }

    private int status(String token) {
        return new AccessMatrix(http, Map.of()).status(HttpRequest.GET("/api/audit"), token);
    }
}
