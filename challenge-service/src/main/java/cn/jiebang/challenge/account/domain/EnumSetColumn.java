package cn.jiebang.challenge.account.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A set of enum constants kept in one column as a sorted, comma-separated list ("JUDGE,TEAM"). */
final class EnumSetColumn {

    private EnumSetColumn() {
    }

    static <E extends Enum<E>> String write(Set<E> values) {
        return values == null ? "" : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> read(String column, Class<E> type) {
        EnumSet<E> values = EnumSet.noneOf(type);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(name -> Enum.valueOf(type, name.strip())).forEach(values::add);
        }
        return values;
    }
}
