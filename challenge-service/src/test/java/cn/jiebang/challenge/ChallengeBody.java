package cn.jiebang.challenge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid challenge definition as a JSON body, to be changed only where a test cares:
 * {@code anOpenCompetition(owner, requirement).with("title", "…").round(0, "blind", true).build()}.
 */
final class ChallengeBody {

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<Map<String, Object>> rounds = new ArrayList<>();

    private ChallengeBody(String owner, List<String> requirementIds, String mode, int roundCount, String budget) {
        body.put("title", "高端光刻胶国产化 ArF");
        body.put("problemStatement", "研制满足28纳米工艺要求的ArF光刻胶");
        body.put("ownerOrganizationId", owner);
        body.put("technologyField", "NEW_MATERIALS");
        body.put("region", "BEIJING");
        body.put("requirementIds", new ArrayList<>(requirementIds));
        body.put("indicators", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("name", "分辨率", "targetValue", "28",
                "unit", "nm", "direction", "AT_MOST", "testMethod", "SEM线宽测量")))));
        body.put("totalBudget", budget);
        body.put("mode", mode);
        body.put("winners", 1);
        body.put("eligibility", new LinkedHashMap<>(Map.of("allowedRegions", List.of("BEIJING", "TIANJIN", "HEBEI"),
                "allowedOrganizationKinds", List.of(), "maxConsortiumMembers", 4, "bidsPerOrganization", 1,
                "excludePastWinners", false)));
        body.put("ipTerms", "成果归揭榜方所有，发榜方享有优先实施许可");
        for (int i = 0; i < roundCount; i++) {
            int teams = roundCount - i == 1 ? 1 : 2 * (roundCount - i);
            Map<String, Object> round = new LinkedHashMap<>();
            round.put("name", i == roundCount - 1 ? "终期验收" : "第" + (i + 1) + "轮评审");
            round.put("kind", i == 0 ? "PROPOSAL_REVIEW" : "MILESTONE");
            round.put("criteria", new ArrayList<>(List.of(
                    new LinkedHashMap<>(Map.of("code", "TECH", "name", "技术路线", "weight", 60, "maxScore", 10)),
                    new LinkedHashMap<>(Map.of("code", "TEAM", "name", "团队能力", "weight", 40, "maxScore", 10)))));
            round.put("aggregation", "MEAN");
            round.put("advancement", new LinkedHashMap<>(Map.of("rule", "TOP_N", "value", teams)));
            round.put("minJudgesPerBid", 2);
            round.put("blind", false);
            round.put("tranchePerTeam", "100000.00");
            round.put("publicityDays", 5);
            rounds.add(round);
        }
        body.put("rounds", rounds);
        window(Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS));
    }

    /** One round, one winner, 1,200,000.50 yuan. */
    static ChallengeBody anOpenCompetition(String owner, String... requirementIds) {
        return new ChallengeBody(owner, List.of(requirementIds), "OPEN_COMPETITION", 1, "1200000.50");
    }

    /** Three rounds advancing 4, then 2, then 1 winner; 30,000,000 yuan. */
    static ChallengeBody aHorseRace(String owner, String... requirementIds) {
        return new ChallengeBody(owner, List.of(requirementIds), "HORSE_RACE", 3, "30000000.00");
    }

    ChallengeBody with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    ChallengeBody round(int index, String field, Object value) {
        rounds.get(index).put(field, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    ChallengeBody eligibility(String field, Object value) {
        ((Map<String, Object>) body.get("eligibility")).put(field, value);
        return this;
    }

    ChallengeBody withoutRoundsAfter(int count) {
        while (rounds.size() > count) {
            rounds.remove(rounds.size() - 1);
        }
        return this;
    }

    /** The bid window; the rounds follow it, two days apart, each two weeks long. */
    ChallengeBody window(Instant opens, Instant closes) {
        body.put("bidOpensAt", opens.toString());
        body.put("bidClosesAt", closes.toString());
        Instant start = closes.plus(2, ChronoUnit.DAYS);
        for (Map<String, Object> round : rounds) {
            round.put("opensAt", start.toString());
            round.put("closesAt", start.plus(14, ChronoUnit.DAYS).toString());
            start = start.plus(16, ChronoUnit.DAYS);
        }
        return this;
    }

    Map<String, Object> build() {
        return body;
    }
}
