package cn.jiebang.challenge;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The public organization directory: names of active organizations for anyone, nothing about applications. */
class DirectoryIT extends ChallengeServiceIT {

    private static final String DIRECTORY = "/api/directory/organizations";

    private String admin;

    @Test
    void anyoneFindsAnActiveOrganizationByAChineseSubstringWithoutItsCreditCode() {
        String marker = marker();
        String code = AccountsIT.uniqueCode();
        String id = register("北京量子精密测量研究院" + marker, code, "BEIJING", "RESEARCH_INSTITUTE");

        String page = http.toBlocking().retrieve(HttpRequest.GET(DIRECTORY + "?q=" + encode("精密测量研究院" + marker)));
        assertFalse(page.contains(code), page);
        Map<String, Object> found = api.get(null, DIRECTORY + "?q=" + encode("精密测量研究院" + marker));
        assertEquals(List.of(Map.of("id", id, "name", "北京量子精密测量研究院" + marker, "region", "BEIJING",
                "kind", "RESEARCH_INSTITUTE")), found.get("items"));
        assertEquals(Set.of("items", "page", "size", "totalItems"), found.keySet());
        assertEquals(1, ((Number) found.get("totalItems")).intValue());

        String one = http.toBlocking().retrieve(HttpRequest.GET(DIRECTORY + "/" + id));
        assertFalse(one.contains(code), one);
        assertEquals(Map.of("id", id, "name", "北京量子精密测量研究院" + marker, "region", "BEIJING",
                "kind", "RESEARCH_INSTITUTE"), api.get(null, DIRECTORY + "/" + id));
    }

    @Test
    void aPendingOrRejectedApplicationIsNotListedAndAnswersLikeAnUnknownId() {
        String marker = marker();
        String pending = apply("申请中的企业" + marker);
        String rejected = apply("被驳回的企业" + marker);
        api.post(admin(), "/api/organizations/" + rejected + "/reject", Map.of("reason", "材料不全"));

        assertEquals(List.of(), api.get(null, DIRECTORY + "?q=" + encode(marker)).get("items"));
        String unknown = UUID.randomUUID().toString();
        Map<String, Object> notFound = withoutId(notFound(unknown), unknown);
        assertEquals("https://jiebang.cn/problems/organization-not-found", notFound.get("type"));
        assertEquals(notFound, withoutId(notFound(pending), pending));
        assertEquals(notFound, withoutId(notFound(rejected), rejected));

        api.post(admin(), "/api/organizations/" + pending + "/approve", Map.of());
        assertEquals(1, ((List<?>) api.get(null, DIRECTORY + "?q=" + encode(marker)).get("items")).size(),
                "listed once approved");
    }

    @Test
    void filtersByRegionAndKindAndListsByName() {
        String marker = marker();
        String hebeiB = register(marker + " B 河北装备", AccountsIT.uniqueCode(), "HEBEI", "ENTERPRISE");
        String hebeiA = register(marker + " A 河北大学", AccountsIT.uniqueCode(), "HEBEI", "UNIVERSITY");
        String tianjin = register(marker + " C 天津企业", AccountsIT.uniqueCode(), "TIANJIN", "ENTERPRISE");

        assertEquals(List.of(hebeiA, hebeiB), ids(DIRECTORY + "?q=" + encode(marker) + "&region=HEBEI"));
        assertEquals(List.of(hebeiB, tianjin), ids(DIRECTORY + "?q=" + encode(marker) + "&kind=ENTERPRISE"));
        assertEquals(List.of(hebeiB), ids(DIRECTORY + "?q=" + encode(marker) + "&region=HEBEI&kind=ENTERPRISE"));
        Map<String, Object> second = api.get(null, DIRECTORY + "?q=" + encode(marker) + "&page=1&size=1");
        assertEquals(3, ((Number) second.get("totalItems")).intValue());
        assertEquals(hebeiB, ((Map<?, ?>) ((List<?>) second.get("items")).get(0)).get("id"));
    }

    @Test
    void percentAndUnderscoreInTheTextAreMatchedLiterally() {
        String marker = marker();
        String underscore = register(marker + "甲_乙", AccountsIT.uniqueCode(), "OTHER", "ENTERPRISE");
        register(marker + "甲丙乙", AccountsIT.uniqueCode(), "OTHER", "ENTERPRISE");

        assertEquals(List.of(underscore), ids(DIRECTORY + "?q=" + encode(marker + "甲_乙")));
        assertEquals(List.of(), ids(DIRECTORY + "?q=" + encode(marker + "%乙")));
        assertEquals(2, ids(DIRECTORY + "?q=" + encode(marker)).size());
    }

    @Test
    void refusesPagesOutOfBoundsAndUnknownFilters() {
        assertEquals(400, api.status(HttpRequest.GET(DIRECTORY + "?size=101"), null));
        assertEquals(400, api.status(HttpRequest.GET(DIRECTORY + "?size=0"), null));
        assertEquals(400, api.status(HttpRequest.GET(DIRECTORY + "?page=-1"), null));
        assertEquals(400, api.status(HttpRequest.GET(DIRECTORY + "?region=MARS"), null));
        assertEquals(400, api.status(HttpRequest.GET(DIRECTORY + "?q=" + encode("长".repeat(101))), null));
        assertEquals(200, api.status(HttpRequest.GET(DIRECTORY + "?size=100"), null));
    }

    private Map<String, Object> notFound(String id) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> api.get(null, DIRECTORY + "/" + id));
        assertEquals(404, e.code());
        return e.getResponse().getBody(Api.JSON).orElseThrow();
    }

    /** The problem with the id it names replaced, so the answers for different ids can be compared. */
    private static Map<String, Object> withoutId(Map<String, Object> problem, String id) {
        Map<String, Object> copy = new HashMap<>();
        problem.forEach((key, value) -> copy.put(key, value instanceof String s ? s.replace(id, "{id}") : value));
        assertNotEquals(problem, copy, "the problem names the id it was asked for");
        return copy;
    }

    private List<Object> ids(String path) {
        return ((List<?>) api.get(null, path).get("items")).stream().<Object>map(item -> ((Map<?, ?>) item).get("id"))
                .toList();
    }

    private String register(String name, String creditCode, String region, String kind) {
        return (String) api.post(admin(), "/api/organizations", Map.of("name", name, "creditCode", creditCode,
                "region", region, "kind", kind)).get("id");
    }

    private String apply(String name) {
        return (String) api.post(null, "/api/organizations/applications", Map.of(
                "organization", Map.of("name", name, "creditCode", AccountsIT.uniqueCode(), "region", "BEIJING",
                        "kind", "ENTERPRISE"),
                "contact", Map.of("name", "联系人", "email", "contact-" + UUID.randomUUID() + "@directory.example.cn",
                        "roles", List.of("TEAM"), "language", "zh", "password", "applicant password"))).get("id");
    }

    /** A name part no other test's organization has, so each test sees only its own. */
    private static String marker() {
        return "名录" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, UTF_8);
    }

    private String admin() {
        if (admin == null) {
            admin = api.adminToken();
        }
        return admin;
    }
}
