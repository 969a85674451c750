package cn.jiebang.challenge;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.testing.Sql;
import cn.jiebang.devstack.TopicRecorder;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.Topics;
import cn.jiebang.messaging.CloudEventHeaders;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChallengeApiIT extends ChallengeServiceIT {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private String admin;

    private Api.Agency agency;
    private String requirement;

    private String admin() {
        if (admin == null) {
            admin = api.adminToken();
            agency = api.newAgency(admin, "北京市科学技术委员会");
            requirement = api.approvedRequirement(admin, agency, "ArF光刻胶");
        }
        return admin;
    }

    private ChallengeBody body() {
        admin();
        return ChallengeBody.anOpenCompetition(agency.organizationId(), requirement);
    }

    @Test
    void onlyTheProgramOfficeCreatesAndPublishesAndDraftsStayHidden() {
        Map<String, Object> body = body().build();
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/challenges", body)));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());

        String id = (String) create("draft only", Instant.now().plus(3, ChronoUnit.DAYS)).get("id");
        HttpClientResponseException hidden = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/challenges/" + id)));
        assertEquals(HttpStatus.NOT_FOUND, hidden.getStatus());
        assertEquals("DRAFT", http.toBlocking().retrieve(
                HttpRequest.GET("/api/challenges/" + id).bearerAuth(admin()), JSON).get("status"));

        http.toBlocking().exchange(HttpRequest.POST("/api/challenges/" + id + "/publish", "").bearerAuth(admin()));
        assertEquals("PUBLISHED", http.toBlocking().retrieve(HttpRequest.GET("/api/challenges/" + id), JSON).get("status"));
    }

    @Test
    void publishingADraftEmitsChallengePublishedWithCloudEventHeaders() {
        String title = "高端光刻胶 ArF 𠀀 🚀 " + UUID.randomUUID();
        Map<String, Object> created = create(title, Instant.now().plus(30, ChronoUnit.DAYS));
        String id = (String) created.get("id");
        assertEquals("DRAFT", created.get("status"));
        assertEquals(title, created.get("title"));

        Map<String, Object> published = http.toBlocking().retrieve(
                HttpRequest.POST("/api/challenges/" + id + "/publish", "").bearerAuth(admin()), JSON);
        assertEquals("PUBLISHED", published.get("status"));
        assertNotNull(published.get("publishedAt"));

        ConsumerRecord<String, String> record = awaitRecord(id);
        assertEquals(ChallengePublished.TYPE, header(record, CloudEventHeaders.TYPE));
        assertEquals("urn:jiebang:challenge-service", header(record, CloudEventHeaders.SOURCE));
        assertEquals("1.0", header(record, CloudEventHeaders.SPEC_VERSION));
        assertNotNull(header(record, CloudEventHeaders.ID));
        assertTrue(record.value().contains(title), "Unicode title survives into the event");
        assertTrue(record.value().contains("\"totalBudget\":1200000.50"), record.value());
    }

    @Test
    void aPublishedChallengeIsAmendedAndCancelledWithAnEventForEach() {
        Instant closes = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String id = (String) create("修订 " + UUID.randomUUID(), closes).get("id");
        assertEquals(409, api.status(HttpRequest.POST("/api/challenges/" + id + "/amendments",
                Map.of("kind", "CLARIFICATION", "text", "x")), admin()), "a draft is not amended");
        api.post(admin(), "/api/challenges/" + id + "/publish", "");
        try (TopicRecorder events = new TopicRecorder(Devstack.kafkaBootstrapServers(), Topics.CHALLENGE_EVENTS,
                r -> id.equals(r.key()))) {
            Instant later = closes.plus(1, ChronoUnit.DAYS);
            Map<String, Object> extended = api.post(admin(), "/api/challenges/" + id + "/amendments",
                    Map.of("kind", "DEADLINE_EXTENSION", "bidClosesAt", later.toString(), "text", "应申请延期一天"));
            assertEquals(later, Instant.parse((String) extended.get("bidClosesAt")));
            assertEquals(422, api.status(HttpRequest.POST("/api/challenges/" + id + "/amendments",
                    Map.of("kind", "DEADLINE_EXTENSION", "bidClosesAt", closes.toString(), "text", "提前")), admin()),
                    "a deadline is never shortened");
            api.post(admin(), "/api/challenges/" + id + "/amendments", Map.of("kind", "CLARIFICATION", "text", "测试方法以国标为准"));
            List<Map<String, Object>> timeline = http.toBlocking().retrieve(HttpRequest.GET("/api/challenges/" + id + "/amendments"), Argument.listOf(JSON));
            assertEquals(2, timeline.size(), "the public sees the amendments");

            assertEquals("CANCELLED", api.post(admin(), "/api/challenges/" + id + "/cancel",
                    Map.of("reason", "需求方撤回")).get("status"));
            assertEquals(409, api.status(HttpRequest.POST("/api/challenges/" + id + "/cancel", Map.of("reason", "again")), admin()));

            await().atMost(Duration.ofSeconds(60)).until(() -> events.all().size() == 4);
            assertEquals(List.of("challenge.published.v1", "challenge.amended.v1", "challenge.amended.v1",
                    "challenge.cancelled.v1"), events.all().stream().map(r -> header(r, CloudEventHeaders.TYPE)).toList());
            assertTrue(events.all().get(1).value().contains("\"kind\":\"DEADLINE_EXTENDED\""));
        }
    }

    @Test
    void theBoardFiltersByFieldBudgetClosingDateAndChineseTextAndHidesDrafts() {
        String marker = "钙钛矿" + UUID.randomUUID().toString().substring(0, 6);
        Instant soon = Instant.now().plus(10, ChronoUnit.DAYS);
        Instant later = Instant.now().plus(90, ChronoUnit.DAYS);
        String cheapSoon = board(api, marker + " 电池效率", "NEW_ENERGY", "500000.00", soon, true);
        String richLater = board(api, marker + " 叠层组件", "NEW_ENERGY", "50000000.00", later, true);
        String otherField = board(api, marker + " 材料", "NEW_MATERIALS", "800000.00", soon, true);
        String draft = board(api, marker + " 草稿", "NEW_ENERGY", "600000.00", soon, false);

        assertEquals(List.of(otherField, richLater, cheapSoon), boardIds(null, "q=" + enc(marker)),
                "anyone sees the published ones, newest first, not the draft");
        assertEquals(List.of(richLater, cheapSoon), boardIds(null, "q=" + enc(marker) + "&field=NEW_ENERGY"));
        assertEquals(List.of(cheapSoon), boardIds(null, "q=" + enc(marker) + "&field=NEW_ENERGY&maxBudget=1000000"));
        assertEquals(List.of(richLater), boardIds(null, "q=" + enc(marker) + "&minBudget=1000000"));
        assertEquals(List.of(richLater), boardIds(null, "q=" + enc(marker) + "&closesAfter="
                + Instant.now().plus(30, ChronoUnit.DAYS)));
        assertEquals(List.of(otherField, cheapSoon), boardIds(null, "q=" + enc(marker) + "&closesBefore="
                + Instant.now().plus(30, ChronoUnit.DAYS)));
        assertEquals(List.of(richLater), boardIds(null, "status=PUBLISHED&q=" + enc(marker + " 叠层")));
        assertTrue(boardIds(admin(), "q=" + enc(marker)).contains(draft), "the program office sees drafts");
        assertEquals(400, api.status(HttpRequest.GET("/api/challenges?minBudget=-1"), null));
    }

    private String board(Api api, String title, String field, String budget, Instant closes, boolean publish) {
        String id = (String) api.post(admin(), "/api/challenges", body().with("title", title)
                .with("technologyField", field).with("totalBudget", budget).round(0, "tranchePerTeam", "1.00")
                .window(Instant.now(), closes).build()).get("id");
        if (publish) {
            api.post(admin(), "/api/challenges/" + id + "/publish", "");
        }
        return id;
    }

    private List<Object> boardIds(String token, String query) {
        Map<String, Object> page = api.get(token, "/api/challenges?size=100&" + query);
        return ((List<?>) page.get("items")).stream().<Object>map(item -> ((Map<?, ?>) item).get("id")).toList();
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aCancelledDraftStaysHiddenAndTellsNobody() {
        String id = (String) create("草稿撤销", Instant.now().plus(5, ChronoUnit.DAYS)).get("id");
        api.post(admin(), "/api/challenges/" + id + "/cancel", Map.of("reason", "不再需要"));
        assertEquals(404, api.status(HttpRequest.GET("/api/challenges/" + id), null));
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_message WHERE message_key = '" + id + "'"));
    }

    @Test
    void publishingTwiceIsAConflictAndEmitsNothingMore() {
        String id = (String) create("twice", Instant.now().plus(30, ChronoUnit.DAYS)).get("id");
        http.toBlocking().exchange(HttpRequest.POST("/api/challenges/" + id + "/publish", "").bearerAuth(admin()));

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/challenges/" + id + "/publish", "").bearerAuth(admin())));
        assertEquals(HttpStatus.CONFLICT, e.getStatus());
        assertProblem(e, "https://jiebang.cn/problems/challenge-not-draft");
        assertEquals(1, count("SELECT COUNT(*) FROM outbox_message WHERE message_key = '" + id + "'"));
    }

    @Test
    void invalidBodyIsA400ProblemWithFieldErrorsAndStoresNothing() {
        long before = count("SELECT COUNT(*) FROM challenge");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/challenges", body().with("title", "")
                        .with("totalBudget", "10.123").build()).bearerAuth(admin())));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        Map<String, Object> problem = assertProblem(e, "https://jiebang.cn/problems/invalid-request");
        List<?> errors = (List<?>) problem.get("errors");
        List<Object> fields = new ArrayList<>();
        errors.forEach(err -> fields.add(((Map<?, ?>) err).get("field")));
        assertTrue(fields.contains("title") && fields.contains("totalBudget"), fields.toString());
        assertEquals(before, count("SELECT COUNT(*) FROM challenge"));
    }

    @Test
    void reversedBidWindowIsRejectedWithTheField() {
        long before = count("SELECT COUNT(*) FROM challenge");
        Instant opens = Instant.now().plus(10, ChronoUnit.DAYS);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> create("reversed", opens, opens.minus(1, ChronoUnit.DAYS)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        Map<String, Object> problem = assertProblem(e, "https://jiebang.cn/problems/invalid-challenge");
        assertTrue(problem.get("errors").toString().contains("bidClosesAt"));
        assertEquals(before, count("SELECT COUNT(*) FROM challenge"));
    }

    @Test
    void publishingAfterTheBidWindowClosedIsRejectedAndEmitsNothing() {
        Instant opens = Instant.now().minus(10, ChronoUnit.DAYS);
        Instant closes = Instant.now().plus(2, ChronoUnit.SECONDS);
        String id = (String) create("closed window", opens, closes).get("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(closes));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/challenges/" + id + "/publish", "").bearerAuth(admin())));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        assertProblem(e, "https://jiebang.cn/problems/bid-window-closed");
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_message WHERE message_key = '" + id + "'"));
        assertEquals("DRAFT", http.toBlocking().retrieve(HttpRequest.GET("/api/challenges/" + id).bearerAuth(admin()), JSON).get("status"));
    }

    @Test
    void unknownChallengeIsA404Problem() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/challenges/" + UUID.randomUUID() + "/publish", "").bearerAuth(admin())));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertProblem(e, "https://jiebang.cn/problems/challenge-not-found");
    }

    @Test
    void healthAndOpenApiAreServed() {
        HttpResponse<String> health = http.toBlocking().exchange("/health", String.class);
        assertEquals(HttpStatus.OK, health.getStatus());
        String spec = http.toBlocking().retrieve("/swagger/jiebang-challenge-service-0.1.yml");
        assertTrue(spec.contains("/api/challenges/{id}/publish"));
        assertEquals(HttpStatus.OK, http.toBlocking().exchange("/swagger-ui/index.html", String.class).getStatus());
    }

    private Map<String, Object> create(String title, Instant closes) {
        return create(title, Instant.now().minus(2, ChronoUnit.DAYS), closes);
    }

    private Map<String, Object> create(String title, Instant opens, Instant closes) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/challenges",
                body().with("title", title).window(opens, closes).build()).bearerAuth(admin()), JSON);
    }

    private static Map<String, Object> assertProblem(HttpClientResponseException e, String type) {
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<String, Object> problem = e.getResponse().getBody(JSON).orElseThrow();
        assertEquals(type, problem.get("type"));
        assertEquals(e.getStatus().getCode(), ((Number) problem.get("status")).intValue());
        assertNotNull(problem.get("detail"));
        return problem;
    }

    private long count(String sql) {
        return Sql.count(db, sql);
    }

    private static ConsumerRecord<String, String> awaitRecord(String key) {
        try (TopicRecorder records = new TopicRecorder(Devstack.kafkaBootstrapServers(), Topics.CHALLENGE_EVENTS,
                r -> key.equals(r.key()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !records.all().isEmpty());
            return records.all().get(0);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicRecorder.header(record, name);
    }
}
