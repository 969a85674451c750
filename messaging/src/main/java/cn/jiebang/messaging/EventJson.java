package cn.jiebang.messaging;

import cn.jiebang.events.AddedWithinVersion;
import cn.jiebang.events.DomainEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.inject.Singleton;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;

/**
 * The JSON form of event payloads: ISO-8601 instants, exact decimals, and a tolerant reader that
 * ignores fields it does not know (a producer may add optional fields within a major version).
 *
 * <p>Tolerant of more, not of less: a payload that lacks a field its record had from the version's start
 * (one not marked {@link AddedWithinVersion}), or whose aggregate id is null, is a {@link MalformedEvent}.
 * Retrying it cannot help, and a handler must not be left to fail on the gap. An explicit {@code null} is
 * the producer's statement and stays the handler's to judge, except for a primitive or the aggregate id.
 */
@Singleton
public class EventJson {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // the tree keeps a decimal's scale as written, so 30000000.00 stays 30000000.00
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    public String write(DomainEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + event.getClass().getName(), e);
        }
    }

    public <E> E read(String json, Class<E> type) {
        E value;
        try {
            JsonNode tree = mapper.readTree(json);
            requireFields(tree, type, type.getSimpleName());
            value = mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new MalformedEvent("payload is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        if (value instanceof DomainEvent event && event.aggregateId() == null) {
            throw new MalformedEvent("payload of " + type.getSimpleName() + " has no aggregate id");
        }
        return value;
    }

    private static void requireFields(JsonNode node, Class<?> type, String path) {
        if (!type.isRecord()) {
            return;
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEvent(path + " is not a JSON object");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String at = path + "." + component.getName();
            JsonNode field = node.get(component.getName());
            if (field == null) {
                if (component.isAnnotationPresent(AddedWithinVersion.class)) {
                    continue;
                }
                throw new MalformedEvent("payload lacks the required field " + at);
            }
            if (field.isNull()) {
                if (component.getType().isPrimitive()) {
                    throw new MalformedEvent(at + " is null");
                }
                continue;
            }
            requireFields(field, component.getType(), at);
            Class<?> element = recordElementType(component);
            if (element != null && field.isArray()) {
                for (int i = 0; i < field.size(); i++) {
                    requireFields(field.get(i), element, at + "[" + i + "]");
                }
            }
        }
    }

    /** The record type of a {@code List<SomeRecord>} component, else null. */
    private static Class<?> recordElementType(RecordComponent component) {
        if (!Collection.class.isAssignableFrom(component.getType())
                || !(component.getGenericType() instanceof ParameterizedType generic)) {
            return null;
        }
        Type argument = generic.getActualTypeArguments()[0];
        return argument instanceof Class<?> element && element.isRecord() ? element : null;
    }
}
