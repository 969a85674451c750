package cn.jiebang.challenge;

import cn.jiebang.events.Topics;
import cn.jiebang.messaging.InboxListener;
import cn.jiebang.testing.AccessMatrix;
import cn.jiebang.testing.GatewayRouteTable;
import cn.jiebang.testing.ServiceDocs;
import cn.jiebang.web.Routes;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.jiebang.testing.AccessMatrix.ADMIN;
import static cn.jiebang.testing.AccessMatrix.adminAndOwnOrganization;
import static cn.jiebang.testing.AccessMatrix.adminOnly;
import static cn.jiebang.testing.AccessMatrix.everyone;
import static cn.jiebang.testing.AccessMatrix.signedIn;
import static cn.jiebang.testing.AccessMatrix.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint of challenge-service, as every kind of caller, with real accounts and tokens: ADMIN,
 * and an AGENCY, TEAM and JUDGE user of organization A (the objects' organization) and of organization B.
 */
class ChallengeAccessIT extends ChallengeServiceIT {

    private static final String PASSWORD = "matrix password";

    @Inject
    Router router;

    @Inject
    InboxListener listener;

    private String admin;

    @Test
    void theGatewayForwardsEveryApiRouteAndNoOther() {
        GatewayRouteTable.assertListsExactly("challenge-service", Routes.of(router));
    }

    @Test
    void theOpenApiDocumentAndTheCanvasListEveryRouteAndEventAsTheCodeHasThem() {
        ServiceDocs.assertDescribe("challenge-service", Routes.of(router), listener.handledTypes(), Topics.ACCOUNT_EVENTS, Topics.CHALLENGE_EVENTS);
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheMatrixSays() {
        admin = api.adminToken();
        String orgA = organization();
        String orgB = organization();
        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, String> userIds = new LinkedHashMap<>();
        tokens.put(ADMIN, admin);
        for (String role : AccessMatrix.ROLES) {
            userIds.put(role, user(orgA, role));
            tokens.put(role, api.token(email(userIds.get(role)), PASSWORD));
            String other = user(orgB, role);
            tokens.put(role + " of another organization", api.token(email(other), PASSWORD));
        }
        String team = userIds.get("TEAM");
        ownRequirement = requirement(tokens, false);
        owner = orgA;
        approvedRequirement = requirement(tokens, true);
        api.post(admin, "/api/requirements/" + approvedRequirement + "/approve", Map.of());
        List<String> panel = List.of(userIds.get("JUDGE"), api.newJudge(admin));
        String published = draft();
        api.post(admin, "/api/challenges/" + published + "/publish", "");

        AccessMatrix matrix = new AccessMatrix(http, tokens)
                .route("POST /api/auth/token", () -> HttpRequest.POST("/api/auth/token",
                        Map.of("email", Api.ADMIN_EMAIL, "password", Api.ADMIN_PASSWORD)), everyone(200))
                .route("POST /api/challenges", () -> HttpRequest.POST("/api/challenges", challenge()), adminOnly(201))
                .route("POST /api/challenges/{id}/publish",
                        () -> HttpRequest.POST("/api/challenges/" + draft() + "/publish", ""), adminOnly(200))
                .route("PUT /api/challenges/{id}", () -> HttpRequest.PUT("/api/challenges/" + draft(), challenge()),
                        adminOnly(200))
                .route("PUT /api/challenges/{id}/rounds/{index}/panel", () -> HttpRequest.PUT("/api/challenges/"
                        + draft() + "/rounds/1/panel", Map.of("judgeIds", panel)), adminOnly(200))
                .route("POST /api/challenges/{id}/rounds/{index}/open", () -> HttpRequest.POST("/api/challenges/"
                        + published + "/rounds/1/open", ""), adminOnly(409))
                .route("POST /api/challenges/{id}/rounds/{index}/close", () -> HttpRequest.POST("/api/challenges/"
                        + published + "/rounds/1/close", Map.of("force", false)), adminOnly(409))
                .route("GET /api/challenges/{id}/rounds/{index}/results", () -> HttpRequest.GET("/api/challenges/"
                        + published + "/rounds/1/results"), everyone(409))
                .route("POST /api/challenges/{id}/rounds/{index}/objections", () -> HttpRequest.POST("/api/challenges/"
                        + published + "/rounds/1/objections", Map.of("reasons", "异议")),
                        with(with(signedIn(403), "TEAM", 409), "TEAM of another organization", 409))
                .route("GET /api/challenges/{id}/rounds/{index}/objections", () -> HttpRequest.GET("/api/challenges/"
                        + published + "/rounds/1/objections"),
                        with(with(with(signedIn(403), ADMIN, 200), "TEAM", 200), "TEAM of another organization", 200))
                .route("POST /api/objections/{id}/uphold", () -> HttpRequest.POST("/api/objections/" + UUID.randomUUID()
                        + "/uphold", Map.of("resolution", "成立")), adminOnly(404))
                .route("POST /api/objections/{id}/dismiss", () -> HttpRequest.POST("/api/objections/" + UUID.randomUUID()
                        + "/dismiss", Map.of("resolution", "驳回")), adminOnly(404))
                .route("GET /api/challenges/{id}/funding", () -> HttpRequest.GET("/api/challenges/" + published + "/funding"),
                        with(with(with(with(with(signedIn(403), ADMIN, 200), "AGENCY", 200), "AGENCY of another organization",
                                404), "TEAM", 200), "TEAM of another organization", 200))
                .route("POST /api/challenges/{id}/funding/{grantId}/releases", () -> HttpRequest.POST("/api/challenges/"
                        + published + "/funding/" + UUID.randomUUID() + "/releases", Map.of("amount", "1.00")),
                        adminOnly(404))
                .route("GET /api/challenges/{id}", () -> HttpRequest.GET("/api/challenges/" + published), everyone(200))
                .route("GET /api/challenges", () -> HttpRequest.GET("/api/challenges"), everyone(200))
                .route("POST /api/challenges/{id}/amendments", () -> HttpRequest.POST("/api/challenges/" + published
                        + "/amendments", Map.of("kind", "CLARIFICATION", "text", "答疑")), adminOnly(200))
                .route("GET /api/challenges/{id}/amendments",
                        () -> HttpRequest.GET("/api/challenges/" + published + "/amendments"), everyone(200))
                .route("POST /api/challenges/{id}/cancel", () -> HttpRequest.POST("/api/challenges/" + draft()
                        + "/cancel", Map.of("reason", "撤榜")), adminOnly(200))
                .route("POST /api/organizations", () -> HttpRequest.POST("/api/organizations", organizationBody()),
                        adminOnly(201))
                .route("POST /api/organizations/applications",
                        () -> HttpRequest.POST("/api/organizations/applications", application()), everyone(202))
                .route("POST /api/organizations/{id}/approve",
                        () -> HttpRequest.POST("/api/organizations/" + pending() + "/approve", ""), adminOnly(200))
                .route("POST /api/organizations/{id}/reject",
                        () -> HttpRequest.POST("/api/organizations/" + pending() + "/reject", Map.of("reason", "不符合条件")),
                        adminOnly(200))
                .route("GET /api/organizations", () -> HttpRequest.GET("/api/organizations"), adminOnly(200))
                .route("GET /api/organizations/{id}", () -> HttpRequest.GET("/api/organizations/" + orgA),
                        adminAndOwnOrganization(200))
                .route("GET /api/organizations/{id}/users", () -> HttpRequest.GET("/api/organizations/" + orgA + "/users"),
                        adminAndOwnOrganization(200))
                .route("GET /api/directory/organizations", () -> HttpRequest.GET("/api/directory/organizations"),
                        everyone(200))
                .route("GET /api/directory/organizations/{id}",
                        () -> HttpRequest.GET("/api/directory/organizations/" + orgB), everyone(200))
                .route("POST /api/users", () -> HttpRequest.POST("/api/users", userBody(orgA, "TEAM")), adminOnly(201))
                .route("GET /api/users", () -> HttpRequest.GET("/api/users"), adminOnly(200))
                .route("GET /api/users/me", () -> HttpRequest.GET("/api/users/me"), signedIn(200))
                .route("PUT /api/users/me", () -> HttpRequest.PUT("/api/users/me",
                        Map.of("name", "me", "expertiseFields", List.of(), "language", "en")), signedIn(200))
                .route("GET /api/users/{id}", () -> HttpRequest.GET("/api/users/" + team),
                        with(with(signedIn(404), ADMIN, 200), "TEAM", 200))
                .route("PUT /api/users/{id}", () -> HttpRequest.PUT("/api/users/" + team, Map.of("name", "team",
                        "roles", List.of("TEAM"), "expertiseFields", List.of(), "language", "zh")), adminOnly(200))
                .route("PUT /api/organizations/{id}", () -> HttpRequest.PUT("/api/organizations/" + orgA,
                        Map.of("name", "organization A", "region", "BEIJING", "kind", "UNIVERSITY")), adminOnly(200))
                .route("GET /api/audit", () -> HttpRequest.GET("/api/audit"), adminOnly(200))
                .route("POST /api/requirements", () -> HttpRequest.POST("/api/requirements", RequirementsIT.requirement("矩阵")),
                        agencies(201, 201))
                .route("PUT /api/requirements/{id}", () -> HttpRequest.PUT("/api/requirements/" + requirement(tokens, false),
                        RequirementsIT.requirement("修改")), agencies(200, 404))
                .route("POST /api/requirements/{id}/submit",
                        () -> HttpRequest.POST("/api/requirements/" + requirement(tokens, false) + "/submit", ""),
                        agencies(200, 404))
                .route("POST /api/requirements/{id}/approve", () -> HttpRequest.POST("/api/requirements/"
                        + requirement(tokens, true) + "/approve", Map.of()), adminOnly(200))
                .route("POST /api/requirements/{id}/return", () -> HttpRequest.POST("/api/requirements/"
                        + requirement(tokens, true) + "/return", Map.of("comment", "请补充")), adminOnly(200))
                .route("POST /api/requirements/{id}/reject", () -> HttpRequest.POST("/api/requirements/"
                        + requirement(tokens, true) + "/reject", Map.of("comment", "不属于本计划")), adminOnly(200))
                .route("GET /api/requirements/{id}", () -> HttpRequest.GET("/api/requirements/" + ownRequirement),
                        with(agencies(200, 404), ADMIN, 200))
                .route("GET /api/requirements", () -> HttpRequest.GET("/api/requirements"), with(agencies(200, 200), ADMIN, 200))
                .route("GET /keys", () -> HttpRequest.GET("/keys"), everyone(200))
                .route("GET /health", () -> HttpRequest.GET("/health"), everyone(200))
                .route("GET /health/{selector}", () -> HttpRequest.GET("/health/liveness"), everyone(200));

        assertEquals(Routes.of(router), matrix.routes(), "every route needs an entry in the authorization matrix");
        assertEquals(matrix.expected(), matrix.actual());
        assertEquals(Map.of(), matrix.revealingRefusals(), "a refusal answers exactly as an unknown id does");

        // a draft is the program office's and its owner agency's until published: everyone else is told it does not
        // exist, whatever it asks of the draft
        String draft = draft();
        Map<String, Integer> draftRow = with(with(with(signedIn(404), ADMIN, 200), "AGENCY", 200), AccessMatrix.ANONYMOUS, 404);
        AccessMatrix drafts = new AccessMatrix(http, tokens)
                .route("GET /api/challenges/{id}", () -> HttpRequest.GET("/api/challenges/" + draft), draftRow)
                .route("GET /api/challenges/{id}/amendments", () -> HttpRequest.GET("/api/challenges/" + draft
                        + "/amendments"), draftRow)
                .route("GET /api/challenges/{id}/rounds/{index}/results", () -> HttpRequest.GET("/api/challenges/"
                        + draft + "/rounds/1/results"), with(with(draftRow, ADMIN, 409), "AGENCY", 409))
                .route("POST /api/challenges/{id}/rounds/{index}/objections", () -> HttpRequest.POST("/api/challenges/"
                        + draft + "/rounds/1/objections", Map.of("reasons", "异议")),
                        with(with(signedIn(403), "TEAM", 404), "TEAM of another organization", 404))
                .route("GET /api/challenges/{id}/rounds/{index}/objections", () -> HttpRequest.GET("/api/challenges/"
                        + draft + "/rounds/1/objections"),
                        with(with(with(signedIn(403), ADMIN, 200), "TEAM", 404), "TEAM of another organization", 404))
                .route("GET /api/challenges/{id}/funding", () -> HttpRequest.GET("/api/challenges/" + draft + "/funding"),
                        with(with(with(with(with(signedIn(403), ADMIN, 200), "AGENCY", 200), "AGENCY of another organization",
                                404), "TEAM", 404), "TEAM of another organization", 404));
        assertEquals(drafts.expected(), drafts.actual());
        assertEquals(Map.of(), drafts.revealingRefusals(), "a draft answers exactly as an unknown id does");

        // the directory shows active organizations only: an application is not there for anyone, ADMIN included
        String application = pending();
        AccessMatrix applications = new AccessMatrix(http, tokens)
                .route("GET /api/directory/organizations/{id}",
                        () -> HttpRequest.GET("/api/directory/organizations/" + application), everyone(404));
        assertEquals(applications.expected(), applications.actual());
        assertEquals(Map.of(), applications.revealingRefusals(), "an application answers exactly as an unknown id does");
    }

    private String ownRequirement;

    /** Only AGENCY users may call: those of the object's organization get {@code own}, the others {@code other}. */
    private static Map<String, Integer> agencies(int own, int other) {
        Map<String, Integer> row = with(with(signedIn(403), "AGENCY", own), "AGENCY of another organization", other);
        return row;
    }

    /** A requirement of organization A, written by its AGENCY user, submitted if asked. */
    private String requirement(Map<String, String> tokens, boolean submitted) {
        String id = (String) api.post(tokens.get("AGENCY"), "/api/requirements", RequirementsIT.requirement("矩阵")).get("id");
        if (submitted) {
            api.post(tokens.get("AGENCY"), "/api/requirements/" + id + "/submit", "");
        }
        return id;
    }

    private String organization() {
        return (String) api.post(admin, "/api/organizations", organizationBody()).get("id");
    }

    private String pending() {
        return (String) api.post(null, "/api/organizations/applications", application()).get("id");
    }

    private final Map<String, String> emails = new HashMap<>();

    private String user(String organizationId, String role) {
        Map<String, Object> body = userBody(organizationId, role);
        String id = (String) api.post(admin, "/api/users", body).get("id");
        emails.put(id, (String) body.get("email"));
        return id;
    }

    private String email(String userId) {
        return emails.get(userId);
    }

    private static Map<String, Object> userBody(String organizationId, String role) {
        return Map.of("organizationId", organizationId, "name", role.toLowerCase(), "email",
                role.toLowerCase() + "-" + UUID.randomUUID() + "@matrix.example.cn", "roles", List.of(role),
                "expertiseFields", List.of(), "language", "zh", "password", PASSWORD);
    }

    private static Map<String, Object> organizationBody() {
        return Map.of("name", "matrix org", "creditCode", AccountsIT.uniqueCode(), "region", "BEIJING",
                "kind", "UNIVERSITY");
    }

    private static Map<String, Object> application() {
        return Map.of("organization", organizationBody(), "contact", Map.of("name", "contact",
                "email", "contact-" + UUID.randomUUID() + "@matrix.example.cn", "roles", List.of("TEAM"),
                "language", "zh", "password", PASSWORD));
    }

    private String draft() {
        return (String) api.post(admin, "/api/challenges", challenge()).get("id");
    }

    private String owner;
    private String approvedRequirement;

    private Map<String, Object> challenge() {
        return ChallengeBody.anOpenCompetition(owner, approvedRequirement).with("title", "matrix").build();
    }
}
