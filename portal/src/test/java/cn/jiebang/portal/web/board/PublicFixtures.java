package cn.jiebang.portal.web.board;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Canned challenge-service and bid-service answers for the public pages, shaped as their controllers
 * write them ({@code ChallengeController.ChallengeSummary} and {@code ChallengeView},
 * {@code EvaluationController.Results}, {@code AccountViews.DirectoryEntry}, {@code BiddingStatus}).
 */
final class PublicFixtures {

    private PublicFixtures() {
    }

    /** A fresh id, so the portal's short-lived directory cache never carries a name from one test to another. */
    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String summary(String id, String title, String owner, Instant closesAt, String status, Integer bidCount) {
        return """
                {"id":"%s","title":"%s","ownerOrganizationId":"%s","technologyField":"NEW_MATERIALS","region":"BEIJING",
                 "mode":"HORSE_RACE","totalBudget":30000000.00,"bidOpensAt":"2026-11-01T00:00:00Z","bidClosesAt":"%s",
                 "status":"%s","createdAt":"2026-11-01T00:00:00Z","publishedAt":"2026-11-01T00:00:01Z","bidCount":%s}"""
                .formatted(id, title, owner, closesAt, status, bidCount);
    }

    static String board(List<String> items, int page, int size, long total) {
        return """
                {"items":[%s],"page":%d,"size":%d,"totalItems":%d}""".formatted(String.join(",", items), page, size, total);
    }

    static String directory(String id, String name) {
        return """
                {"id":"%s","name":"%s","region":"BEIJING","kind":"GOVERNMENT_AGENCY"}""".formatted(id, name);
    }

    static String bidding(String id, boolean open) {
        return """
                {"challengeId":"%s","title":"高端光刻胶","open":%s,"opensAt":"2026-11-01T00:00:00Z",
                 "closesAt":"2027-01-14T09:00:00Z","cancelled":false,"serverTime":"2026-11-30T00:00:00Z"}"""
                .formatted(id, open);
    }

    /** A horse race with two rounds: round 1 by top 3 with a trimmed mean, round 2 (the last) by top 1. */
    static final class ChallengeJson {
        String id;
        String owner;
        String status = "PUBLISHED";
        String round1Status = "PENDING";
        String round2Status = "PENDING";
        String bidCount = "null";
        String screenedIn = "null";
        String failureReason = null;
        String cancellationReason = null;
        String endedAt = null;
        String bidClosesAt = "2027-01-14T09:00:00Z";
        String eligibility = """
                {"allowedRegions":["BEIJING","TIANJIN","HEBEI"],"allowedOrganizationKinds":[],"maxConsortiumMembers":4,
                 "bidsPerOrganization":1,"excludePastWinners":true}""";
        String timeline = """
                [{"at":"2026-11-01T00:00:00Z","event":"BIDDING_OPENS","detail":null,"planned":true},
                 {"at":"2026-11-01T00:00:01Z","event":"PUBLISHED","detail":null,"planned":false},
                 {"at":"2026-12-01T02:00:00Z","event":"CLARIFIED","detail":"样品由揭榜方自备。","planned":false},
                 {"at":"2027-01-14T09:00:00Z","event":"BIDDING_CLOSES","detail":null,"planned":true},
                 {"at":"2027-01-15T01:00:00Z","event":"SCREENING_COMPLETED","detail":"5 bids screened in","planned":false},
                 {"at":"2027-01-17T00:00:00Z","event":"ROUND_OPENS","detail":"1 方案评审","planned":true},
                 {"at":"2027-01-31T00:00:00Z","event":"ROUND_CLOSED","detail":"1 方案评审 (forced)","planned":false},
                 {"at":"2027-02-01T00:00:00Z","event":"RESULTS_ANNOUNCED","detail":"1 方案评审 · 公示至 2027-02-08T00:00:00Z","planned":false}]""";

        ChallengeJson(String id, String owner) {
            this.id = id;
            this.owner = owner;
        }

        ChallengeJson status(String status) {
            this.status = status;
            return this;
        }

        ChallengeJson rounds(String first, String second) {
            this.round1Status = first;
            this.round2Status = second;
            return this;
        }

        ChallengeJson failed(String reason) {
            this.status = "FAILED";
            this.failureReason = reason;
            this.endedAt = "2027-01-15T01:00:00Z";
            this.bidCount = "3";
            this.screenedIn = "0";
            return this;
        }

        ChallengeJson cancelled(String reason) {
            this.status = "CANCELLED";
            this.cancellationReason = reason;
            this.endedAt = "2026-12-20T01:00:00Z";
            return this;
        }

        ChallengeJson closedWithBids(int bids) {
            this.bidCount = String.valueOf(bids);
            return this;
        }

        ChallengeJson closingAt(Instant closesAt) {
            this.bidClosesAt = closesAt.toString();
            return this;
        }

        private static String text(String s) {
            return s == null ? "null" : "\"" + s + "\"";
        }

        String json() {
            return """
                    {"id":"%s","title":"高端光刻胶国产化：28纳米ArF光刻胶",
                     "problemStatement":"研制满足28纳米工艺要求的ArF光刻胶。\\n完成产线验证。",
                     "ownerOrganizationId":"%s","technologyField":"NEW_MATERIALS","region":"BEIJING","mode":"HORSE_RACE",
                     "winners":1,"requirementIds":["req-1"],
                     "indicators":[{"name":"分辨率","targetValue":28,"unit":"nm","direction":"AT_MOST","testMethod":"SEM线宽测量"},
                                   {"name":"感光速度","targetValue":20.500000,"unit":"mJ/cm²","direction":"AT_LEAST","testMethod":"曝光测试"}],
                     "totalBudget":30000000.00,"eligibility":%s,
                     "bidOpensAt":"2026-11-01T00:00:00Z","bidClosesAt":"%s",
                     "ipTerms":"成果知识产权归揭榜方所有。\\n发榜方享有优先实施许可。",
                     "rounds":[
                       {"index":1,"name":"方案评审","kind":"PROPOSAL_REVIEW","opensAt":"2027-01-17T00:00:00Z",
                        "closesAt":"2027-01-31T00:00:00Z",
                        "criteria":[{"code":"TECH","name":"技术路线","weight":60,"maxScore":10},
                                    {"code":"TEAM","name":"团队能力","weight":40,"maxScore":10}],
                        "aggregation":"TRIMMED_MEAN","advancement":{"rule":"TOP_N","value":3,"maxTeams":null},
                        "minJudgesPerBid":5,"blind":true,"tranchePerTeam":3000000.00,"publicityDays":7,
                        "status":"%s","openedAt":null,"judgeIds":null},
                       {"index":2,"name":"终期验收","kind":"MILESTONE","opensAt":"2027-06-18T00:00:00Z",
                        "closesAt":"2027-07-18T00:00:00Z",
                        "criteria":[{"code":"KPI","name":"指标达成","weight":100,"maxScore":100}],
                        "aggregation":"MEAN","advancement":{"rule":"TOP_N","value":1,"maxTeams":null},
                        "minJudgesPerBid":3,"blind":false,"tranchePerTeam":20000000.00,"publicityDays":7,
                        "status":"%s","openedAt":null,"judgeIds":null}],
                     "status":"%s","createdAt":"2026-11-01T00:00:00Z","publishedAt":"2026-11-01T00:00:01Z",
                     "bidCount":%s,"screenedIn":%s,"failureReason":%s,"cancellationReason":%s,"endedAt":%s,
                     "timeline":%s}"""
                    .formatted(id, owner, eligibility, bidClosesAt, round1Status, round2Status, status, bidCount,
                            screenedIn, text(failureReason), text(cancellationReason), text(endedAt), timeline);
        }
    }

    static ChallengeJson aHorseRace(String id, String owner) {
        return new ChallengeJson(id, owner);
    }

    static String results(int index, String status, String... lines) {
        return """
                {"index":%d,"status":"%s","publicityEndsAt":"2027-02-08T00:00:00Z","results":[%s]}"""
                .formatted(index, status, String.join(",", lines));
    }

    static String result(String bidId, String organization, String aggregate, int rank, String decision,
                         boolean corrected) {
        return """
                {"bidId":"%s","leadOrganizationId":"%s","aggregate":%s,"rank":%d,"decision":"%s","flagged":false,
                 "corrected":%s}""".formatted(bidId, organization, aggregate, rank, decision, corrected);
    }

    static String amendments() {
        return """
                [{"id":1,"challengeId":"c","kind":"DEADLINE_EXTENDED","text":"应多家单位要求延期。",
                  "previousBidClosesAt":"2027-01-07T09:00:00Z","bidClosesAt":"2027-01-14T09:00:00Z",
                  "amendedAt":"2026-12-01T01:00:00Z"},
                 {"id":2,"challengeId":"c","kind":"CLARIFICATION","text":"样品由揭榜方自备。",
                  "previousBidClosesAt":"2027-01-14T09:00:00Z","bidClosesAt":"2027-01-14T09:00:00Z",
                  "amendedAt":"2026-12-01T02:00:00Z"}]""";
    }
}
