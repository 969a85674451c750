package cn.jiebang.events;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/events.md documents exactly the catalog: one section per event type, headed {@code ## `type`},
 * with the catalog's record and topic, and a field table naming exactly the record's components.
 */
class EventDocsTest {

    private static final Pattern SECTION = Pattern.compile("^## `([^`]+)`\\s*$");
    private static final Pattern PROPERTY = Pattern.compile("^\\| (record|topic) \\| `([^`]+)` \\|");
    private static final Pattern FIELD = Pattern.compile("^\\| `([A-Za-z][A-Za-z0-9]*)(?:\\[]\\.[A-Za-z0-9.\\[\\]]+)?` \\|");

    private final Map<String, List<String>> sections = sections();

    @Test
    void documentsEveryEventOfTheCatalogAndNoOther() {
        Set<String> catalog = EventCatalog.all().stream().map(EventType::type).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(catalog);
        missing.removeAll(sections.keySet());
        Set<String> unknown = new TreeSet<>(sections.keySet());
        unknown.removeAll(catalog);
        assertTrue(missing.isEmpty(), "docs/events.md has no section for " + missing);
        assertTrue(unknown.isEmpty(), "docs/events.md documents events the catalog does not have: " + unknown);
    }

    @TestFactory
    Stream<DynamicTest> eachSectionNamesTheRecordTopicAndFieldsOfItsEvent() {
        return EventCatalog.all().stream().filter(type -> sections.containsKey(type.type()))
                .map(type -> DynamicTest.dynamicTest(type.type(), () -> {
                    List<String> lines = sections.get(type.type());
                    Map<String, String> properties = new LinkedHashMap<>();
                    Set<String> fields = new TreeSet<>();
                    for (String line : lines) {
                        Matcher property = PROPERTY.matcher(line);
                        if (property.find()) {
                            properties.put(property.group(1), property.group(2));
                        }
                        Matcher field = FIELD.matcher(line);
                        if (field.find()) {
                            fields.add(field.group(1));
                        }
                    }
                    assertEquals(type.payload().getName(), properties.get("record"), "record of " + type.type());
                    assertEquals(type.topic(), properties.get("topic"), "topic of " + type.type());
                    assertEquals(Arrays.stream(type.payload().getRecordComponents()).map(RecordComponent::getName)
                            .collect(Collectors.toCollection(TreeSet::new)), fields, "fields of " + type.type());
                }));
    }

    /** The lines of each event's section of docs/events.md, by type. */
    private static Map<String, List<String>> sections() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : read("docs/events.md")) {
            Matcher heading = SECTION.matcher(line);
            if (heading.matches()) {
                current = new ArrayList<>();
                sections.put(heading.group(1), current);
            } else if (line.startsWith("## ")) {
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return sections;
    }

    private static List<String> read(String file) {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
            assertNotNull(root, "no mvnw above the module");
        }
        try {
            return Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
