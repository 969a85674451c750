package cn.jiebang.notification;

import cn.jiebang.testing.Sql;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** notification-service refuses what is not exactly its API: unknown routes, other media types, loose JSON, endless pages. */
class StrictRequestsIT extends NotificationServiceIT {

    private final String organization = UUID.randomUUID().toString();

    private String team(String user) {
        return tokens.token(user, organization, "TEAM");
    }

    private long subscriptionsOf(String user) {
        return Sql.count(db, "SELECT COUNT(*) FROM subscription WHERE user_id = '" + user + "'");
    }

    @Test
    void anUnknownRouteIsNotFoundAndAnotherMediaTypeUnsupported() {
        String team = team(UUID.randomUUID().toString());
        raw.problem(raw.get("/api/nonexistent", team), 404, "not-found");
        raw.problem(raw.get("/api/nonexistent", null), 404, "not-found");
        String following = "{\"fields\": [\"NEW_MATERIALS\"], \"regions\": []}";
        raw.problem(raw.send("PUT", "/api/subscriptions", team, "text/plain", following), 415, "unsupported-media-type");
        raw.problem(raw.send("PUT", "/api/subscriptions", team, null, following), 415, "unsupported-media-type");
        raw.problem(raw.send("PUT", "/api/subscriptions", null, "application/json", following), 401, "unauthorized");
        raw.problem(raw.send("POST", "/api/webhooks", tokens.token("judge", organization, "JUDGE"), "application/json",
                "{\"url\": \"https://example.cn/hook\"}"), 403, "forbidden");
        assertEquals(200, raw.send("PUT", "/api/subscriptions", team, "application/json", following).status());
    }

    @Test
    void aSubscriptionIsStoredOnlyWhenItIsExactlyTheSchema() {
        String user = UUID.randomUUID().toString();
        String team = team(user);
        assertEquals(List.of(Map.of("field", "regions[0]", "message", "must be a string")), raw.problem(
                raw.send("PUT", "/api/subscriptions", team, "application/json",
                        "{\"fields\": [\"NEW_MATERIALS\"], \"regions\": [[\"BEIJING\"]]}"), 400, "invalid-request")
                .get("errors"));
        assertEquals(List.of(Map.of("field", "fields", "message", "must be a list")), raw.problem(
                raw.send("PUT", "/api/subscriptions", team, "application/json",
                        "{\"fields\": \"NEW_MATERIALS\", \"regions\": []}"), 400, "invalid-request").get("errors"));
        assertEquals("unexpected content after the JSON document", raw.problem(
                raw.send("PUT", "/api/subscriptions", team, "application/json",
                        "{\"fields\": [\"NEW_MATERIALS\"], \"regions\": []}}}garbage"), 400, "invalid-request")
                .get("detail"));
        assertEquals(0, subscriptionsOf(user));
    }

    @Test
    void anEmailChoiceIsTrueOrFalseForAKindThatExists() {
        String team = team(UUID.randomUUID().toString());
        assertEquals(List.of(Map.of("field", "email.BID_RECEIPT", "message", "must be true or false")), raw.problem(
                raw.send("PUT", "/api/notification-preferences", team, "application/json",
                        "{\"email\": {\"BID_RECEIPT\": \"maybe\"}}"), 400, "invalid-request").get("errors"));
        Map<?, ?> unknownKind = (Map<?, ?>) ((List<?>) raw.problem(raw.send("PUT", "/api/notification-preferences",
                team, "application/json", "{\"email\": {\"NOT_A_KIND\": false}}"), 400, "invalid-request")
                .get("errors")).get(0);
        assertEquals("email.NOT_A_KIND", unknownKind.get("field"));
        assertEquals(true, ((String) unknownKind.get("message")).startsWith("is not one of CHALLENGE_PUBLISHED, "),
                unknownKind.toString());
        Map<String, Object> choices = raw.parse(raw.get("/api/notification-preferences", team));
        assertEquals(true, ((Map<?, ?>) choices.get("email")).get("BID_RECEIPT"), "nothing was stored");
    }

    @Test
    void aPageBeyondWhatCanBeCountedIsRefusedOnEveryList() {
        String team = team(UUID.randomUUID().toString());
        String admin = tokens.token("office", "program-office", "ADMIN");
        for (Map.Entry<String, String> list : Map.of("/api/notifications", team, "/api/webhooks/deliveries", team,
                "/api/audit", admin).entrySet()) {
            Map<String, Object> problem = raw.problem(raw.get(list.getKey() + "?size=100&page=21474837",
                    list.getValue()), 400, "invalid-request");
            assertEquals("page", ((Map<?, ?>) ((List<?>) problem.get("errors")).get(0)).get("field"), list.getKey());
            assertEquals(200, raw.get(list.getKey() + "?size=100&page=1000000", list.getValue()).status());
        }
    }
}
