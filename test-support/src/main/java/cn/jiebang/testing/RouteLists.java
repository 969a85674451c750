package cn.jiebang.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Routes ("GET /api/challenges/{id}") compared by shape, so that variable names and query variables don't
 * count: "GET /api/challenges/{id}{?page,size}" and "GET /api/challenges/{challengeId}" are the same route.
 */
final class RouteLists {

    private static final Pattern QUERY_VARIABLES = Pattern.compile("\\{[?&][^}]*}");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    private RouteLists() {
    }

    static String shape(String route) {
        return VARIABLE.matcher(QUERY_VARIABLES.matcher(route).replaceAll("")).replaceAll("{}");
    }

    static SortedMap<String, String> byShape(Collection<String> routes) {
        SortedMap<String, String> byShape = new TreeMap<>();
        routes.forEach(route -> byShape.put(shape(route), route));
        return byShape;
    }

    /**
     * Fails, naming each difference, unless {@code listed} (entries of {@code where}, by the shape of the
     * route they name) names exactly the routes {@code service} serves.
     */
    static void assertSame(String service, SortedMap<String, String> served, String where,
                           SortedMap<String, String> listed) {
        List<String> differences = new ArrayList<>();
        served.forEach((shape, route) -> {
            if (!listed.containsKey(shape)) {
                differences.add(service + " serves " + route + ", but " + where + " has no entry for it");
            }
        });
        listed.forEach((shape, entry) -> {
            if (!served.containsKey(shape)) {
                differences.add(where + " has \"" + entry + "\", but " + service + " serves no such route");
            }
        });
        if (!differences.isEmpty()) {
            throw new AssertionError(String.join("\n", differences));
        }
    }
}
