package cn.jiebang.bid.ranking.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ranking of a round: a pure, deterministic function of the scores and the round's rules,
 * so it can be recomputed and audited at any time with the same result, whatever order scores arrived in.
 *
 * <p>A judge's total for a bid is Σ weight × score / max (0–100). Across judges: MEAN; TRIMMED_MEAN drops one
 * highest and one lowest total when at least five judges scored (去掉最高分最低分); MEDIAN; ZSCORE normalises
 * each judge's totals over the bids that judge scored (population standard deviation; a judge who gave
 * everyone the same total contributes 0), averages the z-scores and rescales to 50 + 10·z. Ties break on the
 * highest-weight criterion (its mean score / max across judges), then on the earlier first submission of the
 * bid (version 1's receipt: a revision before the deadline keeps the bid's place), then on the bid id. Aggregates are rounded to four places (half-even). A bid with fewer completed scores than the
 * round's minimum is flagged (only a forced close ranks it); one with none gets no aggregate and never advances.
 */
public final class Ranking {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final int SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Ranking() {
    }

    public enum Aggregation { MEAN, TRIMMED_MEAN, MEDIAN, ZSCORE }

    public enum Rule { TOP_N, THRESHOLD, TOP_PERCENT }

    public enum Decision { ADVANCED, ELIMINATED, WINNER }

    public record Criterion(String code, int weight, int maxScore) {
    }

    /** The round's rules; {@code finalRound}: those advancing are the winners. */
    public record Rules(List<Criterion> criteria, Aggregation aggregation, Rule rule, BigDecimal value, int maxTeams,
                        int minJudges, boolean finalRound) {
    }

    /** One bid in the round: when it was first submitted (version 1), and each judge's score per criterion code. */
    public record Entry(String bidId, Instant firstSubmittedAt, Map<String, Map<String, BigDecimal>> scoresByJudge) {
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Result(String bidId, BigDecimal aggregate, int rank, Decision decision, int judges, boolean flagged) {
    }

    public static List<Result> rank(List<Entry> entries, Rules rules) {
        // a canonical order first: every sum below is taken in the same order whatever the input order
        List<Entry> bids = entries.stream().sorted(Comparator.comparing(Entry::bidId))
                .map(e -> new Entry(e.bidId(), e.firstSubmittedAt(), new TreeMap<>(e.scoresByJudge()))).toList();
        Map<String, Map<String, BigDecimal>> totals = new TreeMap<>();
        for (Entry bid : bids) {
            Map<String, BigDecimal> byJudge = new TreeMap<>();
            bid.scoresByJudge().forEach((judge, scores) -> byJudge.put(judge, total(scores, rules.criteria())));
            totals.put(bid.bidId(), byJudge);
        }
        Map<String, BigDecimal> aggregates = new TreeMap<>();
        if (rules.aggregation() == Aggregation.ZSCORE) {
            aggregates.putAll(zscores(totals));
        } else {
            totals.forEach((bidId, byJudge) -> aggregates.put(bidId, aggregate(new ArrayList<>(byJudge.values()),
                    rules.aggregation())));
        }
        Criterion heaviest = rules.criteria().stream().max(Comparator.comparingInt(Criterion::weight)).orElseThrow();
        Comparator<Entry> order = Comparator
                .comparing((Entry e) -> aggregates.get(e.bidId()), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(e -> criterionMean(e, heaviest), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Entry::firstSubmittedAt)
                .thenComparing(Entry::bidId);
        List<Entry> ordered = bids.stream().sorted(order).toList();
        int advancing = advancing(ordered, aggregates, rules);
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Entry bid = ordered.get(i);
            BigDecimal aggregate = aggregates.get(bid.bidId());
            boolean advances = i < advancing && aggregate != null;
            Decision decision = !advances ? Decision.ELIMINATED : rules.finalRound() ? Decision.WINNER : Decision.ADVANCED;
            int judges = bid.scoresByJudge().size();
            results.add(new Result(bid.bidId(), aggregate, i + 1, decision, judges, judges < rules.minJudges()));
        }
        return results;
    }

    /** A judge's total: Σ weight × score / max, 0–100. */
    static BigDecimal total(Map<String, BigDecimal> scores, List<Criterion> criteria) {
        BigDecimal total = BigDecimal.ZERO;
        for (Criterion c : criteria) {
            BigDecimal score = scores.getOrDefault(c.code(), BigDecimal.ZERO);
            total = total.add(score.multiply(BigDecimal.valueOf(c.weight())).divide(BigDecimal.valueOf(c.maxScore()), MC));
        }
        return total;
    }

    static BigDecimal aggregate(List<BigDecimal> totals, Aggregation aggregation) {
        if (totals.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = totals.stream().sorted().toList();
        BigDecimal value = switch (aggregation) {
            case MEAN -> mean(sorted);
            case TRIMMED_MEAN -> mean(sorted.size() >= 5 ? sorted.subList(1, sorted.size() - 1) : sorted);
            case MEDIAN -> sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : sorted.get(sorted.size() / 2 - 1).add(sorted.get(sorted.size() / 2)).divide(BigDecimal.valueOf(2), MC);
            case ZSCORE -> throw new IllegalArgumentException("ZSCORE needs every bid's totals");
        };
        return value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), MC);
    }

    /** 50 + 10 × the mean of each judge's z-score of the bid. */
    private static Map<String, BigDecimal> zscores(Map<String, Map<String, BigDecimal>> totals) {
        Map<String, List<BigDecimal>> byJudge = new TreeMap<>();
        totals.forEach((bidId, judges) -> judges.forEach((judge, total) ->
                byJudge.computeIfAbsent(judge, j -> new ArrayList<>()).add(total)));
        Map<String, double[]> stats = new TreeMap<>();
        byJudge.forEach((judge, values) -> {
            double mean = mean(values).doubleValue();
            double variance = values.stream().mapToDouble(v -> (v.doubleValue() - mean) * (v.doubleValue() - mean))
                    .sum() / values.size();
            stats.put(judge, new double[]{mean, Math.sqrt(variance)});
        });
        Map<String, BigDecimal> result = new TreeMap<>();
        totals.forEach((bidId, judges) -> {
            if (judges.isEmpty()) {
                result.put(bidId, null);
                return;
            }
            double sum = 0;
            for (Map.Entry<String, BigDecimal> e : judges.entrySet()) {
                double[] s = stats.get(e.getKey());
                sum += s[1] < 1e-9 ? 0 : (e.getValue().doubleValue() - s[0]) / s[1];
            }
            double z = sum / judges.size();
            result.put(bidId, BigDecimal.valueOf(50 + 10 * z).setScale(SCALE, RoundingMode.HALF_EVEN));
        });
        return result;
    }

    private static BigDecimal criterionMean(Entry bid, Criterion criterion) {
        List<BigDecimal> fractions = bid.scoresByJudge().values().stream()
                .map(s -> s.getOrDefault(criterion.code(), BigDecimal.ZERO)
                        .divide(BigDecimal.valueOf(criterion.maxScore()), MC)).toList();
        return fractions.isEmpty() ? null : mean(fractions).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** How many of the ordered bids advance under the rule, never more than maxTeams. */
    private static int advancing(List<Entry> ordered, Map<String, BigDecimal> aggregates, Rules rules) {
        int scored = (int) ordered.stream().filter(e -> aggregates.get(e.bidId()) != null).count();
        int count = switch (rules.rule()) {
            case TOP_N -> rules.value().intValue();
            case THRESHOLD -> (int) ordered.stream().map(e -> aggregates.get(e.bidId()))
                    .filter(a -> a != null && a.compareTo(rules.value()) >= 0).count();
            case TOP_PERCENT -> BigDecimal.valueOf(ordered.size()).multiply(rules.value())
                    .divide(HUNDRED, 0, RoundingMode.CEILING).intValue();
        };
        return Math.min(Math.min(count, rules.maxTeams()), scored);
    }
}
