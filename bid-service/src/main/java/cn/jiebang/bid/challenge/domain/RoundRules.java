package cn.jiebang.bid.challenge.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A round of a challenge as published: its criteria and rules, which judging and ranking apply, and when it
 * is planned to close ({@code closesAt}, null for challenges projected before it was kept).
 */
@Serdeable
public record RoundRules(int index, String name, RoundKind kind, List<Criterion> criteria, String aggregation,
                         String advancementRule, BigDecimal advancementValue, int maxTeams, int minJudgesPerBid,
                         boolean blind, @Nullable Instant closesAt) {

    /** In a MILESTONE round judges score the team's deliverable: nothing to open or score before it came. */
    public boolean takesDeliverables() {
        return RoundKind.takesDeliverables(kind);
    }

    @Serdeable
    public record Criterion(String code, String name, int weight, int maxScore) {
    }
}
