package cn.jiebang.challenge.challenge.domain;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One round as the program office plans it when composing a challenge. */
@Serdeable
public record RoundPlan(@NotBlank @Size(max = 100) String name,
                        @NotNull RoundKind kind,
                        @NotNull Instant opensAt,
                        @NotNull Instant closesAt,
                        @NotEmpty @Size(max = 20) List<@Valid @NotNull Criterion> criteria,
                        @NotNull AggregationRule aggregation,
                        @NotNull @Valid Advancement advancement,
                        @Min(1) @Max(50) int minJudgesPerBid,
                        boolean blind,
                        @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal tranchePerTeam,
                        @Min(0) @Max(60) int publicityDays) {

    public RoundPlan stripped() {
        return new RoundPlan(name.strip(), kind, opensAt, closesAt, criteria.stream().map(Criterion::stripped).toList(),
                aggregation, advancement, minJudgesPerBid, blind, tranchePerTeam, publicityDays);
    }
}
