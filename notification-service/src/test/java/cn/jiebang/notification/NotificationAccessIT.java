package cn.jiebang.notification;

import cn.jiebang.devstack.TestTokens;
import cn.jiebang.events.UserRegistered;
import cn.jiebang.events.UserUpdated;
import cn.jiebang.messaging.InboxListener;
import cn.jiebang.notification.inbox.domain.Notification;
import cn.jiebang.notification.inbox.domain.NotificationKind;
import cn.jiebang.notification.inbox.domain.Notifications;
import cn.jiebang.testing.AccessMatrix;
import cn.jiebang.testing.AuditTrail;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.GatewayRouteTable;
import cn.jiebang.testing.ServiceDocs;
import cn.jiebang.testing.Sql;
import cn.jiebang.web.Routes;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.jiebang.testing.AccessMatrix.adminOnly;
import static cn.jiebang.testing.AccessMatrix.signedIn;
import static cn.jiebang.testing.AccessMatrix.with;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may call what on notification-service, which tokens it refuses, and the recipients it keeps. */
class NotificationAccessIT extends NotificationServiceIT {

    private static final String ORG_A = UUID.randomUUID().toString();
    private static final String ORG_B = UUID.randomUUID().toString();

    @Inject
    Router router;

    @Inject
    InboxListener listener;

    @Inject
    Notifications notifications;

    @Override
    protected Map<String, String> properties() {
        return Map.of("jiebang.webhooks.allow-private-addresses", "true");
    }

    @Test
    void theGatewayForwardsEveryApiRouteAndNoOther() {
        GatewayRouteTable.assertListsExactly("notification-service", Routes.of(router));
    }

    @Test
    void theOpenApiDocumentAndTheCanvasListEveryRouteAndEventAsTheCodeHasThem() {
        ServiceDocs.assertDescribe("notification-service", Routes.of(router), listener.handledTypes());
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheMatrixSays() {
        Map<String, String> callers = AccessMatrix.tokens(tokens, ORG_A, ORG_B);
        String webhookOfA = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/webhooks",
                Map.of("url", "http://127.0.0.1:9/hook")).bearerAuth(callers.get("AGENCY")), Map.class).get("id");
        // the TEAM user of organization A is the only one it belongs to
        String notificationOfTeam = notifications.save(Notification.to("team-" + ORG_A, NotificationKind.BID_RECEIPT,
                "回执", "已收到申报", "/api/bids/x", UUID.randomUUID().toString(), Instant.now())).getId();
        Map<String, Integer> agenciesAndTeams = with(with(with(with(signedIn(403), "AGENCY", 200),
                "AGENCY of another organization", 200), "TEAM", 200), "TEAM of another organization", 200);
        AccessMatrix matrix = new AccessMatrix(http, callers)
                .route("GET /api/notifications", () -> HttpRequest.GET("/api/notifications"), signedIn(200))
                .route("POST /api/notifications/{id}/read", () -> HttpRequest.POST("/api/notifications/"
                        + notificationOfTeam + "/read", ""), with(signedIn(404), "TEAM", 200))
                .route("POST /api/notifications/read", () -> HttpRequest.POST("/api/notifications/read", ""), signedIn(200))
                .route("GET /api/subscriptions", () -> HttpRequest.GET("/api/subscriptions"), signedIn(200))
                .route("PUT /api/subscriptions", () -> HttpRequest.PUT("/api/subscriptions",
                        Map.of("fields", List.of("NEW_MATERIALS"), "regions", List.of())), signedIn(200))
                .route("GET /api/notification-preferences", () -> HttpRequest.GET("/api/notification-preferences"),
                        signedIn(200))
                .route("PUT /api/notification-preferences", () -> HttpRequest.PUT("/api/notification-preferences",
                        Map.of("email", Map.of("BID_RECEIPT", true))), signedIn(200))
                .route("POST /api/webhooks", () -> HttpRequest.POST("/api/webhooks", Map.of("url", "https://example.cn/h")),
                        with(with(with(with(signedIn(403), "AGENCY", 201), "AGENCY of another organization", 201),
                                "TEAM", 201), "TEAM of another organization", 201))
                .route("GET /api/webhooks", () -> HttpRequest.GET("/api/webhooks"), agenciesAndTeams)
                .route("GET /api/webhooks/deliveries", () -> HttpRequest.GET("/api/webhooks/deliveries"), agenciesAndTeams)
                .route("DELETE /api/webhooks/{id}", () -> HttpRequest.DELETE("/api/webhooks/" + webhookOfA),
                        with(with(with(with(signedIn(403), "AGENCY", 200), "AGENCY of another organization", 404),
                                "TEAM", 200), "TEAM of another organization", 404))
                .route("GET /api/audit", () -> HttpRequest.GET("/api/audit"), adminOnly(200))
                .route("GET /health", () -> HttpRequest.GET("/health"), AccessMatrix.everyone(200))
                .route("GET /health/{selector}", () -> HttpRequest.GET("/health/liveness"), AccessMatrix.everyone(200));

        assertEquals(Routes.of(router), matrix.routes(), "every route needs an entry in the authorization matrix");
        assertEquals(matrix.expected(), matrix.actual());
        assertEquals(Map.of(), matrix.revealingRefusals(), "a refusal answers exactly as an unknown id does");
    }

    @Test
    void refusesExpiredForgedUnsignedAndTamperedTokens() {
        AccessMatrix calls = new AccessMatrix(http, Map.of());
        assertEquals(200, calls.status(HttpRequest.GET("/api/notifications"), tokens.token("u", ORG_A, "TEAM")));
        assertEquals(401, calls.status(HttpRequest.GET("/api/notifications"), tokens.expired("u", ORG_A, "TEAM")));
        assertEquals(401, calls.status(HttpRequest.GET("/api/notifications"), tokens.signedByAnotherKey("u", ORG_A, "TEAM")));
        assertEquals(401, calls.status(HttpRequest.GET("/api/notifications"), tokens.unsigned("u", ORG_A, "TEAM")));
        assertEquals(401, calls.status(HttpRequest.GET("/api/notifications"), tokens.withoutExpiry("u", ORG_A, "TEAM")));
        assertEquals(401, calls.status(HttpRequest.GET("/api/audit"),
                TestTokens.promotedToAdmin(tokens.token("u", ORG_A, "TEAM"))));
    }

    @Test
    void aWebhookStopsOnlyTogetherWithTheAuditEntryOfTheStop() {
        String agency = tokens.token(UUID.randomUUID().toString(), ORG_A, "AGENCY");
        String webhook = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/webhooks",
                Map.of("url", "http://127.0.0.1:9/audited")).bearerAuth(agency), Map.class).get("id");
        AccessMatrix calls = new AccessMatrix(http, Map.of());
        try (AuditTrail.Refusal ignored = AuditTrail.refusingEntriesOfChangesTo(db, webhook)) {
            assertEquals(500, calls.status(HttpRequest.DELETE("/api/webhooks/" + webhook), agency));
        }
        assertEquals("1", Sql.query(db, "SELECT active FROM webhook WHERE id = '" + webhook + "'"),
                "the stop rolled back with its entry");
        assertEquals(List.of("POST /api/webhooks 201", "DELETE /api/webhooks/{id} 500"), AuditTrail.of(db, webhook));

        assertEquals(200, calls.status(HttpRequest.DELETE("/api/webhooks/" + webhook), agency));
        assertEquals("0", Sql.query(db, "SELECT active FROM webhook WHERE id = '" + webhook + "'"));
        assertEquals(List.of("POST /api/webhooks 201", "DELETE /api/webhooks/{id} 500", "DELETE /api/webhooks/{id} 200"),
                AuditTrail.of(db, webhook));
    }

    @Test
    void keepsEachUsersAddressAndLanguageOnce() {
        String user = UUID.randomUUID().toString();
        UserRegistered registered = new UserRegistered(user, ORG_A, "王芳", "wang.fang@example.cn", List.of("TEAM"),
                List.of(), "zh", Instant.now());
        String eventId = Events.deliver(registered);
        Events.deliver(eventId, new UserRegistered(user, ORG_A, "redelivered", "other@example.cn", List.of("TEAM"),
                List.of(), "en", Instant.now()));
        Events.deliver(new UserUpdated(user, ORG_A, "王芳", "wang.fang@example.cn", List.of("TEAM"), List.of(), "en",
                Instant.now()));

        await().atMost(Duration.ofSeconds(60)).until(() ->
                "en".equals(Sql.query(db, "SELECT language FROM recipient WHERE user_id = '" + user + "'")));
        assertEquals("wang.fang@example.cn", Sql.query(db, "SELECT email FROM recipient WHERE user_id = '" + user + "'"));
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM processed_event WHERE event_id = '" + eventId + "'"));
    }
}
