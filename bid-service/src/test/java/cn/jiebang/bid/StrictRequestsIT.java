package cn.jiebang.bid;

import cn.jiebang.testing.Published;
import cn.jiebang.testing.RawHttp;
import cn.jiebang.testing.Sql;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** bid-service refuses what is not exactly its API: unknown routes, other media types, loose JSON, empty keys, endless pages. */
class StrictRequestsIT extends BidServiceIT {


    private String openChallenge() {
        String id = UUID.randomUUID().toString();
        return published(Published.challenge(id, "严格 " + id, "NEW_MATERIALS", new BigDecimal("3000000.00"),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(10, ChronoUnit.DAYS)));
    }

    private String newTeam() {
        String organization = knownOrganization(UUID.randomUUID().toString(), "BEIJING", "UNIVERSITY");
        return tokens.token(UUID.randomUUID().toString(), organization, "TEAM");
    }

    private long bids(String challengeId) {
        return Sql.count(db, "SELECT COUNT(*) FROM bid WHERE challenge_id = '" + challengeId + "'");
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RawHttp.Result submit(String challengeId, String team, String body) {
        return raw.send("POST", "/api/challenges/" + challengeId + "/bids", team, "application/json", body);
    }

    private Object errors(RawHttp.Result result) {
        return raw.problem(result, 400, "invalid-request").get("errors");
    }

    @Test
    void anUnknownRouteIsNotFoundAndAnotherMediaTypeUnsupported() {
        String challengeId = openChallenge();
        String team = newTeam();
        String bid = write(BidBody.aBid().build());
        raw.problem(raw.get("/api/nonexistent", team), 404, "not-found");
        raw.problem(raw.send("POST", "/api/challenges/" + challengeId + "/bids", team, "text/plain", bid), 415,
                "unsupported-media-type");
        raw.problem(raw.send("POST", "/api/challenges/" + challengeId + "/bids", team, null, bid), 415,
                "unsupported-media-type");
        raw.problem(submit(challengeId, tokens.token("office", "program-office", "ADMIN"), bid), 403, "forbidden");
        raw.problem(submit(challengeId, null, bid), 401, "unauthorized");
        assertEquals(0, bids(challengeId));
    }

    @Test
    void aBidIsTakenOnlyWhenItIsExactlyTheSchema() {
        String challengeId = openChallenge();
        String team = newTeam();
        assertEquals("unexpected content after the JSON document", raw.problem(
                submit(challengeId, team, write(BidBody.aBid().build()) + "}}}garbage"), 400, "invalid-request")
                .get("detail"));
        assertEquals(List.of(Map.of("field", "teamLead.name", "message", "must be a string")), errors(submit(challengeId,
                team, write(BidBody.aBid().with("teamLead", Map.of("name", 42, "title", "研究员")).build()))));
        assertEquals(List.of(Map.of("field", "milestones[0].dueOn", "message", "must be a date like 2030-06-30")),
                errors(submit(challengeId, team, write(BidBody.aBid().with("milestones", List.of(Map.of("title", "小试",
                        "dueOn", List.of("2027-01-01"), "deliverable", "样品"))).build()))));
        assertEquals(List.of(Map.of("field", "committedIndicators[0].value", "message", "must be a decimal number")),
                errors(submit(challengeId, team, write(BidBody.aBid().with("committedIndicators",
                        List.of(Map.of("name", "分辨率", "value", true))).build()))));
        assertEquals(List.of(Map.of("field", "coreMembers", "message", "must be a list")), errors(submit(challengeId,
                team, write(BidBody.aBid().with("coreMembers", Map.of("name", "陈静", "title", "副研究员")).build()))));
        assertEquals(0, bids(challengeId));

        String bidId = (String) raw.parse(submit(challengeId, team, write(BidBody.aBid().build()))).get("bidId");
        assertEquals(List.of(Map.of("field", "baseVersion", "message", "must be a whole number")), errors(raw.send(
                "POST", "/api/bids/" + bidId + "/versions", team, "application/json",
                write(Map.of("baseVersion", 1.5, "content", BidBody.aBid().build())))));
    }

    @Test
    void anEmptyOrBlankIdempotencyKeyIsRefusedNotIgnored() {
        String challengeId = openChallenge();
        String team = newTeam();
        String bid = write(BidBody.aBid().build());
        for (String key : List.of("", " ", "\t")) {
            RawHttp.Result refused = raw.send("POST", "/api/challenges/" + challengeId + "/bids", team,
                    "application/json", bid, Map.of("Idempotency-Key", key));
            assertEquals("Idempotency-Key", ((Map<?, ?>) ((List<?>) errors(refused)).get(0)).get("field"),
                    "key [" + key + "]");
        }
        assertEquals(0, bids(challengeId), "no retry made a bid");

        String bidId = (String) raw.parse(raw.send("POST", "/api/challenges/" + challengeId + "/bids", team,
                "application/json", bid, Map.of("Idempotency-Key", "first"))).get("bidId");
        RawHttp.Result revision = raw.send("POST", "/api/bids/" + bidId + "/versions", team, "application/json",
                write(Map.of("baseVersion", 1, "content", BidBody.aBid().with("requestedBudget", "900000.00").build())),
                Map.of("Idempotency-Key", ""));
        assertEquals("Idempotency-Key", ((Map<?, ?>) ((List<?>) errors(revision)).get(0)).get("field"));
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM bid_version WHERE bid_id = '" + bidId + "'"));
    }

    @Test
    void aPageBeyondWhatCanBeCountedIsRefusedOnEveryList() {
        String team = newTeam();
        String admin = tokens.token("office", "program-office", "ADMIN");
        for (Map.Entry<String, String> list : Map.of("/api/bids", team, "/api/audit", admin).entrySet()) {
            Map<String, Object> problem = raw.problem(raw.get(list.getKey() + "?size=100&page=21474837",
                    list.getValue()), 400, "invalid-request");
            assertEquals("page", ((Map<?, ?>) ((List<?>) problem.get("errors")).get(0)).get("field"), list.getKey());
            assertEquals(200, raw.get(list.getKey() + "?size=100&page=1000000", list.getValue()).status());
        }
    }
}
