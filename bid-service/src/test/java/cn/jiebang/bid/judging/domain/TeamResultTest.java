package cn.jiebang.bid.judging.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a team reads of its own announced result: no judge named, the mean per criterion. */
class TeamResultTest {

    private static final Instant AT = Instant.parse("2027-01-20T02:00:00Z");

    private static Assignment scored(String judgeId, String tech, String team) {
        Assignment a = Assignment.of("challenge-1", 1, "bid-1", judgeId, AT);
        a.score(ScoreSheet.of(List.of(new ScoreSheet.Line("TECH", new BigDecimal(tech), "好"),
                new ScoreSheet.Line("TEAM", new BigDecimal(team), "好"))), AT);
        return a;
    }

    @Test
    void givesTheAnnouncedResultWithTheMeanScorePerCriterionRoundedHalfEven() {
        RaceRound.AnnouncedResult announced = new RaceRound.AnnouncedResult("bid-1", new BigDecimal("71.2500"), 2,
                "ADVANCED", true);
        TeamResult result = TeamResult.of(announced, 1, List.of(scored("judge-1", "8", "3"),
                scored("judge-2", "7.25", "4.27")));
        // 7.625 to the even 7.62, 3.635 to the even 3.64
        assertEquals(new TeamResult("bid-1", 1, new BigDecimal("71.2500"), 2, "ADVANCED", true, 2,
                Map.of("TECH", new BigDecimal("7.62"), "TEAM", new BigDecimal("3.64"))), result);
    }

    @Test
    void aBidNobodyScoredHasNoMeans() {
        RaceRound.AnnouncedResult announced = new RaceRound.AnnouncedResult("bid-1", BigDecimal.ZERO, 3, "ELIMINATED",
                true);
        assertEquals(new TeamResult("bid-1", 1, BigDecimal.ZERO, 3, "ELIMINATED", true, 0, Map.of()),
                TeamResult.of(announced, 1, List.of()));
    }
}
