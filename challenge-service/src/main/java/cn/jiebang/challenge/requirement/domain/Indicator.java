package cn.jiebang.challenge.requirement.domain;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A quantified target (考核指标): e.g. resolution at most 28 nm, measured by a stated test method. */
@Serdeable
public record Indicator(String name, BigDecimal targetValue, String unit, Direction direction, String testMethod) {

    public enum Direction {
        AT_LEAST,
        AT_MOST
    }
}
