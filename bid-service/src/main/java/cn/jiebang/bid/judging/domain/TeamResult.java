package cn.jiebang.bid.judging.domain;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A team's own result in an announced round, with its mean score per criterion: no judge named. */
@Serdeable
public record TeamResult(String bidId, int roundIndex, BigDecimal aggregate, int rank, String decision,
                         boolean flagged, int judges, Map<String, BigDecimal> meanScoreByCriterion) {

    /**
     * The result as announced, with the means (2 places, half-even) over the bid's scored assignments, and how many
     * judges scored it.
     */
    public static TeamResult of(RaceRound.AnnouncedResult announced, int roundIndex,
                                Collection<Assignment> scoredAssignmentsOfBid) {
        Map<String, List<BigDecimal>> byCriterion = new TreeMap<>();
        scoredAssignmentsOfBid.forEach(a -> a.getScores().forEach((code, s) ->
                byCriterion.computeIfAbsent(code, c -> new ArrayList<>()).add(s.score())));
        Map<String, BigDecimal> means = new TreeMap<>();
        byCriterion.forEach((code, values) -> means.put(code, values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_EVEN)));
        return new TeamResult(announced.bidId(), roundIndex, announced.aggregate(), announced.rank(),
                announced.decision(), announced.flagged(), scoredAssignmentsOfBid.size(), means);
    }
}
