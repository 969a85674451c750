package cn.jiebang.testing;

import cn.jiebang.events.EventCatalog;
import cn.jiebang.events.EventType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A service's README canvas, read the way the drift checks read it, so that it cannot fall behind the code:
 * <ul>
 *   <li>under {@code ## HTTP API}, each table row whose first cell is a route in backticks
 *       ({@code | `GET /api/challenges/{id}` | anyone | … |});</li>
 *   <li>under {@code ## Publishes} and {@code ## Consumes}, each bullet, which starts with an event type in
 *       backticks ({@code - `round.opened.v1`: what it means here}). Any other bullet there is an error.</li>
 * </ul>
 */
public final class Canvas {

    private static final Pattern ROUTE_ROW = Pattern.compile("^\\|\\s*`([A-Z]+ /[^`]*)`\\s*\\|");
    private static final Pattern EVENT_BULLET = Pattern.compile("^- `([a-z0-9.-]+\\.v[0-9]+)`");

    private final String file;
    private final SortedMap<String, List<String>> sections;

    private Canvas(String file, SortedMap<String, List<String>> sections) {
        this.file = file;
        this.sections = sections;
    }

    public static Canvas of(String service) {
        String file = service + "/README.md";
        SortedMap<String, List<String>> sections = new TreeMap<>();
        List<String> current = null;
        for (String line : Repository.lines(file)) {
            if (line.startsWith("## ")) {
                current = new ArrayList<>();
                sections.put(line.substring(3).strip(), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return new Canvas(file, sections);
    }

    /** The routes in the HTTP API table, by shape. */
    SortedMap<String, String> routes() {
        SortedMap<String, String> routes = new TreeMap<>();
        for (String line : section("HTTP API")) {
            Matcher row = ROUTE_ROW.matcher(line);
            if (row.find()) {
                routes.put(RouteLists.shape(row.group(1)), row.group(1));
            }
        }
        return routes;
    }

    public SortedSet<String> publishes() {
        return events("Publishes");
    }

    public SortedSet<String> consumes() {
        return events("Consumes");
    }

    /** Fails unless the canvas's API table lists exactly {@code routes} (as {@code Routes.of(router)} gives them). */
    public void assertListsExactly(String service, Collection<String> routes) {
        RouteLists.assertSame(service, RouteLists.byShape(routes), file + " (## HTTP API)", routes());
    }

    /**
     * Fails unless Publishes lists exactly the catalog's events on {@code topics}, the topics this service
     * produces (none: it publishes nothing).
     */
    public void assertPublishesEveryEventOn(String... topics) {
        Set<String> produced = Set.of(topics);
        assertSameTypes("Publishes", EventCatalog.all().stream().filter(type -> produced.contains(type.topic()))
                .map(EventType::type).collect(Collectors.toCollection(TreeSet::new)), "the catalog's events on "
                + produced, publishes());
    }

    /** Fails unless Consumes lists exactly the event types the service's listener has handlers for. */
    public void assertConsumesExactly(Collection<String> handledTypes) {
        assertSameTypes("Consumes", new TreeSet<>(handledTypes), "the listener's handlers", consumes());
    }

    private void assertSameTypes(String heading, SortedSet<String> expected, String source, SortedSet<String> listed) {
        List<String> differences = new ArrayList<>();
        expected.stream().filter(type -> !listed.contains(type)).forEach(type ->
                differences.add(source + " include " + type + ", but " + file + " has no bullet for it under ## " + heading));
        listed.stream().filter(type -> !expected.contains(type)).forEach(type ->
                differences.add(file + " lists " + type + " under ## " + heading + ", but " + source + " do not include it"));
        if (!differences.isEmpty()) {
            throw new AssertionError(String.join("\n", differences));
        }
    }

    private SortedSet<String> events(String heading) {
        SortedSet<String> types = new TreeSet<>();
        for (String line : section(heading)) {
            if (!line.startsWith("- ")) {
                continue;
            }
            Matcher bullet = EVENT_BULLET.matcher(line);
            if (!bullet.find()) {
                throw new IllegalStateException("a bullet under ## " + heading + " in " + file
                        + " must start with an event type in backticks: " + line);
            }
            if (!types.add(bullet.group(1))) {
                throw new IllegalStateException(file + " lists " + bullet.group(1) + " twice under ## " + heading);
            }
        }
        return types;
    }

    private List<String> section(String heading) {
        List<String> lines = sections.get(heading);
        if (lines == null) {
            throw new IllegalStateException(file + " has no ## " + heading + " section");
        }
        return lines;
    }
}
