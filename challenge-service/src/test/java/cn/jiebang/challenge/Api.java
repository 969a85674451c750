package cn.jiebang.challenge;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The challenge-service API as a test calls it: with a bearer token or none, answers as maps. */
record Api(HttpClient http) {

    static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    static final String ADMIN_EMAIL = "office@jiebang.test";
    static final String ADMIN_PASSWORD = "office-password-1";

    static Map<String, String> bootstrapAdmin() {
        return Map.of("jiebang.bootstrap.admin.email", ADMIN_EMAIL, "jiebang.bootstrap.admin.password", ADMIN_PASSWORD);
    }

    String token(String email, String password) {
        return (String) post(null, "/api/auth/token", Map.of("email", email, "password", password)).get("accessToken");
    }

    String adminToken() {
        return token(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    Map<String, Object> post(String token, String path, Object body) {
        return http.toBlocking().retrieve(auth(HttpRequest.POST(path, body), token), JSON);
    }

    Map<String, Object> put(String token, String path, Object body) {
        return http.toBlocking().retrieve(auth(HttpRequest.PUT(path, body), token), JSON);
    }

    Map<String, Object> get(String token, String path) {
        return http.toBlocking().retrieve(auth(HttpRequest.GET(path), token), JSON);
    }

    /** The status of any request, successful or not. */
    int status(MutableHttpRequest<?> request, String token) {
        try {
            HttpResponse<?> response = http.toBlocking().exchange(auth(request, token));
            return response.code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    /** An agency: its organization, one AGENCY user and that user's token. */
    record Agency(String organizationId, String userId, String token) {
    }

    Agency newAgency(String admin, String name) {
        return newMember(admin, name, "BEIJING", "GOVERNMENT_AGENCY", "AGENCY", "发榜人", "agency");
    }

    /** A team: its organization, one TEAM user and that user's token. */
    Agency newTeam(String admin, String name) {
        return newMember(admin, name, "TIANJIN", "UNIVERSITY", "TEAM", "挂帅人", "team");
    }

    private Agency newMember(String admin, String name, String region, String kind, String role, String person,
                             String prefix) {
        String org = (String) post(admin, "/api/organizations", Map.of("name", name, "creditCode",
                AccountsIT.uniqueCode(), "region", region, "kind", kind)).get("id");
        String email = prefix + "-" + UUID.randomUUID() + "@" + prefix + ".example.cn";
        String password = prefix + " password";
        String userId = (String) post(admin, "/api/users", Map.of("organizationId", org, "name", person, "email", email,
                "roles", List.of(role), "expertiseFields", List.of(), "language", "zh", "password", password))
                .get("id");
        return new Agency(org, userId, token(email, password));
    }

    /** An active judge (专家) in an organization of its own; returns the user id. */
    String newJudge(String admin) {
        String org = (String) post(admin, "/api/organizations", Map.of("name", "评审专家单位", "creditCode",
                AccountsIT.uniqueCode(), "region", "TIANJIN", "kind", "UNIVERSITY")).get("id");
        return (String) post(admin, "/api/users", Map.of("organizationId", org, "name", "专家", "email",
                "judge-" + UUID.randomUUID() + "@judges.example.cn", "roles", List.of("JUDGE"),
                "expertiseFields", List.of("NEW_MATERIALS"), "language", "zh", "password", "judge password")).get("id");
    }

    /** A requirement of the agency, submitted and approved by the program office; returns its id. */
    String approvedRequirement(String admin, Agency agency, String title) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("title", title,
                "description", "整车厂急需车规级MCU", "kind", "BOTTLENECK", "technologyField", "NEW_MATERIALS",
                "region", "BEIJING", "budgetCeiling", "30000000.00", "wantedBy", LocalDate.now().plusYears(2).toString(),
                "coFunded", false));
        body.put("indicators", List.of(Map.of("name", "分辨率", "targetValue", "28", "unit", "nm",
                "direction", "AT_MOST", "testMethod", "SEM")));
        String id = (String) post(agency.token(), "/api/requirements", body).get("id");
        post(agency.token(), "/api/requirements/" + id + "/submit", "");
        post(admin, "/api/requirements/" + id + "/approve", Map.of());
        return id;
    }

    static <T> MutableHttpRequest<T> auth(MutableHttpRequest<T> request, String token) {
        return token == null ? request : request.bearerAuth(token);
    }
}
