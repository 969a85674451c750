package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.support.FakeServices;
import cn.jiebang.portal.support.Fixtures;

/**
 * Canned answers of challenge-service and bid-service for the bid pages, in the shapes of their controllers
 * (ChallengeController.ChallengeView, BiddingController.BiddingStatus, BidController.BidView and
 * VersionView, BidSubmission.Receipt, AttachmentView, the directory's DirectoryEntry).
 */
final class BidFixtures {

    static final String CHALLENGE_ID = "c-1";
    static final String BID_ID = "b-1";
    static final String TITLE = "高纯度碳化硅衬底制备";
    static final String HASH_1 = "5f2b1c0e8a7d4f9b3c6e1a2d0b9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a19";
    static final String HASH_2 = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final String SHA_PLAN = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private BidFixtures() {
    }

    /** A published challenge with two indicators (one AT_MOST, one AT_LEAST), open for bids until 2099. */
    static void challenge(FakeServices fake, boolean open) {
        fake.on("GET", "/api/challenges/" + CHALLENGE_ID, """
                {"id":"c-1","title":"%s","problemStatement":"…","ownerOrganizationId":"org-agency",
                 "technologyField":"NEW_MATERIALS","region":"TIANJIN","mode":"HORSE_RACE","winners":1,
                 "requirementIds":["r-1"],
                 "indicators":[
                   {"name":"微管密度","targetValue":0.500000,"unit":"个/cm²","direction":"AT_MOST","testMethod":"显微镜计数"},
                   {"name":"衬底直径","targetValue":150,"unit":"mm","direction":"AT_LEAST","testMethod":"卡尺测量"}],
                 "totalBudget":30000000.00,
                 "eligibility":{"allowedRegions":["BEIJING","TIANJIN","HEBEI"],"allowedOrganizationKinds":[],
                                "maxConsortiumMembers":4,"bidsPerOrganization":1,"excludePastWinners":false},
                 "bidOpensAt":"2026-01-01T00:00:00Z","bidClosesAt":"2099-06-30T09:00:00Z","ipTerms":"…","rounds":[],
                 "status":"PUBLISHED","createdAt":"2026-01-01T00:00:00Z","publishedAt":"2026-01-02T00:00:00Z",
                 "bidCount":null,"screenedIn":null,"failureReason":null,"cancellationReason":null,"endedAt":null,
                 "timeline":[]}""".formatted(TITLE));
        fake.on("GET", "/api/challenges/" + CHALLENGE_ID + "/bidding", """
                {"challengeId":"c-1","title":"%s","open":%s,"opensAt":"2026-01-01T00:00:00Z",
                 "closesAt":"2099-06-30T09:00:00Z","cancelled":false,"serverTime":"2026-03-01T00:00:00Z"}"""
                .formatted(TITLE, open));
    }

    /** The directory knows 天津大学 and the team's own institute. */
    static void directory(FakeServices fake) {
        fake.on("GET", "/api/directory/organizations/org-tju", """
                {"id":"org-tju","name":"天津大学","region":"TIANJIN","kind":"UNIVERSITY"}""");
        fake.on("GET", "/api/directory/organizations/org-bj", """
                {"id":"org-bj","name":"北京精密仪器厂","region":"BEIJING","kind":"ENTERPRISE"}""");
        fake.on("GET", "/api/directory/organizations", """
                {"items":[{"id":"%s","name":"天津新材料研究院","region":"TIANJIN","kind":"RESEARCH_INSTITUTE"},
                          {"id":"org-tju","name":"天津大学","region":"TIANJIN","kind":"UNIVERSITY"}],
                 "page":0,"size":10,"totalItems":2}""".formatted(Fixtures.ORG_ID));
    }

    static String content(String budget, String approach, String members, String attachmentIds) {
        return """
                {"memberOrganizationIds":[%s],"teamLead":{"name":"李明","title":"研究员"},
                 "coreMembers":[{"name":"张伟","title":"副研究员"}],
                 "technicalApproach":"%s",
                 "milestones":[{"title":"样品","dueOn":"2026-09-30","deliverable":"4 英寸样品"}],
                 "committedIndicators":[{"name":"微管密度","value":0.3},{"name":"衬底直径","value":150}],
                 "requestedBudget":%s,"attachmentIds":[%s]}""".formatted(members, approach, budget, attachmentIds);
    }

    static String attachmentRef() {
        return """
                {"attachmentId":"a-1","fileName":"技术方案.pdf","contentType":"application/pdf","sizeBytes":1258291,
                 "sha256":"%s"}""".formatted(SHA_PLAN);
    }

    /** Bid b-1 at version {@code current}, its versions 1 (…) and 2 (a larger budget, another member, a file). */
    static void bid(FakeServices fake, String status, int current) {
        String v1 = version(1, "2026-03-01T02:03:04.123456Z", HASH_1,
                content("20000000.00", "第一版技术路线", "\"org-tju\"", ""), "");
        String v2 = version(2, "2026-03-05T08:00:00Z", HASH_2,
                content("25000000.00", "第一版技术路线\\n新增外延工艺", "\"org-tju\",\"org-bj\"", "\"a-1\""),
                attachmentRef());
        String currentContent = current == 1 ? content("20000000.00", "第一版技术路线", "\"org-tju\"", "")
                : content("25000000.00", "第一版技术路线\\n新增外延工艺", "\"org-tju\",\"org-bj\"", "\"a-1\"");
        fake.on("GET", "/api/bids/" + BID_ID, """
                {"id":"b-1","challengeId":"c-1","leadOrganizationId":"%s","submittedBy":"%s","status":"%s",
                 "currentVersion":%d,"contentHash":"%s","submittedAt":"2026-03-05T08:00:00Z","content":%s,
                 "attachments":[%s],"screeningReason":null,"createdAt":"2026-03-01T02:03:04.123456Z",
                 "updatedAt":"2026-03-05T08:00:00Z"}""".formatted(Fixtures.ORG_ID, Fixtures.USER_ID, status, current,
                current == 1 ? HASH_1 : HASH_2, currentContent, current == 1 ? "" : attachmentRef()));
        fake.on("GET", "/api/bids/" + BID_ID + "/versions", current == 1 ? "[" + v1 + "]" : "[" + v1 + "," + v2 + "]");
        fake.on("GET", "/api/bids/" + BID_ID + "/versions/1", v1);
        fake.on("GET", "/api/bids/" + BID_ID + "/versions/2", v2);
    }

    private static String version(int number, String at, String hash, String content, String attachments) {
        return """
                {"bidId":"b-1","version":%d,"submittedAt":"%s","submittedBy":"%s","contentHash":"%s","content":%s,
                 "attachments":[%s]}""".formatted(number, at, Fixtures.USER_ID, hash, content, attachments);
    }

    static String receipt(int version, boolean replayed) {
        return """
                {"bidId":"b-1","challengeId":"c-1","version":%d,"serverTime":"2026-03-01T02:03:04.123456Z",
                 "contentHash":"%s","replayed":%s}""".formatted(version, version == 1 ? HASH_1 : HASH_2, replayed);
    }
}
