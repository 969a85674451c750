package cn.jiebang.challenge;

import cn.jiebang.testing.RawHttp;
import cn.jiebang.testing.Sql;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.jiebang.testing.RawHttp.assertNoInternals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Requests that do not say exactly what the API expects are refused, and said so in the API's terms: an
 * unknown route is a 404, a body that is not JSON a 415, a body that is not exactly the schema a 400
 * naming the field, a page past what can be counted a 400.
 */
class StrictRequestsIT extends ChallengeServiceIT {

    private String admin;
    private Api.Agency agency;

    private void signIn() {
        if (admin == null) {
            admin = api.adminToken();
            agency = api.newAgency(admin, "北京市科学技术委员会");
        }
    }

    private static Map<String, Object> requirement() {
        return RequirementsIT.requirement("车规级MCU");
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private long requirementsTitled(String title) {
        return Sql.count(db, "SELECT COUNT(*) FROM requirement WHERE title = '" + title + "'");
    }

    // ---- routes and media types ---------------------------------------------------------------------

    @Test
    void anUnknownRouteIsNotFoundForEveryCaller() {
        signIn();
        raw.problem(raw.get("/api/nonexistent", admin), 404, "not-found");
        raw.problem(raw.get("/api/nonexistent", agency.token()), 404, "not-found");
        raw.problem(raw.get("/api/nonexistent", null), 404, "not-found");
        raw.problem(raw.send("DELETE", "/api/requirements", agency.token(), null, null), 405, "method-not-allowed");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaTypeEvenForTheRightRole() {
        signIn();
        String body = write(requirement());
        raw.problem(raw.send("POST", "/api/requirements", agency.token(), "text/plain", body), 415,
                "unsupported-media-type");
        raw.problem(raw.send("POST", "/api/requirements", agency.token(), "application/x-www-form-urlencoded",
                "title=x"), 415, "unsupported-media-type");
        raw.problem(raw.send("POST", "/api/requirements", agency.token(), null, body), 415, "unsupported-media-type");
    }

    @Test
    void aForbiddenCallIsStillForbiddenAndAnAnonymousOneStillUnauthorized() {
        signIn();
        String team = api.newTeam(admin, "天津大学").token();
        String body = write(requirement());
        raw.problem(raw.send("POST", "/api/requirements", team, "application/json", body), 403, "forbidden");
        raw.problem(raw.send("POST", "/api/requirements", null, "application/json", body), 401, "unauthorized");
        raw.problem(raw.get("/api/users", agency.token()), 403, "forbidden");
        assertEquals(201, raw.send("POST", "/api/requirements", agency.token(), "application/json; charset=UTF-8",
                body).status());
    }

    // ---- JSON exactly as the schema says ----------------------------------------------------------------

    @Test
    void contentAfterTheJsonDocumentIsRefused() {
        signIn();
        String title = "尾随 " + UUID.randomUUID();
        String body = write(with(requirement(), "title", title));
        assertEquals("unexpected content after the JSON document", raw.problem(raw.send("POST", "/api/requirements",
                agency.token(), "application/json", body + "}}}garbage"), 400, "invalid-request").get("detail"));
        raw.problem(raw.send("POST", "/api/requirements", agency.token(), "application/json", body + " {}"), 400,
                "invalid-request");
        assertEquals(0, requirementsTitled(title));
    }

    @Test
    void aValueOfTheWrongShapeIsRefusedWithItsFieldNamed() {
        signIn();
        String title = "形状 " + UUID.randomUUID();
        Map<String, Object> valid = with(requirement(), "title", title);
        assertEquals(List.of(Map.of("field", "kind", "message", "must be one of BOTTLENECK, COMMON_KEY")),
                fieldErrors("/api/requirements", with(valid, "kind", List.of("BOTTLENECK"))));
        assertEquals(List.of(Map.of("field", "coFunded", "message", "must be true or false")),
                fieldErrors("/api/requirements", with(valid, "coFunded", "maybe")));
        assertEquals(List.of(Map.of("field", "coFunded", "message", "must be true or false")),
                fieldErrors("/api/requirements", with(valid, "coFunded", 0)));
        assertEquals(List.of(Map.of("field", "description", "message", "must be a string")),
                fieldErrors("/api/requirements", with(valid, "description", 12345)));
        assertEquals(List.of(Map.of("field", "indicators[0].unit", "message", "must be a string")),
                fieldErrors("/api/requirements", with(valid, "indicators", List.of(Map.of("name", "温度",
                        "targetValue", "150", "unit", List.of("°C"), "direction", "AT_LEAST", "testMethod", "x")))));
        assertEquals(List.of(Map.of("field", "wantedBy", "message", "must be a date like 2030-06-30")),
                fieldErrors("/api/requirements", with(valid, "wantedBy", "2030-13-45")));
        assertEquals(List.of(Map.of("field", "budgetCeiling", "message", "must be a decimal number")),
                fieldErrors("/api/requirements", with(valid, "budgetCeiling", "lots")));
        assertEquals(List.of(Map.of("field", "titel", "message", "is not a field of this request")),
                fieldErrors("/api/requirements", with(valid, "titel", "typo")));
        assertEquals(0, requirementsTitled(title));
    }

    @Test
    void aDecimalIsNotTruncatedIntoAWholeNumber() {
        signIn();
        String requirement = api.approvedRequirement(admin, agency, "权重 " + UUID.randomUUID());
        Map<String, Object> definition = ChallengeBody.anOpenCompetition(agency.organizationId(), requirement)
                .build();
        @SuppressWarnings("unchecked")
        Map<String, Object> round = (Map<String, Object>) ((List<?>) definition.get("rounds")).get(0);
        round.put("criteria", List.of(Map.of("code", "TECH", "name", "技术路线", "weight", 40, "maxScore", 10),
                Map.of("code", "TEAM", "name", "团队能力", "weight", 59.99, "maxScore", 10)));
        RawHttp.Result created = raw.send("POST", "/api/challenges", admin, "application/json", write(definition));
        assertEquals(List.of(Map.of("field", "rounds[0].criteria[1].weight", "message", "must be a whole number")),
                raw.problem(created, 400, "invalid-request").get("errors"));
        definition.put("winners", 3_000_000_000L);
        assertEquals(List.of(Map.of("field", "rounds[0].criteria[1].weight", "message", "must be a whole number"),
                        Map.of("field", "winners", "message", "must be a whole number from -2147483648 to 2147483647")),
                raw.problem(raw.send("POST", "/api/challenges", admin, "application/json", write(definition)), 400,
                        "invalid-request").get("errors"));
    }

    private Object fieldErrors(String path, Object body) {
        return raw.problem(raw.send("POST", path, agency.token(), "application/json", write(body)), 400,
                "invalid-request").get("errors");
    }

    // ---- no internals in any refusal ------------------------------------------------------------------

    @Test
    void noRefusalShowsJavaInternals() {
        signIn();
        String valid = write(requirement());
        List<RawHttp.Result> refusals = List.of(
                raw.send("POST", "/api/requirements", agency.token(), "application/json", "{\"title\": "),
                raw.send("POST", "/api/requirements", agency.token(), "application/json", "not json at all"),
                raw.send("POST", "/api/requirements", agency.token(), "application/json", valid + "garbage"),
                raw.send("POST", "/api/requirements", agency.token(), "application/json", "[" + valid + "]"),
                raw.send("POST", "/api/requirements", agency.token(), "application/json", "null"),
                raw.send("POST", "/api/requirements", agency.token(), "application/json", ""),
                raw.send("POST", "/api/requirements", agency.token(), "application/json", "{\"a\":1,\"a\":2}"),
                raw.send("POST", "/api/requirements", agency.token(), "application/json",
                        write(with(requirement(), "kind", "NOT_A_KIND"))),
                raw.send("POST", "/api/requirements", agency.token(), "application/json",
                        write(with(requirement(), "indicators", "one"))),
                raw.send("POST", "/api/requirements", agency.token(), "application/json",
                        write(with(requirement(), "indicators", List.of(7)))),
                raw.send("POST", "/api/requirements", agency.token(), "application/json",
                        write(with(requirement(), "wantedBy", 20300630))),
                raw.send("POST", "/api/challenges", admin, "application/json", "{\"rounds\": [{\"criteria\": "
                        + "[{\"weight\": 59.99}], \"opensAt\": \"yesterday\"}], \"bidOpensAt\": 5}"),
                raw.send("POST", "/api/auth/token", null, "application/json", "{\"email\": [\"a@b.c\"]}"),
                raw.get("/api/challenges?page=abc", null),
                raw.get("/api/challenges?size=-1", null),
                raw.get("/api/challenges?status=NOT_A_STATUS", null),
                raw.get("/api/requirements?page=1.5", admin),
                raw.get("/api/challenges/" + UUID.randomUUID() + "/rounds/first", admin),
                raw.send("PUT", "/api/requirements/" + UUID.randomUUID(), agency.token(), "application/json", "{}"));
        for (RawHttp.Result refusal : refusals) {
            assertEquals(4, refusal.status() / 100, refusal.toString());
            assertEquals("application/problem+json", refusal.contentType(), refusal.toString());
            assertNoInternals(refusal);
        }
    }

    // ---- pages ------------------------------------------------------------------------------------------

    @Test
    void aPageBeyondWhatCanBeCountedIsRefusedOnEveryList() {
        signIn();
        api.approvedRequirement(admin, agency, "页 " + UUID.randomUUID());
        for (String list : List.of("/api/challenges", "/api/requirements", "/api/users", "/api/organizations",
                "/api/organizations/" + agency.organizationId() + "/users", "/api/directory/organizations",
                "/api/audit")) {
            RawHttp.Result result = raw.get(list + "?size=100&page=21474837", admin);
            assertEquals("page", ((Map<?, ?>) ((List<?>) raw.problem(result, 400, "invalid-request").get("errors"))
                    .get(0)).get("field"), list);
            assertEquals(200, raw.get(list + "?size=100&page=1000000", admin).status(), list);
        }
    }
}
