package cn.jiebang.challenge;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TopicRecorder;
import cn.jiebang.events.RequirementReviewed;
import cn.jiebang.events.RequirementSubmitted;
import cn.jiebang.events.Topics;
import cn.jiebang.messaging.CloudEventHeaders;
import cn.jiebang.testing.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 需求征集: an agency writes and submits requirements, the program office approves, returns or rejects them. */
class RequirementsIT extends ChallengeServiceIT {

    private String admin;
    private String agency;

    static Map<String, Object> requirement(String title) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("title", title);
        r.put("description", "整车厂急需通过ISO 26262 ASIL-D认证的车规级MCU 🚗 𠀀");
        r.put("kind", "BOTTLENECK");
        r.put("technologyField", "NEW_GENERATION_IT");
        r.put("region", "TIANJIN");
        r.put("indicators", List.of(Map.of("name", "工作温度上限", "targetValue", "150", "unit", "°C",
                "direction", "AT_LEAST", "testMethod", "AEC-Q100 Grade 0")));
        r.put("budgetCeiling", "15000000.00");
        r.put("wantedBy", LocalDate.now().plusYears(2).toString());
        r.put("coFunded", true);
        return r;
    }

    private void signIn() {
        if (admin != null) {
            return;
        }
        admin = api.adminToken();
        String org = (String) api.post(admin, "/api/organizations", Map.of("name", "天津市工业和信息化局",
                "creditCode", AccountsIT.uniqueCode(), "region", "TIANJIN", "kind", "GOVERNMENT_AGENCY")).get("id");
        String email = "agency-" + UUID.randomUUID() + "@tj.example.cn";
        api.post(admin, "/api/users", Map.of("organizationId", org, "name", "刘洋", "email", email, "roles",
                List.of("AGENCY"), "expertiseFields", List.of(), "language", "zh", "password", "agency password"));
        agency = api.token(email, "agency password");
    }

    @Test
    void aRequirementIsReturnedRevisedResubmittedAndApprovedWithAnEventForEachStep() {
        signIn();
        try (TopicRecorder events = new TopicRecorder(Devstack.kafkaBootstrapServers(), Topics.CHALLENGE_EVENTS,
                r -> r.value().contains("车规级MCU 第一版"))) {
            String id = (String) api.post(agency, "/api/requirements", requirement("车规级MCU 第一版")).get("id");
            assertEquals("SUBMITTED", api.post(agency, "/api/requirements/" + id + "/submit", "").get("status"));
            Map<String, Object> returned = api.post(admin, "/api/requirements/" + id + "/return",
                    Map.of("comment", "请补充ASIL等级目标"));
            assertEquals("RETURNED", returned.get("status"));
            assertEquals("请补充ASIL等级目标", returned.get("reviewComment"));

            Map<String, Object> revised = requirement("车规级MCU 第一版");
            revised.put("budgetCeiling", "12000000.00");
            api.put(agency, "/api/requirements/" + id, revised);
            assertEquals("12000000.00", Sql.query(db, "SELECT budget_ceiling FROM requirement WHERE id = '" + id + "'"));
            api.post(agency, "/api/requirements/" + id + "/submit", "");
            assertEquals("APPROVED", api.post(admin, "/api/requirements/" + id + "/approve", Map.of()).get("status"));

            await().atMost(Duration.ofSeconds(60)).until(() -> events.all().size() == 4);
            List<String> types = events.all().stream().map(r -> TopicRecorder.header(r, CloudEventHeaders.TYPE)).toList();
            assertEquals(List.of(RequirementSubmitted.TYPE, RequirementReviewed.TYPE, RequirementSubmitted.TYPE,
                    RequirementReviewed.TYPE), types);
            ConsumerRecord<String, String> returnEvent = events.all().get(1);
            assertTrue(returnEvent.value().contains("\"decision\":\"RETURNED\""), returnEvent.value());
            assertTrue(events.all().stream().allMatch(r -> r.key().equals(id)));
        }
    }

    @Test
    void refusedTransitionsAreConflictsAndChangeNothing() {
        signIn();
        String id = (String) api.post(agency, "/api/requirements", requirement("状态机")).get("id");
        assertEquals(409, api.status(HttpRequest.POST("/api/requirements/" + id + "/approve", Map.of()), admin),
                "a draft cannot be approved");
        api.post(agency, "/api/requirements/" + id + "/submit", "");
        assertEquals(409, api.status(HttpRequest.POST("/api/requirements/" + id + "/submit", ""), agency), "twice");
        assertEquals(409, api.status(HttpRequest.PUT("/api/requirements/" + id, requirement("改")), agency),
                "a submitted requirement is not edited");
        api.post(admin, "/api/requirements/" + id + "/reject", Map.of("comment", "重复需求"));
        assertEquals(409, api.status(HttpRequest.POST("/api/requirements/" + id + "/return", Map.of("comment", "x")), admin));
        assertEquals("REJECTED", Sql.query(db, "SELECT status FROM requirement WHERE id = '" + id + "'"));
    }

    @Test
    void invalidRequirementsAreRefusedFieldByFieldAndStoreNothing() {
        signIn();
        long before = Sql.count(db, "SELECT COUNT(*) FROM requirement");
        Map<String, Object> noTargets = requirement("无指标");
        noTargets.put("indicators", List.of());
        noTargets.put("wantedBy", LocalDate.now().minusDays(1).toString());
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> api.post(agency, "/api/requirements", noTargets));
        assertEquals(422, e.code());
        String errors = e.getResponse().getBody(Api.JSON).orElseThrow().get("errors").toString();
        assertTrue(errors.contains("indicators") && errors.contains("wantedBy"), errors);

        Map<String, Object> missing = requirement("");
        missing.remove("kind");
        assertEquals(400, api.status(HttpRequest.POST("/api/requirements", missing), agency));
        String id = (String) api.post(agency, "/api/requirements", requirement("退回须说明")).get("id");
        api.post(agency, "/api/requirements/" + id + "/submit", "");
        assertEquals(422, api.status(HttpRequest.POST("/api/requirements/" + id + "/return", Map.of()), admin),
                "returning without comments");
        assertEquals(before + 1, Sql.count(db, "SELECT COUNT(*) FROM requirement"));
    }

    @Test
    void listsFilterByStatusFieldKindRegionAndChineseText() {
        signIn();
        String marker = "量子" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> quantum = requirement("量子精密测量 " + marker);
        quantum.put("kind", "COMMON_KEY");
        quantum.put("region", "BEIJING");
        quantum.put("technologyField", "NEW_MATERIALS");
        String id = (String) api.post(agency, "/api/requirements", quantum).get("id");
        api.post(agency, "/api/requirements", requirement("其他 " + marker));

        assertEquals(List.of(id), ids(api.get(admin, "/api/requirements?q=" + encode("精密测量 " + marker))));
        assertEquals(List.of(id), ids(api.get(admin, "/api/requirements?q=" + encode(marker)
                + "&kind=COMMON_KEY&region=BEIJING&field=NEW_MATERIALS&status=DRAFT")));
        assertEquals(List.of(), ids(api.get(admin, "/api/requirements?q=" + encode(marker) + "&status=SUBMITTED")));
        assertEquals(2, ids(api.get(agency, "/api/requirements?q=" + encode(marker))).size());
        assertEquals(List.of(), ids(api.get(admin, "/api/requirements?q=" + encode("%" + marker))),
                "the text is matched literally");
        Map<String, Object> read = api.get(agency, "/api/requirements/" + id);
        assertTrue(((String) read.get("description")).contains("🚗 𠀀"), "emoji and rare characters survive");
        assertEquals("°C", ((Map<?, ?>) ((List<?>) read.get("indicators")).get(0)).get("unit"));
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<Object> ids(Map<String, Object> page) {
        return ((List<?>) page.get("items")).stream().<Object>map(item -> ((Map<?, ?>) item).get("id")).toList();
    }
}
