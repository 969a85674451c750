package cn.jiebang.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventExamplesTest {

    // Configured like the relay's mapper: ISO instants, strict about unknown fields here so an
    // example never carries a field the record lost.
    private final ObjectMapper json = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @TestFactory
    Stream<DynamicTest> everyEventRoundTripsToItsApprovedExample() {
        return EventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.type(), () -> {
            JsonNode example = readExample(type.type());
            DomainEvent event = json.treeToValue(example, type.payload());
            assertEquals(example, json.valueToTree(event), "record and example differ");
            assertNotNull(event.aggregateId(), "the aggregate id is the Kafka key");
            assertEquals(type, EventCatalog.of(event));
            assertTrue(example.fieldNames().hasNext());
            assertEquals(example.size(), type.payload().getRecordComponents().length,
                    "the example shows every field of the record");
        }));
    }

    @Test
    void typeStringsAreUniqueAndLiveOnKnownTopics() {
        var types = new HashSet<String>();
        for (EventType<?> type : EventCatalog.all()) {
            assertTrue(types.add(type.type()), "duplicate type " + type.type());
            assertTrue(Stream.of(Topics.ACCOUNT_EVENTS, Topics.CHALLENGE_EVENTS, Topics.BID_EVENTS)
                    .anyMatch(type.topic()::equals), type.topic());
            assertEquals(type, EventCatalog.byType(type.type()).orElseThrow());
        }
    }

    @Test
    void refusesTypeStringsWithoutAVersion() {
        assertThrows(IllegalArgumentException.class,
                () -> new EventType<>("challenge.published", Topics.CHALLENGE_EVENTS, ChallengePublished.class));
        assertThrows(IllegalArgumentException.class,
                () -> new EventType<>("ChallengePublished", Topics.CHALLENGE_EVENTS, ChallengePublished.class));
    }

    private JsonNode readExample(String type) throws IOException {
        try (InputStream in = EventCatalog.class.getResourceAsStream("examples/" + type + ".json")) {
            assertNotNull(in, "no approved example for " + type);
            return json.readTree(in);
        }
    }
}
