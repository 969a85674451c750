package cn.jiebang.portal.web.requirements;

import cn.jiebang.portal.support.FakeServices;
import cn.jiebang.portal.support.Fixtures;

/** challenge-service's requirement answers for the agency's pages. */
final class RequirementFixtures {

    private RequirementFixtures() {
    }

    static String requirement(String id, String status, String reviewComment) {
        return """
                {"id":"%s","organizationId":"%s","submittedBy":"user-1","title":"高纯碳化硅衬底","description":"6 英寸衬底国产化",
                 "kind":"BOTTLENECK","technologyField":"NEW_MATERIALS","region":"TIANJIN",
                 "indicators":[{"name":"微管密度","targetValue":0.5,"unit":"个/cm²","direction":"AT_MOST","testMethod":"光学检测"}],
                 "budgetCeiling":30000000.00,"wantedBy":"2027-06-30","coFunded":true,"status":"%s",
                 "reviewComment":%s,"createdAt":"2026-11-01T02:00:00Z","updatedAt":"2026-11-02T02:00:00Z"}"""
                .formatted(id, Fixtures.ORG_ID, status, reviewComment == null ? "null" : "\"" + reviewComment + "\"");
    }

    static void one(FakeServices fake, String id, String status, String reviewComment) {
        fake.on("GET", "/api/requirements/" + id, requirement(id, status, reviewComment));
    }

    static void list(FakeServices fake, String... items) {
        fake.on("GET", "/api/requirements", """
                {"items":[%s],"page":0,"size":20,"totalItems":%d}""".formatted(String.join(",", items), items.length));
    }
}
