package cn.jiebang.web;

import io.micronaut.core.type.Argument;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a value of a Java type must look like in JSON, said in the API's words ("must be a whole number"), never the type's name. */
final class Expectations {

    static final String STRING = "must be a string";
    static final String BOOLEAN = "must be true or false";
    static final String WHOLE_NUMBER = "must be a whole number";
    static final String DECIMAL = "must be a decimal number";
    static final String NUMBER = "must be a number";
    static final String DATE = "must be a date like 2030-06-30";
    static final String DATE_TIME = "must be a date and time like 2030-06-30T09:00:00Z";
    static final String ID = "must be an id like 3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    static final String LIST = "must be a list";
    static final String OBJECT = "must be an object";
    static final String OTHER = "has the wrong format";

    private static final Set<Class<?>> WHOLE = Set.of(byte.class, short.class, int.class, long.class, Byte.class,
            Short.class, Integer.class, Long.class, BigInteger.class);

    private Expectations() {
    }

    static String of(Argument<?> argument) {
        Class<?> type = argument.getType();
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return STRING;
        }
        if (type == boolean.class || type == Boolean.class) {
            return BOOLEAN;
        }
        if (WHOLE.contains(type)) {
            return WHOLE_NUMBER;
        }
        if (type == BigDecimal.class) {
            return DECIMAL;
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return NUMBER;
        }
        if (type.isEnum()) {
            return "must be one of " + constants(type);
        }
        if (type == LocalDate.class) {
            return DATE;
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == LocalDateTime.class) {
            return DATE_TIME;
        }
        if (type == UUID.class) {
            return ID;
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return LIST;
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return OBJECT;
        }
        return OTHER;
    }

    static boolean isWholeNumber(Class<?> type) {
        return WHOLE.contains(type);
    }

    /** The smallest and largest value of a whole-number type, or null when it has no bounds (BigInteger). */
    static long[] range(Class<?> type) {
        if (type == byte.class || type == Byte.class) {
            return new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
        }
        if (type == short.class || type == Short.class) {
            return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
        }
        if (type == int.class || type == Integer.class) {
            return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
        }
        if (type == long.class || type == Long.class) {
            return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        }
        return null;
    }

    static String constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
    }
}
