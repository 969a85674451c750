package cn.jiebang.web;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.config.annotation.SerdeConfig;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a JSON document is exactly what the Java type it is read into expects, field by field: a string
 * where a String is, true or false where a boolean is, a whole number in range where an int is, one of the
 * constants where an enum is, a list where a list is, an object with no other fields where a record is. So
 * the decoder never has to guess (an array unwrapped into a scalar, "maybe" read as false, 59.99 read as
 * 59, 12345 read as "12345"). Null is left to bean validation ({@code @NotNull}), except for a primitive,
 * which cannot hold it. A decimal may also be written as a string of digits ("1200000.50"), which is exact.
 */
final class JsonShape {

    private static final Pattern DECIMAL_STRING = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final JsonMapper mapper;

    JsonShape(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Every place where {@code node} differs from {@code type}, by JSON path; the document itself is path "". */
    List<Problem.FieldError> check(JsonNode node, Argument<?> type) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (node.isNull()) {
            errors.add(new Problem.FieldError("", Expectations.of(type)));
        } else {
            check(node, type, "", errors);
        }
        return errors;
    }

    private void check(JsonNode node, Argument<?> argument, String path, List<Problem.FieldError> errors) {
        Class<?> type = argument.getType();
        if (node.isNull()) {
            if (type.isPrimitive()) {
                errors.add(new Problem.FieldError(path, Expectations.of(argument)));
            }
            return;
        }
        if (type == Object.class || JsonNode.class.isAssignableFrom(type)) {
            return;
        }
        if (type == Optional.class) {
            check(node, argument.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT), path, errors);
            return;
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            expect(node.isString() && (CharSequence.class.isAssignableFrom(type) || node.getStringValue().length() == 1),
                    argument, path, errors);
        } else if (type == boolean.class || type == Boolean.class) {
            expect(node.isBoolean(), argument, path, errors);
        } else if (Expectations.isWholeNumber(type)) {
            checkWholeNumber(node, type, path, errors);
        } else if (type == BigDecimal.class) {
            expect(node.isNumber() || node.isString() && DECIMAL_STRING.matcher(node.getStringValue()).matches(),
                    argument, path, errors);
        } else if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            expect(node.isNumber(), argument, path, errors);
        } else if (type.isEnum()) {
            expect(node.isString() && isConstant(type, node.getStringValue()), argument, path, errors);
        } else if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            checkList(node, argument, path, errors);
        } else if (Map.class.isAssignableFrom(type)) {
            checkMap(node, argument, path, errors);
        } else if (type.getName().startsWith("java.")) {
            checkByDecoding(node, argument, path, errors);
        } else if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            BeanIntrospector.SHARED.findIntrospection(type)
                    .filter(introspection -> !introspection.hasAnnotation(SerdeConfig.SerSubtyped.class))
                    .ifPresent(introspection -> checkObject(node, introspection, path, errors));
        }
    }

    private static void checkWholeNumber(JsonNode node, Class<?> type, String path, List<Problem.FieldError> errors) {
        Number number = node.isNumber() ? node.getNumberValue() : null;
        if (!(number instanceof BigInteger || number instanceof Long || number instanceof Integer
                || number instanceof Short || number instanceof Byte)) {
            errors.add(new Problem.FieldError(path, Expectations.WHOLE_NUMBER));
            return;
        }
        long[] range = Expectations.range(type);
        BigInteger value = node.getBigIntegerValue();
        if (range != null && (value.compareTo(BigInteger.valueOf(range[0])) < 0
                || value.compareTo(BigInteger.valueOf(range[1])) > 0)) {
            errors.add(new Problem.FieldError(path, Expectations.WHOLE_NUMBER + " from " + range[0] + " to " + range[1]));
        }
    }

    private void checkList(JsonNode node, Argument<?> argument, String path, List<Problem.FieldError> errors) {
        if (!node.isArray()) {
            errors.add(new Problem.FieldError(path, Expectations.LIST));
            return;
        }
        Argument<?> element = argument.getType().isArray()
                ? Argument.of(argument.getType().getComponentType())
                : argument.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
        int i = 0;
        for (JsonNode value : node.values()) {
            check(value, element, path + "[" + i++ + "]", errors);
        }
    }

    private void checkMap(JsonNode node, Argument<?> argument, String path, List<Problem.FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new Problem.FieldError(path, Expectations.OBJECT));
            return;
        }
        Argument<?>[] parameters = argument.getTypeParameters();
        Class<?> key = parameters.length == 2 ? parameters[0].getType() : String.class;
        Argument<?> value = parameters.length == 2 ? parameters[1] : Argument.OBJECT_ARGUMENT;
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            String at = join(path, entry.getKey());
            if (key.isEnum() && !isConstant(key, entry.getKey())) {
                errors.add(new Problem.FieldError(at, "is not one of " + Expectations.constants(key)));
            } else {
                check(entry.getValue(), value, at, errors);
            }
        }
    }

    private void checkObject(JsonNode node, BeanIntrospection<?> introspection, String path,
                             List<Problem.FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new Problem.FieldError(path, Expectations.OBJECT));
            return;
        }
        Map<String, Argument<?>> fields = fields(introspection);
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            Argument<?> field = fields.get(entry.getKey());
            if (field == null) {
                errors.add(new Problem.FieldError(join(path, entry.getKey()), "is not a field of this request"));
            } else {
                check(entry.getValue(), field, join(path, entry.getKey()), errors);
            }
        }
    }

    /** The fields a JSON object may have: the creator's parameters (a record's components) and the setters. */
    private static Map<String, Argument<?>> fields(BeanIntrospection<?> introspection) {
        Map<String, Argument<?>> fields = new LinkedHashMap<>();
        Arrays.stream(introspection.getConstructorArguments())
                .filter(a -> !a.getAnnotationMetadata().booleanValue(SerdeConfig.class, SerdeConfig.IGNORED).orElse(false))
                .forEach(a -> fields.put(name(a.getName(), a.getAnnotationMetadata()
                        .stringValue(SerdeConfig.class, SerdeConfig.PROPERTY)), a));
        for (BeanProperty<?, ?> property : introspection.getBeanProperties()) {
            if (!property.isReadOnly() && !property.booleanValue(SerdeConfig.class, SerdeConfig.IGNORED).orElse(false)) {
                fields.putIfAbsent(name(property.getName(), property.stringValue(SerdeConfig.class, SerdeConfig.PROPERTY)),
                        property.asArgument());
            }
        }
        return fields;
    }

    private static String name(String javaName, Optional<String> jsonName) {
        return jsonName.filter(n -> !n.isEmpty()).orElse(javaName);
    }

    /** A value of another JDK type (a date, an instant, an id): a string the decoder reads. */
    private void checkByDecoding(JsonNode node, Argument<?> argument, String path, List<Problem.FieldError> errors) {
        boolean readable;
        try {
            readable = node.isString() && mapper.readValueFromTree(node, argument) != null;
        } catch (IOException | RuntimeException e) {
            readable = false;
        }
        if (!readable) {
            errors.add(new Problem.FieldError(path, Expectations.of(argument)));
        }
    }

    private static void expect(boolean holds, Argument<?> argument, String path, List<Problem.FieldError> errors) {
        if (!holds) {
            errors.add(new Problem.FieldError(path, Expectations.of(argument)));
        }
    }

    private static boolean isConstant(Class<?> enumType, String name) {
        return Arrays.stream(enumType.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(name));
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
