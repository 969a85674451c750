package cn.jiebang.portal.web.progress;

import cn.jiebang.portal.web.progress.ProgressApi.Objection;
import cn.jiebang.portal.web.progress.ProgressApi.Round;
import cn.jiebang.portal.web.progress.ProgressApi.TeamResult;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * One round as the team's progress page shows it: where it stands for this bid, the team's own result
 * once announced, the 公示 and its objections, and whether a deliverable or an objection can be sent now.
 *
 * @param stage         {@code not-screened-in}, {@code not-racing} (out in an earlier round), {@code pending},
 *                      {@code open}, {@code closed}, {@code announced} or {@code finalized}
 * @param resultNotice  why there is no result to show in an announced round, a message key, or null
 */
record RoundProgress(Round round, String stage, @Nullable TeamResult result, List<ScoreLine> scores,
                     @Nullable Instant publicityEndsAt, boolean publicityOpen, boolean objectionOpen,
                     List<Objection> objections, @Nullable String objectionsNotice, boolean deliverableOpen,
                     @Nullable String resultNotice) {

    /** A criterion of the round with the team's mean score on it. */
    record ScoreLine(String code, String name, int weight, int maxScore, @Nullable BigDecimal mean) {
    }

    static List<ScoreLine> scores(Round round, @Nullable TeamResult result) {
        if (result == null) {
            return List.of();
        }
        return round.criteria().stream().map(c -> new ScoreLine(c.code(), c.name(), c.weight(), c.maxScore(),
                result.meanScoreByCriterion().get(c.code()))).toList();
    }

    /** The aggregate on 0–100 to two places: the ranking keeps four. */
    @Nullable
    public String aggregate() {
        return result == null || result.aggregate() == null ? null
                : result.aggregate().setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
