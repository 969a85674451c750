package cn.jiebang.challenge.challenge.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * Who leaves a round for the next (or, in the last round, wins): the best {@code value} bids (TOP_N), those
 * whose aggregate (0–100) is at least {@code value} (THRESHOLD), or the best {@code value} percent
 * (TOP_PERCENT) — never more than {@code maxTeams}, which bounds the funding the round commits.
 * For TOP_N, {@code maxTeams} is n and may be left out.
 */
@Serdeable
public record Advancement(@NotNull Rule rule,
                          @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 3, fraction = 2) BigDecimal value,
                          @Nullable @Min(1) @Max(1000) Integer maxTeams) {

    public enum Rule {
        TOP_N,
        THRESHOLD,
        TOP_PERCENT
    }

    /** How many teams at most advance; null when the definition does not say (a validation error). */
    @Nullable
    public Integer teamCap() {
        if (rule == Rule.TOP_N && isWholeNumber(value)) {
            return value.intValueExact();
        }
        return maxTeams;
    }

    static boolean isWholeNumber(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0;
    }
}
