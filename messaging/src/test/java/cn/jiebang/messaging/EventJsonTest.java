package cn.jiebang.messaging;

import cn.jiebang.events.DomainEvent;
import cn.jiebang.events.EventCatalog;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the relay really writes: every approved example, read and written again by {@link EventJson}, is unchanged. */
class EventJsonTest {

    private final EventJson json = new EventJson();
    private final ObjectMapper tree = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TestFactory
    Stream<DynamicTest> relayWritesEachExampleAsApproved() {
        return EventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.type(), () -> {
            try (InputStream in = EventCatalog.class.getResourceAsStream("examples/" + type.type() + ".json")) {
                String example = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                DomainEvent event = json.read(example, type.payload());
                JsonNode written = tree.readTree(json.write(event));
                assertEquals(tree.readTree(example), written);
            }
        }));
    }
}
