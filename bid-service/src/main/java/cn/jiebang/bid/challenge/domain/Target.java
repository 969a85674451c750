package cn.jiebang.bid.challenge.domain;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A challenge's quantified target (考核指标): a bid commits a value at least as strong. */
@Serdeable
public record Target(String name, BigDecimal targetValue, String unit, String direction) {

    /** Whether {@code committed} meets the target: not lower for AT_LEAST, not higher for AT_MOST. */
    public boolean isMetBy(BigDecimal committed) {
        int comparison = committed.compareTo(targetValue);
        return "AT_MOST".equals(direction) ? comparison <= 0 : comparison >= 0;
    }

    public String describe() {
        return name + " " + ("AT_MOST".equals(direction) ? "≤ " : "≥ ") + targetValue.toPlainString() + " " + unit;
    }
}
