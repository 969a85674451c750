package cn.jiebang.bid;

import cn.jiebang.bid.judging.domain.Assignment;
import cn.jiebang.bid.judging.domain.Assignments;
import cn.jiebang.devstack.TestTokens;
import cn.jiebang.events.OrganizationRegistered;
import cn.jiebang.events.OrganizationUpdated;
import cn.jiebang.events.Topics;
import cn.jiebang.events.UserRegistered;
import cn.jiebang.events.UserUpdated;
import cn.jiebang.messaging.InboxListener;
import cn.jiebang.testing.AccessMatrix;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.GatewayRouteTable;
import cn.jiebang.testing.Published;
import cn.jiebang.testing.ServiceDocs;
import cn.jiebang.testing.Sql;
import cn.jiebang.web.Routes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.jiebang.testing.AccessMatrix.ADMIN;
import static cn.jiebang.testing.AccessMatrix.adminOnly;
import static cn.jiebang.testing.AccessMatrix.everyone;
import static cn.jiebang.testing.AccessMatrix.signedIn;
import static cn.jiebang.testing.AccessMatrix.with;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may call what on bid-service, which tokens it refuses, and the account projections it keeps. */
class BidAccessIT extends BidServiceIT {

    private static final String ORG_A = UUID.randomUUID().toString();
    private static final String ORG_B = UUID.randomUUID().toString();

    @Inject
    Router router;

    @Inject
    InboxListener listener;

    @Inject
    Assignments assignments;

    private String openChallenge() {
        return published(Published.challenge(UUID.randomUUID().toString(), "matrix", "OTHER",
                new BigDecimal("3000000.00"), Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS)));
    }

    private String bidOfA(Map<String, String> callers, String challengeId) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/challenges/" + challengeId + "/bids",
                BidBody.aBid().build()).bearerAuth(callers.get("TEAM")), Map.class).get("bidId");
    }

    /** Only JUDGE users may call: the judge of organization A gets {@code own}, the other judge {@code other}. */
    private static Map<String, Integer> judges(int own, int other) {
        return with(with(signedIn(403), "JUDGE", own), "JUDGE of another organization", other);
    }

    private static MultipartBody pdf() {
        return MultipartBody.builder().addPart("file", "方案.pdf", MediaType.APPLICATION_PDF_TYPE,
                "%PDF-1.7 matrix".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
    }

    @Test
    void theGatewayForwardsEveryApiRouteAndNoOther() {
        GatewayRouteTable.assertListsExactly("bid-service", Routes.of(router));
    }

    @Test
    void theOpenApiDocumentAndTheCanvasListEveryRouteAndEventAsTheCodeHasThem() {
        ServiceDocs.assertDescribe("bid-service", Routes.of(router), listener.handledTypes(), Topics.BID_EVENTS);
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheMatrixSays() {
        knownOrganization(ORG_A, "BEIJING", "UNIVERSITY");
        knownOrganization(ORG_B, "BEIJING", "UNIVERSITY");
        Map<String, String> callers = AccessMatrix.tokens(tokens, ORG_A, ORG_B);
        String challengeId = openChallenge();
        String bidding = openChallenge();
        String bidChallenge = openChallenge();
        String bid = bidOfA(callers, bidChallenge);
        // the judge of organization A declared a conflict on it: a real assignment that needs no open round
        Assignment conflicted = Assignment.of(bidChallenge, 1, bid, "judge-" + ORG_A, Instant.now());
        conflicted.declareConflict("回避");
        String assignment = assignments.save(conflicted).getId();
        String toWithdraw = bidOfA(callers, openChallenge());
        String attachment = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/challenges/" + bidding
                + "/attachments", pdf()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(callers.get("TEAM")),
                Map.class).get("id");
        Map<String, Integer> teams = with(with(signedIn(403), "TEAM", 200), "TEAM of another organization", 200);
        Map<String, Integer> ownTeam = with(with(signedIn(403), "TEAM", 200), "TEAM of another organization", 404);
        // sealed: the program office is told to wait, everyone else that the bid does not exist
        Map<String, Integer> sealed = with(with(signedIn(404), ADMIN, 409), "TEAM", 200);

        AccessMatrix matrix = new AccessMatrix(http, callers)
                .route("GET /api/challenges/{id}/bidding",
                        () -> HttpRequest.GET("/api/challenges/" + challengeId + "/bidding"), everyone(200))
                .route("POST /api/challenges/{id}/bids", () -> HttpRequest.POST("/api/challenges/" + bidding + "/bids",
                        BidBody.aBid().build()), with(with(signedIn(403), "TEAM", 201), "TEAM of another organization", 201))
                .route("GET /api/bids", () -> HttpRequest.GET("/api/bids"), teams)
                .route("GET /api/bids/{id}", () -> HttpRequest.GET("/api/bids/" + bid), sealed)
                .route("GET /api/bids/{id}/versions", () -> HttpRequest.GET("/api/bids/" + bid + "/versions"), ownTeam)
                .route("GET /api/bids/{id}/versions/{version}", () -> HttpRequest.GET("/api/bids/" + bid + "/versions/1"),
                        ownTeam)
                .route("POST /api/bids/{id}/versions", () -> HttpRequest.POST("/api/bids/" + bid + "/versions",
                        Map.of("baseVersion", Integer.parseInt(Sql.query(db, "SELECT current_version FROM bid WHERE id = '"
                                + bid + "'")), "content", BidBody.aBid().build())),
                        with(ownTeam, "TEAM", 201))
                .route("POST /api/bids/{id}/withdraw", () -> HttpRequest.POST("/api/bids/" + toWithdraw + "/withdraw", ""),
                        ownTeam)
                .route("GET /api/challenges/{id}/bids", () -> HttpRequest.GET("/api/challenges/" + bidding + "/bids"),
                        with(with(with(signedIn(403), ADMIN, 409), "AGENCY", 404), "AGENCY of another organization", 404))
                .route("POST /api/bids/{id}/screening", () -> HttpRequest.POST("/api/bids/" + bid + "/screening",
                        Map.of("decision", "SCREENED_IN", "reason", "材料齐全")), adminOnly(409))
                .route("POST /api/challenges/{id}/attachments", () -> HttpRequest.POST("/api/challenges/" + bidding
                        + "/attachments", pdf()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                        with(with(signedIn(403), "TEAM", 201), "TEAM of another organization", 201))
                .route("GET /api/attachments/{id}", () -> HttpRequest.GET("/api/attachments/" + attachment), sealed)
                .route("GET /api/judging/assignments", () -> HttpRequest.GET("/api/judging/assignments"), judges(200, 200))
                .route("GET /api/judging/assignments/{id}/bid", () -> HttpRequest.GET("/api/judging/assignments/"
                        + assignment + "/bid"), judges(409, 404))
                .route("POST /api/judging/assignments/{id}/conflict", () -> HttpRequest.POST("/api/judging/assignments/"
                        + assignment + "/conflict", Map.of("reason", "回避")), judges(409, 404))
                .route("PUT /api/judging/assignments/{id}/scores", () -> HttpRequest.PUT("/api/judging/assignments/"
                        + assignment + "/scores", Map.of("scores", List.of(Map.of("criterion", "TECH", "score", 5,
                        "comment", "好")))), judges(409, 404))
                .route("GET /api/bids/{id}/rounds/{index}/result", () -> HttpRequest.GET("/api/bids/" + bid
                        + "/rounds/1/result"), with(ownTeam, "TEAM", 409))
                .route("PUT /api/bids/{id}/rounds/{index}/deliverable", () -> HttpRequest.PUT("/api/bids/" + bid
                        + "/rounds/2/deliverable", Map.of("summary", "中期成果", "attachmentIds", List.of())),
                        with(ownTeam, "TEAM", 409))
                .route("GET /api/challenges/{id}/rounds/{index}/ranking", () -> HttpRequest.GET("/api/challenges/"
                        + challengeId + "/rounds/1/ranking"), adminOnly(409))
                .route("GET /api/audit", () -> HttpRequest.GET("/api/audit"), adminOnly(200))
                .route("GET /health", () -> HttpRequest.GET("/health"), everyone(200))
                .route("GET /health/{selector}", () -> HttpRequest.GET("/health/liveness"), everyone(200));

        assertEquals(Routes.of(router), matrix.routes(), "every route needs an entry in the authorization matrix");
        assertEquals(matrix.expected(), matrix.actual());
        assertEquals(Map.of(), matrix.revealingRefusals(), "a refusal answers exactly as an unknown id does");
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
