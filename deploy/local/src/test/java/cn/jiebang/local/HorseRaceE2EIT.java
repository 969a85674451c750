package cn.jiebang.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 赛马制 end to end: three services as processes, the real broker and databases. Six teams bid, five judges
 * score three rounds over HTTP; the weaker are eliminated each round, an upheld objection changes round 1's
 * result, tranches are granted and one winner is awarded; everyone concerned is told. A 公示 day lasts fifteen
 * seconds here ({@code JIEBANG_EVALUATION_PUBLICITY_DAY}).
 */
class HorseRaceE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestPlatform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = TestPlatform.start("race", false, Map.of("challenge-service", Map.of(
                "JIEBANG_EVALUATION_PUBLICITY_DAY", "15s", "JIEBANG_TIMED_TRANSITIONS_INTERVAL", "200ms")));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    private record Account(String userId, String organizationId, String token) {
    }

    private JsonNode send(String service, String method, String path, String token, Object body, int... expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url(service) + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        int[] ok = expected.length == 0 ? new int[]{200, 201} : expected;
        for (int status : ok) {
            if (response.statusCode() == status) {
                return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            }
        }
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                + response.body());
    }

    private JsonNode challenges(String method, String path, String token, Object body) throws Exception {
        return send("challenge-service", method, path, token, body);
    }

    private JsonNode bids(String method, String path, String token, Object body) throws Exception {
        return send("bid-service", method, path, token, body);
    }

    private Account account(String admin, String role, String region, String kind) throws Exception {
        String org = challenges("POST", "/api/organizations", admin, Map.of("name", role + " " + UUID.randomUUID(),
                "creditCode", creditCode(), "region", region, "kind", kind)).get("id").asText();
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@race.example.cn";
        String user = challenges("POST", "/api/users", admin, Map.of("organizationId", org, "name", role, "email", email,
                "roles", List.of(role), "expertiseFields", List.of("NEW_MATERIALS"), "language", "zh",
                "password", "race password")).get("id").asText();
        String token = challenges("POST", "/api/auth/token", null, Map.of("email", email, "password", "race password"))
                .get("accessToken").asText();
        return new Account(user, org, token);
    }

    /** A valid unified social credit code (GB 32100-2015) that no other test uses. */
    private static String creditCode() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        String body = "91120116" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(1_000_000_000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(body.charAt(i)) * weights[i];
        }
        return body + chars.charAt((31 - sum % 31) % 31);
    }

    private List<JsonNode> inbox(String service, String token) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        send(service, "GET", "/api/notifications?size=100", token, null).get("items").forEach(items::add);
        return items;
    }

    private boolean told(Account who, String kind) throws Exception {
        return inbox("notification-service", who.token()).stream().anyMatch(n -> kind.equals(n.get("kind").asText()));
    }

    private String roundStatus(String admin, String challengeId, int round) throws Exception {
        return challenges("GET", "/api/challenges/" + challengeId, admin, null).get("rounds").get(round - 1)
                .get("status").asText();
    }

    /** Every judge scores each active assignment of the round: the better team (lower index), the higher. */
    private void judgesScore(List<Account> judges, String challengeId, int round, Map<String, Integer> teamOfBid)
            throws Exception {
        for (Account judge : judges) {
            for (JsonNode a : bids("GET", "/api/judging/assignments", judge.token(), null)) {
                if (!challengeId.equals(a.get("challengeId").asText()) || a.get("roundIndex").asInt() != round
                        || !"ACTIVE".equals(a.get("status").asText())) {
                    continue;
                }
                // a blind round does not name the bid: the judge reads the approach ("路线 i") to know which it is
                String bidId = a.get("bidId").isNull()
                        ? null : a.get("bidId").asText();
                int team = bidId != null ? teamOfBid.get(bidId) : Integer.parseInt(bids("GET", "/api/judging/assignments/"
                        + a.get("id").asText() + "/bid", judge.token(), null).get("technicalApproach").asText()
                        .replace("路线 ", ""));
                int quality = 10 - team;
                bids("PUT", "/api/judging/assignments/" + a.get("id").asText() + "/scores", judge.token(),
                        Map.of("scores", List.of(
                                Map.of("criterion", "TECH", "score", quality, "comment", "技术路线评价"),
                                Map.of("criterion", "TEAM", "score", quality, "comment", "团队评价"))));
            }
        }
    }

    /** Closes the round once its scores are complete, then waits for bid-service's ranking to be announced. */
    private JsonNode closeAndAwaitResults(String admin, String challengeId, int round) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try {
                challenges("POST", "/api/challenges/" + challengeId + "/rounds/" + round + "/close", admin,
                        Map.of("force", false));
                return true;
            } catch (IllegalStateException scoresStillArriving) {
                return false;
            }
        });
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> challenges("GET",
                "/api/challenges/" + challengeId + "/rounds/" + round + "/results", null, null), r -> r != null);
    }

    private static List<String> goingOn(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.get("results").forEach(r -> {
            if (!"ELIMINATED".equals(r.get("decision").asText())) {
                ids.add(r.get("bidId").asText());
            }
        });
        return ids;
    }

    /** A team's deliverable for a MILESTONE round: a PDF uploaded to bid-service, then the summary naming it. */
    private void deliver(Account team, String challengeId, String bidId, int round) throws Exception {
        String boundary = "----jiebang" + UUID.randomUUID();
        byte[] pdf = ("%PDF-1.7\n第" + round + "轮成果报告\n%%EOF").getBytes(UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(UTF_8));
        body.write(pdf);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(UTF_8));
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(platform.url("bid-service")
                        + "/api/challenges/" + challengeId + "/attachments"))
                .header("Authorization", "Bearer " + team.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(UTF_8));
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String attachmentId = JSON.readTree(uploaded.body()).get("id").asText();
        bids("PUT", "/api/bids/" + bidId + "/rounds/" + round + "/deliverable", team.token(),
                Map.of("summary", "第" + round + "轮成果：纯度 99.9995%", "attachmentIds", List.of(attachmentId)));
    }

    private static Map<String, Object> round(String name, String kind, Instant opens, int teams, String tranche,
                                             int publicityDays) {
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("name", name);
        round.put("kind", kind);
        round.put("opensAt", opens.toString());
        round.put("closesAt", opens.plus(10, ChronoUnit.DAYS).toString());
        round.put("criteria", List.of(Map.of("code", "TECH", "name", "技术路线", "weight", 60, "maxScore", 10),
                Map.of("code", "TEAM", "name", "团队能力", "weight", 40, "maxScore", 10)));
        round.put("aggregation", "TRIMMED_MEAN");
        round.put("advancement", Map.of("rule", "TOP_N", "value", teams));
        round.put("minJudgesPerBid", 3);
        round.put("blind", kind.equals("PROPOSAL_REVIEW"));
        round.put("tranchePerTeam", tranche);
        round.put("publicityDays", publicityDays);
        return round;
    }

    @Test
    void sixTeamsFiveJudgesThreeRoundsAnUpheldObjectionTranchesAndOneWinner() throws Exception {
        String admin = challenges("POST", "/api/auth/token", null, Map.of("email", DemoData.ADMIN_EMAIL,
                "password", DemoData.ADMIN_PASSWORD)).get("accessToken").asText();
        Account agency = account(admin, "AGENCY", "BEIJING", "GOVERNMENT_AGENCY");
        List<Account> teams = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            teams.add(account(admin, "TEAM", i % 2 == 0 ? "TIANJIN" : "HEBEI", "RESEARCH_INSTITUTE"));
        }
        List<Account> judges = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            judges.add(account(admin, "JUDGE", "BEIJING", "UNIVERSITY"));
        }

        Map<String, Object> requirement = new LinkedHashMap<>(Map.of("title", "高纯靶材", "description", "集成电路用高纯溅射靶材",
                "kind", "BOTTLENECK", "technologyField", "NEW_MATERIALS", "region", "BEIJING",
                "budgetCeiling", "20000000.00", "wantedBy", "2029-12-31", "coFunded", false));
        requirement.put("indicators", List.of(Map.of("name", "纯度", "targetValue", "99.999", "unit", "%",
                "direction", "AT_LEAST", "testMethod", "GDMS")));
        String requirementId = challenges("POST", "/api/requirements", agency.token(), requirement).get("id").asText();
        challenges("POST", "/api/requirements/" + requirementId + "/submit", agency.token(), null);
        challenges("POST", "/api/requirements/" + requirementId + "/approve", admin, Map.of());

        Instant closes = Instant.now().plus(25, ChronoUnit.SECONDS);
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("title", "高纯靶材赛马 " + UUID.randomUUID().toString().substring(0, 6));
        definition.put("problemStatement", "研制纯度不低于99.999%的集成电路用溅射靶材");
        definition.put("ownerOrganizationId", agency.organizationId());
        definition.put("technologyField", "NEW_MATERIALS");
        definition.put("region", "BEIJING");
        definition.put("requirementIds", List.of(requirementId));
        definition.put("indicators", List.of(Map.of("name", "纯度", "targetValue", "99.999", "unit", "%",
                "direction", "AT_LEAST", "testMethod", "GDMS")));
        definition.put("totalBudget", "20000000.00");
        definition.put("mode", "HORSE_RACE");
        definition.put("winners", 1);
        definition.put("eligibility", Map.of("allowedRegions", List.of("BEIJING", "TIANJIN", "HEBEI"),
                "allowedOrganizationKinds", List.of(), "maxConsortiumMembers", 2, "bidsPerOrganization", 1,
                "excludePastWinners", false));
        definition.put("bidOpensAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        definition.put("bidClosesAt", closes.toString());
        definition.put("ipTerms", "成果归揭榜方所有");
        definition.put("rounds", List.of(
                round("方案评审", "PROPOSAL_REVIEW", closes.plus(1, ChronoUnit.DAYS), 4, "1000000.00", 1),
                round("中期比拼", "MILESTONE", closes.plus(20, ChronoUnit.DAYS), 2, "3000000.00", 0),
                round("终期验收", "MILESTONE", closes.plus(40, ChronoUnit.DAYS), 1, "8000000.00", 0)));
        String id = challenges("POST", "/api/challenges", admin, definition).get("id").asText();
        challenges("POST", "/api/challenges/" + id + "/publish", admin, null);
        List<String> panel = judges.stream().map(Account::userId).toList();
        for (int r = 1; r <= 3; r++) {
            challenges("PUT", "/api/challenges/" + id + "/rounds/" + r + "/panel", admin, Map.of("judgeIds", panel));
        }

        // six bids, retried like deadline-day clients until the teams' accounts have reached bid-service
        Map<String, Integer> teamOfBid = new HashMap<>();
        for (int i = 0; i < teams.size(); i++) {
            Map<String, Object> bid = Map.of("memberOrganizationIds", List.of(),
                    "teamLead", Map.of("name", "挂帅人" + i, "title", "研究员"), "coreMembers", List.of(),
                    "technicalApproach", "路线 " + i, "milestones", List.of(Map.of("title", "样品", "dueOn",
                            // due within the challenge: before its last round closes, 50 days from now
                            LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString(), "deliverable", "靶材样品")),
                    "committedIndicators", List.of(Map.of("name", "纯度", "value", "99.9995")),
                    "requestedBudget", "15000000.00", "attachmentIds", List.of());
            Account team = teams.get(i);
            String key = "race-" + id + "-" + i;
            JsonNode receipt = await().atMost(Duration.ofSeconds(60)).until(() -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(platform.url("bid-service")
                                + "/api/challenges/" + id + "/bids")).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + team.token()).header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(bid), UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(UTF_8));
                return r.statusCode() == 201 ? JSON.readTree(r.body()) : null;
            }, r -> r != null);
            teamOfBid.put(receipt.get("bidId").asText(), i);
        }

        // the window closes; bid-service counts and the program office screens every bid in
        await().atMost(Duration.ofSeconds(90)).until(() -> "SCREENING".equals(
                challenges("GET", "/api/challenges/" + id, admin, null).get("status").asText()));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                send("bid-service", "GET", "/api/challenges/" + id + "/bids", admin, null).size() == 6);
        // bid-service begins screening when challenge.bidding-closed.v1 reaches it (409 screening-not-open before)
        for (String bidId : teamOfBid.keySet()) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> bids("POST", "/api/bids/" + bidId
                    + "/screening", admin, Map.of("decision", "SCREENED_IN", "reason", "材料齐全")) != null);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !challenges("GET", "/api/challenges/" + id, admin, null)
                .get("screenedIn").isNull());

        // round 1: six race, four go on; team 4 (fifth) objects and is upheld in place of team 3
        challenges("POST", "/api/challenges/" + id + "/rounds/1/open", admin, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> judges.stream().allMatch(j -> {
            try {
                return bids("GET", "/api/judging/assignments", j.token(), null).size() > 0;
            } catch (Exception e) {
                return false;
            }
        }));
        judgesScore(judges, id, 1, teamOfBid);
        JsonNode first = closeAndAwaitResults(admin, id, 1);
        assertEquals(4, goingOn(first).size());
        String bidOf4 = teamOfBid.entrySet().stream().filter(e -> e.getValue() == 4).findFirst().orElseThrow().getKey();
        String bidOf3 = teamOfBid.entrySet().stream().filter(e -> e.getValue() == 3).findFirst().orElseThrow().getKey();
        assertTrue(!goingOn(first).contains(bidOf4) && goingOn(first).contains(bidOf3), first.toString());
        String objection = challenges("POST", "/api/challenges/" + id + "/rounds/1/objections", teams.get(4).token(),
                Map.of("reasons", "第二位专家对我方技术路线的理解有误")).get("id").asText();
        challenges("POST", "/api/objections/" + objection + "/uphold", admin, Map.of("resolution", "复核后更正",
                "corrections", Map.of(bidOf4, "ADVANCED", bidOf3, "ELIMINATED")));
        await().atMost(Duration.ofSeconds(60)).until(() -> "FINALIZED".equals(roundStatus(admin, id, 1)));
        JsonNode corrected = challenges("GET", "/api/challenges/" + id + "/rounds/1/results", null, null);
        assertTrue(goingOn(corrected).contains(bidOf4) && !goingOn(corrected).contains(bidOf3), corrected.toString());

        // rounds 2 and 3 with those who went on
        challenges("POST", "/api/challenges/" + id + "/rounds/2/open", admin, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> bids("GET", "/api/judging/assignments", judges.get(0).token(),
                null).findValues("roundIndex").stream().anyMatch(n -> n.asInt() == 2));
        for (String bidId : goingOn(corrected)) {
            deliver(teams.get(teamOfBid.get(bidId)), id, bidId, 2);
        }
        JsonNode milestone = null;
        for (JsonNode a : bids("GET", "/api/judging/assignments", judges.get(0).token(), null)) {
            if (a.get("roundIndex").asInt() == 2 && "ACTIVE".equals(a.get("status").asText())) {
                milestone = bids("GET", "/api/judging/assignments/" + a.get("id").asText() + "/bid", judges.get(0).token(),
                        null);
                break;
            }
        }
        assertTrue(milestone != null && milestone.get("deliverable").get("summary").asText().startsWith("第2轮成果"),
                "a MILESTONE round's judge scores the deliverable: " + milestone);
        judgesScore(judges, id, 2, teamOfBid);
        JsonNode second = closeAndAwaitResults(admin, id, 2);
        assertEquals(2, goingOn(second).size());
        await().atMost(Duration.ofSeconds(60)).until(() -> "FINALIZED".equals(roundStatus(admin, id, 2)));
        challenges("POST", "/api/challenges/" + id + "/rounds/3/open", admin, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> bids("GET", "/api/judging/assignments", judges.get(0).token(),
                null).findValues("roundIndex").stream().anyMatch(n -> n.asInt() == 3));
        for (String bidId : goingOn(second)) {
            deliver(teams.get(teamOfBid.get(bidId)), id, bidId, 3);
        }
        judgesScore(judges, id, 3, teamOfBid);
        JsonNode third = closeAndAwaitResults(admin, id, 3);
        assertEquals(1, goingOn(third).size());
        await().atMost(Duration.ofSeconds(60)).until(() -> "AWARDED".equals(
                challenges("GET", "/api/challenges/" + id, admin, null).get("status").asText()));
        String winnerBid = goingOn(third).get(0);
        Account winner = teams.get(teamOfBid.get(winnerBid));
        // bid-service unseals the result when round.announced.v1 reaches it, which may be after the award
        JsonNode own = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> bids("GET", "/api/bids/" + winnerBid + "/rounds/3/result", winner.token(), null), r -> r != null);
        assertEquals("WINNER", own.get("decision").asText());
        assertEquals(2, own.get("meanScoreByCriterion").size(), "its own scores per criterion, no judge named");

        JsonNode funding = challenges("GET", "/api/challenges/" + id + "/funding", agency.token(), null);
        assertEquals(4 + 2 + 1, funding.size(), "tranches for four, then two, then the winner");

        // everyone concerned was told
        await().atMost(Duration.ofSeconds(60)).until(() -> told(winner, "CHALLENGE_AWARDED") && told(winner, "FUNDING")
                && told(winner, "ROUND_RESULTS") && told(winner, "BID_RECEIPT"));
        await().atMost(Duration.ofSeconds(60)).until(() -> told(teams.get(4), "OBJECTION_RESOLVED")
                && told(teams.get(5), "ROUND_RESULTS") && told(judges.get(0), "JUDGES_ASSIGNED")
                && told(agency, "CHALLENGE_AWARDED") && told(agency, "BIDS_RECEIVED"));
        await().atMost(Duration.ofSeconds(60)).until(() -> inbox("notification-service", admin).stream()
                .anyMatch(n -> "OBJECTION_FILED".equals(n.get("kind").asText())));
    }
}
