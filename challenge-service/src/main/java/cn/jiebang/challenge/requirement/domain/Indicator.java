package cn.jiebang.challenge.requirement.domain;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A quantified target (考核指标): e.g. resolution at most 28 nm, measured by a stated test method. */
@Serdeable
public record Indicator(@NotBlank @Size(max = 200) String name,
                        @NotNull @Digits(integer = 15, fraction = 6) BigDecimal targetValue,
                        @NotBlank @Size(max = 40) String unit,
                        @NotNull Direction direction,
                        @NotBlank @Size(max = 1000) String testMethod) {

    public enum Direction {
        AT_LEAST,
        AT_MOST
    }

    /** The same indicator with surrounding blanks removed from its texts. */
    public Indicator stripped() {
        return new Indicator(name.strip(), targetValue, unit.strip(), direction, testMethod.strip());
    }
}
