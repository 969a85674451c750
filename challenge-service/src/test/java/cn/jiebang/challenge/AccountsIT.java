package cn.jiebang.challenge;

import cn.jiebang.challenge.account.application.IssuerKeys;
import cn.jiebang.challenge.account.domain.CreditCode;
import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestTokens;
import cn.jiebang.devstack.TopicRecorder;
import cn.jiebang.events.OrganizationRegistered;
import cn.jiebang.events.OrganizationUpdated;
import cn.jiebang.events.Topics;
import cn.jiebang.events.UserRegistered;
import cn.jiebang.events.UserUpdated;
import cn.jiebang.messaging.CloudEventHeaders;
import cn.jiebang.testing.AuditTrail;
import cn.jiebang.testing.Sql;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Organizations, users, tokens and the audit trail, through challenge-service's API and its events. */
class AccountsIT extends ChallengeServiceIT {

    @Inject
    IssuerKeys keys;

    @Test
    void programOfficeRegistersAnOrganizationAndAUserWhoSignsInWithTheirClaims() throws Exception {
        String admin = api.adminToken();
        try (TopicRecorder events = new TopicRecorder(Devstack.kafkaBootstrapServers(), Topics.ACCOUNT_EVENTS, r -> true)) {
            Map<String, Object> org = api.post(admin, "/api/organizations", Map.of("name", "北京新材料研究院 𠀀",
                    "creditCode", "12100000400000624D", "region", "BEIJING", "kind", "RESEARCH_INSTITUTE"));
            String orgId = (String) org.get("id");
            assertEquals("ACTIVE", org.get("status"));
            String email = "Judge." + UUID.randomUUID() + "@Example.cn";
            Map<String, Object> user = api.post(admin, "/api/users", Map.of("organizationId", orgId, "name", "赵敏",
                    "email", email, "roles", List.of("JUDGE"), "expertiseFields", List.of("NEW_MATERIALS"),
                    "language", "zh", "password", "a long enough password"));
            String userId = (String) user.get("id");

            await().atMost(Duration.ofSeconds(60)).until(() -> events.all().stream().anyMatch(r -> r.key().equals(userId)));
            ConsumerRecord<String, String> orgEvent = events.all().stream().filter(r -> r.key().equals(orgId)).findFirst().orElseThrow();
            assertEquals(OrganizationRegistered.TYPE, TopicRecorder.header(orgEvent, CloudEventHeaders.TYPE));
            assertTrue(orgEvent.value().contains("\"region\":\"BEIJING\""), orgEvent.value());
            ConsumerRecord<String, String> userEvent = events.all().stream().filter(r -> r.key().equals(userId)).findFirst().orElseThrow();
            assertEquals(UserRegistered.TYPE, TopicRecorder.header(userEvent, CloudEventHeaders.TYPE));
            assertTrue(userEvent.value().contains(email.toLowerCase()), "e-mail is stored lower-case");
            assertTrue(!userEvent.value().contains("password"), "no password material in events");

            String token = api.token(email, "a long enough password");
            Map<String, Object> claims = claims(token);
            assertEquals(userId, claims.get("sub"));
            assertEquals(orgId, claims.get("org"));
            assertEquals(List.of("JUDGE"), claims.get("roles"));
            assertTrue(((Number) claims.get("exp")).longValue() > Instant.now().getEpochSecond());
            assertEquals("RS256", header(token).get("alg"));
            assertEquals(userId, api.get(token, "/api/users/me").get("id"));

            api.put(admin, "/api/users/" + userId, Map.of("name", "赵敏", "roles", List.of("JUDGE", "TEAM"),
                    "expertiseFields", List.of(), "language", "en"));
            await().atMost(Duration.ofSeconds(60)).until(() -> events.all().stream().anyMatch(r ->
                    UserUpdated.TYPE.equals(TopicRecorder.header(r, CloudEventHeaders.TYPE)) && r.key().equals(userId)));
        }
    }

    @Test
    void wrongCheckDigitIsRefusedWithTheFieldAndStoresNothing() {
        String admin = api.adminToken();
        long before = Sql.count(db, "SELECT COUNT(*) FROM organization");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () ->
                api.post(admin, "/api/organizations", Map.of("name", "mistyped", "creditCode", "914403001922038217",
                        "region", "OTHER", "kind", "ENTERPRISE")));
        assertEquals(422, e.code());
        Map<String, Object> problem = e.getResponse().getBody(Api.JSON).orElseThrow();
        assertEquals("https://jiebang.cn/problems/invalid-credit-code", problem.get("type"));
        assertTrue(problem.get("errors").toString().contains("creditCode"));
        assertTrue(((String) problem.get("detail")).contains("should be '6'"), (String) problem.get("detail"));
        assertEquals(before, Sql.count(db, "SELECT COUNT(*) FROM organization"));
    }

    @Test
    void anApplicantSignsInOnlyAfterTheProgramOfficeApproves() {
        String email = "contact-" + UUID.randomUUID() + "@hebei.example.cn";
        Map<String, Object> applied = api.post(null, "/api/organizations/applications", Map.of(
                "organization", Map.of("name", "河北装备制造有限公司", "creditCode", "91130600MA0HB00020",
                        "region", "HEBEI", "kind", "ENTERPRISE"),
                "contact", Map.of("name", "孙磊", "email", email, "roles", List.of("TEAM"), "language", "zh",
                        "password", "applicant password")));
        String orgId = (String) applied.get("id");
        assertEquals("PENDING", applied.get("status"));
        HttpClientResponseException early = assertThrows(HttpClientResponseException.class,
                () -> api.token(email, "applicant password"));
        assertEquals(401, early.code());

        String admin = api.adminToken();
        assertEquals("ACTIVE", api.post(admin, "/api/organizations/" + orgId + "/approve", Map.of()).get("status"));
        String token = api.token(email, "applicant password");
        assertEquals(orgId, claims(token).get("org"));
        HttpClientResponseException twice = assertThrows(HttpClientResponseException.class,
                () -> api.post(admin, "/api/organizations/" + orgId + "/approve", Map.of()));
        assertEquals(409, twice.code());
    }

    @Test
    void refusesExpiredTamperedForeignAndUnsignedTokens() throws Exception {
        String admin = api.adminToken();
        assertEquals(200, api.status(HttpRequest.GET("/api/users/me"), admin));
        String adminId = (String) claims(admin).get("sub");
        SignedJWT expired = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keys.retrieveJsonWebKeys().get(0).getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(adminId).claim("roles", List.of("ADMIN"))
                        .expirationTime(Date.from(Instant.now().minusSeconds(60))).build());
        expired.sign(new RSASSASigner(keys.getPrivateKey()));

        assertEquals(401, api.status(HttpRequest.GET("/api/users/me"), expired.serialize()));
        assertEquals(401, api.status(HttpRequest.GET("/api/users"),
                TestTokens.promotedToAdmin(teamToken())));
        assertEquals(401, api.status(HttpRequest.GET("/api/users/me"),
                TestTokens.shared().signedByAnotherKey(adminId, "x", "ADMIN")));
        assertEquals(401, api.status(HttpRequest.GET("/api/users/me"),
                TestTokens.shared().token(adminId, "x", "ADMIN")), "a valid token of another issuer");
        assertEquals(401, api.status(HttpRequest.GET("/api/users/me"),
                TestTokens.shared().unsigned(adminId, "x", "ADMIN")));
        SignedJWT endless = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keys.retrieveJsonWebKeys().get(0).getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(adminId).claim("roles", List.of("ADMIN")).build());
        endless.sign(new RSASSASigner(keys.getPrivateKey()));
        assertEquals(401, api.status(HttpRequest.GET("/api/users/me"), endless.serialize()), "a token without exp");
        assertEquals(401, api.status(HttpRequest.POST("/api/auth/token",
                Map.of("email", Api.ADMIN_EMAIL, "password", "wrong password")), null));
    }

    @Test
    void everyStateChangingRequestIsAuditedWithWhoWhatAndWhich() {
        String admin = api.adminToken();
        String adminId = (String) claims(admin).get("sub");
        Map<String, Object> org = api.post(admin, "/api/organizations", Map.of("name", "审计测试",
                "creditCode", "91120116MA05TJ001C", "region", "TIANJIN", "kind", "ENTERPRISE"));
        String orgId = (String) org.get("id");
        api.status(HttpRequest.POST("/api/organizations", Map.of("name", "x", "creditCode", "91120116MA05TJ001C",
                "region", "TIANJIN", "kind", "ENTERPRISE")), null);

        Map<String, Object> audit = api.get(admin, "/api/audit?objectId=" + orgId);
        List<?> items = (List<?>) audit.get("items");
        assertEquals(1, items.size());
        Map<?, ?> entry = (Map<?, ?>) items.get(0);
        assertEquals(adminId, entry.get("actor"));
        assertEquals("POST /api/organizations", entry.get("action"));
        assertEquals(201, ((Number) entry.get("status")).intValue());
        assertTrue(Sql.count(db, "SELECT COUNT(*) FROM audit_entry WHERE actor = 'anonymous' AND status = 401"
                + " AND action = 'POST /api/organizations'") >= 1, "refused attempts are audited too");
        assertEquals(403, api.status(HttpRequest.GET("/api/audit"), teamToken()));
    }

    @Test
    void aChangeCommitsOnlyTogetherWithItsAuditEntry() {
        String admin = api.adminToken();
        String orgId = (String) api.post(admin, "/api/organizations", Map.of("name", "原名", "creditCode", uniqueCode(),
                "region", "TIANJIN", "kind", "ENTERPRISE")).get("id");
        Supplier<MutableHttpRequest<?>> rename = () -> HttpRequest.PUT("/api/organizations/" + orgId,
                Map.of("name", "新名", "region", "TIANJIN", "kind", "ENTERPRISE"));
        try (AuditTrail.Refusal ignored = AuditTrail.refusingEntriesOfChangesTo(db, orgId)) {
            assertEquals(500, api.status(rename.get(), admin));
        }

        assertEquals("原名", Sql.query(db, "SELECT name FROM organization WHERE id = '" + orgId + "'"),
                "the change rolled back with its entry");
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE message_key = '" + orgId + "'"
                + " AND event_type = '" + OrganizationUpdated.TYPE + "'"), "and so did its event");
        assertEquals(List.of("POST /api/organizations 201", "PUT /api/organizations/{id} 500"), AuditTrail.of(db, orgId),
                "the refusal is recorded after the answer, as before");

        assertEquals(200, api.status(rename.get(), admin));
        assertEquals("新名", Sql.query(db, "SELECT name FROM organization WHERE id = '" + orgId + "'"));
        assertEquals(List.of("POST /api/organizations 201", "PUT /api/organizations/{id} 500",
                "PUT /api/organizations/{id} 200"), AuditTrail.of(db, orgId));
    }

    @Test
    void theChangeAndItsAuditEntryAreWrittenByOneTransaction() {
        String admin = api.adminToken();
        String orgId = (String) api.post(admin, "/api/organizations", Map.of("name", "一个事务", "creditCode",
                uniqueCode(), "region", "TIANJIN", "kind", "ENTERPRISE")).get("id");
        // each write notes the InnoDB transaction that made it
        String transaction = "(SELECT trx_id FROM information_schema.innodb_trx WHERE trx_mysql_thread_id = CONNECTION_ID())";
        Sql.execute(db, "CREATE TABLE written_by (what VARCHAR(10) NOT NULL, trx VARCHAR(40) NULL)");
        Sql.execute(db, "CREATE TRIGGER note_change AFTER UPDATE ON organization FOR EACH ROW BEGIN IF NEW.id = '"
                + orgId + "' THEN INSERT INTO written_by VALUES ('change', " + transaction + "); END IF; END");
        Sql.execute(db, "CREATE TRIGGER note_entry AFTER INSERT ON audit_entry FOR EACH ROW BEGIN IF NEW.object_id = '"
                + orgId + "' THEN INSERT INTO written_by VALUES ('entry', " + transaction + "); END IF; END");
        try {
            api.put(admin, "/api/organizations/" + orgId, Map.of("name", "同一事务", "region", "TIANJIN", "kind", "ENTERPRISE"));
        } finally {
            Sql.execute(db, "DROP TRIGGER IF EXISTS note_change");
            Sql.execute(db, "DROP TRIGGER IF EXISTS note_entry");
        }

        assertEquals("change,entry", Sql.query(db, "SELECT GROUP_CONCAT(what ORDER BY what) FROM written_by"));
        assertEquals(2, Sql.count(db, "SELECT COUNT(*) FROM written_by WHERE trx IS NOT NULL"));
        assertEquals(1, Sql.count(db, "SELECT COUNT(DISTINCT trx) FROM written_by"),
                "one transaction wrote both: " + Sql.query(db, "SELECT GROUP_CONCAT(CONCAT(what, '=', IFNULL(trx, '?')))"
                        + " FROM written_by"));
        Sql.execute(db, "DROP TABLE written_by");
    }

    @Test
    void aRefusedChangeLeavesOnlyTheEntryOfItsRefusal() {
        String admin = api.adminToken();
        String orgId = (String) api.post(admin, "/api/organizations", Map.of("name", "已批准", "creditCode", uniqueCode(),
                "region", "TIANJIN", "kind", "ENTERPRISE")).get("id");

        assertEquals(409, api.status(HttpRequest.POST("/api/organizations/" + orgId + "/approve", ""), admin));

        assertEquals(List.of("POST /api/organizations 201", "POST /api/organizations/{id}/approve 409"),
                AuditTrail.of(db, orgId));
    }

    @Test
    void aRejectedApplicationFreesTheCreditCodeAndTheEmailForAProperRegistration() {
        String admin = api.adminToken();
        String code = uniqueCode();
        String email = "squatter-" + UUID.randomUUID() + "@example.cn";
        Map<String, Object> application = Map.of(
                "organization", Map.of("name", "冒名申请", "creditCode", code, "region", "OTHER", "kind", "ENTERPRISE"),
                "contact", Map.of("name", "x", "email", email, "roles", List.of("TEAM"), "language", "zh",
                        "password", "squatter password"));
        String squatter = (String) api.post(null, "/api/organizations/applications", application).get("id");
        assertEquals(422, api.status(HttpRequest.POST("/api/organizations/applications", application), null),
                "the code is taken while the application waits");
        Map<String, Object> rejected = api.post(admin, "/api/organizations/" + squatter + "/reject",
                Map.of("reason", "申请材料与统一社会信用代码不符"));
        assertEquals("REJECTED", rejected.get("status"));
        assertEquals("申请材料与统一社会信用代码不符", rejected.get("rejectionReason"));

        String real = (String) api.post(admin, "/api/organizations", Map.of("name", "真实企业", "creditCode", code,
                "region", "OTHER", "kind", "ENTERPRISE")).get("id");
        api.post(admin, "/api/users", Map.of("organizationId", real, "name", "y", "email", email, "roles",
                List.of("TEAM"), "expertiseFields", List.of(), "language", "zh", "password", "a real password"));
        assertEquals(real, claims(api.token(email, "a real password")).get("org"));
    }

    @Test
    void programOfficeChangesAnOrganizationAndTellsTheOthers() {
        String admin = api.adminToken();
        String orgId = (String) api.post(admin, "/api/organizations", Map.of("name", "旧名称", "creditCode", uniqueCode(),
                "region", "HEBEI", "kind", "ENTERPRISE")).get("id");
        try (TopicRecorder events = new TopicRecorder(Devstack.kafkaBootstrapServers(), Topics.ACCOUNT_EVENTS,
                r -> r.key().equals(orgId) && OrganizationUpdated.TYPE.equals(TopicRecorder.header(r, CloudEventHeaders.TYPE)))) {
            Map<String, Object> updated = api.put(admin, "/api/organizations/" + orgId, Map.of("name", "新名称",
                    "region", "TIANJIN", "kind", "RESEARCH_INSTITUTE"));
            assertEquals("TIANJIN", updated.get("region"));
            await().atMost(Duration.ofSeconds(60)).until(() -> events.all().size() == 1);
            assertTrue(events.all().get(0).value().contains("\"name\":\"新名称\""), events.all().get(0).value());
        }
    }

    @Test
    void aPasswordBCryptWouldCutIsRefusedNotTruncated() {
        String admin = api.adminToken();
        String orgId = (String) api.post(admin, "/api/organizations", Map.of("name", "long", "creditCode", uniqueCode(),
                "region", "OTHER", "kind", "ENTERPRISE")).get("id");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> api.post(admin,
                "/api/users", Map.of("organizationId", orgId, "name", "z", "email", "long-" + UUID.randomUUID() + "@x.cn",
                        "roles", List.of("TEAM"), "expertiseFields", List.of(), "language", "zh",
                        "password", "揭榜挂帅赛马制".repeat(4))));
        assertEquals(422, e.code());
        assertEquals("https://jiebang.cn/problems/password-too-long", e.getResponse().getBody(Api.JSON).orElseThrow().get("type"));
    }

    @Test
    void racingRegistrationsOfOneEmailCreateOneUserAndNeverAServerError() throws Exception {
        String admin = api.adminToken();
        String orgId = (String) api.post(admin, "/api/organizations", Map.of("name", "race", "creditCode", uniqueCode(),
                "region", "OTHER", "kind", "ENTERPRISE")).get("id");
        String email = "race-" + UUID.randomUUID() + "@example.cn";
        Map<String, Object> body = Map.of("organizationId", orgId, "name", "race", "email", email, "roles", List.of("TEAM"),
                "expertiseFields", List.of(), "language", "zh", "password", "race password");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> api.status(HttpRequest.POST("/api/users", body), admin)));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409 || s == 422), statuses.toString());
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM app_user WHERE email = '" + email + "'"));
    }

    private String teamToken() {
        String admin = api.adminToken();
        String orgId = (String) api.post(admin, "/api/organizations", Map.of("name", "team org " + UUID.randomUUID(),
                "creditCode", uniqueCode(), "region", "OTHER", "kind", "ENTERPRISE")).get("id");
        String email = "team-" + UUID.randomUUID() + "@example.cn";
        api.post(admin, "/api/users", Map.of("organizationId", orgId, "name", "team", "email", email,
                "roles", List.of("TEAM"), "expertiseFields", List.of(), "language", "en", "password", "team password"));
        return api.token(email, "team password");
    }

    private static int codeSeq = 0;

    /** A fresh valid credit code: 17 characters of our own, then the check character. */
    static synchronized String uniqueCode() {
        return CreditCode.completing("91110000" + String.format("%09d",
                (System.nanoTime() / 1000 + codeSeq++) % 1_000_000_000L)).value();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> claims(String token) {
        return parse(token.split("\\.")[1]);
    }

    static Map<String, Object> header(String token) {
        return parse(token.split("\\.")[0]);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String base64) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(new String(Base64.getUrlDecoder().decode(base64), UTF_8), Map.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
