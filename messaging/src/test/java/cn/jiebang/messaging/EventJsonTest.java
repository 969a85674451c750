package cn.jiebang.messaging;

import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.DomainEvent;
import cn.jiebang.events.EventCatalog;
import cn.jiebang.events.JudgesAssigned;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the relay really writes: every approved example, read and written again by {@link EventJson}, is
 * unchanged. And what a consumer cannot read: a payload without a field its version always had is malformed.
 */
class EventJsonTest {

    private final EventJson json = new EventJson();
    private final ObjectMapper tree = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TestFactory
    Stream<DynamicTest> relayWritesEachExampleAsApproved() {
        return EventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.type(), () -> {
            String example = example(type.type());
            DomainEvent event = json.read(example, type.payload());
            JsonNode written = tree.readTree(json.write(event));
            assertEquals(tree.readTree(example), written);
        }));
    }

    @Test
    void emptyPayloadIsMalformed() {
        MalformedEvent malformed = assertThrows(MalformedEvent.class, () -> json.read("{}", ChallengePublished.class));
        assertTrue(malformed.getMessage().contains("ChallengePublished.challengeId"), malformed.getMessage());
        assertThrows(MalformedEvent.class, () -> json.read("null", ChallengePublished.class));
        assertThrows(MalformedEvent.class, () -> json.read("[]", ChallengePublished.class));
    }

    @Test
    void payloadWithoutAFieldItsVersionAlwaysHadIsMalformed() throws IOException {
        ObjectNode payload = exampleTree("challenge.published.v1");
        payload.remove("title");
        assertThrows(MalformedEvent.class, () -> json.read(payload.toString(), ChallengePublished.class));
    }

    @Test
    void nestedRecordWithoutAFieldIsMalformed() throws IOException {
        ObjectNode payload = exampleTree("judges.assigned.v1");
        ((ObjectNode) payload.withArray("assignments").get(0)).remove("judgeId");
        MalformedEvent malformed = assertThrows(MalformedEvent.class,
                () -> json.read(payload.toString(), JudgesAssigned.class));
        assertTrue(malformed.getMessage().contains("JudgesAssigned.assignments[0].judgeId"), malformed.getMessage());
    }

    @Test
    void olderEventWithoutAFieldAddedWithinItsVersionIsRead() throws IOException {
        ObjectNode payload = exampleTree("judges.assigned.v1");
        payload.remove("withdrawnAssignmentId");
        assertNull(json.read(payload.toString(), JudgesAssigned.class).withdrawnAssignmentId());

        ObjectNode published = exampleTree("challenge.published.v1");
        for (String addedWithinV1 : new String[] {"ownerOrganizationId", "region", "mode", "winners", "requirementIds",
                "indicators", "eligibility", "ipTerms", "rounds"}) {
            published.remove(addedWithinV1);
        }
        assertEquals(0, json.read(published.toString(), ChallengePublished.class).winners());
    }

    @Test
    void explicitNullIsTheHandlersToJudgeExceptForPrimitivesAndTheAggregateId() throws IOException {
        ObjectNode payload = exampleTree("judges.assigned.v1");
        payload.putNull("replacedJudgeId");
        assertNull(json.read(payload.toString(), JudgesAssigned.class).replacedJudgeId());

        payload.putNull("roundIndex");
        assertThrows(MalformedEvent.class, () -> json.read(payload.toString(), JudgesAssigned.class));

        ObjectNode noAggregate = exampleTree("judges.assigned.v1");
        noAggregate.putNull("challengeId");
        assertThrows(MalformedEvent.class, () -> json.read(noAggregate.toString(), JudgesAssigned.class));
    }

    @Test
    void listOfRecordsMustHoldObjects() throws IOException {
        ObjectNode payload = exampleTree("judges.assigned.v1");
        ArrayNode assignments = payload.withArray("assignments");
        assignments.add("not an assignment");
        assertThrows(MalformedEvent.class, () -> json.read(payload.toString(), JudgesAssigned.class));
    }

    private ObjectNode exampleTree(String type) throws IOException {
        return (ObjectNode) tree.readTree(example(type));
    }

    private static String example(String type) {
        try (InputStream in = EventCatalog.class.getResourceAsStream("examples/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
