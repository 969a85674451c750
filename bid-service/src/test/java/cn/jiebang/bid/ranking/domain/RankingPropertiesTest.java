package cn.jiebang.bid.ranking.domain;

import cn.jiebang.bid.ranking.domain.Ranking.Aggregation;
import cn.jiebang.bid.ranking.domain.Ranking.Entry;
import cn.jiebang.bid.ranking.domain.Ranking.Result;
import cn.jiebang.bid.ranking.domain.Ranking.Rule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankingPropertiesTest {

    /** 2–8 bids, each scored by 1–7 of seven judges, every criterion 0..10. */
    @Provide
    Arbitrary<List<Entry>> rounds() {
        Arbitrary<Entry> bid = Combinators.combine(
                Arbitraries.integers().between(0, 3600),
                Arbitraries.integers().between(0, 10).list().ofSize(14),
                Arbitraries.integers().between(1, 7)).as((seconds, scores, judges) -> {
            Map<String, Map<String, BigDecimal>> byJudge = new LinkedHashMap<>();
            for (int j = 0; j < judges; j++) {
                byJudge.put("judge-" + j, Map.of("TECH", BigDecimal.valueOf(scores.get(2 * j)),
                        "TEAM", BigDecimal.valueOf(scores.get(2 * j + 1))));
            }
            return new Entry(null, RankingTest.T0.plusSeconds(seconds), byJudge);
        });
        return bid.list().ofMinSize(2).ofMaxSize(8).map(list -> {
            List<Entry> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                named.add(new Entry("bid-" + i, list.get(i).firstSubmittedAt(), list.get(i).scoresByJudge()));
            }
            return named;
        });
    }

    @Property
    void theRankingIsTheSameWhateverOrderTheScoresArriveIn(@ForAll("rounds") List<Entry> bids,
                                                           @ForAll Aggregation aggregation, @ForAll long seed) {
        Ranking.Rules rules = RankingTest.rules(aggregation, Rule.TOP_N, "2", 2, false);
        Random random = new Random(seed);
        List<Entry> shuffled = new ArrayList<>();
        for (Entry e : bids) {
            List<String> judges = new ArrayList<>(e.scoresByJudge().keySet());
            Collections.shuffle(judges, random);
            Map<String, Map<String, BigDecimal>> reordered = new LinkedHashMap<>();
            judges.forEach(j -> reordered.put(j, e.scoresByJudge().get(j)));
            shuffled.add(new Entry(e.bidId(), e.firstSubmittedAt(), reordered));
        }
        Collections.shuffle(shuffled, random);
        assertEquals(Ranking.rank(bids, rules), Ranking.rank(shuffled, rules));
    }

    @Property
    void trimmedMeanDropsOneHighestAndOneLowestTotalFromFiveJudgesOn(
            @ForAll @IntRange(min = 5, max = 9) int judges, @ForAll long seed) {
        Random random = new Random(seed);
        Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>();
        List<BigDecimal> totals = new ArrayList<>();
        for (int j = 0; j < judges; j++) {
            int tech = random.nextInt(11);
            int team = random.nextInt(11);
            scores.put("j" + j, Map.of("TECH", BigDecimal.valueOf(tech), "TEAM", BigDecimal.valueOf(team)));
            totals.add(BigDecimal.valueOf(6L * tech + 4L * team)); // 60 × t/10 + 40 × m/10
        }
        Collections.sort(totals);
        BigDecimal byHand = totals.subList(1, judges - 1).stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(judges - 2), 4, RoundingMode.HALF_EVEN);
        Result result = Ranking.rank(List.of(new Entry("b", RankingTest.T0, scores)),
                RankingTest.rules(Aggregation.TRIMMED_MEAN, Rule.TOP_N, "1", 1, false)).get(0);
        assertEquals(byHand, result.aggregate());
    }

    @Property
    void zscoreRemovesAConstantOffsetAddedToOneJudgesScores(@ForAll("rounds") List<Entry> bids,
                                                           @ForAll @IntRange(min = 1, max = 5) int offset) {
        // a lenient judge: every score of judge-0 raised by the same amount (scores may pass 10, like a shifted scale)
        List<Entry> lenient = bids.stream().map(e -> {
            Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>(e.scoresByJudge());
            scores.computeIfPresent("judge-0", (j, s) -> Map.of("TECH", s.get("TECH").add(BigDecimal.valueOf(offset)),
                    "TEAM", s.get("TEAM").add(BigDecimal.valueOf(offset))));
            return new Entry(e.bidId(), e.firstSubmittedAt(), scores);
        }).toList();
        Ranking.Rules rules = RankingTest.rules(Aggregation.ZSCORE, Rule.TOP_N, "2", 2, false);
        assertEquals(aggregates(Ranking.rank(bids, rules)), aggregates(Ranking.rank(lenient, rules)));
    }

    private static Map<String, BigDecimal> aggregates(List<Result> results) {
        Map<String, BigDecimal> byBid = new java.util.TreeMap<>();
        results.forEach(r -> byBid.put(r.bidId(), r.aggregate()));
        return byBid;
    }
}
