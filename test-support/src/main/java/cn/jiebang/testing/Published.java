package cn.jiebang.testing;

import cn.jiebang.events.ChallengePublished;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A {@code challenge.published.v1} as challenge-service would send it, for consumers' tests. */
public final class Published {

    private Published() {
    }

    /** An open competition: one round two days after the window, one winner, anyone may bid. */
    public static ChallengePublished challenge(String id, String title, String field, BigDecimal budget,
                                               Instant opens, Instant closes) {
        Instant roundOpens = closes.plus(2, ChronoUnit.DAYS);
        ChallengePublished.Round round = new ChallengePublished.Round(1, "方案评审", "PROPOSAL_REVIEW", roundOpens,
                roundOpens.plus(14, ChronoUnit.DAYS),
                List.of(new ChallengePublished.Criterion("TECH", "技术路线", 100, 10)), "MEAN",
                new ChallengePublished.Advancement("TOP_N", BigDecimal.ONE, 1), 2, false, BigDecimal.ZERO, 5);
        return new ChallengePublished(id, title, "问题", field, budget, opens, closes, Instant.now(),
                "00000000-0000-4000-8000-000000000001", "BEIJING", "OPEN_COMPETITION", 1, List.of(),
                List.of(new ChallengePublished.Indicator("分辨率", new BigDecimal("28"), "nm", "AT_MOST", "SEM")),
                new ChallengePublished.Eligibility(List.of(), List.of(), 4, 1, false), "成果归揭榜方所有", List.of(round));
    }
}
