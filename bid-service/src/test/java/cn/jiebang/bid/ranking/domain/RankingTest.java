package cn.jiebang.bid.ranking.domain;

import cn.jiebang.bid.ranking.domain.Ranking.Aggregation;
import cn.jiebang.bid.ranking.domain.Ranking.Criterion;
import cn.jiebang.bid.ranking.domain.Ranking.Decision;
import cn.jiebang.bid.ranking.domain.Ranking.Entry;
import cn.jiebang.bid.ranking.domain.Ranking.Result;
import cn.jiebang.bid.ranking.domain.Ranking.Rule;
import cn.jiebang.bid.ranking.domain.Ranking.Rules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RankingTest {

    static final List<Criterion> CRITERIA = List.of(new Criterion("TECH", 60, 10), new Criterion("TEAM", 40, 10));
    static final Instant T0 = Instant.parse("2027-01-31T08:00:00Z");

    static Rules rules(Aggregation aggregation, Rule rule, String value, int maxTeams, boolean last) {
        return new Rules(CRITERIA, aggregation, rule, new BigDecimal(value), maxTeams, 3, last);
    }

    /** Scores as "judge:tech/team" pairs. */
    static Entry bid(String id, int secondsAfterT0, String... judgeScores) {
        Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>();
        for (String s : judgeScores) {
            String[] parts = s.split("[:/]");
            scores.put(parts[0], Map.of("TECH", new BigDecimal(parts[1]), "TEAM", new BigDecimal(parts[2])));
        }
        return new Entry(id, T0.plusSeconds(secondsAfterT0), scores);
    }

    @Test
    void aJudgesTotalIsTheWeightedShareOfEachMaximum() {
        // 60 × 8/10 + 40 × 5/10 = 68
        assertEquals(0, new BigDecimal("68").compareTo(Ranking.total(Map.of("TECH", new BigDecimal("8"),
                "TEAM", new BigDecimal("5")), CRITERIA)));
    }

    @Test
    void dropsHighestAndLowestScoreWithFiveJudges() {
        // totals 90, 70, 68, 60, 20: without 90 and 20 the mean is (70 + 68 + 60) / 3 = 66
        Entry e = bid("b", 0, "j1:9/9", "j2:7/7", "j3:8/5", "j4:6/6", "j5:2/2");
        List<Result> r = Ranking.rank(List.of(e), rules(Aggregation.TRIMMED_MEAN, Rule.TOP_N, "1", 1, false));
        assertEquals(new BigDecimal("66.0000"), r.get(0).aggregate());
        Entry four = bid("c", 0, "j1:9/9", "j2:7/7", "j3:8/5", "j4:6/6");
        assertEquals(new BigDecimal("72.0000"), Ranking.rank(List.of(four),
                rules(Aggregation.TRIMMED_MEAN, Rule.TOP_N, "1", 1, false)).get(0).aggregate(), "below five judges: the mean");
    }

    @Test
    void medianOfAnEvenNumberOfJudgesIsTheMeanOfTheMiddleTwo() {
        Entry e = bid("b", 0, "j1:9/9", "j2:7/7", "j3:8/5", "j4:6/6");
        assertEquals(new BigDecimal("69.0000"), Ranking.rank(List.of(e),
                rules(Aggregation.MEDIAN, Rule.TOP_N, "1", 1, false)).get(0).aggregate());
    }

    @Test
    void tiesBreakOnTheHeaviestCriterionThenOnTheEarlierSubmission() {
        Entry strongerTech = bid("a", 50, "j1:8/5");   // 68
        Entry strongerTeam = bid("b", 10, "j1:6/8");   // 68, weaker on TECH
        Entry twinLater = bid("c", 40, "j1:8/5");      // 68, like a but later
        List<Result> r = Ranking.rank(List.of(strongerTeam, twinLater, strongerTech),
                rules(Aggregation.MEAN, Rule.TOP_N, "2", 2, false));
        assertEquals(List.of("c", "a", "b"), r.stream().map(Result::bidId).toList());
        assertEquals(List.of(Decision.ADVANCED, Decision.ADVANCED, Decision.ELIMINATED),
                r.stream().map(Result::decision).toList());
        assertEquals(List.of(1, 2, 3), r.stream().map(Result::rank).toList());
    }

    @Test
    void thresholdAndPercentAdvanceNoMoreThanTheCapAndTheLastRoundNamesWinners() {
        List<Entry> bids = List.of(bid("a", 0, "j1:9/9"), bid("b", 0, "j1:8/8"), bid("c", 0, "j1:7/7"),
                bid("d", 0, "j1:5/5"), bid("e", 0, "j1:3/3"));
        // totals 90, 80, 70, 50, 30
        assertEquals(3, advanced(Ranking.rank(bids, rules(Aggregation.MEAN, Rule.THRESHOLD, "70", 5, false))),
                "a threshold is inclusive");
        assertEquals(2, advanced(Ranking.rank(bids, rules(Aggregation.MEAN, Rule.THRESHOLD, "75", 5, false))));
        assertEquals(1, advanced(Ranking.rank(bids, rules(Aggregation.MEAN, Rule.THRESHOLD, "70", 1, false))));
        assertEquals(3, advanced(Ranking.rank(bids, rules(Aggregation.MEAN, Rule.TOP_PERCENT, "50", 5, false))),
                "50 % of 5 bids, rounded up");
        List<Result> last = Ranking.rank(bids, rules(Aggregation.MEAN, Rule.TOP_N, "1", 1, true));
        assertEquals(Decision.WINNER, last.get(0).decision());
        assertEquals("a", last.get(0).bidId());
    }

    @Test
    void aBidShortOfJudgesIsFlaggedAndOneWithoutScoresNeverAdvances() {
        List<Result> r = Ranking.rank(List.of(bid("a", 0, "j1:5/5", "j2:5/5"), bid("b", 0, "j1:9/9", "j2:9/9", "j3:9/9"),
                bid("c", 0)), rules(Aggregation.MEAN, Rule.TOP_N, "3", 3, false));
        assertEquals(List.of("b", "a", "c"), r.stream().map(Result::bidId).toList());
        assertEquals(List.of(false, true, true), r.stream().map(Result::flagged).toList());
        assertNull(r.get(2).aggregate());
        assertEquals(Decision.ELIMINATED, r.get(2).decision());
    }

    private static long advanced(List<Result> results) {
        return results.stream().filter(r -> r.decision() != Decision.ELIMINATED).count();
    }
}
