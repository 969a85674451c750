package cn.jiebang.bid.domain;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** A round of a challenge as published: its criteria and rules, which judging and ranking apply. */
@Serdeable
public record RoundRules(int index, String name, String kind, List<Criterion> criteria, String aggregation,
                         String advancementRule, BigDecimal advancementValue, int maxTeams, int minJudgesPerBid,
                         boolean blind) {

    @Serdeable
    public record Criterion(String code, String name, int weight, int maxScore) {
    }
}
