package cn.jiebang.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Seeds the demo through the public API, as the program office would: an organization and a user for
 * each role, and one challenge, created and published.
 */
final class DemoData {

    static final String ADMIN_EMAIL = "admin@jiebang.local";
    static final String ADMIN_PASSWORD = "jiebang-admin-demo";
    static final String DEMO_PASSWORD = "jiebang-demo-2026";

    /** A demo login: who it is and what it may do. */
    record Login(String email, String password, String role, String organization) {
    }

    static final List<Login> LOGINS = List.of(
            new Login(ADMIN_EMAIL, ADMIN_PASSWORD, "ADMIN", "项目管理办公室 Program Office"),
            new Login("agency@jiebang.local", DEMO_PASSWORD, "AGENCY", "北京市科学技术委员会示范处 (demo agency)"),
            new Login("team@jiebang.local", DEMO_PASSWORD, "TEAM", "天津新材料研究院 (demo institute)"),
            new Login("judge@jiebang.local", DEMO_PASSWORD, "JUDGE", "河北精工装备有限公司 (demo enterprise)"));

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern USER_ID = Pattern.compile("\"userId\"\\s*:\\s*\"([^\"]+)\"");
    private static final String CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** A signed-in user: its bearer token and its id (the token's subject). */
    record Session(String token, String userId) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String challengeService;
    private final String notificationService;

    DemoData(String challengeService, String notificationService) {
        this.challengeService = challengeService;
        this.notificationService = notificationService;
    }

    /** The demo team follows new materials and its region, so new challenges there reach its inbox and mailbox. */
    void followNewMaterials() throws IOException, InterruptedException {
        Login team = LOGINS.get(2);
        HttpRequest request = HttpRequest.newBuilder(URI.create(notificationService + "/api/subscriptions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token(team.email(), team.password()))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"fields\": [\"NEW_MATERIALS\"], \"regions\": [\"TIANJIN\"]}",
                        UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT /api/subscriptions answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** Whether bid-service has read the challenge's publication and takes bids on it. */
    boolean biddingOpen(String bidService, String challengeId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(bidService + "/api/challenges/" + challengeId + "/bidding")).build(),
                HttpResponse.BodyHandlers.ofString(UTF_8));
        return response.statusCode() == 200 && response.body().contains("\"open\":true");
    }

    String token(String email, String password) throws IOException, InterruptedException {
        return session(email, password).token();
    }

    Session session(String email, String password) throws IOException, InterruptedException {
        String body = post("/api/auth/token", null, """
                {"email": "%s", "password": "%s"}""".formatted(email, password), 200);
        return new Session(find(TOKEN, body), find(USER_ID, body));
    }

    /**
     * A research institute in Tianjin with one TEAM user, as the program office registers them; {@code serial}
     * makes its credit code. Returns the organization's id.
     */
    String createTeam(String admin, long serial, String name, String email, String password)
            throws IOException, InterruptedException {
        String organizationId = find(ID, post("/api/organizations", admin, """
                {"name": "%s", "creditCode": "%s", "region": "TIANJIN", "kind": "RESEARCH_INSTITUTE"}"""
                .formatted(name, creditCode(serial)), 201));
        post("/api/users", admin, """
                {"organizationId": "%s", "name": "%s", "email": "%s", "roles": ["TEAM"],
                 "expertiseFields": ["NEW_MATERIALS"], "language": "zh", "password": "%s"}"""
                .formatted(organizationId, name, email, password), 201);
        return organizationId;
    }

    /** A valid unified social credit code (GB 32100-2015) of an institution in Tianjin, one per serial number. */
    static String creditCode(long serial) {
        String body = "12120116" + String.format("%09d", serial % 1_000_000_000L);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_CHARACTERS.indexOf(body.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
        }
        return body + CREDIT_CODE_CHARACTERS.charAt((31 - sum % 31) % 31);
    }

    /**
     * One organization and one user for AGENCY, TEAM and JUDGE (the ADMIN exists from start-up); returns the
     * agency's organization id.
     */
    String createAccounts(String admin) throws IOException, InterruptedException {
        String agency = createAccount(admin, LOGINS.get(1), "91110108MA01ABCDEN", "BEIJING", "GOVERNMENT_AGENCY", "[]");
        createAccount(admin, LOGINS.get(2), "12120000MB1234567L", "TIANJIN", "RESEARCH_INSTITUTE", "[\"NEW_MATERIALS\"]");
        createAccount(admin, LOGINS.get(3), "91130600MA0HB00020", "HEBEI", "ENTERPRISE",
                "[\"NEW_MATERIALS\", \"ADVANCED_MANUFACTURING\"]");
        return agency;
    }

    private String createAccount(String admin, Login login, String creditCode, String region, String kind,
                               String expertise) throws IOException, InterruptedException {
        String organizationId = find(ID, post("/api/organizations", admin, """
                {"name": "%s", "creditCode": "%s", "region": "%s", "kind": "%s"}"""
                .formatted(login.organization(), creditCode, region, kind), 201));
        post("/api/users", admin, """
                {"organizationId": "%s", "name": "Demo %s", "email": "%s", "roles": ["%s"],
                 "expertiseFields": %s, "language": "zh", "password": "%s"}"""
                .formatted(organizationId, login.role().toLowerCase(), login.email(), login.role(), expertise,
                        login.password()), 201);
        return organizationId;
    }

    /**
     * 需求征集 to 发榜: the demo agency submits a requirement, the program office approves it, composes a
     * two-round horse race from it and publishes it. Returns the challenge id.
     */
    String publishDemoChallenge(String admin, String agencyOrganization, Instant now)
            throws IOException, InterruptedException {
        return publishChallenge(admin, agencyOrganization, approvedRequirement(admin, now),
                "高端光刻胶国产化：28纳米ArF光刻胶",
                "研制满足28纳米工艺要求的ArF光刻胶，分辨率不低于28纳米、线宽粗糙度不高于2.5纳米，完成产线验证。",
                "NEW_MATERIALS", now);
    }

    /** 需求征集: the demo agency submits a requirement and the program office approves it. Returns its id. */
    String approvedRequirement(String admin, Instant now) throws IOException, InterruptedException {
        Login agencyLogin = LOGINS.get(1);
        String agency = token(agencyLogin.email(), agencyLogin.password());
        String requirement = find(ID, post("/api/requirements", agency, """
                {"title": "28纳米ArF光刻胶", "description": "集成电路制造急需国产28纳米ArF光刻胶，目前依赖进口。",
                 "kind": "BOTTLENECK", "technologyField": "NEW_MATERIALS", "region": "BEIJING",
                 "indicators": [{"name": "分辨率", "targetValue": "28", "unit": "nm", "direction": "AT_MOST",
                                 "testMethod": "SEM线宽测量"}],
                 "budgetCeiling": "30000000.00", "wantedBy": "%s", "coFunded": true}
                """.formatted(now.plus(730, ChronoUnit.DAYS).toString().substring(0, 10)), 201));
        post("/api/requirements/" + requirement + "/submit", agency, "", 200);
        post("/api/requirements/" + requirement + "/approve", admin, "{\"comment\": \"同意凝练为榜单\"}", 200);
        return requirement;
    }

    /**
     * 需求凝练 and 发榜: the program office composes a two-round horse race from an approved requirement (one
     * may serve many challenges) and publishes it. Returns the challenge id.
     */
    String publishChallenge(String admin, String agencyOrganization, String requirement, String title,
                            String problemStatement, String technologyField, Instant now)
            throws IOException, InterruptedException {
        return publishChallenge(admin, agencyOrganization, requirement, title, problemStatement, technologyField, now, 1);
    }

    /** As above, each organization allowed up to {@code bidsPerOrganization} live bids on it. */
    String publishChallenge(String admin, String agencyOrganization, String requirement, String title,
                            String problemStatement, String technologyField, Instant now, int bidsPerOrganization)
            throws IOException, InterruptedException {
        Instant opens = now.truncatedTo(ChronoUnit.DAYS);
        Instant closes = opens.plus(45, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        Instant round1 = opens.plus(48, ChronoUnit.DAYS);
        Instant round2 = opens.plus(200, ChronoUnit.DAYS);
        String body = """
                {"title": "%s",
                 "problemStatement": "%s",
                 "ownerOrganizationId": "%s",
                 "technologyField": "%s",
                 "region": "BEIJING",
                 "requirementIds": ["%s"],
                 "indicators": [
                   {"name": "分辨率", "targetValue": "28", "unit": "nm", "direction": "AT_MOST", "testMethod": "SEM线宽测量"},
                   {"name": "线宽粗糙度 LWR", "targetValue": "2.5", "unit": "nm", "direction": "AT_MOST", "testMethod": "CD-SEM, 3σ"}],
                 "totalBudget": "30000000.00",
                 "mode": "HORSE_RACE",
                 "winners": 1,
                 "eligibility": {"allowedRegions": ["BEIJING", "TIANJIN", "HEBEI"], "allowedOrganizationKinds": [],
                                 "maxConsortiumMembers": 4, "bidsPerOrganization": %d, "excludePastWinners": false},
                 "bidOpensAt": "%s",
                 "bidClosesAt": "%s",
                 "ipTerms": "成果知识产权归揭榜方所有，发榜方享有优先实施许可。",
                 "rounds": [
                   {"name": "方案评审", "kind": "PROPOSAL_REVIEW", "opensAt": "%s", "closesAt": "%s",
                    "criteria": [{"code": "TECH", "name": "技术路线", "weight": 60, "maxScore": 10},
                                 {"code": "TEAM", "name": "团队能力", "weight": 40, "maxScore": 10}],
                    "aggregation": "TRIMMED_MEAN", "advancement": {"rule": "TOP_N", "value": 3},
                    "minJudgesPerBid": 1, "blind": true, "tranchePerTeam": "3000000.00", "publicityDays": 7},
                   {"name": "终期验收", "kind": "MILESTONE", "opensAt": "%s", "closesAt": "%s",
                    "criteria": [{"code": "KPI", "name": "指标达成", "weight": 100, "maxScore": 100}],
                    "aggregation": "MEAN", "advancement": {"rule": "TOP_N", "value": 1},
                    "minJudgesPerBid": 1, "blind": false, "tranchePerTeam": "20000000.00", "publicityDays": 7}]}
                """.formatted(title, problemStatement, agencyOrganization, technologyField, requirement,
                bidsPerOrganization, opens, closes, round1, round1.plus(14, ChronoUnit.DAYS), round2, round2.plus(30, ChronoUnit.DAYS));
        String id = find(ID, post("/api/challenges", admin, body, 201));
        post("/api/challenges/" + id + "/publish", admin, "", 200);
        return id;
    }

    private String post(String path, String token, String json, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(challengeService + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException(pattern + " not in " + body);
        }
        return m.group(1);
    }
}
